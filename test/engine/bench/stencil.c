/* A 2D five-point Jacobi stencil on a 128x128 double grid, 100 sweeps */
#include <stdio.h>
#define N 128
static double a[N][N], b[N][N];
int main(void) {
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) a[i][j] = b[i][j] = (i == 0 || j == 0) ? 1.0 : 0.0;
  for (int t = 0; t < 100; t++) {
    for (int i = 1; i < N - 1; i++) for (int j = 1; j < N - 1; j++) b[i][j] = 0.2 * (a[i][j] + a[i - 1][j] + a[i + 1][j] + a[i][j - 1] + a[i][j + 1]);
    for (int i = 1; i < N - 1; i++) for (int j = 1; j < N - 1; j++) a[i][j] = b[i][j];
  }
  double s = 0; for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) s += a[i][j] * (i + 1);
  printf("%.9f\n", s);
  return 0;
}
