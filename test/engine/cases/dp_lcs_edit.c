/* @O3 dynamic programming: longest common subsequence (with reconstruction), edit distance, longest increasing subsequence */
#include <stdio.h>
#include <string.h>
static int L[201][201];
int main(void) {
    char a[201], b[201]; unsigned s = 3;
    for (int i = 0; i < 200; i++) { s = s * 1103515245 + 12345; a[i] = 'a' + (s >> 16) % 4; s = s * 1103515245 + 12345; b[i] = 'a' + (s >> 16) % 4; } a[200] = b[200] = 0;
    int n = 200, m = 200;
    for (int i = 1; i <= n; i++) for (int j = 1; j <= m; j++) L[i][j] = a[i - 1] == b[j - 1] ? L[i - 1][j - 1] + 1 : L[i - 1][j] > L[i][j - 1] ? L[i - 1][j] : L[i][j - 1];
    char lcs[201]; int k = L[n][m]; lcs[k] = 0; for (int i = n, j = m; i && j;) { if (a[i - 1] == b[j - 1]) { lcs[--k] = a[i - 1]; i--; j--; } else if (L[i - 1][j] >= L[i][j - 1]) i--; else j--; }
    printf("lcs %d %.40s\n", L[n][m], lcs);
    const char *w[][2] = { { "kitten", "sitting" }, { "flaw", "lawn" }, { "intention", "execution" }, { "", "abc" }, { "same", "same" } };
    for (int t = 0; t < 5; t++) { const char *x = w[t][0], *y = w[t][1]; int lx = strlen(x), ly = strlen(y), d[16][16];
        for (int i = 0; i <= lx; i++) d[i][0] = i; for (int j = 0; j <= ly; j++) d[0][j] = j;
        for (int i = 1; i <= lx; i++) for (int j = 1; j <= ly; j++) { int c = d[i - 1][j - 1] + (x[i - 1] != y[j - 1]); if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1; if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1; d[i][j] = c; }
        printf("edit(%s,%s)=%d ", x, y, d[lx][ly]); }
    int seq[500], tail[500], len = 0; for (int i = 0; i < 500; i++) { s = s * 1103515245 + 12345; seq[i] = (s >> 16) % 1000; }
    for (int i = 0; i < 500; i++) { int lo = 0, hi = len; while (lo < hi) { int mid = (lo + hi) / 2; if (tail[mid] < seq[i]) lo = mid + 1; else hi = mid; } tail[lo] = seq[i]; if (lo == len) len++; }
    printf("\nlis %d last %d\n", len, tail[len - 1]);
    return L[n][m] & 0x7f;
}
