/* numerical integration (trapezoid, Simpson, Romberg, Gauss-Legendre 5) and root finding (bisection, Newton, secant) */
#include <stdio.h>
#include <math.h>
typedef double (*fn)(double);
static double f1(double x) { return exp(-x * x); }
static double f2(double x) { return sin(x) * sin(x) / (1 + x); }
static double f3(double x) { return sqrt(1 - x * x); }
static double trap(fn f, double a, double b, int n) { double h = (b - a) / n, s = (f(a) + f(b)) / 2; for (int i = 1; i < n; i++) s += f(a + i * h); return s * h; }
static double simpson(fn f, double a, double b, int n) { double h = (b - a) / n, s = f(a) + f(b); for (int i = 1; i < n; i++) s += f(a + i * h) * (i & 1 ? 4 : 2); return s * h / 3; }
static double romberg(fn f, double a, double b) { double R[12][12]; for (int i = 0; i < 12; i++) { R[i][0] = trap(f, a, b, 1 << i); for (int k = 1; k <= i; k++) R[i][k] = R[i][k - 1] + (R[i][k - 1] - R[i - 1][k - 1]) / (pow(4, k) - 1); } return R[11][11]; }
static double gauss5(fn f, double a, double b) { static const double x[5] = { 0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640 }, w[5] = { 0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891, 0.2369268850561891 };
    double s = 0, m = (a + b) / 2, r = (b - a) / 2; for (int i = 0; i < 5; i++) s += w[i] * f(m + r * x[i]); return s * r; }
static double g(double x) { return x * x * x - 2 * x - 5; }
static double dg(double x) { return 3 * x * x - 2; }
int main(void) {
    fn fs[] = { f1, f2, f3 }; double lims[][2] = { { 0, 2 }, { 0, 3.14159 }, { -1, 1 } };
    for (int i = 0; i < 3; i++) printf("f%d: trap %.12f simpson %.12f romberg %.12f gauss %.12f\n", i + 1, trap(fs[i], lims[i][0], lims[i][1], 1000), simpson(fs[i], lims[i][0], lims[i][1], 1000), romberg(fs[i], lims[i][0], lims[i][1]), gauss5(fs[i], lims[i][0], lims[i][1]));
    double lo = 2, hi = 3; int it = 0; while (hi - lo > 1e-13) { double m = (lo + hi) / 2; if (g(m) > 0) hi = m; else lo = m; it++; }
    double x = 2; int nt = 0; for (; nt < 50; nt++) { double d = g(x) / dg(x); x -= d; if (fabs(d) < 1e-15) break; }
    double a = 2, b = 3; int st = 0; while (fabs(b - a) > 1e-14 && st < 100) { double c = b - g(b) * (b - a) / (g(b) - g(a)); a = b; b = c; st++; }
    printf("bisection %.15f (%d) newton %.15f (%d) secant %.15f (%d)\n", lo, it, x, nt, b, st);
    return it;
}
