/* lifetime markers (scoped arrays at O2), stacksave/stackrestore (VLA in nested loops), assume/expect */
#include <stdio.h>
#include <string.h>
__attribute__((noinline)) static int use(char *p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i] * (i + 1); return s; }
int main(void) {
    int total = 0;
    for (int r = 0; r < 20; r++) {
        { char a[100]; memset(a, r, sizeof a); total += use(a, 100); }
        { char b[300]; for (int i = 0; i < 300; i++) b[i] = (char)(i ^ r); total += use(b, 300); }
        for (int k = 1; k < 8; k++) {
            char v[k * 10 + r];
            for (int i = 0; i < k * 10 + r; i++) v[i] = (char)(i * k);
            total += use(v, k * 10 + r);
            if (k == 5 && r == 19) break;
        }
    }
    printf("total %d\n", total);
    int x = total; __builtin_assume(x != 0); if (__builtin_expect(x > 0, 1)) printf("positive\n");
    return total & 0x7f;
}
