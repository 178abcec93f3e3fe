/* The compiler's runtime calls that clang -m32 leaves in bitcode, for programs the
 * engine runs in the guest (guest.c's FFI table): complex multiply and divide
 * (`z * w`, `z / w` on _Complex double and float). The i386 helpers clang's backend
 * calls from compiled code (64-bit division, float<->int64 conversions...) come from
 * libclang_rt.builtins-i386.a, which every kernel links; guest.c names those too.
 *
 * Results as native programs get them from libgcc, whose i386 build computes on the
 * x87: each product rounded to the type, sums and quotients in extended precision
 * (long double here too), Smith's division for double (the ratio of the smaller to
 * the larger part of the divisor), float division as the textbook formula in
 * extended precision, one rounding at the end. When both parts come
 * out NaN, the infinities and zeros C's Annex G asks for are recovered (an infinite
 * operand "boxed" to +-1 and +-0, a division by zero giving infinities). Extended
 * precision's exponent range holds every intermediate of double operands, so no
 * scaling is needed. Freestanding: no libm. */
#include <stdint.h>
#include "bf.h"

/* compiler-rt's archive is built with the stack protector on (its __divmoddi4 checks
   a canary): a smashed stack ends the run */
void __stack_chk_fail(void) { bf_fail(BF_EXIT_ERROR, "stack smashing detected"); }

typedef struct { double re, im; } cdouble;   /* returned through a hidden pointer (i386) */
typedef struct { float re, im; } cfloat;     /* returned in EDX:EAX */

#define isnan_(x) __builtin_isnan(x)
#define isinf_(x) __builtin_isinf(x)
#define isfinite_(x) __builtin_isfinite(x)
#define copysign_(x, y) __builtin_copysign(x, y)
#define fabs_(x) __builtin_fabs(x)
#define INF __builtin_inf()

/* Annex G's recovery for a product whose parts both came out NaN */
static void mul_recover(double a, double b, double c, double d, double ac, double bd, double ad, double bc,
                        double *x, double *y)
{
    int again = 0;
    if (isinf_(a) || isinf_(b)) {                /* z infinite: box it, NaNs in w become 0 */
        a = copysign_(isinf_(a) ? 1.0 : 0.0, a);
        b = copysign_(isinf_(b) ? 1.0 : 0.0, b);
        if (isnan_(c)) c = copysign_(0.0, c);
        if (isnan_(d)) d = copysign_(0.0, d);
        again = 1;
    }
    if (isinf_(c) || isinf_(d)) {                /* w infinite */
        c = copysign_(isinf_(c) ? 1.0 : 0.0, c);
        d = copysign_(isinf_(d) ? 1.0 : 0.0, d);
        if (isnan_(a)) a = copysign_(0.0, a);
        if (isnan_(b)) b = copysign_(0.0, b);
        again = 1;
    }
    if (!again && (isinf_(ac) || isinf_(bd) || isinf_(ad) || isinf_(bc))) {   /* overflow in a product */
        if (isnan_(a)) a = copysign_(0.0, a);
        if (isnan_(b)) b = copysign_(0.0, b);
        if (isnan_(c)) c = copysign_(0.0, c);
        if (isnan_(d)) d = copysign_(0.0, d);
        again = 1;
    }
    if (again) {
        *x = (double)(INF * ((long double)a * c - (long double)b * d));
        *y = (double)(INF * ((long double)a * d + (long double)b * c));
    }
}

cdouble __muldc3(double a, double b, double c, double d)
{
    double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
    cdouble r = { (double)((long double)ac - bd), (double)((long double)ad + bc) };
    if (isnan_(r.re) && isnan_(r.im)) mul_recover(a, b, c, d, ac, bd, ad, bc, &r.re, &r.im);
    return r;
}

cfloat __mulsc3(float a, float b, float c, float d)
{
    float ac = a * c, bd = b * d, ad = a * d, bc = b * c;
    cfloat r = { (float)((long double)ac - bd), (float)((long double)ad + bc) };
    if (isnan_(r.re) && isnan_(r.im)) {
        double x = r.re, y = r.im;
        mul_recover(a, b, c, d, ac, bd, ad, bc, &x, &y);
        r.re = (float)x; r.im = (float)y;
    }
    return r;
}

/* Annex G's recovery for a quotient whose parts both came out NaN */
static void div_recover(double a, double b, double c, double d, double *x, double *y)
{
    if (c == 0.0 && d == 0.0 && (!isnan_(a) || !isnan_(b))) {                 /* nonzero / zero */
        *x = copysign_(INF, c) * a;
        *y = copysign_(INF, c) * b;
    } else if ((isinf_(a) || isinf_(b)) && isfinite_(c) && isfinite_(d)) {   /* infinite / finite */
        a = copysign_(isinf_(a) ? 1.0 : 0.0, a);
        b = copysign_(isinf_(b) ? 1.0 : 0.0, b);
        *x = (double)(INF * ((long double)a * c + (long double)b * d));
        *y = (double)(INF * ((long double)b * c - (long double)a * d));
    } else if ((isinf_(c) || isinf_(d)) && isfinite_(a) && isfinite_(b)) {   /* finite / infinite */
        c = copysign_(isinf_(c) ? 1.0 : 0.0, c);
        d = copysign_(isinf_(d) ? 1.0 : 0.0, d);
        *x = (double)(0.0L * ((long double)a * c + (long double)b * d));
        *y = (double)(0.0L * ((long double)b * c - (long double)a * d));
    }
}

cdouble __divdc3(double a, double b, double c, double d)
{
    cdouble r;
    long double la = a, lb = b, lc = c, ld = d;
    if (fabs_(c) < fabs_(d)) {
        long double ratio = lc / ld, denom = lc * ratio + ld;
        r.re = (double)((la * ratio + lb) / denom);
        r.im = (double)((lb * ratio - la) / denom);
    } else {
        long double ratio = ld / lc, denom = ld * ratio + lc;
        r.re = (double)((lb * ratio + la) / denom);
        r.im = (double)((lb - la * ratio) / denom);
    }
    if (isnan_(r.re) && isnan_(r.im)) div_recover(a, b, c, d, &r.re, &r.im);
    return r;
}

cfloat __divsc3(float a, float b, float c, float d)
{
    long double aa = a, bb = b, cc = c, dd = d;  /* the exponent range of long double: no scaling needed */
    long double denom = cc * cc + dd * dd;
    double x = (double)((aa * cc + bb * dd) / denom), y = (double)((bb * cc - aa * dd) / denom);
    if (isnan_(x) && isnan_(y)) div_recover(a, b, c, d, &x, &y);
    cfloat r = { (float)x, (float)y };
    return r;
}
