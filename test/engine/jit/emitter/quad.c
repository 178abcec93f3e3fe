/* <4 x float> values in XMM registers: loads, stores, arithmetic and
 * fmuladd from and into registers, splats (insertelement + shufflevector as
 * one movss + shufps, and a splat of another lane of a computed vector), and
 * the ways a register-held vector must still reach its slot: a lane read
 * (extractelement), a general shuffle, a compare and select run lane by lane,
 * a vector phi, a call it lives across, and more vectors live at once than
 * there are registers. Printed as bits: native, interpreted and compiled runs
 * must agree exactly. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef float f4 __attribute__((vector_size(16)));
typedef int32_t i4 __attribute__((vector_size(16)));

static uint32_t bits(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static f4 get(const float *p) { f4 v; memcpy(&v, p, 16); return v; }
static void put(float *p, f4 v) { memcpy(p, &v, 16); }

/* the vectoriser's weighted sum: y += a * x, a splat of a; x and y may
   overlap, so the vector loop runs after a check (two compares and an `and`
   the branch jumps on) */
__attribute__((noinline)) void axpy(float *y, const float *x, float a, int n) {
    for (int i = 0; i < n; i++) y[i] += a * x[i];
}

/* every packed operation, at once */
__attribute__((noinline)) void mix(float *z, const float *x, const float *y, const float *w, int n) {
    for (int i = 0; i < n; i++) z[i] = (x[i] - y[i]) * (x[i] + y[i]) / w[i];
}

__attribute__((noinline)) float clobber(float x) { return x * 3.0f; }

/* a splat of lane 1 of a vector in a register, a general shuffle, lane reads,
   a lane-wise compare and select, and a vector live across a call */
__attribute__((noinline)) float shapes(float *out, const float *p, const float *q) {
    f4 a = get(p), b = get(q);
    f4 m = a * b;
    f4 s = __builtin_shufflevector(m, m, 1, 1, 1, 1);
    f4 r = __builtin_shufflevector(m, a, 3, 4, 0, 6);
    f4 t = s + r;
    float c = clobber(m[2]);
    i4 pick = t > m;
    f4 sel = (f4)((pick & (i4)t) | (~pick & (i4)(m - b)));
    put(out, sel * t + m);
    put(out + 4, r / (a + 1.0f));
    return c + t[0] + sel[3];
}

/* a vector phi (the running sum) and nine vectors live at once */
__attribute__((noinline)) void many(float *out, const float *p, int n) {
    f4 acc = { 0, 0, 0, 0 };
    for (int i = 0; i + 36 <= n; i += 4) {
        f4 v0 = get(p + i), v1 = get(p + i + 4), v2 = get(p + i + 8), v3 = get(p + i + 12), v4 = get(p + i + 16);
        f4 v5 = get(p + i + 20), v6 = get(p + i + 24), v7 = get(p + i + 28), v8 = get(p + i + 32);
        f4 x = v0 * v1 + v2 * v3 - v4 / (v5 + 2.0f);
        acc = acc + x * v6 + v7 * v8 - v0 * v8 + v3 * v4;
    }
    put(out, acc);
}

int main(void) {
    float x[64], y[64], w[64], z[64] = { 0 }, out[8];
    for (int i = 0; i < 64; i++) { x[i] = (float)(i % 7) * 0.375f - 1.0f; y[i] = (float)(i % 5) * 0.625f + 0.5f; w[i] = (float)(i % 3) + 1.25f; }
    for (int round = 0; round < 3; round++) {
        axpy(y, x, 0.5f + (float)round, 64 - 3 * round);
        axpy(w + 1 + round, w, 0.25f, 40);                      /* overlapping: the scalar loop */
        mix(z, x, y, w, 61 + round);
        uint32_t h = 0;
        for (int i = 0; i < 64; i++) h = h * 31 + bits(y[i]) + 7 * bits(z[i]) + 3 * bits(w[i]);
        printf("round %d: %08x\n", round, h);
        float r = shapes(out, x + round, y + 2 * round);
        printf("shapes %08x:", bits(r));
        for (int i = 0; i < 8; i++) printf(" %08x", bits(out[i]));
        printf("\n");
        many(out, y, 64 - round * 4);
        printf("many:");
        for (int i = 0; i < 4; i++) printf(" %08x", bits(out[i]));
        printf("\n");
    }
    return 0;
}
