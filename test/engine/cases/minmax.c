/* @O3 */
#include <stdio.h>
#include <stdlib.h>
volatile int v[] = { 5, -3, 2147483647, -2147483647, 0, 77, -77, 12 };
volatile short sv[] = { 5, -3, 32767, -32768, 0 };
volatile unsigned uv[] = { 5, 3000000000u, 0, 77 };
volatile long long lv[] = { -5, 1LL << 40, -(1LL << 50), 9 };
static int imin(int a, int b) { return a < b ? a : b; }
static int imax(int a, int b) { return a > b ? a : b; }
static unsigned umin(unsigned a, unsigned b) { return a < b ? a : b; }
int main(void) {
    int s = 0;
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) s += imin(v[i], v[j]) / 3 + imax(v[i], v[j]) / 5 + abs(v[i]) % 7;
    short ss = 0; for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) ss += sv[i] < sv[j] ? sv[i] : sv[j];
    unsigned us = 0; for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) us += umin(uv[i], uv[j]) >> 3;
    long long ls = 0; for (int i = 0; i < 4; i++) ls += llabs(lv[i]) + (lv[i] > lv[3 - i] ? lv[i] : lv[3 - i]);
    int clamp = 0; for (int i = -300; i < 300; i += 7) { int x = i < -100 ? -100 : i > 100 ? 100 : i; clamp += x; }
    printf("%d %d %u %lld %d\n", s, ss, us, ls, clamp);
    return clamp & 0x7f;
}
