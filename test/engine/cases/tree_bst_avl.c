/* @O3 AVL tree: insert with rotations, delete, in-order traversal, height checks; plain BST for comparison */
#include <stdio.h>
#include <stdlib.h>
typedef struct T { int k, h, cnt; struct T *l, *r; } T;
static int H(T *t) { return t ? t->h : 0; }
static int mx(int a, int b) { return a > b ? a : b; }
static void upd(T *t) { t->h = 1 + mx(H(t->l), H(t->r)); }
static T *rotr(T *y) { T *x = y->l; y->l = x->r; x->r = y; upd(y); upd(x); return x; }
static T *rotl(T *x) { T *y = x->r; x->r = y->l; y->l = x; upd(x); upd(y); return y; }
static int rotations;
static T *bal(T *t) {
    upd(t); int b = H(t->l) - H(t->r);
    if (b > 1) { if (H(t->l->l) < H(t->l->r)) { t->l = rotl(t->l); rotations++; } rotations++; return rotr(t); }
    if (b < -1) { if (H(t->r->r) < H(t->r->l)) { t->r = rotr(t->r); rotations++; } rotations++; return rotl(t); }
    return t;
}
static T *ins(T *t, int k) { if (!t) { t = calloc(1, sizeof *t); t->k = k; t->h = 1; t->cnt = 1; return t; } if (k < t->k) t->l = ins(t->l, k); else if (k > t->k) t->r = ins(t->r, k); else { t->cnt++; return t; } return bal(t); }
static T *delmin(T *t, T **m) { if (!t->l) { *m = t; return t->r; } t->l = delmin(t->l, m); return bal(t); }
static T *del(T *t, int k) {
    if (!t) return 0;
    if (k < t->k) t->l = del(t->l, k); else if (k > t->k) t->r = del(t->r, k);
    else { T *l = t->l, *r = t->r; free(t); if (!r) return l; T *m; r = delmin(r, &m); m->l = l; m->r = r; return bal(m); }
    return bal(t);
}
static int ok(T *t, int lo, int hi) { if (!t) return 1; if (t->k <= lo || t->k >= hi) return 0; int b = H(t->l) - H(t->r); return b >= -1 && b <= 1 && t->h == 1 + mx(H(t->l), H(t->r)) && ok(t->l, lo, t->k) && ok(t->r, t->k, hi); }
static long walk(T *t, long acc) { if (!t) return acc; acc = walk(t->l, acc); acc = acc * 31 + t->k * t->cnt; return walk(t->r, acc); }
static int size(T *t) { return t ? 1 + size(t->l) + size(t->r) : 0; }
static void freet(T *t) { if (t) { freet(t->l); freet(t->r); free(t); } }
int main(void) {
    T *t = 0; unsigned s = 7;
    for (int i = 0; i < 20000; i++) { s = s * 1664525 + 1013904223; t = ins(t, (int)(s >> 12) % 50000); }
    printf("size %d height %d ok %d rot %d walk %ld\n", size(t), H(t), ok(t, -1, 1 << 30), rotations, walk(t, 0));
    for (int k = 0; k < 50000; k += 3) t = del(t, k);
    printf("after delete size %d height %d ok %d walk %ld\n", size(t), H(t), ok(t, -1, 1 << 30), walk(t, 0));
    T *seq = 0; for (int i = 0; i < 1000; i++) seq = ins(seq, i);
    printf("sequential height %d (perfect %d)\n", H(seq), 10);
    freet(t); freet(seq);
    return H(t) & 0x7f;
}
