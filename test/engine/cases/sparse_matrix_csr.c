/* @O3 sparse matrices in CSR form: build from triplets (qsort), SpMV, conjugate gradient on a 1-D Laplacian, transpose */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
typedef struct { int r, c; double v; } trip;
static int cmpt(const void *a, const void *b) { const trip *x = a, *y = b; return x->r != y->r ? x->r - y->r : x->c - y->c; }
int main(void) {
    enum { N = 400 }; trip *t = malloc(3 * N * sizeof *t); int nt = 0;
    for (int i = N - 1; i >= 0; i--) { t[nt++] = (trip){ i, i, 2.0 + 0.01 * (i % 5) }; if (i) t[nt++] = (trip){ i, i - 1, -1.0 }; if (i < N - 1) t[nt++] = (trip){ i, i + 1, -1.0 }; }
    qsort(t, nt, sizeof *t, cmpt);
    int *rp = calloc(N + 1, sizeof *rp), *ci = malloc(nt * sizeof *ci); double *va = malloc(nt * sizeof *va);
    for (int k = 0; k < nt; k++) { rp[t[k].r + 1]++; ci[k] = t[k].c; va[k] = t[k].v; } for (int i = 0; i < N; i++) rp[i + 1] += rp[i];
    double b[N], x[N] = { 0 }, r[N], p[N], ap[N];
    for (int i = 0; i < N; i++) b[i] = sin(i * 0.05);
    for (int i = 0; i < N; i++) { r[i] = b[i]; p[i] = b[i]; }
    double rr = 0; for (int i = 0; i < N; i++) rr += r[i] * r[i]; int it = 0;
    for (; it < 1000 && rr > 1e-20; it++) {
        for (int i = 0; i < N; i++) { double s = 0; for (int k = rp[i]; k < rp[i + 1]; k++) s += va[k] * p[ci[k]]; ap[i] = s; }
        double pap = 0; for (int i = 0; i < N; i++) pap += p[i] * ap[i]; double al = rr / pap;
        for (int i = 0; i < N; i++) { x[i] += al * p[i]; r[i] -= al * ap[i]; }
        double rr2 = 0; for (int i = 0; i < N; i++) rr2 += r[i] * r[i]; for (int i = 0; i < N; i++) p[i] = r[i] + rr2 / rr * p[i]; rr = rr2;
    }
    double res = 0; for (int i = 0; i < N; i++) { double s = 0; for (int k = rp[i]; k < rp[i + 1]; k++) s += va[k] * x[ci[k]]; res = fmax(res, fabs(s - b[i])); }
    int *cnt = calloc(N + 1, sizeof *cnt); for (int k = 0; k < nt; k++) cnt[ci[k] + 1]++;
    printf("nnz %d cg iterations %d residual<1e-8 %d x[0] %.10f x[200] %.10f colcount %d\n", nt, it, res < 1e-8, x[0], x[200], cnt[1]);
    free(t); free(rp); free(ci); free(va); free(cnt);
    return it & 0x7f;
}
