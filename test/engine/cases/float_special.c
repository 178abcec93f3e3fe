/* special values: infinities, signed zero, denormals, NaN propagation, overflow/underflow, printing */
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <stdint.h>
static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
int main(void) {
    volatile double z = 0.0, one = 1.0, big = 1e308, tiny = 4.9e-324;
    double v[] = { one / z, -one / z, z / z, -z, big * 10, tiny / 2, tiny, tiny * 3, big + big - big, sqrt(-one), 1.0 / (-one / z) };
    for (int i = 0; i < 11; i++) printf("%d: %g %016llx %e\n", i, v[i], (unsigned long long)bits(v[i]) & 0x7fffffffffffffffull, v[i]);
    volatile float fz = 0.0f, fmin = 1.4e-45f, fmax = 3.4028235e38f;
    float f[] = { 1.0f / fz, fmin, fmin / 2, fmax * 2, fmax + 1e30f, -fz, fz * -1, (float)1e39, (float)1e-46, (float)big };
    for (int i = 0; i < 10; i++) printf("f%d: %g %08x\n", i, f[i], fbits(f[i]) & 0x7fffffff);
    double nz = -0.0;
    printf("signbit(-0) %d  -0==0 %d  1/-0 %g  copysign %g  fabs %g\n", signbit(nz) != 0, nz == 0.0, 1 / nz, copysign(3.0, nz), fabs(nz));
    double s = 0; for (int i = 0; i < 1000; i++) s += tiny; printf("denorm sum %g %llx\n", s, (unsigned long long)bits(s));
    double p = 1; int k = 0; while (p > 0) { p /= 2; k++; } printf("halvings to zero %d\n", k);
    float q = 1; k = 0; while (q + 1.0f != 1.0f) { q /= 2; k++; } printf("float eps steps %d\n", k);
    return k;
}
