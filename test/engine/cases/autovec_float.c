/* @O3 float loops clang vectorises: saxpy <4 x float>, conversions int<->float, fabs/sqrt/min/max in loops, double <2 x double> */
#include <stdio.h>
#include <math.h>
#define N 1000
static float X[N], Y[N], Z[N]; static double DX[N], DY[N]; static int I[N];
__attribute__((noinline)) static void saxpy(float *restrict y, const float *restrict x, float a, int n) { for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i]; }
__attribute__((noinline)) static void tofloat(float *restrict z, const int *restrict v, int n) { for (int i = 0; i < n; i++) z[i] = (float)v[i] * 0.5f; }
__attribute__((noinline)) static void toint(int *restrict v, const float *restrict z, int n) { for (int i = 0; i < n; i++) v[i] = (int)(z[i] * 3.0f); }
__attribute__((noinline)) static void absq(float *restrict z, const float *restrict x, int n) { for (int i = 0; i < n; i++) z[i] = sqrtf(fabsf(x[i])); }
__attribute__((noinline)) static void clampv(float *z, int n) { for (int i = 0; i < n; i++) z[i] = fminf(fmaxf(z[i], -2.0f), 2.0f); }
__attribute__((noinline)) static void daxpy(double *restrict y, const double *restrict x, double a, int n) { for (int i = 0; i < n; i++) y[i] = y[i] * a + x[i]; }
__attribute__((noinline)) static float fmaxr(const float *x, int n) { float m = -INFINITY; for (int i = 0; i < n; i++) m = x[i] > m ? x[i] : m; return m; }
__attribute__((noinline)) static void scale_sel(float *restrict y, const float *restrict x, int n) { for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] * 2 : -x[i]; }
int main(void) {
    for (int i = 0; i < N; i++) { X[i] = (float)((i * 37) % 101) - 50.0f; Y[i] = i * 0.01f; I[i] = (i * 7919) % 2001 - 1000; DX[i] = i * 0.001; DY[i] = 1.0 / (i + 1); }
    saxpy(Y, X, 1.5f, N); tofloat(Z, I, N); toint(I, Y, N); absq(X, Z, N); clampv(Y, N); daxpy(DY, DX, 0.999, N); scale_sel(Z, Y, N);
    double sy = 0, sz = 0, sx = 0, sd = 0; long long si = 0;
    for (int i = 0; i < N; i++) { sy += Y[i]; sz += Z[i]; sx += X[i]; sd += DY[i]; si += I[i] * (long long)(i + 1); }
    printf("%.4f %.4f %.4f %.6f %lld max %.3f\n", sy, sz, sx, sd, si, fmaxr(X, N));
    return (int)si & 0x7f;
}
