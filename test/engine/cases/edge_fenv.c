/* @O3 fenv.h: rounding modes change what conversions, arithmetic, rint and printf give; exception flags raised by
   a division by zero, an overflow and an invalid operation, tested and cleared; the environment saved and restored */
#include <stdio.h>
#include <fenv.h>
#include <math.h>
#include <float.h>
static volatile double one = 1.0, three = 3.0, zero = 0.0, big = 1e308, m25 = -2.5;
int main(void) {
    const int modes[] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
    const char *names[] = { "nearest", "upward", "downward", "towardzero" };
    for (int i = 0; i < 4; i++) {
        fesetround(modes[i]);
        double q = one / three; float qf = (float)q;
        printf("%-10s FLT_ROUNDS %d %d q=%.17g qf=%.9g rint=%g %g nearbyint=%g lrint=%ld llrint=%lld\n", names[i], FLT_ROUNDS, fegetround() == modes[i], q, qf, rint(m25), rint(2.5), nearbyint(-0.5), lrint(m25), llrint(3.5));
    }
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double r = one / zero; printf("divbyzero %d %g\n", fetestexcept(FE_DIVBYZERO) != 0, r);
    feclearexcept(FE_ALL_EXCEPT); r = big * 10; printf("overflow %d inexact %d\n", fetestexcept(FE_OVERFLOW) != 0, fetestexcept(FE_INEXACT) != 0);
    feclearexcept(FE_ALL_EXCEPT); r = zero / zero; printf("invalid %d\n", fetestexcept(FE_INVALID) != 0);
    feclearexcept(FE_ALL_EXCEPT); r = one + one; printf("exact: none %d\n", fetestexcept(FE_ALL_EXCEPT));
    fenv_t env; fegetenv(&env); fesetround(FE_UPWARD); feraiseexcept(FE_UNDERFLOW); fesetenv(&env);
    printf("restored %d %d\n", fegetround() == FE_TONEAREST, fetestexcept(FE_UNDERFLOW) != 0);
    fexcept_t fl; feraiseexcept(FE_INEXACT); fegetexceptflag(&fl, FE_INEXACT); feclearexcept(FE_ALL_EXCEPT); fesetexceptflag(&fl, FE_INEXACT);
    printf("flag %d\n", fetestexcept(FE_INEXACT) != 0);
    feholdexcept(&env); r = one / zero; feupdateenv(&env); printf("hold %d\n", fetestexcept(FE_DIVBYZERO) != 0);
    return 0;
}
