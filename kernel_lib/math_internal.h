/* Helpers shared by the math files: bit access and exact double-double steps.
 * pentium4 has no FMA, so exact products use Dekker's splitting. */
#ifndef BF_MATH_INTERNAL_H
#define BF_MATH_INTERNAL_H
#include <stdint.h>

static inline uint64_t bits_of(double x)
{
    union { double f; uint64_t u; } v = { x };
    return v.u;
}
static inline double from_bits(uint64_t u)
{
    union { uint64_t u; double f; } v = { u };
    return v.f;
}
/* 2^k for -1022 <= k <= 1023. */
static inline double pow2(int k) { return from_bits((uint64_t)(k + 1023) << 52); }

/* s + e == a + b exactly, when |a| >= |b|. */
static inline void fast_two_sum(double a, double b, double *s, double *e)
{
    *s = a + b;
    *e = b - (*s - a);
}
/* s + e == a + b exactly. */
static inline void two_sum(double a, double b, double *s, double *e)
{
    *s = a + b;
    double bb = *s - a;
    *e = (a - (*s - bb)) + (b - bb);
}
/* p + e == a * b exactly (|a|, |b| < 2^995). */
static inline void two_prod(double a, double b, double *p, double *e)
{
    const double split = 134217729.0; /* 2^27 + 1 */
    double ca = split * a, cb = split * b;
    double ah = ca - (ca - a), al = a - ah;
    double bh = cb - (cb - b), bl = b - bh;
    *p = a * b;
    *e = ((ah * bh - *p) + ah * bl + al * bh) + al * bl;
}

/* log(x) as hi + lo for finite x > 0: math_pow.c's, for pow. */
void log_extended(double x, double *hi, double *lo);

#define LN2_HI 6.93147180369123816490e-01 /* 21 trailing zero bits: k*LN2_HI is exact */
#define LN2_LO 1.90821492927058770002e-10

/* Shared by the math files that are native code in the meta kernel (pow) and those
 * that are runtime.bc's bitcode there (exp, log: build/image-build.ts runtimeLibSources),
 * so each side has its own copy. */

/* y * 2^k, rounding once even when the result is subnormal. */
static inline double scale(double y, int k)
{
    if (k > 1023)
        return y * pow2(1023) * pow2(k - 1023);
    if (k < -1021)
        return y * pow2(k + 1000) * pow2(-1000);
    return y * pow2(k);
}

/* exp(hi - lo) * 2^k for |hi - lo| <= ln2/2 (fdlibm's exp: a minimax rational
 * approximation of exp(r), then a scaling by 2^k): exp and pow. */
#define EXP_P1 1.66666666666666019037e-01
#define EXP_P2 -2.77777777770155933842e-03
#define EXP_P3 6.61375632143793436117e-05
#define EXP_P4 -1.65339022054652515390e-06
#define EXP_P5 4.13813679705723846039e-08
static inline double exp_reduced(double hi, double lo, int k)
{
    double r = hi - lo;
    double t = r * r;
    double c = r - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
    double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
    return scale(y, k);
}

/* Splits a finite x > 0 into 2^k * (1 + f), sqrt(2)/2 <= 1 + f < sqrt(2); f is
 * exact: log and pow's log_extended. */
static inline double log_reduce(double x, int *k)
{
    int adjust = 0;
    if (x < 0x1p-1022) { /* subnormal: normalise first */
        x *= 0x1p54;
        adjust = -54;
    }
    uint64_t u = bits_of(x);
    *k = (int)(u >> 52) - 1023 + adjust;
    double m = from_bits((u & ((1ull << 52) - 1)) | 0x3FF0000000000000ull);
    if (m > 1.41421356237309504880) {
        m *= 0.5;
        ++*k;
    }
    return m - 1;
}
#endif
