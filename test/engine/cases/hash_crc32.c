/* @O3 CRC-32 (table-driven and bitwise), CRC-16/CCITT and Adler-32 over generated buffers */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static uint32_t table[256];
static void init(void) { for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1; table[i] = c; } }
static uint32_t crc32_tab(const uint8_t *p, size_t n) { uint32_t c = ~0u; while (n--) c = table[(c ^ *p++) & 0xff] ^ (c >> 8); return ~c; }
static uint32_t crc32_bit(const uint8_t *p, size_t n) { uint32_t c = ~0u; while (n--) { c ^= *p++; for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & -(c & 1)); } return ~c; }
static uint16_t crc16(const uint8_t *p, size_t n) { uint16_t c = 0xffff; while (n--) { c ^= (uint16_t)(*p++ << 8); for (int k = 0; k < 8; k++) c = c & 0x8000 ? (uint16_t)(c << 1) ^ 0x1021 : (uint16_t)(c << 1); } return c; }
static uint32_t adler32(const uint8_t *p, size_t n) { uint32_t a = 1, b = 0; while (n--) { a = (a + *p++) % 65521; b = (b + a) % 65521; } return b << 16 | a; }
int main(void) {
    init();
    const char *s = "123456789";
    printf("crc32 %08x %08x crc16 %04x adler %08x\n", crc32_tab((const uint8_t *)s, 9), crc32_bit((const uint8_t *)s, 9), crc16((const uint8_t *)s, 9), adler32((const uint8_t *)s, 9));
    static uint8_t buf[65536]; uint32_t x = 1; for (size_t i = 0; i < sizeof buf; i++) { x = x * 1664525 + 1013904223; buf[i] = x >> 24; }
    uint32_t c1 = crc32_tab(buf, sizeof buf), c2 = crc32_bit(buf, 4096);
    printf("big crc32 %08x prefix %08x %08x crc16 %04x adler %08x\n", c1, c2, crc32_tab(buf, 4096), crc16(buf, 10000), adler32(buf, sizeof buf));
    const char *q = "The quick brown fox jumps over the lazy dog";
    printf("fox %08x\n", crc32_tab((const uint8_t *)q, strlen(q)));
    return c1 == 0 ? 1 : (int)(c1 & 0x3f);
}
