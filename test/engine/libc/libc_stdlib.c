/* stdlib.h: one call of each function the engine provides (interpreter/LIBC.md); argv[1] is a
   scratch directory. Not called: system (runs a shell: covered by popen in libc_stdio.c),
   quick_exit/_Exit/abort (end the run; exit is called by every program), clearenv. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdint.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static void bye(void) { printf("atexit handler\n"); }
static void bye2(int code, void *arg) { printf("on_exit handler %d %s\n", code, (char *)arg); }
static void qbye(void) { printf("never: quick_exit is not called\n"); }
int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    atexit(bye); on_exit(bye2, "arg"); at_quick_exit(qbye);
    char *p = malloc(10), *q = calloc(4, 4), *r = realloc(p, 100), *ra = reallocarray(0, 8, 8);
    printf("malloc/calloc/realloc/reallocarray %d %d %d\n", q[15], r != 0, ra != 0); free(r); free(q); free(ra);
    void *al = aligned_alloc(64, 128), *pm = 0, *va = valloc(100);
    printf("aligned_alloc %d posix_memalign %d %d valloc %d\n", (int)((uintptr_t)al % 64), posix_memalign(&pm, 256, 10), (int)((uintptr_t)pm % 256), (int)((uintptr_t)va % 4096));
    free(al); free(pm); free(va);
    char *end;
    printf("strtol %ld %s strtoul %lu strtoll %lld strtoull %llu strtoq %lld strtouq %llu\n", strtol("-123x", &end, 10), end, strtoul("ff", 0, 16),
           strtoll("-9000000000", 0, 10), strtoull("18446744073709551615", 0, 10), strtoq("077", 0, 0), strtouq("0x10", 0, 0));
    printf("strtod %g strtof %g atoi %d atol %ld atoll %lld atof %g\n", strtod("1.5e3", 0), strtof("-2.25", 0), atoi("42"), atol("-7"), atoll("123456789012"), atof("0.125"));
    printf("abs %d labs %ld llabs %lld\n", abs(-3), labs(-4L), llabs(-5LL));
    div_t d = div(17, 5); ldiv_t ld = ldiv(-17L, 5L); lldiv_t lld = lldiv(1LL << 40, 7);
    printf("div %d %d ldiv %ld %ld lldiv %lld %lld\n", d.quot, d.rem, ld.quot, ld.rem, lld.quot, lld.rem);
    int v[] = { 5, 3, 9, 1, 7 }; qsort(v, 5, sizeof *v, cmp); int key = 7;
    printf("qsort %d %d %d %d %d bsearch %d\n", v[0], v[1], v[2], v[3], v[4], (int)((int *)bsearch(&key, v, 5, sizeof *v, cmp) - v));
    srand(1); int r1 = rand(); srand(1); printf("rand/srand %d\n", r1 == rand());
    unsigned seed = 7; printf("rand_r %d\n", rand_r(&seed));
    srandom(3); printf("random/srandom %ld\n", random());
    char st[64], st2[64]; char *old = initstate(9, st, sizeof st); printf("initstate %ld", random()); setstate(old); printf(" setstate %ld\n", random()); (void)st2;
    struct random_data rd; memset(&rd, 0, sizeof rd); char rs[64]; int32_t ri;
    initstate_r(5, rs, sizeof rs, &rd); srandom_r(5, &rd); random_r(&rd, &ri); printf("random_r %d", ri); setstate_r(rs, &rd); printf(" setstate_r ok\n");
    unsigned short xs[3] = { 1, 2, 3 }, lc[7] = { 1, 2, 3, 4, 5, 6, 7 };
    srand48(11); printf("srand48/drand48 %.6f lrand48 %ld mrand48 %ld\n", drand48(), lrand48(), mrand48());
    printf("erand48 %.6f nrand48 %ld jrand48 %ld\n", erand48(xs), nrand48(xs), jrand48(xs));
    unsigned short *sp = seed48(xs); printf("seed48 %u %.6f\n", sp[0], drand48()); lcong48(lc); printf("lcong48 %ld\n", lrand48());
    struct drand48_data dd; memset(&dd, 0, sizeof dd); double dv; long lv;
    srand48_r(4, &dd); drand48_r(&dd, &dv); lrand48_r(&dd, &lv); printf("srand48_r/drand48_r/lrand48_r %.6f %ld", dv, lv);
    mrand48_r(&dd, &lv); printf(" mrand48_r %ld", lv); erand48_r(xs, &dd, &dv); printf(" erand48_r %.6f", dv);
    nrand48_r(xs, &dd, &lv); printf(" nrand48_r %ld", lv); jrand48_r(xs, &dd, &lv); printf(" jrand48_r %ld", lv);
    seed48_r(xs, &dd); lcong48_r(lc, &dd); printf(" seed48_r/lcong48_r ok\n");
    unsigned char buf[8]; arc4random_buf(buf, 8); printf("arc4random %d arc4random_uniform %u\n", (int)sizeof(arc4random()), arc4random_uniform(1));
    printf("a64l %ld l64a %s\n", a64l("./"), l64a(64));
    setenv("BF_TEST_VAR", "one", 1); putenv("BF_TEST_PUT=two"); printf("setenv/putenv/getenv %s %s", getenv("BF_TEST_VAR"), getenv("BF_TEST_PUT"));
    unsetenv("BF_TEST_VAR"); printf(" unsetenv %s\n", getenv("BF_TEST_VAR") ? "set" : "(null)");
    char tmpl[256]; snprintf(tmpl, sizeof tmpl, "%s/fileXXXXXX", dir); int fd = mkstemp(tmpl); printf("mkstemp %d", fd >= 0); close(fd); unlink(tmpl);
    snprintf(tmpl, sizeof tmpl, "%s/fileXXXXXX.txt", dir); fd = mkstemps(tmpl, 4); printf(" mkstemps %d", fd >= 0); close(fd); unlink(tmpl);
    snprintf(tmpl, sizeof tmpl, "%s/dirXXXXXX", dir); printf(" mkdtemp %d\n", mkdtemp(tmpl) != 0); rmdir(tmpl);
    char rp[4096]; printf("realpath %s\n", realpath("/usr/../usr/./lib", rp));
    int dec, sign; printf("ecvt %s %d %d", ecvt(3.14159, 4, &dec, &sign), dec, sign); printf(" fcvt %s", fcvt(2.5, 2, &dec, &sign));
    char gb[32]; printf(" gcvt %s", gcvt(1234.5678, 6, gb)); ecvt_r(1.5, 3, &dec, &sign, gb, sizeof gb); printf(" ecvt_r %s", gb);
    fcvt_r(1.5, 3, &dec, &sign, gb, sizeof gb); printf(" fcvt_r %s\n", gb);
    printf("strtold %.21Lg qecvt %s %d", strtold("2.718281828459045235360287", 0), qecvt(3.14159265358979323846L, 15, &dec, &sign), dec);
    printf(" qfcvt %s", qfcvt(2.5L, 2, &dec, &sign)); printf(" qgcvt %s", qgcvt(1234.5678L, 6, gb));
    qecvt_r(1.5L, 3, &dec, &sign, gb, sizeof gb); printf(" qecvt_r %s", gb); qfcvt_r(1.5L, 3, &dec, &sign, gb, sizeof gb); printf(" qfcvt_r %s\n", gb);
    wchar_t wc; char mb[8]; wchar_t ws[8];
    printf("mblen %d mbtowc %d %d wctomb %d mbstowcs %zu wcstombs %zu\n", mblen("a", 1), mbtowc(&wc, "z", 1), (int)wc, wctomb(mb, L'q'), mbstowcs(ws, "abc", 8), wcstombs(mb, L"xy", 8));
    printf("rpmatch %d %d\n", rpmatch("yes"), rpmatch("no"));
    char opts[] = "ro,size=10", *sub = opts, *val; char *const toks[] = { "ro", "size", 0 };
    int k1 = getsubopt(&sub, toks, &val); int k2 = getsubopt(&sub, toks, &val); printf("getsubopt %d %d %s\n", k1, k2, val);
    double la[3]; printf("getloadavg %d\n", getloadavg(la, 3));
    exit(0);
}
