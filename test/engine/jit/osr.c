/* On-stack replacement: main is entered once and spends its time in one loop,
 * so only OSR at the loop header makes it native. Many values are live across
 * the header: integers of several widths, i64, float, double, pointers into a
 * static array and into locals (GEPs the interpreter folds into its loads). */
#include <stdint.h>
#include <stdio.h>

static int table[64];

int main(void) {
    int64_t acc = 1;
    double d = 0.5;
    float f = 2.0f;
    unsigned char c = 7;
    short h = -3;
    uint32_t u = 0xdeadbeefu;
    int local[16];
    int *p = &table[5], *q = &local[3];
#pragma clang loop vectorize(disable)
    for (int i = 0; i < 64; i++) table[i] = i * i - 100;
#pragma clang loop vectorize(disable)
    for (int i = 0; i < 16; i++) local[i] = 3 * i + 1;
    int s = 0;
#pragma clang loop vectorize(disable) unroll(disable)
    for (int it = 0; it < 300000; it++) {
        acc = acc * 6364136223846793005LL + 1442695040888963407LL;
        d = d * 0.999 + (double)(acc & 0xff) / 256.0;
        f += (float)(it & 7) * 0.25f;
        c = (unsigned char)(c * 13 + it);
        h = (short)(h * 3 + (it & 15));
        u = (u << 5) ^ (u >> 3) ^ (uint32_t)it;
        s += table[it & 63] ^ c;
        s += p[it & 31] - q[it & 7] + local[it & 15];
    }
    printf("%lld %.6f %.3f %u %d %u %d\n", (long long)acc, d, f, c, h, u, s);
    return (s >> 3) & 127;
}
