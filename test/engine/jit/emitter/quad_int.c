/* <4 x i32> values in XMM registers: loads and stores, add/sub/and/or/xor,
 * multiply (pmuludq twice and pshufd: SSE2 has no 32-bit lane multiply),
 * shifts by a constant splat, operations with constants (zero, a splat, four
 * different words), a vector built lane by lane (a chain of insertelements:
 * imatmul's column gather), splats of a scalar, a vector phi carried around a
 * loop, and the ways a register-held vector still reaches its slot: a lane read,
 * a general shuffle, a compare, a reduction, a call it lives across. Products
 * wrap (unsigned lanes); exact results: native, interpreted and compiled runs
 * must agree. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint32_t u4 __attribute__((vector_size(16)));
typedef int32_t i4 __attribute__((vector_size(16)));

static u4 get(const uint32_t *p) { u4 v; memcpy(&v, p, 16); return v; }
static void put(uint32_t *p, u4 v) { memcpy(p, &v, 16); }
static void show(const char *what, u4 v) { printf("%s %08x %08x %08x %08x\n", what, v[0], v[1], v[2], v[3]); }

/* imatmul's inner loop, vectorised: a row of A times a column of B gathered lane by lane, summed in a vector phi */
#define N 12
static int32_t A[N][N], B[N][N], C[N][N];
__attribute__((noinline)) void matmul(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) { int32_t s = 0; for (int k = 0; k < N; k++) s += A[i][k] * B[k][j]; C[i][j] = s; }
}

/* every packed operation; constants as zero, a splat and four words */
__attribute__((noinline)) void ops(uint32_t *out, const uint32_t *x, const uint32_t *y, int n) {
    for (int i = 0; i < n; i++) out[i] = ((x[i] * y[i]) ^ (x[i] << 3)) + ((y[i] >> 7) | (x[i] - y[i])) + (uint32_t)((int32_t)x[i] >> 5) * 0x9e3779b9u;
}

__attribute__((noinline)) uint32_t clobber(uint32_t x) { return x * 3u; }

/* a product live across a call, a general shuffle, a compare, a lane read, constants of each shape */
__attribute__((noinline)) uint32_t shapes(uint32_t *out, const uint32_t *p, const uint32_t *q) {
    u4 a = get(p), b = get(q);
    u4 m = a * b;
    u4 s = __builtin_shufflevector(m, m, 2, 2, 2, 2);
    u4 r = __builtin_shufflevector(m, a, 3, 4, 0, 6);
    u4 t = s + r - (u4){ 1, 2, 3, 0x80000000u };
    uint32_t c = clobber(m[1]);
    u4 gt = (u4)((i4)t > (i4)m);
    put(out, (gt & t) | (~gt & (m * 7u)));
    put(out + 4, (r << 31) ^ (u4)((i4)b >> 31) ^ (u4){ 0, 0, 0, 0 });
    u4 built = { c, p[3], q[0] + 1, m[3] };
    put(out + 8, built * a + 5u);
    return c + t[0] + m[2];
}

/* a vector phi carried around a loop with a trip count not known in advance, and a splat of a parameter */
__attribute__((noinline)) void carried(uint32_t *out, uint32_t seed, int n) {
    u4 acc = { seed, seed ^ 1, seed + 2, ~seed };
    u4 k = { seed, seed, seed, seed };
    for (int i = 0; i < n; i++) acc = acc * (k | 1u) + (u4){ 3, 5, 7, 11 };
    put(out, acc);
}

int main(void) {
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { A[i][j] = (i * 7 + j * 3) % 13 - 6; B[i][j] = (i * 5 + j) % 11 - 5; }
    matmul();
    uint32_t h = 0;
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) h = h * 31 + (uint32_t)C[i][j];
    printf("matmul %08x\n", h);
    uint32_t x[64], y[64], out[64];
    for (int i = 0; i < 64; i++) { x[i] = 0x9e3779b9u * (uint32_t)(i + 1); y[i] = 0x85ebca6bu ^ (uint32_t)(i * 977); }
    ops(out, x, y, 61);
    h = 0;
    for (int i = 0; i < 61; i++) h = h * 31 + out[i];
    printf("ops %08x\n", h);
    uint32_t o[12];
    uint32_t c = shapes(o, x + 5, y + 9);
    printf("shapes %08x\n", c);
    show("sel", get(o)); show("shift", get(o + 4)); show("built", get(o + 8));
    carried(o, 0xdeadbeefu, 37);
    show("carried", get(o));
    return 0;
}
