#include <stdio.h>
struct op { const char *name; int (*fn)(int, int); int prio; };
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static const struct op ops[] = { { "add", add, 1 }, { "sub", sub, 1 }, { "mul", mul, 2 } };
int table[4][3] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7 }, { 0, 0, 9 } };
static const char *names[] = { "zero", "one", "two", "three" };
static int counter = 5;
static int *pc = &counter;
static int *mid = &table[1][1];
static const char msg[] = "hello globals";
static const char *tail = msg + 6;
long long big = 0x123456789abcdefLL;
double dd[3] = { 1.5, -2.25 };
float ff = 0.1f;
struct { char c; int i; short s; double d; } mixed = { 'x', -1, 7, 2.5 };
unsigned char bytes[] = { 1, 2, 3, 250 };
static int zeros[100];
int main(void) {
    for (int i = 0; i < 3; i++) printf("%s %d %d\n", ops[i].name, ops[i].fn(7, 3), ops[i].prio);
    int s = 0; for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) s = s * 2 + table[i][j];
    printf("%d %s %d %d %s\n", s, names[3], *pc, *mid, tail);
    (*pc)++; mid[1] = 60;
    printf("%d %d %llx %.2f %.2f %.2f %f\n", counter, table[1][2], big, dd[0], dd[1], dd[2], ff);
    printf("%c %d %d %.1f %d %d\n", mixed.c, mixed.i, mixed.s, mixed.d, bytes[3], zeros[50]);
    return s & 127;
}
