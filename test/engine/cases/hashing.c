/* @O3 FNV, CRC32, djb2, murmur-ish mixing, and an open-addressing table */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static uint32_t crc_table[256];
static void crc_init(void) { for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; crc_table[i] = c; } }
static uint32_t crc32(const uint8_t *p, size_t n) { uint32_t c = 0xffffffffu; while (n--) c = crc_table[(c ^ *p++) & 255] ^ (c >> 8); return c ^ 0xffffffffu; }
static uint64_t fnv1a64(const char *s) { uint64_t h = 14695981039346656037ull; while (*s) { h ^= (uint8_t)*s++; h *= 1099511628211ull; } return h; }
static uint32_t djb2(const char *s) { uint32_t h = 5381; while (*s) h = h * 33 + (uint8_t)*s++; return h; }
static uint32_t mix(uint32_t h) { h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16; return h; }
#define CAP 4096
static uint32_t keys[CAP]; static int vals[CAP];
static void put(uint32_t k, int v) { uint32_t i = mix(k) & (CAP - 1); while (keys[i] && keys[i] != k) i = (i + 1) & (CAP - 1); keys[i] = k; vals[i] = v; }
static int get(uint32_t k) { uint32_t i = mix(k) & (CAP - 1); while (keys[i]) { if (keys[i] == k) return vals[i]; i = (i + 1) & (CAP - 1); } return -1; }
int main(void) {
    crc_init();
    const char *msg = "The quick brown fox jumps over the lazy dog";
    printf("%08x %016llx %08x\n", crc32((const uint8_t *)msg, strlen(msg)), (unsigned long long)fnv1a64(msg), djb2(msg));
    for (uint32_t i = 1; i < 3000; i++) put(i * 2654435761u, (int)i);
    long s = 0; for (uint32_t i = 1; i < 3000; i += 3) s += get(i * 2654435761u);
    printf("%ld %d\n", s, get(12345));
    uint8_t buf[10000]; for (int i = 0; i < 10000; i++) buf[i] = (uint8_t)(i * 7 + (i >> 5));
    uint32_t c = 0; for (int r = 0; r < 20; r++) c ^= crc32(buf, sizeof buf - r);
    printf("%08x\n", c);
    return (int)(c & 0x7f);
}
