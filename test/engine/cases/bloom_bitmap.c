/* a Bloom filter with k hash functions (double hashing) over strings: false-positive rate measured, bitmap popcount */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#define MBITS 8192
static uint8_t bits[MBITS / 8];
static uint32_t h1(const char *s) { uint32_t h = 2166136261u; while (*s) h = (h ^ (uint8_t)*s++) * 16777619u; return h; }
static uint32_t h2(const char *s) { uint32_t h = 5381; while (*s) h = h * 33 ^ (uint8_t)*s++; return h | 1; }
static void add(const char *s, int k) { uint32_t a = h1(s), b = h2(s); for (int i = 0; i < k; i++) { uint32_t x = (a + i * b) % MBITS; bits[x >> 3] |= 1 << (x & 7); } }
static int has(const char *s, int k) { uint32_t a = h1(s), b = h2(s); for (int i = 0; i < k; i++) { uint32_t x = (a + i * b) % MBITS; if (!(bits[x >> 3] >> (x & 7) & 1)) return 0; } return 1; }
int main(void) {
    char w[32];
    for (int k = 1; k <= 7; k += 2) {
        memset(bits, 0, sizeof bits);
        for (int i = 0; i < 800; i++) { snprintf(w, sizeof w, "item-%d", i * 7); add(w, k); }
        int present = 0, fp = 0; for (int i = 0; i < 800; i++) { snprintf(w, sizeof w, "item-%d", i * 7); present += has(w, k); }
        for (int i = 0; i < 5000; i++) { snprintf(w, sizeof w, "other-%d", i); fp += has(w, k); }
        int set = 0; for (int i = 0; i < MBITS / 8; i++) set += __builtin_popcount(bits[i]);
        printf("k=%d present %d/800 false positives %d/5000 bits set %d\n", k, present, fp, set);
    }
    return 0;
}
