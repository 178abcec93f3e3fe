/* @O3 source idioms LLVM turns into intrinsics at -O2/-O3: saturating add/sub (uadd.sat...), min/max/abs
   (smin/umax/abs, also on vectors after vectorisation), rotates (fshl/fshr), byte swaps, bit-count loops (ctpop),
   memset/memcpy loops, reductions of i8/i16/i64/float arrays, interleaved and strided loops, select-heavy loops */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#define N 203
static uint8_t u8a[N], u8b[N]; static int16_t s16[N]; static int32_t s32[N], t32[N]; static int64_t s64[N]; static float fl[N]; static uint32_t u32[N];
static uint8_t sat_add8(uint8_t a, uint8_t b) { uint8_t s = a + b; return s < a ? 255 : s; }
static uint8_t sat_sub8(uint8_t a, uint8_t b) { return a > b ? a - b : 0; }
static uint16_t sat_add16(uint16_t a, uint16_t b) { uint32_t s = (uint32_t)a + b; return s > 65535 ? 65535 : (uint16_t)s; }
static uint32_t sat_add32(uint32_t a, uint32_t b) { uint32_t s = a + b; return s < a ? 0xffffffffu : s; }
static int32_t sat_adds32(int32_t a, int32_t b) { int64_t s = (int64_t)a + b; return s > INT32_MAX ? INT32_MAX : s < INT32_MIN ? INT32_MIN : (int32_t)s; }
static uint32_t bswap_idiom(uint32_t x) { return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24); }
static uint64_t bswap64_idiom(uint64_t x) { uint64_t r = 0; for (int i = 0; i < 8; i++) r |= ((x >> (8 * i)) & 0xff) << (56 - 8 * i); return r; }
static int popcount_loop(uint32_t x) { int c = 0; while (x) { x &= x - 1; c++; } return c; }
static uint32_t rotl(uint32_t x, unsigned r) { return (x << (r & 31)) | (x >> ((32 - r) & 31)); }
static uint64_t rotr64(uint64_t x, unsigned r) { return (x >> (r & 63)) | (x << ((64 - r) & 63)); }
int main(void) {
    for (int i = 0; i < N; i++) { u8a[i] = (uint8_t)(i * 37); u8b[i] = (uint8_t)(i * 91 + 7); s16[i] = (int16_t)(i * 1000 - 90000); s32[i] = i * 123456789; t32[i] = (i - 100) * 7; s64[i] = (int64_t)i * -98765432101LL; fl[i] = (float)(i % 17) - 8.5f; u32[i] = i * 2654435761u; }
    uint32_t h = 0;
    for (int i = 0; i < N; i++) h = h * 31 + sat_add8(u8a[i], u8b[i]) + sat_sub8(u8a[i], u8b[i]) * 7 + sat_add16((uint16_t)s16[i], (uint16_t)s32[i]) + sat_add32(u32[i], (uint32_t)s32[i]) + (uint32_t)sat_adds32(s32[i], s32[N - 1 - i]);
    printf("sat %u\n", h);
    uint8_t out8[N]; for (int i = 0; i < N; i++) out8[i] = sat_add8(u8a[i], u8b[i]);
    int16_t mx[N]; for (int i = 0; i < N; i++) { int16_t a = s16[i], b = (int16_t)(s16[N - 1 - i] / 3); mx[i] = a > b ? a : b; }
    int32_t ab[N], mn[N]; for (int i = 0; i < N; i++) { ab[i] = s32[i] < 0 ? -s32[i] : s32[i]; mn[i] = (uint32_t)s32[i] < u32[i] ? s32[i] : (int32_t)u32[i]; }
    h = 0; for (int i = 0; i < N; i++) h = h * 33 + out8[i] + (uint16_t)mx[i] + (uint32_t)ab[i] + (uint32_t)mn[i];
    printf("vec minmax/abs %u\n", h);
    h = 0; for (int i = 0; i < N; i++) h += bswap_idiom(u32[i]) ^ rotl(u32[i], i) ^ (uint32_t)popcount_loop(u32[i]) ^ (uint32_t)(bswap64_idiom((uint64_t)s64[i]) >> 7) ^ (uint32_t)rotr64((uint64_t)s64[i], i);
    printf("bits %u\n", h);
    int sum8 = 0; unsigned usum8 = 0; int sum16 = 0; int64_t sum64 = 0; float sumf = 0; int64_t dot = 0;
    for (int i = 0; i < N; i++) { sum8 += (int8_t)u8a[i]; usum8 += u8b[i]; sum16 += s16[i]; sum64 += s64[i]; sumf += fl[i]; dot += (int64_t)s32[i] * t32[i]; }
    printf("reduce %d %u %d %lld %g %lld\n", sum8, usum8, sum16, (long long)sum64, sumf, (long long)dot);
    int32_t inter[2 * N]; for (int i = 0; i < N; i++) { inter[2 * i] = s32[i] + 1; inter[2 * i + 1] = t32[i] - 1; }
    int64_t is = 0; for (int i = 0; i < N; i++) is += (int64_t)inter[2 * i] * 3 - inter[2 * i + 1];
    printf("interleave %lld\n", (long long)is);
    char buf[N]; memset(buf, 0, sizeof buf); for (int i = 0; i < N; i++) buf[i] = 'a' + i % 26; char cp[N]; for (int i = 0; i < N; i++) cp[i] = buf[i];
    int z[N]; for (int i = 0; i < N; i++) z[i] = 0;
    printf("copy %.*s %d\n", 30, cp + 100, z[N - 1]);
    int cnt = 0; float fmx = -1e30f; for (int i = 0; i < N; i++) { cnt += fl[i] > 0.0f; fmx = fl[i] > fmx ? fl[i] : fmx; }
    unsigned umx = 0; int smn = INT32_MAX; for (int i = 0; i < N; i++) { umx = u32[i] > umx ? u32[i] : umx; smn = s32[i] < smn ? s32[i] : smn; }
    uint8_t m8 = 255; for (int i = 0; i < N; i++) m8 = u8a[i] < m8 ? u8a[i] : m8;
    printf("select %d %g %u %d %u\n", cnt, fmx, umx, smn, m8);
    return 0;
}
