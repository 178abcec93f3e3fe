/* pow and powf. The general case is exp(y * log x) carried in double-double:
 * log x to ~2^-100 (log_extended) and an exact product y * log x, so the only
 * rounding that matters is exp's (math_internal.h exp_reduced), below 1 ulp
 * even for results near overflow. The special cases follow C99 Annex F. powf
 * evaluates pow in double and rounds once. */
#include "libc.h"
#include "math_internal.h"

#define INV_LN2 1.44269504088896338700e+00

/* log(x) = hi + lo to about 2^-64 relative, so that pow(x, y) = exp(y*log x)
 * stays within an ulp even when |y*log x| is near 745. math_log.c's minimax R is
 * only good to 2^-58, so this uses the exact series
 *   log(m) = 2s + 2s^3/3 + s^5 * (2/5 + 2s^2/7 + ... + 2s^22/27)
 * (13 terms: |s| <= 0.1716 leaves a remainder below 2^-70), keeps s and the
 * 2s^3/3 term as double-doubles, and sums the large parts exactly. */
#define TWO_THIRDS_HI 0x1.5555555555555p-1
#define TWO_THIRDS_LO 0x1.5555555555555p-55

void log_extended(double x, double *hi, double *lo)
{
    int k;
    double f = log_reduce(x, &k);
    double t_hi, t_lo; /* 2 + f, exactly */
    fast_two_sum(2, f, &t_hi, &t_lo);
    double s_hi = f / t_hi, p, pe;
    two_prod(s_hi, t_hi, &p, &pe);
    double s_lo = (((f - p) - pe) - s_hi * t_lo) / t_hi; /* s = f/(2+f) = s_hi + s_lo */

    double q_hi, q_lo, c_hi, c_lo, u_hi, u_lo; /* s^2, s^3, 2s^3/3 */
    two_prod(s_hi, s_hi, &q_hi, &q_lo);
    q_lo += 2 * s_hi * s_lo;
    two_prod(q_hi, s_hi, &c_hi, &c_lo);
    c_lo += q_hi * s_lo + q_lo * s_hi;
    two_prod(TWO_THIRDS_HI, c_hi, &u_hi, &u_lo);
    u_lo += TWO_THIRDS_HI * c_lo + TWO_THIRDS_LO * c_hi;

    double z = q_hi;
    double series = 2.0 / 5 + z * (2.0 / 7 + z * (2.0 / 9 + z * (2.0 / 11 + z * (2.0 / 13 +
                    z * (2.0 / 15 + z * (2.0 / 17 + z * (2.0 / 19 + z * (2.0 / 21 +
                    z * (2.0 / 23 + z * (2.0 / 25 + z * (2.0 / 27)))))))))));
    double a, e1, e2;
    two_sum(k * LN2_HI, 2 * s_hi, &a, &e1);
    two_sum(a, u_hi, &a, &e2);
    double rest = e1 + e2 + u_lo + 2 * s_lo + k * LN2_LO + c_hi * q_hi * series;
    fast_two_sum(a, rest, hi, lo);
}

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
