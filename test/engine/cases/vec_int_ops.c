/* @O3 explicit integer vectors: <4 x i32>, <8 x i16>, <16 x i8>, <2 x i64>: wrap, shifts, compares, bitwise, shuffles */
#include <stdio.h>
#include <stdint.h>
typedef int32_t i4 __attribute__((vector_size(16)));
typedef uint32_t u4 __attribute__((vector_size(16)));
typedef int16_t s8 __attribute__((vector_size(16)));
typedef uint8_t b16 __attribute__((vector_size(16)));
typedef int64_t l2 __attribute__((vector_size(16)));
int main(void) {
    i4 a = { 1, -2, 0x7fffffff, -100 }, b = { 3, 5, 1, -7 };
    u4 h = { 1, 2, 3, 4 };
    for (int i = 0; i < 50; i++) {
        a = a * b + (i4){ i, -i, 1, 2 };
        i4 m = a < b;
        b = (b ^ (a >> 3)) + (m & 1);
        h = h * 31u + (u4)a;
        h = (h << 5) | (h >> 27);
    }
    printf("a %d %d %d %d\nh %08x %08x %08x %08x\n", a[0], a[1], a[2], a[3], h[0], h[1], h[2], h[3]);
    s8 s = { 1, 2, 3, 4, 5, 6, 7, 8 }, t = { 30000, -30000, 100, -100, 7, -7, 0, 1 };
    for (int i = 0; i < 10; i++) { s = s * t + s; t = t >> 1; t[i & 7] += (int16_t)i; }
    for (int i = 0; i < 8; i++) printf("%d ", s[i]);
    printf("\n");
    b16 c; for (int i = 0; i < 16; i++) c[i] = (uint8_t)(i * 17);
    b16 d = c + c; b16 e = __builtin_shufflevector(c, d, 15, 14, 13, 12, 11, 10, 9, 8, 16, 18, 20, 22, 24, 26, 28, 30); b16 f = (e > c) & 0x0f;
    unsigned sum = 0; for (int i = 0; i < 16; i++) sum = sum * 3 + e[i] + f[i];
    printf("bytes %u\n", sum);
    l2 l = { 1LL << 40, -5 }; for (int i = 0; i < 10; i++) l = l * 3 + (l >> 7); printf("l2 %lld %lld\n", (long long)l[0], (long long)l[1]);
    i4 rev = __builtin_shufflevector(a, a, 3, 2, 1, 0); i4 ins = a; ins[2] = 99;
    printf("rev %d ins %d %d\n", rev[0], ins[2], ins[3]);
    return (int)(h[0] & 0x7f);
}
