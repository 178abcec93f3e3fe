/* 1-D and 2-D prefix sums, maximum subarray (Kadane) and maximum submatrix sum, sliding window maximum with a deque */
#include <stdio.h>
#define R 60
#define C 70
static long long P[R + 1][C + 1]; static int A[R][C];
int main(void) {
    unsigned s = 31; for (int i = 0; i < R; i++) for (int j = 0; j < C; j++) { s = s * 1103515245 + 12345; A[i][j] = (int)((s >> 16) % 201) - 100; }
    for (int i = 0; i < R; i++) for (int j = 0; j < C; j++) P[i + 1][j + 1] = A[i][j] + P[i][j + 1] + P[i + 1][j] - P[i][j];
    long long q = 0; for (int k = 0; k < 500; k++) { int r1 = k * 7 % R, r2 = (r1 + k % 13) % R, c1 = k * 11 % C, c2 = (c1 + k % 17) % C; if (r2 < r1) { int t = r1; r1 = r2; r2 = t; } if (c2 < c1) { int t = c1; c1 = c2; c2 = t; } q += P[r2 + 1][c2 + 1] - P[r1][c2 + 1] - P[r2 + 1][c1] + P[r1][c1]; }
    long long best = -(1LL << 60); int br1 = 0, br2 = 0;
    for (int r1 = 0; r1 < R; r1++) for (int r2 = r1; r2 < R; r2++) { long long cur = 0; for (int j = 0; j < C; j++) { long long col = P[r2 + 1][j + 1] - P[r1][j + 1] - P[r2 + 1][j] + P[r1][j]; cur = cur > 0 ? cur + col : col; if (cur > best) { best = cur; br1 = r1; br2 = r2; } } }
    int row[C], dq[C], h = 0, t = 0; long long wsum = 0; for (int j = 0; j < C; j++) row[j] = A[5][j];
    for (int j = 0; j < C; j++) { while (t > h && row[dq[t - 1]] <= row[j]) t--; dq[t++] = j; if (dq[h] <= j - 8) h++; if (j >= 7) wsum += row[dq[h]]; }
    printf("queries %lld max submatrix %lld rows %d..%d window-max sum %lld total %lld\n", q, best, br1, br2, wsum, P[R][C]);
    return (int)(best & 0x7f);
}
