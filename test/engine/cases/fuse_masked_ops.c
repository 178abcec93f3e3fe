/* An and-immediate or a shift computed by the xor/or/add using it
 * (`t[(c & 255) ^ b]` of table CRCs, bit-field merges, hashes), at i32 and
 * at the narrow widths clang keeps for uint16_t/uint8_t arithmetic (a CRC-16
 * bit by bit; there an lshr or and under xor/or keeps the high bits zero, an
 * add would not). Masks other than 255, with the high bit, both operand
 * orders. @O3 */
#include <stdio.h>
#include <stdint.h>

static uint32_t table[256];
static uint16_t table16[1024];

__attribute__((noinline)) static uint32_t crc_bytes(const uint8_t *p, int n, uint32_t c) {
    for (int i = 0; i < n; i++) c = table[(c ^ p[i]) & 255] ^ (c >> 8);
    return ~c;
}
__attribute__((noinline)) static uint32_t crc_words(const uint32_t *p, int n) {   /* (c ^ w) & 255: the mask after the xor */
    uint32_t c = 0x12345678u;
    for (int i = 0; i < n; i++) c = table[(c ^ p[i]) & 255] ^ (c >> 8);
    return c;
}
__attribute__((noinline)) static uint32_t crc_10bit(const uint8_t *p, int n) {    /* a 1024-entry u16 table: mask 0x3ff */
    uint32_t c = 0x2aa;
    for (int i = 0; i < n; i++) c = table16[(c & 0x3ff) ^ p[i]] ^ (c >> 6);
    return c;
}
__attribute__((noinline)) static uint32_t merge(const uint32_t *a, const uint32_t *b, int n) {
    uint32_t r = 0;
    for (int i = 0; i < n; i++) {
        r ^= (a[i] & 0x80000001u) | b[i];        /* or of and, the high bit in the mask */
        r += (b[i] & 0xff00u) + a[i];            /* add of and */
        r = (a[i] & 0x7f) ^ r;                   /* the mask on the first operand */
        r = r + (r & 0xfffffff0u);
    }
    return r;
}
__attribute__((noinline)) static uint16_t crc16(uint16_t crc, uint16_t x) {   /* i16 xors of lshrs and ands */
    for (int i = 0; i < 16; i++, x >>= 1) { int bit = (crc ^ x) & 1; crc >>= 1; if (bit) crc ^= 0xa001; }
    return crc;
}
__attribute__((noinline)) static uint8_t mix8(const uint8_t *p, int n) {
    uint8_t h = 0x5a;
    for (int i = 0; i < n; i++) h = (uint8_t)((h ^ (p[i] >> 3)) | (h & 0x81)) ^ (uint8_t)(p[i] & 0x3c);
    return h;
}
__attribute__((noinline)) static uint16_t add16(const uint16_t *p, int n) {   /* narrow adds of a mask and a shift: wrap at 16 bits */
    uint16_t s = 0xfff0;
    for (int i = 0; i < n; i++) s = (uint16_t)(s + (p[i] & 0xff80)) + (uint16_t)(p[i] >> 2);
    return s;
}

int main(void) {
    for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; table[i] = c; }
    for (uint32_t i = 0; i < 1024; i++) table16[i] = (uint16_t)(i * 2654435761u >> 13);
    uint8_t buf[301]; uint32_t words[77], other[77]; uint16_t halves[91];
    for (int i = 0; i < 301; i++) buf[i] = (uint8_t)(i * 29 + 3 + (i >> 3));
    for (int i = 0; i < 77; i++) { words[i] = (uint32_t)i * 2654435761u; other[i] = ~words[i] ^ (words[i] >> 11); }
    for (int i = 0; i < 91; i++) halves[i] = (uint16_t)(i * 40503u + 17);
    printf("crc %08x %08x %08x\n", crc_bytes(buf, 301, 0xffffffffu), crc_bytes(buf + 1, 0, 7), crc_bytes(buf + 3, 255, 0));
    printf("words %08x 10bit %08x %08x\n", crc_words(words, 77), crc_10bit(buf, 301), crc_10bit(buf + 5, 1));
    printf("merge %08x %08x\n", merge(words, other, 77), merge(other, words, 13));
    uint16_t c = 0;
    for (int i = 0; i < 91; i++) c = crc16(c, halves[i]);
    printf("crc16 %04x mix8 %02x %02x add16 %04x\n", c, mix8(buf, 301), mix8(buf + 9, 3), add16(halves, 91));
    return 0;
}
