/* @O3 __builtin_* bit operations at every width, bswap, expect, overflow checks with mixed types, parity, ffs,
   rotate idioms, __builtin_constant_p, unreachable-free assume, prefetch */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>
static volatile uint64_t vs[] = { 0, 1, 2, 3, 0x80, 0xff, 0x8000, 0xffff, 0x80000000u, 0xffffffffu, 0x100000000ull, 0x8000000000000000ull, 0xffffffffffffffffull, 0x0123456789abcdefull, 0xf0f0f0f00f0f0f0full };
int main(void) {
    for (unsigned i = 0; i < sizeof vs / sizeof *vs; i++) {
        uint64_t v = vs[i]; uint32_t w = (uint32_t)v; uint16_t h = (uint16_t)v;
        printf("%016llx pc %d %d %d par %d %d", (unsigned long long)v, __builtin_popcountll(v), __builtin_popcount(w), __builtin_popcount(h), __builtin_parityll(v), __builtin_parity(w));
        if (v) printf(" clzll %d ctzll %d", __builtin_clzll(v), __builtin_ctzll(v));
        if (w) printf(" clz %d ctz %d", __builtin_clz(w), __builtin_ctz(w));
        if (h) printf(" clzs %d ctzs %d", __builtin_clzs(h), __builtin_ctzs(h));
        printf(" ffs %d %d clrsb %d %d", __builtin_ffs((int)w), __builtin_ffsll((long long)v), __builtin_clrsb((int)w), __builtin_clrsbll((long long)v));
        printf(" bswap %04x %08x %016llx\n", __builtin_bswap16(h), __builtin_bswap32(w), (unsigned long long)__builtin_bswap64(v));
    }
    int r; long long rl; unsigned ur; unsigned char uc; short sr;
    const int as[] = { INT_MAX, INT_MIN, -1, 0, 1, 46341, -46341, 65536 };
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) {
        int o1 = __builtin_add_overflow(as[i], as[j], &r); int r1 = r;
        int o2 = __builtin_sub_overflow(as[i], as[j], &r); int r2 = r;
        int o3 = __builtin_mul_overflow(as[i], as[j], &r); int r3 = r;
        int o4 = __builtin_mul_overflow(as[i], as[j], &rl);
        int o5 = __builtin_add_overflow(as[i], as[j], &ur);
        int o6 = __builtin_mul_overflow(as[i], as[j], &uc);
        int o7 = __builtin_sub_overflow((unsigned)as[i], as[j], &sr);
        printf("%d%d%d%d%d%d%d %d %d %d %lld %u %u %d\n", o1, o2, o3, o4, o5, o6, o7, r1, r2, r3, rl, ur, uc, sr);
    }
    unsigned long long ua = 0xffffffffffffffffull, ub;
    printf("u64 add %d", __builtin_uaddll_overflow(ua, 1, &ub)); printf(" %llu", ub);
    long long sa = LLONG_MAX, sb; printf(" s64 mul %d", __builtin_smulll_overflow(sa, 2, &sb)); printf(" %lld", sb);
    printf(" s64 mul ok %d", __builtin_mul_overflow(3037000499LL, 3037000499LL, &sb)); printf(" %lld\n", sb);
    int hits = 0; for (int i = 0; i < 1000; i++) if (__builtin_expect(i % 97 == 0, 0)) hits++;
    printf("expect %d cp %d\n", hits, __builtin_constant_p(hits));
    uint32_t x = 0x12345678; uint64_t y = 0x0123456789abcdefull;
    for (int s = 0; s < 64; s += 7) printf("rot %08x %08x %016llx\n", (x << (s & 31)) | (x >> (-s & 31)), (x >> (s & 31)) | (x << (-s & 31)), (unsigned long long)((y << s) | (y >> (-s & 63))));
    int arr[64]; for (int i = 0; i < 64; i++) { __builtin_prefetch(&arr[i + 8 < 64 ? i + 8 : i]); arr[i] = i * i; }
    printf("prefetch %d abs %d %lld\n", arr[63], __builtin_abs(-5), __builtin_llabs(-5000000000LL));
    return 0;
}
