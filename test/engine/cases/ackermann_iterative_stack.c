/* recursion turned into explicit stacks: iterative Ackermann, iterative quicksort, and non-recursive tree traversal with parent pointers */
#include <stdio.h>
#include <stdlib.h>
static unsigned ack_iter(unsigned m, unsigned n, long *steps) { unsigned *st = malloc(1 << 20); int sp = 0; st[sp++] = m;
    while (sp) { m = st[--sp]; (*steps)++; if (!m) n++; else if (!n) { st[sp++] = m - 1; n = 1; } else { st[sp++] = m - 1; st[sp++] = m; n--; } }
    free(st); return n; }
typedef struct tn { int k; struct tn *l, *r, *p; } tn;
int main(void) {
    long steps = 0; for (unsigned m = 0; m <= 3; m++) { steps = 0; unsigned r = ack_iter(m, 4, &steps); printf("A(%u,4) = %u steps %ld\n", m, r, steps); }
    int a[3000]; unsigned s = 5; for (int i = 0; i < 3000; i++) { s = s * 1103515245 + 12345; a[i] = (s >> 16) % 10000; }
    int stk[128], sp = 0; stk[sp++] = 0; stk[sp++] = 2999; int maxsp = 0;
    while (sp) { int hi = stk[--sp], lo = stk[--sp]; if (lo >= hi) continue; int p = a[(lo + hi) / 2], i = lo, j = hi; while (i <= j) { while (a[i] < p) i++; while (a[j] > p) j--; if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; } }
        if (j - lo > hi - i) { stk[sp++] = lo; stk[sp++] = j; stk[sp++] = i; stk[sp++] = hi; } else { stk[sp++] = i; stk[sp++] = hi; stk[sp++] = lo; stk[sp++] = j; } if (sp > maxsp) maxsp = sp; }
    int ok = 1; for (int i = 1; i < 3000; i++) ok &= a[i - 1] <= a[i]; printf("iterative qsort ok %d max stack %d\n", ok, maxsp);
    tn *root = NULL; for (int i = 0; i < 500; i++) { s = s * 1103515245 + 12345; tn *n = calloc(1, sizeof *n); n->k = (s >> 16) % 1000; tn **pp = &root, *par = NULL; while (*pp) { par = *pp; pp = n->k < par->k ? &par->l : &par->r; } n->p = par; *pp = n; }
    tn *c = root; while (c->l) c = c->l; long h = 0; int cnt = 0, prev = -1, sorted = 1;
    while (c) { h = h * 31 + c->k; cnt++; if (c->k < prev) sorted = 0; prev = c->k; if (c->r) { c = c->r; while (c->l) c = c->l; } else { while (c->p && c->p->r == c) c = c->p; c = c->p; } }
    printf("inorder count %d sorted %d h %ld\n", cnt, sorted, h);
    return cnt & 0x7f;
}
