/* bitset-based sieve of Eratosthenes (uint64 words), prime counting, twin primes, bitset set operations */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define N 1000000
static uint64_t bits[N / 64 + 1];
static int test(int i) { return bits[i >> 6] >> (i & 63) & 1; }
static void clr(int i) { bits[i >> 6] &= ~(1ull << (i & 63)); }
int main(void) {
    memset(bits, 0xff, sizeof bits); clr(0); clr(1);
    for (int i = 2; (long)i * i < N; i++) if (test(i)) for (int j = i * i; j < N; j += i) clr(j);
    int count = 0, twins = 0, last = 0; long long sum = 0;
    for (int i = 0; i < N; i++) if (test(i)) { count++; sum += i; if (i - last == 2) twins++; last = i; }
    int pc = 0; for (int w = 0; w < N / 64; w++) pc += __builtin_popcountll(bits[w]);
    printf("primes<%d: %d sum %lld twins %d last %d popcount-words %d\n", N, count, sum, twins, last, pc);
    uint64_t a[16], b[16]; for (int i = 0; i < 16; i++) { a[i] = bits[i] ^ bits[i + 100]; b[i] = bits[i + 7] | (bits[i] << 1); }
    int u = 0, in = 0, df = 0; for (int i = 0; i < 16; i++) { u += __builtin_popcountll(a[i] | b[i]); in += __builtin_popcountll(a[i] & b[i]); df += __builtin_popcountll(a[i] & ~b[i]); }
    printf("union %d inter %d diff %d\n", u, in, df);
    return count % 128;
}
