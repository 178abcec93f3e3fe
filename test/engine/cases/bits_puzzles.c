/* @O3 bit-manipulation puzzles (Hacker's Delight style): next permutation of bits, gray code, bit reversal, isolate/clear lowest bits, nlz without builtins, saturating ops */
#include <stdio.h>
#include <stdint.h>
static uint32_t next_perm(uint32_t v) { uint32_t t = v | (v - 1); return (t + 1) | (((~t & -~t) - 1) >> (__builtin_ctz(v) + 1)); }
static uint32_t rev32(uint32_t x) { x = (x & 0x55555555) << 1 | (x >> 1 & 0x55555555); x = (x & 0x33333333) << 2 | (x >> 2 & 0x33333333); x = (x & 0x0f0f0f0f) << 4 | (x >> 4 & 0x0f0f0f0f); return x << 24 | (x & 0xff00) << 8 | (x >> 8 & 0xff00) | x >> 24; }
static int nlz(uint32_t x) { int n = 32; uint32_t y; y = x >> 16; if (y) { n -= 16; x = y; } y = x >> 8; if (y) { n -= 8; x = y; } y = x >> 4; if (y) { n -= 4; x = y; } y = x >> 2; if (y) { n -= 2; x = y; } y = x >> 1; if (y) return n - 2; return n - (int)x; }
static int pop(uint32_t x) { x = x - (x >> 1 & 0x55555555); x = (x & 0x33333333) + (x >> 2 & 0x33333333); x = (x + (x >> 4)) & 0x0f0f0f0f; return (int)(x * 0x01010101 >> 24); }
static uint32_t sat_add(uint32_t a, uint32_t b) { uint32_t s = a + b; return s | -(s < a); }
static int32_t sat_add_s(int32_t a, int32_t b) { uint32_t s = (uint32_t)a + (uint32_t)b; if (((s ^ (uint32_t)a) & (s ^ (uint32_t)b)) >> 31) return a < 0 ? INT32_MIN : INT32_MAX; return (int32_t)s; }
static uint32_t gray(uint32_t x) { return x ^ x >> 1; }
static uint32_t ungray(uint32_t g) { g ^= g >> 16; g ^= g >> 8; g ^= g >> 4; g ^= g >> 2; g ^= g >> 1; return g; }
static uint64_t interleave(uint32_t x, uint32_t y) { uint64_t r = 0; for (int i = 0; i < 32; i++) r |= (uint64_t)(x >> i & 1) << (2 * i) | (uint64_t)(y >> i & 1) << (2 * i + 1); return r; }
int main(void) {
    uint32_t v = 0x7; int cnt = 0; uint32_t h = 0; while (v < (1u << 12)) { h = h * 31 + v; v = next_perm(v); cnt++; }
    printf("C(12,3) perms %d h %08x\n", cnt, h);
    int mism = 0; uint32_t s = 1;
    for (int i = 0; i < 20000; i++) { s = s * 1664525 + 1013904223; uint32_t x = s >> (i & 15);
        mism += nlz(x) != (x ? __builtin_clz(x) : 32); mism += pop(x) != __builtin_popcount(x); mism += ungray(gray(x)) != x; mism += rev32(rev32(x)) != x;
        h = h * 3 + rev32(x) + (x & -x) + (x & (x - 1)) + (x | (x + 1)) + (~x & (x + 1)) + sat_add(x, s) + (uint32_t)sat_add_s((int32_t)x, (int32_t)s); }
    printf("mismatches %d h %08x rev %08x interleave %016llx\n", mism, h, rev32(0x12345678), (unsigned long long)interleave(0xffff0000u, 0x0000ffffu));
    int gsteps = 0; for (uint32_t i = 0; i < 64; i++) gsteps += pop(gray(i) ^ gray(i + 1)); printf("gray single-bit steps %d abs %d sign %d\n", gsteps, (int)((uint32_t)(-5 ^ (-5 >> 31)) - (uint32_t)(-5 >> 31)), (int)((-7 >> 31) | ((uint32_t)7 >> 31)));
    return mism;
}
