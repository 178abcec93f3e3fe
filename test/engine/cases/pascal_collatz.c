/* @O3 integer sequences: Pascal's triangle mod 2 (Sierpinski), Collatz longest chain under 300000, perfect and amicable numbers */
#include <stdio.h>
#include <stdint.h>
int main(void) {
    unsigned long long row[34] = { 1 };
    for (int n = 0; n < 32; n++) { if (n < 16) { for (int k = 0; k <= n; k++) putchar(row[k] & 1 ? '*' : ' '); putchar('\n'); } for (int k = n + 1; k > 0; k--) row[k] += row[k - 1]; }
    printf("C(32,16) = %llu\n", row[16]);
    static uint16_t cache[300000]; int best = 1, bestlen = 1;
    for (int i = 1; i < 300000; i++) { uint64_t x = i; int len = 0; while (x != 1 && (x >= (uint64_t)i || x >= 300000)) { x = x & 1 ? 3 * x + 1 : x / 2; len++; } len += x < 300000 ? cache[x] : 0; cache[i] = (uint16_t)len; if (len > bestlen) { bestlen = len; best = i; } }
    printf("collatz longest under 300000: %d (%d steps)\n", best, bestlen);
    static int sd[20001]; for (int i = 1; i <= 20000; i++) for (int j = 2 * i; j <= 20000; j += i) sd[j] += i;
    int perf = 0, amic = 0; long asum = 0; for (int i = 2; i <= 20000; i++) { if (sd[i] == i) { perf++; printf("perfect %d\n", i); } else if (sd[i] <= 20000 && sd[sd[i]] == i) { amic++; asum += i; } }
    printf("amicable count %d sum %ld\n", amic, asum);
    return bestlen & 0x7f;
}
