/* fmod: the remainder of x / y with x's sign, which is always exactly
 * representable, so it is computed exactly: long division of the two
 * significands, one bit a step from x's exponent down to y's (as musl does).
 * fmodf goes through fmod: a float remainder is exact in double and fits a
 * float. The JIT calls these for LLVM's frem, as the interpreter does. */
#include "libc.h"
#include "math_internal.h"

#define IMPLICIT (1ull << 52)

/* The significand of |bits| with its implicit bit, shifted so that subnormals
 * have one too; *e becomes the matching exponent. */
static uint64_t significand(uint64_t bits, int *e)
{
    bits &= ~0ull >> 1;
    if (*e)
        return (bits & (IMPLICIT - 1)) | IMPLICIT;
    while (!(bits & IMPLICIT)) {
        bits <<= 1;
        --*e;
    }
    ++*e;
    return bits;
}

double fmod(double x, double y)
{
    uint64_t ux = bits_of(x), uy = bits_of(y);
    int ex = (int)(ux >> 52 & 0x7ff), ey = (int)(uy >> 52 & 0x7ff);
    uint64_t sign = ux & ~(~0ull >> 1);
    if (uy << 1 == 0 || y != y || ex == 0x7ff) /* y zero or NaN, x infinite or NaN */
        return (x * y) / (x * y);
    if (ux << 1 <= uy << 1) /* |x| <= |y| */
        return ux << 1 == uy << 1 ? 0 * x : x;
    uint64_t mx = significand(ux, &ex), my = significand(uy, &ey);
    for (; ex > ey; ex--) {
        if (mx >= my)
            mx -= my;
        if (mx == 0)
            return 0 * x;
        mx <<= 1;
    }
    if (mx >= my)
        mx -= my;
    if (mx == 0)
        return 0 * x;
    for (; !(mx & IMPLICIT); mx <<= 1)
        ex--;
    if (ex > 0)
        mx = (mx - IMPLICIT) | (uint64_t)ex << 52;
    else
        mx >>= 1 - ex; /* subnormal: exact, the bits shifted out are zero */
    return from_bits(mx | sign);
}

float fmodf(float x, float y) { return (float)fmod(x, y); }
