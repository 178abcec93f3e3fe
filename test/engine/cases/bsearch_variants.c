/* binary search variants: lower/upper bound, first/last occurrence, rotated array search, integer sqrt, answer-space search */
#include <stdio.h>
static int lower(const int *a, int n, int x) { int lo = 0, hi = n; while (lo < hi) { int m = lo + (hi - lo) / 2; if (a[m] < x) lo = m + 1; else hi = m; } return lo; }
static int upper(const int *a, int n, int x) { int lo = 0, hi = n; while (lo < hi) { int m = lo + (hi - lo) / 2; if (a[m] <= x) lo = m + 1; else hi = m; } return lo; }
static int rot_search(const int *a, int n, int x) { int lo = 0, hi = n - 1; while (lo <= hi) { int m = (lo + hi) / 2; if (a[m] == x) return m; if (a[lo] <= a[m]) { if (a[lo] <= x && x < a[m]) hi = m - 1; else lo = m + 1; } else { if (a[m] < x && x <= a[hi]) lo = m + 1; else hi = m - 1; } } return -1; }
static unsigned isqrt(unsigned long long n) { unsigned long long lo = 0, hi = 4294967295ull; while (lo < hi) { unsigned long long m = (lo + hi + 1) / 2; if (m * m <= n) lo = m; else hi = m - 1; } return (unsigned)lo; }
int main(void) {
    int a[1000]; for (int i = 0; i < 1000; i++) a[i] = i / 3 * 2;
    long s = 0; for (int x = -5; x < 700; x += 7) { int l = lower(a, 1000, x), u = upper(a, 1000, x); s += l * 3 + u; if (x % 140 == 0) printf("x %d lower %d upper %d count %d\n", x, l, u, u - l); }
    int r[17]; for (int i = 0; i < 17; i++) r[i] = ((i + 11) % 17) * 5; int found = 0; for (int x = -1; x < 90; x++) found += rot_search(r, 17, x) >= 0;
    printf("s %ld rotated found %d\n", s, found);
    unsigned long long ns[] = { 0, 1, 15, 16, 17, 1000000, 999999999999ull, 18446744073709551615ull };
    for (int i = 0; i < 8; i++) printf("isqrt(%llu)=%u ", ns[i], isqrt(ns[i]));
    int pages[] = { 12, 34, 67, 90, 23, 45, 11, 78, 56, 9 }; int lo = 90, hi = 425;
    while (lo < hi) { int m = (lo + hi) / 2, k = 1, cur = 0; for (int i = 0; i < 10; i++) { if (cur + pages[i] > m) { k++; cur = 0; } cur += pages[i]; } if (k <= 3) hi = m; else lo = m + 1; }
    printf("\nmin max pages for 3 readers: %d\n", lo);
    return found;
}
