/* @O3 a small bytecode VM */
#include <stdio.h>
#ifndef ITERATIONS
#define ITERATIONS 300000 /* test/engine/bench/vm.c runs it longer */
#endif
enum { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, PRINT, HALT, LOAD, STORE, LT, JMP };
static int run(const int *code, int *mem) {
    int stack[64], sp = 0, pc = 0, steps = 0;
    for (;;) {
        steps++;
        switch (code[pc++]) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case SWAP: { int t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } break;
        case JNZ: { int t = code[pc++]; if (stack[--sp]) pc = t; } break;
        case JMP: pc = code[pc]; break;
        case DEC: stack[sp - 1]--; break;
        case PRINT: printf("%d\n", stack[--sp]); break;
        case LOAD: stack[sp++] = mem[code[pc++]]; break;
        case STORE: mem[code[pc++]] = stack[--sp]; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case HALT: return steps;
        }
    }
}
int main(void) {
    /* sum = 0; i = ITERATIONS; while (i) { sum += i * 3 % 7... } */
    int code[] = { PUSH, 0, STORE, 0, PUSH, ITERATIONS, STORE, 1,
                   /* 8 */ LOAD, 0, LOAD, 1, ADD, PUSH, 3, MUL, STORE, 0, LOAD, 1, DEC, DUP, STORE, 1, JNZ, 8,
                   LOAD, 0, PRINT, HALT };
    int mem[4] = { 0 };
    int steps = run(code, mem);
    printf("steps %d\n", steps);
    return mem[0] & 0x7f;
}
