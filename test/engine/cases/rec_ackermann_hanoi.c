/* @O3 deep and branching recursion: Ackermann, Towers of Hanoi (move list checksum), Fibonacci (naive), McCarthy 91, Catalan */
#include <stdio.h>
static long calls;
static int ack(int m, int n) { calls++; if (!m) return n + 1; if (!n) return ack(m - 1, 1); return ack(m - 1, ack(m, n - 1)); }
static unsigned hsum; static int moves;
static void hanoi(int n, int from, int to, int via) { if (!n) return; hanoi(n - 1, from, via, to); moves++; hsum = hsum * 7 + (unsigned)(from * 3 + to) + (unsigned)n; hanoi(n - 1, via, to, from); }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int m91(int n) { return n > 100 ? n - 10 : m91(m91(n + 11)); }
static long long catalan(int n) { if (n <= 1) return 1; long long s = 0; for (int i = 0; i < n; i++) s += catalan(i) * catalan(n - 1 - i); return s; }
int main(void) {
    for (int m = 0; m <= 3; m++) { calls = 0; printf("ack(%d,%d) = %d calls %ld\n", m, 5, ack(m, 5), calls); }
    calls = 0; printf("ack(2,300) = %d calls %ld\n", ack(2, 300), calls);
    hanoi(16, 1, 3, 2); printf("hanoi moves %d sum %u\n", moves, hsum);
    printf("fib(25) = %d\n", fib(25));
    int s = 0; for (int i = 0; i < 200; i++) s += m91(i); printf("m91 sum %d\n", s);
    for (int i = 0; i < 15; i += 2) printf("C%d=%lld ", i, catalan(i));
    printf("\n");
    return moves & 0x7f;
}
