/* binary-heap priority queue driving Dijkstra on a generated grid graph, plus BFS and DFS (iterative) reachability */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define W 60
#define H 60
typedef struct { int d, v; } item;
static item heap[W * H * 4]; static int hn;
static void hpush(int d, int v) { int i = hn++; while (i && heap[(i - 1) / 2].d > d) { heap[i] = heap[(i - 1) / 2]; i = (i - 1) / 2; } heap[i].d = d; heap[i].v = v; }
static item hpop(void) { item top = heap[0], last = heap[--hn]; int i = 0; for (;;) { int c = 2 * i + 1; if (c >= hn) break; if (c + 1 < hn && heap[c + 1].d < heap[c].d) c++; if (heap[c].d >= last.d) break; heap[i] = heap[c]; i = c; } heap[i] = last; return top; }
static int cost[W * H], wall[W * H];
int main(void) {
    unsigned s = 5; for (int i = 0; i < W * H; i++) { s = s * 1103515245 + 12345; cost[i] = 1 + (s >> 16) % 9; wall[i] = (s >> 8) % 7 == 0; }
    wall[0] = wall[W * H - 1] = 0;
    int *dist = malloc(sizeof(int) * W * H); for (int i = 0; i < W * H; i++) dist[i] = 1 << 30;
    dist[0] = 0; hpush(0, 0); int pops = 0;
    while (hn) { item it = hpop(); pops++; if (it.d > dist[it.v]) continue; int x = it.v % W, y = it.v / W; int dx[] = { 1, -1, 0, 0 }, dy[] = { 0, 0, 1, -1 };
        for (int k = 0; k < 4; k++) { int nx = x + dx[k], ny = y + dy[k]; if (nx < 0 || ny < 0 || nx >= W || ny >= H) continue; int n = ny * W + nx; if (wall[n]) continue; int nd = it.d + cost[n]; if (nd < dist[n]) { dist[n] = nd; hpush(nd, n); } } }
    long sum = 0; int reach = 0; for (int i = 0; i < W * H; i++) if (dist[i] < 1 << 30) { sum += dist[i]; reach++; }
    printf("dijkstra corner %d reach %d sum %ld pops %d\n", dist[W * H - 1], reach, sum, pops);
    int *q = malloc(sizeof(int) * W * H), *seen = calloc(W * H, sizeof(int)), qh = 0, qt = 0, bfsd[W * H]; q[qt++] = 0; seen[0] = 1; bfsd[0] = 0; int far = 0;
    while (qh < qt) { int v = q[qh++]; int x = v % W, y = v / W; if (bfsd[v] > far) far = bfsd[v]; int nb[4] = { x + 1 < W ? v + 1 : -1, x ? v - 1 : -1, y + 1 < H ? v + W : -1, y ? v - W : -1 };
        for (int k = 0; k < 4; k++) { int n = nb[k]; if (n >= 0 && !wall[n] && !seen[n]) { seen[n] = 1; bfsd[n] = bfsd[v] + 1; q[qt++] = n; } } }
    memset(seen, 0, sizeof(int) * W * H); int sp = 0, comp = 0, biggest = 0;
    for (int st = 0; st < W * H; st++) { if (wall[st] || seen[st]) continue; comp++; int size = 0; q[sp++] = st; seen[st] = 1;
        while (sp) { int v = q[--sp]; size++; int x = v % W, y = v / W; int nb[4] = { x + 1 < W ? v + 1 : -1, x ? v - 1 : -1, y + 1 < H ? v + W : -1, y ? v - W : -1 };
            for (int k = 0; k < 4; k++) { int n = nb[k]; if (n >= 0 && !wall[n] && !seen[n]) { seen[n] = 1; q[sp++] = n; } } }
        if (size > biggest) biggest = size; }
    printf("bfs visited %d farthest %d components %d biggest %d\n", qt, far, comp, biggest);
    free(dist); free(q); free(seen);
    return comp & 0x7f;
}
