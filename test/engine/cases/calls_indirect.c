/* direct, indirect, recursive-through-pointer and mutually recursive calls with many argument types */
#include <stdio.h>
#include <stdint.h>
static long long many(int8_t a, uint8_t b, int16_t c, uint16_t d, int e, unsigned f, long long g, unsigned long long h, float i, double j, const char *k, int l) {
    return a + b + c + d + e + f + g + (long long)h + (long long)(i * 10) + (long long)(j * 100) + k[0] + l;
}
static int is_even(unsigned n);
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
typedef int (*pred)(unsigned);
static int count_if(pred p, unsigned n) { int c = 0; for (unsigned i = 0; i < n; i++) c += p(i); return c; }
static int apply_n(int (*f)(int), int n, int x) { while (n--) x = f(x); return x; }
static int collatz(int x) { return x & 1 ? 3 * x + 1 : x / 2; }
static double (*dsel(int k))(double) { static double (*t[])(double) = { 0 }; (void)t; return 0; }
static double sq(double x) { return x * x; }
static double half(double x) { return x / 2; }
static double compose(double (*f)(double), double (*g)(double), double x) { return f(g(x)); }
typedef long long (*manyfn)(int8_t, uint8_t, int16_t, uint16_t, int, unsigned, long long, unsigned long long, float, double, const char *, int);
int main(void) {
    volatile manyfn mf = many;
    long long r1 = many(-5, 250, -30000, 60000, -7, 4000000000u, -1LL << 40, 1ULL << 63, 1.25f, -2.5, "A", 99);
    long long r2 = mf(5, 1, 2, 3, 4, 5, 6, 7, 8.5f, 9.75, "z", -1);
    printf("many %lld %lld\n", r1, r2);
    printf("even %d odd %d\n", count_if(is_even, 300), count_if(is_odd, 301));
    int steps = 0, x = 27; while (x != 1) { x = apply_n(collatz, 1, x); steps++; }
    printf("collatz27 %d apply %d\n", steps, apply_n(collatz, 10, 97));
    printf("compose %g %g null %d\n", compose(sq, half, 9), compose(half, sq, 9), dsel(1) == 0);
    return steps;
}
