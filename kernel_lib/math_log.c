/* log and logf (fdlibm's method): x = 2^k * m with sqrt(2)/2 <= m < sqrt(2)
 * (math_internal.h log_reduce), f = m - 1, s = f/(2+f), log(m) = 2s + s*R(s^2)
 * with a minimax R; error below 1 ulp. pow needs more: math_pow.c's
 * log_extended. No kernel code calls these, only programs: in a meta boot they
 * are runtime.bc's bitcode (build/image-build.ts runtimeLibSources). */
#include "libc.h"
#include "math_internal.h"

#define LG1 6.666666666666735130e-01
#define LG2 3.999999999940941908e-01
#define LG3 2.857142874366239149e-01
#define LG4 2.222219843214978396e-01
#define LG5 1.818357216161805012e-01
#define LG6 1.531383769920937332e-01
#define LG7 1.479819860511658591e-01

static double tail(double s) /* R(s^2) */
{
    double z = s * s, w = z * z;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    return t1 + t2;
}

double log(double x)
{
    if (x != x || x < 0)
        return NAN;
    if (x == 0)
        return -INFINITY;
    if (x == INFINITY)
        return x;
    int k;
    double f = log_reduce(x, &k);
    double s = f / (2 + f), hfsq = 0.5 * f * f, dk = k;
    return dk * LN2_HI - ((hfsq - (s * (hfsq + tail(s)) + dk * LN2_LO)) - f);
}

float logf(float x) { return (float)log(x); }
