/* @O3 singly and doubly linked lists with malloc/free: push, reverse, merge sort, delete-if, splice; memory accounting */
#include <stdio.h>
#include <stdlib.h>
typedef struct node { int v; struct node *next; } node;
typedef struct dn { int v; struct dn *prev, *next; } dn;
static int live;
static node *cons(int v, node *n) { node *x = malloc(sizeof *x); live++; x->v = v; x->next = n; return x; }
static node *rev(node *l) { node *r = 0; while (l) { node *n = l->next; l->next = r; r = l; l = n; } return r; }
static node *merge(node *a, node *b) { node h, *t = &h; while (a && b) { if (a->v <= b->v) { t->next = a; a = a->next; } else { t->next = b; b = b->next; } t = t->next; } t->next = a ? a : b; return h.next; }
static node *msort(node *l) { if (!l || !l->next) return l; node *s = l, *f = l->next; while (f && f->next) { s = s->next; f = f->next->next; } node *b = s->next; s->next = 0; return merge(msort(l), msort(b)); }
static node *remove_if(node *l, int (*pred)(int)) { node **pp = &l; while (*pp) { if (pred((*pp)->v)) { node *d = *pp; *pp = d->next; free(d); live--; } else pp = &(*pp)->next; } return l; }
static int is_mult3(int v) { return v % 3 == 0; }
static unsigned hash(node *l) { unsigned h = 0; int n = 0; for (; l; l = l->next, n++) h = h * 31 + (unsigned)l->v; return h ^ (unsigned)n; }
int main(void) {
    node *l = 0; unsigned s = 99;
    for (int i = 0; i < 5000; i++) { s = s * 1103515245 + 12345; l = cons((int)(s >> 16) % 1000, l); }
    printf("built h %08x\n", hash(l));
    l = rev(l); printf("rev h %08x\n", hash(l));
    l = msort(l); printf("sorted h %08x first %d\n", hash(l), l->v);
    l = remove_if(l, is_mult3); printf("filtered h %08x live %d\n", hash(l), live);
    while (l) { node *n = l->next; free(l); live--; l = n; }
    dn head = { 0, &head, &head };
    for (int i = 0; i < 100; i++) { dn *x = malloc(sizeof *x); live++; x->v = i * i; if (i & 1) { x->next = &head; x->prev = head.prev; head.prev->next = x; head.prev = x; } else { x->prev = &head; x->next = head.next; head.next->prev = x; head.next = x; } }
    long fw = 0, bw = 0; int k = 0; for (dn *x = head.next; x != &head; x = x->next) fw = fw * 7 + x->v + k++;
    k = 0; for (dn *x = head.prev; x != &head; x = x->prev) bw = bw * 7 + x->v + k++;
    for (dn *x = head.next; x != &head;) { dn *n = x->next; if (x->v % 2 == 0) { x->prev->next = x->next; x->next->prev = x->prev; free(x); live--; } x = n; }
    int cnt = 0; for (dn *x = head.next; x != &head;) { dn *n = x->next; cnt++; free(x); live--; x = n; }
    printf("dlist fw %ld bw %ld odd %d live %d\n", fw, bw, cnt, live);
    return live;
}
