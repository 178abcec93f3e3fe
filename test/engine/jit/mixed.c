/* Mixed mode under --jit=all: functions the JIT leaves interpreted (one that
 * counts the bits of a 64-bit value: llvm.ctpop.i64, not compiled yet) and
 * compiled ones call each other, recursively and through function pointers
 * handed to native code (qsort). */
#include <stdio.h>
#include <stdlib.h>

static int compiled_down(int n);

/* interpreted: llvm.ctpop.i64 */
__attribute__((noinline)) static int interpreted_down(int n, unsigned long long bits) {
    int scale = __builtin_popcountll(bits);
    if (n <= 0) return 0;
    return scale * n + compiled_down(n - 1);
}

/* compiled: scalars only */
__attribute__((noinline)) static int compiled_down(int n) {
    if (n <= 0) return 1;
    return n + interpreted_down(n - 1, (unsigned long long)n << 40 | 1);
}

/* interpreted, with a narrow signed parameter: compiled callers pass it sign-extended, as
 * cdecl's signext says; the interpreter must still see -2 as -2 (its slots hold it zero-extended) */
__attribute__((noinline)) static int narrow(short s, unsigned long long bits) {
    return s == -2 ? __builtin_popcountll(bits) : -1;
}

static int by_value(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int (*pick(int which))(const void *, const void *) { return which ? by_value : 0; }

__attribute__((noinline)) static long long sum_squares(const int *v, int n) {
    long long s = 0;
    for (int i = 0; i < n; i++) s += (long long)v[i] * v[i];
    return s;
}

int main(void) {
    printf("mutual recursion: %d\n", compiled_down(20));
    static volatile short minus_two = -2;
    printf("narrow: %d\n", narrow(minus_two, (unsigned long long)minus_two << 40 | 3));
    int v[64];
    unsigned x = 12345;
    for (int i = 0; i < 64; i++) { x = x * 1103515245u + 12345u; v[i] = (int)(x >> 8) % 1000 - 500; }
    qsort(v, 64, sizeof v[0], pick(1));
    for (int i = 1; i < 64; i++) if (v[i - 1] > v[i]) { printf("not sorted at %d\n", i); return 1; }
    printf("sorted: %d %d %d, sum of squares %lld\n", v[0], v[31], v[63], sum_squares(v, 64));
    float f = 1.5f; double d = 2.25;
    for (int i = 0; i < 10; i++) { f = f * 1.25f - 0.5f; d = d / 1.5 + f; }
    printf("float %.6f double %.9f\n", f, d);
    return v[0] < 0 ? 4 : 5;
}
