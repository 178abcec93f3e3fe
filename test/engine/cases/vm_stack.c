/* @O3 a stack-based bytecode VM with calls, locals and a compiler from a tiny RPN text: computes primes, fib and gcd */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
enum { PUSH, POP, ADD, SUB, MUL, DIV, MOD, DUP, OVER, SWAP, JMP, JZ, CALL, RET, LOAD, STORE, LT, EQ, PRINT, HALT };
static const char *names[] = { "push", "pop", "add", "sub", "mul", "div", "mod", "dup", "over", "swap", "jmp", "jz", "call", "ret", "load", "store", "lt", "eq", "print", "halt" };
static int code[1024], ncode;
static int assemble(const char *src) {
    char lab[32][16]; int labpos[32], nl = 0; char fix[64][16]; int fixpos[64], nf = 0; ncode = 0;
    char tok[32]; const char *p = src; int n;
    while (sscanf(p, "%31s%n", tok, &n) == 1) {
        p += n; size_t L = strlen(tok);
        if (tok[L - 1] == ':') { tok[L - 1] = 0; strcpy(lab[nl], tok); labpos[nl++] = ncode; continue; }
        int op = -1; for (int i = 0; i < 20; i++) if (!strcmp(tok, names[i])) op = i;
        if (op >= 0) { code[ncode++] = op; continue; }
        if ((tok[0] >= '0' && tok[0] <= '9') || tok[0] == '-') { code[ncode++] = atoi(tok); continue; }
        strcpy(fix[nf], tok); fixpos[nf++] = ncode; code[ncode++] = -1;
    }
    for (int i = 0; i < nf; i++) { int found = 0; for (int k = 0; k < nl; k++) if (!strcmp(fix[i], lab[k])) { code[fixpos[i]] = labpos[k]; found = 1; } if (!found) { printf("undefined label %s\n", fix[i]); return -1; } }
    return ncode;
}
static long run(void) {
    int st[256], sp = 0, rs[64], rp = 0, pc = 0, mem[16] = { 0 }; long steps = 0;
    for (;; steps++) {
        int op = code[pc++];
        switch (op) {
        case PUSH: st[sp++] = code[pc++]; break; case POP: sp--; break;
        case ADD: sp--; st[sp - 1] += st[sp]; break; case SUB: sp--; st[sp - 1] -= st[sp]; break;
        case MUL: sp--; st[sp - 1] *= st[sp]; break; case DIV: sp--; st[sp - 1] /= st[sp]; break; case MOD: sp--; st[sp - 1] %= st[sp]; break;
        case DUP: st[sp] = st[sp - 1]; sp++; break; case OVER: st[sp] = st[sp - 2]; sp++; break;
        case SWAP: { int t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; break; }
        case JMP: pc = code[pc]; break; case JZ: { int t = code[pc++]; if (!st[--sp]) pc = t; break; }
        case CALL: rs[rp++] = pc + 1; pc = code[pc]; break; case RET: pc = rs[--rp]; break;
        case LOAD: st[sp++] = mem[code[pc++]]; break; case STORE: mem[code[pc++]] = st[--sp]; break;
        case LT: sp--; st[sp - 1] = st[sp - 1] < st[sp]; break; case EQ: sp--; st[sp - 1] = st[sp - 1] == st[sp]; break;
        case PRINT: printf("%d ", st[--sp]); break; case HALT: printf("\n"); return steps;
        default: printf("bad op %d\n", op); return -1;
        }
    }
}
int main(void) {
    /* count primes below 3000 by trial division; then gcd(1071, 462); then fib(25) iteratively */
    const char *prog =
        "push 0 store 0  push 2 store 1 "
        "outer: load 1 push 3000 lt jz done  push 2 store 2 "
        "inner: load 2 load 2 mul load 1 swap lt jz isprime  load 1 load 2 mod jz notprime  load 2 push 1 add store 2 jmp inner "
        "isprime: load 0 push 1 add store 0 "
        "notprime: load 1 push 1 add store 1 jmp outer "
        "done: load 0 print  push 1071 push 462 call gcd print  push 25 call fib print halt "
        "gcd: dup jz gcdend swap over mod jmp gcd  gcdend: pop ret "
        "fib: store 3 push 0 push 1  fibl: load 3 jz fibend  swap over add  load 3 push 1 sub store 3 jmp fibl  fibend: pop ret ";
    int n = assemble(prog); printf("assembled %d words\n", n);
    long steps = run(); printf("steps %ld\n", steps);
    return (int)(steps % 251);
}
