/* irreducible-ish control flow with goto: retry loops, jumping into the middle of a loop, multi-level breaks, duff's device */
#include <stdio.h>
#include <string.h>
static int duff(char *to, const char *from, int count) { int n = (count + 7) / 8, copied = 0; if (!count) return 0;
    switch (count % 8) { case 0: do { *to++ = *from++; copied++; case 7: *to++ = *from++; copied++; case 6: *to++ = *from++; copied++; case 5: *to++ = *from++; copied++;
        case 4: *to++ = *from++; copied++; case 3: *to++ = *from++; copied++; case 2: *to++ = *from++; copied++; case 1: *to++ = *from++; copied++; } while (--n > 0); }
    return copied; }
static int search2d(int t, int *ri, int *ci) { for (int i = 0; i < 20; i++) for (int j = 0; j < 20; j++) if (i * j + i == t) { *ri = i; *ci = j; goto found; } return 0; found: return 1; }
int main(void) {
    int attempts = 0, v = 7;
retry:
    attempts++; v = v * 5 % 23;
    if (v != 1 && attempts < 50) goto retry;
    printf("retry attempts %d v %d\n", attempts, v);
    int i = 0, sum = 0; goto middle;
    for (; i < 20; i++) { sum += i * 2; middle: sum += 1; if (sum > 150) break; }
    printf("middle-entry sum %d i %d\n", sum, i);
    int r, c, hits = 0; for (int t = 0; t < 100; t++) hits += search2d(t, &r, &c);
    search2d(99, &r, &c); printf("found %d last %d,%d\n", hits, r, c);
    char src[100], dst[100]; for (int k = 0; k < 100; k++) src[k] = (char)('A' + k % 26); int tot = 0;
    for (int n = 0; n < 30; n++) { memset(dst, 0, 100); tot += duff(dst, src + n, n + 3); if (memcmp(dst, src + n, n + 3)) printf("duff mismatch %d\n", n); }
    printf("duff copied %d\n", tot);
    int state = 0, steps = 0;
s0: steps++; if (state++ < 3) goto s1; goto end;
s1: steps += 2; if (state % 2) goto s0; goto s2;
s2: steps += 3; goto s0;
end: printf("steps %d state %d\n", steps, state);
    return attempts;
}
