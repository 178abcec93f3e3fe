#include <stdio.h>
#include <stdlib.h>
struct node { int v; struct node *next; };
struct tree { int k; struct tree *l, *r; };
static struct node *push(struct node *h, int v) { struct node *n = malloc(sizeof *n); n->v = v; n->next = h; return n; }
static struct node *rev(struct node *h) { struct node *p = 0; while (h) { struct node *n = h->next; h->next = p; p = h; h = n; } return p; }
static struct tree *ins(struct tree *t, int k) { if (!t) { t = calloc(1, sizeof *t); t->k = k; return t; } if (k < t->k) t->l = ins(t->l, k); else if (k > t->k) t->r = ins(t->r, k); return t; }
static int height(struct tree *t) { if (!t) return 0; int a = height(t->l), b = height(t->r); return 1 + (a > b ? a : b); }
static long sum(struct tree *t) { return t ? t->k + sum(t->l) + sum(t->r) : 0; }
static void inorder(struct tree *t, int *out, int *n) { if (!t) return; inorder(t->l, out, n); out[(*n)++] = t->k; inorder(t->r, out, n); }
static void freet(struct tree *t) { if (!t) return; freet(t->l); freet(t->r); free(t); }
int main(void) {
    struct node *h = 0; for (int i = 0; i < 1000; i++) h = push(h, i * i % 977);
    h = rev(h); int c = 0; long s = 0; for (struct node *p = h; p; p = p->next) { c++; s += p->v * (c % 5); }
    printf("%d %ld %d\n", c, s, h->next->next->v);
    while (h) { struct node *n = h->next; free(h); h = n; }
    struct tree *t = 0; unsigned x = 7; for (int i = 0; i < 2000; i++) { x = x * 1103515245 + 12345; t = ins(t, (x >> 10) % 5000); }
    int out[2000], n = 0; inorder(t, out, &n);
    int sorted = 1; for (int i = 1; i < n; i++) if (out[i - 1] >= out[i]) sorted = 0;
    printf("%d %d %ld %d\n", n, height(t), sum(t), sorted);
    freet(t);
    return n & 0x7f;
}
