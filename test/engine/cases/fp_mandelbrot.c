/* @O3 Mandelbrot set: ASCII render (float) and escape-count histogram (double) */
#include <stdio.h>
int main(void) {
    const char *shade = " .:-=+*#%@";
    for (int y = 0; y < 24; y++) {
        char line[81];
        for (int x = 0; x < 78; x++) { float cr = -2.2f + x * 0.04f, ci = -1.2f + y * 0.1f, zr = 0, zi = 0; int k = 0; while (k < 60 && zr * zr + zi * zi < 4.0f) { float t = zr * zr - zi * zi + cr; zi = 2 * zr * zi + ci; zr = t; k++; } line[x] = shade[k * 9 / 60]; }
        line[78] = 0; puts(line);
    }
    int hist[8] = { 0 }; long total = 0;
    for (int y = 0; y < 200; y++) for (int x = 0; x < 200; x++) {
        double cr = -0.75 + (x - 100) * 0.0025, ci = 0.1 + (y - 100) * 0.0025, zr = 0, zi = 0; int k = 0;
        while (k < 256 && zr * zr + zi * zi <= 4.0) { double t = zr * zr - zi * zi + cr; zi = 2 * zr * zi + ci; zr = t; k++; }
        hist[k * 8 / 257]++; total += k;
    }
    for (int i = 0; i < 8; i++) printf("%d ", hist[i]);
    printf("\ntotal %ld\n", total);
    return (int)(total % 256);
}
