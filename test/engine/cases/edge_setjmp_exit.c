/* @O3 setjmp inside loops (re-armed every iteration, volatile locals kept), longjmp from nested calls and through
   a function pointer, then exit() from deep recursion with atexit handlers in reverse order and stdout unflushed */
#include <stdio.h>
#include <stdlib.h>
#include <setjmp.h>
#include <string.h>
static jmp_buf env;
static int depth;
static void thrower(int n) { depth++; if (n == 0) longjmp(env, depth); thrower(n - 1); }
static void (*fp)(int) = thrower;
static void h1(void) { printf("atexit 1\n"); }
static void h2(void) { printf("atexit 2, depth %d\n", depth); }
static void h3(void) { fputs("atexit 3 buffered", stdout); }
static void bye(int n, int code) { if (n == 0) { printf("exiting with %d", code); exit(code); } bye(n - 1, code); }
int main(void) {
    volatile int total = 0;
    for (int i = 0; i < 50; i++) {
        depth = 0;
        int r = setjmp(env);
        if (r == 0) { fp(i % 7); printf("not reached\n"); }
        total += r;
    }
    printf("loop total %d\n", total);
    jmp_buf saved; volatile int count = 0;
    memcpy(saved, env, sizeof env);
    if (setjmp(env) < 3) { count++; if (count < 4) longjmp(env, count); }
    printf("count %d\n", count);
    for (int k = 0; k < 3; k++) { jmp_buf inner; volatile int v = k * 10; if (!setjmp(inner)) { v++; longjmp(inner, 1); } printf("inner %d\n", v); }
    atexit(h1); atexit(h2); atexit(h3);
    bye(200, 37);
    return 0;
}
