/* @O3 `&&` and `||` as clang -O2 writes them on i1 (select c, x, false / select c, true, x:
 * lowered as and / or, a branch on one fused into band): loop exits on two conditions (an
 * escape-time loop: count and magnitude), conditions kept as values (stored, summed), short
 * circuits whose right side may not run (a null pointer, a division), and NaN compares */
#include <stdio.h>
#include <math.h>

__attribute__((noinline)) static int escape(double cr, double ci, int limit) {
    double x = 0, y = 0; int i = 0;
    while (i < limit && x * x + y * y <= 4.0) { double t = x * x - y * y + cr; y = 2 * x * y + ci; x = t; i++; }
    return i;
}
__attribute__((noinline)) static int either(const int *p, int n, int k) {
    int c = 0;
    for (int i = 0; i < n; i++) c += (p[i] > k || p[i] < -k) + 2 * (p[i] != 0 && k % p[i] == 0);
    return c;
}
__attribute__((noinline)) static int safe(const int *p, int d) { return p && *p > 3 && d && *p / d > 1; }
__attribute__((noinline)) static int nan_and(double a, double b) { return (a < b && b < 10) + 2 * (a >= b || a != a); }

int main(void) {
    int sum = 0;
    for (int py = 0; py < 24; py++)
        for (int px = 0; px < 32; px++) sum = sum * 31 + escape(-2.0 + px * 0.08, -1.2 + py * 0.1, (px + py) % 7 == 0 ? 0 : 60);
    printf("escape %d\n", sum);
    int v[41]; for (int i = 0; i < 41; i++) v[i] = (i * 37) % 23 - 11;
    printf("either %d %d %d\n", either(v, 41, 5), either(v, 0, 1), either(v, 41, 0));
    int three = 3, nine = 9;
    printf("safe %d %d %d %d\n", safe(0, 1), safe(&three, 1), safe(&nine, 0), safe(&nine, 4));
    printf("nan %d %d %d %d\n", nan_and(1, 2), nan_and(NAN, 2), nan_and(3, 2), nan_and(2, NAN));
    return 0;
}
