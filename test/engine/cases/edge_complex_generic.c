/* @O3 complex arithmetic (multiply/divide with infinities and NaNs, float and double, conj, cabs), _Generic
   selection, wide characters and wide string functions, compound literals inside _Generic */
#include <stdio.h>
#include <complex.h>
#include <math.h>
#include <wchar.h>
#include <string.h>
#ifndef CMPLX
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#endif
#define TYPENAME(x) _Generic((x), char: "char", signed char: "schar", unsigned char: "uchar", short: "short", unsigned short: "ushort", int: "int", unsigned: "unsigned", \
    long: "long", unsigned long: "ulong", long long: "llong", unsigned long long: "ullong", float: "float", double: "double", long double: "ldouble", \
    float _Complex: "cfloat", double _Complex: "cdouble", char *: "char*", const char *: "const char*", wchar_t *: "wchar_t*", default: "other")
#define ABS(x) _Generic((x), int: abs_i, double: fabs, float: fabsf, default: abs_ll)(x)
static int abs_i(int x) { return x < 0 ? -x : x; }
static long long abs_ll(long long x) { return x < 0 ? -x : x; }
static void pc(const char *t, double complex z) { printf("%s = (%g, %g)\n", t, creal(z), cimag(z)); }
int main(void) {
    char c = 0; unsigned char uc = 0; short s = 0;
    printf("%s %s %s %s %s %s %s %s\n", TYPENAME(c), TYPENAME(uc), TYPENAME(s + s), TYPENAME(uc + 1u), TYPENAME(1L), TYPENAME(1.0f * 2), TYPENAME(1.0f * 2.0), TYPENAME(I * 1.0f));
    printf("%s %s %s %s %s\n", TYPENAME("lit"), TYPENAME((const char *)0), TYPENAME(L"w" + 0), TYPENAME(sizeof(int)), TYPENAME((char){ 1 } + (char){ 1 }));
    printf("abs %d %g %g %lld\n", ABS(-3), ABS(-2.5), (double)ABS(-1.5f), ABS(-7LL));
    volatile double re = 3, im = -4;
    double complex a = re + im * I, b = 1.5 - 2.0 * I;
    pc("a*b", a * b); pc("a/b", a / b); pc("conj", conj(a)); printf("cabs %g carg %.15g\n", cabs(a), carg(a));
    double complex inf = INFINITY + 1.0 * I; pc("inf*b", inf * b); pc("b/inf", b / inf); pc("inf/0", inf / (0.0 + 0.0 * I));
    double complex nz = CMPLX(NAN, INFINITY); pc("nz*2", nz * b);
    float complex fa = 1.0f + 2.0f * I, fb = -0.5f + 0.25f * I;
    float complex fm = fa * fb, fd = fa / fb; printf("float %g %g %g %g\n", crealf(fm), cimagf(fm), crealf(fd), cimagf(fd));
    double complex acc = 1; for (int k = 0; k < 12; k++) acc *= CMPLX(cos(0.5), sin(0.5)); pc("rot", acc);
    pc("csqrt(-4)", csqrt(-4.0 + 0.0 * I)); pc("cexp", cexp(I * M_PI));
    wchar_t ws[32] = L"H\u00e9llo w\u00f6rld"; wchar_t wb[32];
    printf("wcslen %zu sizeof(wchar_t) %zu first %d last %d\n", wcslen(ws), sizeof(wchar_t), ws[1], ws[wcslen(ws) - 2]);
    wcscpy(wb, ws); wcscat(wb, L"!"); printf("wcscmp %d %d wcschr %d\n", wcscmp(ws, wb) < 0, wcsncmp(ws, wb, 5), (int)(wcschr(wb, L'w') - wb));
    char mb[64]; size_t n = wcstombs(mb, L"plain ascii", sizeof mb); printf("wcstombs %zu %s\n", n, mb);
    wchar_t back[16]; n = mbstowcs(back, "abc", 16); printf("mbstowcs %zu %d\n", n, back[2]);
    const wchar_t *lit = L"\x7fff\x10000z"; printf("lit %x %x %x\n", (unsigned)lit[0], (unsigned)lit[1], (unsigned)lit[2]);
    unsigned u16[] = { u'a', u'\u20ac' }; unsigned u32[] = { U'\U0001F600' }; printf("u16 %x %x U %x u8 %zu\n", u16[0], u16[1], u32[0], strlen(u8"\u20ac"));
    return 0;
}
