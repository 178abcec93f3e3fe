/* @O3 Conway's game of life on a 64x48 torus for 150 generations: population curve and final hash */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#define W 64
#define H 48
static uint8_t g[H][W], n2[H][W];
int main(void) {
    uint32_t s = 12345; for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; g[y][x] = (s & 7) < 3; }
    /* a glider and a blinker */
    memset(g[1], 0, W); memset(g[2], 0, W); memset(g[3], 0, W); g[1][2] = g[2][3] = g[3][1] = g[3][2] = g[3][3] = 1;
    for (int gen = 0; gen < 150; gen++) {
        int pop = 0;
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
            int c = 0; for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) if (dy || dx) c += g[(y + dy + H) % H][(x + dx + W) % W];
            n2[y][x] = c == 3 || (c == 2 && g[y][x]); pop += n2[y][x];
        }
        memcpy(g, n2, sizeof g);
        if (gen % 15 == 0) printf("gen %d pop %d\n", gen, pop);
    }
    uint32_t h = 2166136261u; for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) h = (h ^ g[y][x]) * 16777619u;
    for (int x = 0; x < W; x++) putchar(g[H / 2][x] ? '#' : '.');
    printf("\nhash %08x\n", h);
    return h & 0x7f;
}
