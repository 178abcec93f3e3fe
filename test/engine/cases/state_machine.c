/* @O3 table-driven and switch-driven state machines: a number-literal recogniser (DFA) and a vending machine with events */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
enum { S_START, S_SIGN, S_INT, S_DOT, S_FRAC, S_EXP, S_EXPSIGN, S_EXPINT, S_ERR, NS };
enum { C_DIGIT, C_SIGN, C_DOT, C_E, C_OTHER, NC };
static const unsigned char T[NS][NC] = {
    [S_START] = { S_INT, S_SIGN, S_DOT, S_ERR, S_ERR }, [S_SIGN] = { S_INT, S_ERR, S_DOT, S_ERR, S_ERR }, [S_INT] = { S_INT, S_ERR, S_FRAC, S_EXP, S_ERR },
    [S_DOT] = { S_FRAC, S_ERR, S_ERR, S_ERR, S_ERR }, [S_FRAC] = { S_FRAC, S_ERR, S_ERR, S_EXP, S_ERR }, [S_EXP] = { S_EXPINT, S_EXPSIGN, S_ERR, S_ERR, S_ERR },
    [S_EXPSIGN] = { S_EXPINT, S_ERR, S_ERR, S_ERR, S_ERR }, [S_EXPINT] = { S_EXPINT, S_ERR, S_ERR, S_ERR, S_ERR }, [S_ERR] = { S_ERR, S_ERR, S_ERR, S_ERR, S_ERR } };
static int cls(char c) { return isdigit((unsigned char)c) ? C_DIGIT : c == '+' || c == '-' ? C_SIGN : c == '.' ? C_DOT : c == 'e' || c == 'E' ? C_E : C_OTHER; }
static int accept(const char *s) { int st = S_START; for (; *s; s++) st = T[st][cls(*s)]; return st == S_INT || st == S_FRAC || st == S_EXPINT; }
typedef enum { IDLE, HAS_MONEY, VENDING, CHANGE } vstate;
int main(void) {
    const char *in[] = { "0", "-12", "+3.14", ".5", "5.", "1e10", "1e+", "2.5E-3", "abc", "--1", "1.2.3", "", "-.e1", "007" };
    unsigned mask = 0; for (int i = 0; i < 14; i++) { int a = accept(in[i]); mask = mask << 1 | a; printf("'%s':%d ", in[i], a); }
    printf("\nmask %04x\n", mask);
    const char *events = "c25 c25 s c10 c25 c25 c25 s r c5 c100 s s c25 c25 c25 c25 s";
    vstate st = IDLE; int credit = 0, sold = 0, returned = 0, transitions = 0; const char *p = events;
    while (*p) {
        char ev = *p; int amt = 0; p++; while (isdigit((unsigned char)*p)) amt = amt * 10 + *p++ - '0'; while (*p == ' ') p++;
        vstate prev = st;
        switch (st) {
        case IDLE: if (ev == 'c') { credit += amt; st = HAS_MONEY; } break;
        case HAS_MONEY: if (ev == 'c') credit += amt; else if (ev == 's' && credit >= 75) st = VENDING; else if (ev == 'r') st = CHANGE; break;
        case VENDING: break;
        case CHANGE: break;
        }
        if (st == VENDING) { credit -= 75; sold++; st = credit ? HAS_MONEY : IDLE; }
        if (st == CHANGE) { returned += credit; credit = 0; st = IDLE; }
        transitions += st != prev;
    }
    printf("sold %d returned %d credit %d transitions %d\n", sold, returned, credit, transitions);
    return sold * 10 + transitions;
}
