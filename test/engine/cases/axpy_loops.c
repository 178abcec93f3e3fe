/* @O3 multiply-add loops y[i] += a * x[i] (patterns.c AxpyLoop; the interpreter runs a whole loop as
 * one axpyl/axpyld cell when the arrays do not overlap, else the loop's own cells): double and float,
 * vectorised and not, rows of two-dimensional arrays, x and y the same array, x and y overlapping at
 * distances on both sides (clang's run-time check lets its vector loop run for the larger ones),
 * loops of 0, 1 and odd counts, a lane-wise constant factor, and NaN, infinities and signed zeros */
#include <stdio.h>
#include <math.h>
#define N 203
static double X[N + 128], Y[N + 128], M[8][N];
static float FX[N], FY[N];

__attribute__((noinline)) static void daxpy(int n, double a, const double *x, double *y) { for (int i = 0; i < n; i++) y[i] += a * x[i]; }
__attribute__((noinline)) static void saxpy(int n, float a, const float *x, float *y) { for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i]; }
/* a row of M updated from another row: M[r][j] += a * M[s][j] */
__attribute__((noinline)) static void rows(int r, int s, double a, int n) { for (int j = 0; j < n; j++) M[r][j] += a * M[s][j]; }
/* the even elements scaled by 2, the odd ones by 3 (SLP: a <2 x double> factor <2, 3>) */
__attribute__((noinline)) static void pairs(int n, const double *x, double *y) {
    for (int i = 0; i < n; i += 2) { y[i] += 2.0 * x[i]; y[i + 1] += 3.0 * x[i + 1]; }
}

static double sum(const double *p, int n) { double s = 0; for (int i = 0; i < n; i++) s += p[i] * (i % 7 + 1); return s; }
static void fill(void) {
    for (int i = 0; i < N + 128; i++) { X[i] = (i % 17) * 0.5 - 3.25; Y[i] = (i % 5) * 0.25 + 1e-7 * i; }
    for (int i = 0; i < N; i++) { FX[i] = (float)(i % 13) * 0.75f - 4.0f; FY[i] = (float)(i % 9) * 0.125f; }
}

int main(void) {
    fill();
    for (int r = 0; r < 50; r++) daxpy(N, r % 2 ? 1e-3 : -1e-3 + 1e-7, X, Y);
    printf("daxpy %a\n", sum(Y, N));
    int counts[] = { 0, 1, 2, 3, 7, 8, 9, 17, N };
    for (int k = 0; k < 9; k++) { fill(); daxpy(counts[k], 0.3, X, Y); printf("n=%d %a %a\n", counts[k], sum(Y, N), Y[counts[k] ? counts[k] - 1 : 0]); }
    /* the same array: y[i] += a * y[i] */
    fill(); daxpy(N, 1.5, Y, Y); printf("same %a\n", sum(Y, N));
    /* overlapping: x = y + d and y = x + d (elements read after the loop wrote them, or before) */
    int dist[] = { 1, 2, 3, 4, 8, 16, 64 };
    for (int k = 0; k < 7; k++) {
        fill(); daxpy(N, 0.5, Y + dist[k], Y); double up = sum(Y, N + 64);
        fill(); daxpy(N, 0.5, Y, Y + dist[k]); printf("overlap %d %a %a\n", dist[k], up, sum(Y, N + 64));
    }
    /* floats, special values */
    for (int r = 0; r < 20; r++) saxpy(N, r % 3 ? 0.25f : -1.5f, FX, FY);
    float fs = 0; for (int i = 0; i < N; i++) fs += FY[i] * (i % 3 + 1);
    printf("saxpy %a\n", (double)fs);
    fill(); X[5] = NAN; X[6] = INFINITY; Y[7] = -0.0; X[7] = 0.0; Y[8] = INFINITY; X[8] = -1.0;
    daxpy(16, -0.0, X, Y);
    for (int i = 4; i < 10; i++) printf("%a ", Y[i]);
    printf("\n");
    fill(); daxpy(16, INFINITY, X, Y); printf("inf %a %a %a\n", Y[0], Y[6], Y[13]);
    /* rows of a two-dimensional array, a row onto itself and onto its neighbour */
    for (int r = 0; r < 8; r++) for (int j = 0; j < N; j++) M[r][j] = (r * 3 + j) % 11 * 0.125;
    for (int r = 1; r < 8; r++) rows(r, r - 1, 0.5 + r, N);
    rows(3, 3, -2.0, N - 1);
    double ms = 0; for (int r = 0; r < 8; r++) ms += sum(M[r], N) * (r + 1);
    printf("rows %a\n", ms);
    fill(); pairs(N - 1, X, Y); printf("pairs %a\n", sum(Y, N));
    fill(); pairs(N - 1, Y + 2, Y); printf("pairs overlap %a\n", sum(Y, N));
    return 0;
}
