/* @O3 __builtin_*_overflow (sadd/uadd/ssub/usub/smul/umul.with.overflow) at 8..64 bits and mixed types; extractvalue */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>
static volatile int32_t V[] = { 0, 1, -1, 2, 1000, 46341, -46341, 65536, INT_MAX, INT_MIN, INT_MAX / 2 + 1, -7 };
int main(void) {
    unsigned h = 0; int n = sizeof V / sizeof *V, over = 0;
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
        int32_t a = V[i], b = V[j], r; uint32_t ur; int8_t r8; uint16_t r16; int64_t r64; uint64_t u64;
        int o1 = __builtin_add_overflow(a, b, &r); h = h * 3 + o1 + (unsigned)r;
        int o2 = __builtin_sub_overflow(a, b, &r); h = h * 3 + o2 + (unsigned)r;
        int o3 = __builtin_mul_overflow(a, b, &r); h = h * 3 + o3 + (unsigned)r;
        int o4 = __builtin_add_overflow((uint32_t)a, (uint32_t)b, &ur); h = h * 3 + o4 + ur;
        int o5 = __builtin_sub_overflow((uint32_t)a, (uint32_t)b, &ur); h = h * 3 + o5 + ur;
        int o6 = __builtin_umul_overflow((uint32_t)a, (uint32_t)b, &ur); h = h * 3 + o6 + ur;
        int o7 = __builtin_add_overflow((int8_t)a, (int8_t)b, &r8); h = h * 3 + o7 + (uint8_t)r8;
        int o8 = __builtin_mul_overflow((uint16_t)a, (uint16_t)b, &r16); h = h * 3 + o8 + r16;
        int o9 = __builtin_add_overflow((int64_t)a << 32, (int64_t)b << 31, &r64); h = h * 3 + o9 + (unsigned)(r64 >> 20);
        int o10 = __builtin_sub_overflow((uint64_t)(uint32_t)a << 32, (uint64_t)(uint32_t)b << 33, &u64); h = h * 3 + o10 + (unsigned)(u64 >> 30);
        int o11 = __builtin_add_overflow(a, (uint32_t)b, &r); h = h * 3 + o11 + (unsigned)r; /* mixed signedness */
        over += o1 + o2 + o3 + o4 + o5 + o6 + o7 + o8 + o9 + o10 + o11;
        if (i == j) printf("%d: %d%d%d%d%d%d%d%d%d%d%d\n", a, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11);
    }
    unsigned long long fact = 1; int k = 1; while (!__builtin_umulll_overflow(fact, k, &fact)) k++;
    printf("h %08x overflows %d 64-bit factorial overflows at %d\n", h, over, k);
    return over & 0x7f;
}
