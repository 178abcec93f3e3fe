/* @O3 8-bit integer arithmetic: wraparound, promotions, signed/unsigned char */
#include <stdio.h>
#include <stdint.h>
static volatile int8_t vs[] = { 0, 1, -1, 127, -128, 100, -100, 55, -7, 64 };
static volatile uint8_t vu[] = { 0, 1, 255, 128, 127, 200, 17, 99, 250, 3 };
int main(void) {
    uint32_t h = 2166136261u;
    for (int i = 0; i < 10; i++)
        for (int j = 0; j < 10; j++) {
            int8_t a = vs[i], b = vs[j];
            uint8_t c = vu[i], d = vu[j];
            int8_t s1 = (int8_t)(a + b), s2 = (int8_t)(a - b), s3 = (int8_t)(a * b);
            uint8_t u1 = c + d, u2 = c - d, u3 = c * d;
            uint8_t u4 = d ? c / d : 0, u5 = d ? c % d : 0;
            int8_t s4 = (b && !(a == -128 && b == -1)) ? a / b : 0;
            int8_t s5 = (b && !(a == -128 && b == -1)) ? a % b : 0;
            int8_t s6 = (int8_t)(a << (j & 7)), s7 = a >> (j & 7);
            uint8_t u6 = c << (i & 7), u7 = c >> (i & 7);
            int8_t s8 = ~a, s9 = (int8_t)-a;
            int vals[] = { s1, s2, s3, s4, s5, s6, s7, s8, s9, u1, u2, u3, u4, u5, u6, u7, a < b, c < d, (int8_t)c < (int8_t)d };
            for (unsigned k = 0; k < sizeof vals / sizeof *vals; k++) h = (h ^ (uint32_t)vals[k]) * 16777619u;
            if (i == j) printf("%d %d: %d %d %d %d %d | %u %u %u %u %u\n", a, b, s1, s2, s3, s6, s8, u1, u2, u3, u6, u7);
        }
    int8_t acc = 0; uint8_t uacc = 0;
    for (int i = 0; i < 1000; i++) { acc = (int8_t)(acc + 37); uacc = (uint8_t)(uacc * 3 + 1); }
    printf("acc %d %u hash %08x\n", acc, uacc, h);
    return (uint8_t)(h & 0x3f);
}
