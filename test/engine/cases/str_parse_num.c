/* parsing numbers: hand-written atoi/strtol with bases and overflow detection vs libc strtol/strtoul/strtod/atoi */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
static long my_strtol(const char *s, const char **end, int base, int *ovf) {
    while (*s == ' ' || *s == '\t') s++;
    int neg = 0; if (*s == '-' || *s == '+') neg = *s++ == '-';
    if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) { s += 2; base = 16; } else if (base == 0) base = s[0] == '0' ? 8 : 10;
    unsigned long acc = 0, lim = neg ? (unsigned long)LONG_MAX + 1 : LONG_MAX; *ovf = 0;
    for (;; s++) {
        int d = *s >= '0' && *s <= '9' ? *s - '0' : *s >= 'a' && *s <= 'z' ? *s - 'a' + 10 : *s >= 'A' && *s <= 'Z' ? *s - 'A' + 10 : 99;
        if (d >= base) break;
        if (acc > (lim - d) / base) *ovf = 1; else acc = acc * base + d;
    }
    *end = s;
    if (*ovf) return neg ? LONG_MIN : LONG_MAX;
    return neg ? -(long)(acc - 1) - 1 : (long)acc;
}
static double my_atof(const char *s) {
    double sign = 1, v = 0, scale = 1; if (*s == '-') { sign = -1; s++; }
    while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
    if (*s == '.') { s++; while (*s >= '0' && *s <= '9') { scale /= 10; v += (*s++ - '0') * scale; } }
    if (*s == 'e' || *s == 'E') { int e = atoi(s + 1); while (e > 0) { v *= 10; e--; } while (e < 0) { v /= 10; e++; } }
    return sign * v;
}
int main(void) {
    const char *in[] = { "0", "42", "-17", "+99", "  123abc", "0x1f", "0X7FFFFFFF", "017", "2147483647", "-2147483648", "2147483648", "-99999999999", "zz", "0777", "  -0x10", "1010" };
    int bases[] = { 10, 10, 10, 10, 10, 0, 0, 0, 10, 10, 10, 10, 36, 8, 16, 2 };
    int mism = 0;
    for (int i = 0; i < 16; i++) {
        const char *e1; char *e2; int ovf; errno = 0;
        long a = my_strtol(in[i], &e1, bases[i], &ovf); long b = strtol(in[i], &e2, bases[i]); int eo = errno == ERANGE;
        printf("%-14s base %2d: mine %ld (+%d ovf %d) libc %ld (+%d erange %d) atoi %d\n", in[i], bases[i], a, (int)(e1 - in[i]), ovf, b, (int)(e2 - in[i]), eo, atoi(in[i]));
        mism += a != b || e1 != e2 || ovf != eo;
    }
    const char *fl[] = { "3.14159", "-0.5", "1e10", "2.5e-3", "123456.789", "0.1", "-1e-5" };
    for (int i = 0; i < 7; i++) { double a = my_atof(fl[i]), b = strtod(fl[i], 0); printf("%s %.15g %.17g rel %.3g\n", fl[i], a, b, b ? (a - b) / b : a); }
    printf("strtoul %lu %lu strtoll %lld atol %ld\n", strtoul("4294967295", 0, 10), strtoul("ff", 0, 16), strtoll("-9223372036854775807", 0, 10), atol("-77"));
    printf("mismatches %d\n", mism);
    return mism;
}
