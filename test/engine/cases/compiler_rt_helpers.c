/* @O3 the compiler's runtime on i386: the complex helpers clang emits calls to in bitcode,
   the 64-bit operations, overflow checks and float<->int64 conversions the engine does
   itself (sdiv i64, llvm.smul.with.overflow.i64, fptoui ...), and the same helpers called
   by name as a program may declare them (libgcc natively, the FFI table under the engine) */
#include <stdio.h>
#include <stdint.h>
#include <complex.h>
extern long long __divdi3(long long, long long), __moddi3(long long, long long);
extern unsigned long long __udivdi3(unsigned long long, unsigned long long), __umoddi3(unsigned long long, unsigned long long);
extern unsigned long long __udivmoddi4(unsigned long long, unsigned long long, unsigned long long *);
extern long long __muldi3(long long, long long), __ashldi3(long long, int), __ashrdi3(long long, int), __lshrdi3(long long, int);
extern long long __fixdfdi(double), __fixsfdi(float);
extern unsigned long long __fixunsdfdi(double), __fixunssfdi(float);
extern double __floatdidf(long long), __floatundidf(unsigned long long);
extern float __floatdisf(long long), __floatundisf(unsigned long long);
extern double __powidf2(double, int);
extern int __clzdi2(unsigned long long), __ctzdi2(unsigned long long), __popcountdi2(unsigned long long);
extern double complex __muldc3(double, double, double, double), __divdc3(double, double, double, double);
extern float complex __mulsc3(float, float, float, float), __divsc3(float, float, float, float);
volatile long long a = -123456789012345LL, b = 98765;
volatile unsigned long long ua = 18446744073709551557ULL, ub = 4294967311ULL;
volatile double d = -1.5e17, du = 1.7e19; volatile float fl = -3.5e12f, fu = 1.2e19f;
int main(void) {
    double complex x = 1.0 + 2.0 * I, y = 3.0 - 4.0 * I;
    float complex fx = 1.0f + 2.0f * I, fy = 3.0f - 4.0f * I;
    double complex m = x * y, q = x / y;
    float complex fm = fx * fy, fq = fx / fy;
    printf("%g %g %g %g\n", creal(m), cimag(m), creal(q), cimag(q));
    printf("%g %g %g %g\n", crealf(fm), cimagf(fm), crealf(fq), cimagf(fq));
    printf("%lld %lld %llu %llu\n", a / b, a % b, ua / ub, ua % ub);
    long long r; int o = __builtin_mul_overflow(a, b, &r); printf("%d %lld\n", o, r);
    o = __builtin_mul_overflow(a, a, &r); printf("%d %lld\n", o, r);
    unsigned long long ur; o = __builtin_mul_overflow(ua, ub, &ur); printf("%d %llu\n", o, ur);
    o = __builtin_add_overflow(a, b, &r); printf("%d %lld\n", o, r);
    printf("%lld %llu %lld %llu\n", (long long)d, (unsigned long long)du, (long long)fl, (unsigned long long)fu);
    printf("%g %g %g %g\n", (double)a, (double)ua, (float)a, (float)ua);
    printf("%g %g\n", __builtin_powi(d, 3), __builtin_powif(fl, -2));
    printf("%d %d %d\n", __builtin_popcountll(ua), __builtin_clzll(ub), __builtin_ctzll(ub));
    printf("cabs %g carg %g\n", cabs(x), carg(y));
    /* by name */
    unsigned long long rem;
    printf("%lld %lld %llu %llu %llu %llu\n", __divdi3(a, b), __moddi3(a, b), __udivdi3(ua, ub), __umoddi3(ua, ub), __udivmoddi4(ua, 1000003, &rem), rem);
    printf("%lld %lld %lld %lld\n", __muldi3(a, b), __ashldi3(b, 40), __ashrdi3(a, 17), __lshrdi3(a, 17));
    printf("%lld %lld %llu %llu\n", __fixdfdi(d), __fixsfdi(fl), __fixunsdfdi(du), __fixunssfdi(fu));
    printf("%g %g %g %g %g\n", __floatdidf(a), __floatundidf(ua), __floatdisf(a), __floatundisf(ua), __powidf2(1.5, 7));
    printf("%d %d %d\n", __clzdi2(ub), __ctzdi2(ub << 5), __popcountdi2(ua));
    double complex m2 = __muldc3(1.0, 2.0, 3.0, -4.0), q2 = __divdc3(1.0, 2.0, 3.0, -4.0);
    float complex fm2 = __mulsc3(1.0f, 2.0f, 3.0f, -4.0f), fq2 = __divsc3(1.0f, 2.0f, 3.0f, -4.0f);
    printf("%g %g %g %g %g %g %g %g\n", creal(m2), cimag(m2), creal(q2), cimag(q2), crealf(fm2), cimagf(fm2), crealf(fq2), cimagf(fq2));
    return 0;
}
