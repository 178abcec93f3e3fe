/* @O3 strided dot-product loops (patterns.c: a column or a row of a two-dimensional
 * array, run by the interpreter as one dotls/dotlds cell): sums whose order
 * matters, columns read to the last one, negative and wrapping row indices,
 * one array read as both row and column, pointers to rows, a vector read from an
 * offset times a column, loops of one pass,
 * and a loop whose loaded element is used after it (not fused) */
#include <stdio.h>
#define N 37
static float A[N][N], B[N][N];
static double D[N][N], E[N][N];
static float V[2 * N];

/* a row of A times a column of B: A[i][k] * B[k][j] */
__attribute__((noinline)) static float row_col(int i, int j, int n) {
    float s = 0;
    for (int k = 0; k < n; k++) s += A[i][k] * B[k][j];
    return s;
}
/* a column times a column, doubles (both strided) */
__attribute__((noinline)) static double col_col(int i, int j, int n) {
    double s = 0.5;
    for (int k = 0; k < n; k++) s += D[k][i] * E[k][j];
    return s;
}
/* the same array as row and column (A[i][k] * A[k][i]) */
__attribute__((noinline)) static float self_transpose(int i, int n) {
    float s = 0;
    for (int k = 0; k < n; k++) s += A[i][k] * A[k][i];
    return s;
}
/* through pointers to rows: the row index a parameter (may be negative) */
__attribute__((noinline)) static double rows_through(double (*p)[N], double (*q)[N], int r, int c, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) s += p[r][k] * q[k][c];
    return s;
}
/* a vector from an offset (a[k + off]) times a column */
__attribute__((noinline)) static float offset_col(int off, int j, int n) {
    float s = 0;
    for (int k = 0; k < n; k++) s += V[k + off] * B[k][j];
    return s;
}
/* the last product read after the loop: its load is used outside the block */
__attribute__((noinline)) static float escapes(int j, float *last) {
    float s = 0, b = 0;
    for (int k = 0; k < N; k++) { b = B[k][j]; s += A[1][k] * b; }
    *last = b;
    return s;
}

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            /* magnitudes 1e-3 .. 1e7 so that the order of the sums shows in the result */
            A[i][j] = (float)((i * 7 + j * 3) % 17) * ((i + j) % 5 == 0 ? 1e6f : 1e-3f) - 0.25f;
            B[i][j] = (float)((i * 5 + j * 11) % 13) / 13.0f - 0.5f;
            D[i][j] = (double)((i * 3 + j) % 11) * ((i ^ j) % 3 ? 1e-9 : 1e9) + 0.125;
            E[i][j] = (double)((i + 2 * j) % 7) - 3.0;
        }
    double t = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) t += row_col(i, j, N);
    printf("row*col %a %a %a\n", t, (double)row_col(N - 1, N - 1, N), (double)row_col(3, 0, 1));
    double u = 0;
    for (int i = 0; i < N; i += 3) for (int j = 0; j < N; j += 2) u += col_col(i, j, N - (i % 4));
    printf("col*col %a %a\n", u, col_col(N - 1, N - 1, 1));
    float v = 0;
    for (int i = 0; i < N; i++) v += self_transpose(i, N - i % 2);
    printf("self %a\n", (double)v);
    printf("rows %a %a %a\n", rows_through(D, E, 5, 9, N), rows_through(D + 10, E, -3, 0, N), rows_through(D, E + 2, N - 1, N - 1, N - 2));
    for (int i = 0; i < 2 * N; i++) V[i] = (float)(i % 23) * 0.375f - 4.0f;
    printf("offset %a %a\n", (double)offset_col(0, 2, N), (double)offset_col(N - 1, N - 1, N - 2));
    float last, w = escapes(N - 1, &last);
    printf("escapes %a %a\n", (double)w, (double)last);
    return 0;
}
