/* 16-bit arithmetic: short/unsigned short ops, division, shifts, promotion edge cases */
#include <stdio.h>
#include <stdint.h>
static volatile int16_t S[] = { 0, 1, -1, 32767, -32768, 1000, -1000, 12345, -3, 256 };
static volatile uint16_t U[] = { 0, 1, 65535, 32768, 32767, 50000, 7, 4096, 65000, 3 };
int main(void) {
    uint32_t h = 0;
    int64_t sum = 0;
    for (int i = 0; i < 10; i++)
        for (int j = 0; j < 10; j++) {
            int16_t a = S[i], b = S[j]; uint16_t c = U[i], d = U[j];
            int16_t r[8]; uint16_t q[8];
            r[0] = (int16_t)(a + b); r[1] = (int16_t)(a - b); r[2] = (int16_t)(a * b);
            r[3] = (b && !(a == -32768 && b == -1)) ? a / b : 7;
            r[4] = (b && !(a == -32768 && b == -1)) ? a % b : 7;
            r[5] = a >> (j % 16); r[6] = (int16_t)((uint16_t)a << (i % 16)); r[7] = a & b ^ (a | b);
            q[0] = c + d; q[1] = c - d; q[2] = c * d; q[3] = d ? c / d : 9; q[4] = d ? c % d : 9;
            q[5] = c >> (j % 16); q[6] = (uint16_t)(c << (i % 16)); q[7] = (uint16_t)(c * 3u + d * 5u);
            for (int k = 0; k < 8; k++) { h = h * 31 + (uint16_t)r[k]; h = h * 37 + q[k]; sum += r[k] + q[k]; }
        }
    printf("h %08x sum %lld\n", h, (long long)sum);
    int16_t x = 1; for (int i = 0; i < 20; i++) { x = (int16_t)(x * 3 + 1); printf("%d ", x); }
    printf("\n");
    uint16_t y = 0xBEEF; printf("%04x %04x %04x\n", (uint16_t)(y << 4 | y >> 12), (uint16_t)~y, (uint16_t)-y);
    return (int)(h % 200);
}
