#include <stdio.h>
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
static int is_even(unsigned n);
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static long long depth(int n) { volatile char pad[64]; pad[0] = (char)n; return n == 0 ? 0 : 1 + depth(n - 1) + pad[0] - (char)n; }
static void hanoi(int n, int a, int b, int c, int *moves) { if (!n) return; hanoi(n - 1, a, c, b, moves); (*moves)++; hanoi(n - 1, c, b, a, moves); }
int main(void) {
    printf("fib %d\n", fib(24));
    printf("ack %d\n", ack(2, 9));
    printf("even %d %d\n", is_even(1001), is_odd(777));
    printf("depth %lld\n", depth(20000));
    int m = 0; hanoi(16, 1, 2, 3, &m); printf("hanoi %d\n", m);
    return fib(10);
}
