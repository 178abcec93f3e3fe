/* expf, tinyllama's every token (softmax, SiLU): table-driven, correctly
 * rounded on every float tested. math_exp.c has exp and tanhf. */
#include "libc.h"
#include "math_internal.h"

#define LN2 0x1.62e42fefa39efp-1

/* 2^(i/32), correctly rounded. */
static const double exp2_32nds[32] = {
    0x1.0000000000000p+0, 0x1.059b0d3158574p+0, 0x1.0b5586cf9890fp+0, 0x1.11301d0125b51p+0,
    0x1.172b83c7d517bp+0, 0x1.1d4873168b9aap+0, 0x1.2387a6e756238p+0, 0x1.29e9df51fdee1p+0,
    0x1.306fe0a31b715p+0, 0x1.371a7373aa9cbp+0, 0x1.3dea64c123422p+0, 0x1.44e086061892dp+0,
    0x1.4bfdad5362a27p+0, 0x1.5342b569d4f82p+0, 0x1.5ab07dd485429p+0, 0x1.6247eb03a5585p+0,
    0x1.6a09e667f3bcdp+0, 0x1.71f75e8ec5f74p+0, 0x1.7a11473eb0187p+0, 0x1.82589994cce13p+0,
    0x1.8ace5422aa0dbp+0, 0x1.93737b0cdc5e5p+0, 0x1.9c49182a3f090p+0, 0x1.a5503b23e255dp+0,
    0x1.ae89f995ad3adp+0, 0x1.b7f76f2fb5e47p+0, 0x1.c199bdd85529cp+0, 0x1.cb720dcef9069p+0,
    0x1.d5818dcfba487p+0, 0x1.dfc97337b9b5fp+0, 0x1.ea4afa2a490dap+0, 0x1.f50765b6e4540p+0,
};

/* The hot one (softmax, SiLU): table-driven, all in double, no division.
 * x*32/ln2 = k + f with |f| <= 1/2, so e^x = 2^(k>>5) * 2^((k&31)/32) * e^r with
 * r = f*ln2/32, |r| <= 0.0109. A degree-4 Taylor polynomial for e^r is off by
 * r^5/120 ~ 1e-12 relative, far below a float ulp, so rounding to float once
 * almost always gives the correctly rounded result. */
float expf(float x)
{
    if (!(x < 0x1.62e430p6f)) /* overflows float; also NaN */
        return x != x ? x : INFINITY;
    if (x < -0x1.9fe368p6f) /* below half the smallest subnormal */
        return 0;
    const double shift = 0x1.8p52; /* adding it rounds to an integer */
    double z = x * (32 / LN2);
    double kd = (z + shift) - shift;
    int k = (int)kd;
    double r = (z - kd) * (LN2 / 32);
    double p = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24))));
    return (float)(exp2_32nds[k & 31] * pow2(k >> 5) * p);
}
