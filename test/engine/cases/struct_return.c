/* @O3 struct returns and arguments by value: small/large structs, nested returns, arrays inside, chained calls */
#include <stdio.h>
#include <stdint.h>
typedef struct { int x, y; } v2;
typedef struct { float r, i; } cf;
typedef struct { double m[3][3]; } mat3;
typedef struct { uint8_t a; uint16_t b; uint64_t c; } mixed;
typedef struct { char s[5]; } tiny;
static v2 v2add(v2 a, v2 b) { return (v2){ a.x + b.x, a.y + b.y }; }
static v2 v2rot(v2 a) { v2 r = { -a.y, a.x }; return r; }
static cf cmul(cf a, cf b) { cf r = { a.r * b.r - a.i * b.i, a.r * b.i + a.i * b.r }; return r; }
static mat3 mmul(mat3 a, mat3 b) { mat3 r; for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) { double s = 0; for (int k = 0; k < 3; k++) s += a.m[i][k] * b.m[k][j]; r.m[i][j] = s; } return r; }
static mixed mk(int i) { mixed m = { (uint8_t)(i * 7), (uint16_t)(i * 1000), (uint64_t)i << 40 | i }; return m; }
static tiny tname(int i) { tiny t = { "abcd" }; t.s[i % 4] = 'Z'; return t; }
static struct { int q, r; } divmod(int a, int b) { return (typeof(divmod(0, 1))){ a / b, a % b }; }
int main(void) {
    v2 p = { 1, 0 }; for (int i = 0; i < 7; i++) p = v2add(v2rot(p), (v2){ i, -i });
    printf("v2 %d %d\n", p.x, p.y);
    cf z = { 1, 0 }, w = { 0.8f, 0.6f }; for (int i = 0; i < 10; i++) z = cmul(z, w);
    printf("cf %.5f %.5f\n", z.r, z.i);
    mat3 a = { { { 1, 2, 0 }, { 0, 1, 3 }, { 4, 0, 1 } } }, r = { { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } } };
    for (int i = 0; i < 5; i++) r = mmul(r, a);
    for (int i = 0; i < 3; i++) printf("%g %g %g\n", r.m[i][0], r.m[i][1], r.m[i][2]);
    uint64_t s = 0; for (int i = 0; i < 20; i++) { mixed m = mk(i); s = s * 3 + m.a + m.b + m.c; }
    printf("mixed %llx\n", (unsigned long long)s);
    for (int i = 0; i < 4; i++) printf("%s ", tname(i).s);
    printf("| %d %d\n", divmod(100, 7).q, divmod(-100, 7).r);
    return (p.x + p.y) & 0xff;
}
