/* @O3 printf of every conversion with flags, widths, precisions and length modifiers; snprintf return values */
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include <math.h>
#include <limits.h>
#include <wchar.h>
#include <float.h>
int main(void) {
    const int iv[] = { 0, 1, -1, 42, -42, INT_MAX, INT_MIN, 12345 };
    const char *ifmt[] = { "[%d]", "[%+.3d]", "[% 5d]", "[%-8d|]", "[%08d]", "[%.0d]", "[%+08.3d]", "[%x]", "[%#x]", "[%#o]", "[%#.0o]", "[%#X]", "[%-#10x]", "[%u]", "[%5.2x]", "[%c]" };
    for (unsigned f = 0; f < sizeof ifmt / sizeof *ifmt; f++) { for (unsigned i = 0; i < 8; i++) printf(ifmt[f], f == 15 ? 'A' + (iv[i] & 15) : iv[i]); printf("\n"); }
    printf("[%hhd %hhu %hhx %hd %hu %hx]\n", 300, 300, -1, 70000, -1, 65537);
    printf("[%lld %llu %llx %#llo %+lld %20lld %-20lld|]\n", LLONG_MIN, ULLONG_MAX, 0x123456789abcdefull, 01234567012345670123ull, 5LL, -99LL, 77LL);
    printf("[%zu %zd %zx %td %jd %ju %ld %lu]\n", (size_t)-1, (ptrdiff_t)-5, sizeof(long double), (ptrdiff_t)-99, (intmax_t)INT64_MIN, (uintmax_t)UINT64_MAX, LONG_MIN, ULONG_MAX);
    printf("[%*d] [%-*d] [%.*d] [%*.*d] [%*d]\n", 6, 42, 6, 42, 4, 7, 8, 5, -3, -10, 9);
    const double dv[] = { 0.0, -0.0, 1.0, -1.5, 0.1, 123456.789, 1e-5, 1e21, 6.02214076e23, 2.5, 3.5, 0.000123456, 1.0 / 3, DBL_MAX, 5e-324, INFINITY, -INFINITY, NAN };
    const char *dfmt[] = { "[%f]", "[%.0f]", "[%#.0f]", "[%e]", "[%.2e]", "[%E]", "[%g]", "[%#g]", "[%.3g]", "[%G]", "[%a]", "[%.3a]", "[%A]", "[%+12.4f]", "[%-12.3e|]", "[%012.3f]", "[% g]", "[%.10g]", "[%.0e]", "[%.17g]" };
    for (unsigned f = 0; f < sizeof dfmt / sizeof *dfmt; f++) { for (unsigned i = 0; i < sizeof dv / sizeof *dv; i++) { if (dv[i] == DBL_MAX && (f <= 2 || f == 13 || f == 15)) continue; printf(dfmt[f], dv[i]); } printf("\n"); }
    printf("[%s] [%10s] [%-10s|] [%.3s] [%10.2s] [%-*.*s|] [%.0s]\n", "hello", "hi", "hi", "truncate", "ab", 7, 2, "xyz", "gone");
    printf("[%p] [%p] [%5c] [%-5c|] [%%] [%5%]\n", (void *)0, (void *)0x1234, 'z', 'y');
    printf("[%ls] [%lc] [%5ls] [%.2ls]\n", L"wide", (wint_t)L'W', L"ab", L"abcdef");
    int n1, n2; printf("count%n me%n\n", &n1, &n2); printf("n %d %d\n", n1, n2);
    char buf[16]; int r = snprintf(buf, sizeof buf, "%s-%d-%f", "abcdefghij", 123456, 3.25); printf("snprintf %d [%s]\n", r, buf);
    r = snprintf(NULL, 0, "%0*d", 40, 1); printf("snprintf null %d\n", r);
    r = snprintf(buf, 1, "abc"); printf("snprintf 1 %d [%s]\n", r, buf);
    printf("[%1$d %2$s %1$x]\n", 255, "pos");
    printf("[%.3d|%.3x|%#.3x|%#5o|%-+5d|%+-5d|% -5d|% +d]\n", -5, 10, 10, 8, 3, 3, 3, 3);
    printf("[%'d]\n", 1234567);
    float fl = 1.1f; printf("[%f %a %g]\n", fl, fl, fl);
    return 0;
}
