/* exp and tanhf. exp is fdlibm's: x = k*ln2 + r with |r| <= ln2/2, then
 * math_internal.h exp_reduced; error below 1 ulp. tanhf evaluates in double
 * and rounds once. No kernel code calls these, only programs: in a meta boot
 * they are runtime.bc's bitcode (build/image-build.ts runtimeLibSources);
 * expf, tinyllama's every token, is math_expf.c. */
#include "libc.h"
#include "math_internal.h"

#define OVERFLOW_AT 7.09782712893383973096e+02
#define UNDERFLOW_AT -7.45133219101941108420e+02
#define INV_LN2 1.44269504088896338700e+00

double exp(double x)
{
    if (x != x)
        return x + x;
    if (x > OVERFLOW_AT)
        return INFINITY;
    if (x < UNDERFLOW_AT)
        return 0;
    double kd = x * INV_LN2;
    int k = (int)(kd < 0 ? kd - 0.5 : kd + 0.5);
    return exp_reduced(x - k * LN2_HI, k * LN2_LO, k);
}

/* tanh = 1 - 2/(e^2x + 1). For tiny |x| that form cancels, so use the series;
 * beyond 9.1 the result rounds to +-1 in float. */
float tanhf(float x)
{
    double t = fabs(x), r;
    if (t < 0x1p-12)
        r = t - t * t * t / 3;
    else if (t > 9.1)
        r = 1;
    else
        r = 1 - 2 / (exp(2 * t) + 1);
    return (float)__builtin_copysign(r, (double)x);
}
