#include <stdio.h>
#include <stdarg.h>
static double sum(int n, ...) {
    va_list ap; va_start(ap, n); double s = 0;
    for (int i = 0; i < n; i++) {
        int kind = va_arg(ap, int);
        if (kind == 0) s += va_arg(ap, int);
        else if (kind == 1) s += va_arg(ap, double);
        else if (kind == 2) s += (double)va_arg(ap, long long);
        else s += va_arg(ap, char *)[0];
    }
    va_end(ap);
    return s;
}
static int myprintf(const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}
static int count(const char *first, ...) {
    va_list ap, aq; va_start(ap, first); va_copy(aq, ap);
    int n = 0; for (const char *s = first; s; s = va_arg(ap, const char *)) n++;
    int m = 0; for (const char *s = va_arg(aq, const char *); s; s = va_arg(aq, const char *)) m++;
    va_end(aq); va_end(ap);
    return n * 10 + m;
}
struct pt { int x, y; };
static int sumpts(int n, ...) { va_list ap; va_start(ap, n); int s = 0; for (int i = 0; i < n; i++) { struct pt p = va_arg(ap, struct pt); s += p.x * p.y; } va_end(ap); return s; }
int main(void) {
    printf("%.3f\n", sum(5, 0, 7, 1, 2.5, 2, 10000000000LL, 3, "A", 0, -3));
    int n = myprintf("%s-%d-%5.2f-%lld-%c\n", "x", 42, 3.14159, -9LL, 'z');
    printf("%d %d\n", n, count("a", "b", "c", (char *)0));
    struct pt a = { 2, 3 }, b = { 4, 5 };
    printf("%d\n", sumpts(2, a, b));
    char buf[64]; snprintf(buf, sizeof buf, "%08.3f|%-5d|%x", 2.5, 17, 255); puts(buf);
    return 3;
}
