/* recursion over combinatorial spaces: permutations (Heap's algorithm), subsets summing to a target, partitions of n, flood fill */
#include <stdio.h>
#include <string.h>
static int perm_count; static unsigned perm_hash;
static void heap_perm(int *a, int n, int k) {
    if (k == 1) { perm_count++; unsigned h = 0; for (int i = 0; i < n; i++) h = h * 10 + a[i]; perm_hash ^= h * 2654435761u; return; }
    for (int i = 0; i < k - 1; i++) { heap_perm(a, n, k - 1); int j = k & 1 ? 0 : i; int t = a[j]; a[j] = a[k - 1]; a[k - 1] = t; }
    heap_perm(a, n, k - 1);
}
static int subset_sum(const int *v, int n, int target) { if (!target) return 1; if (n == 0 || target < 0) return 0; return subset_sum(v + 1, n - 1, target - v[0]) + subset_sum(v + 1, n - 1, target); }
static long partitions(int n, int max) { if (n == 0) return 1; long s = 0; for (int k = max < n ? max : n; k >= 1; k--) s += partitions(n - k, k); return s; }
static char grid[20][41];
static int fill(int y, int x, char from, char to) { if (y < 0 || y >= 20 || x < 0 || x >= 40 || grid[y][x] != from) return 0; grid[y][x] = to; return 1 + fill(y + 1, x, from, to) + fill(y - 1, x, from, to) + fill(y, x + 1, from, to) + fill(y, x - 1, from, to); }
int main(void) {
    int a[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }; heap_perm(a, 8, 8);
    printf("perms %d hash %08x last %d%d%d%d%d%d%d%d\n", perm_count, perm_hash, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    int v[] = { 3, 34, 4, 12, 5, 2, 7, 19, 23, 1, 8, 15, 11, 6, 9, 10, 13, 14 };
    printf("subsets of 18 summing to 50: %d\n", subset_sum(v, 18, 50));
    for (int n = 10; n <= 50; n += 10) printf("p(%d)=%ld ", n, partitions(n, n));
    for (int y = 0; y < 20; y++) for (int x = 0; x < 40; x++) grid[y][x] = ((x * 7 + y * 13) % 11 < 3 || x == 20) ? '#' : '.';
    int regions = 0, biggest = 0; for (int y = 0; y < 20; y++) for (int x = 0; x < 40; x++) if (grid[y][x] == '.') { int s = fill(y, x, '.', 'a' + regions % 26); regions++; if (s > biggest) biggest = s; }
    printf("\nregions %d biggest %d\n%s\n", regions, biggest, grid[5]);
    return regions & 0x7f;
}
