/* Found by the JIT differential fuzzer (seed 20798, -O2, --jit-threshold 1): a function
 * entered once and made native by OSR returns a negative short; cdecl hands it back
 * sign-extended, and the interpreted caller's slot must hold it zero-extended, or
 * (unsigned short)hot() reads 4294965796 instead of 64036. */
#include <stdio.h>

static volatile int n = 3000;
static unsigned long long bits = 0x1234;

__attribute__((noinline)) static short hot(void) {     /* 3000 back-edges: OSR */
    short s = 0;
    for (int i = 0; i < n; i++) s = (short)(s - (i & 1));
    return s;
}

int main(void) {
    bits = (bits << 13) | (bits >> 51);                 /* llvm.fshl.i64: keeps main interpreted */
    unsigned short u = (unsigned short)hot();
    printf("%u %u\n", u, (unsigned)(bits & 0xff));
    return u & 0x7f;
}
