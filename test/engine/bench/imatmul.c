/* Integer matrix multiply, 120x120 int32, wrapping */
#include <stdio.h>
#include <stdint.h>
#define N 120
static int32_t A[N][N], B[N][N], C[N][N];
int main(void) {
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { A[i][j] = (i * 7 + j * 3) % 13 - 6; B[i][j] = (i * 5 + j) % 11 - 5; }
  for (int r = 0; r < 3; r++)
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { int32_t s = r; for (int k = 0; k < N; k++) s += A[i][k] * B[k][j]; C[i][j] = s; }
  uint32_t h = 0; for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) h = h * 31 + (uint32_t)C[i][j];
  printf("%08x\n", h);
  return 0;
}
