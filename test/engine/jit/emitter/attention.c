/* The emitter paths an attention head takes at -O2/-O3 (tinyllama's forward):
 * a running max as fcmp + select (the compare left to the select's flags),
 * compares left to the branch after them (float ones with NaN, i64, i1
 * and/or), float loads, stores, call arguments and arithmetic straight
 * from the XMM registers values live in, a scalar splat into <4 x float>
 * (insertelement + shufflevector) for the vectorised weighted sum, and
 * dot-product loops whose inputs live in EBX/ESI/EDI. Printed as bits, so
 * native, interpreted and compiled runs must agree exactly. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t bits(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static uint64_t bitsd(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }

__attribute__((noinline)) float expish(float x) { return 1.0f + x + x * x * 0.5f; }

/* softmax as llama2.c writes it */
__attribute__((noinline)) void softmax(float *x, int n) {
    float max = x[0];
    for (int i = 1; i < n; i++) if (x[i] > max) max = x[i];
    float sum = 0.0f;
    for (int i = 0; i < n; i++) { x[i] = expish(x[i] - max); sum += x[i]; }
    for (int i = 0; i < n; i++) x[i] /= sum;
}

/* one head: scores q.k, softmax, then out += a * v (the splat) */
__attribute__((noinline)) void head(float *out, const float *q, const float *k, const float *v, float *att, int npos, int hs) {
    for (int t = 0; t < npos; t++) {
        float s = 0.0f;
        for (int i = 0; i < hs; i++) s += q[i] * k[t * hs + i];
        att[t] = s / 2.0f;
    }
    softmax(att, npos);
    memset(out, 0, (size_t)hs * sizeof *out);
    for (int t = 0; t < npos; t++) {
        float a = att[t];
        for (int i = 0; i < hs; i++) out[i] += a * v[t * hs + i];
    }
}

/* selects and branches on every ordered/unordered predicate, NaN included */
__attribute__((noinline)) uint32_t compares(const float *x, const double *y, int n) {
    uint32_t h = 0;
    float lo = x[0], hi = x[0];
    double dlo = y[0];
    for (int i = 1; i < n; i++) {
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] >= hi ? x[i] : hi;
        dlo = !(y[i] > dlo) ? y[i] : dlo;
        if (x[i] == x[i - 1]) h += 1;
        if (x[i] != x[i - 1]) h += 3;
        if (!(x[i] <= hi)) h ^= 0x55;
        if (y[i] > y[i - 1]) h = h * 5 + 1;
        h = h * 33 + bits(lo) + bits(hi) + (uint32_t)bitsd(dlo);
    }
    return h;
}

__attribute__((noinline)) uint32_t wide_and_flags(const int64_t *a, int n, int lim) {
    uint32_t h = 0;
    for (int i = 0; i + 1 < n; i++) {
        if (a[i] < a[i + 1]) h += 7;
        if ((uint64_t)a[i] > (uint64_t)a[i + 1]) h ^= 0x100;
        if ((i < lim) & (a[i] != 0)) h += 11;
        if ((i > 2) | (a[i] == -1)) h = h * 3;
        if ((i == 1) ^ (a[i] > 0)) h += 13;
    }
    return h;
}

int main(void) {
    enum { POS = 23, HS = 8 };
    static float q[HS], k[POS * HS], v[POS * HS], att[POS], out[HS];
    uint32_t seed = 12345;
    for (int i = 0; i < POS * HS; i++) {
        seed = seed * 1103515245u + 12345u;
        k[i] = (float)(int)(seed >> 16 & 0xff) / 64.0f - 2.0f;
        v[i] = (float)(int)(seed >> 8 & 0xff) / 32.0f - 4.0f;
        if (i < HS) q[i] = (float)(int)(seed & 0xff) / 128.0f - 1.0f;
    }
    for (int npos = 1; npos <= POS; npos += 3) {
        head(out, q, k, v, att, npos, HS);
        for (int i = 0; i < HS; i++) printf("%08x ", bits(out[i]));
        printf("\n");
    }
    float nan = __builtin_nanf("");
    float xs[] = { 1.0f, nan, 2.0f, 2.0f, -0.0f, 0.0f, nan, nan, -3.0f, 5.0f, 5.0f, 1e30f };
    double ys[] = { 0.5, 1.0, __builtin_nan(""), -2.0, -2.0, 3.0, 1e300, 0.0, -0.0, 7.0, __builtin_nan(""), 2.0 };
    for (int n = 1; n <= 12; n++) printf("compares %d: %08x\n", n, compares(xs, ys, n));
    int64_t as[] = { 5, -1, 0x100000000LL, -0x100000000LL, 0, 3, 3, -1, 7, 0x7fffffffffffffffLL };
    for (int lim = 0; lim < 10; lim += 3) printf("wide %d: %08x\n", lim, wide_and_flags(as, 10, lim));
    return 0;
}
