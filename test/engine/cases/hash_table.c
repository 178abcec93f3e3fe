/* @O3 chained hash table of string keys with resizing, plus an open-addressing int map with tombstones: word frequencies */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct ent { char *key; int val; struct ent *next; } ent;
typedef struct { ent **b; unsigned nb, n; } table;
static unsigned hs(const char *s) { unsigned h = 2166136261u; while (*s) h = (h ^ (unsigned char)*s++) * 16777619u; return h; }
static void grow(table *t) { unsigned nb = t->nb ? t->nb * 2 : 8; ent **b = calloc(nb, sizeof *b); for (unsigned i = 0; i < t->nb; i++) for (ent *e = t->b[i], *n; e; e = n) { n = e->next; unsigned k = hs(e->key) & (nb - 1); e->next = b[k]; b[k] = e; } free(t->b); t->b = b; t->nb = nb; }
static int *put(table *t, const char *k) { if (t->n >= t->nb * 3 / 4) grow(t); unsigned i = hs(k) & (t->nb - 1); for (ent *e = t->b[i]; e; e = e->next) if (!strcmp(e->key, k)) return &e->val; ent *e = malloc(sizeof *e); e->key = strdup(k); e->val = 0; e->next = t->b[i]; t->b[i] = e; t->n++; return &e->val; }
typedef struct { int *keys, *vals; unsigned char *st; unsigned cap, n; } imap;
static unsigned ih(int k) { unsigned x = (unsigned)k * 2654435761u; return x ^ x >> 15; }
static void iput(imap *m, int k, int v) { unsigned i = ih(k) & (m->cap - 1), tomb = ~0u; while (m->st[i]) { if (m->st[i] == 1 && m->keys[i] == k) { m->vals[i] = v; return; } if (m->st[i] == 2 && tomb == ~0u) tomb = i; i = (i + 1) & (m->cap - 1); } if (tomb != ~0u) i = tomb; m->st[i] = 1; m->keys[i] = k; m->vals[i] = v; m->n++; }
static int *iget(imap *m, int k) { unsigned i = ih(k) & (m->cap - 1); while (m->st[i]) { if (m->st[i] == 1 && m->keys[i] == k) return &m->vals[i]; i = (i + 1) & (m->cap - 1); } return 0; }
static void idel(imap *m, int k) { unsigned i = ih(k) & (m->cap - 1); while (m->st[i]) { if (m->st[i] == 1 && m->keys[i] == k) { m->st[i] = 2; m->n--; return; } i = (i + 1) & (m->cap - 1); } }
int main(void) {
    const char *text = "it was the best of times it was the worst of times it was the age of wisdom it was the age of foolishness it was the epoch of belief it was the epoch of incredulity it was the season of light it was the season of darkness";
    table t = { 0 }; char w[32]; const char *p = text;
    for (int rep = 0; rep < 20; rep++) { p = text; while (*p) { int n = 0; while (*p && *p != ' ') w[n++] = *p++; w[n] = 0; if (*p) p++; if (rep) { w[n] = (char)('a' + rep % 5); w[n + 1] = 0; } (*put(&t, w))++; } }
    int best = 0; const char *bw = ""; unsigned total = 0;
    for (unsigned i = 0; i < t.nb; i++) for (ent *e = t.b[i]; e; e = e->next) { total += e->val; if (e->val > best || (e->val == best && strcmp(e->key, bw) < 0)) { best = e->val; bw = e->key; } }
    printf("distinct %u buckets %u total %u top '%s' x%d the=%d\n", t.n, t.nb, total, bw, best, *put(&t, "the"));
    for (unsigned i = 0; i < t.nb; i++) for (ent *e = t.b[i], *n; e; e = n) { n = e->next; free(e->key); free(e); } free(t.b);
    imap m = { malloc(4096 * 4), malloc(4096 * 4), calloc(4096, 1), 4096, 0 };
    for (int i = 0; i < 3000; i++) iput(&m, i * 7919 % 100003, i);
    for (int i = 0; i < 3000; i += 2) idel(&m, i * 7919 % 100003);
    for (int i = 0; i < 1000; i++) iput(&m, -i, i * i);
    long s = 0; int miss = 0; for (int i = 0; i < 3000; i++) { int *v = iget(&m, i * 7919 % 100003); if (v) s += *v; else miss++; }
    printf("imap n %u sum %ld miss %d neg %d\n", m.n, s, miss, *iget(&m, -999));
    return (int)(m.n & 0x7f);
}
