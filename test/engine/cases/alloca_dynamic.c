/* dynamic allocas: VLAs in loops (stacksave/stackrestore), __builtin_alloca, alignment, recursion with VLAs */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
static int vla_sum(int n) { int a[n]; for (int i = 0; i < n; i++) a[i] = i * i; int s = 0; for (int i = n - 1; i >= 0; i--) s += a[i] ^ i; return s; }
static int rec(int depth, int n) { if (!depth) return n; char buf[n + 1]; memset(buf, 'a' + depth, n); buf[n] = 0; return rec(depth - 1, n + 3) + (int)strlen(buf) + buf[0]; }
int main(void) {
    long total = 0; uintptr_t first = 0, last = 0;
    for (int k = 1; k < 200; k++) {
        double v[k];                       /* freed at each iteration: stacksave/stackrestore */
        for (int i = 0; i < k; i++) v[i] = i * 0.5;
        double s = 0; for (int i = 0; i < k; i++) s += v[i];
        total += (long)s;
        if (k == 1) first = (uintptr_t)v; if (k == 199) last = (uintptr_t)v;
        if (((uintptr_t)v & 7) != 0) printf("misaligned double VLA\n");
    }
    printf("total %ld stack reused %d\n", total, first - last < 4096);
    int s = 0; for (int n = 1; n < 300; n += 7) s += vla_sum(n);
    printf("vla %d rec %d\n", s, rec(10, 5));
    for (int n = 1; n <= 64; n *= 2) {
        char *p = __builtin_alloca(n * 16); int64_t *q = __builtin_alloca(n * sizeof(int64_t));
        for (int i = 0; i < n * 16; i++) p[i] = (char)i; for (int i = 0; i < n; i++) q[i] = (int64_t)i << 35;
        int64_t t = 0; for (int i = 0; i < n; i++) t += q[i] + p[i * 16 + 1];
        printf("alloca %d: %lld aligned %d\n", n, (long long)t, ((uintptr_t)q & 3) == 0);
    }
    return (int)(total & 0x7f);
}
