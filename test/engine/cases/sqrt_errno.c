/* sqrt and sqrtf with math-errno: EDOM and NaN for negative inputs only; -0, 0, infinity, NaN and tiny inputs without errno */
#include <stdio.h>
#include <math.h>
#include <errno.h>
int main(int argc, char **argv) {
    (void)argv;
    volatile double xs[] = { 2.0, -1.0, 0.0, -0.0, INFINITY, -INFINITY, NAN, 1e-300, 1e300 };
    for (int i = 0; i < 9; i++) {
        errno = 0;
        double r = sqrt(xs[i] * argc);
        printf("%.17g errno=%d sign=%d\n", r, errno == EDOM, signbit(r) != 0);
    }
    double s = 0;
    for (int i = 1; i < 1000; i++) s += sqrt((double)i);
    printf("%.17g\n", s);
    /* sqrtf likewise (the JIT computes both inline for x >= 0 and calls the library otherwise) */
    volatile float fs[] = { 2.0f, -1.0f, 0.0f, -0.0f, INFINITY, -INFINITY, NAN, 1e-40f, 3e38f };
    for (int i = 0; i < 9; i++) {
        errno = 0;
        float r = sqrtf(fs[i] * (float)argc);
        printf("%.9g errno=%d sign=%d\n", (double)r, errno == EDOM, signbit(r) != 0);
    }
    float t = 0;
    for (int i = 1; i < 1000; i++) t += sqrtf((float)i);
    printf("%.9g\n", (double)t);
    return 0;
}
