/* @O3 bit intrinsics: ctpop/ctlz/cttz at 8..64 bits, bswap16/32/64, rotates (fshl/fshr), parity, ffs */
#include <stdio.h>
#include <stdint.h>
static inline uint32_t rotl32(uint32_t x, unsigned k) { return (x << (k & 31)) | (x >> (-k & 31)); }
static inline uint32_t rotr32(uint32_t x, unsigned k) { return (x >> (k & 31)) | (x << (-k & 31)); }
static inline uint64_t rotl64(uint64_t x, unsigned k) { return (x << (k & 63)) | (x >> (-k & 63)); }
static inline uint16_t rotl16(uint16_t x, unsigned k) { k &= 15; return (uint16_t)((x << k) | (x >> ((16 - k) & 15))); }
static inline uint8_t rotr8(uint8_t x, unsigned k) { k &= 7; return (uint8_t)((x >> k) | (x << ((8 - k) & 7))); }
int main(void) {
    uint64_t s = 0x9e3779b97f4a7c15ull, h = 0;
    for (int i = 0; i < 500; i++) {
        s ^= s >> 12; s ^= s << 25; s ^= s >> 27; uint64_t v = s * 2685821657736338717ull; uint32_t w = (uint32_t)(v >> 17);
        h += __builtin_popcount(w) + __builtin_popcountll(v) * 3 + (w ? __builtin_clz(w) : 99) + (w ? __builtin_ctz(w) : 77);
        h += (v ? __builtin_clzll(v) : 1) * 5 + (v ? __builtin_ctzll(v) : 2) * 7 + __builtin_parity(w) + __builtin_ffs((int)w) + __builtin_ffsll((long long)v);
        h ^= __builtin_bswap32(w) + __builtin_bswap64(v) + __builtin_bswap16((uint16_t)w);
        h += rotl32(w, i) + rotr32(w, i * 3) + rotl64(v, i) + rotl16((uint16_t)w, i) + rotr8((uint8_t)w, i);
        h = h * 0x100000001b3ull;
    }
    printf("h %016llx\n", (unsigned long long)h);
    uint32_t t[] = { 0, 1, 0x80000000u, 0xffffffffu, 0x00f0f000u, 0x12345678u };
    for (int i = 0; i < 6; i++) printf("%08x pop %d clz %d ctz %d bswap %08x rotl7 %08x\n", t[i], __builtin_popcount(t[i]), t[i] ? __builtin_clz(t[i]) : 32, t[i] ? __builtin_ctz(t[i]) : 32, __builtin_bswap32(t[i]), rotl32(t[i], 7));
    uint8_t b = 0x96; uint16_t sh = 0x8001;
    printf("%d %d %d %d\n", __builtin_popcount(b), __builtin_clz(b) - 24, __builtin_ctz(sh), __builtin_clrsb(-5));
    return (int)(h & 0x7f);
}
