/* Dot-product loops (interpreter/patterns.h) in the shapes clang -O2/-O3
 * gives them: float and double, unrolled by 4 with a remainder loop, with
 * and without an offset into one array (a matrix row), over pointers and over
 * global arrays, plus loops that look alike but must not be fused (a partial
 * sum or the index used after the loop, a store in the loop). Every result is
 * printed exactly (%a), so any change of rounding order shows. */
#include <stdio.h>

#define N 203
static float wf[N * 7], xf[N], of[7];
static double wd[N * 3], xd[N];

__attribute__((noinline)) static void matmul(float *out, const float *x, const float *w, int n, int d) {
    for (int i = 0; i < d; i++) {
        float v = 0.0f;
        for (int j = 0; j < n; j++) v += w[i * n + j] * x[j];
        out[i] = v;
    }
}

__attribute__((noinline)) static double ddot(const double *a, const double *b, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

/* global arrays: getelementptr [N x float], @g, 0, i */
__attribute__((noinline)) static float dot_globals(int n) {
    float s = 0.5f;
    for (int i = 0; i < n; i++) s += wf[i] * xf[i];
    return s;
}

/* a sum of squares: the same array twice */
__attribute__((noinline)) static float sum_squares(const float *a, int n) {
    float s = 0;
    for (int i = 0; i < n; i++) s += a[i] * a[i];
    return s;
}

/* from a start index to an end: the exit test reads the index itself */
__attribute__((noinline)) static double ddot_range(const double *a, const double *b, int from, int to) {
    double s = -1.0;
    for (int i = from; i < to; i++) s += a[i] * b[i];
    return s;
}

/* not fused: the running sum is stored on every pass */
__attribute__((noinline)) static float prefix_dot(float *partial, const float *a, const float *b, int n) {
    float s = 0;
    for (int i = 0; i < n; i++) { s += a[i] * b[i]; partial[i] = s; }
    return s;
}

/* not fused: the loop leaves early on a data-dependent test */
__attribute__((noinline)) static int dot_until(const float *a, const float *b, int n, float limit) {
    float s = 0;
    int i = 0;
    for (; i < n; i++) { s += a[i] * b[i]; if (s > limit) break; }
    return i;
}

int main(void) {
    for (int i = 0; i < N * 7; i++) wf[i] = (float)((i * 7919) % 113) / 17.0f - 3.0f;
    for (int i = 0; i < N; i++) xf[i] = (float)(i % 11) / 3.0f - 1.5f;
    for (int i = 0; i < N * 3; i++) wd[i] = i * 0.37 - 11 + 1.0 / (i + 3);
    for (int i = 0; i < N; i++) xd[i] = 1.0 / (i + 1) - 0.25;
    xf[17] = 1e30f; xf[18] = -1e30f;           /* large terms: the order of the sums matters */

    for (int n = 0; n <= N; n += 29) {
        matmul(of, xf, wf, n, 7);
        for (int i = 0; i < 7; i++) printf("matmul n=%d row %d: %a\n", n, i, of[i]);
        printf("ddot n=%d: %a\n", n, ddot(wd, xd, n));
        printf("ddot row 2 n=%d: %a\n", n, ddot(wd + 2 * N, xd, n));
        printf("globals n=%d: %a\n", n, dot_globals(n));
        printf("squares n=%d: %a\n", n, sum_squares(xf + 20, n < N - 20 ? n : N - 20));
        printf("range %d..%d: %a\n", n / 3, n, ddot_range(wd, xd, n / 3, n));
    }
    /* every remainder of the unrolled loop, and every start */
    for (int n = 1; n <= 9; n++)
        for (int from = 0; from < 3; from++)
            printf("small %d..%d: %a %a\n", from, n, ddot_range(wd + 1, xd + 3, from, n), ddot(wd + from, xd, n));
    static float partial[N];
    printf("prefix: %a %a\n", prefix_dot(partial, wf, xf, N), partial[N / 2]);
    printf("until: %d %d\n", dot_until(wf, xf, N, 40.0f), dot_until(wf, xf, N, 1e9f));
    return 0;
}
