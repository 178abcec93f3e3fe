/* PRNGs (LCG, xorshift32/64, PCG32, xoshiro128**) with chi-square bucket tests, means, and run lengths */
#include <stdio.h>
#include <stdint.h>
static uint32_t lcg_s = 1; static uint32_t lcg(void) { lcg_s = lcg_s * 1664525u + 1013904223u; return lcg_s; }
static uint32_t xs32_s = 2463534242u; static uint32_t xs32(void) { uint32_t x = xs32_s; x ^= x << 13; x ^= x >> 17; x ^= x << 5; return xs32_s = x; }
static uint64_t xs64_s = 88172645463325252ull; static uint32_t xs64(void) { uint64_t x = xs64_s; x ^= x << 13; x ^= x >> 7; x ^= x << 17; xs64_s = x; return (uint32_t)(x >> 32); }
static uint64_t pcg_s = 0x853c49e6748fea9bull; static uint32_t pcg(void) { uint64_t old = pcg_s; pcg_s = old * 6364136223846793005ull + 1442695040888963407ull; uint32_t xs = (uint32_t)(((old >> 18) ^ old) >> 27), rot = (uint32_t)(old >> 59); return xs >> rot | xs << ((-rot) & 31); }
static uint32_t xo[4] = { 1, 2, 3, 4 }; static uint32_t rotl(uint32_t x, int k) { return x << k | x >> (32 - k); }
static uint32_t xoshiro(void) { uint32_t r = rotl(xo[1] * 5, 7) * 9, t = xo[1] << 9; xo[2] ^= xo[0]; xo[3] ^= xo[1]; xo[1] ^= xo[2]; xo[0] ^= xo[3]; xo[2] ^= t; xo[3] = rotl(xo[3], 11); return r; }
int main(void) {
    uint32_t (*gens[])(void) = { lcg, xs32, xs64, pcg, xoshiro }; const char *names[] = { "lcg", "xorshift32", "xorshift64", "pcg32", "xoshiro128**" };
    for (int g = 0; g < 5; g++) {
        int b[16] = { 0 }; double mean = 0; int runs = 0, prev = -1; uint32_t last = 0;
        for (int i = 0; i < 40000; i++) { uint32_t v = gens[g](); b[v >> 28]++; mean += v / 4294967296.0; int up = v > last; if (up != prev) runs++; prev = up; last = v; }
        double chi = 0; for (int k = 0; k < 16; k++) { double d = b[k] - 2500.0; chi += d * d / 2500.0; }
        printf("%-13s chi2 %8.3f mean %.6f runs %d last %08x\n", names[g], chi, mean / 40000, runs, last);
    }
    return 0;
}
