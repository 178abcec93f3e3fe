#include <stdio.h>
struct flags { unsigned a : 3; signed b : 5; unsigned c : 1; unsigned d : 23; };
struct packed { char c; int i; short s; } __attribute__((packed));
struct odd { unsigned long long x : 40; unsigned y : 24; };
int main(void) {
    struct flags f = { 5, -7, 1, 123456 };
    f.a++; f.b -= 10; f.d *= 3;
    printf("%u %d %u %u %d\n", f.a, f.b, f.c, f.d, (int)sizeof f);
    struct packed p[3]; for (int i = 0; i < 3; i++) { p[i].c = 'a' + i; p[i].i = i * 1000000; p[i].s = -i; }
    printf("%c %d %d %d\n", p[2].c, p[2].i, p[1].s, (int)sizeof p);
    struct odd o = { 0xfffffffffULL, 0xabcdef }; o.x += 1; o.y ^= 0xff;
    printf("%llx %x\n", (unsigned long long)o.x, o.y);
    return f.a;
}
