/* setjmp-free error handling: error codes, cleanup gotos, early returns */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
enum err { OK, E_PARSE, E_RANGE, E_MEM };
static const char *errname(enum err e) { static const char *n[] = { "ok", "parse", "range", "mem" }; return n[e]; }
static enum err parse_num(const char *s, int *out) {
    int v = 0, neg = 0;
    if (*s == '-') { neg = 1; s++; }
    if (!*s) return E_PARSE;
    for (; *s; s++) { if (*s < '0' || *s > '9') return E_PARSE; v = v * 10 + (*s - '0'); if (v > 100000) return E_RANGE; }
    *out = neg ? -v : v; return OK;
}
static enum err process(const char *line, int *sum) {
    enum err e = OK; char *copy = malloc(strlen(line) + 1); int *vals = 0;
    if (!copy) return E_MEM;
    strcpy(copy, line);
    vals = malloc(16 * sizeof(int)); if (!vals) { e = E_MEM; goto out; }
    int n = 0;
    for (char *t = strtok(copy, ","); t; t = strtok(0, ",")) { if (n == 16) { e = E_RANGE; goto out; } if ((e = parse_num(t, &vals[n++]))) goto out; }
    for (int i = 0; i < n; i++) *sum += vals[i];
out:
    free(vals); free(copy);
    return e;
}
int main(void) {
    const char *lines[] = { "1,2,3", "10,-4,x", "99999,1", "200000", "5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5", "-7,-8", "" };
    int total = 0, fails = 0;
    for (int i = 0; i < 7; i++) { int s = 0; enum err e = process(lines[i], &s); printf("%d: %s %d\n", i, errname(e), s); if (e) fails++; else total += s; }
    printf("total %d fails %d\n", total, fails);
    return fails;
}
