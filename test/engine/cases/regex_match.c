/* @O3 a backtracking regex matcher (^ $ . * + ? [] [^] classes, escapes) tested against a table of patterns and texts */
#include <stdio.h>
#include <string.h>
static int match_here(const char *re, const char *text);
static int class_len(const char *re) { const char *p = re + 1; if (*p == '^') p++; if (*p == ']') p++; while (*p && *p != ']') p++; return (int)(p - re) + 1; }
static int match_one(const char *re, char c) {
    if (!c) return 0;
    if (*re == '.') return 1;
    if (*re == '\\') { char e = re[1]; if (e == 'd') return c >= '0' && c <= '9'; if (e == 'w') return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; if (e == 's') return c == ' ' || c == '\t'; return c == e; }
    if (*re == '[') {
        const char *p = re + 1; int neg = 0, hit = 0; if (*p == '^') { neg = 1; p++; }
        int first = 1; while (*p && (*p != ']' || first)) { first = 0; if (p[1] == '-' && p[2] && p[2] != ']') { if (c >= p[0] && c <= p[2]) hit = 1; p += 3; } else { if (c == *p) hit = 1; p++; } }
        return hit ^ neg;
    }
    return *re == c;
}
static int atom_len(const char *re) { return *re == '\\' ? 2 : *re == '[' ? class_len(re) : 1; }
static int match_star(const char *atom, int al, const char *re, const char *text, int min) {
    const char *t = text; int n = 0; while (match_one(atom, *t)) { t++; n++; }
    for (; n >= min; n--, t--) if (match_here(re, t)) return 1;
    return 0;
}
static int match_here(const char *re, const char *text) {
    if (!*re) return 1;
    if (re[0] == '$' && !re[1]) return !*text;
    int al = atom_len(re); char q = re[al];
    if (q == '*') return match_star(re, al, re + al + 1, text, 0);
    if (q == '+') return match_star(re, al, re + al + 1, text, 1);
    if (q == '?') return (match_one(re, *text) && match_here(re + al + 1, text + 1)) || match_here(re + al + 1, text);
    return match_one(re, *text) && match_here(re + al, text + 1);
}
static int match(const char *re, const char *text) { if (*re == '^') return match_here(re + 1, text); do if (match_here(re, text)) return 1; while (*text++); return 0; }
int main(void) {
    static const struct { const char *re, *text; } t[] = {
        { "abc", "xxabcxx" }, { "^abc", "xabc" }, { "abc$", "xxabc" }, { "a.c", "abc" }, { "a.*c", "axxxxc" }, { "^a*$", "aaaa" }, { "^a*$", "aaba" },
        { "colou?r", "color" }, { "colou?r", "colour" }, { "colou?r", "colouur" }, { "\\d+", "abc123" }, { "^\\d+$", "12a" }, { "[a-f]+z", "xxcafez" },
        { "[^0-9]+$", "abc" }, { "[^0-9]+$", "ab1" }, { "^\\w+@\\w+\\.com$", "joe@mail.com" }, { "^\\w+@\\w+\\.com$", "joe@mail.org" },
        { "^(", "(" }, { "a+b+c+", "aaabbbccc" }, { "x*y*z*$", "" }, { "^[]a]+$", "a]a" }, { "h.*o w.*d", "hello world" }, { "^.*.*.*.*x$", "aaaaaaaaaaaaaaaaaaaay" } };
    int n = sizeof t / sizeof *t, hits = 0; unsigned mask = 0;
    for (int i = 0; i < n; i++) { int m = match(t[i].re, t[i].text); hits += m; mask = mask << 1 | m; printf("%-20s %-16s %s\n", t[i].re, t[i].text, m ? "match" : "-"); }
    char big[64]; memset(big, 'a', 63); big[63] = 0; int slow = match("a*a*a*b", big);
    printf("hits %d mask %06x slow %d\n", hits, mask, slow);
    return hits;
}
