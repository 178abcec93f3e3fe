/* lexicographic next_permutation over arrays with duplicates, k-th permutation by factorial number system, combinations by Gosper */
#include <stdio.h>
#include <string.h>
static int next_perm(char *a, int n) { int i = n - 2; while (i >= 0 && a[i] >= a[i + 1]) i--; if (i < 0) return 0; int j = n - 1; while (a[j] <= a[i]) j--; char t = a[i]; a[i] = a[j]; a[j] = t; for (int l = i + 1, r = n - 1; l < r; l++, r--) { t = a[l]; a[l] = a[r]; a[r] = t; } return 1; }
int main(void) {
    char s[] = "aabbcd"; int cnt = 0; unsigned h = 0;
    do { cnt++; for (int i = 0; i < 6; i++) h = h * 31 + s[i]; if (cnt <= 5 || cnt % 40 == 0) printf("%s ", s); } while (next_perm(s, 6));
    printf("\ncount %d h %08x\n", cnt, h);
    long long fact[13] = { 1 }; for (int i = 1; i < 13; i++) fact[i] = fact[i - 1] * i;
    long long ks[] = { 0, 1, 999999, 123456789, 479001599 };
    for (int t = 0; t < 5; t++) { char pool[] = "0123456789ab", out[13]; long long k = ks[t]; int n = 12; for (int i = 0; i < 12; i++) { long long f = fact[n - 1 - i]; int idx = (int)(k / f); k %= f; out[i] = pool[idx]; memmove(pool + idx, pool + idx + 1, strlen(pool + idx)); } out[12] = 0; printf("perm #%lld = %s\n", ks[t], out); }
    unsigned c = 0x1f, combos = 0, sumc = 0; while (c < (1u << 10)) { combos++; sumc += c; unsigned t = c | (c - 1); c = (t + 1) | (((~t & -~t) - 1) >> (__builtin_ctz(c) + 1)); }
    printf("C(10,5)=%u sum %u\n", combos, sumc);
    return cnt & 0x7f;
}
