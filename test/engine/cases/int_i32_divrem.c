/* @O3 32-bit division and remainder: signs, powers of two, constants (magic multiplies at O2) */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>
static volatile int vals[] = { 0, 1, -1, 2, -2, 3, 7, -7, 10, 100, -100, 12345, -98765, INT_MAX, INT_MIN, INT_MAX - 1, INT_MIN + 1, 65536, -65537 };
#define N (int)(sizeof vals / sizeof *vals)
int main(void) {
    uint32_t h = 1;
    for (int i = 0; i < N; i++) {
        int a = vals[i];
        int c[] = { a / 2, a % 2, a / 3, a % 3, a / 7, a % 7, a / 10, a % 10, a / 16, a % 16, a / -5, a % -5, a / 1000, a % 1000 };
        unsigned ua = (unsigned)a;
        unsigned u[] = { ua / 2, ua % 2, ua / 3, ua % 3, ua / 7, ua % 7, ua / 10, ua % 10, ua / 16, ua % 16, ua / 1000000007u, ua % 641u };
        for (int k = 0; k < 14; k++) h = h * 1000003u ^ (unsigned)c[k];
        for (int k = 0; k < 12; k++) h = h * 1000003u ^ u[k];
        printf("%d: /3=%d %%3=%d /-5=%d %%-5=%d u/7=%u u%%10=%u\n", a, c[2], c[3], c[10], c[11], u[4], u[7]);
        for (int j = 0; j < N; j++) {
            int b = vals[j];
            if (b == 0 || (a == INT_MIN && b == -1)) continue;
            h = h * 33 + (unsigned)(a / b); h = h * 33 + (unsigned)(a % b);
            h = h * 33 + ua / (unsigned)b; h = h * 33 + ua % (unsigned)b;
        }
    }
    printf("hash %08x\n", h);
    return h % 100;
}
