/* @O3 all ten integer predicates on i8, i16, i32, i64 boundary values; compare results used as values */
#include <stdio.h>
#include <stdint.h>
#define PRED(T, UT, a, b) ((a == b) | (a != b) << 1 | ((UT)a > (UT)b) << 2 | ((UT)a >= (UT)b) << 3 | ((UT)a < (UT)b) << 4 | \
    ((UT)a <= (UT)b) << 5 | ((T)a > (T)b) << 6 | ((T)a >= (T)b) << 7 | ((T)a < (T)b) << 8 | ((T)a <= (T)b) << 9)
static volatile int64_t V[] = { 0, 1, -1, 127, 128, -128, 255, 32767, -32768, 65535, 0x7fffffff, -0x7fffffffLL - 1, 0xffffffffLL,
                                0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1, 42 };
int main(void) {
    uint32_t h8 = 0, h16 = 0, h32 = 0, h64 = 0; int n = sizeof V / sizeof *V;
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
        int8_t a8 = V[i], b8 = V[j]; int16_t a16 = V[i], b16 = V[j]; int32_t a32 = V[i], b32 = V[j]; int64_t a64 = V[i], b64 = V[j];
        h8 = h8 * 3 + PRED(int8_t, uint8_t, a8, b8);
        h16 = h16 * 3 + PRED(int16_t, uint16_t, a16, b16);
        h32 = h32 * 3 + PRED(int32_t, uint32_t, a32, b32);
        h64 = h64 * 3 + PRED(int64_t, uint64_t, a64, b64);
        if (i == 2) printf("%d ", PRED(int32_t, uint32_t, a32, b32));
    }
    printf("\n%08x %08x %08x %08x\n", h8, h16, h32, h64);
    int cnt = 0; for (int i = 0; i < n; i++) cnt += (V[i] > 0) - (V[i] < 0) + ((uint64_t)V[i] > 1000);
    printf("cnt %d\n", cnt);
    return (h8 + h16 + h32 + h64) & 0xff;
}
