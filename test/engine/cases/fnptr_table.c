/* @O3 function pointer tables in globals, dispatch through structs of pointers, returning function pointers */
#include <stdio.h>
#include <string.h>
typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int dv(int a, int b) { return b ? a / b : 0; }
static int mx(int a, int b) { return a > b ? a : b; }
static const binop ops[] = { add, sub, mul, dv, mx };
static const struct { const char *name; binop fn; char sym; } named[] = { { "add", add, '+' }, { "sub", sub, '-' }, { "mul", mul, '*' }, { "div", dv, '/' } };
struct vtbl { double (*area)(const void *); const char *(*name)(void); };
struct sq { const struct vtbl *vt; double side; };
struct ci { const struct vtbl *vt; double r; };
static double sq_area(const void *p) { return ((const struct sq *)p)->side * ((const struct sq *)p)->side; }
static double ci_area(const void *p) { return 3.14159 * ((const struct ci *)p)->r * ((const struct ci *)p)->r; }
static const char *sq_name(void) { return "square"; }
static const char *ci_name(void) { return "circle"; }
static const struct vtbl sq_vt = { sq_area, sq_name }, ci_vt = { ci_area, ci_name };
static binop pick(const char *n) { for (unsigned i = 0; i < 4; i++) if (!strcmp(named[i].name, n)) return named[i].fn; return mx; }
static int (*pick2(int k))(int, int) { return ops[k % 5]; }
int main(void) {
    int acc = 1;
    for (int i = 0; i < 50; i++) acc = ops[i % 5](acc, i + 1) % 100003;
    printf("acc %d\n", acc);
    for (unsigned i = 0; i < 4; i++) printf("7 %c 3 = %d\n", named[i].sym, named[i].fn(7, 3));
    printf("pick %d %d %d\n", pick("mul")(6, 7), pick("nope")(6, 7), pick2(13)(100, 9));
    struct sq s1 = { &sq_vt, 3 }; struct ci c1 = { &ci_vt, 2 }; struct sq s2 = { &sq_vt, 1.5 };
    const void *objs[] = { &s1, &c1, &s2 };
    double tot = 0;
    for (int i = 0; i < 3; i++) { const struct vtbl *vt = *(const struct vtbl *const *)objs[i]; tot += vt->area(objs[i]); printf("%s %.4f\n", vt->name(), vt->area(objs[i])); }
    printf("total %.4f same %d\n", tot, ops[0] == add);
    return acc & 0x7f;
}
