/* @O3 explicit <4 x float> and <2 x double> vector_size code: arithmetic, compares, element insert/extract, conversion */
#include <stdio.h>
typedef float f4 __attribute__((vector_size(16)));
typedef double d2 __attribute__((vector_size(16)));
typedef int i4 __attribute__((vector_size(16)));
static f4 madd(f4 a, f4 b, f4 c) { return a * b + c; }
int main(void) {
    f4 acc = { 0, 0, 0, 0 }, x = { 1.0f, -2.0f, 0.5f, 3.0f }, step = { 0.25f, 0.5f, -0.125f, 1.0f };
    for (int i = 0; i < 100; i++) { acc = madd(x, step, acc); x = x + step; x[i & 3] *= 0.99f; }
    printf("acc %.4f %.4f %.4f %.4f\n", acc[0], acc[1], acc[2], acc[3]);
    i4 m = acc > x; i4 m2 = acc <= (f4){ 100, 100, 100, 100 };
    printf("mask %d %d %d %d | %d %d %d %d\n", m[0], m[1], m[2], m[3], m2[0], m2[1], m2[2], m2[3]);
    i4 conv = __builtin_convertvector(acc, i4); f4 back = __builtin_convertvector(conv * 2, f4);
    printf("conv %d %d %d %d back %.1f %.1f\n", conv[0], conv[1], conv[2], conv[3], back[0], back[3]);
    d2 d = { 1.0, 2.0 }; for (int i = 0; i < 20; i++) d = d * (d2){ 1.5, 0.5 } + (d2){ i, -i };
    printf("d2 %.6g %.6g\n", d[0], d[1]);
    f4 mn = { 1e30f, 1e30f, 1e30f, 1e30f }; f4 v = { 3, -1, 4, 1 };
    for (int i = 0; i < 16; i++) { v = v * 1.3f - 2.0f; i4 lt = v < mn; mn = (f4)(((i4)v & lt) | ((i4)mn & ~lt)); }
    printf("min %.3f %.3f %.3f %.3f\n", mn[0], mn[1], mn[2], mn[3]);
    f4 sh = __builtin_shufflevector(acc, x, 7, 0, 5, 2); float s = sh[0] + sh[1] + sh[2] + sh[3];
    printf("shuf %.3f %.3f %.3f %.3f s %.3f\n", sh[0], sh[1], sh[2], sh[3], s);
    return (int)s & 0x7f;
}
