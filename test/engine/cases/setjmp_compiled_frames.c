/* @O3 longjmp through functions without setjmp (which the JIT compiles under --jit=all and
 * --jit-threshold 1) to a setjmp below them: one and several levels of them, nested catchers
 * in between, a thousand times over (nothing leaks), and compiled code called again after;
 * and out of a loop the JIT entered by OSR (called once, --jit-threshold 1) */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf top, inner;
static volatile int limit = 7;
static unsigned trail = 1;

__attribute__((noinline)) static void thrower(jmp_buf *to, int x) {
    trail = trail * 31 + (unsigned)x;
    if (x >= limit) longjmp(*to, x);
}
/* no setjmp here: compiled under the JIT, so the longjmp passes through its frames */
__attribute__((noinline)) static int walk(jmp_buf *to, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) { s += i * i; thrower(to, i + s % 3); }
    return s;
}
__attribute__((noinline)) static int deep(jmp_buf *to, int levels, int n) {
    if (levels == 0) return walk(to, n);
    return deep(to, levels - 1, n) + levels;
}
/* a catcher in the middle: compiled code calls it, it calls compiled code that longjmps to it */
__attribute__((noinline)) static int catcher(int n) {
    volatile int tries = 0;
    int r = setjmp(inner);
    if (r) { tries++; if (tries < 3) return deep(&inner, tries, 2) - 100 * r; return 1000 * r + tries; }
    return deep(&inner, 2, n);
}
__attribute__((noinline)) static int via_catcher(int n) { return catcher(n) + walk(&top, 3); }
__attribute__((noinline)) static int plain(int a, int b) { return a * b + 1; }
__attribute__((noinline)) static int once(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) { s += i ^ (s >> 3); thrower(&top, i / 600); }
    return s;
}

int main(void) {
    volatile int caught = 0, sum = 0;
    for (volatile int round = 0; round < 1000; round++) {
        int r = setjmp(top);
        if (r == 0) sum += deep(&top, round % 4, 20);
        else { caught++; sum += r; }
    }
    printf("caught %d sum %d trail %08x\n", caught, sum, trail);
    int r = setjmp(top);
    if (r == 0) printf("catcher %d\n", via_catcher(20));
    else printf("top %d\n", r);
    printf("after %d\n", plain(6, 7) + walk(&top, 2));
    r = setjmp(top);
    if (r == 0) printf("once %d\n", once(5000));
    else printf("out of the loop %d\n", r);
    limit = 100;
    printf("no jump %d\n", deep(&top, 3, 10));
    return caught % 100;
}
