/* @O3 loops that clang auto-vectorises */
#include <stdio.h>
#define N 1003
float a[N], b[N], c[N];
int ia[N], ib[N];
unsigned char bytes[N];
int main(void) {
    for (int i = 0; i < N; i++) { a[i] = i * 0.5f; b[i] = (N - i) * 0.25f; ia[i] = i * 7 - 300; ib[i] = (i * 13) % 101; bytes[i] = (unsigned char)(i * 31); }
    for (int i = 0; i < N; i++) c[i] = a[i] * b[i] + 1.0f;
    float s = 0; for (int i = 0; i < N; i++) s += c[i];
    int is = 0; for (int i = 0; i < N; i++) is += ia[i] * ib[i];
    int mx = -1000000, mn = 1000000; for (int i = 0; i < N; i++) { if (ia[i] > mx) mx = ia[i]; if (ia[i] < mn) mn = ia[i]; }
    unsigned bs = 0; for (int i = 0; i < N; i++) bs += bytes[i];
    unsigned x = 0; for (int i = 0; i < N; i++) x ^= (unsigned)ia[i];
    for (int i = 0; i < N; i++) ia[i] = ia[i] < 0 ? -ia[i] : ia[i];
    long long ls = 0; for (int i = 0; i < N; i++) ls += ia[i];
    float fm = 0; for (int i = 0; i < N; i++) fm = fm > c[i] ? fm : c[i];
    printf("%.2f %d %d %d %u %u %lld %.2f\n", s, is, mx, mn, bs, x, ls, fm);
    double d = 0; for (int i = 0; i < N; i++) d += (double)a[i] * b[i];
    printf("%.4f\n", d);
    return is & 0x7f;
}
