/* @O3 deep but legal recursion (no tail calls: work after the call), mutual recursion, recursion through a
   function pointer, and many live locals per frame */
#include <stdio.h>
#include <stdint.h>
static int (*volatile indirect)(int, int);
static int down(int n, int acc) { if (n == 0) return acc; int r = down(n - 1, acc + (n & 7)); return r ^ (n & 1); }
static int is_odd(int n);
static int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1) + 0 * n; }
static int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1) + 0 * n; }
static int via_ptr(int n, int acc) { if (n == 0) return acc; return indirect(n - 1, acc + 1) + 1; }
static double heavy(int n, double a, double b, double c) {
    if (n == 0) return a + b + c;
    double x = a * 1.0000001, y = b - 0.5, z = c + n, w = x * y - z;
    double r = heavy(n - 1, y, z, x);
    return r + w * 1e-9 + x * 1e-12;
}
static uint64_t ack(uint64_t m, uint64_t n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
int main(void) {
    printf("down %d\n", down(100000, 0));
    printf("even %d %d\n", is_even(60000), is_odd(60001));
    indirect = via_ptr; printf("via_ptr %d\n", via_ptr(50000, 0));
    printf("heavy %.6f\n", heavy(20000, 1, 2, 3));
    printf("ack %llu\n", (unsigned long long)ack(2, 2000));
    return 0;
}
