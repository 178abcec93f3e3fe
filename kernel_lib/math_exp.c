/* exp, expf and tanhf. The algorithm is fdlibm's: x = k*ln2 + r with
 * |r| <= ln2/2, a minimax rational approximation of exp(r), then a scaling by
 * 2^k; error below 1 ulp. The float versions evaluate in double and round once,
 * so they are within one float ulp (nearly always correctly rounded). */
#include "libc.h"
#include "math_internal.h"

#define OVERFLOW_AT 7.09782712893383973096e+02
#define UNDERFLOW_AT -7.45133219101941108420e+02
#define INV_LN2 1.44269504088896338700e+00
#define P1 1.66666666666666019037e-01
#define P2 -2.77777777770155933842e-03
#define P3 6.61375632143793436117e-05
#define P4 -1.65339022054652515390e-06
#define P5 4.13813679705723846039e-08

/* y * 2^k, rounding once even when the result is subnormal. */
static double scale(double y, int k)
{
    if (k > 1023)
        return y * pow2(1023) * pow2(k - 1023);
    if (k < -1021)
        return y * pow2(k + 1000) * pow2(-1000);
    return y * pow2(k);
}

double exp_reduced(double hi, double lo, int k)
{
    double r = hi - lo;
    double t = r * r;
    double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
    return scale(y, k);
}

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

float expf(float x) { return (float)exp(x); }

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
