/* @O3 phi nodes: swaps and rotations of loop-carried values (parallel copy semantics), lost-copy patterns */
#include <stdio.h>
static unsigned fib_pair(int n) { unsigned a = 0, b = 1; for (int i = 0; i < n; i++) { unsigned t = a + b; a = b; b = t; } return a; }
static int rot3(int n) { int x = 1, y = 2, z = 3; for (int i = 0; i < n; i++) { int t = x; x = y; y = z; z = t + i; } return x * 100 + y * 10 + z; }
static int swapper(int n) { int a = 5, b = 9; while (n--) { int t = a; a = b; b = t; if (n % 3 == 0) a += b; } return a * 1000 + b; }
static int lostcopy(int n) { int x = 1, y; do { y = x; x = x * 2 + 1; } while (--n > 0); return y; }
static double gcdish(double a, double b, int k) { for (int i = 0; i < k; i++) { double t = b; b = a - b * 0.5; a = t; } return a + b; }
int main(int argc, char **argv) {
    unsigned h = 0;
    for (int n = 0; n < 30; n++) {
        h = h * 31 + fib_pair(n) + (unsigned)rot3(n) + (unsigned)swapper(n) + (unsigned)lostcopy(n + 1);
        if (n % 5 == 0) printf("%d: %u %d %d %d %.6f\n", n, fib_pair(n), rot3(n), swapper(n), lostcopy(n + 1), gcdish(3, 1, n));
    }
    int i = 0, j = 100, k = 0;
    while (i < j) { if ((i ^ j) & 1) { i += 3; } else { j -= 2; k++; } }
    printf("h %u i %d j %d k %d\n", h, i, j, k);
    return (h + argc) & 0x7f;
}
