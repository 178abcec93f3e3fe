/* ceil, floorf, ceilf and roundf, by math_basic.c's 2^52 trick. No kernel code
 * calls them, only programs: in a meta boot they are runtime.bc's bitcode
 * (build/image-build.ts runtimeLibSources), not the meta kernel's. Results keep
 * the sign of x, as C requires (ceil(-0.5) is -0). */
#include "libc.h"

#define TWO52 0x1p52

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
