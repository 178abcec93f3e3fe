/* mandelbrot (the Benchmarks Game's algorithm, written for this bench): a 400x400 bitmap, 50 iterations, hashed */
#include <stdio.h>
#include <stdint.h>
#define W 400
int main(void) {
  uint32_t hash = 2166136261u;
  for (int y = 0; y < W; y++)
    for (int x0 = 0; x0 < W; x0 += 8) {
      uint8_t bits = 0;
      for (int x = x0; x < x0 + 8; x++) {
        double cr = 2.0 * x / W - 1.5, ci = 2.0 * y / W - 1.0, zr = 0, zi = 0, tr = 0, ti = 0;
        int i = 0;
        for (; i < 50 && tr + ti <= 4.0; i++) { zi = 2 * zr * zi + ci; zr = tr - ti + cr; tr = zr * zr; ti = zi * zi; }
        bits = bits << 1 | (tr + ti <= 4.0);
      }
      hash = (hash ^ bits) * 16777619u;
    }
  printf("%08x\n", hash);
  return 0;
}
