/* @O3 math intrinsics and libm: fabs sqrt exp log pow fma floor ceil trunc round rint copysign fmin fmax, float and double */
#include <stdio.h>
#include <math.h>
static volatile double D[] = { 0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.7, -3.7, 1e-3, 123.456, -1e6, 7.0 };
static volatile float F[] = { 0.0f, 0.5f, -0.5f, 1.5f, -2.5f, 3.7f, -3.7f, 1e-3f, 123.456f };
int main(void) {
    for (unsigned i = 0; i < sizeof D / sizeof *D; i++) {
        double x = D[i];
        printf("%g: fabs %g sqrt %.6g exp %.6g log %.6g pow %.6g fma %.10g fl %g ce %g tr %g rd %g ri %g cs %g mn %g mx %g\n", x, fabs(x),
               sqrt(fabs(x)), exp(x / 10), log(fabs(x) + 1), pow(fabs(x), 1.5), fma(x, 3.0, 0.1), floor(x), ceil(x), trunc(x), round(x), rint(x),
               copysign(2.0, x), fmin(x, 1.0), fmax(x, -1.0));
    }
    float fs = 0;
    for (unsigned i = 0; i < sizeof F / sizeof *F; i++) {
        float x = F[i];
        fs += fabsf(x) + sqrtf(fabsf(x)) + expf(x / 4) + logf(fabsf(x) + 1) + powf(fabsf(x), 0.75f) + fmaf(x, x, 1) + floorf(x) + ceilf(x) + truncf(x) + roundf(x) + copysignf(1, x) + fminf(x, 0) + fmaxf(x, 0);
        printf("%g: %g %g %g %g %g\n", x, floorf(x), ceilf(x), truncf(x), roundf(x), nearbyintf(x));
    }
    double m = fmin(NAN, 3.0) + fmax(2.0, NAN);
    printf("fs %.5f nanminmax %g sin %.10f cos %.10f atan2 %.10f hypot %.6f fmod %.6f %ld %lld\n", fs, m, sin(1.0), cos(1.0), atan2(1, -2), hypot(3, 4), fmod(10.5, 3), lround(-2.5), llrint(7.5));
    return (int)fs & 0x7f;
}
