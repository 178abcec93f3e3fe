/* @O3 dense switch (jump table at O2), fallthrough, default, switch over enum */
#include <stdio.h>
enum op { OP_A, OP_B, OP_C, OP_D, OP_E, OP_F, OP_G, OP_H, OP_I, OP_J, OP_K, OP_L };
static int f(int x) {
    int r = 0;
    switch (x) {
    case 0: r += 1;
    case 1: r += 2; break;
    case 2: r = 30; break;
    case 3: r = x * x; break;
    case 4: case 5: case 6: r = -x; break;
    case 7: return 77;
    case 8: r = 8; /* fallthrough */
    case 9: r += 9;
    case 10: r += 10; break;
    case 11: r = 1100; break;
    case 12: r = 12; break;
    case 13: r = 13; break;
    case 14: r = 14; break;
    default: r = -1;
    }
    return r;
}
static const char *name(enum op o) {
    switch (o) { case OP_A: return "A"; case OP_B: return "B"; case OP_C: return "C"; case OP_D: return "D"; case OP_E: return "E";
    case OP_F: return "F"; case OP_G: return "G"; case OP_H: return "H"; case OP_I: return "I"; case OP_J: return "J"; case OP_K: return "K"; default: return "?"; }
}
int main(void) {
    int s = 0;
    for (int i = -3; i < 20; i++) { int v = f(i); s = s * 7 + v; printf("%d:%d ", i, v); }
    printf("\n");
    for (int i = 0; i < 12; i++) printf("%s", name((enum op)i));
    printf("\nsum %d\n", s);
    unsigned char c; int counts[4] = { 0 };
    for (int i = 0; i < 1000; i++) { c = (unsigned char)(i * 7); switch (c & 3) { case 0: counts[0]++; break; case 1: counts[1] += 2; break; case 2: counts[2] += 3; break; case 3: counts[3] += 4; break; } }
    printf("%d %d %d %d\n", counts[0], counts[1], counts[2], counts[3]);
    return s & 0x7f;
}
