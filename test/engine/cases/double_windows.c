/* @O3 double loops as clang -O2/-O3 vectorises them into <2 x double> (SLP and loop vectoriser):
 * a five-point stencil over rows of two-dimensional arrays (a shuffle of last pass's vector and
 * this one's: lower_alias_shuffle_windows; each row's base computed once per entry into the
 * inner loop: lower_find_row_bases; the neighbours' loads made by the fadds using them:
 * lower_defer_loads_to_users), the same in place (Gauss-Seidel: the loads and stores of one
 * array interleave, nothing may move past a store), through pointers to rows, with an odd
 * width, with a row index that changes inside the inner loop, with zero and one inner passes;
 * a 1-D sliding window, complex multiplication (lanes swapped) and pairwise sums. */
#include <stdio.h>
#define N 19
static double a[N][N], b[N][N];
typedef struct { double re, im; } cplx;
static cplx x[33], y[33], z[33];
static double v[67], w[67];

__attribute__((noinline)) static void jacobi(int rows, int cols) {
    for (int i = 1; i < rows - 1; i++)
        for (int j = 1; j < cols - 1; j++)
            b[i][j] = 0.2 * (a[i][j] + a[i - 1][j] + a[i + 1][j] + a[i][j - 1] + a[i][j + 1]);
}
__attribute__((noinline)) static void gauss_seidel(int n) {
    for (int i = 1; i < n - 1; i++)
        for (int j = 1; j < n - 1; j++)
            a[i][j] = 0.25 * (a[i - 1][j] + a[i + 1][j] + a[i][j - 1] + a[i][j + 1]);
}
/* rows through a pointer parameter, the grid as wide as the caller says */
__attribute__((noinline)) static void smooth(int n, int m, double (*p)[m], double (*q)[m]) {
    for (int i = 1; i < n - 1; i++)
        for (int j = 1; j < m - 1; j++)
            q[i][j] = (p[i][j - 1] + 2 * p[i][j] + p[i][j + 1]) * 0.25 - p[i - 1][j] * 0.125 + p[i + 1][j] * 0.125;
}
/* the row moves inside the inner loop: nothing to hoist */
__attribute__((noinline)) static double diagonal(int n) {
    double s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j + 1 < n; j++) s += a[(i + j) % n][j] * a[j][(i + j + 1) % n];
    return s;
}
__attribute__((noinline)) static void window(int n) {
    for (int i = 1; i < n - 1; i++) w[i] = v[i - 1] * 0.25 + v[i] * 0.5 + v[i + 1] * 0.25;
}
__attribute__((noinline)) static void cmul(int n) {
    for (int i = 0; i < n; i++) {
        z[i].re = x[i].re * y[i].re - x[i].im * y[i].im;
        z[i].im = x[i].re * y[i].im + x[i].im * y[i].re;
    }
}
__attribute__((noinline)) static double pairsum(int n) {
    double s0 = 0, s1 = 0;
    for (int i = 0; i + 1 < n; i += 2) { s0 += v[i] - w[i]; s1 += v[i + 1] * w[i + 1]; }
    return s0 * 3 + s1;
}
static double grid_sum(double (*g)[N]) {
    double s = 0;
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) s += g[i][j] * (i * N + j + 1);
    return s;
}
static void fill(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) { a[i][j] = ((i * 7 + j * 3) % 11) * 0.5 - 2.0; b[i][j] = 0; }
    for (int i = 0; i < 67; i++) { v[i] = (i % 9) * 0.75 - 3.0; w[i] = 0; }
    for (int i = 0; i < 33; i++) { x[i].re = i * 0.5 - 4; x[i].im = (i % 5) - 2.5; y[i].re = (i % 3) * 1.5; y[i].im = 7 - i * 0.25; }
}

int main(void) {
    static double p[12][13], q[12][13];
    fill();
    int sizes[] = { 2, 3, 4, 5, 18, N };
    for (int k = 0; k < 6; k++) for (int c = 2; c <= N; c += 3) { jacobi(sizes[k], c); printf("jacobi %d %d %a\n", sizes[k], c, grid_sum(b)); }
    for (int t = 0; t < 3; t++) { jacobi(N, N); for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) a[i][j] = b[i][j] + a[i][j] * 0.5; }
    printf("sweeps %a\n", grid_sum(a));
    gauss_seidel(N); printf("gs %a\n", grid_sum(a));
    gauss_seidel(3); gauss_seidel(2); printf("gs small %a\n", grid_sum(a));
    for (int i = 0; i < 12; i++) for (int j = 0; j < 13; j++) { p[i][j] = (i * 13 + j) % 7 - 3.5; q[i][j] = -1; }
    smooth(12, 13, p, q); smooth(3, 13, p, q); smooth(12, 3, p, q);
    double s = 0; for (int i = 0; i < 12; i++) for (int j = 0; j < 13; j++) s += q[i][j] * (i + 2 * j + 1);
    printf("smooth %a\n", s);
    printf("diagonal %a %a\n", diagonal(N), diagonal(1));
    for (int n = 0; n < 67; n += 11) { window(n); double t = 0; for (int i = 0; i < 67; i++) t += w[i] * (i + 1); printf("window %d %a\n", n, t); }
    for (int n = 0; n <= 33; n += 11) { cmul(n); double t = 0; for (int i = 0; i < 33; i++) t += z[i].re * (i + 1) - z[i].im * (i + 3); printf("cmul %d %a\n", n, t); }
    printf("pairsum %a %a %a\n", pairsum(0), pairsum(1), pairsum(67));
    return 0;
}
