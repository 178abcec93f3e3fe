/* @O3 64-bit arithmetic on a 32-bit target: mul, div, rem, shifts by variable amounts, compares */
#include <stdio.h>
#include <stdint.h>
static volatile int64_t V[] = { 0, 1, -1, 0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1, 0x100000000LL, -0x100000000LL, 0xdeadbeefcafeLL, 1234567890123LL, -987654321LL, 3, -3, 0xffffffffLL };
#define N (int)(sizeof V / sizeof *V)
int main(void) {
    uint64_t h = 14695981039346656037ull;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int64_t a = V[i], b = V[j]; uint64_t ua = a, ub = b;
            uint64_t r[12];
            r[0] = ua + ub; r[1] = ua - ub; r[2] = ua * ub;
            r[3] = ub ? ua / ub : 1; r[4] = ub ? ua % ub : 2;
            r[5] = (b && !(b == -1 && a == V[4])) ? (uint64_t)(a / b) : 3;
            r[6] = (b && !(b == -1 && a == V[4])) ? (uint64_t)(a % b) : 4;
            r[7] = ua << (j * 5 % 64); r[8] = ua >> (j * 7 % 64); r[9] = (uint64_t)(a >> (j * 11 % 64));
            r[10] = (a < b) | (ua < ub) << 1 | (a == b) << 2 | (a >= b) << 3 | (ua >= ub) << 4;
            r[11] = a > b ? ua : ub;
            for (int k = 0; k < 12; k++) { h ^= r[k]; h *= 1099511628211ull; }
        }
    printf("hash %016llx\n", (unsigned long long)h);
    int64_t f = 1; for (int i = 1; i <= 20; i++) { f *= i; printf("%d! = %lld\n", i, (long long)f); }
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 5; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; printf("xs %llu %llx\n", (unsigned long long)x, (unsigned long long)(x % 1000003)); }
    return (int)(h >> 58);
}
