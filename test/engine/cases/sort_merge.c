/* stable merge sort (top-down with buffer) and bottom-up merge sort of records; stability check */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct { int key; int seq; } rec;
static void msort(rec *a, rec *tmp, int n) {
    if (n < 2) return;
    int h = n / 2; msort(a, tmp, h); msort(a + h, tmp, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = a[j].key < a[i].key ? a[j++] : a[i++];
    while (i < h) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}
static void bottom_up(long long *a, long long *b, int n) {
    for (int w = 1; w < n; w *= 2) {
        for (int lo = 0; lo < n; lo += 2 * w) {
            int mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n, i = lo, j = mid, k = lo;
            while (i < mid && j < hi) b[k++] = a[i] <= a[j] ? a[i++] : a[j++];
            while (i < mid) b[k++] = a[i++]; while (j < hi) b[k++] = a[j++];
        }
        long long *t = a; a = b; b = t;
        if (w * 2 >= n && a != b) { /* result in a */ }
    }
}
int main(void) {
    enum { N = 5000 };
    rec *r = malloc(N * sizeof *r), *tmp = malloc(N * sizeof *tmp);
    unsigned s = 1; for (int i = 0; i < N; i++) { s = s * 69069 + 1; r[i].key = (s >> 16) % 100; r[i].seq = i; }
    msort(r, tmp, N);
    int stable = 1, ordered = 1; unsigned h = 0;
    for (int i = 1; i < N; i++) { if (r[i - 1].key > r[i].key) ordered = 0; if (r[i - 1].key == r[i].key && r[i - 1].seq > r[i].seq) stable = 0; }
    for (int i = 0; i < N; i++) h = h * 131 + r[i].key * 7 + r[i].seq;
    printf("ordered %d stable %d h %u\n", ordered, stable, h);
    long long *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
    for (int i = 0; i < N; i++) { s = s * 69069 + 1; a[i] = ((long long)s << 20) - ((long long)i << 40); }
    bottom_up(a, b, N);
    long long *res = a; { int passes = 0; for (int w = 1; w < N; w *= 2) passes++; if (passes & 1) res = b; }
    int ok = 1; for (int i = 1; i < N; i++) ok &= res[i - 1] <= res[i];
    printf("bottom-up ok %d min %lld max %lld\n", ok, res[0], res[N - 1]);
    free(r); free(tmp); free(a); free(b);
    return ordered + stable + ok;
}
