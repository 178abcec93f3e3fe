#include <stdio.h>
#include <stdint.h>
volatile int8_t s8[] = { 0, 1, -1, 127, -128, 55, -77 };
volatile uint8_t u8[] = { 0, 1, 255, 128, 200, 17 };
volatile int16_t s16[] = { 0, -1, 32767, -32768, 1234, -999 };
volatile uint16_t u16[] = { 0, 65535, 32768, 4321 };
int main(void) {
    unsigned h = 0;
    for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) {
        int8_t a = s8[i], b = s8[j];
        int8_t r1 = a + b, r2 = a * b, r3 = b ? (int8_t)(a / b) : 0, r4 = b ? (int8_t)(a % b) : 0, r5 = a >> (j & 7);
        h = h * 33 + (uint8_t)r1 + ((uint8_t)r2 << 8) + ((uint8_t)r3 << 16) + (uint8_t)r4 + (uint8_t)r5;
        h += (a < b) + (a > b) * 2;
    }
    for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
        uint8_t a = u8[i], b = u8[j];
        uint8_t r1 = a + b, r2 = a * b, r3 = b ? a / b : 0, r4 = a << (j & 7), r5 = a >> (j & 7);
        h = h * 33 + r1 + (r2 << 8) + (r3 << 16) + r4 + r5 + (a < b);
    }
    for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
        int16_t a = s16[i], b = s16[j];
        int16_t r1 = a + b, r2 = a * b, r3 = b ? (int16_t)(a / b) : 0;
        h = h * 7 + (uint16_t)r1 + (uint16_t)r2 + (uint16_t)r3 + (a <= b);
    }
    for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) {
        uint16_t a = u16[i], b = u16[j];
        uint16_t r1 = a - b, r2 = a * b;
        h = h * 7 + r1 + r2 + (a > b);
    }
    signed char c = -5; unsigned char d = c; short s = c; unsigned short us = c;
    printf("%d %u %d %u %d\n", c, d, s, us, (int)(char)200);
    _Bool t = s8[1], f = s8[0];
    printf("%d %d %d %d\n", t, f, t && !f, t ^ f);
    printf("%u\n", h);
    return h & 63;
}
