/* @O3 quicksort (Hoare partition, median of three, insertion sort for small runs) on 20000 pseudo-random ints */
#include <stdio.h>
#include <stdlib.h>
static void isort(int *a, int n) { for (int i = 1; i < n; i++) { int v = a[i], j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; } }
static void qs(int *a, int lo, int hi) {
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) { int t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
        if (a[hi] < a[lo]) { int t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
        if (a[hi] < a[mid]) { int t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
        int p = a[mid], i = lo - 1, j = hi + 1;
        for (;;) { do i++; while (a[i] < p); do j--; while (a[j] > p); if (i >= j) break; int t = a[i]; a[i] = a[j]; a[j] = t; }
        if (j - lo < hi - j) { qs(a, lo, j); lo = j + 1; } else { qs(a, j + 1, hi); hi = j; }
    }
    isort(a + lo, hi - lo + 1);
}
int main(void) {
    enum { N = 20000 };
    int *a = malloc(N * sizeof *a); unsigned s = 42;
    for (int i = 0; i < N; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; a[i] = (int)(s % 100000) - 50000; }
    qs(a, 0, N - 1);
    long long cs = 0; int sorted = 1;
    for (int i = 0; i < N; i++) { cs = cs * 31 + a[i]; if (i && a[i - 1] > a[i]) sorted = 0; }
    printf("sorted %d first %d mid %d last %d checksum %lld\n", sorted, a[0], a[N / 2], a[N - 1], cs);
    for (int i = 0; i < N; i++) a[i] = i % 7;   /* many duplicates */
    qs(a, 0, N - 1); int dup = 1; for (int i = 1; i < N; i++) dup &= a[i - 1] <= a[i];
    printf("dups sorted %d %d %d\n", dup, a[2856], a[2858]);
    free(a);
    return sorted + dup;
}
