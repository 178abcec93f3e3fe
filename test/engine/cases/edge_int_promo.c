/* @O3 integer promotions, unsigned wraparound, mixed signedness compares, shifts by variable amounts at every width,
   i64 division and modulo at the edges (not INT64_MIN / -1), narrowing conversions */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>
static volatile int vz = 0;
int main(void) {
    unsigned char uc = 200; signed char sc = -100; unsigned short us = 65000; short ss = -30000;
    printf("promo %d %d %d %d\n", uc + uc, sc * sc, us * us / 65536, ss - ss * 2);
    printf("uc<<24 %d; ~uc %d; -us %d; us*us %u\n", uc << 24 >> 24, ~uc, -us, (unsigned)us * us);
    unsigned u = 5; int i = -7;
    printf("mixed %d %d %u %d\n", i < u, (long long)i < u, u + i, (int)(u * i) / 3);
    printf("wrap %u %u %llu\n", UINT_MAX + 1u + vz, 0u - 1u + vz, 0ull - 3 + vz);
    uint8_t b8 = 250; b8 += 10; uint16_t b16 = 65530; b16 += 10; int8_t s8 = 127; s8 += 1 + vz; int16_t s16 = -32768; s16 -= 1 + vz;
    printf("narrow %u %u %d %d\n", b8, b16, s8, s16);
    uint32_t acc = 0;
    for (int sh = 0; sh < 8; sh++) { uint8_t x = 0xA5; int8_t y = -91; acc = acc * 33 + (uint8_t)(x << sh) + (uint8_t)(x >> sh) + (int8_t)(y >> sh) + (uint8_t)((uint8_t)y >> sh); }
    printf("shift8 %u\n", acc);
    for (int sh = 0; sh < 16; sh++) { uint16_t x = 0xBEEF; int16_t y = -12345; acc = acc * 33 + (uint16_t)(x << sh) + (x >> sh) + (y >> sh) + (uint16_t)((uint16_t)y >> sh); }
    printf("shift16 %u\n", acc);
    for (int sh = 0; sh < 32; sh++) { uint32_t x = 0xDEADBEEF; int32_t y = -123456789; acc = acc * 33 + (x << sh) + (x >> sh) + (uint32_t)(y >> sh) + ((uint32_t)y >> sh); }
    printf("shift32 %u\n", acc);
    uint64_t a64 = 0;
    for (int sh = 0; sh < 64; sh++) { uint64_t x = 0xFEDCBA9876543210ull; int64_t y = -1234567890123456789LL; a64 = a64 * 33 + (x << sh) + (x >> sh) + (uint64_t)(y >> sh) + ((uint64_t)y >> sh); }
    printf("shift64 %llx\n", (unsigned long long)a64);
    const int64_t nums[] = { INT64_MAX, INT64_MIN, INT64_MIN + 1, -1, 1, 0x100000000LL, -0x100000001LL, 1000000007LL * 999999937LL, 7, -7 };
    const int64_t dens[] = { 1, -1, 2, -2, 3, 0x100000000LL, -0x7fffffffLL, INT64_MAX, INT64_MIN, 1000000007, -13 };
    int64_t h = 0;
    for (unsigned a = 0; a < 10; a++) for (unsigned d = 0; d < 11; d++) {
        if (nums[a] == INT64_MIN && dens[d] == -1) continue;
        int64_t q = nums[a] / dens[d], r = nums[a] % dens[d];
        uint64_t uq = (uint64_t)nums[a] / (uint64_t)dens[d], ur = (uint64_t)nums[a] % (uint64_t)dens[d];
        h = h * 1099511628211LL + q + r * 3 + (int64_t)(uq ^ ur);
        if (a == 1 || d == 8) printf("  %lld / %lld = %lld r %lld; u %llu r %llu\n", (long long)nums[a], (long long)dens[d], (long long)q, (long long)r, (unsigned long long)uq, (unsigned long long)ur);
    }
    printf("div64 hash %llx\n", (unsigned long long)h);
    int32_t i32s[] = { INT_MIN, -1, 1, INT_MAX, -7, 7 };
    for (int a = 0; a < 6; a++) for (int d = 0; d < 6; d++) { if (i32s[a] == INT_MIN && i32s[d] == -1) continue; printf("%d ", i32s[a] / i32s[d] + i32s[a] % i32s[d]); }
    printf("\n");
    long long big = 0x123456789abcdefLL; int trunc = (int)big; short tr16 = (short)big; signed char tr8 = (signed char)big;
    printf("trunc %d %d %d %lld %llu\n", trunc, tr16, tr8, (long long)(int)0x80000000u, (unsigned long long)(unsigned)-1);
    unsigned long long m = 0xFFFFFFFFull * 0xFFFFFFFFull; long long sm = (long long)-3 * 0x7FFFFFFF;
    printf("mul64 %llx %lld\n", m, sm);
    return 0;
}
