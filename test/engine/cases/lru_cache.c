/* an LRU cache: hash map + doubly linked list, capacity eviction, hit/miss statistics over a skewed access pattern */
#include <stdio.h>
#include <stdlib.h>
typedef struct ent { int key, val; struct ent *prev, *next, *hnext; } ent;
typedef struct { ent **tab; int nb, cap, n; ent head; long hits, misses, evictions; } lru;
static void unlink_(ent *e) { e->prev->next = e->next; e->next->prev = e->prev; }
static void front(lru *c, ent *e) { e->next = c->head.next; e->prev = &c->head; c->head.next->prev = e; c->head.next = e; }
static ent **slot(lru *c, int key) { ent **p = &c->tab[(unsigned)key * 2654435761u % c->nb]; while (*p && (*p)->key != key) p = &(*p)->hnext; return p; }
static int get(lru *c, int key, int *val) { ent *e = *slot(c, key); if (!e) { c->misses++; return 0; } c->hits++; unlink_(e); front(c, e); *val = e->val; return 1; }
static void put(lru *c, int key, int val) {
    ent **p = slot(c, key); if (*p) { (*p)->val = val; unlink_(*p); front(c, *p); return; }
    if (c->n == c->cap) { ent *old = c->head.prev; unlink_(old); ent **q = slot(c, old->key); *q = old->hnext; free(old); c->n--; c->evictions++; p = slot(c, key); }
    ent *e = malloc(sizeof *e); e->key = key; e->val = val; e->hnext = NULL; *p = e; front(c, e); c->n++;
}
int main(void) {
    for (int cap = 8; cap <= 512; cap *= 4) {
        lru c = { calloc(1024, sizeof(ent *)), 1024, cap, 0 }; c.head.next = c.head.prev = &c.head;
        unsigned s = 1; long sum = 0;
        for (int i = 0; i < 50000; i++) { s = s * 1103515245 + 12345; unsigned r = (s >> 16) & 0x7fff; int key = r % 100 < 80 ? (int)(r % 50) : (int)(r % 2000); int v; if (get(&c, key, &v)) sum += v; else put(&c, key, key * 3 + i % 7); }
        int order = 0; for (ent *e = c.head.next; e != &c.head && order < 5; e = e->next, order++) printf("%d ", e->key);
        printf("| cap %d hits %ld misses %ld evictions %ld sum %ld\n", cap, c.hits, c.misses, c.evictions, sum);
        for (ent *e = c.head.next; e != &c.head;) { ent *n = e->next; free(e); e = n; } free(c.tab);
    }
    return 0;
}
