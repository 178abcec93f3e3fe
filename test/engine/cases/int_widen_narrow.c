/* trunc / zext / sext chains between all integer widths */
#include <stdio.h>
#include <stdint.h>
static volatile uint64_t V[] = { 0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff,
                                 0x100000000ull, 0x123456789abcdef0ull, 0xfedcba9876543210ull, 0x8000000000000000ull, ~0ull };
int main(void) {
    uint32_t h = 7;
    for (unsigned i = 0; i < sizeof V / sizeof *V; i++) {
        uint64_t v = V[i];
        int8_t a = v; uint8_t b = v; int16_t c = v; uint16_t d = v; int32_t e = v; uint32_t f = v;
        int64_t r[] = { a, b, c, d, e, f, (int16_t)a, (uint16_t)a, (int32_t)c, (uint32_t)c, (int64_t)(int8_t)d, (uint64_t)(uint8_t)c,
                        (int64_t)(int32_t)(int16_t)(int8_t)v, (int64_t)(uint32_t)(int16_t)v, (int64_t)(int16_t)(uint8_t)v };
        printf("%016llx:", (unsigned long long)v);
        for (unsigned k = 0; k < sizeof r / sizeof *r; k++) { printf(" %lld", (long long)r[k]); h = h * 257 + (uint32_t)r[k] + (uint32_t)(r[k] >> 32); }
        printf("\n");
    }
    printf("h %u\n", h);
    return h & 0xff;
}
