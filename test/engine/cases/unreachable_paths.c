/* __builtin_unreachable after exhaustive switches and noreturn calls; __builtin_assume; __builtin_expect */
#include <stdio.h>
#include <stdlib.h>
static int kind(unsigned x) {
    switch (x & 3) { case 0: return 10; case 1: return 20; case 2: return 30; case 3: return 40; }
    __builtin_unreachable();
}
__attribute__((noreturn)) static void die(int code) { printf("dying with %d\n", code); exit(code); }
static int checked_div(int a, int b) { if (b == 0) die(3); return a / b; }
static int sum_assume(const int *p, int n) { __builtin_assume(n > 0 && n % 4 == 0); int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
int main(void) {
    int s = 0, arr[64];
    for (unsigned i = 0; i < 100; i++) s += kind(i * 7);
    for (int i = 0; i < 64; i++) arr[i] = i * i - 100;
    printf("s %d sum %d\n", s, sum_assume(arr, 64));
    int hits = 0; for (int i = 0; i < 1000; i++) { if (__builtin_expect(i % 97 == 0, 0)) hits++; if (__builtin_expect_with_probability(i & 1, 1, 0.9)) hits += 2; }
    printf("hits %d\n", hits);
    printf("%d %d\n", checked_div(100, 7), checked_div(-100, 9));
    checked_div(s, 0);
    printf("not reached\n");
    return 0;
}
