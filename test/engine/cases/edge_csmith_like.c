/* @O3 generated-program style: mixed-width globals (some volatile), safe arithmetic wrappers, nested loops
   with narrowing stores, comma and conditional chains, a checksum of every global at the end */
#include <stdio.h>
#include <stdint.h>
static int8_t g1 = -3; static uint8_t g2 = 0xFE; static volatile int16_t g3 = 0x7FF0; static uint16_t g4 = 1;
static int32_t g5 = -1; static volatile uint32_t g6 = 0x80000001u; static int64_t g7 = 0x7FFFFFFFFFFFFFF0LL; static uint64_t g8 = 3;
static int32_t g9[4][3] = { { 1, -2, 3 }, { -4, 5, -6 }, { 7, -8, 9 }, { -10, 11, -12 } };
static struct { int8_t a; uint32_t b : 13; int32_t c : 19; uint16_t d; } g10 = { 5, 4095, -262144, 7 };
static uint32_t crc;
static void mix(uint64_t v) { for (int i = 0; i < 8; i++) { crc ^= (uint8_t)(v >> (8 * i)); for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1)); } }
static int32_t safe_add(int32_t a, int32_t b) { return ((a > 0) && (b > INT32_MAX - a)) || ((a < 0) && (b < INT32_MIN - a)) ? a : a + b; }
static int32_t safe_mul(int32_t a, int32_t b) { int64_t r = (int64_t)a * b; return r > INT32_MAX || r < INT32_MIN ? a : (int32_t)r; }
static int32_t safe_div(int32_t a, int32_t b) { return b == 0 || (a == INT32_MIN && b == -1) ? a : a / b; }
static int32_t safe_mod(int32_t a, int32_t b) { return b == 0 || (a == INT32_MIN && b == -1) ? a : a % b; }
static int32_t safe_shl(int32_t a, unsigned s) { return a < 0 || s >= 32 || a > (INT32_MAX >> s) ? a : a << s; }
static uint64_t safe_u64sub(uint64_t a, uint64_t b) { return a - b; }
static int16_t safe_neg16(int16_t a) { return a == INT16_MIN ? a : -a; }
static int8_t f2(uint16_t p1, int64_t p2) {
    for (g4 = 0; g4 < 9; g4 += 2) {
        g1 = (int8_t)safe_add(g1, (int32_t)(p2 >> 60));
        g5 = safe_mul(g5, (g4 | 1)) ^ (int32_t)g6;
        g9[g4 % 4][g4 % 3] = safe_mod(g5, g9[(g4 + 1) % 4][(g4 + 2) % 3] | 1);
        if ((g2 = (uint8_t)(g2 + p1)) > 0x80) { g3 = safe_neg16(g3); continue; }
        g8 = safe_u64sub(g8, (uint64_t)g7) * 0x9E3779B97F4A7C15ull;
    }
    return (int8_t)(g1 + (g10.c >> 3));
}
static uint32_t f1(int32_t p) {
    int32_t l = 7; uint8_t lu = 200;
    for (int i = 0; i < 37; i++) {
        l = safe_div(safe_shl(l & 0x3ff, i & 15), (int32_t)(g6 >> (i & 31)) | 1);
        lu = (uint8_t)(lu * 3 + (l, g2) + (i ? g1 : 0));
        g10.b = g10.b + lu; g10.c = g10.c - (lu << 5); g10.a ^= (int8_t)l;
        g7 = (g7 >> 1) ^ ((int64_t)(int8_t)f2(lu, g7 + i) << 33);
        if (g10.c < 0 && (g3 & 1)) break;
        p = (p > 0 ? p : -p + 1) % 1000003 * 31 + (g10.d++ & 0xf);
    }
    return (uint32_t)(p ^ l ^ lu);
}
int main(void) {
    uint32_t r = 0;
    for (int k = 0; k < 40; k++) r = r * 17 + f1(k * 99991);
    mix((uint64_t)(int64_t)g1); mix(g2); mix((uint64_t)(int64_t)g3); mix(g4); mix((uint64_t)(int64_t)g5); mix(g6); mix((uint64_t)g7); mix(g8);
    for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) mix((uint64_t)(int64_t)g9[i][j]);
    mix((uint64_t)(int64_t)g10.a); mix(g10.b); mix((uint64_t)(int64_t)g10.c); mix(g10.d);
    printf("checksum = %08X r = %u g7 = %lld g8 = %llu g10.c = %d\n", crc, r, (long long)g7, (unsigned long long)g8, g10.c);
    return 0;
}
