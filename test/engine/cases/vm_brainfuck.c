/* a Brainfuck interpreter with precomputed bracket jumps running a hello-world and a squares-printing program */
#include <stdio.h>
#include <string.h>
static int run(const char *prog, char *out, int cap) {
    int n = (int)strlen(prog), jump[4096], stack[256], sp = 0, o = 0; unsigned char tape[30000]; memset(tape, 0, sizeof tape);
    for (int i = 0; i < n; i++) { if (prog[i] == '[') stack[sp++] = i; else if (prog[i] == ']') { if (!sp) return -1; int j = stack[--sp]; jump[i] = j; jump[j] = i; } }
    if (sp) return -2;
    int ptr = 0; long steps = 0;
    for (int pc = 0; pc < n; pc++, steps++) {
        switch (prog[pc]) {
        case '>': ptr++; break; case '<': ptr--; break; case '+': tape[ptr]++; break; case '-': tape[ptr]--; break;
        case '.': if (o < cap - 1) out[o++] = (char)tape[ptr]; break;
        case '[': if (!tape[ptr]) pc = jump[pc]; break; case ']': if (tape[ptr]) pc = jump[pc]; break;
        }
    }
    out[o] = 0; return (int)(steps % 100000);
}
int main(void) {
    char out[4096];
    int s1 = run("++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.", out, sizeof out);
    printf("%s| %d\n", out, s1);
    /* squares 0..10000 (Daniel Cristofani) */
    const char *sq = "++++[>+++++<-]>[<+++++>-]+<+[>[>+>+<<-]++>>[<<+>>-]>>>[-]++>[-]+>>>+[[-]++++++>>>]<<<[[<++++++++<++>>-]+<.<[>----<-]<]<<[>>>>>[>>>[-]+++++++++<[>-<-]+++++++++>[-[<->-]+[<<<]]<[>+<-]>]<<-]<<-]";
    int s2 = run(sq, out, sizeof out);
    unsigned h = 0; int lines = 0; for (char *p = out; *p; p++) { h = h * 31 + (unsigned char)*p; lines += *p == '\n'; }
    printf("squares lines %d h %08x steps%%1e5 %d tail '%s'\n", lines, h, s2, out + strlen(out) - 12);
    printf("unbalanced %d %d\n", run("[[]", out, 10), run("]", out, 10));
    return lines & 0x7f;
}
