/* @O3 VLAs and alloca inside loops (the stack must come back each iteration), 2D VLA parameters, sizeof of a VLA */
#include <stdio.h>
#include <string.h>
#include <alloca.h>
static long fill(int n, int m, int a[n][m]) { long s = 0; for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) { a[i][j] = i * m + j; s += a[i][j] * (i + 1); } return s; }
static int deep(int n) { if (n == 0) return 0; char buf[n + 5]; memset(buf, n, sizeof buf); return buf[n] + deep(n - 1); }
int main(void) {
    long total = 0;
    for (int round = 0; round < 20000; round++) {
        int n = round % 13 + 1;
        int v[n]; for (int i = 0; i < n; i++) v[i] = i * round;
        total += v[n - 1] + (long)sizeof v;
    }
    printf("vla loop %ld\n", total);
    char *first = 0, *last = 0;
    for (int round = 0; round < 5000; round++) {
        int n = 1 + round % 7;
        double m[n][n + 1];
        for (int i = 0; i < n; i++) for (int j = 0; j <= n; j++) m[i][j] = i - j * 0.5;
        if (round == 0) first = (char *)m; last = (char *)m;
        total += (long)(m[n - 1][n] * 2) + (long)sizeof m;
    }
    printf("vla2d %ld same-ish frame %d\n", total, (int)(first - last) < 4096 && (int)(last - first) < 4096);
    for (int k = 1; k <= 6; k++) { int a[k][k + 2]; printf("fill %d %ld sizeof %zu\n", k, fill(k, k + 2, a), sizeof a); }
    long as = 0;
    for (int i = 0; i < 100; i++) { int *p = alloca(16 * sizeof(int)); for (int j = 0; j < 16; j++) p[j] = i + j; as += p[15]; }
    printf("alloca loop %ld\n", as);
    printf("deep vla %d\n", deep(300));
    return 0;
}
