#include <stdio.h>
static int classify(int x) {
    switch (x) {
    case 0: return 10; case 1: return 11; case 2: return 12; case 3: return 13;
    case 4: return 14; case 5: case 6: return 15; case 9: return 19; default: return -1;
    }
}
static int sparse(unsigned x) {
    switch (x) { case 7: return 1; case 1000: return 2; case 123456: return 3; case 0xffffffff: return 4; default: return 0; }
}
static const char *name(char c) {
    switch (c) { case 'a': return "alpha"; case 'b': return "beta"; case 'z': return "zeta"; case -1: return "minus"; }
    return "other";
}
int main(void) {
    int s = 0;
    for (int i = -2; i < 12; i++) s = s * 3 + classify(i);
    printf("%d\n", s);
    printf("%d %d %d %d %d\n", sparse(7), sparse(1000), sparse(123456), sparse(0xffffffff), sparse(8));
    printf("%s %s %s %s\n", name('a'), name('z'), name(-1), name('q'));
    int n = 0, i = 0;
    do { n += i; i++; if (i == 5) continue; if (i > 50) break; } while (i < 100);
    printf("%d %d\n", n, i);
    for (int a = 0; a < 10; a++) {
        for (int b = 0; b < 10; b++) { if (b > a) goto next; n += a * b; }
    next:;
    }
    int k = 0;
    while (1) { k++; if (k * k > 200) break; }
    printf("%d %d\n", n, k);
    return n & 0xff;
}
