/* complex.h: each function once, double and float (double complex results come back through a
   hidden pointer the callee pops, float complex ones in EDX:EAX; complex arguments are passed
   by value on the stack), with complex * and / (clang's __muldc3/__divdc3 calls) */
#include <stdio.h>
#include <complex.h>
#define D(f) do { double complex r = f(z); printf("%-7s %.17g %.17g\n", #f, creal(r), cimag(r)); } while (0)
#define F(f) do { float complex r = f(w); printf("%-7s %.9g %.9g\n", #f, crealf(r), cimagf(r)); } while (0)
int main(int argc, char **argv) {
    volatile double re = 0.5 + argc - 1, im = 1.25;
    double complex z = re + im * I;
    float complex w = (float)re - 0.75f * I;
    D(cexp); D(clog); D(csqrt); D(csin); D(ccos); D(ctan); D(casin); D(cacos); D(catan);
    D(csinh); D(ccosh); D(ctanh); D(casinh); D(cacosh); D(catanh); D(cproj); D(conj);
    F(cexpf); F(clogf); F(csqrtf); F(csinf); F(ccosf); F(ctanf); F(casinf); F(cacosf); F(catanf);
    F(csinhf); F(ccoshf); F(ctanhf); F(casinhf); F(cacoshf); F(catanhf); F(cprojf); F(conjf);
    double complex p = cpow(z, 2.5 - 0.5 * I); float complex q = cpowf(w, 1.5f);
    printf("cpow %.17g %.17g cpowf %.9g %.9g\n", creal(p), cimag(p), crealf(q), cimagf(q));
    /* float results from libm arrive in st0 unrounded (glibc i386): stored, as C rounds them
       (widened directly, native code would keep the excess bits) */
    volatile float ab = cabsf(w), ar = cargf(w);
    printf("creal %g cimag %g crealf %g cimagf %g cabs %.17g carg %.17g cabsf %.9g cargf %.9g\n",
           creal(z), cimag(z), crealf(w), cimagf(w), cabs(z), carg(z), ab, ar);
    double complex m = z * p, d = z / p;
    printf("mul %.17g %.17g div %.17g %.17g\n", creal(m), cimag(m), creal(d), cimag(d));
    return 0;
}
