/* sorting strings: insertion sort with strcmp, qsort of char* by length then alpha, dedupe, and a 3-way radix quicksort */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int bylen(const void *a, const void *b) { const char *x = *(const char **)a, *y = *(const char **)b; size_t lx = strlen(x), ly = strlen(y); return lx != ly ? (lx < ly ? -1 : 1) : strcmp(x, y); }
static int ch(const char *s, int d) { return (unsigned char)s[d]; }
static void q3(char **a, int lo, int hi, int d) {
    if (hi <= lo) return;
    int lt = lo, gt = hi, v = ch(a[lo], d), i = lo + 1;
    while (i <= gt) { int t = ch(a[i], d); if (t < v) { char *x = a[lt]; a[lt++] = a[i]; a[i++] = x; } else if (t > v) { char *x = a[gt]; a[gt--] = a[i]; a[i] = x; } else i++; }
    q3(a, lo, lt - 1, d); if (v) q3(a, lt, gt, d + 1); q3(a, gt + 1, hi, d);
}
int main(void) {
    static const char *seed[] = { "delta", "alpha", "charlie", "bravo", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "alpha", "a", "", "zulu", "yankee", "x-ray", "whiskey" };
    enum { N = 20 };
    char *w[N * 10]; int n = 0;
    for (int r = 0; r < 10; r++) for (int i = 0; i < N; i++) { char *s = malloc(16); snprintf(s, 16, "%s%d", seed[(i * 7 + r) % N], (r * i) % 3); w[n++] = s; }
    char *ins[N]; for (int i = 0; i < N; i++) ins[i] = (char *)seed[i];
    for (int i = 1; i < N; i++) { char *v = ins[i]; int j = i - 1; while (j >= 0 && strcmp(ins[j], v) > 0) { ins[j + 1] = ins[j]; j--; } ins[j + 1] = v; }
    for (int i = 0; i < N; i++) printf("%s,", ins[i]);
    q3(w, 0, n - 1, 0);
    int uniq = 0; unsigned h = 0; for (int i = 0; i < n; i++) { if (!i || strcmp(w[i], w[i - 1])) { uniq++; for (char *p = w[i]; *p; p++) h = h * 31 + *p; } }
    int ok = 1; for (int i = 1; i < n; i++) ok &= strcmp(w[i - 1], w[i]) <= 0;
    printf("\nq3 ok %d uniq %d h %08x first %s last %s\n", ok, uniq, h, w[0], w[n - 1]);
    qsort(w, n, sizeof *w, bylen); printf("bylen %s %s %s\n", w[0], w[n / 2], w[n - 1]);
    for (int i = 0; i < n; i++) free(w[i]);
    return uniq;
}
