/* @O3 float<->int conversions at the edges of the defined range, NaN compares, -0.0, denormals, rounding,
   unsigned and 64-bit conversions, float<->double narrowing, classification */
#include <stdio.h>
#include <math.h>
#include <float.h>
#include <stdint.h>
#include <string.h>
static volatile double vd[] = { 0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2147483647.0, -2147483648.0, 2147483647.9, -2147483648.9, 4294967295.0, 4294967295.9,
    9223372036854774784.0, -9223372036854775808.0, 18446744073709549568.0, 1e-310, -1e-310, 4.9e-324, DBL_MIN, DBL_MAX, 3.9999999999999996 };
static volatile float vf[] = { 0.0f, -0.0f, 16777216.0f, 16777217.0f, 2147483520.0f, -2147483648.0f, 4294967040.0f, 9223371487098961920.0f, 1e-40f, FLT_MIN, FLT_MAX, 0.99999994f };
static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
int main(void) {
    for (unsigned i = 0; i < sizeof vd / sizeof *vd; i++) {
        double d = vd[i];
        printf("d=%.17g", d);
        if (d > -2147483649.0 && d < 2147483648.0) printf(" i32=%d", (int)d);
        if (d > -1.0 && d < 4294967296.0) printf(" u32=%u", (unsigned)d);
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) printf(" i64=%lld", (long long)d);
        if (d > -1.0 && d < 18446744073709551616.0) printf(" u64=%llu", (unsigned long long)d);
        printf(" f=%a fc=%d sb=%d bits=%016llx\n", (float)d, fpclassify(d), signbit(d) != 0, (unsigned long long)bits(d));
    }
    for (unsigned i = 0; i < sizeof vf / sizeof *vf; i++) {
        float f = vf[i];
        printf("f=%a", f);
        if (f > -2147483904.0f && f < 2147483648.0f) printf(" i32=%d", (int)f);
        if (f > -1.0f && f < 4294967296.0f) printf(" u32=%u", (unsigned)f);
        if (f > -1.0f && f < 18446744073709551616.0f) printf(" u64=%llu", (unsigned long long)f);
        printf(" d=%a bits=%08x\n", (double)f, fbits(f));
    }
    const uint64_t us[] = { 0, 1, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull, 0x20000000000001ull, 0x8000000000000401ull, 0xfffffffffffff7ffull, 4294967295ull, 16777217 };
    for (int i = 0; i < 10; i++) printf("u64 %llu -> %a %a ; i64 %lld -> %a %a\n", (unsigned long long)us[i], (double)us[i], (float)us[i], (long long)us[i], (double)(int64_t)us[i], (float)(int64_t)us[i]);
    const uint32_t u32s[] = { 0x80000000u, 0xffffffffu, 0x7fffffffu, 0xffffff80u, 16777217u };
    for (int i = 0; i < 5; i++) printf("u32 %u -> %a %a ; i32 -> %a %a\n", u32s[i], (double)u32s[i], (float)u32s[i], (double)(int32_t)u32s[i], (float)(int32_t)u32s[i]);
    double nan = NAN, nz = -0.0, pz = 0.0;
    volatile double vn = nan;
    printf("nan cmp %d %d %d %d %d %d self %d %d\n", vn < 1, vn > 1, vn <= 1, vn >= 1, vn == vn, vn != vn, isunordered(vn, 1.0), islessgreater(vn, 1.0));
    printf("zero %d %g %g %g %g %d\n", nz == pz, 1 / nz, 1 / pz, nz + pz, nz * pz, signbit(nz - 0.0));
    printf("fmin %g fmax %g copysign %g atan2 %g %g\n", fmin(nz, pz), fmax(nz, pz), copysign(3, nz), atan2(nz, -1), atan2(pz, -1));
    volatile double vnz = -0.0, vpz = 0.0; volatile float fnz = -0.0f, fpz = 0.0f, fnan = NAN;
    printf("minmax ties %g %g %g %g | const %g %g %g %g | float %g %g %g %g\n", fmin(vnz, vpz), fmin(vpz, vnz), fmax(vnz, vpz), fmax(vpz, vnz),
           fmax(vnz, 0.0), fmin(vpz, -0.0), fmax(0.0, vnz), fmin(-0.0, vpz), fminf(fnz, fpz), fmaxf(fnz, 0.0f), fmaxf(fpz, fnz), fminf(fnz, -0.0f));
    printf("minmax nan %g %g %g %g %g %g\n", fmin(vn, 1.0), fmin(1.0, vn), fmax(vn, vnz), fmax(vnz, vn), fminf(fnan, 2.0f), fmaxf(3.0f, fnan));
    double den = 1e-310; printf("den %a %a %a %d\n", den * 0.5, den * 1e10, den / 3, fpclassify(den) == FP_SUBNORMAL);
    float fden = 1e-40f; volatile float fdv = fden; printf("fden %a %a %d\n", fdv * 0.25f, fdv * 1e30f, fpclassify(fdv) == FP_SUBNORMAL);
    printf("next %a %a %a\n", nextafter(1.0, 2.0), nextafter(0.0, -1.0), nextafterf(FLT_MAX, INFINITY));
    const double rs[] = { 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370497.0 };
    for (int i = 0; i < 8; i++) printf("r %g: %g %g %g %g %ld %lld %g\n", rs[i], round(rs[i]), rint(rs[i]), nearbyint(rs[i]), trunc(rs[i]), lrint(rs[i]), llround(rs[i]), floor(rs[i]));
    float narrow = (float)1.0000000596046448; double halfway = 1.0 + 0x1p-24; float hw = (float)halfway; float hw2 = (float)(1.0 + 0x1.8p-24);
    printf("narrow %a %a %a %a\n", narrow, hw, hw2, (float)1e39);
    printf("inf %g %g %d %d\n", INFINITY - INFINITY, 0 * INFINITY, isinf(-INFINITY), isnan(sqrt(-1.0)));
    return 0;
}
