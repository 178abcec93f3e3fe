/* math.h beyond the functions tinyllama-like code uses: each function host_main.c's "rest of math.h" row provides,
   in double, float and long double, called once on a value that shows its behaviour (signed zeros, NaN, errno) */
#define _GNU_SOURCE
#include <stdio.h>
#include <math.h>
#include <errno.h>
/* float results go through a volatile float: i386 returns them in st(0), and clang, which takes the ABI's word that the value
   is a float, uses st(0)'s extra precision when the result is widened at once ((double)asinhf(x)); the engine rounds it */
static volatile double vd; static volatile float vf; static volatile long double vl;
#define ALL3(name, fmt, call) (vd = call(name), vf = call(name##f), vl = call(name##l), printf("%-12s " fmt " " fmt " " fmt "\n", #name, vd, (double)vf, (double)vl))
#define ONE(f) f(0.75)
#define TWO(f) f(5.5, -2.25)
int main(void) {
    ALL3(acosh, "%.17g", ONE); ALL3(asinh, "%.17g", ONE); ALL3(atanh, "%.17g", ONE); ALL3(logb, "%g", ONE);
    printf("ilogb %d %d %d\n", ilogb(1e-310), ilogbf(0.75f), ilogbl(1e4000L));
    ALL3(significand, "%g", ONE); ALL3(drem, "%g", TWO); ALL3(remainder, "%g", TWO); ALL3(fdim, "%g", TWO);
    ALL3(tgamma, "%.17g", ONE); ALL3(erf, "%.17g", ONE); ALL3(erfc, "%.17g", ONE); ALL3(exp10, "%.17g", ONE);
    ALL3(gamma, "%.17g", ONE); ALL3(lgamma, "%.17g", ONE);
    int s1, s2, s3; double g1 = lgamma_r(-0.5, &s1); vf = lgammaf_r(-0.5f, &s2); float g2 = vf; long double g3 = lgammal_r(-0.5L, &s3);
    printf("lgamma_r %.17g %d %.9g %d %.17Lg %d\n", g1, s1, g2, s2, g3, s3);
    printf("nextafter %a %a %La\n", nextafter(1.0, 0.0), nextafterf(0.0f, 1.0f), nextafterl(1.0L, 2.0L));
    printf("nexttoward %a %a %La\n", nexttoward(1.0, 2.0L), nexttowardf(-0.0f, -1.0L), nexttowardl(0.0L, 1.0L));
    printf("nextup %a %a %La nextdown %a %a %La\n", nextup(1.0), nextupf(-0.0f), nextupl(1.0L), nextdown(1.0), nextdownf(0.0f), nextdownl(1.0L));
    int q1, q2, q3; double r1 = remquo(29.0, 3.0, &q1); float r2 = remquof(-29.0f, 3.0f, &q2); long double r3 = remquol(10.5L, 2.0L, &q3);
    printf("remquo %g %d %g %d %Lg %d\n", r1, q1, r2, q2, r3, q3);
    printf("scalbn %g %g %Lg scalbln %g %g %Lg scalb %g %g %Lg\n", scalbn(3, 4), scalbnf(3, -2), scalbnl(3, 100), scalbln(1, -1074), scalblnf(1, 127), scalblnl(1, 16383), scalb(2, 3), scalbf(2, -1), scalbl(2, 10));
    printf("nan %f %f %Lf\n", nan(""), nanf("1"), nanl("0x10"));
    printf("j0 %.17g %.17Lg j1 %.17g %.17Lg jn %.17g %.17Lg\n", j0(2.5), j0l(2.5L), j1(2.5), j1l(2.5L), jn(3, 2.5), jnl(3, 2.5L));
    vf = j0f(2.5f); printf("j0f %.9g", vf); vf = j1f(2.5f); printf(" j1f %.9g", vf); vf = jnf(3, 2.5f); printf(" jnf %.9g", vf);
    vf = y0f(2.5f); printf(" y0f %.9g", vf); vf = y1f(2.5f); printf(" y1f %.9g", vf); vf = ynf(3, 2.5f); printf(" ynf %.9g\n", vf);
    printf("y0 %.17g %.17Lg y1 %.17g %.17Lg yn %.17g %.17Lg\n", y0(2.5), y0l(2.5L), y1(2.5), y1l(2.5L), yn(3, 2.5), ynl(3, 2.5L));
    double sd, cd; float sf, cf; long double sl, cl; sincos(1.0, &sd, &cd); sincosf(1.0f, &sf, &cf); sincosl(1.0L, &sl, &cl);
    printf("sincos %.17g %.17g %.9g %.9g %.17Lg %.17Lg\n", sd, cd, sf, cf, sl, cl);
    printf("finite %d %d %d isinf %d %d %d isnan %d %d %d\n", finite(1.0), finitef(INFINITY), finitel(1.0L), (isinf)(-INFINITY), (isinff)(1.0f), (isinfl)(INFINITY), (isnan)(NAN), (isnanf)(1.0f), (isnanl)(NAN));
    printf("fmaxmag %g %g %Lg fminmag %g %g %Lg roundevenl %Lg\n", fmaxmag(-3, 2), fmaxmagf(1, -1), fmaxmagl(-0.5L, 0.25L), fminmag(-3, 2), fminmagf(1, -1), fminmagl(-0.5L, 0.25L), roundevenl(2.5L));
    errno = 0; double big = tgamma(-1.0); printf("tgamma(-1) %g errno %d\n", big, errno == EDOM);
    return 0;
}
