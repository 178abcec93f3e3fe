/* MD5 (RFC 1321) digests of test vectors plus a 64-bit xorshift-multiply mixer; little-endian word loads */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static const uint32_t T[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391 };
static const int S[64] = { 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                           4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21 };
static void md5(const uint8_t *msg, size_t len, uint8_t out[16]) {
    uint32_t h[4] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 };
    size_t total = ((len + 8) / 64 + 1) * 64; uint8_t blk[64];
    for (size_t off = 0; off < total; off += 64) {
        for (int i = 0; i < 64; i++) { size_t k = off + i; blk[i] = k < len ? msg[k] : k == len ? 0x80 : 0; }
        if (off + 64 == total) { uint64_t bits = (uint64_t)len * 8; memcpy(blk + 56, &bits, 8); }
        uint32_t w[16]; memcpy(w, blk, 64);
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
        for (int i = 0; i < 64; i++) {
            uint32_t f; int g;
            if (i < 16) { f = (b & c) | (~b & d); g = i; } else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
            else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; } else { f = c ^ (b | ~d); g = (7 * i) % 16; }
            uint32_t t = d; d = c; c = b; uint32_t x = a + f + T[i] + w[g]; b = b + (x << S[i] | x >> (32 - S[i])); a = t;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    }
    memcpy(out, h, 16);
}
static uint64_t mix64(uint64_t z) { z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull; z = (z ^ (z >> 27)) * 0x94d049bb133111ebull; return z ^ (z >> 31); }
int main(void) {
    const char *v[] = { "", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz", "12345678901234567890123456789012345678901234567890123456789012345678901234567890" };
    uint8_t o[16];
    for (int i = 0; i < 6; i++) { md5((const uint8_t *)v[i], strlen(v[i]), o); for (int k = 0; k < 16; k++) printf("%02x", o[k]); printf("  \"%.20s\"\n", v[i]); }
    uint64_t s = 0; for (int i = 0; i < 100000; i++) s += mix64(i);
    printf("splitmix sum %016llx\n", (unsigned long long)s);
    return o[15] & 0x7f;
}
