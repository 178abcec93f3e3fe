/* 128-bit integers (clang emits i128 for _BitInt(128)): add, sub, mul, shifts, compares, conversions */
#include <stdio.h>
#include <stdint.h>
typedef _BitInt(128) i128; typedef unsigned _BitInt(128) u128;
static void put(u128 v) { printf("%016llx%016llx", (unsigned long long)(v >> 64), (unsigned long long)v); }
static volatile uint64_t in[] = { 1, 0xffffffffffffffffull, 0x123456789abcdef0ull, 3, 0x8000000000000000ull };
int main(void) {
    u128 acc = 1, fib0 = 0, fib1 = 1;
    for (int i = 0; i < 5; i++) {
        u128 a = (u128)in[i] << 64 | in[(i + 1) % 5], b = (u128)in[(i + 2) % 5] * in[(i + 3) % 5];
        put(a + b); printf(" "); put(a - b); printf(" "); put(a * b); printf(" ");
        put(a >> (i * 17)); printf(" "); put(a << (i * 23 + 1)); printf(" "); put((u128)((i128)a >> 70));
        printf(" %d%d%d%d\n", a < b, (i128)a < (i128)b, a == b, a >= b);
        acc = acc * a + b;
    }
    for (int i = 0; i < 150; i++) { u128 t = fib0 + fib1; fib0 = fib1; fib1 = t; }
    printf("fib150 "); put(fib0); printf("\nacc "); put(acc); printf("\n");
    i128 neg = -(i128)1234567; printf("%lld %d\n", (long long)(neg * 1000), (int)(neg >> 100));
    printf("%llu\n", (unsigned long long)(fib0 ^ (fib0 >> 64)));
    return (int)(acc & 63);
}
