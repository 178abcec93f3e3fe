/* @O3 computed goto (indirectbr): a direct-threaded register VM with a label table in a static array */
#include <stdio.h>
#include <stdint.h>
enum { LI, ADD, SUB, MULI, JLT, JMP, MOV, XOR, SHR, HALT, OUT };
typedef struct { uint8_t op, a, b, c; int32_t imm; } ins;
static int64_t run(const ins *prog, int32_t *r) {
    static const void *tab[] = { &&li, &&add, &&sub, &&muli, &&jlt, &&jmp, &&mov, &&xor, &&shr, &&halt, &&out };
    const ins *pc = prog; int64_t steps = 0;
#define NEXT do { steps++; goto *tab[pc->op]; } while (0)
    NEXT;
li:   r[pc->a] = pc->imm; pc++; NEXT;
add:  r[pc->a] = r[pc->b] + r[pc->c]; pc++; NEXT;
sub:  r[pc->a] = r[pc->b] - r[pc->c]; pc++; NEXT;
muli: r[pc->a] = r[pc->b] * pc->imm; pc++; NEXT;
jlt:  if (r[pc->a] < r[pc->b]) { pc = prog + pc->imm; } else pc++; NEXT;
jmp:  pc = prog + pc->imm; NEXT;
mov:  r[pc->a] = r[pc->b]; pc++; NEXT;
xor:  r[pc->a] = r[pc->b] ^ r[pc->c]; pc++; NEXT;
shr:  r[pc->a] = (int32_t)((uint32_t)r[pc->b] >> pc->imm); pc++; NEXT;
out:  printf("r%d = %d\n", pc->a, r[pc->a]); pc++; NEXT;
halt: return steps;
}
int main(void) {
    /* r0 = i, r1 = n, r2 = acc, r3 = 1, r4 = tmp */
    ins prog[] = {
        { LI, 0, 0, 0, 0 }, { LI, 1, 0, 0, 200000 }, { LI, 2, 0, 0, 12345 }, { LI, 3, 0, 0, 1 },
        /* 4 */ { MULI, 4, 2, 0, 1103515245 }, { ADD, 4, 4, 0 }, { SHR, 5, 4, 0, 7 }, { XOR, 2, 4, 5 },
        { ADD, 0, 0, 3 }, { JLT, 0, 1, 0, 4 }, { OUT, 2, 0, 0, 0 }, { OUT, 0, 0, 0, 0 }, { HALT, 0, 0, 0, 0 } };
    int32_t r[8] = { 0 };
    int64_t steps = run(prog, r);
    printf("steps %lld\n", (long long)steps);
    void *lbl = &&done; int n = 0;
again:
    if (++n < 5) { lbl = n & 1 ? &&again : &&again2; goto *lbl; }
    lbl = &&done;
again2:
    if (n < 5) { n++; goto again; }
    goto *lbl;
done:
    printf("n %d\n", n);
    return r[2] & 0x7f;
}
