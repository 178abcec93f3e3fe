/* @O3 explicit vector types: arithmetic, shuffles, element access */
#include <stdio.h>
typedef int v4si __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
typedef unsigned char v16qu __attribute__((vector_size(16)));
typedef short v8hi __attribute__((vector_size(16)));
typedef double v2df __attribute__((vector_size(16)));
volatile int k = 2;
int main(void) {
    v4si a = { 1, 2, 3, 4 }, b = { 10, -20, 30, -40 };
    v4si c = a * b + (a << 1) - (b >> 2);
    v4si m = a > (v4si){ 2, 2, 2, 2 };
    printf("%d %d %d %d | %d %d %d %d\n", c[0], c[1], c[2], c[3], m[0], m[1], m[2], m[3]);
    v4sf x = { 1.5f, -2.0f, 3.25f, 0.5f }, y = { 2.0f, 2.0f, -1.0f, 8.0f };
    v4sf z = x * y + x / y;
    printf("%.3f %.3f %.3f %.3f\n", z[0], z[1], z[2], z[3]);
    v4si s = __builtin_shufflevector(a, b, 7, 0, 5, 2);
    printf("%d %d %d %d\n", s[0], s[1], s[2], s[3]);
    a[k] = 99; printf("%d %d\n", a[2], a[k + 1]);
    v16qu q; for (int i = 0; i < 16; i++) q[i] = (unsigned char)(i * 37);
    v16qu q2 = q + q; unsigned sum = 0; for (int i = 0; i < 16; i++) sum += q2[i];
    printf("%u\n", sum);
    v8hi h = { 1, -2, 3, -4, 5, -6, 7, -8 }; h = h * h - h;
    printf("%d %d %d\n", h[0], h[3], h[7]);
    v2df d = { 1.25, -3.5 }; d = d * d; printf("%.4f %.4f\n", d[0], d[1]);
    v4si bits = (v4si)x; printf("%08x\n", bits[0]);
    v4sf back = (v4sf)bits; printf("%.2f\n", back[3]);
    return c[0] & 0x7f;
}
