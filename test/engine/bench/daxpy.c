/* linpack's daxpy kernel (y += a*x over double vectors), repeated over a 2000-element vector */
#include <stdio.h>
#define N 2000
static void daxpy(int n, double a, const double *x, double *y) { for (int i = 0; i < n; i++) y[i] += a * x[i]; }
int main(void) {
  static double x[N], y[N];
  for (int i = 0; i < N; i++) { x[i] = (i % 17) * 0.5; y[i] = (i % 5) * 0.25; }
  for (int r = 0; r < 2000; r++) daxpy(N, r % 2 ? 1e-3 : -1e-3 + 1e-7, x, y);
  double s = 0; for (int i = 0; i < N; i++) s += y[i];
  printf("%.9f\n", s);
  return 0;
}
