/* @O3 ordered/unordered float and double comparisons with NaN, infinities and signed zeros */
#include <stdio.h>
#include <math.h>
static volatile double D[] = { 0.0, -0.0, 1.0, -1.0, 1e308, -1e-308, INFINITY, -INFINITY, NAN, -NAN, 3.5 };
static volatile float F[] = { 0.0f, -0.0f, 1.0f, -2.5f, 3.4e38f, 1e-45f, INFINITY, -INFINITY, NAN };
int main(void) {
    unsigned hd = 0, hf = 0;
    int nd = sizeof D / sizeof *D, nf = sizeof F / sizeof *F;
    for (int i = 0; i < nd; i++) {
        for (int j = 0; j < nd; j++) {
            double a = D[i], b = D[j];
            unsigned m = (a == b) | (a != b) << 1 | (a < b) << 2 | (a <= b) << 3 | (a > b) << 4 | (a >= b) << 5 |
                         (!(a < b)) << 6 | (!(a >= b)) << 7 | isunordered(a, b) << 8 | isgreater(a, b) << 9 |
                         isless(a, b) << 10 | islessgreater(a, b) << 11 | isgreaterequal(a, b) << 12 | islessequal(a, b) << 13;
            hd = hd * 31 + m;
            if (j == 8 || j == 0) printf("%g ? %g : %04x\n", a, b, m);
        }
        printf("isnan %d isinf %d signbit %d fin %d\n", isnan(D[i]) != 0, isinf(D[i]) != 0, signbit(D[i]) != 0, isfinite(D[i]) != 0);
    }
    for (int i = 0; i < nf; i++)
        for (int j = 0; j < nf; j++) {
            float a = F[i], b = F[j];
            unsigned m = (a == b) | (a != b) << 1 | (a < b) << 2 | (a <= b) << 3 | (a > b) << 4 | (a >= b) << 5 | isunordered(a, b) << 6;
            hf = hf * 37 + m;
        }
    double x = NAN; int c = 0;
    for (int i = 0; i < 10; i++) { if (x != x) c++; if (x == x) c += 100; x = i < 5 ? NAN : (double)i; }
    double mx = D[0]; for (int i = 0; i < nd; i++) mx = D[i] > mx ? D[i] : mx;   /* NaN-skipping max via select */
    printf("hd %08x hf %08x c %d max %g\n", hd, hf, c, mx);
    return (hd ^ hf) & 0x7f;
}
