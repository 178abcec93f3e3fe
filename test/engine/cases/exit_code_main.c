/* exit codes: main returns a computed value above 127 (truncated to 8 bits by the OS), abs/labs/div arithmetic feeding it */
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    int v = 0;
    for (int i = 1; i <= 100; i++) v += abs(i * 7 % 13 - 6);
    struct { int quot, rem; } d = { v / 7, v % 7 }; struct { long quot, rem; } ld = { -v * 1000L / 9, -v * 1000L % 9 };
    printf("argc %d v %d div %d rem %d ldiv %ld %ld\n", argc, v, d.quot, d.rem, ld.quot, ld.rem);
    return v + 200;     /* > 255: the low 8 bits are the exit status */
}
