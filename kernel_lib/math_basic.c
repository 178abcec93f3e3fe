/* sqrt, fabs and floor (pow's; math_round.c has the other roundings). sqrt is
 * the SSE2 instruction (exact by IEEE 754; -fno-math-errno lets __builtin_sqrt
 * compile to it). floor uses the 2^52 trick: for |x| < 2^52, |x| + 2^52 - 2^52
 * rounds |x| to an integer, and a one-step correction gives floor; larger
 * values, infinities and NaN are already integral (or NaN). Results keep the
 * sign of x, as C requires (floor(-0.0) is -0). */
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
