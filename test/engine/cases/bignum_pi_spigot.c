/* @O3 Rabinowitz-Wagon spigot for 800 digits of pi and an e spigot, int arithmetic only */
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    enum { DIGITS = 800, LEN = DIGITS * 10 / 3 + 1 };
    int *a = malloc(LEN * sizeof *a); for (int i = 0; i < LEN; i++) a[i] = 2;
    char out[DIGITS + 8]; int n = 0, nines = 0, predigit = 0;
    for (int j = 0; j < DIGITS; j++) {
        int q = 0;
        for (int i = LEN - 1; i >= 0; i--) { int x = 10 * a[i] + q * (i + 1); a[i] = x % (2 * i + 1); q = x / (2 * i + 1); }
        a[0] = q % 10; q /= 10;
        if (q == 9) nines++;
        else if (q == 10) { out[n++] = '0' + predigit + 1; for (int k = 0; k < nines; k++) out[n++] = '0'; predigit = 0; nines = 0; }
        else { if (j) out[n++] = '0' + predigit; predigit = q; for (int k = 0; k < nines; k++) out[n++] = '9'; nines = 0; }
    }
    out[n++] = '0' + predigit; out[n] = 0;
    printf("pi %.60s...\n", out);
    int sum = 0; for (int i = 0; i < n; i++) sum += out[i] - '0';
    printf("digits %d sum %d tail %s\n", n, sum, out + n - 20);
    enum { E = 500 }; int *b = malloc((E + 10) * sizeof *b); for (int i = 0; i < E + 10; i++) b[i] = 1;
    printf("e 2.");
    int esum = 0; for (int j = 0; j < E; j++) { int q = 0; for (int i = E + 9; i >= 1; i--) { int x = b[i] * 10 + q; b[i] = x % (i + 1); q = x / (i + 1); } if (j < 50) putchar('0' + q); esum += q; }
    printf("... sum %d\n", esum);
    free(a); free(b);
    return sum & 0x7f;
}
