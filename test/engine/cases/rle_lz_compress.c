/* @O3 run-length encoding and a small LZ77 compressor/decompressor with a sliding window; ratios and round-trip checks */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
static int rle(const uint8_t *in, int n, uint8_t *out) { int o = 0; for (int i = 0; i < n;) { int j = i; while (j < n && j - i < 255 && in[j] == in[i]) j++; out[o++] = (uint8_t)(j - i); out[o++] = in[i]; i = j; } return o; }
static int unrle(const uint8_t *in, int n, uint8_t *out) { int o = 0; for (int i = 0; i < n; i += 2) for (int k = 0; k < in[i]; k++) out[o++] = in[i + 1]; return o; }
static int lz(const uint8_t *in, int n, uint8_t *out) {
    int o = 0;
    for (int i = 0; i < n;) {
        int best = 0, off = 0;
        for (int j = i - 1; j >= 0 && i - j <= 4095; j--) { int k = 0; while (k < 18 && i + k < n && in[j + k] == in[i + k]) k++; if (k > best) { best = k; off = i - j; } }
        if (best >= 3) { out[o++] = 0x80 | (uint8_t)(best - 3) << 3 | off >> 8; out[o++] = off & 255; i += best; } else { out[o++] = in[i] & 0x7f; i++; }
    }
    return o;
}
static int unlz(const uint8_t *in, int n, uint8_t *out) { int o = 0; for (int i = 0; i < n;) { if (in[i] & 0x80) { int len = ((in[i] >> 3) & 15) + 3, off = (in[i] & 7) << 8 | in[i + 1]; for (int k = 0; k < len; k++, o++) out[o] = out[o - off]; i += 2; } else out[o++] = in[i++]; } return o; }
int main(void) {
    static uint8_t text[6000], c[12000], d[12000];
    const char *words[] = { "the ", "cat ", "sat ", "on ", "mat ", "and ", "then ", "a ", "dog ", "barked\n" };
    int n = 0; unsigned s = 9; while (n < 5900) { s = s * 1103515245 + 12345; const char *w = words[(s >> 16) % 10]; while (*w) text[n++] = (uint8_t)*w++; }
    int cn = lz(text, n, c), dn = unlz(c, cn, d);
    printf("lz %d -> %d ok %d\n", n, cn, dn == n && !memcmp(text, d, n));
    static uint8_t img[4000]; for (int i = 0; i < 4000; i++) img[i] = (uint8_t)((i / 97) % 3 ? 0 : i / 500);
    int rn = rle(img, 4000, c), un = unrle(c, rn, d);
    printf("rle %d -> %d ok %d\n", 4000, rn, un == 4000 && !memcmp(img, d, 4000));
    uint32_t h = 0; for (int i = 0; i < cn; i++) h = h * 31 + c[i];
    return (int)(cn % 127);
}
