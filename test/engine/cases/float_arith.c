/* @O3 float (single precision) arithmetic: rounding, accumulation order, fused patterns, division */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
static uint32_t fb(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
int main(void) {
    float a = 0.1f, b = 0.2f, c = 0.3f;
    printf("%.9g %.9g %d\n", a + b, c, a + b == c);
    float s = 0; for (int i = 1; i <= 10000; i++) s += 1.0f / i;
    float t = 0; for (int i = 10000; i >= 1; i--) t += 1.0f / i;
    printf("harmonic fwd %.9g bwd %.9g\n", s, t);
    uint32_t h = 0;
    volatile float vals[] = { 1.5f, -2.25f, 3.0e10f, 1e-10f, 7.0f, 0.333333f, -1e-3f, 65504.0f };
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) {
            float x = vals[i], y = vals[j];
            h = h * 31 + fb(x + y); h = h * 31 + fb(x - y); h = h * 31 + fb(x * y); h = h * 31 + fb(x / y);
            h = h * 31 + fb(x * y + x); h = h * 31 + fb(-x * y);
        }
    printf("h %08x\n", h);
    float x = 1.0f; for (int i = 0; i < 100; i++) x = x * 1.1f - 0.05f;
    printf("iter %.9g %08x\n", x, fb(x));
    float arr[256]; for (int i = 0; i < 256; i++) arr[i] = (float)i * 0.5f - 30.0f;
    float dot = 0; for (int i = 0; i < 256; i++) dot += arr[i] * arr[255 - i];
    printf("dot %.9g\n", dot);
    return (int)(h % 50);
}
