#include <stdio.h>
volatile double d[] = { 0.0, -0.0, 1.0, -3.5, 1e300, 1e-300, 0.1, 3.0 };
volatile float f[] = { 0.0f, 1.0f, -3.5f, 1e30f, 1e-30f, 0.1f, 3.0f };
int main(void) {
    double zero = d[0];
    double nan = zero / zero, inf = 1.0 / zero;
    double acc = 0;
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) {
        double a = d[i], b = d[j];
        acc += a + b; acc -= a * b * 1e-10; if (b != 0) acc += a / b * 1e-300;
        printf("%d", (a < b) | (a <= b) << 1 | (a > b) << 2 | (a >= b) << 3 | (a == b) << 4 | (a != b) << 5);
    }
    printf("\n%.10g\n", acc);
    float facc = 0;
    for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) {
        float a = f[i], b = f[j];
        facc += a * b * 1e-20f + a - b; if (b != 0) facc += a / b * 1e-30f;
    }
    printf("%.6g\n", facc);
    printf("%d %d %d %d %d %d\n", nan == nan, nan != nan, nan < 1, !(nan >= 1), inf > 1e308, -inf < -1e308);
    printf("%f %f %f\n", -d[3], -f[2], d[7] / d[6]);
    float x = 16777216.0f; x += 1.0f; printf("%.1f\n", x);
    double s = 0; for (int i = 1; i <= 1000; i++) s += 1.0 / i; printf("%.12f\n", s);
    float fs = 0; for (int i = 1; i <= 1000; i++) fs += 1.0f / i; printf("%.7f\n", fs);
    return 0;
}
