#include <stdio.h>
#include <math.h>
volatile double xs[] = { 0.5, 1.0, 2.0, 3.75, 10.0, -1.25 };
int main(void) {
    for (int i = 0; i < 6; i++) {
        double x = xs[i];
        printf("%.9f %.9f %.9f %.9f %.9f %.9f\n", sqrt(fabs(x)), exp(x / 4), log(fabs(x) + 1), pow(fabs(x), 1.5), sin(x), cos(x));
        printf("%.1f %.1f %.1f %.1f %.3f %.3f %.4f\n", floor(x), ceil(x), trunc(x), round(x), fmod(x, 0.7), atan2(x, 2), tanh(x));
        float f = (float)x;
        printf("%.6f %.6f %.6f %.6f %.1f %.6f\n", sqrtf(fabsf(f)), expf(f / 4), logf(fabsf(f) + 1), powf(fabsf(f), 0.5f), floorf(f), fmaxf(f, 1.5f));
    }
    printf("%.3f %.3f %.3f\n", fmin(2, 3), fmax(-1, -4), copysign(3, -0.0));
    printf("%.5f %.5f %d\n", hypot(3, 4), cbrt(27), (int)lround(2.5));
    return 0;
}
