/* @O3 setjmp/longjmp (glibc's _setjmp, __sigsetjmp, longjmp, siglongjmp) unwinding interpreted
   frames: a longjmp from deep recursion back to main, longjmp(env, 0) returning 1, volatile
   locals kept, nested and re-armed jump buffers, an error-recovery loop, a jump to a frame in
   the middle of the call chain, sigsetjmp/siglongjmp */
#include <stdio.h>
#include <setjmp.h>
#include <string.h>
static jmp_buf top, mid;
static sigjmp_buf sig;
static int depth_reached;
static void dive(int n, int limit, jmp_buf *to) {
    char pad[64]; memset(pad, n, sizeof pad);
    if (n == limit) { depth_reached = n + pad[3] - n; longjmp(*to, n * 10); }
    dive(n + 1, limit, to);
    printf("never printed %d\n", pad[0]);
}
static int middle(int k) {
    int r = setjmp(mid);
    if (r) return 1000 + r;
    dive(0, k, &mid);
    return -1;
}
static void inner_jump(int v) { longjmp(mid, v); }
static int middle2(int v) {
    volatile int tries = 0;
    int r = setjmp(mid);
    tries++;
    if (r < 3) inner_jump(r + 1);
    return r * 100 + tries;
}
static double parse(const char *s, jmp_buf *err) {
    double v = 0; int any = 0;
    for (; *s; s++) { if (*s < '0' || *s > '9') longjmp(*err, 2); v = v * 10 + (*s - '0'); any = 1; }
    if (!any) longjmp(*err, 3);
    return v;
}
int main(void) {
    volatile int round = 0;
    int r = setjmp(top);
    round++;
    printf("setjmp returned %d (round %d)\n", r, round);
    if (r == 0) dive(0, 5, &top);
    if (r == 50) longjmp(top, 0);           /* 0 comes back as 1 */
    printf("depth %d\n", depth_reached);
    /* setjmp in a function still running, longjmp from below it: returns there, not in main */
    depth_reached = 0;
    r = setjmp(top);
    if (r == 0) printf("middle: %d\n", middle(3));
    printf("middle2: %d\n", middle2(0));
    const char *inputs[] = { "123", "12x", "", "42" };
    for (int i = 0; i < 4; i++) {
        jmp_buf err;
        int code = setjmp(err);
        if (code) { printf("parse(\"%s\") failed: %d\n", inputs[i], code); continue; }
        printf("parse(\"%s\") = %g\n", inputs[i], parse(inputs[i], &err));
    }
    volatile int n = 0;
    if (sigsetjmp(sig, 1) < 3) { n++; siglongjmp(sig, n); }
    printf("sigsetjmp rounds %d\n", n);
    return 0;
}
