/* A shift by a constant computed by the add/or/xor using it (xorshift
 * generators, hashes, bit packing), and loop latches "i += C; if (i != K)"
 * as one step: counters up and down, by 1, 2 and 4, read after the loop. @O3 */
#include <stdio.h>
#include <stdint.h>

__attribute__((noinline)) static uint32_t xorshift(uint32_t x, int n) {
    for (int i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; }
    return x;
}
__attribute__((noinline)) static uint32_t hash(const uint8_t *p, int n) {
    uint32_t h = 5381;
    for (int i = 0; i < n; i++) h = (h << 5) + h + p[i];        /* add of a shl */
    uint32_t g = 0;
    for (int i = 0; i < n; i++) g = p[i] + (g >> 3) + (g << 7);  /* add of an lshr, then of a shl */
    return h ^ g;
}
__attribute__((noinline)) static uint32_t pack(const uint8_t *p, int n) {
    uint32_t r = 0;
    for (int i = 0; i + 3 < n; i += 4) {
        uint32_t w = p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 | (uint32_t)p[i + 3] << 24;   /* or of shl */
        r = (r >> 1 | w) ^ (w >> 9);                                /* or of lshr, xor of lshr */
    }
    return r;
}
__attribute__((noinline)) static int count_up(volatile int *sink, int step) {
    int i = 0;
    do { *sink += i; i += step; } while (i != 96);
    return i;
}
__attribute__((noinline)) static int count_down(volatile int *sink) {
    int i = 100;
    do { *sink ^= i; i -= 4; } while (i != 0);
    return i;
}
__attribute__((noinline)) static unsigned until_eq(const uint8_t *p) {
    unsigned i = 0;
    while (p[i] != 7) { i += 2; if (i == 64) break; }                /* leaves on eq */
    return i;
}

static uint32_t table[256];
__attribute__((noinline)) static uint32_t crc(const uint8_t *p) {   /* 256 passes: the latch counts to a constant */
    uint32_t c = 0xffffffffu;
    for (int i = 0; i < 256; i++) c = table[(c ^ p[i]) & 255] ^ (c >> 8);
    return ~c;
}
__attribute__((noinline)) static uint32_t stride3(const uint8_t *p) {
    uint32_t s = 0;
    for (int i = 0; i != 99; i += 3) s = s * 7 + p[i];
    return s;
}

int main(void) {
    for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; table[i] = c; }
    uint8_t buf[256];
    for (int i = 0; i < 256; i++) buf[i] = (uint8_t)(i * 29 + 3);
    printf("xorshift %08x %08x\n", xorshift(2463534242u, 1000), xorshift(1, 3));
    printf("hash %08x %08x\n", hash(buf, 256), hash(buf + 7, 100));
    printf("pack %08x %08x\n", pack(buf, 256), pack(buf + 1, 37));
    volatile int sink = 0;
    int a = count_up(&sink, 1), b = count_up(&sink, 2), c = count_up(&sink, 4), d = count_down(&sink);
    printf("latches %d %d %d %d sink %d\n", a, b, c, d, sink);
    printf("until %u %u\n", until_eq(buf), until_eq(buf + 1));
    printf("crc %08x %08x stride %08x\n", crc(buf), crc(buf + 0), stride3(buf + 5));
    return 0;
}
