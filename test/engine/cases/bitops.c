/* @O3 */
#include <stdio.h>
#include <stdint.h>
volatile uint32_t vals[] = { 0, 1, 0x80000000u, 0xdeadbeefu, 0x00ff00ffu, 12345, 0xffffffffu };
volatile uint64_t v64[] = { 1, 0x8000000000000000ull, 0x0123456789abcdefull, 0xffffffffull << 16 };
static uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> ((32 - r) & 31)); }
static uint64_t rotr64(uint64_t x, int r) { return (x >> r) | (x << ((64 - r) & 63)); }
static uint8_t rotl8(uint8_t x, int r) { return (uint8_t)((x << r) | (x >> (8 - r))); }
int main(void) {
    for (int i = 0; i < 7; i++) {
        uint32_t v = vals[i];
        printf("%d %d %d %08x %08x %d\n", __builtin_popcount(v), v ? __builtin_clz(v) : 32, v ? __builtin_ctz(v) : 32,
               __builtin_bswap32(v), rotl(v, i + 3), __builtin_parity(v));
    }
    for (int i = 0; i < 4; i++) {
        uint64_t v = v64[i];
        printf("%d %d %d %016llx %016llx\n", __builtin_popcountll(v), __builtin_clzll(v), __builtin_ctzll(v),
               (unsigned long long)__builtin_bswap64(v), (unsigned long long)rotr64(v, i * 5 + 1));
    }
    uint16_t h = 0x1234; printf("%04x %02x\n", __builtin_bswap16(h), rotl8(0x81, 3));
    uint32_t x = 0x12345678; int c = 0; while (x) { x &= x - 1; c++; }
    printf("%d\n", c);
    return 1;
}
