/* @O3 labels as values (direct-threaded interpreter) */
#include <stdio.h>
static int run(const unsigned char *code, int n) {
    static void *tbl[] = { &&op_inc, &&op_dec, &&op_dbl, &&op_end };
    int acc = n, pc = 0;
    goto *tbl[code[pc++]];
op_inc: acc++; goto *tbl[code[pc++]];
op_dec: acc--; goto *tbl[code[pc++]];
op_dbl: acc *= 2; goto *tbl[code[pc++]];
op_end: return acc;
}
int main(void) {
    unsigned char prog[] = { 0, 0, 2, 1, 2, 0, 3 };
    int s = 0;
    for (int i = 0; i < 1000; i++) s += run(prog, i);
    void *p = &&here; int loops = 0;
here:
    if (++loops < 5) goto *p;
    printf("%d %d\n", s, loops);
    return s & 0x7f;
}
