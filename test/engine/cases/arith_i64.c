#include <stdio.h>
#include <stdint.h>
volatile int64_t vs[] = { 0, 1, -1, 7, -7, 1LL << 40, INT64_MAX, INT64_MIN, 123456789012LL, -3 };
volatile uint64_t vu[] = { 0, 1, UINT64_MAX, 7, 1ULL << 63, 0xdeadbeefcafeULL, 3 };
int main(void) {
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) {
        int64_t a = vs[i], b = vs[j];
        int ok = b && !(a == INT64_MIN && b == -1);
        int64_t r[10] = { a + b, a - b, a * b, ok ? a / b : 0, ok ? a % b : 0, a << (b & 63), a >> (b & 63), a & b, a | b, a ^ b };
        for (int k = 0; k < 10; k++) h = (h ^ (uint64_t)r[k]) * 1099511628211ULL;
        h += (a < b) + 2 * (a <= b) + 4 * (a == b);
    }
    for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) {
        uint64_t a = vu[i], b = vu[j];
        uint64_t r[4] = { b ? a / b : 0, b ? a % b : 0, a >> (b & 63), a * b };
        for (int k = 0; k < 4; k++) h = (h ^ r[k]) * 1099511628211ULL;
        h += (a < b) + 2 * (a >= b);
    }
    printf("%lld %llu %llx\n", (long long)vs[7], (unsigned long long)vu[2], (unsigned long long)h);
    printf("%lld\n", (long long)(vs[5] * 3 / 7));
    return (int)(h % 97);
}
