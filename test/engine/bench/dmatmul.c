/* Double matrix multiply, 100x100, i-k-j order (the inner loop streams a row of B and C) */
#include <stdio.h>
#define N 100
static double A[N][N], B[N][N], C[N][N];
int main(void) {
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { A[i][j] = (i * 3 + j) % 7 * 0.25; B[i][j] = (i + j * 5) % 11 * 0.125; }
  for (int r = 0; r < 3; r++)
    for (int i = 0; i < N; i++) for (int k = 0; k < N; k++) { double a = A[i][k] + r; for (int j = 0; j < N; j++) C[i][j] += a * B[k][j]; }
  double t = 0; for (int i = 0; i < N; i++) t += C[i][(i * 7) % N];
  printf("%.6f\n", t);
  return 0;
}
