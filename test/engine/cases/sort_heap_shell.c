/* @O3 heapsort and shellsort (Ciura gaps) on doubles and unsigned; comparison counts as checksums */
#include <stdio.h>
static long cmps;
static void sift(double *a, int i, int n) { for (;;) { int l = 2 * i + 1, m = i; if (l < n && (cmps++, a[l] > a[m])) m = l; if (l + 1 < n && (cmps++, a[l + 1] > a[m])) m = l + 1; if (m == i) return; double t = a[i]; a[i] = a[m]; a[m] = t; i = m; } }
static void heapsort(double *a, int n) { for (int i = n / 2 - 1; i >= 0; i--) sift(a, i, n); for (int e = n - 1; e > 0; e--) { double t = a[0]; a[0] = a[e]; a[e] = t; sift(a, 0, e); } }
static void shellsort(unsigned *a, int n) {
    static const int gaps[] = { 701, 301, 132, 57, 23, 10, 4, 1 };
    for (int g = 0; g < 8; g++) { int gap = gaps[g]; for (int i = gap; i < n; i++) { unsigned t = a[i]; int j = i; while (j >= gap && (cmps++, a[j - gap] > t)) { a[j] = a[j - gap]; j -= gap; } a[j] = t; } }
}
static double A[8000]; static unsigned U[8000];
int main(void) {
    unsigned s = 12345;
    for (int i = 0; i < 8000; i++) { s = s * 1103515245 + 12345; A[i] = (double)(s >> 8) / 65536.0 - 128.0; U[i] = s; }
    heapsort(A, 8000); long hc = cmps; cmps = 0;
    shellsort(U, 8000);
    int ok = 1; for (int i = 1; i < 8000; i++) ok &= A[i - 1] <= A[i] && U[i - 1] <= U[i];
    double sum = 0; for (int i = 0; i < 8000; i += 97) sum += A[i] * i;
    printf("ok %d heap cmps %ld shell cmps %ld %.6f %u %u\n", ok, hc, cmps, sum, U[0], U[7999]);
    return ok ? 0 : 1;
}
