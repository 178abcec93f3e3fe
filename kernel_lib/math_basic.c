/* sqrt, fabs and rounding to integers. sqrt is the SSE2 instruction (exact by
 * IEEE 754; -fno-math-errno lets __builtin_sqrt compile to it). Rounding uses
 * the 2^52 trick: for |x| < 2^52, |x| + 2^52 - 2^52 rounds |x| to an integer,
 * and a one-step correction gives floor or ceil; larger values, infinities and
 * NaN are already integral (or NaN). Results keep the sign of x, as C requires
 * (ceil(-0.5) is -0). */
#include "libc.h"

#define TWO52 0x1p52

double sqrt(double x) { return __builtin_sqrt(x); }
float sqrtf(float x) { return __builtin_sqrtf(x); }
double fabs(double x) { return __builtin_fabs(x); }
float fabsf(float x) { return __builtin_fabsf(x); }

double floor(double x)
{
    if (!(fabs(x) < TWO52))
        return x;
    double r = __builtin_copysign(fabs(x) + TWO52 - TWO52, x);
    if (r > x)
        r -= 1;
    return __builtin_copysign(r, x);
}

double ceil(double x)
{
    if (!(fabs(x) < TWO52))
        return x;
    double r = __builtin_copysign(fabs(x) + TWO52 - TWO52, x);
    if (r < x)
        r += 1;
    return __builtin_copysign(r, x);
}

float floorf(float x) { return (float)floor(x); }
float ceilf(float x) { return (float)ceil(x); }

/* Halfway cases away from zero; exact because floats convert to double exactly. */
float roundf(float x)
{
    double a = fabs(x), r = floor(a);
    if (a - r >= 0.5)
        r += 1;
    return (float)__builtin_copysign(r, (double)x);
}
