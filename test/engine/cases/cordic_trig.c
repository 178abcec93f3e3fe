/* @O3 CORDIC sine/cosine/atan in 32-bit fixed point compared with libm; Taylor series exp/log by hand */
#include <stdio.h>
#include <math.h>
#include <stdint.h>
static int32_t atans[30]; static int32_t K;
static void init(void) { double k = 1; for (int i = 0; i < 30; i++) { atans[i] = (int32_t)(atan(ldexp(1, -i)) * (1 << 29)); k *= 1 / sqrt(1 + ldexp(1, -2 * i)); } K = (int32_t)(k * (1 << 29)); }
static void cordic(int32_t theta, int32_t *s, int32_t *c) { int32_t x = K, y = 0, z = theta; for (int i = 0; i < 30; i++) { int32_t dx = x >> i, dy = y >> i; if (z >= 0) { x -= dy; y += dx; z -= atans[i]; } else { x += dy; y -= dx; z += atans[i]; } } *s = y; *c = x; }
static int32_t cordic_atan(int32_t y, int32_t x) { int32_t z = 0; for (int i = 0; i < 30; i++) { int32_t dx = x >> i, dy = y >> i; if (y > 0) { x += dy; y -= dx; z += atans[i]; } else { x -= dy; y += dx; z -= atans[i]; } } return z; }
static double my_exp(double x) { double t = 1, s = 1; for (int i = 1; i < 30; i++) { t *= x / i; s += t; } return s; }
static double my_log(double x) { double y = (x - 1) / (x + 1), y2 = y * y, t = y, s = 0; for (int i = 1; i < 60; i += 2) { s += t / i; t *= y2; } return 2 * s; }
int main(void) {
    init(); double maxerr = 0;
    for (int d = -90; d <= 90; d += 15) { double r = d * M_PI / 180; int32_t s, c; cordic((int32_t)(r * (1 << 29)), &s, &c); double sd = s / (double)(1 << 29), cd = c / (double)(1 << 29);
        maxerr = fmax(maxerr, fmax(fabs(sd - sin(r)), fabs(cd - cos(r)))); printf("%4d: %.8f %.8f\n", d, sd, cd); }
    double at = cordic_atan(1 << 28, 1 << 29) / (double)(1 << 29);
    printf("maxerr<1e-7 %d atan(0.5) %.8f vs %.8f\n", maxerr < 1e-7, at, atan(0.5));
    for (double x = 0.5; x < 5; x += 1.1) printf("exp %.12f %.12f log %.12f %.12f\n", my_exp(x), exp(x), my_log(x), log(x));
    return 0;
}
