/* sin, cos, sinf, cosf. x is reduced to r = x - n*pi/2 (|r| <= pi/4) as a
 * double-double, then fdlibm's sin/cos kernels (minimax polynomials, error
 * below 1 ulp) are picked by n mod 4. Reduction (as fdlibm):
 *  - |x| < 2^20*pi/2 (this covers RoPE angles): Cody-Waite with pi/2 split
 *    into 33-bit pieces, adding pieces only while cancellation demands;
 *  - larger |x|: Payne-Hanek, multiplying by enough bits of 2/pi to get the
 *    fraction exactly. The float versions evaluate in double and round once. */
#include "libc.h"
#include "math_internal.h"

#define INV_PIO2 6.36619772367581382433e-01
#define PIO2_1 1.57079632673412561417e+00  /* first 33 bits of pi/2 */
#define PIO2_1T 6.07710050650619224932e-11 /* pi/2 - PIO2_1 */
#define PIO2_2 6.07710050630396597660e-11  /* second 33 bits */
#define PIO2_2T 2.02226624879595063154e-21
#define PIO2_3 2.02226624871116645580e-21  /* third 33 bits */
#define PIO2_3T 8.47842766036889956997e-32
#define PIO2_HI 1.57079632679489655800e+00 /* pi/2 as a double-double */
#define PIO2_LO 6.12323399573676603587e-17
#define MEDIUM_LIMIT 1647099.3291652855        /* 2^20 * pi/2 */

/* 2/pi in binary, 1280 bits (enough for any double): generated with exact
 * integer arithmetic (Machin's formula), first word 0xA2F9836E as in fdlibm. */
static const uint32_t two_over_pi[40] = {
    0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0, 0xDB629599, 0x3C439041, 0xFE5163AB,
    0xDEBBC561, 0xB7246E3A, 0x424DD2E0, 0x06492EEA, 0x09D1921C, 0xFE1DEB1C, 0xB129A73E,
    0xE88235F5, 0x2EBB4484, 0xE99C7026, 0xB45F7E41, 0x3991D639, 0x835339F4, 0x9C845F8B,
    0xBDF9283B, 0x1FF897FF, 0xDE05980F, 0xEF2F118B, 0x5A0A6D1F, 0x6D367ECF, 0x27CB09B7,
    0x4F463F66, 0x9E5FEA2D, 0x7527BAC7, 0xEBE5F17B, 0x3D0739F7, 0x8A5292EA, 0x6BFB5FB1,
    0x1F8D5D08, 0x56033046, 0xFC7B6BAB, 0xF0CFBC20, 0x9AF4361D,
};

static int exponent_of(double x) { return (int)(bits_of(x) >> 52) & 0x7FF; }

/* Cody-Waite for |x| < MEDIUM_LIMIT: returns n, with x - n*pi/2 = *hi + *lo. */
static int reduce_medium(double x, double *hi, double *lo)
{
    double fn = (double)(int)(x * INV_PIO2 + (x < 0 ? -0.5 : 0.5));
    double r = x - fn * PIO2_1, w = fn * PIO2_1T, t;
    int e = exponent_of(x);
    double y = r - w;
    if (e - exponent_of(y) > 16) { /* cancellation: take 33 more bits of pi/2 */
        t = r;
        w = fn * PIO2_2;
        r = t - w;
        w = fn * PIO2_2T - ((t - r) - w);
        y = r - w;
        if (e - exponent_of(y) > 49) {
            t = r;
            w = fn * PIO2_3;
            r = t - w;
            w = fn * PIO2_3T - ((t - r) - w);
            y = r - w;
        }
    }
    *hi = y;
    *lo = (r - y) - w;
    return (int)fn;
}

/* Bit i of 2/pi (bit 1 is the first after the binary point; 0 before it). */
static uint32_t bit_of_two_over_pi(int i)
{
    if (i < 1)
        return 0;
    return (two_over_pi[(i - 1) / 32] >> (31 - (i - 1) % 32)) & 1;
}

#define WINDOW_WORDS 6 /* 192 bits of 2/pi: the fraction stays exact to ~2^-130 */

/* Payne-Hanek for |x| >= MEDIUM_LIMIT (finite). With x = M * 2^e (M 53 bits),
 * bits of 2/pi before index e-1 only add multiples of 4 to x*2/pi, so a window
 * of bits from there on gives n mod 4 and the fraction. */
