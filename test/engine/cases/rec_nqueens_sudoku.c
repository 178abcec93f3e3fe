/* @O3 backtracking: N-queens counts for N=1..10 (bitmask), and a sudoku solver on two puzzles with validation */
#include <stdio.h>
#include <string.h>
static int queens(int n, unsigned cols, unsigned d1, unsigned d2) {
    if (cols == (1u << n) - 1) return 1;
    int c = 0; unsigned avail = ~(cols | d1 | d2) & ((1u << n) - 1);
    while (avail) { unsigned b = avail & -avail; avail ^= b; c += queens(n, cols | b, (d1 | b) << 1, (d2 | b) >> 1); }
    return c;
}
static int g[81]; static long nodes;
static int ok(int p, int v) { int r = p / 9, c = p % 9, br = r / 3 * 3, bc = c / 3 * 3; for (int i = 0; i < 9; i++) if (g[r * 9 + i] == v || g[i * 9 + c] == v || g[(br + i / 3) * 9 + bc + i % 3] == v) return 0; return 1; }
static int solve(void) {
    int best = -1, bc = 10;
    for (int p = 0; p < 81; p++) if (!g[p]) { int cnt = 0; for (int v = 1; v <= 9; v++) cnt += ok(p, v); if (cnt < bc) { bc = cnt; best = p; } if (!cnt) return 0; }
    if (best < 0) return 1;
    for (int v = 1; v <= 9; v++) if (ok(best, v)) { nodes++; g[best] = v; if (solve()) return 1; g[best] = 0; }
    return 0;
}
int main(void) {
    for (int n = 1; n <= 10; n++) printf("%d ", queens(n, 0, 0, 0));
    printf("\n");
    const char *puz[] = { "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
                          "000000010400000000020000000000050407008000300001090000300400200050100000000806000" };
    int solved = 0;
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 81; i++) g[i] = puz[k][i] - '0';
        nodes = 0; int r = solve(); solved += r;
        int valid = 1; for (int p = 0; p < 81; p++) { int v = g[p]; g[p] = 0; if (!ok(p, v)) valid = 0; g[p] = v; }
        printf("puzzle %d solved %d valid %d nodes %ld row0 ", k, r, valid, nodes); for (int i = 0; i < 9; i++) printf("%d", g[i]); printf(" row8 "); for (int i = 72; i < 81; i++) printf("%d", g[i]); printf("\n");
    }
    return solved;
}
