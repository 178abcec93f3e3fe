/* complex numbers as structs (no libcalls): Mandelbrot-free iteration, roots of unity, polynomial evaluation, DFT of 16 points */
#include <stdio.h>
#include <math.h>
typedef struct { double re, im; } cx;
static cx cadd(cx a, cx b) { return (cx){ a.re + b.re, a.im + b.im }; }
static cx cmul(cx a, cx b) { return (cx){ a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re }; }
static cx cexpi(double t) { return (cx){ cos(t), sin(t) }; }
int main(void) {
    cx sum = { 0, 0 }, prod = { 1, 0 };
    for (int k = 0; k < 7; k++) { cx w = cexpi(2 * M_PI * k / 7); sum = cadd(sum, w); if (k) prod = cmul(prod, w); }
    printf("sum of 7th roots %.3e %.3e product %.12f %.12f\n", fabs(sum.re) < 1e-12 ? 0.0 : sum.re, fabs(sum.im) < 1e-12 ? 0.0 : sum.im, prod.re, prod.im);
    double x[16]; for (int n = 0; n < 16; n++) x[n] = (n % 4) - 1.5 + 0.25 * n;
    for (int k = 0; k < 16; k += 3) { cx X = { 0, 0 }; for (int n = 0; n < 16; n++) X = cadd(X, cmul((cx){ x[n], 0 }, cexpi(-2 * M_PI * k * n / 16))); printf("X[%d] = %.9f %+.9fi\n", k, X.re, X.im); }
    cx z = { 0.5, 0.25 }, p = { 1, 0 }; cx coef[] = { { 1, 0 }, { -2, 1 }, { 0, 3 }, { 4, -1 } }; cx acc = { 0, 0 };
    for (int i = 3; i >= 0; i--) acc = cadd(cmul(acc, z), coef[i]);
    for (int i = 0; i < 10; i++) p = cmul(p, (cx){ 1.01, 0.1 });
    printf("horner %.12f %.12f power %.12f %.12f\n", acc.re, acc.im, p.re, p.im);
    return (int)(fabs(p.re) * 10);
}
