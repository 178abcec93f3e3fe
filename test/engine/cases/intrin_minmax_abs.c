/* @O3 smin/smax/umin/umax/abs patterns on i8..i64 (clang emits llvm.smax etc. at O2), including INT_MIN handling */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
static volatile int64_t V[] = { 0, 5, -5, 127, -128, 255, 32767, -32768, 0x7fffffff, -0x7fffffffLL, 0x123456789LL, -0x123456789LL, 1 };
int main(void) {
    uint64_t h = 0; int n = sizeof V / sizeof *V;
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
        int8_t a8 = V[i], b8 = V[j]; uint8_t c8 = V[i], d8 = V[j]; int16_t a16 = V[i], b16 = V[j]; int32_t a = V[i], b = V[j]; uint32_t c = V[i], d = V[j]; int64_t a64 = V[i], b64 = V[j]; uint64_t c64 = V[i], d64 = V[j];
        h = h * 7 + (uint8_t)MIN(a8, b8) + MAX(c8, d8) + (uint16_t)MAX(a16, b16) + (uint32_t)MIN(a, b) + MAX(c, d) + (uint64_t)MAX(a64, b64) + MIN(c64, d64);
        h = h * 7 + (uint32_t)abs(a == INT32_MIN ? 0 : a) + (uint64_t)llabs(a64) + (uint8_t)(a8 < 0 ? -a8 : a8) + (uint16_t)(a16 < 0 ? -a16 : a16);
    }
    int32_t arr[100]; for (int i = 0; i < 100; i++) arr[i] = (i * 7919) % 200 - 100;
    int32_t lo = arr[0], hi = arr[0]; int64_t sa = 0; for (int i = 0; i < 100; i++) { lo = MIN(lo, arr[i]); hi = MAX(hi, arr[i]); sa += abs(arr[i]); }
    int clampsum = 0; for (int i = 0; i < 100; i++) clampsum += MAX(-10, MIN(10, arr[i]));
    printf("h %016llx lo %d hi %d sa %lld clamp %d labs %ld\n", (unsigned long long)h, lo, hi, (long long)sa, clampsum, labs(-123456L));
    return (int)(h & 0x7f);
}
