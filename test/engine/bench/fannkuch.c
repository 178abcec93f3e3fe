/* fannkuch-redux (the Benchmarks Game's algorithm, written for this bench): pancake flips over every permutation of 1..9 */
#include <stdio.h>
#define N 9
int main(void) {
  int perm[N], perm1[N], count[N], maxflips = 0, checksum = 0, nperm = 0, r = N;
  for (int i = 0; i < N; i++) perm1[i] = i;
  for (;;) {
    for (; r != 1; r--) count[r - 1] = r;
    for (int i = 0; i < N; i++) perm[i] = perm1[i];
    int flips = 0;
    for (int k; (k = perm[0]) != 0; flips++)
      for (int i = 0, j = k; i < j; i++, j--) { int t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
    if (flips > maxflips) maxflips = flips;
    checksum += nperm % 2 ? -flips : flips;
    for (;; r++) {                 /* next permutation: rotate the first r+1 */
      if (r == N) { printf("%d\nPfannkuchen(%d) = %d\n", checksum, N, maxflips); return 0; }
      int p0 = perm1[0];
      for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = p0;
      if (--count[r] > 0) break;
    }
    nperm++;
  }
}
