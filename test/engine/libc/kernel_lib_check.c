/* kernel_lib's string.c, stdlib.c and ctype.c (the guest's C library, what guest.c's FFI table
 * gives programs) against glibc, natively with -m32: the kernel_lib files are compiled with
 * every function renamed to kl_NAME (libc.test.ts passes -DNAME=kl_NAME), and each function
 * runs on the same inputs as glibc's. Prints one line per disagreement and
 * "kernel_lib: N checked, M differ". */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <stdint.h>

#define KL(ret, name, args) ret kl_##name args;
KL(void *, memchr, (const void *, int, size_t)) KL(size_t, strnlen, (const char *, size_t)) KL(char *, strrchr, (const char *, int))
KL(char *, strcat, (char *, const char *)) KL(char *, strncat, (char *, const char *, size_t)) KL(char *, stpcpy, (char *, const char *))
KL(size_t, strspn, (const char *, const char *)) KL(size_t, strcspn, (const char *, const char *)) KL(char *, strpbrk, (const char *, const char *))
KL(char *, strtok, (char *, const char *)) KL(char *, strtok_r, (char *, const char *, char **)) KL(char *, strdup, (const char *))
KL(char *, strndup, (const char *, size_t)) KL(int, strcasecmp, (const char *, const char *)) KL(int, strncasecmp, (const char *, const char *, size_t))
KL(int, ffs, (int)) KL(int, ffsl, (long)) KL(int, ffsll, (long long)) KL(int, strcmp, (const char *, const char *)) KL(char *, strchr, (const char *, int))
KL(char *, strstr, (const char *, const char *)) KL(long, labs, (long)) KL(long long, llabs, (long long)) KL(long, atol, (const char *))
KL(div_t, div, (int, int)) KL(ldiv_t, ldiv, (long, long)) KL(lldiv_t, lldiv, (long long, long long))
KL(void *, bsearch, (const void *, const void *, size_t, size_t, int (*)(const void *, const void *)))
KL(long, strtol, (const char *, char **, int)) KL(unsigned long, strtoul, (const char *, char **, int))
KL(int, isalnum, (int)) KL(int, isalpha, (int)) KL(int, isblank, (int)) KL(int, iscntrl, (int)) KL(int, isdigit, (int)) KL(int, isgraph, (int))
KL(int, islower, (int)) KL(int, isprint, (int)) KL(int, ispunct, (int)) KL(int, isspace, (int)) KL(int, isupper, (int)) KL(int, isxdigit, (int))
KL(int, isascii, (int)) KL(int, tolower, (int)) KL(int, toupper, (int))
KL(int, rand, (void)) KL(void, srand, (unsigned)) KL(long, random, (void)) KL(void, srandom, (unsigned))
KL(const unsigned short **, __ctype_b_loc, (void)) KL(const int32_t **, __ctype_tolower_loc, (void)) KL(const int32_t **, __ctype_toupper_loc, (void))
void bf_fail(int code, const char *fmt, ...) { (void)code; (void)fmt; abort(); }
void bf_exit(int code) { exit(code); }

