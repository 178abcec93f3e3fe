/* @O3 long double (x86_fp80): constants, arithmetic, compares, conversions, memory, calls, varargs, libm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <math.h>
#include <float.h>

static volatile long double V[] = { 1.0L, -2.5L, 3.141592653589793238462643383279L, 1e-4000L, 1e4000L, 0.0L, -0.0L,
                                    LDBL_MAX, LDBL_MIN, LDBL_EPSILON, 1.0L / 3.0L, 123456789012345678.0L };
static volatile float F = 1.1f;
static volatile double D = 2.2;
static volatile long long I64 = -1234567890123LL;
static volatile unsigned long long U64 = 18446744073709551615ULL;
static unsigned h = 2166136261u;
struct S { char c; long double x; short s; } __attribute__((packed));
struct T { int a; long double x[3]; int b; };

static void mix(const void *p, size_t n) { const unsigned char *b = p; while (n--) h = (h ^ *b++) * 16777619u; }
static void showl(const char *what, long double x) {
    unsigned char b[10]; memcpy(b, &x, 10); mix(b, 10);
    printf("%-8s %.21Lg  %02x%02x %02x%02x%02x%02x%02x%02x%02x%02x\n", what, x, b[9], b[8], b[7], b[6], b[5], b[4], b[3], b[2], b[1], b[0]);
}
__attribute__((noinline)) static long double poly(long double x, int n) {
    long double r = 0;
    for (int i = 0; i < n; i++) r = r * x + (long double)i / 7;
    return r;
}
__attribute__((noinline)) static long double sum(int n, ...) {
    va_list ap; va_start(ap, n);
    long double s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, long double) * (i + 1);
    va_end(ap);
    return s;
}
__attribute__((noinline)) static long double pick(long double a, double b, long double c, int k) { return k ? a - c : b + c; }
static int cmp(const void *a, const void *b) { long double x = *(const long double *)a, y = *(const long double *)b; return (x > y) - (x < y); }

int main(void) {
    int n = sizeof V / sizeof *V;
    for (int i = 0; i < n; i++) {
        long double x = V[i], y = V[(i + 3) % n];
        showl("x", x);
        showl("add", x + y); showl("sub", x - y); showl("mul", x * y); showl("div", x / y); showl("neg", -x);
        showl("rem", fmodl(x, y + 1)); showl("frem", y != 0 ? x - y * (long long)(x / y) : 0);
        unsigned m = (x == y) | (x != y) << 1 | (x < y) << 2 | (x <= y) << 3 | (x > y) << 4 | (x >= y) << 5 | __builtin_isunordered(x, y) << 6;
        printf("cmp %02x float %a double %a\n", m, (float)x, (double)x);
        if (fabsl(x) < 1e18L) printf("int %lld %d %u %llu\n", (long long)x, (int)x, (unsigned)fabsl(x), (unsigned long long)fabsl(x));
        showl("fabs", fabsl(x)); showl("sqrt", sqrtl(fabsl(x))); showl("sin", sinl(x > 1e10L ? 1 : x));
        showl("exp", expl(x > 100 ? 1 : x)); showl("pow", powl(fabsl(x) + 1, 1.5L)); showl("atan2", atan2l(x, y));
    }
    long double nan = V[4] - V[4];
    showl("nan", nan); printf("nan cmp %d %d %d\n", nan == nan, nan != nan, nan < 1);
    showl("fromf", F); showl("fromd", D); showl("fromi64", I64); showl("fromu64", U64); showl("fromi8", (signed char)I64);
    showl("poly", poly(V[2], 30));
    showl("sum", sum(4, V[0], V[1], V[2], V[10]));
    showl("pick", pick(V[2], D, V[10], 1)); showl("pick0", pick(V[2], D, V[10], 0));
    struct S s = { 'a', V[2], 0x1234 }; struct S s2; memcpy(&s2, &s, sizeof s); s2.x += 1;
    showl("packed", s2.x); printf("packed s %x c %c size %zu\n", s2.s, s2.c, sizeof s2);
    struct T t = { 7, { V[0], V[1], V[2] }, 9 };
    for (int i = 0; i < 3; i++) t.x[i] *= t.x[(i + 1) % 3];
    showl("arr", t.x[0] + t.x[1] + t.x[2]); printf("T %d %d %zu\n", t.a, t.b, sizeof t);
    long double arr[12]; for (int i = 0; i < n; i++) arr[i] = V[i];
    qsort(arr, n, sizeof *arr, cmp);
    for (int i = 0; i < n; i++) showl("sorted", arr[i]);
    char buf[64]; snprintf(buf, sizeof buf, "%.10Lf|%Le", V[2], V[10]); printf("%s\n", buf);
    showl("strtold", strtold("2.718281828459045235360287471352662", 0));
    printf("%Lf %.3Lf %Lg\n", V[0], V[1], V[3]);
    printf("hash %08x\n", h);
    return (int)(h & 0x7f);
}
