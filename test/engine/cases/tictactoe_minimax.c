/* @O3 tic-tac-toe solved by minimax with alpha-beta: node counts, perfect-play result, best opening moves */
#include <stdio.h>
static char b[9]; static long nodes;
static int win(char p) { static const int L[8][3] = { { 0, 1, 2 }, { 3, 4, 5 }, { 6, 7, 8 }, { 0, 3, 6 }, { 1, 4, 7 }, { 2, 5, 8 }, { 0, 4, 8 }, { 2, 4, 6 } }; for (int i = 0; i < 8; i++) if (b[L[i][0]] == p && b[L[i][1]] == p && b[L[i][2]] == p) return 1; return 0; }
static int mm(char p, int depth, int alpha, int beta) {
    nodes++;
    if (win('X')) return 10 - depth; if (win('O')) return depth - 10;
    int any = 0; for (int i = 0; i < 9; i++) if (!b[i]) any = 1; if (!any) return 0;
    int best = p == 'X' ? -100 : 100;
    for (int i = 0; i < 9; i++) if (!b[i]) {
        b[i] = p; int v = mm(p == 'X' ? 'O' : 'X', depth + 1, alpha, beta); b[i] = 0;
        if (p == 'X') { if (v > best) best = v; if (best > alpha) alpha = best; } else { if (v < best) best = v; if (best < beta) beta = best; }
        if (alpha >= beta) break;
    }
    return best;
}
int main(void) {
    for (int i = 0; i < 9; i++) { b[i] = 'X'; nodes = 0; int v = mm('O', 1, -100, 100); b[i] = 0; printf("open %d -> %d (%ld nodes)\n", i, v, nodes); }
    char p = 'X'; int moves = 0;
    while (!win('X') && !win('O') && moves < 9) { int bi = -1, bv = p == 'X' ? -100 : 100; for (int i = 0; i < 9; i++) if (!b[i]) { b[i] = p; int v = mm(p == 'X' ? 'O' : 'X', 1, -100, 100); b[i] = 0; if ((p == 'X' && v > bv) || (p == 'O' && v < bv)) { bv = v; bi = i; } } b[bi] = p; p = p == 'X' ? 'O' : 'X'; moves++; }
    for (int r = 0; r < 3; r++) printf("%c%c%c\n", b[r * 3] ? b[r * 3] : '.', b[r * 3 + 1] ? b[r * 3 + 1] : '.', b[r * 3 + 2] ? b[r * 3 + 2] : '.');
    printf("moves %d winner %c\n", moves, win('X') ? 'X' : win('O') ? 'O' : '-');
    return moves;
}
