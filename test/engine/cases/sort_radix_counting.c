/* LSD radix sort of uint32 (8-bit digits), counting sort of bytes, and sorting signed ints via bias */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
static void radix(uint32_t *a, uint32_t *tmp, int n) {
    for (int sh = 0; sh < 32; sh += 8) {
        int cnt[257] = { 0 };
        for (int i = 0; i < n; i++) cnt[((a[i] >> sh) & 255) + 1]++;
        for (int i = 0; i < 256; i++) cnt[i + 1] += cnt[i];
        for (int i = 0; i < n; i++) tmp[cnt[(a[i] >> sh) & 255]++] = a[i];
        memcpy(a, tmp, n * sizeof *a);
    }
}
int main(void) {
    enum { N = 30000 };
    uint32_t *a = malloc(N * 4), *t = malloc(N * 4); uint32_t s = 2463534242u;
    for (int i = 0; i < N; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; a[i] = s; }
    radix(a, t, N);
    int ok = 1; uint32_t h = 0; for (int i = 0; i < N; i++) { if (i) ok &= a[i - 1] <= a[i]; h = h * 33 ^ a[i]; }
    printf("radix ok %d h %08x min %u max %u\n", ok, h, a[0], a[N - 1]);
    int32_t sv[1000]; for (int i = 0; i < 1000; i++) sv[i] = (int32_t)(i * 2654435761u) >> 3;
    for (int i = 0; i < 1000; i++) a[i] = (uint32_t)sv[i] ^ 0x80000000u;
    radix(a, t, 1000); for (int i = 0; i < 1000; i++) sv[i] = (int32_t)(a[i] ^ 0x80000000u);
    printf("signed %d %d %d\n", sv[0], sv[500], sv[999]);
    const char *text = "counting sort sorts the bytes of this sentence into order!";
    int c[256] = { 0 }; for (const char *p = text; *p; p++) c[(unsigned char)*p]++;
    char out[128]; int k = 0; for (int i = 0; i < 256; i++) while (c[i]--) out[k++] = (char)i; out[k] = 0;
    printf("'%s'\n", out);
    free(a); free(t);
    return ok;
}
