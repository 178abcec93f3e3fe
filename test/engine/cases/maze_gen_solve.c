/* maze generation by randomized DFS (explicit stack) and solving with BFS; prints the maze with the path */
#include <stdio.h>
#include <string.h>
#define W 19
#define H 11
static char m[2 * H + 1][2 * W + 2];
int main(void) {
    for (int y = 0; y < 2 * H + 1; y++) { memset(m[y], '#', 2 * W + 1); m[y][2 * W + 1] = 0; }
    static int st[W * H], vis[H][W]; int sp = 0; unsigned s = 2024;
    st[sp++] = 0; vis[0][0] = 1; m[1][1] = ' ';
    while (sp) {
        int c = st[sp - 1], x = c % W, y = c / W, dirs[4], nd = 0; int dx[] = { 1, -1, 0, 0 }, dy[] = { 0, 0, 1, -1 };
        for (int k = 0; k < 4; k++) { int nx = x + dx[k], ny = y + dy[k]; if (nx >= 0 && ny >= 0 && nx < W && ny < H && !vis[ny][nx]) dirs[nd++] = k; }
        if (!nd) { sp--; continue; }
        s = s * 1103515245 + 12345; int k = dirs[(s >> 16) % nd]; int nx = x + dx[k], ny = y + dy[k];
        vis[ny][nx] = 1; m[2 * y + 1 + dy[k]][2 * x + 1 + dx[k]] = ' '; m[2 * ny + 1][2 * nx + 1] = ' '; st[sp++] = ny * W + nx;
    }
    enum { R = 2 * H + 1, C = 2 * W + 1 }; static int prev[R * C], q[R * C]; for (int i = 0; i < R * C; i++) prev[i] = -2;
    int qh = 0, qt = 0, start = 1 * C + 1, goal = (R - 2) * C + C - 2; q[qt++] = start; prev[start] = -1;
    while (qh < qt) { int c = q[qh++]; if (c == goal) break; int nb[4] = { c + 1, c - 1, c + C, c - C }; for (int k = 0; k < 4; k++) { int n = nb[k]; if (m[n / C][n % C] == ' ' && prev[n] == -2) { prev[n] = c; q[qt++] = n; } } }
    int len = 0; for (int c = goal; c >= 0; c = prev[c]) { m[c / C][c % C] = '.'; len++; }
    for (int y = 0; y < R; y++) puts(m[y]);
    printf("path length %d explored %d\n", len, qt);
    return len & 0x7f;
}
