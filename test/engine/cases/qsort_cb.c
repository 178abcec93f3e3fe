#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct rec { int key; char name[12]; double w; };
static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_rec(const void *a, const void *b) {
    const struct rec *x = a, *y = b;
    if (x->w != y->w) return x->w < y->w ? -1 : 1;
    return strcmp(x->name, y->name);
}
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int calls;
static void bye(void) { printf("atexit handler ran, calls=%d\n", calls > 0); }
int main(void) {
    int v[50]; unsigned s = 12345;
    for (int i = 0; i < 50; i++) { s = s * 1103515245 + 12345; v[i] = (int)(s >> 8) % 1000 - 500; }
    qsort(v, 50, sizeof v[0], cmp_int);
    for (int i = 0; i < 50; i += 7) printf("%d ", v[i]);
    printf("\n");
    int key = v[33]; int *p = bsearch(&key, v, 50, sizeof v[0], cmp_int);
    printf("found at %d\n", p ? (int)(p - v) : -1);
    struct rec r[6] = { { 1, "pear", 2.5 }, { 2, "apple", 1.5 }, { 3, "fig", 2.5 }, { 4, "kiwi", 0.5 }, { 5, "date", 1.5 }, { 6, "lime", 9 } };
    qsort(r, 6, sizeof r[0], cmp_rec);
    for (int i = 0; i < 6; i++) printf("%s:%g ", r[i].name, r[i].w);
    printf("\n");
    char *words[] = { "delta", "alpha", "charlie", "bravo", "echo" };
    qsort(words, 5, sizeof(char *), cmp_str);
    for (int i = 0; i < 5; i++) printf("%s ", words[i]);
    printf("\n");
    int (*fp)(const void *, const void *) = cmp_int;
    calls = fp(&v[0], &v[1]) <= 0;
    atexit(bye);
    return 5;
}
