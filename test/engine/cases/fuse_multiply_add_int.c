/* `add a, (mul b, c)` as one step (sums of products, `h * 31 + x` hashes,
 * index arithmetic), products that wrap, negative and constant factors; and
 * the shift, mask and product folds lane by lane in the vectoriser's i32
 * vectors (`b[i] = i * 131 + (i >> 7)`, `<4 x i32>` sums of products), odd
 * trip counts leaving scalar remainders. @O3 */
#include <stdio.h>
#include <stdint.h>

__attribute__((noinline)) static int32_t dot(const int32_t *a, const int32_t *b, int n) {
    int32_t s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}
__attribute__((noinline)) static uint32_t hash(const uint8_t *p, int n) {
    uint32_t h = 7;
    for (int i = 0; i < n; i++) h = h * 31 + p[i];
    uint32_t g = 0x811c9dc5u;
    for (int i = 0; i < n; i++) g = p[i] + g * 0x01000193u;
    return h ^ g;
}
__attribute__((noinline)) static int32_t negative(const int32_t *a, int n, int32_t k) {
    int32_t s = -5;
    for (int i = 0; i < n; i++) s = s * -3 + a[i] * k;
    return s;
}
__attribute__((noinline)) static void fill(uint8_t *b, uint32_t *w, int n) {
    for (int i = 0; i < n; i++) b[i] = (uint8_t)(i * 131 + (i >> 7));
    for (int i = 0; i < n; i++) w[i] = ((uint32_t)i * 2654435761u) ^ ((uint32_t)i << 9) ^ ((uint32_t)i & 0x5555u);
}
__attribute__((noinline)) static void madd(int32_t *d, const int32_t *a, const int32_t *b, const int32_t *c, int n) {
    for (int i = 0; i < n; i++) d[i] = a[i] * b[i] + c[i];
}
__attribute__((noinline)) static void scale_add(uint32_t *d, const uint32_t *a, int n, uint32_t k) {
    for (int i = 0; i < n; i++) d[i] = d[i] + a[i] * 0x9e3779b1u + (a[i] >> 3) * k;
}

int main(void) {
    int32_t a[103], b[103], c[103], d[103]; uint8_t bytes[301]; uint32_t w[301], u[77];
    for (int i = 0; i < 103; i++) { a[i] = i * 40503 - 2000000; b[i] = (i ^ 0x55) * -977 + 3; c[i] = i * i - 5000; }
    printf("dot %d %d %d\n", dot(a, b, 103), dot(a + 1, b + 2, 7), dot(a, b, 0));
    fill(bytes, w, 301);
    uint32_t s = 0;
    for (int i = 0; i < 301; i++) s = s * 33 + bytes[i] + (w[i] >> 5);
    printf("fill %08x hash %08x %08x\n", s, hash(bytes, 301), hash(bytes + 3, 5));
    printf("negative %d %d\n", negative(a, 103, -7), negative(b, 13, 65537));
    madd(d, a, b, c, 103);
    int32_t t = 0;
    for (int i = 0; i < 103; i++) t = t * 5 + d[i];
    madd(d, a, b, c, 5);
    printf("madd %d %d %d\n", t, d[0], d[4]);
    for (int i = 0; i < 77; i++) u[i] = (uint32_t)i * 3266489917u;
    scale_add(u, w, 77, 0x85ebca6bu);
    uint32_t v = 0;
    for (int i = 0; i < 77; i++) v ^= u[i] + (uint32_t)i;
    printf("scale_add %08x %08x\n", v, u[76]);
    return 0;
}
