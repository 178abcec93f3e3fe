/* A truncated value only stored (`b[i] = (uint8_t)x`): the store writes the
 * low bytes of the wide value. 32 and 64 bits to 8, 16 and 32, through a
 * pointer, an indexed element, a field, a two-dimensional element and a
 * local, the vectoriser's `trunc <16 x i32>` (@O2/@O3), and truncs also read
 * (kept). The bytes around each store are read back as words, so a store
 * writing more than its width shows. @O3 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

struct rec { uint8_t tag; uint16_t half; uint32_t word; };
static uint8_t grid8[4][6];

__attribute__((noinline)) static void fill(uint8_t *b, int n) { for (int i = 0; i < n; i++) b[i] = (uint8_t)(i * 131 + (i >> 7)); }
__attribute__((noinline)) static void fill16(uint16_t *h, int n, uint32_t x) { for (int i = 0; i < n; i++) { x = x * 1103515245u + 12345u; h[i] = (uint16_t)(x >> 7); } }
__attribute__((noinline)) static void from64(uint8_t *b, uint16_t *h, uint32_t *w, uint64_t x) {
    for (int i = 0; i < 5; i++) { x = x * 6364136223846793005ull + 1442695040888963407ull; b[i] = (uint8_t)(x >> 29); h[i] = (uint16_t)x; w[i] = (uint32_t)(x >> 17); }
}
__attribute__((noinline)) static void recs(struct rec *r, int n, int32_t v) {
    for (int i = 0; i < n; i++) { r[i].tag = (uint8_t)(v + i * 77); r[i].half = (uint16_t)(v * i - 3); r[i].word = (uint32_t)v ^ (uint32_t)i; }
}
__attribute__((noinline)) static void two(int r, int32_t v) { for (int j = 0; j < 6; j++) grid8[r][j] = (uint8_t)(v - j * 100); }
__attribute__((noinline)) static void put(uint8_t *p, uint32_t x) { *p = (uint8_t)x; p[2] = (uint8_t)(x >> 8); }
__attribute__((noinline)) static uint32_t kept(uint8_t *p, int n, uint32_t x) {       /* the trunc also read: stays */
    uint32_t s = 0;
    for (int i = 0; i < n; i++) { uint8_t t = (uint8_t)(x + i * 300); p[i] = t; s += t; }
    return s;
}
__attribute__((noinline)) static uint32_t local(uint32_t x) {
    volatile uint8_t b[4]; volatile uint16_t h[2];
    b[0] = (uint8_t)x; b[1] = (uint8_t)(x >> 3); b[2] = 0xee; b[3] = (uint8_t)(x * 7); h[0] = (uint16_t)(x * 9); h[1] = (uint16_t)(x >> 1);
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24 | ((uint32_t)h[0] ^ h[1]);
}
static uint32_t words(const void *p, int bytes) {
    const uint8_t *b = p; uint32_t s = 0;
    for (int i = 0; i + 3 < bytes; i += 4) s = s * 31 + (b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 | (uint32_t)b[i + 3] << 24);
    return s;
}

int main(void) {
    static union { uint8_t b[260]; uint32_t w[65]; } u;
    for (int i = 0; i < 65; i++) u.w[i] = 0xa5a5a5a5u;
    fill(u.b + 1, 257);
    printf("fill %08x %02x %02x\n", words(u.b, 260), u.b[0], u.b[258]);
    uint16_t h[40]; for (int i = 0; i < 40; i++) h[i] = 0x5a5a;
    fill16(h + 1, 37, 99);
    printf("fill16 %08x\n", words(h, 80));
    uint8_t b8[8]; uint16_t h16[8]; uint32_t w32[8];
    for (int i = 0; i < 8; i++) { b8[i] = 0xcc; h16[i] = 0xcccc; w32[i] = 0xcccccccc; }
    from64(b8 + 1, h16 + 1, w32 + 1, 42);
    printf("from64 %08x %08x %08x\n", words(b8, 8), words(h16, 16), words(w32, 32));
    struct rec r[5]; memset(r, 0x44, sizeof r);         /* the padding too: read back below */
    recs(r, 5, -7);
    for (int i = 0; i < 6; i++) two(i % 4, i * 1000 + 5);
    printf("recs %08x grid %08x\n", words(r, sizeof r), words(grid8, sizeof grid8));
    uint8_t p[4] = { 1, 2, 3, 4 };
    put(p, 0x12345678u);
    uint8_t q[19]; for (int i = 0; i < 19; i++) q[i] = 0x77;
    uint32_t s = kept(q + 1, 17, 0xfffffff0u);
    printf("put %08x kept %u %08x local %08x %08x\n", words(p, 4), s, words(q, 16), local(0xdeadbeefu), local(3));
    return 0;
}
