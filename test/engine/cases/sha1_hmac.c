/* SHA-1 with a streaming interface and HMAC-SHA1 (RFC 2202 test vectors) */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
typedef struct { uint32_t h[5]; uint8_t b[64]; uint64_t len; int n; } sha1;
static uint32_t rol(uint32_t x, int k) { return x << k | x >> (32 - k); }
static void blk(sha1 *c) { uint32_t w[80]; for (int i = 0; i < 16; i++) w[i] = (uint32_t)c->b[4 * i] << 24 | c->b[4 * i + 1] << 16 | c->b[4 * i + 2] << 8 | c->b[4 * i + 3]; for (int i = 16; i < 80; i++) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4];
    for (int i = 0; i < 80; i++) { uint32_t f, k; if (i < 20) { f = (b & cc) | (~b & d); k = 0x5a827999; } else if (i < 40) { f = b ^ cc ^ d; k = 0x6ed9eba1; } else if (i < 60) { f = (b & cc) | (b & d) | (cc & d); k = 0x8f1bbcdc; } else { f = b ^ cc ^ d; k = 0xca62c1d6; }
        uint32_t t = rol(a, 5) + f + e + k + w[i]; e = d; d = cc; cc = rol(b, 30); b = a; a = t; }
    c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d; c->h[4] += e; }
static void init(sha1 *c) { static const uint32_t iv[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 }; memcpy(c->h, iv, 20); c->len = 0; c->n = 0; }
static void upd(sha1 *c, const void *d, size_t n) { const uint8_t *p = d; c->len += n; while (n--) { c->b[c->n++] = *p++; if (c->n == 64) { blk(c); c->n = 0; } } }
static void fin(sha1 *c, uint8_t out[20]) { uint64_t bits = c->len * 8; uint8_t x = 0x80; upd(c, &x, 1); x = 0; while (c->n != 56) upd(c, &x, 1); for (int i = 7; i >= 0; i--) { x = (uint8_t)(bits >> 8 * i); upd(c, &x, 1); } for (int i = 0; i < 20; i++) out[i] = (uint8_t)(c->h[i / 4] >> (24 - 8 * (i % 4))); }
static void hmac(const uint8_t *key, size_t kl, const void *msg, size_t ml, uint8_t out[20]) { uint8_t k[64] = { 0 }, ip[64], op[64], ih[20]; sha1 c; if (kl > 64) { init(&c); upd(&c, key, kl); fin(&c, k); } else memcpy(k, key, kl);
    for (int i = 0; i < 64; i++) { ip[i] = k[i] ^ 0x36; op[i] = k[i] ^ 0x5c; } init(&c); upd(&c, ip, 64); upd(&c, msg, ml); fin(&c, ih); init(&c); upd(&c, op, 64); upd(&c, ih, 20); fin(&c, out); }
static void hex(const char *l, const uint8_t *d) { printf("%s ", l); for (int i = 0; i < 20; i++) printf("%02x", d[i]); printf("\n"); }
int main(void) {
    uint8_t o[20]; sha1 c;
    init(&c); upd(&c, "abc", 3); fin(&c, o); hex("abc", o);
    init(&c); for (int i = 0; i < 10000; i++) upd(&c, "a", 1); fin(&c, o); hex("a*10000", o);
    uint8_t k1[20]; memset(k1, 0x0b, 20); hmac(k1, 20, "Hi There", 8, o); hex("hmac1", o);
    hmac((const uint8_t *)"Jefe", 4, "what do ya want for nothing?", 28, o); hex("hmac2", o);
    uint8_t k3[80]; memset(k3, 0xaa, 80); hmac(k3, 80, "Test Using Larger Than Block-Size Key - Hash Key First", 54, o); hex("hmac6", o);
    return o[0] & 0x7f;
}
