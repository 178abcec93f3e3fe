/* bitcasts: float<->int punning via memcpy and unions, ptrtoint/inttoptr round trips, fptrunc/fpext */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
union fu { float f; uint32_t u; unsigned char b[4]; };
union du { double d; uint64_t u; uint32_t w[2]; };
static float mkf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
int main(void) {
    uint32_t h = 0;
    for (int i = -20; i <= 20; i++) {
        union fu x; x.f = i * 0.75f; union du y; y.d = i * 1.1;
        printf("%d %08x %02x%02x %08x:%08x %016llx\n", i, x.u, x.b[3], x.b[0], y.w[1], y.w[0], (unsigned long long)y.u);
        h = h * 17 + x.u + y.w[0] + y.w[1];
    }
    /* fast inverse square root */
    for (float v = 1; v < 1000; v *= 7) { uint32_t u; memcpy(&u, &v, 4); u = 0x5f3759df - (u >> 1); float r = mkf(u); r = r * (1.5f - 0.5f * v * r * r); printf("isqrt(%g) ~ %.6f\n", v, r); }
    int arr[4] = { 10, 20, 30, 40 };
    uintptr_t p = (uintptr_t)&arr[0]; p += 2 * sizeof(int); int *q = (int *)p;
    printf("via int ptr %d %d\n", *q, (int)(((uintptr_t)&arr[3] - (uintptr_t)arr) / sizeof(int)));
    double d = 1.0 / 3; float f = (float)d; double back = f;
    printf("%.17g %.9g %.17g %d\n", d, f, back, d == back);
    float small = (float)1e-40; double sd = small; printf("%g %g\n", small, sd);
    return h & 0xff;
}
