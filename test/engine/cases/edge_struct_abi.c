/* @O3 structs of odd sizes (1, 3, 6, 12, 20 bytes) copied, returned and passed by value, through function
   pointers and varargs; flexible array members; compound literals; designated initialisers; nested arrays */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
typedef struct { char c; } S1;
typedef struct { char c[3]; } S3;
typedef struct { short a; char b; char c; short d; } S6;
typedef struct { char a; int b; short c; } S12;
typedef struct { float f; char c; double d; short s; } S20;
typedef struct { unsigned char n; char s[2]; } S3b;
static S1 mk1(int i) { S1 r = { (char)('a' + i) }; return r; }
static S3 mk3(int i) { S3 r = { { (char)i, (char)(i * 2), (char)(i * 3) } }; return r; }
static S6 mk6(int i) { return (S6){ .a = (short)(i * 1000), .b = (char)i, .c = (char)-i, .d = (short)-i * 7 }; }
static S12 mk12(int i) { return (S12){ (char)i, i * 100000, (short)(i - 5) }; }
static S20 mk20(int i) { return (S20){ i * 0.5f, (char)('A' + i), i * 1e10, (short)(-i) }; }
static int sum_all(S1 a, S3 b, S6 c, S12 d, S20 e, S3b f) {
    return a.c + b.c[0] + b.c[1] + b.c[2] + c.a + c.b + c.c + c.d + d.a + d.b + d.c + (int)e.f + e.c + (int)(e.d / 1e9) + e.s + f.n + f.s[0] + f.s[1];
}
static S20 twist(S20 x, S6 y, S1 z) { x.f += y.a; x.c = z.c; x.d -= y.d; x.s ^= y.b; return x; }
static void vshow(int n, ...) {
    va_list ap; va_start(ap, n);
    for (int i = 0; i < n; i++) {
        S6 s = va_arg(ap, S6); S3 t = va_arg(ap, S3); S20 u = va_arg(ap, S20);
        printf("  va %d: S6{%d,%d,%d,%d} S3{%d,%d,%d} S20{%g,%c,%g,%d}\n", i, s.a, s.b, s.c, s.d, t.c[0], t.c[1], t.c[2], u.f, u.c, u.d, u.s);
    }
    va_end(ap);
}
struct msg { int len; short tag; char body[]; };
struct dmsg { char kind; double vals[]; };
static struct msg *mkmsg(const char *s) { size_t n = strlen(s); struct msg *m = malloc(sizeof *m + n + 1); m->len = (int)n; m->tag = (short)(n * 3); memcpy(m->body, s, n + 1); return m; }
typedef S20 (*twist_fn)(S20, S6, S1);
struct grid { int w, h; int cells[3][4]; const char *names[3]; };
static const struct grid G = { .h = 3, .w = 4, .cells = { [2] = { 9, 8, [3] = 7 }, [0][1] = 5 }, .names = { [1] = "one", [2] = "two" } };
int main(void) {
    for (int i = 0; i < 4; i++) {
        S3b f = { (unsigned char)(200 + i), { 'x', (char)i } };
        printf("sum %d = %d\n", i, sum_all(mk1(i), mk3(i), mk6(i), mk12(i), mk20(i), f));
    }
    twist_fn tf = twist; S20 t = mk20(3);
    for (int i = 0; i < 3; i++) t = tf(t, mk6(i + 1), mk1(i));
    printf("twist f=%g c=%c d=%g s=%d size=%zu/%zu/%zu/%zu/%zu\n", t.f, t.c, t.d, t.s, sizeof(S1), sizeof(S3), sizeof(S6), sizeof(S12), sizeof(S20));
    vshow(2, mk6(3), mk3(4), mk20(5), mk6(-2), mk3(7), mk20(1));
    S12 arr[5]; for (int i = 0; i < 5; i++) arr[i] = mk12(i);
    S12 tmp = arr[0]; arr[0] = arr[4]; arr[4] = tmp;
    for (int i = 0; i < 5; i++) printf("arr[%d] = {%d,%d,%d}\n", i, arr[i].a, arr[i].b, arr[i].c);
    struct msg *m = mkmsg("flexible member");
    printf("msg len=%d tag=%d body=%s sizeof=%zu\n", m->len, m->tag, m->body, sizeof(struct msg));
    free(m);
    struct dmsg *d = malloc(sizeof *d + 4 * sizeof(double)); d->kind = 'k';
    for (int i = 0; i < 4; i++) d->vals[i] = i * 1.25;
    printf("dmsg %c %g %g sizeof=%zu offset=%zu\n", d->kind, d->vals[1], d->vals[3], sizeof(struct dmsg), (size_t)((char *)d->vals - (char *)d));
    free(d);
    int *cl = (int[]){ 3, 1, 4, 1, 5, 9, 2, 6 }; int s = 0; for (int i = 0; i < 8; i++) s = s * 3 + cl[i];
    printf("compound literal %d\n", s);
    for (int i = 0; i < 3; i++) { S6 *p = &(S6){ .d = (short)i }; p->a += i; printf("cl loop %d %d %d\n", p->a, p->b, p->d); }
    printf("grid %d %d", G.w, G.h); for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) printf(" %d", G.cells[r][c]);
    printf(" %s %s %s\n", G.names[0] ? G.names[0] : "(null)", G.names[1], G.names[2]);
    return 0;
}
