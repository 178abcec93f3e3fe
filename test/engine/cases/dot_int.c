/* @O3 integer dot-product loops (patterns.c, run by the interpreter as one dotli
 * cell): int32 sums that wrap around, negative elements, rows times columns,
 * rows times rows, columns times columns, an offset operand, lengths 0 .. 41
 * (the vectoriser's passes of 8 or 16 and its scalar rest), int16 and int8
 * elements sign- and zero-extended, and loops the pattern must leave alone:
 * 64-bit and 16-bit sums, an element used after the loop */
#include <stdint.h>
#include <stdio.h>
#define N 37
static int32_t A[N][N], B[N][N];
static int16_t S[2 * N], T[2 * N];
static uint16_t US[2 * N];
static uint8_t UB[2 * N];
static int8_t SB[2 * N];

/* a row of A times a column of B (a matrix product's inner loop) */
__attribute__((noinline)) static int32_t row_col(int i, int j, int n, int32_t s) {
    for (int k = 0; k < n; k++) s += A[i][k] * B[k][j];
    return s;
}
/* a column times a column (both strided) */
__attribute__((noinline)) static int32_t col_col(int i, int j, int n) {
    int32_t s = 0;
    for (int k = 0; k < n; k++) s += A[k][i] * B[k][j];
    return s;
}
/* two rows through pointers (contiguous), unsigned sum */
__attribute__((noinline)) static uint32_t row_row(const uint32_t *a, const uint32_t *b, int n) {
    uint32_t s = 7;
    for (int k = 0; k < n; k++) s += a[k] * b[k];
    return s;
}
/* an operand from an offset (a[k + off]) */
__attribute__((noinline)) static int32_t offset_row(const int32_t *a, const int32_t *b, int off, int n) {
    int32_t s = 0;
    for (int k = 0; k < n; k++) s += a[k + off] * b[k];
    return s;
}
/* int16 elements, sign-extended; one of them unsigned (zero-extended) */
__attribute__((noinline)) static int32_t shorts(const int16_t *a, const int16_t *b, int n) {
    int32_t s = 0;
    for (int k = 0; k < n; k++) s += a[k] * b[k];
    return s;
}
__attribute__((noinline)) static int32_t mixed_shorts(const uint16_t *a, const int16_t *b, int n) {
    int32_t s = -1;
    for (int k = 0; k < n; k++) s += a[k] * b[k];
    return s;
}
/* bytes: unsigned times signed */
__attribute__((noinline)) static uint32_t bytes(const uint8_t *a, const int8_t *b, int n) {
    uint32_t s = 0;
    for (int k = 0; k < n; k++) s += a[k] * b[k];
    return s;
}
/* an int16 column times an int32 row: mixed element sizes */
__attribute__((noinline)) static int32_t short_int(const int16_t *a, int i, int n) {
    int32_t s = 0;
    for (int k = 0; k < n; k++) s += a[k] * A[i][k];
    return s;
}
/* not the pattern: a 64-bit sum, a 16-bit sum, an element used after the loop */
__attribute__((noinline)) static int64_t wide(const int32_t *a, const int32_t *b, int n) {
    int64_t s = 0;
    for (int k = 0; k < n; k++) s += (int64_t)a[k] * b[k];
    return s;
}
__attribute__((noinline)) static int16_t narrow(const int16_t *a, const int16_t *b, int n) {
    int16_t s = 0;
    for (int k = 0; k < n; k++) s += a[k] * b[k];
    return s;
}
__attribute__((noinline)) static int32_t escapes(int j, int32_t *last) {
    int32_t s = 0, b = 0;
    for (int k = 0; k < N; k++) { b = B[k][j]; s += A[1][k] * b; }
    *last = b;
    return s;
}

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            /* large magnitudes so that the sums wrap, and negative elements */
            A[i][j] = (int32_t)((uint32_t)(i * 7 + j * 3) * 0x9e3779b1u) >> ((i + j) % 3 == 0 ? 0 : 12);
            B[i][j] = (i * 5 + j * 11) % 13 - 6 + ((i ^ j) % 7 == 0 ? 0x40000000 : 0);
        }
    for (int i = 0; i < 2 * N; i++) {
        S[i] = (int16_t)(i * 2731 - 30000); T[i] = (int16_t)(29000 - i * 1777);
        US[i] = (uint16_t)(65535 - i * 997); UB[i] = (uint8_t)(255 - i * 13); SB[i] = (int8_t)(i * 37 - 128);
    }
    uint32_t h = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) h = h * 31 + (uint32_t)row_col(i, j, N, i - j);
    printf("row*col %08x %d %d %d\n", h, row_col(N - 1, N - 1, N, 0), row_col(3, 0, 1, 5), row_col(2, 2, 0, -9));
    h = 0;
    for (int n = 0; n <= N; n++) h = h * 33 + (uint32_t)col_col(n % N, (n * 5) % N, n);
    printf("col*col %08x %d\n", h, col_col(N - 1, 0, N));
    h = 0;
    for (int n = 0; n <= 41; n++) {
        h = h * 31 + row_row((const uint32_t *)&A[0][0], (const uint32_t *)&B[1][0], n);
        h = h * 31 + (uint32_t)offset_row(&A[2][0], &B[0][0], n % 5, n);
        h = h * 31 + (uint32_t)shorts(S, T, n) + (uint32_t)mixed_shorts(US, T + 1, n);
        h = h * 31 + bytes(UB, SB, n) + (uint32_t)short_int(S + 3, n % N, n < N ? n : N);
    }
    printf("lengths %08x\n", h);
    printf("shorts %d %d %u %d\n", shorts(S, T, 2 * N), mixed_shorts(US, S, 2 * N), bytes(UB, SB, 2 * N), short_int(T, 5, N));
    printf("wide %lld narrow %d\n", (long long)wide(&A[0][0], &B[0][0], N * N), narrow(S, T, 2 * N));
    int32_t last, w = escapes(N - 1, &last);
    printf("escapes %d %d\n", w, last);
    return 0;
}
