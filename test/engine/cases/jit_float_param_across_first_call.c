/* A double parameter live across a call that is its function's first instruction (run: init(), then
   use(..., a)). --jit=all once kept it in an XMM register without saving it around that call, as it
   saves values defined later: the first call, into a callee not compiled yet, ran the JIT, which
   clobbered the register (run(0, 1.0) printed 8.28041e-308, the calls after it were right). */
#include <stdio.h>

static double buf[16];

__attribute__((noinline)) static void init(void) {
    for (int i = 0; i < 16; i++) buf[i] = i * 0.5;
}

__attribute__((noinline)) static double use(const double *p, int n, double a) {
    double s = 0;
    for (int i = 0; i < n; i++) s += p[i] * a;
    return s;
}

__attribute__((noinline)) static double run(int off, double a) {
    init();
    return use(buf + off, 8, a);
}

static float fbuf[4];

__attribute__((noinline)) static void init_float(void) {
    for (int i = 0; i < 4; i++) fbuf[i] = (float)i + 0.25f;
}

__attribute__((noinline)) static float run_float(float a) {
    init_float();
    return fbuf[3] * a;
}

int main(void) {
    printf("%g %g %g\n", run(0, 1.0), run(1, 2.0), run(2, -3.0));
    printf("%g %g\n", (double)run_float(4.0f), (double)run_float(-0.5f));
    return 0;
}