static long checked, differ;
#define SAME(what, a, b) do { checked++; if ((a) != (b)) { differ++; printf("%s: glibc %lld kernel_lib %lld\n", what, (long long)(a), (long long)(b)); } } while (0)
#define SAMES(what, a, b) do { checked++; const char *x_ = (a), *y_ = (b); if ((!x_ != !y_) || (x_ && strcmp(x_, y_))) { differ++; printf("%s: glibc %s kernel_lib %s\n", what, x_ ? x_ : "(null)", y_ ? y_ : "(null)"); } } while (0)
static int cmpi(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static int sgn(int x) { return (x > 0) - (x < 0); }

int main(void) {
    static const char *strs[] = { "", "a", "hello, world", "  spaced out  ", "HeLLo", "hello", "a,b;;c", "xyz", "tab\there", "\xe9t\xe9" };
    const int ns = sizeof strs / sizeof strs[0];
    char b1[128], b2[128];
    for (int i = 0; i < ns; i++) {
        const char *s = strs[i];
        for (int c = -1; c < 256; c += 17) {
            SAME("memchr", memchr(s, c, strlen(s) + 1) ? (char *)memchr(s, c, strlen(s) + 1) - s : -1, kl_memchr(s, c, strlen(s) + 1) ? (char *)kl_memchr(s, c, strlen(s) + 1) - s : -1);
            SAME("strrchr", strrchr(s, c) ? strrchr(s, c) - s : -1, kl_strrchr(s, c) ? kl_strrchr(s, c) - s : -1);
        }
        for (size_t m = 0; m < 6; m++) SAME("strnlen", strnlen(s, m * 3), kl_strnlen(s, m * 3));
        for (int j = 0; j < ns; j++) {
            const char *t = strs[j];
            SAME("strspn", strspn(s, t), kl_strspn(s, t)); SAME("strcspn", strcspn(s, t), kl_strcspn(s, t));
            SAME("strpbrk", strpbrk(s, t) ? strpbrk(s, t) - s : -1, kl_strpbrk(s, t) ? kl_strpbrk(s, t) - s : -1);
            SAME("strcasecmp", sgn(strcasecmp(s, t)), sgn(kl_strcasecmp(s, t)));
            for (size_t m = 0; m < 8; m += 3) SAME("strncasecmp", sgn(strncasecmp(s, t, m)), sgn(kl_strncasecmp(s, t, m)));
            strcpy(b1, s); strcpy(b2, s); SAMES("strcat", strcat(b1, t), kl_strcat(b2, t));
            for (size_t m = 0; m < 8; m += 3) { strcpy(b1, s); strcpy(b2, s); SAMES("strncat", strncat(b1, t, m), kl_strncat(b2, t, m)); }
            SAME("stpcpy", stpcpy(b1, t) - b1, kl_stpcpy(b2, t) - b2); SAMES("stpcpy text", b1, b2);
            /* strtok and strtok_r: every token, with each string's characters as delimiters */
            char t1[64], t2[64], *s1, *s2, *g, *k;
            strcpy(t1, s); strcpy(t2, s);
            for (g = strtok_r(t1, t[0] ? t : ",", &s1), k = kl_strtok_r(t2, t[0] ? t : ",", &s2); g || k; g = strtok_r(0, t[0] ? t : ",", &s1), k = kl_strtok_r(0, t[0] ? t : ",", &s2)) SAMES("strtok_r", g, k);
            strcpy(t1, s); g = strtok(t1, " ,"); strcpy(t2, s); k = kl_strtok(t2, " ,"); SAMES("strtok", g, k);
        }
        char *d1 = strdup(s), *d2 = kl_strdup(s); SAMES("strdup", d1, d2); free(d1); free(d2);
        d1 = strndup(s, 4); d2 = kl_strndup(s, 4); SAMES("strndup", d1, d2); free(d1); free(d2);
        SAME("atol", atol(s), kl_atol(s));
    }
    for (int x = -70000; x < 70000; x += 997) {
        SAME("ffs", ffs(x), kl_ffs(x)); SAME("ffsl", ffsl((long)x << 3), kl_ffsl((long)x << 3)); SAME("ffsll", ffsll((long long)x << 35), kl_ffsll((long long)x << 35));
        SAME("labs", labs(x), kl_labs(x)); SAME("llabs", llabs((long long)x * 100000), kl_llabs((long long)x * 100000));
        for (int y = -9; y < 10; y += 4) {
            div_t a = div(x, y), b = kl_div(x, y); SAME("div.quot", a.quot, b.quot); SAME("div.rem", a.rem, b.rem);
            ldiv_t la = ldiv(x, y), lb = kl_ldiv(x, y); SAME("ldiv", la.quot * 1000 + la.rem, lb.quot * 1000 + lb.rem);
            lldiv_t ma = lldiv((long long)x << 20, y), mb = kl_lldiv((long long)x << 20, y); SAME("lldiv.quot", ma.quot, mb.quot); SAME("lldiv.rem", ma.rem, mb.rem);
        }
    }
    int arr[100]; for (int i = 0; i < 100; i++) arr[i] = i * 3;
    for (int key = -2; key < 305; key++) {
        int *a = bsearch(&key, arr, 100, sizeof *arr, cmpi), *b = kl_bsearch(&key, arr, 100, sizeof *arr, cmpi);
        SAME("bsearch", a ? a - arr : -1, b ? b - arr : -1);
    }
    for (int c = -128; c < 256; c++) {
        SAME("isalnum", isalnum(c), kl_isalnum(c)); SAME("isalpha", isalpha(c), kl_isalpha(c)); SAME("isblank", isblank(c), kl_isblank(c));
        SAME("iscntrl", iscntrl(c), kl_iscntrl(c)); SAME("isdigit", isdigit(c), kl_isdigit(c)); SAME("isgraph", isgraph(c), kl_isgraph(c));
        SAME("islower", islower(c), kl_islower(c)); SAME("isprint", isprint(c), kl_isprint(c)); SAME("ispunct", ispunct(c), kl_ispunct(c));
        SAME("isspace", isspace(c), kl_isspace(c)); SAME("isupper", isupper(c), kl_isupper(c)); SAME("isxdigit", isxdigit(c), kl_isxdigit(c));
        SAME("isascii", isascii(c), kl_isascii(c)); SAME("tolower", tolower(c), kl_tolower(c)); SAME("toupper", toupper(c), kl_toupper(c));
        SAME("__ctype_b_loc", (*__ctype_b_loc())[c], (*kl___ctype_b_loc())[c]);
        SAME("__ctype_tolower_loc", (*__ctype_tolower_loc())[c], (*kl___ctype_tolower_loc())[c]);
        SAME("__ctype_toupper_loc", (*__ctype_toupper_loc())[c], (*kl___ctype_toupper_loc())[c]);
    }
    /* the generator: unseeded (glibc seeds with 1), then several seeds (0 acts as 1) */
    for (int i = 0; i < 50; i++) SAME("rand (unseeded)", rand(), kl_rand());
    static const unsigned seeds[] = { 0, 1, 2, 42, 12345, 0x7fffffff, 0x80000000u, 0xffffffffu };
    for (int s = 0; s < 8; s++) {
        srand(seeds[s]); kl_srand(seeds[s]);
        for (int i = 0; i < 400; i++) SAME("rand", rand(), kl_rand());
        srandom(seeds[s] + 1); kl_srandom(seeds[s] + 1);
        for (int i = 0; i < 40; i++) SAME("random", random(), kl_random());
    }
    printf("kernel_lib: %ld checked, %ld differ\n", checked, differ);
    return differ != 0;
}
