/* usual arithmetic conversions: signed/unsigned comparisons and mixed-width expressions */
#include <stdio.h>
int main(void) {
    volatile int a = -1; volatile unsigned b = 1; volatile long long c = -1; volatile unsigned long long d = 1;
    volatile short s = -5; volatile unsigned short us = 65535; volatile signed char sc = -128; volatile unsigned char uc = 200;
    int r = 0;
    r |= (a < b) << 0;              /* false: -1 -> UINT_MAX */
    r |= (c < b) << 1;              /* true: b promoted to long long */
    r |= (a < d) << 2;              /* false */
    r |= (s < us) << 3;             /* true: both promote to int */
    r |= (sc < uc) << 4;            /* true */
    r |= ((unsigned)sc > 1000u) << 5;
    r |= (a == (int)0xffffffffu) << 6;
    r |= ((long long)b - 2 < 0) << 7;
    r |= (b - 2 > 0) << 8;
    printf("r = %#x\n", r);
    printf("%d %u %lld %llu\n", s * us, (unsigned)(s * us), (long long)s * (long long)us, (unsigned long long)(s + us) * d);
    printf("%d %d %u\n", sc / 3, uc / -3, (unsigned)uc * 0x1000000u);
    printf("%lld %llu\n", c / (long long)us, (unsigned long long)c / us);
    long long m = (long long)a * (unsigned)2;   /* unsigned mult then widened */
    printf("%lld %lld\n", m, (long long)a * 2);
    return r & 0x7f;
}
