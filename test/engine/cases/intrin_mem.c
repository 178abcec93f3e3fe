/* @O3 memcpy/memmove/memset/memcmp: constant and variable sizes, overlapping moves, struct copies, zeroing (llvm.mem* intrinsics) */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
struct big { int a[33]; char s[7]; double d; };
static uint32_t sum(const uint8_t *p, int n) { uint32_t h = 0; for (int i = 0; i < n; i++) h = h * 31 + p[i]; return h; }
int main(void) {
    uint8_t buf[256]; for (int i = 0; i < 256; i++) buf[i] = (uint8_t)i;
    memmove(buf + 10, buf, 100); uint32_t h1 = sum(buf, 256);
    memmove(buf, buf + 7, 150); uint32_t h2 = sum(buf, 256);
    memset(buf + 3, 0xab, 61); memset(buf + 200, 0, 13); uint32_t h3 = sum(buf, 256);
    for (int n = 0; n < 40; n++) { memcpy(buf + 128, buf + n, n); memset(buf + n, n, n / 3); }
    uint32_t h4 = sum(buf, 256);
    struct big a, b; memset(&a, 0, sizeof a); for (int i = 0; i < 33; i++) a.a[i] = i * i; strcpy(a.s, "hello"); a.d = 2.5;
    b = a; b.a[5] = -1; struct big c = b; c.d *= 3;
    printf("%08x %08x %08x %08x cmp %d %d %d %s %g %d\n", h1, h2, h3, h4, memcmp(&a, &b, sizeof a) < 0, memcmp(a.a, c.a, 20), memcmp("abc", "abd", 3) < 0, c.s, c.d, c.a[5]);
    char s[64] = "The quick brown fox"; memmove(s + 4, s, strlen(s) + 1); memcpy(s, "XYZW", 4); printf("%s\n", s);
    int zeros[50] = { 0 }; int nz = 0; for (int i = 0; i < 50; i++) nz += zeros[i] != 0;
    const void *p = memchr(buf, 0xab, 256); printf("nz %d chr %d\n", nz, p ? (int)((const uint8_t *)p - buf) : -1);
    return (int)(h4 & 0x7f);
}
