/* @O3 varargs of mixed types (char/short promoted, float as double, long long, long double, pointers, structs)
   walked twice through va_copy, passed on as va_list, and through vsnprintf */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
typedef struct { short a; char b; } Pair;
typedef struct { double x; int y; } DI;
static void walk(const char *fmt, va_list ap) {
    for (const char *p = fmt; *p; p++) {
        switch (*p) {
        case 'c': printf(" c=%d", va_arg(ap, int)); break;
        case 'i': printf(" i=%d", va_arg(ap, int)); break;
        case 'u': printf(" u=%u", va_arg(ap, unsigned)); break;
        case 'L': printf(" L=%lld", va_arg(ap, long long)); break;
        case 'd': printf(" d=%.17g", va_arg(ap, double)); break;
        case 'D': printf(" D=%.20Lg", va_arg(ap, long double)); break;
        case 's': printf(" s=%s", va_arg(ap, const char *)); break;
        case 'P': { Pair q = va_arg(ap, Pair); printf(" P={%d,%d}", q.a, q.b); break; }
        case 'X': { DI q = va_arg(ap, DI); printf(" X={%g,%d}", q.x, q.y); break; }
        }
    }
    printf("\n");
}
static void twice(const char *fmt, ...) {
    va_list ap, cp; va_start(ap, fmt); va_copy(cp, ap);
    walk(fmt, ap);
    va_list cp2; va_copy(cp2, cp);
    walk(fmt, cp); va_end(cp);
    char buf[256]; const char *pf = "%d|%s|%f";
    if (fmt[0] == 'i' && fmt[1] == 's' && fmt[2] == 'd') { vsnprintf(buf, sizeof buf, pf, cp2); printf("vsnprintf %s\n", buf); }
    va_end(cp2); va_end(ap);
}
static long long sum_ll(int n, ...) { va_list ap; va_start(ap, n); long long s = 0; for (int i = 0; i < n; i++) s += (i & 1) ? va_arg(ap, long long) : va_arg(ap, int); va_end(ap); return s; }
static double skip_then(int n, ...) { va_list ap; va_start(ap, n); for (int i = 0; i < n; i++) (void)va_arg(ap, double); double last = va_arg(ap, double); va_end(ap); return last; }
int main(void) {
    char c = -5; short sh = -30000; float f = 1.1f; unsigned char uc = 250;
    twice("csdiuL", c, "str", (double)f, sh, uc, -1234567890123LL);
    twice("isdPX", 7, "abc", 2.5, (Pair){ -3, 'z' }, (DI){ 0.125, 99 });
    twice("DdDi", (long double)1 / 3, 1e300, -2.5L, 42);
    twice("LLLL", 1LL, -1LL, 0x7fffffffffffffffLL, (long long)0x8000000000000000ull);
    printf("sum_ll %lld\n", sum_ll(6, 1, 2LL << 40, 3, -(5LL << 33), -7, 1LL));
    printf("skip %g\n", skip_then(4, 1.0, 2.0, 3.0, 4.0, 5.5));
    return 0;
}
