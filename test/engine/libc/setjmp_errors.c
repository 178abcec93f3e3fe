/* longjmps the engine refuses with a clear error (exit 1), where native code would jump or
   crash: across a native frame (qsort calling back into the program, argv[1] "callback"), and
   to a function that has returned (argv[1] "returned", undefined behaviour natively) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
static jmp_buf env, old;
static int cmp(const void *a, const void *b) { (void)a; (void)b; longjmp(env, 7); }
static void arm(void) { setjmp(old); }
int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "returned")) { arm(); longjmp(old, 1); }
    int v[3] = { 3, 1, 2 };
    if (setjmp(env)) { printf("back from the comparator\n"); return 0; }
    qsort(v, 3, sizeof *v, cmp);
    return 2;
}
