/* Addresses with two variable indices (a[i][j]) folded into the loads and
 * stores that use them, of every width, and the vectoriser's <2 x double>
 * through one or two indices; odd indices of unrolled loops (`or i, 1`) as
 * displacements; a GEP of constant indices on an indexed address. @O3 */
#include <stdio.h>
#include <stdint.h>

#define N 24
static uint8_t b8[N][N];
static int16_t s16[N][N];
static int32_t w32[N][N];
static float f32[N][N];
static double d64[N][N], e64[N][N];
static int64_t q64[N][N];
struct cell { int16_t tag; double v; uint8_t k; };
static struct cell cells[N][N];
static double x[4 * N], y[4 * N];

/* vectorised: <2 x i8>, <2 x i16> and <2 x i64> arithmetic with constant
   vectors, which the JIT runs lane by lane (an i64 lane's constant high word
   was read as a scalar: "unsupported constant kind" under --jit=all) */
__attribute__((noinline)) static void fill(int seed) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int v = (i * 37 + j * 11 + seed) % 251;
            b8[i][j] = (uint8_t)(v * 3);
            s16[i][j] = (int16_t)(v * 129 - 16000);
            w32[i][j] = v * 100003 - 7;
            f32[i][j] = (float)v * 0.25f - 3.0f;
            d64[i][j] = (double)v / 7.0 - 10.0;
            q64[i][j] = (int64_t)v * 4000000011LL - 5;
            cells[i][j].tag = (int16_t)(v - 100); cells[i][j].v = v * 0.5; cells[i][j].k = (uint8_t)v;
        }
    for (int k = 0; k < 4 * N; k++) { x[k] = k * 0.125 - 1; y[k] = 3 - k * 0.0625; }
}

/* every width loaded through two indices, rows and columns from arguments */
__attribute__((noinline)) static uint64_t sum_rows(int r0, int r1, int c0, int c1) {
    uint64_t h = 1469598103934665603ull;
    for (int i = r0; i < r1; i++)
        for (int j = c0; j < c1; j++) {
            h = (h ^ b8[i][j]) * 1099511628211ull;
            h = (h ^ (uint16_t)s16[i][j]) * 1099511628211ull;
            h = (h ^ (uint32_t)w32[i][j]) * 1099511628211ull;
            h = (h ^ (uint64_t)q64[i][j]) * 1099511628211ull;
            h = (h ^ (uint64_t)(int64_t)(f32[i][j] * 8)) * 1099511628211ull;
            h = (h ^ (uint64_t)(int64_t)(d64[i][j] * 64)) * 1099511628211ull;
            h = (h ^ (uint64_t)(cells[i][j].tag + cells[i][j].k)) * 1099511628211ull;
        }
    return h;
}

/* stores of every width through two indices (transposed, so both scales matter) */
__attribute__((noinline)) static void transpose_all(void) {
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) {
            uint8_t a = b8[i][j]; b8[i][j] = b8[j][i]; b8[j][i] = a;
            int16_t s = s16[i][j]; s16[i][j] = s16[j][i]; s16[j][i] = s;
            int32_t w = w32[i][j]; w32[i][j] = w32[j][i]; w32[j][i] = w;
            int64_t q = q64[i][j]; q64[i][j] = q64[j][i]; q64[j][i] = q;
            float f = f32[i][j]; f32[i][j] = f32[j][i]; f32[j][i] = f;
            double d = d64[i][j]; d64[i][j] = d64[j][i]; d64[j][i] = d;
            double v = cells[i][j].v; cells[i][j].v = cells[j][i].v; cells[j][i].v = v;
        }
}

/* a five-point stencil on doubles: <2 x double> loads and stores at [i +- 1][j] */
__attribute__((noinline)) static void stencil(void) {
    for (int i = 1; i < N - 1; i++)
        for (int j = 1; j < N - 1; j++)
            e64[i][j] = 0.2 * (d64[i][j] + d64[i - 1][j] + d64[i + 1][j] + d64[i][j - 1] + d64[i][j + 1]);
}

/* a float matmul row by column: the inner loop unrolled by two reads [i][k | 1] and [k | 1][j] */
__attribute__((noinline)) static double matmul(void) {
    double t = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            float s = 0;
            for (int k = 0; k < N; k++) s += f32[i][k] * f32[k][j];
            t += s * (i + 1);
        }
    return t;
}

/* daxpy: <2 x double> through one index, and pairs at +2 from it */
__attribute__((noinline)) static void daxpy(double a, int n) {
    for (int k = 0; k < n; k++) y[k] += a * x[k];
}

/* a byte table walked at an even index and the one after it (`or i, 1`) */
__attribute__((noinline)) static uint32_t pairs(const uint8_t *p, int n) {
    uint32_t c = 0xffffffffu;
    for (int i = 0; i < n; i += 2) c = (c >> 3) ^ (p[i] * 2654435761u) ^ p[i + 1];
    return c;
}

/* `or i, 1` on an i whose low bit is not known to be 0 is not i + 1 */
__attribute__((noinline)) static uint32_t odd_of(const uint8_t *p, int n) {
    uint32_t c = 0;
    for (int i = 0; i < n; i++) c = c * 31 + p[i | 1];
    return c;
}

int main(void) {
    fill(5);
    printf("rows %016llx\n", (unsigned long long)sum_rows(0, N, 0, N));
    printf("part %016llx\n", (unsigned long long)sum_rows(3, N - 2, 1, N - 5));
    transpose_all();
    printf("transposed %016llx\n", (unsigned long long)sum_rows(0, N, 0, N));
    stencil();
    double s = 0;
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) s += e64[i][j] * (i * N + j + 1);
    printf("stencil %.6f\n", s);
    printf("matmul %.3f\n", matmul());
    daxpy(0.75, 4 * N);
    daxpy(-1.5, 4 * N - 3);
    s = 0;
    for (int k = 0; k < 4 * N; k++) s += y[k] * (k + 1);
    printf("daxpy %.6f\n", s);
    printf("pairs %08x %08x\n", pairs(&b8[0][0], N * N), pairs(&b8[1][0], N * N - 2 * N));
    printf("odd %08x\n", odd_of(&b8[0][0], N * N - 2));
    return 0;
}
