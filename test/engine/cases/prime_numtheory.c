/* @O3 number theory: gcd/lcm, extended Euclid, modular exponentiation (64-bit), Miller-Rabin, Euler phi, factorisation */
#include <stdio.h>
#include <stdint.h>
static uint64_t gcd(uint64_t a, uint64_t b) { while (b) { uint64_t t = a % b; a = b; b = t; } return a; }
static int64_t egcd(int64_t a, int64_t b, int64_t *x, int64_t *y) { if (!b) { *x = 1; *y = 0; return a; } int64_t x1, y1, g = egcd(b, a % b, &x1, &y1); *x = y1; *y = x1 - (a / b) * y1; return g; }
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) { uint64_t r = 0; a %= m; while (b) { if (b & 1) { r += a; if (r >= m) r -= m; } a <<= 1; if (a >= m) a -= m; b >>= 1; } return r; }
static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) { uint64_t r = 1; b %= m; while (e) { if (e & 1) r = mulmod(r, b, m); b = mulmod(b, b, m); e >>= 1; } return r; }
static int is_prime(uint64_t n) { if (n < 2) return 0; static const uint64_t sp[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 }; for (int i = 0; i < 12; i++) if (n % sp[i] == 0) return n == sp[i];
    uint64_t d = n - 1; int s = 0; while (!(d & 1)) { d >>= 1; s++; }
    for (int i = 0; i < 12; i++) { uint64_t x = powmod(sp[i], d, n); if (x == 1 || x == n - 1) continue; int comp = 1; for (int r = 1; r < s; r++) { x = mulmod(x, x, n); if (x == n - 1) { comp = 0; break; } } if (comp) return 0; }
    return 1; }
static uint32_t phi(uint32_t n) { uint32_t r = n; for (uint32_t p = 2; p * p <= n; p++) if (n % p == 0) { while (n % p == 0) n /= p; r -= r / p; } if (n > 1) r -= r / n; return r; }
int main(void) {
    printf("gcd %llu lcm %llu\n", (unsigned long long)gcd(1071, 462), (unsigned long long)(123456789ull / gcd(123456789, 987654321) * 987654321ull));
    int64_t x, y; int64_t g = egcd(240, 46, &x, &y); printf("egcd %lld x %lld y %lld\n", (long long)g, (long long)x, (long long)y);
    printf("powmod %llu %llu\n", (unsigned long long)powmod(2, 1000000, 1000000007), (unsigned long long)powmod(3, 0xffffffffffull, 0xfffffffffffffffull));
    uint64_t cand[] = { 1, 2, 561, 7919, 1000000007, 1000000009, 4294967291ull, 4294967297ull, 999999999989ull, 2305843009213693951ull, 3215031751ull };
    for (int i = 0; i < 11; i++) printf("%llu:%d ", (unsigned long long)cand[i], is_prime(cand[i]));
    uint64_t ps = 0; int pc = 0; for (uint64_t n = 1000000000000ull; pc < 5; n++) if (is_prime(n)) { ps += n; pc++; }
    printf("\nnext primes sum %llu phi %u %u %u\n", (unsigned long long)ps, phi(36), phi(97), phi(1000000));
    uint32_t n = 600851475, f[16], nf = 0; for (uint32_t p = 2; (uint64_t)p * p <= n; p++) while (n % p == 0) { f[nf++] = p; n /= p; } if (n > 1) f[nf++] = n;
    for (uint32_t i = 0; i < nf; i++) printf("%u ", f[i]);
    printf("\n");
    return (int)(ps & 0x7f);
}
