/* @O3 spectral norm (power iteration on an implicit matrix), plus mean/variance/correlation/linear regression over generated data */
#include <stdio.h>
#include <math.h>
#define N 100
static double A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }
static void mulAv(const double *v, double *av) { for (int i = 0; i < N; i++) { double s = 0; for (int j = 0; j < N; j++) s += A(i, j) * v[j]; av[i] = s; } }
static void mulAtv(const double *v, double *atv) { for (int i = 0; i < N; i++) { double s = 0; for (int j = 0; j < N; j++) s += A(j, i) * v[j]; atv[i] = s; } }
static void mulAtAv(const double *v, double *out) { double t[N]; mulAv(v, t); mulAtv(t, out); }
int main(void) {
    double u[N], v[N]; for (int i = 0; i < N; i++) u[i] = 1;
    for (int i = 0; i < 10; i++) { mulAtAv(u, v); mulAtAv(v, u); }
    double vBv = 0, vv = 0; for (int i = 0; i < N; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
    printf("spectral norm %.9f\n", sqrt(vBv / vv));
    double xs[500], ys[500]; unsigned s = 77;
    for (int i = 0; i < 500; i++) { s = s * 1664525 + 1013904223; double noise = ((s >> 8) & 0xffff) / 65536.0 - 0.5; xs[i] = i * 0.1; ys[i] = 2.5 * xs[i] - 7 + noise * 3; }
    double mx = 0, my = 0; for (int i = 0; i < 500; i++) { mx += xs[i]; my += ys[i]; } mx /= 500; my /= 500;
    double sxx = 0, syy = 0, sxy = 0; for (int i = 0; i < 500; i++) { sxx += (xs[i] - mx) * (xs[i] - mx); syy += (ys[i] - my) * (ys[i] - my); sxy += (xs[i] - mx) * (ys[i] - my); }
    double slope = sxy / sxx, icpt = my - slope * mx, r = sxy / sqrt(sxx * syy);
    double med; { double t[500]; for (int i = 0; i < 500; i++) t[i] = ys[i]; for (int i = 0; i <= 250; i++) { int m = i; for (int j = i + 1; j < 500; j++) if (t[j] < t[m]) m = j; double q = t[i]; t[i] = t[m]; t[m] = q; } med = (t[249] + t[250]) / 2; }
    printf("mean %.9f var %.9f slope %.9f intercept %.9f r %.12f median %.9f\n", my, syy / 499, slope, icpt, r, med);
    return (int)(slope * 10);
}
