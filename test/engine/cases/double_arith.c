/* @O3 double arithmetic: series, Kahan summation, precision edge cases, printf with %.17g */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
static uint64_t db(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
int main(void) {
    double pi = 0; for (int k = 0; k < 100000; k++) pi += (k & 1 ? -4.0 : 4.0) / (2 * k + 1);
    printf("leibniz %.17g\n", pi);
    double sum = 0, comp = 0, naive = 0;
    for (int i = 0; i < 100000; i++) { double v = 0.1 * (i % 7) + 1e-8; naive += v; double y = v - comp; double t = sum + y; comp = (t - sum) - y; sum = t; }
    printf("kahan %.17g naive %.17g\n", sum, naive);
    double e = 1, term = 1; for (int i = 1; i < 25; i++) { term /= i; e += term; }
    printf("e %.17g %016llx\n", e, (unsigned long long)db(e));
    uint64_t h = 0;
    volatile double v[] = { 1.0, -3.75, 1e100, 1e-100, 123456.789, 2.0 / 3.0, -0.5, 9007199254740993.0 };
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) {
        double a = v[i], b = v[j];
        h = h * 1000003 ^ db(a + b); h = h * 1000003 ^ db(a - b); h = h * 1000003 ^ db(a * b); h = h * 1000003 ^ db(a / b);
    }
    printf("h %016llx\n", (unsigned long long)h);
    double x = 0.5; for (int i = 0; i < 1000; i++) x = 3.9 * x * (1 - x);
    printf("logistic %.17g\n", x);
    printf("%.3f %.0f %.10e %g %g %a\n", 2.5, 2.5, 1.0 / 3, 1e-5, 123456789.0, 1.0);
    return (int)(h & 0x3f);
}
