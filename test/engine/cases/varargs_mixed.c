/* @O3 variadic functions: mixed int/long long/double/pointer arguments, va_copy, forwarding to vsnprintf, own formatter */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
static double avg(int n, ...) { va_list ap; va_start(ap, n); double s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, double); va_end(ap); return n ? s / n : 0; }
static long long mixsum(const char *sig, ...) {
    va_list ap; va_start(ap, sig); long long s = 0;
    for (const char *p = sig; *p; p++) switch (*p) {
        case 'i': s += va_arg(ap, int); break;
        case 'l': s += va_arg(ap, long long); break;
        case 'd': s += (long long)(va_arg(ap, double) * 1000); break;
        case 's': s += (long long)strlen(va_arg(ap, const char *)); break;
        case 'c': s += (char)va_arg(ap, int); break;
    }
    va_end(ap); return s;
}
static int twice(char *out, int n, const char *fmt, ...) {
    va_list ap, ap2; va_start(ap, fmt); va_copy(ap2, ap);
    int a = vsnprintf(out, n, fmt, ap); int b = vsnprintf(out + a, n - a, fmt, ap2);
    va_end(ap2); va_end(ap); return a + b;
}
static void myfmt(char *out, const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') { *out++ = *fmt; continue; }
        switch (*++fmt) {
        case 'd': { int v = va_arg(ap, int); char t[16]; int k = 0; unsigned u = v < 0 ? -(unsigned)v : (unsigned)v; do t[k++] = '0' + u % 10; while (u /= 10); if (v < 0) *out++ = '-'; while (k) *out++ = t[--k]; break; }
        case 'x': { unsigned v = va_arg(ap, unsigned); for (int s = 28; s >= 0; s -= 4) *out++ = "0123456789abcdef"[(v >> s) & 15]; break; }
        case 's': { const char *s = va_arg(ap, const char *); while (*s) *out++ = *s++; break; }
        case '%': *out++ = '%'; break;
        }
    }
    *out = 0; va_end(ap);
}
int main(void) {
    printf("avg %.4f %.4f\n", avg(4, 1.0, 2.5, -3.0, 10.0), avg(0));
    printf("mix %lld\n", mixsum("ildscil", 5, 1LL << 40, 2.5, "hello", 'x', -9, -(1LL << 35)));
    char buf[200]; int n = twice(buf, sizeof buf, "[%d|%5.2f|%s|%lld]", 42, 3.14159, "str", -1234567890123LL);
    printf("%d %s\n", n, buf);
    myfmt(buf, "v=%d hex=%x s=%s %% neg=%d", 12345, 0xbeefu, "abc", -77); puts(buf);
    printf("%5d|%-5d|%05d|%+d|%x|%X|%o|%c|%10.3s|%p\n", 42, 42, 42, 42, 255, 255, 8, 'q', "abcdef", (void *)0);
    return n;
}
