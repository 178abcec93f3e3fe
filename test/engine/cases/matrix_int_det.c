/* integer matrices: multiplication mod p, fast matrix power for Fibonacci mod 1e9+7, Bareiss determinant, transpose/trace checks */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#define P 1000000007ull
typedef struct { uint64_t a[2][2]; } m2;
static m2 mul(m2 x, m2 y) { m2 r; for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) r.a[i][j] = (x.a[i][0] * y.a[0][j] + x.a[i][1] * y.a[1][j]) % P; return r; }
static uint64_t fibmod(uint64_t n) { m2 r = { { { 1, 0 }, { 0, 1 } } }, b = { { { 1, 1 }, { 1, 0 } } }; while (n) { if (n & 1) r = mul(r, b); b = mul(b, b); n >>= 1; } return r.a[0][1]; }
static long long bareiss(long long m[6][6], int n) { long long prev = 1; int sign = 1;
    for (int k = 0; k < n - 1; k++) { if (!m[k][k]) { int s = k + 1; while (s < n && !m[s][k]) s++; if (s == n) return 0; for (int j = 0; j < n; j++) { long long t = m[k][j]; m[k][j] = m[s][j]; m[s][j] = t; } sign = -sign; }
        for (int i = k + 1; i < n; i++) for (int j = k + 1; j < n; j++) m[i][j] = (m[i][j] * m[k][k] - m[i][k] * m[k][j]) / prev; prev = m[k][k]; }
    return sign * m[n - 1][n - 1]; }
int main(void) {
    uint64_t ns[] = { 1, 2, 10, 50, 90, 1000, 1000000, 1000000000000ull };
    for (int i = 0; i < 8; i++) printf("F(%llu) mod p = %llu\n", (unsigned long long)ns[i], (unsigned long long)fibmod(ns[i]));
    long long m[6][6]; unsigned s = 5; for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) { s = s * 1103515245 + 12345; m[i][j] = (long long)((s >> 16) % 19) - 9; }
    long long c[6][6]; memcpy(c, m, sizeof c); long long d = bareiss(c, 6);
    long long t[6][6]; for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) t[j][i] = m[i][j]; memcpy(c, t, sizeof c); long long dt = bareiss(c, 6);
    long long sing[6][6]; memcpy(sing, m, sizeof sing); for (int j = 0; j < 6; j++) sing[5][j] = sing[0][j] * 2; long long ds = bareiss(sing, 6);
    long long id[6][6] = { { 0 } }; for (int i = 0; i < 6; i++) id[i][i] = i + 2;
    printf("det %lld transpose %lld singular %lld diag %lld\n", d, dt, ds, bareiss(id, 6));
    return (int)(d & 0x7f);
}
