#include <stdio.h>
#include <stdint.h>
#include <string.h>
union u { float f; uint32_t i; uint8_t b[4]; double d; uint64_t l; };
static float fast_inv_sqrt(float x) { union u v = { .f = x }; v.i = 0x5f3759df - (v.i >> 1); return v.f * (1.5f - 0.5f * x * v.f * v.f); }
int main(void) {
    union u v; v.i = 0x3f800000; printf("%f %d %d\n", v.f, v.b[3], v.b[0]);
    v.d = 1.0; printf("%016llx\n", (unsigned long long)v.l);
    printf("%.5f\n", fast_inv_sqrt(4.0f));
    float f = -0.0f; uint32_t bits; memcpy(&bits, &f, 4); printf("%08x\n", bits);
    double d; uint64_t q = 0x400921fb54442d18ULL; memcpy(&d, &q, 8); printf("%.15f\n", d);
    return v.b[7];
}
