#include <stdio.h>
#include <stdlib.h>
#define N 300000
static void qs(int *a, int lo, int hi) { while (lo < hi) { int p = a[(lo + hi) / 2], i = lo, j = hi; while (i <= j) { while (a[i] < p) i++; while (a[j] > p) j--; if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; } } if (j - lo < hi - i) { qs(a, lo, j); lo = i; } else { qs(a, i, hi); hi = j; } } }
int main(void) { int *a = malloc(N * 4); unsigned s = 1; for (int i = 0; i < N; i++) { s = s * 1664525 + 1013904223; a[i] = s >> 4; } qs(a, 0, N - 1); unsigned h = 0; for (int i = 0; i < N; i++) h = h * 31 + a[i]; printf("%u\n", h); return 0; }
