/* @O3 fptosi/fptoui/sitofp/uitofp at every width, including the uint32/uint64 boundaries */
#include <stdio.h>
#include <stdint.h>
static volatile double D[] = { 0.0, 0.49, 0.5, 1.5, -1.5, 2.5, -2.99, 127.9, -128.9, 255.5, 32767.7, -32768.2, 65535.9,
                               2147483647.0, -2147483648.0, 4294967295.0, 4294967296.5, 9.2e18, -9.2e18, 1.8e19, 123456789012.75 };
static volatile int64_t I[] = { 0, 1, -1, 16777217, -16777217, 2147483647, -2147483647 - 1, 4294967295LL, 9007199254740993LL,
                                0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1, 0x123456789LL };
int main(void) {
    for (unsigned i = 0; i < sizeof D / sizeof *D; i++) {
        double d = D[i]; float f = (float)d;
        printf("%.2f:", d);
        if (d > -128.5 && d < 127.5) printf(" i8 %d", (int8_t)d);
        if (d > -1 && d < 255.5) printf(" u8 %u", (uint8_t)d);
        if (d > -32769 && d < 32768) printf(" i16 %d", (int16_t)d);
        if (d > -1 && d < 65536) printf(" u16 %u", (uint16_t)d);
        if (d > -2147483649.0 && d < 2147483648.0) { printf(" i32 %d", (int32_t)d); if (f < 2147483648.0f && f >= -2147483648.0f) printf(" f->i32 %d", (int32_t)f); }
        if (d > -1 && d < 4294967296.0) printf(" u32 %u", (uint32_t)d);
        if (d > -9.3e18 && d < 9.2e18) printf(" i64 %lld", (long long)d);
        if (d > -1 && d < 1.8e19) { printf(" u64 %llu", (unsigned long long)d); if (f < 1.8446744e19f) printf(" f->u64 %llu", (unsigned long long)f); }
        printf("\n");
    }
    for (unsigned i = 0; i < sizeof I / sizeof *I; i++) {
        int64_t v = I[i]; uint64_t u = (uint64_t)v;
        printf("%lld: %.17g %.9g %.17g %.9g %.9g %.17g %.17g\n", (long long)v, (double)v, (float)v, (double)u, (float)u,
               (float)(int32_t)v, (double)(uint32_t)v, (double)(uint16_t)v + (double)(int8_t)v);
    }
    return 3;
}
