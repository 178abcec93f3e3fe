/* rational arithmetic with normalisation (continued fractions, harmonic numbers) and 16.16 fixed-point math (sqrt, sin table) */
#include <stdio.h>
#include <stdint.h>
typedef struct { long long n, d; } rat;
static long long g(long long a, long long b) { if (a < 0) a = -a; if (b < 0) b = -b; while (b) { long long t = a % b; a = b; b = t; } return a; }
static rat mk(long long n, long long d) { if (d < 0) { n = -n; d = -d; } long long k = g(n, d); if (!k) k = 1; return (rat){ n / k, d / k }; }
static rat add(rat a, rat b) { return mk(a.n * (b.d / g(a.d, b.d)) + b.n * (a.d / g(a.d, b.d)), a.d / g(a.d, b.d) * b.d); }
static rat mul(rat a, rat b) { return mk(a.n * b.n, a.d * b.d); }
typedef int32_t fx;
#define FX(x) ((fx)((x) * 65536.0))
static fx fmul(fx a, fx b) { return (fx)(((int64_t)a * b) >> 16); }
static fx fdiv(fx a, fx b) { return (fx)(((int64_t)a << 16) / b); }
static fx fsqrt(fx a) { if (a <= 0) return 0; fx x = a > FX(1) ? a / 2 : FX(1); for (int i = 0; i < 20; i++) x = (x + fdiv(a, x)) / 2; return x; }
int main(void) {
    rat h = { 0, 1 }; for (int i = 1; i <= 20; i++) h = add(h, mk(1, i)); printf("H20 = %lld/%lld\n", h.n, h.d);
    rat cf = mk(1, 1); for (int i = 0; i < 20; i++) cf = add(mk(1, 1), mk(cf.d, cf.n)); printf("phi ~ %lld/%lld = %.15f\n", cf.n, cf.d, (double)cf.n / cf.d);
    rat p = mk(1, 1); for (int i = 2; i <= 12; i++) p = mul(p, mk(i * i - 1, i * i)); printf("prod(1-1/n^2) = %lld/%lld\n", p.n, p.d);
    fx vals[] = { FX(2), FX(0.25), FX(100), FX(3.5), FX(12345.678) };
    for (int i = 0; i < 5; i++) printf("sqrt(%d/65536) = %d (%.5f)\n", vals[i], fsqrt(vals[i]), fsqrt(vals[i]) / 65536.0);
    fx x = FX(1.5), y = FX(-2.75); printf("mul %d div %d\n", fmul(x, y), fdiv(x, y));
    fx s = 0, c = FX(1), dt = FX(0.01); for (int i = 0; i < 314; i++) { s += fmul(c, dt); c -= fmul(s, dt); }
    printf("rotated s %d c %d\n", s, c);
    return (int)(h.d % 100);
}
