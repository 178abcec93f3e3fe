/* @O3 a tokeniser for a small C-like language: identifiers, numbers (int/hex/float), strings with escapes, operators, comments */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <stdlib.h>
enum { T_ID, T_INT, T_FLT, T_STR, T_OP, T_EOF, T_ERR };
typedef struct { int kind; const char *s; int len; long long iv; double fv; int line; } tok;
static const char *src; static int line = 1;
static tok next(void) {
    tok t = { T_EOF, src, 0, 0, 0, line };
    for (;;) {
        while (*src == ' ' || *src == '\t' || *src == '\n') { if (*src == '\n') line++; src++; }
        if (src[0] == '/' && src[1] == '/') { while (*src && *src != '\n') src++; continue; }
        if (src[0] == '/' && src[1] == '*') { src += 2; while (*src && !(src[0] == '*' && src[1] == '/')) { if (*src == '\n') line++; src++; } if (*src) src += 2; continue; }
        break;
    }
    t.s = src; t.line = line;
    if (!*src) return t;
    if (isalpha((unsigned char)*src) || *src == '_') { while (isalnum((unsigned char)*src) || *src == '_') src++; t.kind = T_ID; }
    else if (isdigit((unsigned char)*src) || (*src == '.' && isdigit((unsigned char)src[1]))) {
        char *end; if (src[0] == '0' && (src[1] == 'x' || src[1] == 'X')) { t.iv = strtoll(src, &end, 16); t.kind = T_INT; }
        else { t.iv = strtoll(src, &end, 10); t.kind = T_INT; if (*end == '.' || *end == 'e' || *end == 'E') { t.fv = strtod(src, &end); t.kind = T_FLT; } }
        src = end;
    } else if (*src == '"') { src++; while (*src && *src != '"') { if (*src == '\\' && src[1]) src++; src++; } if (*src != '"') { t.kind = T_ERR; } else { src++; t.kind = T_STR; } }
    else { static const char *ops[] = { "<<=", ">>=", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "->", "<<", ">>" }; t.kind = T_OP; int n = 1;
        for (unsigned i = 0; i < sizeof ops / sizeof *ops; i++) if (!strncmp(src, ops[i], strlen(ops[i]))) { n = (int)strlen(ops[i]); break; }
        if (!strchr("+-*/%=<>!&|^~?:;,.()[]{}", *src)) t.kind = T_ERR; src += n; }
    t.len = (int)(src - t.s);
    return t;
}
int main(void) {
    src = "int main(void) { /* block\n comment */ int x = 0x1F + 42; // line\n double y = 3.25e2 * .5;\n"
          "char *s = \"he said \\\"hi\\\"\\n\"; x <<= 2; if (x >= 10 && y != 0) return x->y++ - --y; } @ 1e-3 \"unterminated";
    int counts[7] = { 0 }; long long isum = 0; double fsum = 0; unsigned h = 0;
    for (;;) {
        tok t = next(); counts[t.kind]++;
        if (t.kind == T_INT) isum += t.iv; if (t.kind == T_FLT) fsum += t.fv;
        for (int i = 0; i < t.len; i++) h = h * 31 + (unsigned char)t.s[i];
        printf("%d:%d:%.*s ", t.line, t.kind, t.len, t.s);
        if (t.kind == T_EOF) break;
    }
    printf("\nid %d int %d flt %d str %d op %d err %d isum %lld fsum %g h %08x\n", counts[0], counts[1], counts[2], counts[3], counts[4], counts[6], isum, fsum, h);
    return counts[T_ERR];
}
