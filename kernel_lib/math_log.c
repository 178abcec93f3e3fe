/* log and logf (fdlibm's method): x = 2^k * m with sqrt(2)/2 <= m < sqrt(2),
 * f = m - 1, s = f/(2+f), log(m) = 2s + s*R(s^2) with a minimax R; error below
 * 1 ulp. pow needs more: log_extended. */
#include "libc.h"
#include "math_internal.h"

#define LG1 6.666666666666735130e-01
#define LG2 3.999999999940941908e-01
#define LG3 2.857142874366239149e-01
#define LG4 2.222219843214978396e-01
#define LG5 1.818357216161805012e-01
#define LG6 1.531383769920937332e-01
#define LG7 1.479819860511658591e-01
#define SQRT2 1.41421356237309504880

/* Splits a finite x > 0 into 2^k * (1 + f); f is exact. */
static double reduce(double x, int *k)
{
    int adjust = 0;
    if (x < 0x1p-1022) { /* subnormal: normalise first */
        x *= 0x1p54;
        adjust = -54;
    }
    uint64_t u = bits_of(x);
    *k = (int)(u >> 52) - 1023 + adjust;
    double m = from_bits((u & ((1ull << 52) - 1)) | 0x3FF0000000000000ull);
    if (m > SQRT2) {
        m *= 0.5;
        ++*k;
    }
    return m - 1;
}

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
    double f = reduce(x, &k);
    double s = f / (2 + f), hfsq = 0.5 * f * f, dk = k;
    return dk * LN2_HI - ((hfsq - (s * (hfsq + tail(s)) + dk * LN2_LO)) - f);
}

float logf(float x) { return (float)log(x); }

/* log(x) = hi + lo to about 2^-64 relative, so that pow(x, y) = exp(y*log x)
 * stays within an ulp even when |y*log x| is near 745. The minimax R above is
 * only good to 2^-58, so this uses the exact series
 *   log(m) = 2s + 2s^3/3 + s^5 * (2/5 + 2s^2/7 + ... + 2s^22/27)
 * (13 terms: |s| <= 0.1716 leaves a remainder below 2^-70), keeps s and the
 * 2s^3/3 term as double-doubles, and sums the large parts exactly. */
#define TWO_THIRDS_HI 0x1.5555555555555p-1
#define TWO_THIRDS_LO 0x1.5555555555555p-55

void log_extended(double x, double *hi, double *lo)
{
    int k;
    double f = reduce(x, &k);
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
