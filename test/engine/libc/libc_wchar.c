/* wchar.h and wctype.h: each function host_main.c provides called once (the wide stdio on stdout and stdin too,
   after the byte-oriented output is flushed and stdout's orientation is decided once by fwide) */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include <stdarg.h>
#include <time.h>
static int vsw(wchar_t *buf, size_t n, const wchar_t *fmt, ...) { va_list ap; va_start(ap, fmt); int r = vswprintf(buf, n, fmt, ap); va_end(ap); return r; }
static int vssc(const wchar_t *s, const wchar_t *fmt, ...) { va_list ap; va_start(ap, fmt); int r = vswscanf(s, fmt, ap); va_end(ap); return r; }
int main(int argc, char **argv) {
    wchar_t a[64] = L"wide", b[64], *p;
    printf("wcscpy %ls wcsncpy %ls", wcscpy(b, L"chars"), wcsncpy(a + 4, L"12345", 3)); printf(" wcscat %ls wcsncat %ls\n", wcscat(b, L"!"), wcsncat(b, L"??", 1));
    printf("wcscmp %d wcsncmp %d wcscasecmp %d wcsncasecmp %d wcscoll %d wcsxfrm %zu\n", wcscmp(L"a", L"b") < 0, wcsncmp(L"abc", L"abd", 2), wcscasecmp(L"ABC", L"abc"), wcsncasecmp(L"ABx", L"aby", 2), wcscoll(L"x", L"x"), wcsxfrm(a, L"abc", 64));
    wchar_t *d = wcsdup(L"duplicate"); printf("wcsdup %ls wcschr %ls wcsrchr %ls wcschrnul %d\n", d, wcschr(d, L'p'), wcsrchr(d, L'a'), (int)(wcschrnul(d, L'z') - d)); free(d);
    printf("wcscspn %zu wcsspn %zu wcspbrk %ls wcsstr %ls wcslen %zu wcsnlen %zu\n", wcscspn(L"hello", L"l"), wcsspn(L"aabbc", L"ab"), wcspbrk(L"find-me", L"-"), wcsstr(L"haystack", L"st"), wcslen(L"four"), wcsnlen(L"four", 2));
    wchar_t tok[] = L"a,b,,c", *save; printf("wcstok"); for (p = wcstok(tok, L",", &save); p; p = wcstok(NULL, L",", &save)) printf(" %ls", p); printf("\n");
    wchar_t m[8]; wmemset(m, L'z', 8); wmemcpy(m, L"abc", 3); wmemmove(m + 1, m, 3); *wmempcpy(m + 4, L"xy", 2) = 0;
    printf("wmem %ls wmemchr %ls wmemcmp %d\n", m, wmemchr(m, L'b', 6), wmemcmp(L"abc", L"abd", 3) < 0);
    printf("btowc %d wctob %d mbsinit %d\n", btowc('A'), wctob(L'B'), mbsinit(NULL));
    mbstate_t st; memset(&st, 0, sizeof st); wchar_t wc; char mb[16];
    printf("mbrtowc %zu %d wcrtomb %zu mbrlen %zu\n", mbrtowc(&wc, "Qx", 2, &st), wc, wcrtomb(mb, L'R', &st), mbrlen("s", 1, &st));
    const char *src = "multi"; const wchar_t *wsrc = L"back"; wchar_t wbuf[16]; char cbuf[16];
    printf("mbsrtowcs %zu %ls", mbsrtowcs(wbuf, &src, 16, &st), wbuf); printf(" wcsrtombs %zu %s", wcsrtombs(cbuf, &wsrc, 16, &st), cbuf);
    src = "partial"; wsrc = L"nwide"; printf(" mbsnrtowcs %zu", mbsnrtowcs(wbuf, &src, 3, 16, &st)); printf(" wcsnrtombs %zu\n", wcsnrtombs(cbuf, &wsrc, 2, 16, &st));
    printf("wcwidth %d wcswidth %d\n", wcwidth(L'a'), wcswidth(L"abc", 3));
    wchar_t *end; printf("wcstod %g wcstof %g wcstold %Lg wcstol %ld wcstoul %lu wcstoll %lld wcstoull %llu wcstoq %lld wcstouq %llu", wcstod(L"2.5e3x", &end), wcstof(L"-0.125", NULL), wcstold(L"1e400", NULL),
        wcstol(L"-0x1f", NULL, 0), wcstoul(L"777", NULL, 8), wcstoll(L"-9223372036854775808", NULL, 10), wcstoull(L"ffffffffffffffff", NULL, 16), wcstoq(L"12", NULL, 10), wcstouq(L"13", NULL, 10));
    printf(" end %ls\n", end);
    printf("wcpcpy %d wcpncpy %d\n", (int)(wcpcpy(a, L"abc") - a), (int)(wcpncpy(a, L"ab", 5) - a));
    wchar_t out[64]; printf("swprintf %d %ls", swprintf(out, 64, L"%d-%ls-%.2f", 7, L"w", 1.5), out); printf(" vswprintf %d %ls\n", vsw(out, 64, L"[%5d]", 42), out);
    int i1, i2; printf("swscanf %d %d", swscanf(L"12 34", L"%d %d", &i1, &i2), i1 + i2); printf(" vswscanf %d %d\n", vssc(L"99", L"%d", &i1), i1);
    wchar_t *mbuf; size_t msize; FILE *mf = open_wmemstream(&mbuf, &msize); fwprintf(mf, L"mem %d", 5); fclose(mf); printf("open_wmemstream %zu %ls\n", msize, mbuf); free(mbuf);
    struct tm tm = { .tm_year = 100, .tm_mon = 1, .tm_mday = 29 }; wchar_t tb[32]; printf("wcsftime %zu %ls\n", wcsftime(tb, 32, L"%Y-%m-%d", &tm), tb);
    printf("isw %d%d%d%d%d%d%d%d%d%d%d%d tow %c %c wctype %d wctrans %c\n", !!iswalnum(L'a'), !!iswalpha(L'1'), !!iswcntrl(L'\n'), !!iswdigit(L'7'), !!iswgraph(L' '), !!iswlower(L'a'), !!iswprint(L'a'), !!iswpunct(L'!'), !!iswspace(L'\t'), !!iswupper(L'a'), !!iswxdigit(L'F'), !!iswblank(L' '),
        (int)towlower(L'Q'), (int)towupper(L'q'), !!iswctype(L'5', wctype("digit")), (int)towctrans(L'a', wctrans("toupper")));
    char tmpl[4096]; snprintf(tmpl, sizeof tmpl, "%s/wide.txt", argc > 1 ? argv[1] : "."); FILE *f = fopen(tmpl, "w+");
    printf("fwide %d", fwide(f, 1)); fputwc(L'A', f); putwc(L'B', f); fputws(L"CD\n", f); fputwc_unlocked(L'E', f); putwc_unlocked(L'F', f); fputws_unlocked(L"GH\n", f); fwprintf(f, L"%d\n", 12); rewind(f);
    wchar_t line[32]; printf(" fgetwc %c getwc %c", (int)fgetwc(f), (int)getwc(f)); printf(" ungetwc %c", (int)ungetwc(L'Z', f)); printf(" fgetws %ls", fgetws(line, 32, f));
    printf(" fgetwc_unlocked %c getwc_unlocked %c fgetws_unlocked %ls", (int)fgetwc_unlocked(f), (int)getwc_unlocked(f), fgetws_unlocked(line, 32, f));
    int v; printf(" fwscanf %d %d\n", fwscanf(f, L"%d", &v), v); fclose(f); remove(tmpl);
    printf("stdin: wscanf %d", wscanf(L"%63ls", out)); printf(" %ls", out); printf(" getwchar %c getwchar_unlocked %c", (int)getwchar(), (int)getwchar_unlocked()); printf(" fgetws %ls", fgetws(line, 32, stdin));
    fflush(stdout);
    printf("vfwprintf vwprintf vwscanf vfwscanf putwchar(_unlocked) wprintf: not called (stdout stays byte-oriented)\n");
    return 0;
}
