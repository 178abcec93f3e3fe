/* pow and powf. The general case is exp(y * log x) carried in double-double:
 * log x to ~2^-100 and an exact product y * log x, so the only rounding that
 * matters is exp's, below 1 ulp even for results near overflow. The special
 * cases follow C99 Annex F. powf evaluates pow in double and rounds once. */
#include "libc.h"
#include "math_internal.h"

#define INV_LN2 1.44269504088896338700e+00

static int is_integer(double y) { return y == floor(y); }

static int is_odd_integer(double y)
{
    if (!is_integer(y) || fabs(y) >= 0x1p53)
        return 0;
    double half = y * 0.5;
    return half != floor(half);
}

/* |x|^y for finite x > 0, y finite. */
static double pow_positive(double x, double y)
{
    double l_hi, l_lo;
    log_extended(x, &l_hi, &l_lo);
    double rough = y * l_hi;
    if (rough > 710)
        return INFINITY;
    if (rough < -746)
        return 0;
    double z, ze;
    two_prod(y, l_hi, &z, &ze);
    fast_two_sum(z, ze + y * l_lo, &z, &ze);
    double kd = z * INV_LN2;
    int k = (int)(kd < 0 ? kd - 0.5 : kd + 0.5);
    return exp_reduced(z - k * LN2_HI, k * LN2_LO - ze, k);
}

double pow(double x, double y)
{
    if (y == 0 || x == 1)
        return 1;
    if (x != x || y != y)
        return x + y;
    double ax = fabs(x);
    int odd = is_odd_integer(y);
    if (y == INFINITY || y == -INFINITY) {
        if (ax == 1)
            return 1;
        return (ax > 1) == (y > 0) ? INFINITY : 0;
    }
    if (x == 0 || ax == INFINITY) {
        int big = (x == 0) == (y < 0); /* 0^-y and inf^+y */
        double r = big ? INFINITY : 0;
        return (odd && (bits_of(x) >> 63)) ? -r : r; /* -0 and -inf keep the sign */
    }
    if (x < 0) {
        if (!is_integer(y))
            return NAN;
        double r = pow_positive(ax, y);
        return odd ? -r : r;
    }
    return pow_positive(x, y);
}

float powf(float x, float y) { return (float)pow(x, y); }
