/* polynomial arithmetic over integers and doubles: multiply, divide with remainder, evaluate (Horner), derivative, Newton roots */
#include <stdio.h>
#include <math.h>
#include <string.h>
typedef struct { int n; long long c[40]; } poly;
static poly pmul(poly a, poly b) { poly r; r.n = a.n + b.n - 1; memset(r.c, 0, sizeof r.c); for (int i = 0; i < a.n; i++) for (int j = 0; j < b.n; j++) r.c[i + j] += a.c[i] * b.c[j]; return r; }
static long long ev(poly p, long long x) { long long r = 0; for (int i = p.n - 1; i >= 0; i--) r = r * x + p.c[i]; return r; }
static void show(const char *l, poly p) { printf("%s:", l); for (int i = p.n - 1; i >= 0; i--) printf(" %lld", p.c[i]); printf("\n"); }
int main(void) {
    poly a = { 2, { 1, 1 } }, r = { 1, { 1 } };
    for (int i = 0; i < 10; i++) r = pmul(r, a); show("(x+1)^10", r);
    poly q = { 3, { -6, 1, 1 } }, t = pmul(q, (poly){ 2, { -1, 2 } }); show("(x^2+x-6)(2x-1)", t);
    printf("eval at 3: %lld at -2: %lld\n", ev(t, 3), ev(t, -2));
    /* long division of t by (x - 2) */
    long long rem = 0, quo[40]; int n = t.n; for (int i = n - 1; i >= 0; i--) { rem = rem * 2 + t.c[i]; if (i) quo[i - 1] = rem; }
    printf("t/(x-2): "); for (int i = n - 2; i >= 0; i--) printf("%lld ", quo[i]); printf("rem %lld\n", rem);
    double p[6] = { -1, 0, 0, 0, 1, 1 };   /* x^5 + x^4 - 1 */
    double x = 1; for (int it = 0; it < 50; it++) { double f = 0, df = 0; for (int i = 5; i >= 0; i--) { df = df * x + f; f = f * x + p[i]; } double dx = f / df; x -= dx; if (fabs(dx) < 1e-15) break; }
    printf("root %.15f\n", x);
    poly ch[8]; ch[0] = (poly){ 1, { 1 } }; ch[1] = (poly){ 2, { 0, 1 } };
    for (int k = 2; k < 8; k++) { poly t2 = pmul((poly){ 2, { 0, 2 } }, ch[k - 1]); for (int i = 0; i < ch[k - 2].n; i++) t2.c[i] -= ch[k - 2].c[i]; ch[k] = t2; }
    show("T7", ch[7]);
    return (int)(ev(r, 1) & 0x7f);
}
