#include <stdio.h>
#include <stdint.h>
volatile double dv[] = { 0.0, 1.5, -1.5, 123456.789, -0.25, 4294967295.0, 2147483647.0, 1e10, -1e10 };
volatile float fv[] = { 0.0f, 2.75f, -2.75f, 65535.5f, 1e-3f, 3e9f };
volatile int64_t lv[] = { 0, -1, 1LL << 53, -(1LL << 40), 123456789 };
volatile uint64_t ulv[] = { 0, 1ULL << 63, 18446744073709551615ULL, 999 };
int main(void) {
    for (int i = 0; i < 9; i++) {
        double d = dv[i];
        int si = (d > -2147483648.0 && d < 2147483648.0) ? (int)d : 0;
        unsigned ui = (d >= 0 && d < 4294967296.0) ? (unsigned)d : 0;
        long long sl = (long long)d;
        unsigned long long ul = d >= 0 ? (unsigned long long)d : 0;
        float f = (float)d;
        printf("%d %u %lld %llu %.3f %d %d\n", si, ui, sl, ul, f, (signed char)si, (unsigned short)ui);
    }
    for (int i = 0; i < 6; i++) {
        float f = fv[i];
        printf("%d %u %lld %.6f %.2f\n", (int)(f < 2147483647.0f ? f : 0), (unsigned)(f >= 0 && f < 4294967296.0f ? f : 0), (long long)f, (double)f, f);
    }
    for (int i = 0; i < 5; i++) {
        int64_t l = lv[i];
        printf("%d %u %.1f %.1f %d %d\n", (int)l, (unsigned)l, (double)l, (float)l, (short)l, (signed char)l);
    }
    for (int i = 0; i < 4; i++) {
        uint64_t u = ulv[i];
        printf("%.1f %.1f %u\n", (double)u, (float)u, (unsigned)(u >> 3));
    }
    int x = -7; unsigned y = 4000000000u;
    printf("%f %f %f %f\n", (double)x, (double)y, (float)x, (float)y);
    printf("%lld %llu %d\n", (long long)x, (unsigned long long)x, (int)(uint8_t)x);
    union { float f; uint32_t u; } pun = { .f = 1.0f }; union { double d; uint64_t u; } p2 = { .d = -2.0 };
    printf("%08x %016llx\n", pun.u, (unsigned long long)p2.u);
    return 7;
}
