/* @O3 strtol/strtoul/strtoll bases, prefixes, overflow and errno, end pointers; strtod hex floats, inf, nan,
   denormals and overflow; atoi family; qsort results that do not depend on stability; bsearch hits and misses */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
static void tl(const char *s, int base) {
    char *end; errno = 0; long v = strtol(s, &end, base); int e1 = errno;
    errno = 0; unsigned long u = strtoul(s, NULL, base); int e2 = errno;
    errno = 0; long long ll = strtoll(s, NULL, base); int e3 = errno;
    errno = 0; unsigned long long ull = strtoull(s, NULL, base); int e4 = errno;
    printf("strtol(\"%s\",%d) = %ld e%d end+%d | %lu e%d | %lld e%d | %llu e%d\n", s, base, v, e1 == ERANGE, (int)(end - s), u, e2 == ERANGE, ll, e3 == ERANGE, ull, e4 == ERANGE);
}
static void td(const char *s) {
    char *end; errno = 0; double d = strtod(s, &end); int e = errno; float f = strtof(s, NULL);
    printf("strtod(\"%s\") = %a (%.17g) e%d end+%d f=%a\n", s, d, d, e == ERANGE, (int)(end - s), f);
}
struct rec { int key; int val; };
static int bykey(const void *a, const void *b) { const struct rec *x = a, *y = b; return (x->key > y->key) - (x->key < y->key); }
static int bykeyval(const void *a, const void *b) { int c = bykey(a, b); if (c) return c; const struct rec *x = a, *y = b; return (x->val > y->val) - (x->val < y->val); }
static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
int main(void) {
    const char *ints[] = { "0", "-0", "  +42xyz", "0x1F", "0X", "077", "08", "-2147483648", "2147483648", "-2147483649", "4294967295", "4294967296", "-1",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "zz", "  \t\n-0x7fffffff", "" };
    const int bases[] = { 0, 10, 16, 8, 36, 2 };
    for (unsigned i = 0; i < sizeof ints / sizeof *ints; i++) tl(ints[i], bases[i % 6]), tl(ints[i], 0);
    tl("1010101010101010101010101010101011", 2); tl("zzzzzz", 36); tl("Zz", 36); tl("-", 10); tl("0x", 16); tl("0xg", 0);
    const char *dbl[] = { "0", "-0", "1e308", "1e309", "-1e309", "1e-320", "1e-400", "0x1p-1074", "0x1.fffffffffffffp1023", "0x1.8p1", "0X.8P+4", "inf", "-INFINITY", "nan", "NAN(123)", "-nan",
        "  3.14159abc", ".5", "5.", "e5", "1e", "1e+", "0x", "123456789012345678901234567890", "2.2250738585072011e-308", "4.9406564584124654e-324", "1.7976931348623158e308", "0.1e-0x" };
    for (unsigned i = 0; i < sizeof dbl / sizeof *dbl; i++) td(dbl[i]);
    printf("atoi %d %ld %lld %g\n", atoi("  -123abc"), atol("99999"), atoll("-9223372036854775807"), atof("2.5e3x"));
    struct rec r[40];
    for (int i = 0; i < 40; i++) { r[i].key = (i * 37) % 11 - 5; r[i].val = i; }
    qsort(r, 40, sizeof *r, bykeyval);
    for (int i = 0; i < 40; i++) printf("%d:%d ", r[i].key, r[i].val);
    printf("\n");
    for (int k = -7; k <= 7; k++) { struct rec key = { k, 0 }; struct rec *h = bsearch(&key, r, 40, sizeof *r, bykey); printf("%d%s ", k, h ? (h->key == k ? "+" : "?") : "-"); }
    printf("\n");
    char *words[] = { "pear", "apple", "fig", "banana", "Apple", "", "figs", "apple" };
    qsort(words, 8, sizeof *words, cmpstr);
    for (int i = 0; i < 8; i++) printf("[%s]", words[i]);
    printf("\n");
    int none[1]; qsort(none, 0, sizeof *none, bykey); printf("empty %p\n", bsearch(&none, none, 0, sizeof *none, bykey));
    return 0;
}
