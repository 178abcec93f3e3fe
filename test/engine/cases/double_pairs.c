/* @O3 pairs of doubles clang's SLP vectoriser turns into <2 x double>: add, sub, mul, div, fneg, fmuladd, splats of a scalar, constant vectors, loads and stores of adjacent fields; NaN, infinities, -0 and denormals flow through each lane */
#include <stdio.h>
#include <string.h>
#include <math.h>
struct p2 { double x, y; };
static void step(struct p2 *restrict p, struct p2 *restrict v, const struct p2 *restrict q, double dt, int n) {
    for (int i = 0; i < n; i++) {
        double dx = p[i].x - q[i].x, dy = p[i].y - q[i].y;
        double m = dt / (dx * dx + dy * dy + 0.25);
        v[i].x -= dx * m; v[i].y -= dy * m;
        p[i].x += dt * v[i].x; p[i].y += dt * v[i].y;
    }
}
static void mix(struct p2 *restrict o, const struct p2 *restrict a, const struct p2 *restrict b, double s, int n) {
    for (int i = 0; i < n; i++) {
        o[i].x = -(a[i].x * s + b[i].x) / (a[i].y == 0 ? 3.0 : 1.5);
        o[i].y = -(a[i].y * s + b[i].y) / 1.5;
        o[i].x = o[i].x * 2.0 + 0.5; o[i].y = o[i].y * 4.0 - 0.25;
    }
}
static void show(const char *what, const struct p2 *p, int n) {
    unsigned long long h = 0;          /* a NaN's sign and payload are the compiler's choice: hashed as one NaN */
    for (int i = 0; i < n; i++) {
        double x = isnan(p[i].x) ? NAN : p[i].x, y = isnan(p[i].y) ? NAN : p[i].y;
        unsigned long long a, b; memcpy(&a, &x, 8); memcpy(&b, &y, 8); h = h * 1000003 ^ a; h = h * 1000003 ^ b;
    }
    printf("%s %016llx %.17g %.17g\n", what, h, p[0].x, p[n - 1].y);
}
int main(void) {
    enum { N = 64 };
    static struct p2 p[N], v[N], q[N], o[N];
    for (int i = 0; i < N; i++) {
        p[i].x = i * 0.5 - 3; p[i].y = (i % 7) * 1.25; v[i].x = 0.1 * i; v[i].y = -0.2 * i;
        q[i].x = (i % 5) - 2.0; q[i].y = i * 0.125;
    }
    p[3].x = NAN; p[5].y = INFINITY; v[7].x = -0.0; q[9].y = 4.9e-324; p[11].y = -INFINITY;
    for (int k = 0; k < 50; k++) step(p, v, q, 0.01, N);
    show("step", p, N); show("vel", v, N);
    mix(o, p, v, 0.75, N);
    show("mix", o, N);
    mix(o, q, q, -2.0, N);
    show("mix2", o, N);
    return 0;
}
