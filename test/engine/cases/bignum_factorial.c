/* @O3 bignum arithmetic in base 1e9 (uint32 limbs, uint64 intermediates): 300!, 2^1000 digit sum, Fibonacci(1000) */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
typedef struct { uint32_t d[400]; int n; } big;
static void set(big *a, uint32_t v) { a->n = 1; a->d[0] = v; }
static void mulsmall(big *a, uint32_t m) { uint64_t c = 0; for (int i = 0; i < a->n; i++) { uint64_t t = (uint64_t)a->d[i] * m + c; a->d[i] = (uint32_t)(t % 1000000000u); c = t / 1000000000u; } while (c) { a->d[a->n++] = (uint32_t)(c % 1000000000u); c /= 1000000000u; } }
static void add(big *r, const big *a, const big *b) { uint32_t c = 0; int n = a->n > b->n ? a->n : b->n; for (int i = 0; i < n; i++) { uint32_t t = (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) + c; c = t >= 1000000000u; r->d[i] = c ? t - 1000000000u : t; } r->n = n; if (c) r->d[r->n++] = 1; }
static int digits(const big *a, int *sum) { char buf[4000]; int p = sprintf(buf, "%u", a->d[a->n - 1]); for (int i = a->n - 2; i >= 0; i--) p += sprintf(buf + p, "%09u", a->d[i]); *sum = 0; for (int i = 0; i < p; i++) *sum += buf[i] - '0'; return p; }
static void show(const char *label, const big *a) { int s, n = digits(a, &s); printf("%s: %d digits, digit sum %d, top %u, low %09u\n", label, n, s, a->d[a->n - 1], a->d[0]); }
int main(void) {
    static big f, p, x, y, z;
    set(&f, 1); for (uint32_t i = 2; i <= 300; i++) mulsmall(&f, i); show("300!", &f);
    set(&p, 1); for (int i = 0; i < 1000; i++) mulsmall(&p, 2); show("2^1000", &p);
    set(&x, 0); set(&y, 1); for (int i = 0; i < 1000; i++) { add(&z, &x, &y); x = y; y = z; } show("fib(1000)", &x);
    int s; digits(&f, &s);
    return s & 0x7f;
}
