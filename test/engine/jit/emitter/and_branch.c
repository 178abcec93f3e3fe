/* A conditional branch on `x && y` (LLVM: `select i1 x, i1 y, i1 false`):
 * the branch tests x, then y, and the select is no code. escape() is
 * mandelbrot's loop (y is also used after it; both targets have phis); flags()
 * and crowded() are && shapes LLVM turns into selects of values and into two
 * branches, which must still agree. Native, interpreted and compiled runs
 * must agree. */
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) int escape(double cr, double ci) {
    double zr = 0, zi = 0, tr = 0, ti = 0;
    int i = 0;
    for (; i < 50 && tr + ti <= 4.0; i++) { zi = 2 * zr * zi + ci; zr = tr - ti + cr; tr = zr * zr; ti = zi * zi; }
    return i * 2 + (tr + ti <= 4.0);
}

__attribute__((noinline)) uint32_t flags(const uint8_t *p, int n) {
    uint32_t s = 0, k = 0;
    for (int i = 0; i < n; i++) {
        _Bool a = p[i] & 1, b = (p[i] >> 3) & 1;
        if (a && b) s += i; else k ^= (uint32_t)i * 0x9e3779b9u;
    }
    return s * 31 + k;
}

__attribute__((noinline)) uint32_t crowded(const uint32_t *p, int n) {
    uint32_t a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
    int i = 0;
    while (i < n && (p[i] & 7) != 0) {
        a += p[i]; b ^= a << 3; c += b >> 2; d ^= c * 5; e += d; f ^= e >> 7; g += f; h ^= g * 3;
        i++;
    }
    return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h ^ (uint32_t)i;
}

int main(void) {
    uint32_t hash = 2166136261u;
    for (int y = 0; y < 24; y++)
        for (int x = 0; x < 24; x++) hash = (hash ^ (uint32_t)escape(3.0 * x / 24 - 2.0, 2.4 * y / 24 - 1.2)) * 16777619u;
    printf("escape %08x\n", hash);
    uint8_t bytes[200];
    uint32_t words[200];
    for (int i = 0; i < 200; i++) { bytes[i] = (uint8_t)(i * 37 + 11); words[i] = (uint32_t)i * 2654435761u + 1; }
    words[150] = 8;
    printf("flags %08x\n", flags(bytes, 200));
    printf("crowded %08x %08x\n", crowded(words, 200), crowded(words + 151, 49));
    return 0;
}
