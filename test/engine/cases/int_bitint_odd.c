/* Odd integer widths via _BitInt: i3, i7, i17, i24, i33, i48, i63 wrap, sign-extend and compare */
#include <stdio.h>
typedef signed _BitInt(3) s3; typedef unsigned _BitInt(3) u3;
typedef signed _BitInt(7) s7; typedef unsigned _BitInt(17) u17; typedef signed _BitInt(17) s17;
typedef unsigned _BitInt(24) u24; typedef signed _BitInt(33) s33; typedef unsigned _BitInt(33) u33;
typedef unsigned _BitInt(48) u48; typedef signed _BitInt(63) s63;
static volatile int inputs[] = { 0, 1, 2, 3, 5, -1, -4, 100, 65535, 131071, -70000, 123456789 };
int main(void) {
    unsigned long long h = 0;
    for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        int v = inputs[i];
        s3 a = (s3)v; u3 b = (u3)v; s7 c = (s7)v; u17 d = (u17)v; s17 e = (s17)v; u24 f = (u24)v;
        s33 g = (s33)v * 3; u33 k = (u33)v * 5u; u48 m = (u48)v * 1000003u; s63 n = (s63)v * -77777;
        a = a + 3; b = b * 3; c = c * c; d = d * 7 + 1; e = e - 40000; f = f << 5; g = g * g; k = k + k; m = m * m; n = n * n;
        printf("%d: %d %u %d %u %d %u %lld %llu %llu %lld | %d %d\n", v, (int)a, (unsigned)b, (int)c, (unsigned)d, (int)e, (unsigned)f,
               (long long)g, (unsigned long long)k, (unsigned long long)m, (long long)n, a < (s3)1, e > (s17)0);
        h = h * 131 + (unsigned long long)(long long)g + k + m + (unsigned long long)(long long)n + d + f;
        if (d) h ^= (unsigned long long)(f / d) + (unsigned long long)(k % (d | 1));
        h += (unsigned long long)(long long)(e >> 3) + (unsigned long long)(long long)(c / (s7)3);
    }
    printf("h %llx\n", h);
    return (int)(h % 97);
}
