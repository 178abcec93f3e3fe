/* @O3 union-find with path compression and union by rank, Kruskal MST (qsort with interpreted comparator), Floyd-Warshall, topological sort */
#include <stdio.h>
#include <stdlib.h>
typedef struct { int u, v, w; } edge;
static int par[200], rnk[200];
static int find(int x) { while (par[x] != x) { par[x] = par[par[x]]; x = par[x]; } return x; }
static int unite(int a, int b) { a = find(a); b = find(b); if (a == b) return 0; if (rnk[a] < rnk[b]) { int t = a; a = b; b = t; } par[b] = a; if (rnk[a] == rnk[b]) rnk[a]++; return 1; }
static int cmpw(const void *a, const void *b) { const edge *x = a, *y = b; return x->w != y->w ? x->w - y->w : x->u != y->u ? x->u - y->u : x->v - y->v; }
int main(void) {
    enum { V = 200, E = 1500 }; static edge e[E]; unsigned s = 11;
    for (int i = 0; i < E; i++) { s = s * 1103515245 + 12345; e[i].u = (s >> 16) % V; s = s * 1103515245 + 12345; e[i].v = (s >> 16) % V; s = s * 1103515245 + 12345; e[i].w = 1 + (s >> 16) % 1000; }
    qsort(e, E, sizeof *e, cmpw);
    for (int i = 0; i < V; i++) par[i] = i;
    long total = 0; int used = 0; for (int i = 0; i < E; i++) if (unite(e[i].u, e[i].v)) { total += e[i].w; used++; }
    int comps = 0; for (int i = 0; i < V; i++) comps += find(i) == i;
    printf("mst weight %ld edges %d components %d\n", total, used, comps);
    enum { N = 40 }; static int d[N][N]; for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) d[i][j] = i == j ? 0 : 1 << 28;
    for (int i = 0; i < E; i++) if (e[i].u < N && e[i].v < N && e[i].w < d[e[i].u][e[i].v]) d[e[i].u][e[i].v] = e[i].w;
    for (int k = 0; k < N; k++) for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
    long sp = 0; int unreach = 0; for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) if (d[i][j] >= 1 << 28) unreach++; else sp += d[i][j];
    printf("floyd sum %ld unreachable %d d[0][39] %d\n", sp, unreach, d[0][39]);
    int indeg[30] = { 0 }, adj[30][30] = { { 0 } }; for (int i = 0; i < 30; i++) for (int j = i + 1; j < 30; j++) if ((i * 7 + j * 3) % 5 == 0) { adj[i][j] = 1; indeg[j]++; }
    int q[30], qh = 0, qt = 0, order[30], no = 0; for (int i = 29; i >= 0; i--) if (!indeg[i]) q[qt++] = i;
    while (qh < qt) { int u = q[qh++]; order[no++] = u; for (int v = 0; v < 30; v++) if (adj[u][v] && !--indeg[v]) q[qt++] = v; }
    for (int i = 0; i < no; i++) printf("%d ", order[i]);
    printf("\ntopo %d\n", no);
    return (int)(total & 0x7f);
}
