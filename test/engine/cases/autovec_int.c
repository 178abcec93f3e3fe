/* @O3 integer loops clang vectorises: <4 x i32> adds/muls, <16 x i8> bytes, <8 x i16>, reductions (vector.reduce.add/xor/or/and), min/max */
#include <stdio.h>
#include <stdint.h>
#define N 1024
static int32_t A[N], B[N], C[N]; static uint8_t P[N], Q[N]; static int16_t S[N]; static uint32_t U[N];
__attribute__((noinline)) static void vadd(int32_t *restrict c, const int32_t *restrict a, const int32_t *restrict b, int n) { for (int i = 0; i < n; i++) c[i] = a[i] * 3 + b[i]; }
__attribute__((noinline)) static int32_t rsum(const int32_t *a, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
__attribute__((noinline)) static uint32_t rxor(const uint32_t *a, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s ^= a[i]; return s; }
__attribute__((noinline)) static uint32_t ror(const uint32_t *a, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s |= a[i] & 0x01010101u; return s; }
__attribute__((noinline)) static uint32_t rand_(const uint32_t *a, int n) { uint32_t s = ~0u; for (int i = 0; i < n; i++) s &= a[i] | 0xf0000000u; return s; }
__attribute__((noinline)) static int32_t rmax(const int32_t *a, int n) { int32_t m = a[0]; for (int i = 1; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
__attribute__((noinline)) static uint32_t rumin(const uint32_t *a, int n) { uint32_t m = ~0u; for (int i = 0; i < n; i++) m = a[i] < m ? a[i] : m; return m; }
__attribute__((noinline)) static void bytes(uint8_t *restrict q, const uint8_t *restrict p, int n) { for (int i = 0; i < n; i++) q[i] = (uint8_t)(p[i] + (p[i] >> 2) + 7); }
__attribute__((noinline)) static unsigned bsum(const uint8_t *p, int n) { unsigned s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
__attribute__((noinline)) static void shorts(int16_t *s, int n) { for (int i = 0; i < n; i++) s[i] = (int16_t)(s[i] * 5 - (s[i] >> 1)); }
__attribute__((noinline)) static long long dot16(const int16_t *a, const int16_t *b, int n) { long long s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
__attribute__((noinline)) static void absdiff(int32_t *c, const int32_t *a, const int32_t *b, int n) { for (int i = 0; i < n; i++) { int d = a[i] - b[i]; c[i] = d < 0 ? -d : d; } }
__attribute__((noinline)) static int count_gt(const int32_t *a, int n, int t) { int c = 0; for (int i = 0; i < n; i++) c += a[i] > t; return c; }
int main(void) {
    uint32_t s = 7;
    for (int i = 0; i < N; i++) { s = s * 1664525 + 1013904223; A[i] = (int32_t)(s >> 12) - 300000; B[i] = (int32_t)(s % 1000) - 500; P[i] = s >> 24; U[i] = s; S[i] = (int16_t)(s >> 9); }
    vadd(C, A, B, N); vadd(C + 1, C, B, N - 3);
    bytes(Q, P, N); shorts(S, N);
    absdiff(A, C, B, N - 5);
    printf("sum %d xor %08x or %08x and %08x max %d umin %u\n", rsum(C, N), rxor(U, N), ror(U, N), rand_(U, N), rmax(C, N), rumin(U, N));
    printf("bsum %u %u dot %lld absdiff %d gt %d\n", bsum(P, N), bsum(Q, N - 1), dot16(S, S + 1, N - 1), rsum(A, N), count_gt(C, N, 0));
    return rsum(C, 77) & 0x7f;
}
