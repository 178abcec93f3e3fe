/* bignum in base 2^32: schoolbook multiply, shift, compare, division by small numbers, decimal conversion, modular exponent */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#define L 64
typedef struct { uint32_t w[L]; } bn;
static void from(bn *a, uint64_t v) { memset(a, 0, sizeof *a); a->w[0] = (uint32_t)v; a->w[1] = (uint32_t)(v >> 32); }
static int len(const bn *a) { int n = L; while (n && !a->w[n - 1]) n--; return n; }
static void mul(bn *r, const bn *a, const bn *b) { bn t; memset(&t, 0, sizeof t); int na = len(a), nb = len(b); for (int i = 0; i < na; i++) { uint64_t c = 0; for (int j = 0; j < nb && i + j < L; j++) { uint64_t x = (uint64_t)a->w[i] * b->w[j] + t.w[i + j] + c; t.w[i + j] = (uint32_t)x; c = x >> 32; } if (i + nb < L) t.w[i + nb] = (uint32_t)c; } *r = t; }
static uint32_t divsmall(bn *a, uint32_t d) { uint64_t r = 0; for (int i = L - 1; i >= 0; i--) { uint64_t cur = r << 32 | a->w[i]; a->w[i] = (uint32_t)(cur / d); r = cur % d; } return (uint32_t)r; }
static int cmp(const bn *a, const bn *b) { for (int i = L - 1; i >= 0; i--) if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1; return 0; }
static void sub(bn *a, const bn *b) { int64_t br = 0; for (int i = 0; i < L; i++) { int64_t x = (int64_t)a->w[i] - b->w[i] - br; br = x < 0; a->w[i] = (uint32_t)(x + (br << 32)); } }
static void shl1(bn *a) { for (int i = L - 1; i > 0; i--) a->w[i] = a->w[i] << 1 | a->w[i - 1] >> 31; a->w[0] <<= 1; }
static void mod(bn *a, const bn *m) { bn r; memset(&r, 0, sizeof r); for (int i = L * 32 - 1; i >= 0; i--) { shl1(&r); r.w[0] |= a->w[i / 32] >> (i % 32) & 1; if (cmp(&r, m) >= 0) sub(&r, m); } *a = r; }
static void print(const char *label, bn a) { char buf[700]; int n = 0; do buf[n++] = '0' + divsmall(&a, 10); while (len(&a)); printf("%s ", label); while (n) putchar(buf[--n]); putchar('\n'); }
int main(void) {
    bn a, b, c; from(&a, 0xfedcba9876543210ull); from(&b, 12345678901234567ull);
    mul(&c, &a, &b); print("a*b", c);
    for (int i = 0; i < 5; i++) mul(&c, &c, &a); print("a*b*a^5", c);
    bn m; from(&m, 1000000007); bn base; from(&base, 3); bn r; from(&r, 1);
    uint32_t e = 1000000005;   /* 3^(p-2) mod p: modular inverse of 3 */
    while (e) { if (e & 1) { mul(&r, &r, &base); mod(&r, &m); } mul(&base, &base, &base); mod(&base, &m); e >>= 1; }
    print("inv3 mod p", r);
    bn t = c; uint32_t rem = divsmall(&t, 1000003); printf("rem %u len %d\n", rem, len(&c));
    from(&a, 1); for (int i = 0; i < 100; i++) { bn k; from(&k, 0xffffffffu - i); mul(&a, &a, &k); } print("prod", a);
    return (int)(rem & 0x7f);
}
