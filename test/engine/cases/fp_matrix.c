/* @O3 dense matrix kernels in double: multiply (ikj order), transpose, LU decomposition with partial pivoting, determinant, solve */
#include <stdio.h>
#include <math.h>
#define N 48
static double A[N][N], B[N][N], C[N][N], LU[N][N];
int main(void) {
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { A[i][j] = sin(i * 0.37 + j * 0.11) + (i == j ? N : 0); B[i][j] = cos(i * 0.05 - j * 0.21); }
    for (int i = 0; i < N; i++) for (int k = 0; k < N; k++) { double a = A[i][k]; for (int j = 0; j < N; j++) C[i][j] += a * B[k][j]; }
    double tr = 0, fro = 0; for (int i = 0; i < N; i++) { tr += C[i][i]; for (int j = 0; j < N; j++) fro += C[i][j] * C[i][j]; }
    printf("trace %.10f frob %.10f\n", tr, sqrt(fro));
    int piv[N]; double det = 1; for (int i = 0; i < N; i++) { piv[i] = i; for (int j = 0; j < N; j++) LU[i][j] = A[i][j]; }
    for (int k = 0; k < N; k++) {
        int p = k; for (int i = k + 1; i < N; i++) if (fabs(LU[i][k]) > fabs(LU[p][k])) p = i;
        if (p != k) { for (int j = 0; j < N; j++) { double t = LU[k][j]; LU[k][j] = LU[p][j]; LU[p][j] = t; } int t = piv[k]; piv[k] = piv[p]; piv[p] = t; det = -det; }
        det *= LU[k][k];
        for (int i = k + 1; i < N; i++) { LU[i][k] /= LU[k][k]; for (int j = k + 1; j < N; j++) LU[i][j] -= LU[i][k] * LU[k][j]; }
    }
    double b[N], x[N], y[N]; for (int i = 0; i < N; i++) b[i] = i + 1;
    for (int i = 0; i < N; i++) { double s = b[piv[i]]; for (int j = 0; j < i; j++) s -= LU[i][j] * y[j]; y[i] = s; }
    for (int i = N - 1; i >= 0; i--) { double s = y[i]; for (int j = i + 1; j < N; j++) s -= LU[i][j] * x[j]; x[i] = s / LU[i][i]; }
    double res = 0; for (int i = 0; i < N; i++) { double s = 0; for (int j = 0; j < N; j++) s += A[i][j] * x[j]; res += fabs(s - b[i]); }
    printf("log|det| %.10f sign %d x0 %.12f xN %.12f residual<1e-9 %d\n", log(fabs(det)), det > 0 ? 1 : -1, x[0], x[N - 1], res < 1e-9);
    return (int)tr & 0x7f;
}
