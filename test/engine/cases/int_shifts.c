/* @O3 shifts of every width by variable and constant amounts; rotate idioms */
#include <stdio.h>
#include <stdint.h>
static volatile uint32_t seed = 0x12345679;
static uint32_t rnd(void) { seed = seed * 1664525u + 1013904223u; return seed; }
int main(void) {
    uint64_t h = 0;
    for (int i = 0; i < 2000; i++) {
        uint32_t x = rnd(), s = rnd();
        uint8_t a8 = x; int8_t s8 = x; uint16_t a16 = x; int16_t s16 = x; int32_t s32 = x; uint64_t a64 = (uint64_t)x << 32 | rnd(); int64_t s64 = a64;
        unsigned k8 = s & 7, k16 = s & 15, k32 = s & 31, k64 = s & 63;
        h += (uint8_t)(a8 << k8) + (a8 >> k8) + (uint8_t)(s8 >> k8);
        h = h * 3 + (uint16_t)(a16 << k16) + (a16 >> k16) + (uint16_t)(s16 >> k16);
        h = h * 5 + (x << k32) + (x >> k32) + (uint32_t)(s32 >> k32);
        h = h * 7 + (a64 << k64) + (a64 >> k64) + (uint64_t)(s64 >> k64);
        h ^= (x << k32 | x >> ((32 - k32) & 31));
        h ^= (a64 >> k64 | a64 << ((64 - k64) & 63));
        h += (x << 3) + (x >> 29) + (uint32_t)(s32 >> 31) + (a64 << 33) + (a64 >> 47) + (uint64_t)(s64 >> 63);
    }
    printf("%016llx\n", (unsigned long long)h);
    for (int k = 0; k < 64; k += 9) printf("%d: %llx %llx %llx\n", k, 0x8000000000000001ull << k, 0x8000000000000001ull >> k, (unsigned long long)(-0x7fffffffffffffffLL >> k));
    return (int)(h & 127);
}
