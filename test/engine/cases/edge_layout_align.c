/* @O3 layout and alignment: over-aligned globals, locals, struct members and allocas really aligned; _Alignas,
   _Alignof; GNU empty structs and zero-length arrays; statically initialised flexible array members; anonymous
   nested structs/unions; offsetof through them; i386's 4-byte alignment of double and long long in structs */
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include <stdalign.h>
#include <stdlib.h>
struct empty { };
struct with_empty { int a; struct empty e; int b; };
struct zla { int n; int tail[0]; };
struct flex { short n; char s[]; };
static struct flex fl = { 5, "hello" };
struct anon { int kind; union { struct { short x, y; }; double d; char raw[12]; }; struct { char tag; } ; };
struct mixed { char c; double d; long long ll; char c2; };
struct __attribute__((aligned(32))) a32 { char c; };
static int g64 __attribute__((aligned(64))) = 7;
static _Alignas(128) char g128[3] = "ab";
typedef double v2d __attribute__((vector_size(16)));
static int aligned(const void *p, unsigned a) { return ((uintptr_t)p & (a - 1)) == 0; }
static int check_locals(int n) {
    char pad = (char)n; _Alignas(64) char l64[5]; struct a32 s32[3]; v2d vec = { 1, 2 }; double dd = n; long long ll = n;
    char *al = __builtin_alloca_with_align(n, 256); void *pm = 0; int pr = posix_memalign(&pm, 4096, 10); void *am = aligned_alloc(1024, 2048);
    int r = aligned(l64, 64) + aligned(&s32[1], 32) * 2 + aligned(&vec, 16) * 4 + aligned(al, 32) * 8 + (pr == 0 && aligned(pm, 4096)) * 16 + aligned(am, 1024) * 32 + aligned(&dd, 4) * 64 + aligned(&ll, 4) * 128;
    l64[0] = pad; free(pm); free(am);
    return r + l64[0] * 0 + (int)vec[1] * 0;
}
int main(void) {
    printf("sizes empty %zu with_empty %zu zla %zu flex %zu anon %zu mixed %zu a32 %zu\n", sizeof(struct empty), sizeof(struct with_empty), sizeof(struct zla), sizeof(struct flex), sizeof(struct anon), sizeof(struct mixed), sizeof(struct a32));
    printf("align double %zu long long %zu mixed %zu a32 %zu max_align_t %zu\n", _Alignof(double), _Alignof(long long), _Alignof(struct mixed), _Alignof(struct a32), alignof(max_align_t));
    printf("offsets b %zu x %zu y %zu d %zu tag %zu mixed.d %zu mixed.ll %zu mixed.c2 %zu\n", offsetof(struct with_empty, b), offsetof(struct anon, x), offsetof(struct anon, y), offsetof(struct anon, d), offsetof(struct anon, tag), offsetof(struct mixed, d), offsetof(struct mixed, ll), offsetof(struct mixed, c2));
    printf("flex %d %s globals aligned %d %d %s\n", fl.n, fl.s, aligned(&g64, 64), aligned(g128, 128), g128);
    for (int i = 1; i < 4; i++) printf("locals %d\n", check_locals(i * 7));
    struct anon a = { .kind = 1, .x = -2, .y = 3, .tag = 'T' }; printf("anon %d %d %d %c\n", a.kind, a.x, a.y, a.tag);
    a.d = 1.5; printf("anon d %g raw0 %d\n", a.d, a.raw[7]);
    struct zla *z = malloc(sizeof *z + 3 * sizeof(int)); z->n = 3; for (int i = 0; i < 3; i++) z->tail[i] = i * i; printf("zla %d %d\n", z->n, z->tail[2]); free(z);
    struct empty e1, e2; printf("empty structs %d\n", (int)(sizeof e1 + sizeof e2));
    return 0;
}
