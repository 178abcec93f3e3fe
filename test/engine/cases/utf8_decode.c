/* UTF-8 decoding and encoding with validation (overlong, surrogates, truncation), code point statistics, UTF-16 conversion */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static int dec(const uint8_t *s, int n, uint32_t *cp) {
    if (!n) return 0; uint8_t c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    int len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : -1; if (len < 0 || len > n) return -1;
    uint32_t v = c & (0x7f >> len); for (int i = 1; i < len; i++) { if ((s[i] & 0xc0) != 0x80) return -1; v = v << 6 | (s[i] & 0x3f); }
    if ((len == 2 && v < 0x80) || (len == 3 && v < 0x800) || (len == 4 && v < 0x10000) || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return -1;
    *cp = v; return len;
}
static int enc(uint32_t v, uint8_t *o) { if (v < 0x80) { o[0] = v; return 1; } if (v < 0x800) { o[0] = 0xc0 | v >> 6; o[1] = 0x80 | (v & 63); return 2; } if (v < 0x10000) { o[0] = 0xe0 | v >> 12; o[1] = 0x80 | (v >> 6 & 63); o[2] = 0x80 | (v & 63); return 3; } o[0] = 0xf0 | v >> 18; o[1] = 0x80 | (v >> 12 & 63); o[2] = 0x80 | (v >> 6 & 63); o[3] = 0x80 | (v & 63); return 4; }
int main(void) {
    const char *text = "Hello, w\xc3\xb6rld! \xe2\x82\xac 100 \xf0\x9f\x98\x80 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xce\xb1\xce\xb2\xce\xb3";
    const uint8_t *p = (const uint8_t *)text; int n = (int)strlen(text), cps = 0, hist[5] = { 0 }; uint32_t sum = 0; uint16_t u16[128]; int nu = 0;
    while (n > 0) { uint32_t cp; int l = dec(p, n, &cp); if (l < 0) { printf("invalid\n"); break; } hist[l]++; cps++; sum += cp;
        if (cp >= 0x10000) { u16[nu++] = 0xd800 | ((cp - 0x10000) >> 10); u16[nu++] = 0xdc00 | ((cp - 0x10000) & 0x3ff); } else u16[nu++] = (uint16_t)cp; p += l; n -= l; }
    printf("code points %d bytes %u sum %u 1:%d 2:%d 3:%d 4:%d utf16 units %d\n", cps, (unsigned)strlen(text), sum, hist[1], hist[2], hist[3], hist[4], nu);
    for (int i = 0; i < nu; i++) printf("%04x ", u16[i]); printf("\n");
    const char *bad[] = { "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\x80", "\xff" };
    for (int i = 0; i < 7; i++) { uint32_t cp; printf("%d ", dec((const uint8_t *)bad[i], (int)strlen(bad[i]), &cp)); }
    int rt = 0; uint8_t b[4]; for (uint32_t v = 0; v < 0x110000; v += 37) { if (v >= 0xd800 && v <= 0xdfff) continue; uint32_t back; int l = enc(v, b); if (dec(b, l, &back) != l || back != v) rt++; }
    printf("\nroundtrip failures %d\n", rt);
    return cps;
}
