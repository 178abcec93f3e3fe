/* a[i] loads and stores of every element size (1, 2, 4, 8: bytes, halves,
 * words, floats, doubles, i64), the index scaled by the element's size in
 * the handler: negative indices from the middle of an array, a[i + C]
 * (the constant in the displacement), unrolled a[i], a[i + 1], a struct's
 * field (scaled by the struct's size, not the field's) beside them; the
 * bytes around each store read back. @O3 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

struct rec { uint16_t tag; uint8_t pad; uint8_t b; uint32_t w; };

__attribute__((noinline)) static void scatter(uint8_t *b, uint16_t *h, uint32_t *w, uint64_t *q, double *d, float *f, int n, int k) {
    for (int i = 0; i < n; i++) {
        b[i * 3 - k] = (uint8_t)(i * 7 + k);
        h[i + 2] = (uint16_t)(i * 40503u);
        w[i - k] = (uint32_t)i * 2654435761u;
        q[n - i] = (uint64_t)i * 0x9e3779b97f4a7c15ull;
        d[i] = i * 0.375 - 1.0;
        f[i + 1] = (float)i * -2.5f;
    }
}
__attribute__((noinline)) static uint64_t gather(const uint8_t *b, const uint16_t *h, const uint32_t *w, const uint64_t *q, const double *d, const float *f, int n, int k) {
    uint64_t s = 0; double ds = 0; float fs = 0;
    for (int i = 0; i < n; i++) {
        s = s * 31 + b[i * 3 - k] + h[i + 2] + w[i - k] + (q[n - i] >> 3);
        ds = ds * 0.5 + d[i]; fs = fs * 0.25f + f[i + 1];
    }
    return s ^ (uint64_t)(int64_t)(ds * 1000.0) ^ (uint64_t)(int64_t)(fs * 1000.0f);
}
__attribute__((noinline)) static uint32_t recs(struct rec *r, int n) {
    uint32_t s = 0;
    for (int i = 0; i < n; i++) { r[i].b = (uint8_t)(i * 9); r[i].w = (uint32_t)i * 77u; s = s * 3 + r[i].tag + r[i].b + r[i].w; }
    return s;
}
static uint32_t words(const void *p, int bytes) {
    const uint8_t *b = p; uint32_t s = 0;
    for (int i = 0; i + 3 < bytes; i += 4) s = s * 31 + (b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 | (uint32_t)b[i + 3] << 24);
    return s;
}

int main(void) {
    static uint8_t b[128]; static uint16_t h[48]; static uint32_t w[48]; static uint64_t q[48]; static double d[48]; static float f[48];
    memset(b, 0x5a, sizeof b); memset(h, 0x5a, sizeof h); memset(w, 0x5a, sizeof w); memset(q, 0x5a, sizeof q); memset(d, 0, sizeof d); memset(f, 0, sizeof f);
    scatter(b + 20, h, w + 8, q, d, f, 37, 5);
    printf("words %08x %08x %08x %08x\n", words(b, sizeof b), words(h, sizeof h), words(w, sizeof w), words(q, sizeof q));
    printf("gather %016llx %016llx\n", (unsigned long long)gather(b + 20, h, w + 8, q, d, f, 37, 5), (unsigned long long)gather(b + 20, h, w + 8, q, d, f, 1, 5));
    struct rec r[9]; memset(r, 0x33, sizeof r);
    printf("recs %08x %08x\n", recs(r, 9), words(r, sizeof r));
    return 0;
}
