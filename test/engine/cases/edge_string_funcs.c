/* @O3 string.h/stdlib.h on edge inputs: strncpy padding, strncat, empty needles and haystacks, high-bit chars
   compared unsigned, memchr/memcmp with zero lengths, overlapping memmove, strtok with runs of delimiters,
   strspn/strcspn with empty sets, sprintf of "(null)", atoi overflow-free edges, div/ldiv signs, abs */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
static void dump(const char *t, const char *p, size_t n) { printf("%s:", t); for (size_t i = 0; i < n; i++) printf(" %02x", (unsigned char)p[i]); printf("\n"); }
int main(void) {
    char b[12]; memset(b, 'X', sizeof b); strncpy(b, "abc", 8); dump("strncpy pad", b, 12);
    memset(b, 'X', sizeof b); strncpy(b, "abcdefghij", 4); dump("strncpy trunc", b, 12);
    char c[16] = "ab"; strncat(c, "cdefgh", 3); strncat(c, "", 5); printf("strncat %s %zu\n", c, strlen(c));
    printf("strstr %s|%s|%p\n", strstr("hay", ""), strstr("", ""), (void *)strstr("", "x"));
    printf("strchr nul %d strrchr %s\n", (int)(strchr("abc", 0) - (const char *)"abc" >= 0), strrchr("a/b/c", '/'));
    const char hi[] = "\x80\xff", lo[] = "\x7f";
    printf("strcmp high %d %d memcmp %d %d strncmp0 %d\n", strcmp(hi, lo) > 0, strcmp("\xff", "\x80") > 0, memcmp(hi, lo, 1) > 0, memcmp("a", "b", 0), strncmp("abc", "xyz", 0));
    printf("memchr0 %p memchr %s\n", memchr("abc", 'a', 0), (char *)memchr("abcabc", 'c', 6));
    char ov[] = "0123456789"; memmove(ov + 2, ov, 6); printf("memmove up %s", ov); memmove(ov, ov + 3, 5); printf(" down %s\n", ov);
    char t[] = ",,a,,b;c,,;"; printf("strtok"); for (char *p = strtok(t, ",;"); p; p = strtok(NULL, ",;")) printf(" [%s]", p); printf("\n");
    printf("spn %zu %zu %zu %zu\n", strspn("abc", ""), strcspn("abc", ""), strspn("", "abc"), strcspn("abc", "c"));
    char buf[64]; sprintf(buf, "%s|%.2s|%5.1s", (char *)NULL, (char *)NULL, "xyz"); printf("null %s\n", buf);
    printf("atoi %d %d %d %ld\n", atoi("2147483647"), atoi("-2147483648"), atoi("  +0012"), atol(" -077"));
    const int ns[] = { 7, -7, 7, -7, INT_MIN, 0 }, ds[] = { 2, 2, -2, -2, 1, 5 };
    for (int i = 0; i < 6; i++) { div_t d = div(ns[i], ds[i]); ldiv_t l = ldiv(ns[i], ds[i]); lldiv_t q = lldiv((long long)ns[i] * 3000000000LL, ds[i]); printf("div %d %d %ld %ld %lld %lld\n", d.quot, d.rem, l.quot, l.rem, q.quot, q.rem); }
    printf("abs %d %ld %lld\n", abs(-INT_MAX), labs(-5L), llabs(LLONG_MIN + 1));
    char d2[8]; printf("snprintf0 %d", snprintf(d2, 0, "abc")); printf(" strlen(\"\") %zu strnlen %zu %zu\n", strlen(""), strnlen("abcdef", 3), strnlen("ab", 10));
    char *dup = strndup("abcdef", 3); printf("strndup %s\n", dup); free(dup);
    printf("strpbrk %s %p\n", strpbrk("hello, world", " ,"), (void *)strpbrk("abc", "xyz"));
    char big[300]; memset(big, 'a', 299); big[299] = 0; printf("long %zu %c\n", strlen(big), big[298]);
    return 0;
}
