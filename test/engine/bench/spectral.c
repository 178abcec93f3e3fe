/* spectral-norm (the Benchmarks Game's algorithm, written for this bench): power iteration on A(i,j) = 1/((i+j)(i+j+1)/2+i+1) */
#include <stdio.h>
#include <math.h>
#define N 200
static double A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }
static void mul_Av(const double *v, double *out) { for (int i = 0; i < N; i++) { double s = 0; for (int j = 0; j < N; j++) s += A(i, j) * v[j]; out[i] = s; } }
static void mul_Atv(const double *v, double *out) { for (int i = 0; i < N; i++) { double s = 0; for (int j = 0; j < N; j++) s += A(j, i) * v[j]; out[i] = s; } }
static void mul_AtAv(const double *v, double *out, double *tmp) { mul_Av(v, tmp); mul_Atv(tmp, out); }
int main(void) {
  static double u[N], v[N], tmp[N];
  for (int i = 0; i < N; i++) u[i] = 1;
  for (int i = 0; i < 10; i++) { mul_AtAv(u, v, tmp); mul_AtAv(v, u, tmp); }
  double vBv = 0, vv = 0;
  for (int i = 0; i < N; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
  printf("%.9f\n", sqrt(vBv / vv));
  return 0;
}
