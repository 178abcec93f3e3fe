/* A load whose index is a mask, or an xor with a masked operand, computed
 * for it alone (`t[h & mask]`, `t[(c & 255) ^ b]`): the load computes the
 * index. Tables of bytes, halves, words and floats; masks other than 255
 * (one bit, the high bit, 0x3ff); an xor reaching a negative index; a field
 * of a struct element (scaled by the struct's size, not the load's); a
 * signed byte table (sign-extended where it loads); a mask of a sum (ring
 * buffer). @O3 */
#include <stdio.h>
#include <stdint.h>

static uint8_t sbox[256];
static uint16_t halves[1024];
static uint32_t words[64];
static float floats[8];
static int8_t signed_bytes[32];
static int32_t around[16];
struct pair { uint32_t key, value; };
static struct pair pairs[8];

__attribute__((noinline)) static uint32_t sub_bytes(const uint8_t *p, int n, uint32_t k) {
    uint32_t s = 0;
    for (int i = 0; i < n; i++) s = s * 31 + sbox[(k & 0xff) ^ p[i]] + sbox[p[i] ^ (s & 0x0f)];
    return s;
}
__attribute__((noinline)) static uint32_t table10(const uint16_t *p, int n) {
    uint32_t c = 0x155;
    for (int i = 0; i < n; i++) c = halves[(c & 0x3ff) ^ (p[i] & 0x3ff)] ^ (c >> 3);
    return c;
}
__attribute__((noinline)) static uint32_t probe(const uint32_t *keys, int n, uint32_t mask) {
    uint32_t s = 0;
    for (int i = 0; i < n; i++) s += words[keys[i] * 2654435761u >> 7 & mask] ^ words[keys[i] & 1];
    return s;
}
__attribute__((noinline)) static uint32_t top_bit(const uint32_t *keys, int n) {   /* a mask with the high bit: indices 0 or 2^31 + 1, scaled by 4 wraps */
    uint32_t s = 0;
    const uint32_t *base = words + 8;
    for (int i = 0; i < n; i++) { uint32_t j = keys[i] & 0x80000001u; s += j & 0x80000000u ? base[(int32_t)(j ^ 0x80000000u) - 8] : base[j]; }
    return s;
}
__attribute__((noinline)) static float fsum(const uint32_t *keys, int n) {
    float s = 0;
    for (int i = 0; i < n; i++) s = s * 0.5f + floats[keys[i] & 7];
    return s;
}
__attribute__((noinline)) static int32_t negative(const uint32_t *keys, int n) {   /* (k & 3) ^ -4: indices -4 .. -1 from the middle */
    const int32_t *mid = around + 8;
    int32_t s = 0;
    for (int i = 0; i < n; i++) s = s * 3 + mid[(int32_t)((keys[i] & 3) ^ 0xfffffffcu)];
    return s;
}
__attribute__((noinline)) static uint32_t fields(const uint32_t *keys, int n) {
    uint32_t s = 0;
    for (int i = 0; i < n; i++) s = s * 7 + pairs[keys[i] & 7].value + pairs[(keys[i] & 3) ^ 4].key;
    return s;
}
__attribute__((noinline)) static int32_t signed_table(const uint32_t *keys, int n) {
    int32_t s = 0;
    for (int i = 0; i < n; i++) s = s * 5 + signed_bytes[keys[i] & 31] + signed_bytes[(keys[i] & 15) ^ 16];
    return s;
}
__attribute__((noinline)) static uint32_t ring(const uint32_t *keys, int n, uint32_t head) {
    uint32_t s = 0;
    for (int i = 0; i < n; i++) s = (s << 1) + words[(head + (uint32_t)i) & 15] + keys[i];
    return s;
}

int main(void) {
    for (int i = 0; i < 256; i++) sbox[i] = (uint8_t)(i * 167 + 13);
    for (int i = 0; i < 1024; i++) halves[i] = (uint16_t)(i * 40503u >> 3);
    for (int i = 0; i < 64; i++) words[i] = (uint32_t)i * 2246822519u;
    for (int i = 0; i < 8; i++) { floats[i] = (float)i * 1.25f - 3.0f; pairs[i].key = (uint32_t)i * 11u; pairs[i].value = (uint32_t)i * 1000003u; }
    for (int i = 0; i < 32; i++) signed_bytes[i] = (int8_t)(i * 19 - 128);
    for (int i = 0; i < 16; i++) around[i] = i * -7 + 3;
    uint8_t bytes[97]; uint16_t h[53]; uint32_t keys[71];
    for (int i = 0; i < 97; i++) bytes[i] = (uint8_t)(i * 73 + 5);
    for (int i = 0; i < 53; i++) h[i] = (uint16_t)(i * 1237u + 9);
    for (int i = 0; i < 71; i++) keys[i] = (uint32_t)i * 3266489917u + 374761393u;
    printf("sub %08x %08x table10 %08x\n", sub_bytes(bytes, 97, 0x1234), sub_bytes(bytes + 3, 1, 0xff), table10(h, 53));
    printf("probe %08x %08x top %08x\n", probe(keys, 71, 63), probe(keys, 71, 0x21), top_bit(keys, 71));
    printf("fsum %a negative %d fields %08x\n", fsum(keys, 71), negative(keys, 71), fields(keys, 71));
    printf("signed %d ring %08x %08x\n", signed_table(keys, 71), ring(keys, 71, 13), ring(keys, 0, 2));
    return 0;
}
