#include <stdio.h>
volatile int vs[] = { 0, 1, -1, 7, -7, 13, 2147483647, -2147483647 - 1, 100000, -3 };
volatile unsigned vu[] = { 0, 1, 0xffffffffu, 7, 0x80000000u, 13, 12345678, 3 };
int main(void) {
    unsigned h = 0;
    for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) {
        int a = vs[i], b = vs[j];
        int r[10] = { a + b, a - b, a * b, b && !(a == -2147483647 - 1 && b == -1) ? a / b : 0,
                      b && !(a == -2147483647 - 1 && b == -1) ? a % b : 0, a << (b & 31), a >> (b & 31),
                      a & b, a | b, a ^ b };
        for (int k = 0; k < 10; k++) { h = h * 31 + (unsigned)r[k]; }
        if (i < 3 && j < 3) printf("%d %d: %d %d %d %d %d %d %d\n", a, b, r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
    }
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) {
        unsigned a = vu[i], b = vu[j];
        unsigned r[6] = { a + b, a * b, b ? a / b : 0, b ? a % b : 0, a >> (b & 31), a << (b & 31) };
        for (int k = 0; k < 6; k++) h = h * 17 + r[k];
        h ^= (a < b) | (a <= b) << 1 | (a > b) << 2 | (a >= b) << 3 | (a == b) << 4;
        int sa = (int)a, sb = (int)b;
        h ^= ((sa < sb) | (sa <= sb) << 1 | (sa > sb) << 2 | (sa >= sb) << 3) << 8;
    }
    printf("hash %u\n", h);
    return h % 101;
}
