/* @O3 calls that are easy to get wrong: 20 mixed int/double/long long/struct arguments, through pointers and
   recursion; C library functions by pointer (strlen, printf variadic, strcmp as a qsort comparator); pointers to
   the same library function compared; __builtin_return_address/frame_address; K&R-style and unprototyped calls */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
typedef struct { char c; short s; } P3;
typedef struct { double d; int i; } DI;
static double many(int a, double b, long long c, float d, P3 e, char f, DI g, unsigned short h, double i, int j,
                   long long k, P3 l, float m, int n, double o, signed char p, DI q, int r, long long s, double t) {
    return a + b + c + d + e.c + e.s + f + g.d + g.i + h + i + j + k + l.c + l.s + m + n + o + p + q.d + q.i + r + s + t;
}
typedef double (*many_fn)(int, double, long long, float, P3, char, DI, unsigned short, double, int, long long, P3, float, int, double, signed char, DI, int, long long, double);
static int rec_many(int depth, double acc, long long k, P3 p, DI d) { if (!depth) return (int)(acc + k + p.c + d.i); P3 q = { (char)(p.c + 1), p.s }; DI e = { d.d * 0.5, d.i + depth }; return rec_many(depth - 1, acc + d.d, k * 3 % 1000003, q, e) + 1; }
static int cmp_str_ptrs(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int (*old_style)();
static int takes_ints(int a, int b) { return a * 100 + b; }
__attribute__((noinline)) static int frame_ok(void) { return __builtin_frame_address(0) != 0 && __builtin_return_address(0) != 0; }
int main(void) {
    P3 e = { 'a', -300 }, l = { 'z', 12345 }; DI g = { 0.25, -9 }, q = { 1e3, 77 };
    volatile many_fn vf = many;
    printf("many %.17g %.17g\n", many(1, 2.5, 1LL << 40, 0.5f, e, 'x', g, 65535, -1.25, -7, -(1LL << 35), l, 3.75f, 100, 1e-3, -128, q, 42, 9, 0.125),
           vf(2, 2.5, 1LL << 41, 0.5f, l, 'y', q, 1, -1.25, -7, -(1LL << 35), e, 3.75f, 100, 1e-3, 127, g, 42, 9, 0.125));
    printf("rec_many %d\n", rec_many(200, 0, 7, e, g));
    size_t (*len)(const char *) = strlen; int (*pf)(const char *, ...) = printf; int (*sc)(const char *, const char *) = strcmp;
    pf("printf by pointer: %d %s %.3f %lld %c\n", (int)len("seven!!"), "str", 2.0 / 3, -5LL, 'q');
    printf("same pointer %d %d\n", len == strlen, sc == strcmp);
    char w[6][8] = { "pear", "apple", "fig", "banana", "kiwi", "apple" };
    qsort(w, 6, 8, (int (*)(const void *, const void *))strcmp);
    for (int i = 0; i < 6; i++) printf("[%s]", w[i]); printf("\n");
    const char *ws[] = { "d", "bb", "a", "ccc" }; qsort(ws, 4, sizeof *ws, cmp_str_ptrs); printf("%s %s %s %s\n", ws[0], ws[1], ws[2], ws[3]);
    void *(*alloc)(size_t) = malloc; void (*release)(void *) = free; char *m = alloc(32); strcpy(m, "heap via pointers"); puts(m); release(m);
    old_style = (int (*)())takes_ints; printf("old style %d\n", old_style(3, 4));
    printf("frame %d\n", frame_ok());
    return 0;
}
