/* @O3 */
#include <stdio.h>
#include <stdlib.h>
#define N 3000
static unsigned seed = 42;
static int rnd(void) { seed = seed * 1664525u + 1013904223u; return (int)(seed >> 9); }
static void isort(int *a, int n) { for (int i = 1; i < n; i++) { int v = a[i], j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; } }
static void qs(int *a, int lo, int hi) { if (lo >= hi) return; int p = a[(lo + hi) / 2], i = lo, j = hi; while (i <= j) { while (a[i] < p) i++; while (a[j] > p) j--; if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; } } qs(a, lo, j); qs(a, i, hi); }
static void merge(int *a, int *t, int n) { if (n < 2) return; int m = n / 2; merge(a, t, m); merge(a + m, t, n - m); int i = 0, j = m, k = 0; while (i < m && j < n) t[k++] = a[i] <= a[j] ? a[i++] : a[j++]; while (i < m) t[k++] = a[i++]; while (j < n) t[k++] = a[j++]; for (i = 0; i < n; i++) a[i] = t[i]; }
static void sift(int *a, int i, int n) { for (;;) { int l = 2 * i + 1, m = i; if (l < n && a[l] > a[m]) m = l; if (l + 1 < n && a[l + 1] > a[m]) m = l + 1; if (m == i) return; int t = a[i]; a[i] = a[m]; a[m] = t; i = m; } }
static void hsort(int *a, int n) { for (int i = n / 2 - 1; i >= 0; i--) sift(a, i, n); for (int i = n - 1; i > 0; i--) { int t = a[0]; a[0] = a[i]; a[i] = t; sift(a, 0, i); } }
static unsigned check(const int *a, int n) { unsigned h = 0; for (int i = 0; i < n; i++) { if (i && a[i - 1] > a[i]) return 0; h = h * 31 + a[i]; } return h; }
int main(void) {
    int *a = malloc(N * sizeof(int)), *b = malloc(N * sizeof(int)), *t = malloc(N * sizeof(int));
    for (int i = 0; i < N; i++) a[i] = rnd() % 100000;
    for (int i = 0; i < N; i++) b[i] = a[i]; isort(b, N); printf("%u\n", check(b, N));
    for (int i = 0; i < N; i++) b[i] = a[i]; qs(b, 0, N - 1); printf("%u\n", check(b, N));
    for (int i = 0; i < N; i++) b[i] = a[i]; merge(b, t, N); printf("%u\n", check(b, N));
    for (int i = 0; i < N; i++) b[i] = a[i]; hsort(b, N); printf("%u\n", check(b, N));
    free(a); free(b); free(t);
    return 0;
}
