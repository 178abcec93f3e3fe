/* A recursive branchy search (as the Stanford benchmarks' Queens and Puzzle): every placement of 10 queens, counted by backtracking over arrays */
#include <stdio.h>
#define N 10
static int col[N], diag1[2 * N], diag2[2 * N], solutions, nodes;
static void place(int row) {
  nodes++;
  if (row == N) { solutions++; return; }
  for (int c = 0; c < N; c++)
    if (!col[c] && !diag1[row + c] && !diag2[row - c + N]) {
      col[c] = diag1[row + c] = diag2[row - c + N] = 1;
      place(row + 1);
      col[c] = diag1[row + c] = diag2[row - c + N] = 0;
    }
}
int main(void) { for (int r = 0; r < 3; r++) place(0); printf("%d solutions, %d nodes\n", solutions, nodes); return 0; }
