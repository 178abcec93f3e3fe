#include <stdio.h>
#include <stdint.h>
#include <limits.h>
volatile int vi[] = { 0, 1, -1, INT_MAX, INT_MIN, 46341, -46341, 1000 };
volatile long long vl[] = { 0, 1, -1, LLONG_MAX, LLONG_MIN, 3037000500LL };
volatile unsigned char vc[] = { 0, 1, 127, 128, 255, 16 };
int main(void) {
    unsigned h = 0;
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) {
        int r; unsigned u;
        h = h * 3 + __builtin_add_overflow(vi[i], vi[j], &r); h += r;
        h = h * 3 + __builtin_sub_overflow(vi[i], vi[j], &r); h += r;
        h = h * 3 + __builtin_mul_overflow(vi[i], vi[j], &r); h += r;
        h = h * 3 + __builtin_add_overflow((unsigned)vi[i], (unsigned)vi[j], &u); h += u;
        h = h * 3 + __builtin_mul_overflow((unsigned)vi[i], (unsigned)vi[j], &u); h += u;
        h = h * 3 + __builtin_sub_overflow((unsigned)vi[i], (unsigned)vi[j], &u); h += u;
    }
    for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
        long long r; unsigned long long u;
        h = h * 5 + __builtin_add_overflow(vl[i], vl[j], &r); h += (unsigned)r;
        h = h * 5 + __builtin_sub_overflow(vl[i], vl[j], &r); h += (unsigned)(r >> 7);
        h = h * 5 + __builtin_mul_overflow(vl[i], vl[j], &r); h += (unsigned)r;
        h = h * 5 + __builtin_mul_overflow((unsigned long long)vl[i], (unsigned long long)vl[j], &u); h += (unsigned)u;
        h = h * 5 + __builtin_add_overflow((unsigned long long)vl[i], (unsigned long long)vl[j], &u); h += (unsigned)u;
    }
    for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
        unsigned char r; signed char s;
        h = h * 7 + __builtin_add_overflow(vc[i], vc[j], &r) + r;
        h = h * 7 + __builtin_mul_overflow((signed char)vc[i], (signed char)vc[j], &s) + (unsigned char)s;
    }
    printf("%u\n", h);
    return h % 50;
}
