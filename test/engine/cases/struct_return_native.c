/* @O3 struct results from the C library and the compiler's runtime: div/ldiv/lldiv and
   clang's complex multiply/divide helpers (__muldc3, __divdc3: a hidden struct-return
   pointer the native callee pops with `ret 4`; __mulsc3, __divsc3: EDX:EAX), called
   directly and through function pointers, with their special cases (inf, nan, zero) */
#include <stdio.h>
#include <stdlib.h>
#include <complex.h>
#include <math.h>
static div_t (*volatile pdiv)(int, int) = div;
static lldiv_t (*volatile plldiv)(long long, long long) = lldiv;
static volatile double big = 1e308, inf = INFINITY, zero = 0.0;
static void pc(const char *t, double complex z) { printf("%s (%g, %g)\n", t, creal(z), cimag(z)); }
static void pf(const char *t, float complex z) { printf("%s (%g, %g)\n", t, crealf(z), cimagf(z)); }
int main(int argc, char **argv) {
    int k = argc + 6;                    /* 7, unknown to the optimiser */
    div_t d = div(k * 10 + 3, -k);
    ldiv_t l = ldiv(-1000000L * k, 33);
    lldiv_t ll = lldiv(-123456789012345LL * k, 1000003);
    printf("div %d %d ldiv %ld %ld lldiv %lld %lld\n", d.quot, d.rem, l.quot, l.rem, ll.quot, ll.rem);
    d = pdiv(-k, 2); ll = plldiv(1LL << 40, -k);
    printf("through pointers: %d %d %lld %lld\n", d.quot, d.rem, ll.quot, ll.rem);
    volatile double a = 1.5 * k, b = -2.25, c = 3.0, e = 0.5 * k;
    double complex x = a + b * I, y = c - e * I;
    pc("mul", x * y); pc("div", x / y);
    pc("div by zero", x / (zero + zero * I));
    pc("inf * finite", (inf + 1.0 * I) * y);
    pc("finite / inf", x / (inf + inf * I));
    pc("big / big", (big + big * I) / (big - big * I));
    pc("nan", (NAN + NAN * I) * y);
    float complex fx = (float)a + (float)b * I, fy = (float)c - (float)e * I;
    pf("fmul", fx * fy); pf("fdiv", fx / fy);
    pf("fdiv by zero", fx / (float complex)0);
    double complex acc = 1.0;
    for (int i = 0; i < k; i++) acc = acc * (0.5 + 0.75 * I) / (1.25 - 0.125 * i * I);
    pc("loop", acc);
    return 0;
}
