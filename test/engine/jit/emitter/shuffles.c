/* Shufflevectors of two vectors that one shufps/shufpd does (the low half of
 * the lanes from one operand, the high half from one): <2 x double> (the
 * stencil's a[j-1], a[j+1] from two loads), <4 x float> and <4 x i32>, with a
 * constant operand, with both halves from one operand (a permutation), and
 * with an undefined lane; and one that mixes the operands within a half (lane
 * by lane). Then lanes read from vectors in registers (pshufd, movd) and
 * vector and scalar fneg (xorps with the sign bits). Printed as bits: native,
 * interpreted and compiled runs must agree. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef double d2 __attribute__((vector_size(16)));
typedef float f4 __attribute__((vector_size(16)));
typedef uint32_t u4 __attribute__((vector_size(16)));

static void show(const char *what, const void *p) { uint32_t w[4]; memcpy(w, p, 16); printf("%s %08x %08x %08x %08x\n", what, w[0], w[1], w[2], w[3]); }

/* the stencil's row sweep: a[j-1] + a[j+1] as a shuffle of the previous and the next pair */
#define N 40
static double a[N], b[N];
__attribute__((noinline)) void sweep(void) {
    for (int j = 1; j < N - 1; j++) b[j] = 0.25 * (a[j - 1] + 2.0 * a[j] + a[j + 1]);
}

__attribute__((noinline)) void halves(void *out, const d2 *x, const f4 *y, const u4 *z) {
    d2 dx = x[0], dy = x[1];
    d2 d[4] = { __builtin_shufflevector(dx, dy, 1, 2), __builtin_shufflevector(dy, dx, 1, 0),
                __builtin_shufflevector(dx, (d2){ 0.5, -2.0 }, 3, 0), __builtin_shufflevector(dx, dy, -1, 3) };
    f4 fx = y[0], fy = y[1];
    f4 f[4] = { __builtin_shufflevector(fx, fy, 3, 0, 5, 4), __builtin_shufflevector(fx, fx, 2, 3, 0, 1),
                __builtin_shufflevector(fy, (f4){ 1, 2, 3, 4 }, 6, 7, 1, 1), __builtin_shufflevector(fx, fy, 0, 4, 1, 5) };
    u4 ux = z[0] * z[1], uy = z[1] + 7u;
    u4 u[3] = { __builtin_shufflevector(ux, uy, 1, 1, 7, 4) + uy, __builtin_shufflevector(uy, ux, 4, 5, 2, -1) ^ ux,
                __builtin_shufflevector(ux, uy, 0, 6, 3, 2) };
    u[1][3] = u[2][3] = 0;                    /* undefined lanes: not compared */
    memcpy(out, d, sizeof d); memcpy((char *)out + sizeof d, f, sizeof f); memcpy((char *)out + sizeof d + sizeof f, u, sizeof u);
}

__attribute__((noinline)) void lanes(uint32_t *out, const d2 *x, const f4 *y, const u4 *z) {
    d2 dx = x[0] * x[1];
    f4 fx = y[0] + y[1];
    u4 ux = z[0] * z[1];
    d2 nd = -dx;
    f4 nf = -fx;
    double s = nd[1] + dx[0] * 3.0 - -(x[1][1] * dx[1]);
    float t = nf[2] - fx[3] + -(fx[0] * nf[1]);
    uint32_t u = ux[1] ^ ux[0] * ux[3] ^ ux[2];
    memcpy(out, &s, 8); memcpy(out + 2, &t, 4); out[3] = u;
    memcpy(out + 4, &nd, 16); memcpy(out + 8, &nf, 16);
}

int main(void) {
    for (int j = 0; j < N; j++) a[j] = (double)(j * j % 17) / 3.0;
    for (int t = 0; t < 3; t++) { sweep(); for (int j = 1; j < N - 1; j++) a[j] = b[j]; }
    uint64_t h = 0;
    for (int j = 0; j < N; j++) { uint64_t w; memcpy(&w, &a[j], 8); h = h * 31 + w; }
    printf("sweep %016llx\n", (unsigned long long)h);
    d2 x[2] = { { 1.5, -3.25 }, { 1e10, 0.125 } };
    f4 y[2] = { { 1, 2, 3, 4 }, { -5, 6.5, 7, 8e-3f } };
    u4 z[2] = { { 0x9e3779b9u, 3, 5, 0xffffffffu }, { 11, 0x85ebca6bu, 13, 17 } };
    uint32_t out[(4 * 16 + 4 * 16 + 3 * 16) / 4];
    halves(out, x, y, z);
    d2 *d = (d2 *)out;
    show("d0", &d[0]); show("d1", &d[1]); show("d2", &d[2]);
    printf("d3hi %016llx\n", (unsigned long long)((uint64_t)out[15] << 32 | out[14]));
    for (int i = 0; i < 4; i++) { char n[4] = { 'f', (char)('0' + i), 0 }; show(n, out + 16 + 4 * i); }
    for (int i = 0; i < 3; i++) { char n[4] = { 'u', (char)('0' + i), 0 }; show(n, out + 32 + 4 * i); }
    lanes(out, x, y, z);
    show("lanes", out); show("nd", out + 4); show("nf", out + 8);
    return 0;
}
