/* @O3 global initialisers with relocations: pointers into arrays and structs, addresses of functions in structs
   and tables, pointer arithmetic in constants, self-referential lists, strings by offset, static locals,
   function pointers compared, deep recursion */
#include <stdio.h>
#include <stddef.h>
#include <string.h>
struct node { int v; struct node *next; const char *name; };
static struct node n3;
static struct node n1 = { 1, 0, "one" }, n2 = { 2, &n1, "two" }, n3 = { 3, &n2, "three" + 2 }, n0 = { 0, &n3, 0 };
static int table[10] = { 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 };
static int *tp[] = { table, table + 9, &table[5], table - 0 + 3 };
static int (*tarr)[10] = &table;
static char text[] = "abcdefghijklmnop";
static char *tptrs[] = { text + 1, &text[10], text + sizeof text - 2 };
static const ptrdiff_t off = (char *)&table[7] - (char *)&table[2];
static const size_t offs[] = { offsetof(struct node, next), offsetof(struct node, name) };
static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
static int neg(int x) { return -x; }
struct op { const char *name; int (*fn)(int); struct op *alt; };
static struct op ops[3] = { { "twice", twice, &ops[2] }, { "square", square, &ops[0] }, { "neg", neg, &ops[1] } };
static int (*const fns[][2])(int) = { { twice, square }, { neg, twice } };
static struct { int *p; char c; short *q; } mixed = { &table[4], 'm', 0 };
static unsigned long addr_as_int = (unsigned long)&table[1];
static const char *const names[] = { "alpha", "beta", "gamma" };
static const char *const *pnames = &names[1];
static int counter(void) { static int n = 100; static int *pn = &n; return (*pn)++; }
static int sum_rec(int n) { return n == 0 ? 0 : n + sum_rec(n - 1); }
static long long fib_memo(int n) { static long long memo[93]; if (n < 2) return n; if (memo[n]) return memo[n]; return memo[n] = fib_memo(n - 1) + fib_memo(n - 2); }
int main(void) {
    for (struct node *p = &n0; p; p = p->next) printf("node %d %s\n", p->v, p->name ? p->name : "(null)");
    printf("tp %d %d %d %d tarr %d\n", *tp[0], *tp[1], *tp[2], *tp[3], (*tarr)[6]);
    printf("tptrs %c %c %c off %td offs %zu %zu\n", *tptrs[0], *tptrs[1], *tptrs[2], off, offs[0], offs[1]);
    for (int i = 0; i < 3; i++) printf("op %s(7)=%d alt %s alt.fn(3)=%d\n", ops[i].name, ops[i].fn(7), ops[i].alt->name, ops[i].alt->fn(3));
    printf("fns %d %d %d %d same %d %d\n", fns[0][0](5), fns[0][1](5), fns[1][0](5), fns[1][1](5), fns[0][0] == fns[1][1], ops[0].fn == twice);
    printf("mixed %d %c %p addr %d\n", *mixed.p, mixed.c, (void *)mixed.q, addr_as_int == (unsigned long)&table[1]);
    printf("pnames %s %s\n", pnames[0], pnames[1]);
    table[4] = 99; *tptrs[0] = 'B'; printf("after %d %s\n", *mixed.p, text);
    for (int i = 0; i < 3; i++) printf("counter %d\n", counter());
    printf("sum_rec %d fib %lld\n", sum_rec(20000), fib_memo(92));
    return 0;
}
