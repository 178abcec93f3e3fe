/* ring buffer queue, growable vector (realloc), and a stack-based expression evaluator (shunting-yard) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct { int *d; int cap, head, n; } ring;
static int rpush(ring *r, int v) { if (r->n == r->cap) return 0; r->d[(r->head + r->n++) % r->cap] = v; return 1; }
static int rpop(ring *r, int *v) { if (!r->n) return 0; *v = r->d[r->head]; r->head = (r->head + 1) % r->cap; r->n--; return 1; }
typedef struct { double *d; size_t n, cap; int grows; } vec;
static void vpush(vec *v, double x) { if (v->n == v->cap) { v->cap = v->cap ? v->cap * 3 / 2 + 1 : 2; v->d = realloc(v->d, v->cap * sizeof *v->d); v->grows++; } v->d[v->n++] = x; }
static int prec(char c) { return c == '+' || c == '-' ? 1 : c == '*' || c == '/' || c == '%' ? 2 : c == '^' ? 3 : 0; }
static long apply(long a, long b, char op) { switch (op) { case '+': return a + b; case '-': return a - b; case '*': return a * b; case '/': return b ? a / b : 0; case '%': return b ? a % b : 0; case '^': { long r = 1; while (b-- > 0) r *= a; return r; } } return 0; }
static long eval(const char *s) {
    long vals[64]; char ops[64]; int nv = 0, no = 0;
    for (; *s; s++) {
        if (*s == ' ') continue;
        if (*s >= '0' && *s <= '9') { long v = 0; while (*s >= '0' && *s <= '9') v = v * 10 + *s++ - '0'; s--; vals[nv++] = v; }
        else if (*s == '(') ops[no++] = '(';
        else if (*s == ')') { while (no && ops[no - 1] != '(') { nv--; vals[nv - 1] = apply(vals[nv - 1], vals[nv], ops[--no]); } no--; }
        else { while (no && ops[no - 1] != '(' && (prec(ops[no - 1]) > prec(*s) || (prec(ops[no - 1]) == prec(*s) && *s != '^'))) { nv--; vals[nv - 1] = apply(vals[nv - 1], vals[nv], ops[--no]); } ops[no++] = *s; }
    }
    while (no) { nv--; vals[nv - 1] = apply(vals[nv - 1], vals[nv], ops[--no]); }
    return vals[0];
}
int main(void) {
    ring r = { malloc(37 * sizeof(int)), 37, 0, 0 }; long acc = 0; int v, dropped = 0;
    for (int i = 0; i < 10000; i++) { if (!rpush(&r, i)) dropped++; if (i % 3 == 0 && rpop(&r, &v)) acc += v; if (i % 7 == 0 && rpop(&r, &v)) acc -= v / 2; }
    while (rpop(&r, &v)) acc += v;
    printf("ring acc %ld dropped %d\n", acc, dropped);
    vec vv = { 0 }; for (int i = 0; i < 100000; i++) vpush(&vv, i * 0.5); double s = 0; for (size_t i = 0; i < vv.n; i += 1000) s += vv.d[i];
    printf("vec n %u cap %u grows %d s %g\n", (unsigned)vv.n, (unsigned)vv.cap, vv.grows, s);
    const char *ex[] = { "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "100 / 7 % 5 - 3", "((((7))))", "2 * (3 + 4) * (5 - 1) - 6 / 2", "10 - 2 - 3", "3 ^ 4 - 80" };
    long t = 0; for (int i = 0; i < 8; i++) { long e = eval(ex[i]); t += e; printf("%s = %ld\n", ex[i], e); }
    free(r.d); free(vv.d);
    return (int)(t & 0x7f);
}
