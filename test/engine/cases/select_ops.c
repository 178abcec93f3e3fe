/* @O3 select: ternaries on ints, floats, pointers and vectors of selects in loops (if-converted at O2) */
#include <stdio.h>
static volatile int data[64];
int main(void) {
    for (int i = 0; i < 64; i++) data[i] = (i * 37 + 11) % 101 - 50;
    int mx = -1000, mn = 1000, pos = 0, clampsum = 0; unsigned ua = 0;
    float fsum = 0; const char *name = "";
    int a[64], b[64];
    for (int i = 0; i < 64; i++) a[i] = data[i];
    for (int i = 0; i < 64; i++) {
        int v = a[i];
        mx = v > mx ? v : mx; mn = v < mn ? v : mn;
        pos += v > 0 ? 1 : 0;
        clampsum += v < -20 ? -20 : v > 20 ? 20 : v;
        ua += (unsigned)v > 100u ? 1u : 2u;
        fsum += v & 1 ? (float)v * 0.5f : -(float)v;
        name = v == 0 ? "zero" : v > 40 ? "big" : name;
        b[i] = v < 0 ? -v : v;
    }
    int bs = 0; for (int i = 0; i < 64; i++) bs = bs * 3 + b[i];
    double d = 0; for (int i = 0; i < 64; i++) d += a[i] > 10 ? 1.5 : a[i] < -10 ? -2.25 : 0.125;
    long long l = 0; for (int i = 0; i < 64; i++) l += a[i] > 0 ? (long long)a[i] << 33 : a[i];
    printf("%d %d %d %d %u %g %s %d %g %lld\n", mx, mn, pos, clampsum, ua, fsum, name, bs, d, l);
    return (mx - mn) & 0xff;
}
