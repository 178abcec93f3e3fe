/* 0/1 knapsack, unbounded coin change (ways and min coins), matrix-chain multiplication order */
#include <stdio.h>
#include <string.h>
int main(void) {
    int wt[40], val[40]; unsigned s = 17; for (int i = 0; i < 40; i++) { s = s * 69069 + 1; wt[i] = 1 + (s >> 20) % 30; s = s * 69069 + 1; val[i] = 1 + (s >> 20) % 100; }
    static int best[501]; for (int i = 0; i < 40; i++) for (int c = 500; c >= wt[i]; c--) if (best[c - wt[i]] + val[i] > best[c]) best[c] = best[c - wt[i]] + val[i];
    printf("knapsack(500) %d (250) %d\n", best[500], best[250]);
    int coins[] = { 1, 2, 5, 10, 20, 50, 100, 200 }; static long long ways[1001]; static int minc[1001];
    ways[0] = 1; for (int k = 0; k < 8; k++) for (int a = coins[k]; a <= 1000; a++) ways[a] += ways[a - coins[k]];
    for (int a = 1; a <= 1000; a++) { minc[a] = 1 << 20; for (int k = 0; k < 8; k++) if (coins[k] <= a && minc[a - coins[k]] + 1 < minc[a]) minc[a] = minc[a - coins[k]] + 1; }
    printf("ways(200) %lld ways(1000) %lld minc(999) %d\n", ways[200], ways[1000], minc[999]);
    int dims[] = { 30, 35, 15, 5, 10, 20, 25, 40, 8 }; int n = 8; long long m[9][9]; int split[9][9]; memset(m, 0, sizeof m);
    for (int L = 2; L <= n; L++) for (int i = 1; i + L - 1 <= n; i++) { int j = i + L - 1; m[i][j] = -1; for (int k = i; k < j; k++) { long long c = m[i][k] + m[k + 1][j] + (long long)dims[i - 1] * dims[k] * dims[j]; if (m[i][j] < 0 || c < m[i][j]) { m[i][j] = c; split[i][j] = k; } } }
    printf("matrix chain %lld split %d\n", m[1][n], split[1][n]);
    return best[500] & 0x7f;
}
