/* @O3 GCC vector extensions of every element type (char, short, int, long long, float, double), element-wise
   division and shifts by vectors, comparisons giving masks, __builtin_shufflevector/convertvector, clang-only
   builtins (bitreverse, rotate, addc), classify/choose/types_compatible, object_size, assume_aligned */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
typedef int8_t v16qi __attribute__((vector_size(16)));
typedef uint16_t v8hu __attribute__((vector_size(16)));
typedef int32_t v4si __attribute__((vector_size(16)));
typedef int64_t v2di __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
typedef double v2df __attribute__((vector_size(16)));
typedef double v4df __attribute__((vector_size(32)));
typedef uint8_t v8qu __attribute__((vector_size(8)));
static volatile int vk = 3;
#define SHOW(tag, v, n, fmt, cast) do { printf("%s", tag); for (int _i = 0; _i < n; _i++) printf(" " fmt, (cast)(v)[_i]); printf("\n"); } while (0)
int main(void) {
    v16qi a = { 1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 13, -14, 127, -128 }, b = { 0 };
    for (int i = 0; i < 16; i++) b[i] = (int8_t)(i * vk - 20);
    SHOW("qi add", a + b, 16, "%d", int); SHOW("qi mul", a * b, 16, "%d", int); SHOW("qi cmp", a > b, 16, "%d", int);
    v16qi nz = b | 1; SHOW("qi div", a / nz, 16, "%d", int); SHOW("qi rem", a % nz, 16, "%d", int);
    v16qi sh = { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7 }; SHOW("qi shl", a << sh, 16, "%d", int); SHOW("qi sar", a >> sh, 16, "%d", int);
    v8hu h = { 65535, 1, 2, 40000, 5, 6, 7, 8 }, hs = { 15, 1, 2, 3, 4, 5, 6, 7 };
    SHOW("hu shr", h >> hs, 8, "%u", unsigned); { v8hu k = { 1, 2, 3, 4, 5, 6, 7, 9 }; SHOW("hu sub", h - k, 8, "%u", unsigned); } { v8hu mk = (v8hu)(h < hs); SHOW("hu min", (h & mk) | (hs & ~mk), 8, "%u", unsigned); }
    v4si x = { 7, -7, 2147483647, -2147483647 - 1 }, y = { 2, 3, -1, 1 };
    SHOW("si div", x / y, 4, "%d", int); SHOW("si neg", -x, 4, "%d", int); SHOW("si not", ~x, 4, "%d", int); SHOW("si eq", x == y, 4, "%d", int);
    v2di l = { 0x123456789abcdefLL, -5 }, m = { 1000, 7 };
    SHOW("di mul", l * m, 2, "%lld", long long); SHOW("di div", l / m, 2, "%lld", long long); SHOW("di shr", (l >> (v2di){ 60, 1 }), 2, "%lld", long long); SHOW("di cmp", l < m, 2, "%lld", long long);
    v4sf f = { 1.5f, -0.0f, 3.0f, 1e30f }, g = { 0.5f, 2.0f, -3.0f, 1e10f };
    SHOW("sf ops", (f * g + f) / g, 4, "%g", double); SHOW("sf cmp", f >= g, 4, "%d", int); { v4sf cf = { 1.5f, -0.0f, 3.0f, -7.9f }; SHOW("sf conv", __builtin_convertvector(cf, v4si), 4, "%d", int); }
    v2df d = { 0.1, -2.5 }, e = { 3.0, 0.5 }; SHOW("df", d * e - d, 2, "%.17g", double); SHOW("df cmp", d != e, 2, "%lld", long long);
    v4df w = { 1, 2, 3, 4 }; w = w * w + 1; SHOW("v4df", w, 4, "%g", double);
    v4si s1 = __builtin_shufflevector(x, y, 7, 0, 5, 2); SHOW("shuf", s1, 4, "%d", int);
    v8qu q8 = { 1, 2, 3, 4, 250, 251, 252, 253 }; q8 += 10; SHOW("qu8", q8, 8, "%u", unsigned);
    v4si iota = { 0, 1, 2, 3 }; v4si sp = vk + iota; SHOW("splat", sp, 4, "%d", int);
    uint32_t r32 = __builtin_bitreverse32(0x12345678); uint64_t r64 = __builtin_bitreverse64(0x0123456789abcdefull); uint8_t r8 = __builtin_bitreverse8(0x1e);
    printf("bitrev %08x %016llx %02x rot %08x %08x %016llx\n", r32, (unsigned long long)r64, r8, __builtin_rotateleft32(0x80000001u, vk), __builtin_rotateright32(0x80000001u, vk), (unsigned long long)__builtin_rotateleft64(0x8000000000000001ull, 63));
    unsigned carry = 0, s = __builtin_addc(0xffffffffu, 1, 0, &carry); unsigned borrow, t = __builtin_subc(0, 1, 0, &borrow);
    printf("addc %u %u subc %u %u\n", s, carry, t, borrow);
    char buf[24]; char *pb = buf + vk;
    printf("classify %d %d %d %d choose %d compat %d %d objsize %zu %zu\n", __builtin_classify_type(1), __builtin_classify_type(1.0), __builtin_classify_type(buf), __builtin_classify_type(a),
        __builtin_choose_expr(sizeof(int) == 4, 44, 88), __builtin_types_compatible_p(int, signed), __builtin_types_compatible_p(int, unsigned), __builtin_object_size(buf, 0), __builtin_object_size(pb, 3));
    int al[8] __attribute__((aligned(32))) = { 1, 2, 3, 4, 5, 6, 7, 8 }; int *pa = __builtin_assume_aligned(al, 32); int sum = 0; for (int i = 0; i < 8; i++) sum += pa[i];
    printf("assume_aligned %d\n", sum);
    return 0;
}
