/* base64 encode/decode round trips with padding variants, invalid input detection, and hex dump */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
static const char tb[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static int enc(const uint8_t *in, int n, char *out) { int o = 0; for (int i = 0; i < n; i += 3) { uint32_t v = in[i] << 16 | (i + 1 < n ? in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
    out[o++] = tb[v >> 18]; out[o++] = tb[v >> 12 & 63]; out[o++] = i + 1 < n ? tb[v >> 6 & 63] : '='; out[o++] = i + 2 < n ? tb[v & 63] : '='; } out[o] = 0; return o; }
static int dec(const char *in, uint8_t *out) {
    int8_t rev[256]; memset(rev, -1, sizeof rev); for (int i = 0; i < 64; i++) rev[(uint8_t)tb[i]] = (int8_t)i;
    int n = (int)strlen(in), o = 0; if (n % 4) return -1;
    for (int i = 0; i < n; i += 4) { int v[4]; for (int k = 0; k < 4; k++) { char c = in[i + k]; if (c == '=' && i + 4 == n && k >= 2) v[k] = -2; else if ((v[k] = rev[(uint8_t)c]) < 0) return -1; }
        if (v[2] == -2 && v[3] != -2) return -1;
        uint32_t x = v[0] << 18 | v[1] << 12 | (v[2] < 0 ? 0 : v[2] << 6) | (v[3] < 0 ? 0 : v[3]); out[o++] = x >> 16; if (v[2] >= 0) out[o++] = x >> 8 & 255; if (v[3] >= 0) out[o++] = x & 255; }
    return o;
}
int main(void) {
    const char *t[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar", "Man is distinguished, not only by his reason" };
    char e[512]; uint8_t d[512]; int bad = 0;
    for (int i = 0; i < 8; i++) { int n = (int)strlen(t[i]); enc((const uint8_t *)t[i], n, e); int m = dec(e, d); bad += m != n || memcmp(d, t[i], n); printf("'%s' -> %s\n", t[i], e); }
    uint8_t bin[256]; for (int i = 0; i < 256; i++) bin[i] = (uint8_t)(255 - i); enc(bin, 256, e); int m = dec(e, d);
    printf("binary len %d ok %d %.24s...\n", m, m == 256 && !memcmp(d, bin, 256), e);
    const char *inv[] = { "abc", "ab=c", "a===", "!!!!", "QQ==" };
    for (int i = 0; i < 5; i++) printf("dec(%s) = %d\n", inv[i], dec(inv[i], d));
    for (int i = 0; i < 16; i++) printf("%02x%c", d[i % 1], i == 15 ? '\n' : ' ');
    return bad;
}
