/* tagged unions as variant values: a tiny dynamic-typed calculator (int/double/string/list), type-punning unions, anonymous unions */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
typedef enum { T_INT, T_DBL, T_STR, T_LIST } tag;
typedef struct val { tag t; union { long long i; double d; char *s; struct { struct val *items; int n; } list; }; } val;
static val vi(long long i) { val v; v.t = T_INT; v.i = i; return v; }
static val vd(double d) { val v; v.t = T_DBL; v.d = d; return v; }
static val vs(const char *s) { val v; v.t = T_STR; v.s = strdup(s); return v; }
static val add(val a, val b) {
    if (a.t == T_INT && b.t == T_INT) return vi(a.i + b.i);
    if ((a.t == T_INT || a.t == T_DBL) && (b.t == T_INT || b.t == T_DBL)) return vd((a.t == T_INT ? (double)a.i : a.d) + (b.t == T_INT ? (double)b.i : b.d));
    if (a.t == T_STR && b.t == T_STR) { val r; r.t = T_STR; r.s = malloc(strlen(a.s) + strlen(b.s) + 1); strcpy(r.s, a.s); strcat(r.s, b.s); return r; }
    if (a.t == T_LIST) { val r; r.t = T_LIST; r.list.n = a.list.n; r.list.items = malloc(sizeof(val) * (a.list.n ? a.list.n : 1)); for (int i = 0; i < a.list.n; i++) r.list.items[i] = add(a.list.items[i], b); return r; }
    return vi(-1);
}
static void show(val v) { switch (v.t) { case T_INT: printf("%lld", v.i); break; case T_DBL: printf("%.4f", v.d); break; case T_STR: printf("\"%s\"", v.s); break; case T_LIST: printf("["); for (int i = 0; i < v.list.n; i++) { if (i) printf(", "); show(v.list.items[i]); } printf("]"); break; } }
static void drop(val v) { if (v.t == T_STR) free(v.s); if (v.t == T_LIST) { for (int i = 0; i < v.list.n; i++) drop(v.list.items[i]); free(v.list.items); } }
int main(void) {
    val l; l.t = T_LIST; l.list.n = 4; l.list.items = malloc(4 * sizeof(val)); l.list.items[0] = vi(1); l.list.items[1] = vd(2.5); l.list.items[2] = vi(-7); l.list.items[3] = vi(1LL << 40);
    val r1 = add(vi(40), vi(2)), r2 = add(vi(1), vd(0.25)), r3 = add(vs("foo"), vs("bar")), r4 = add(l, vi(10)), r5 = add(vs("x"), vi(1));
    show(r1); printf(" "); show(r2); printf(" "); show(r3); printf(" "); show(r4); printf(" "); show(r5); printf("\n");
    union { float f; uint32_t u; struct { uint32_t mant : 23, exp : 8, sign : 1; } p; } pun;
    for (float x = -3.5f; x < 4; x += 1.75f) { pun.f = x; printf("%g: sign %u exp %u mant %06x\n", x, pun.p.sign, pun.p.exp, pun.p.mant); }
    printf("sizeof val %u\n", (unsigned)sizeof(val));
    long long tag_sum = r1.t + r2.t + r3.t + r4.t + r5.t;
    drop(r3); drop(r4); drop(l);
    return (int)tag_sum;
}
