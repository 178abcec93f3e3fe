/* kernel_lib/compiler_rt.c (the guest's complex multiply and divide) against libgcc's,
 * which native programs and bfi use, compiled natively with -m32: every pair of
 * operands from a grid of finite, tiny, huge, zero, infinite and NaN parts. Finite
 * results must agree to 1 ulp (bit for bit where neither side scales), special
 * results by class (NaN, the signs of infinities and zeros; with a NaN operand, not
 * finite). Prints one line per
 * disagreement and "compiler_rt: N checked, M differ". */
#define __muldc3 bf_muldc3
#define __mulsc3 bf_mulsc3
#define __divdc3 bf_divdc3
#define __divsc3 bf_divsc3
#define __stack_chk_fail bf_stack_chk_fail
#include "../../../kernel_lib/compiler_rt.c"
#undef __stack_chk_fail
#undef __muldc3
#undef __mulsc3
#undef __divdc3
#undef __divsc3
#include <stdio.h>
#include <string.h>
#include <math.h>
#include <complex.h>

extern double complex __muldc3(double, double, double, double), __divdc3(double, double, double, double);
extern float complex __mulsc3(float, float, float, float), __divsc3(float, float, float, float);

#include <stdlib.h>
void bf_fail(int code, const char *fmt, ...) { (void)code; (void)fmt; abort(); }

static long checked, differ;
static int64_t ulps(double x, double y) {
    int64_t a, b; memcpy(&a, &x, 8); memcpy(&b, &y, 8);
    if (a < 0) a = INT64_MIN - a;
    if (b < 0) b = INT64_MIN - b;
    return a > b ? a - b : b - a;
}
static int same(double x, double y, int exact) {
    if (isnan(x) || isnan(y)) return isnan(x) && isnan(y);
    if (isinf(x) || isinf(y) || x == 0 || y == 0) return x == y && signbit(x) == signbit(y);
    return exact ? x == y : ulps(x, y) <= 1;
}
static void check(const char *op, double a, double b, double c, double d, double xr, double xi, double yr, double yi, int exact) {
    checked++;
    if (same(xr, yr, exact) && same(xi, yi, exact)) return;
    /* a NaN operand: C leaves the result unspecified (libgcc's scaling of huge or tiny
       divisors even turns some into infinities); it must not come out finite */
    if ((isnan(a) || isnan(b) || isnan(c) || isnan(d)) && !(isfinite(yr) && isfinite(yi))) return;
    differ++;
    printf("%s (%g, %g) (%g, %g): libgcc (%.17g, %.17g) kernel_lib (%.17g, %.17g)\n", op, a, b, c, d, xr, xi, yr, yi);
}
int main(void) {
    static const double v[] = { 0.0, -0.0, 1.0, -2.5, 3.0, 0.1, -7.25e3, 1.5e-310, -3e-300, 1e300, -1.7e308,
                                 123456.789, -0.333, INFINITY, -INFINITY, NAN };
    const int n = sizeof v / sizeof v[0];
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) for (int l = 0; l < n; l++) {
        double a = v[i], b = v[j], c = v[k], d = v[l];
        /* bit for bit when every part is finite and of ordinary size: no scaling on either side */
        int ordinary = 1;
        for (int q = 0; q < 4; q++) { double t = fabs((double[]){ a, b, c, d }[q]); if (!isfinite(t) || (t != 0 && (t < 1e-200 || t > 1e200))) ordinary = 0; }
        double complex m = __muldc3(a, b, c, d), q = __divdc3(a, b, c, d);
        cdouble m2 = bf_muldc3(a, b, c, d), q2 = bf_divdc3(a, b, c, d);
        check("muldc3", a, b, c, d, creal(m), cimag(m), m2.re, m2.im, ordinary);
        check("divdc3", a, b, c, d, creal(q), cimag(q), q2.re, q2.im, ordinary);
        float fa = (float)a, fb = (float)b, fc = (float)c, fd = (float)d;
        float complex fm = __mulsc3(fa, fb, fc, fd), fq = __divsc3(fa, fb, fc, fd);
        cfloat fm2 = bf_mulsc3(fa, fb, fc, fd), fq2 = bf_divsc3(fa, fb, fc, fd);
        check("mulsc3", fa, fb, fc, fd, crealf(fm), cimagf(fm), fm2.re, fm2.im, ordinary);
        check("divsc3", fa, fb, fc, fd, crealf(fq), cimagf(fq), fq2.re, fq2.im, ordinary);
    }
    printf("compiler_rt: %ld checked, %ld differ\n", checked, differ);
    return differ != 0;
}
