/* @O3 labels as values (tables of them, address differences, goto through a computed array), switch with huge,
   sparse, negative and 64-bit cases, switch on chars and with fallthrough */
#include <stdio.h>
#include <stdint.h>
static int interp(const signed char *prog) {
    static const int offs[] = { &&l_push - &&l_push, &&l_add - &&l_push, &&l_mul - &&l_push, &&l_neg - &&l_push, &&l_halt - &&l_push };
    int stack[32], sp = 0, pc = 0;
#define NEXT goto *(&&l_push + offs[prog[pc++]])
    NEXT;
l_push: stack[sp++] = prog[pc++]; NEXT;
l_add: sp--; stack[sp - 1] += stack[sp]; NEXT;
l_mul: sp--; stack[sp - 1] *= stack[sp]; NEXT;
l_neg: stack[sp - 1] = -stack[sp - 1]; NEXT;
l_halt: return stack[sp - 1];
}
static int classify(int x) {
    switch (x) {
    case -2147483647 - 1: return 1;
    case -1000000: return 2;
    case -1: return 3;
    case 0: return 4;
    case 7: case 8: case 9: return 5;
    case 1000: return 6;
    case 65536: return 7;
    case 0x7fffffff: return 8;
    case 123456789: return 9;
    default: return 0;
    }
}
static int cl64(long long x) {
    switch (x) {
    case 0x100000000LL: return 1;
    case -0x100000000LL: return 2;
    case 0x7fffffffffffffffLL: return 3;
    case 1: return 4;
    case 0xffffffffLL: return 5;
    case -1: return 6;
    default: return 0;
    }
}
static int dense(unsigned char c) {
    int r = 0;
    switch (c) {
    case 'a': r += 1; /* fallthrough */
    case 'b': r += 2; break;
    case 'c' ... 'f': r = 10; break;
    case 200 ... 255: r = -1; break;
    case 0: return 99;
    default: r = c % 7;
    }
    return r;
}
static unsigned short sw16(short s) { switch (s) { case -32768: return 1; case 32767: return 2; case -5: return 3; case 300: return 4; } return 5; }
int main(void) {
    static const signed char p1[] = { 0, 6, 0, 7, 2, 0, -3, 1, 3, 4 };
    printf("interp %d\n", interp(p1));
    const int probes[] = { -2147483647 - 1, -1000000, -999999, -1, 0, 1, 7, 8, 9, 10, 1000, 65535, 65536, 0x7fffffff, 123456789, -7 };
    for (unsigned i = 0; i < sizeof probes / sizeof *probes; i++) printf("%d->%d ", probes[i], classify(probes[i]));
    printf("\n");
    const long long p64[] = { 0x100000000LL, -0x100000000LL, 0x7fffffffffffffffLL, 1, 0xffffffffLL, -1, 0, 0x1ffffffffLL, 0x100000001LL };
    for (unsigned i = 0; i < 9; i++) printf("%d", cl64(p64[i]));
    printf("\n");
    int acc = 0; for (int c = 0; c < 256; c++) acc = acc * 31 + dense((unsigned char)c);
    printf("dense %d\n", acc);
    printf("sw16 %u %u %u %u %u\n", sw16(-32768), sw16(32767), sw16(-5), sw16(300), sw16(0));
    void *tbl[] = { &&a, &&b, &&c }; int n = 0, k = 0;
again:
    goto *tbl[k % 3];
a: n += 1; k++; if (k < 10) goto again; goto done;
b: n += 10; k++; goto again;
c: n += 100; k++; goto again;
done:
    printf("goto table %d\n", n);
    return 0;
}
