/* @O3 interpreted comparators called back from native qsort/bsearch: ints, doubles, strings, structs, stable tie-breaks */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct rec { char name[8]; int age; double score; };
static int calls;
static int cmp_int(const void *a, const void *b) { calls++; int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_dbl(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static int cmp_rec(const void *a, const void *b) { const struct rec *x = a, *y = b; if (x->age != y->age) return x->age - y->age; return strcmp(x->name, y->name); }
int main(void) {
    int a[500]; unsigned s = 1; for (int i = 0; i < 500; i++) { s = s * 1103515245 + 12345; a[i] = (int)(s >> 8) % 10000 - 5000; }
    qsort(a, 500, sizeof *a, cmp_int);
    int ok = 1; for (int i = 1; i < 500; i++) ok &= a[i - 1] <= a[i];
    long long cs = 0; for (int i = 0; i < 500; i++) cs = cs * 7 + a[i];
    printf("sorted %d min %d max %d cs %lld calls>0 %d\n", ok, a[0], a[499], cs, calls > 0);
    int found = 0; for (int k = -5000; k < 5000; k += 37) found += bsearch(&k, a, 500, sizeof *a, cmp_int) != NULL;
    int key = a[123]; int *p = bsearch(&key, a, 500, sizeof *a, cmp_int);
    printf("found %d hit %d\n", found, p && *p == key);
    qsort(a, 500, sizeof *a, cmp_int_desc); printf("desc %d %d %d\n", a[0], a[250], a[499]);
    double d[64]; for (int i = 0; i < 64; i++) d[i] = (i * 7919 % 64) * 0.37 - 10; qsort(d, 64, sizeof *d, cmp_dbl);
    printf("d %.2f %.2f %.2f\n", d[0], d[32], d[63]);
    const char *w[] = { "pear", "apple", "fig", "banana", "cherry", "date", "elder", "grape", "kiwi", "apple" };
    qsort(w, 10, sizeof *w, cmp_str); for (int i = 0; i < 10; i++) printf("%s ", w[i]);
    const char *kk = "fig"; const char **hit = bsearch(&kk, w, 10, sizeof *w, cmp_str); printf("| fig at %d\n", hit ? (int)(hit - w) : -1);
    struct rec r[6] = { { "eve", 30, 1 }, { "bob", 25, 2 }, { "amy", 30, 3 }, { "dan", 20, 4 }, { "cat", 25, 5 }, { "fay", 20, 6 } };
    qsort(r, 6, sizeof *r, cmp_rec); for (int i = 0; i < 6; i++) printf("%s/%d ", r[i].name, r[i].age);
    printf("\n");
    return (int)(cs & 0x7f);
}
