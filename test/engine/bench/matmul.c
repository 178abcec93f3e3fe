#include <stdio.h>
#define N 160
static float A[N][N], B[N][N], C[N][N];
int main(void) { for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { A[i][j] = (i * 3 + j) % 7 * 0.25f; B[i][j] = (i + j * 5) % 11 * 0.125f; }
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { float s = 0; for (int k = 0; k < N; k++) s += A[i][k] * B[k][j]; C[i][j] = s; }
  double t = 0; for (int i = 0; i < N; i++) t += C[i][(i * 7) % N]; printf("%.3f\n", t); return 0; }