static int reduce_large(double x, double *hi, double *lo)
{
    uint64_t u = bits_of(fabs(x));
    uint64_t m = (u & ((1ull << 52) - 1)) | (1ull << 52);
    int e = (int)(u >> 52) - 1075;
    uint32_t w[WINDOW_WORDS]; /* most significant first */
    for (int k = 0; k < WINDOW_WORDS; k++) {
        w[k] = 0;
        for (int b = 0; b < 32; b++)
            w[k] = (w[k] << 1) | bit_of_two_over_pi(e - 1 + 32 * k + b);
    }
    /* p = m * window, little-endian 32-bit words; x*2/pi = p * 2^(2 - 192). */
    uint32_t p[WINDOW_WORDS + 2] = { 0 };
    uint32_t mw[2] = { (uint32_t)m, (uint32_t)(m >> 32) };
    for (int i = 0; i < 2; i++) {
        uint64_t carry = 0;
        for (int k = 0; k < WINDOW_WORDS; k++) {
            int at = i + k;
            uint64_t v = (uint64_t)mw[i] * w[WINDOW_WORDS - 1 - k] + p[at] + carry;
            p[at] = (uint32_t)v;
            carry = v >> 32;
        }
        for (int at = i + WINDOW_WORDS; carry && at < WINDOW_WORDS + 2; at++) {
            uint64_t v = (uint64_t)p[at] + carry;
            p[at] = (uint32_t)v;
            carry = v >> 32;
        }
    }
    /* Integer part: bits 190, 191 (word 5, bits 30-31); fraction: bits 0..189. */
    int n = (int)(p[5] >> 30);
    p[5] &= 0x3FFFFFFF;
    p[6] = p[7] = 0;
    int negative = (p[5] >> 29) & 1; /* fraction >= 1/2: use n+1 and f-1 */
    if (negative) {
        n++;
        uint64_t borrow = 1; /* two's complement of the fraction: 1 - f */
        for (int k = 0; k < 6; k++) {
            uint64_t v = (uint64_t)(uint32_t)~p[k] + borrow;
            p[k] = (uint32_t)v;
            borrow = v >> 32;
        }
        p[5] &= 0x3FFFFFFF;
    }
    double f_hi = 0, f_lo = 0; /* the fraction as a double-double */
    for (int k = 5; k >= 0; k--) {
        double term = (double)p[k] * pow2(32 * k - 190), s, err;
        two_sum(f_hi, term, &s, &err);
        f_hi = s;
        f_lo += err;
    }
    fast_two_sum(f_hi, f_lo, &f_hi, &f_lo);
    double r, re;
    two_prod(f_hi, PIO2_HI, &r, &re);
    re += f_hi * PIO2_LO + f_lo * PIO2_HI;
    fast_two_sum(r, re, hi, lo);
    if (negative) {
        *hi = -*hi;
        *lo = -*lo;
    }
    if (x < 0) {
        *hi = -*hi;
        *lo = -*lo;
        n = -n;
    }
    return n;
}

/* sin(x + y) for |x + y| <= pi/4. */
static double kernel_sin(double x, double y)
{
    const double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03,
                 S3 = -1.98412698298579493134e-04, S4 = 2.75573137070700676789e-06,
                 S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
    double z = x * x, v = z * x;
    double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/* cos(x + y) for |x + y| <= pi/4. */
static double kernel_cos(double x, double y)
{
    const double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03,
                 C3 = 2.48015872894767294178e-05, C4 = -2.75573143513906633035e-07,
                 C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;
    double z = x * x, w = z * z;
    double r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    double hz = 0.5 * z;
    w = 1.0 - hz;
    return w + (((1.0 - w) - hz) + (z * r - x * y));
}

/* Quadrant n (mod 4) and r = x - n*pi/2 as hi + lo. */
static int reduce(double x, double *hi, double *lo)
{
    if (fabs(x) <= 0.78539816339744830962) { /* pi/4 */
        *hi = x;
        *lo = 0;
        return 0;
    }
    if (fabs(x) < MEDIUM_LIMIT)
        return reduce_medium(x, hi, lo);
    return reduce_large(x, hi, lo);
}

double sin(double x)
{
    if (x - x != 0) /* inf, nan */
        return NAN;
    double hi, lo;
    switch (reduce(x, &hi, &lo) & 3) {
    case 0: return kernel_sin(hi, lo);
    case 1: return kernel_cos(hi, lo);
    case 2: return -kernel_sin(hi, lo);
    default: return -kernel_cos(hi, lo);
    }
}

double cos(double x)
{
    if (x - x != 0)
        return NAN;
    double hi, lo;
    switch (reduce(x, &hi, &lo) & 3) {
    case 0: return kernel_cos(hi, lo);
    case 1: return -kernel_sin(hi, lo);
    case 2: return -kernel_cos(hi, lo);
    default: return kernel_sin(hi, lo);
    }
}

float sinf(float x) { return (float)sin(x); }
float cosf(float x) { return (float)cos(x); }
