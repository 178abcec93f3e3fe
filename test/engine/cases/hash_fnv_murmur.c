/* @O3 FNV-1a 32/64, MurmurHash3 x86_32, djb2, sdbm, Jenkins one-at-a-time over words and binary data */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static uint32_t fnv32(const void *d, size_t n) { const uint8_t *p = d; uint32_t h = 2166136261u; while (n--) { h ^= *p++; h *= 16777619u; } return h; }
static uint64_t fnv64(const void *d, size_t n) { const uint8_t *p = d; uint64_t h = 14695981039346656037ull; while (n--) { h ^= *p++; h *= 1099511628211ull; } return h; }
static uint32_t rotl(uint32_t x, int r) { return x << r | x >> (32 - r); }
static uint32_t murmur3(const void *key, int len, uint32_t seed) {
    const uint8_t *data = key; int nb = len / 4; uint32_t h = seed, c1 = 0xcc9e2d51, c2 = 0x1b873593;
    for (int i = 0; i < nb; i++) { uint32_t k; memcpy(&k, data + 4 * i, 4); k *= c1; k = rotl(k, 15); k *= c2; h ^= k; h = rotl(h, 13); h = h * 5 + 0xe6546b64; }
    const uint8_t *tail = data + nb * 4; uint32_t k1 = 0;
    switch (len & 3) { case 3: k1 ^= tail[2] << 16; case 2: k1 ^= tail[1] << 8; case 1: k1 ^= tail[0]; k1 *= c1; k1 = rotl(k1, 15); k1 *= c2; h ^= k1; }
    h ^= len; h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16; return h;
}
static uint32_t djb2(const char *s) { uint32_t h = 5381; while (*s) h = h * 33 + (uint8_t)*s++; return h; }
static uint32_t sdbm(const char *s) { uint32_t h = 0; while (*s) h = (uint8_t)*s++ + (h << 6) + (h << 16) - h; return h; }
static uint32_t oaat(const char *s) { uint32_t h = 0; while (*s) { h += (uint8_t)*s++; h += h << 10; h ^= h >> 6; } h += h << 3; h ^= h >> 11; h += h << 15; return h; }
int main(void) {
    const char *words[] = { "", "a", "ab", "abc", "abcd", "hello world", "The quick brown fox jumps over the lazy dog", "BareFlow" };
    for (int i = 0; i < 8; i++) { const char *w = words[i]; size_t n = strlen(w);
        printf("%-12.12s fnv32 %08x fnv64 %016llx mm3 %08x %08x djb2 %08x sdbm %08x oaat %08x\n", w, fnv32(w, n), (unsigned long long)fnv64(w, n), murmur3(w, (int)n, 0), murmur3(w, (int)n, 0x9747b28c), djb2(w), sdbm(w), oaat(w)); }
    uint8_t buf[10007]; for (int i = 0; i < 10007; i++) buf[i] = (uint8_t)(i * i + 7);
    uint32_t acc = 0; for (int len = 0; len < 10007; len += 333) acc ^= murmur3(buf, len, acc) + fnv32(buf + len / 2, len / 2);
    printf("acc %08x\n", acc);
    return acc & 0x7f;
}
