/* _Bool / i1: logical ops, conversions, bool arrays, short-circuit side effects */
#include <stdio.h>
#include <stdbool.h>
static int calls;
static bool t(int x) { calls++; return x & 1; }
static volatile int src[] = { 0, 3, -1, 8, 0, 5, 2, 1 };
int main(void) {
    bool b[8]; int n = 0;
    for (int i = 0; i < 8; i++) b[i] = src[i];
    for (int i = 0; i < 8; i++) n = n * 2 + b[i];
    printf("bits %d\n", n);
    unsigned m = 0;
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) {
            bool x = b[i], y = b[j];
            m = m * 3 + (x && y) + 2 * (x || y) + 4 * (x != y) + 8 * (!x) + 16 * (x ^ y) + 32 * (x < y) + 64 * (x + y);
        }
    printf("m %u\n", m);
    int r = 0;
    for (int i = 0; i < 8; i++) { if (t(src[i]) && t(src[i] >> 1)) r++; if (t(src[i] + 1) || t(i)) r += 10; }
    printf("r %d calls %d\n", r, calls);
    bool z = 0.5, w = -0.0, q = (double)1e-300;
    printf("%d %d %d %d\n", z, w, q, (bool)256);
    return r + calls;
}
