/* sparse switch (binary search trees of compares), negative cases, i64 and char switches */
#include <stdio.h>
static int sp(int x) {
    switch (x) {
    case -1000000: return 1; case -77: return 2; case -1: return 3; case 0: return 4; case 13: return 5;
    case 1000: return 6; case 4096: return 7; case 65535: return 8; case 100000: return 9; case 0x7fffffff: return 10;
    case 31337: return 11; case 999999: return 12; default: return 0;
    }
}
static int sp64(long long x) {
    switch (x) {
    case 0x100000000LL: return 1; case -0x100000000LL: return 2; case 5: return 3; case 0x7fffffffffffffffLL: return 4;
    case 1LL << 40: return 5; case -5: return 6; default: return -1;
    }
}
static int cls(char c) {
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
    case '0' ... '9': return 2;
    case ' ': case '\t': case '\n': return 3;
    case '+': case '-': case '*': case '/': return 4;
    default: return 0;
    }
}
static volatile int ins[] = { -1000000, -77, -76, -1, 0, 1, 13, 999, 1000, 4096, 65535, 65536, 100000, 0x7fffffff, 31337, 999999, 12 };
static volatile long long ins64[] = { 0x100000000LL, -0x100000000LL, 5, -5, 0x7fffffffffffffffLL, 1LL << 40, 1LL << 41, 0 };
int main(void) {
    int h = 0;
    for (unsigned i = 0; i < sizeof ins / sizeof *ins; i++) { h = h * 13 + sp(ins[i]); printf("%d ", sp(ins[i])); }
    printf("\n");
    for (unsigned i = 0; i < sizeof ins64 / sizeof *ins64; i++) { h = h * 13 + sp64(ins64[i]); printf("%d ", sp64(ins64[i])); }
    printf("\n");
    const char *txt = "the quick brown fox 42 + 7 * 3 = jumps\tover\n";
    int c[5] = { 0 }; for (const char *p = txt; *p; p++) c[cls(*p)]++;
    printf("%d %d %d %d %d h %d\n", c[0], c[1], c[2], c[3], c[4], h);
    return (h & 0x7fffffff) % 111;
}
