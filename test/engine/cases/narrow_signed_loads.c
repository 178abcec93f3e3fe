/* i8/i16 loads sign-extended to i32 where they load (the sext right after
 * a load is no code): through a pointer, an indexed element, a field of an
 * element, a two-dimensional element and a local, negative and positive
 * values and both ends of the range; beside them the same bytes zero-extended,
 * an extension to i64 and a sext that does not follow its load. @O3 */
#include <stdio.h>
#include <stdint.h>

struct ins { uint8_t op; int8_t a; int16_t imm; };
static int16_t m16[5][7];
static int8_t m8[3][9];

__attribute__((noinline)) static int32_t sum8(const int8_t *p, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s = s * 3 + p[i]; return s; }
__attribute__((noinline)) static int32_t sum16(const int16_t *p, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s = s * 5 + p[i]; return s; }
__attribute__((noinline)) static uint32_t usum8(const uint8_t *p, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s = s * 3 + p[i]; return s; }
__attribute__((noinline)) static int32_t deref(const int8_t *a, const int16_t *b) { return *a * 1000 + *b; }
__attribute__((noinline)) static int32_t fields(const struct ins *c, int n) {
    int32_t s = 0;
    for (int i = 0; i < n; i++) s += c[i].op == 1 ? c[i].imm : c[i].a * 7;
    return s;
}
__attribute__((noinline)) static int32_t grid(int r) {
    int32_t s = 0;
    for (int i = 0; i < 5; i++) for (int j = 0; j < 7; j++) s = s * 3 + m16[i][j] + m8[(i + r) % 3][j + 2];
    return s;
}
__attribute__((noinline)) static int64_t wide(const int16_t *p, int n) { int64_t s = 0; for (int i = 0; i < n; i++) s = s * 7 + p[i]; return s; }
__attribute__((noinline)) static int32_t local(int k) {
    volatile int8_t b[4] = { -128, 127, -1, (int8_t)k };
    volatile int16_t h[3] = { -32768, 32767, (int16_t)(k * 1000) };
    return b[0] + b[1] * 2 + b[2] * 3 + b[3] * 5 + h[0] + h[1] * 2 + h[2];
}
__attribute__((noinline)) static int32_t apart(const int8_t *p, int n, int32_t x) {
    int32_t s = 0;
    for (int i = 0; i < n; i++) { int8_t v = p[i]; x ^= i; s += (x & 1) ? v : -v; }
    return s;
}

int main(void) {
    int8_t b8[33]; int16_t b16[29]; struct ins code[11];
    for (int i = 0; i < 33; i++) b8[i] = (int8_t)(i * 37 - 100);
    for (int i = 0; i < 29; i++) b16[i] = (int16_t)(i * 4099 - 32768);
    b8[0] = -128; b8[1] = 127; b16[0] = -32768; b16[1] = 32767;
    for (int i = 0; i < 11; i++) { code[i].op = (uint8_t)(i % 3); code[i].a = (int8_t)(-i * 11); code[i].imm = (int16_t)(i * -2500 + 7); }
    for (int i = 0; i < 5; i++) for (int j = 0; j < 7; j++) m16[i][j] = (int16_t)((i - 2) * 9000 + j * 77);
    for (int i = 0; i < 3; i++) for (int j = 0; j < 9; j++) m8[i][j] = (int8_t)((i * 9 + j) * 29);
    printf("sum %d %d %u\n", sum8(b8, 33), sum16(b16, 29), usum8((const uint8_t *)b8, 33));
    printf("deref %d %d fields %d\n", deref(b8, b16), deref(b8 + 5, b16 + 3), fields(code, 11));
    printf("grid %d %d wide %lld\n", grid(0), grid(2), (long long)wide(b16, 29));
    printf("local %d %d apart %d\n", local(-3), local(200), apart(b8, 33, 5));
    return 0;
}
