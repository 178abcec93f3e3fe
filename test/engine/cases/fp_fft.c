/* @O3 iterative radix-2 complex FFT and inverse FFT (double), spectrum peaks of a synthetic signal, round-trip error */
#include <stdio.h>
#include <math.h>
#define N 1024
static double re[N], im[N], r0[N];
static void fft(double *xr, double *xi, int n, int inv) {
    for (int i = 1, j = 0; i < n; i++) { int bit = n >> 1; for (; j & bit; bit >>= 1) j ^= bit; j ^= bit; if (i < j) { double t = xr[i]; xr[i] = xr[j]; xr[j] = t; t = xi[i]; xi[i] = xi[j]; xi[j] = t; } }
    for (int len = 2; len <= n; len <<= 1) {
        double ang = 2 * M_PI / len * (inv ? 1 : -1), wr = cos(ang), wi = sin(ang);
        for (int i = 0; i < n; i += len) { double cr = 1, ci = 0;
            for (int j = 0; j < len / 2; j++) { double ur = xr[i + j], ui = xi[i + j], vr = xr[i + j + len / 2] * cr - xi[i + j + len / 2] * ci, vi = xr[i + j + len / 2] * ci + xi[i + j + len / 2] * cr;
                xr[i + j] = ur + vr; xi[i + j] = ui + vi; xr[i + j + len / 2] = ur - vr; xi[i + j + len / 2] = ui - vi; double t = cr * wr - ci * wi; ci = cr * wi + ci * wr; cr = t; } }
    }
    if (inv) for (int i = 0; i < n; i++) { xr[i] /= n; xi[i] /= n; }
}
int main(void) {
    for (int i = 0; i < N; i++) { re[i] = r0[i] = 3 * sin(2 * M_PI * 50 * i / N) + 1.5 * cos(2 * M_PI * 120 * i / N) + 0.25 * sin(2 * M_PI * 333 * i / N) + (i % 17) * 0.01; im[i] = 0; }
    fft(re, im, N, 0);
    double mag[N / 2]; for (int i = 0; i < N / 2; i++) mag[i] = sqrt(re[i] * re[i] + im[i] * im[i]);
    for (int p = 0; p < 4; p++) { int best = 1; for (int i = 1; i < N / 2; i++) if (mag[i] > mag[best]) best = i; printf("peak %d at bin %d mag %.6f\n", p, best, mag[best]); mag[best] = 0; }
    printf("dc %.6f\n", re[0]);
    fft(re, im, N, 1);
    double err = 0; for (int i = 0; i < N; i++) err = fmax(err, fabs(re[i] - r0[i]) + fabs(im[i]));
    printf("roundtrip err<1e-12 %d sample %.12f\n", err < 1e-12, re[77]);
    return 0;
}
