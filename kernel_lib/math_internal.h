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

/* exp(hi - lo) * 2^k for |hi - lo| <= ln2/2: math_exp.c, also used by pow. */
double exp_reduced(double hi, double lo, int k);
/* log(x) as hi + lo for finite x > 0: math_log.c, used by pow. */
void log_extended(double x, double *hi, double *lo);

#define LN2_HI 6.93147180369123816490e-01 /* 21 trailing zero bits: k*LN2_HI is exact */
#define LN2_LO 1.90821492927058770002e-10
#endif
