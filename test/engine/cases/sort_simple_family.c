/* simple sorts on small arrays: bubble (with early exit), selection, cocktail shaker, gnome, odd-even; swap counts per algorithm */
#include <stdio.h>
#include <string.h>
#define N 300
static long swaps;
static void sw(int *a, int i, int j) { int t = a[i]; a[i] = a[j]; a[j] = t; swaps++; }
static void bubble(int *a, int n) { for (int i = 0; i < n; i++) { int any = 0; for (int j = 0; j + 1 < n - i; j++) if (a[j] > a[j + 1]) { sw(a, j, j + 1); any = 1; } if (!any) break; } }
static void selection(int *a, int n) { for (int i = 0; i < n; i++) { int m = i; for (int j = i + 1; j < n; j++) if (a[j] < a[m]) m = j; if (m != i) sw(a, i, m); } }
static void cocktail(int *a, int n) { int lo = 0, hi = n - 1, any = 1; while (any) { any = 0; for (int i = lo; i < hi; i++) if (a[i] > a[i + 1]) { sw(a, i, i + 1); any = 1; } hi--; for (int i = hi; i > lo; i--) if (a[i - 1] > a[i]) { sw(a, i - 1, i); any = 1; } lo++; } }
static void gnome(int *a, int n) { int i = 0; while (i < n) { if (!i || a[i - 1] <= a[i]) i++; else { sw(a, i, i - 1); i--; } } }
static void oddeven(int *a, int n) { int sorted = 0; while (!sorted) { sorted = 1; for (int p = 0; p < 2; p++) for (int i = p; i + 1 < n; i += 2) if (a[i] > a[i + 1]) { sw(a, i, i + 1); sorted = 0; } } }
int main(void) {
    int base[N], a[N]; unsigned s = 4242; for (int i = 0; i < N; i++) { s = s * 1103515245 + 12345; base[i] = (int)((s >> 16) % 1000) - 500; }
    void (*algs[])(int *, int) = { bubble, selection, cocktail, gnome, oddeven }; const char *names[] = { "bubble", "selection", "cocktail", "gnome", "oddeven" };
    long long ref = -1; int allok = 1;
    for (int k = 0; k < 5; k++) { memcpy(a, base, sizeof a); swaps = 0; algs[k](a, N); long long cs = 0; int ok = 1; for (int i = 0; i < N; i++) { cs = cs * 31 + a[i]; if (i && a[i - 1] > a[i]) ok = 0; } if (ref < 0) ref = cs; allok &= ok && cs == ref; printf("%-9s swaps %6ld ok %d cs %lld\n", names[k], swaps, ok, cs); }
    return allok;
}
