/* search.h: binary trees (tsearch, tfind, tdelete, twalk, twalk_r, tdestroy: comparators, actions and the free
   callback are interpreted functions native code calls), hash tables (hcreate/hsearch/hdestroy and the _r forms:
   ENTRY by value), linear search (lsearch, lfind) and queues (insque, remque) */
#define _GNU_SOURCE
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static void show(const void *node, VISIT v, int depth) { if (v == postorder || v == leaf) printf(" %d@%d", **(int *const *)node, depth); }
static void show_r(const void *node, VISIT v, void *closure) { if (v == postorder || v == leaf) *(int *)closure += **(int *const *)node; }
static int freed;
static void free_node(void *p) { freed += *(int *)p; }
struct q { struct q *next, *prev; int v; };
int main(void) {
    int keys[] = { 50, 30, 70, 20, 40, 60, 80 }; void *root = NULL;
    for (int i = 0; i < 7; i++) tsearch(&keys[i], &root, cmp_int);
    int probe = 40; printf("tfind %d", **(int **)tfind(&probe, &root, cmp_int));
    probe = 45; printf(" miss %p", tfind(&probe, &root, cmp_int)); probe = 30; printf(" tdelete %d\n", tdelete(&probe, &root, cmp_int) != NULL);
    printf("twalk"); twalk(root, show); int sum = 0; twalk_r(root, show_r, &sum); printf("\ntwalk_r %d\n", sum);
    tdestroy(root, free_node); printf("tdestroy %d\n", freed);
    hcreate(16); char *names[] = { "alpha", "beta", "gamma" };
    for (int i = 0; i < 3; i++) hsearch((ENTRY){ names[i], (void *)(long)(i + 1) }, ENTER);
    ENTRY *hit = hsearch((ENTRY){ "beta", NULL }, FIND); printf("hsearch %s %ld miss %p\n", hit->key, (long)hit->data, (void *)hsearch((ENTRY){ "delta", NULL }, FIND)); hdestroy();
    struct hsearch_data ht; memset(&ht, 0, sizeof ht); hcreate_r(8, &ht); ENTRY *out;
    hsearch_r((ENTRY){ "k", "v" }, ENTER, &out, &ht); printf("hsearch_r %d %s\n", hsearch_r((ENTRY){ "k", NULL }, FIND, &out, &ht), (char *)out->data); hdestroy_r(&ht);
    int arr[8] = { 4, 8, 15 }; size_t n = 3; int k = 16;
    int *ls = lsearch(&k, arr, &n, sizeof *arr, cmp_int); k = 8; int *lf = lfind(&k, arr, &n, sizeof *arr, cmp_int);
    printf("lsearch %d n %zu lfind %d\n", (int)(ls - arr), n, (int)(lf - arr));
    struct q a = { 0, 0, 1 }, b = { 0, 0, 2 }, c = { 0, 0, 3 }; insque(&a, NULL); insque(&b, &a); insque(&c, &b); remque(&b);
    printf("insque/remque %d -> %d, back %d\n", a.v, a.next->v, c.prev->v);
    return 0;
}
