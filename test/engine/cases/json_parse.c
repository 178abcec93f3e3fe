/* @O3 a JSON parser building a tree with malloc (objects, arrays, strings with escapes, numbers, literals), then queries and re-serialises it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } jt;
typedef struct jv { jt t; double num; char *str; struct jv **items; char **keys; int n, cap; } jv;
static const char *p; static int err;
static void ws(void) { while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') p++; }
static jv *mk(jt t) { jv *v = calloc(1, sizeof *v); v->t = t; return v; }
static void push(jv *v, char *k, jv *x) { if (v->n == v->cap) { v->cap = v->cap ? v->cap * 2 : 4; v->items = realloc(v->items, v->cap * sizeof *v->items); v->keys = realloc(v->keys, v->cap * sizeof *v->keys); } v->keys[v->n] = k; v->items[v->n++] = x; }
static char *pstr(void) {
    p++; char *out = malloc(strlen(p) + 1); int n = 0;
    while (*p && *p != '"') { if (*p == '\\') { p++; switch (*p) { case 'n': out[n++] = '\n'; break; case 't': out[n++] = '\t'; break; case 'u': { unsigned c = (unsigned)strtol((char[]){ p[1], p[2], p[3], p[4], 0 }, 0, 16); out[n++] = c < 128 ? (char)c : '?'; p += 4; break; } default: out[n++] = *p; } p++; } else out[n++] = *p++; }
    if (*p != '"') err = 1; else p++; out[n] = 0; return out;
}
static jv *val(int depth) {
    ws(); if (depth > 50) { err = 1; return mk(J_NULL); }
    if (*p == '{') { p++; jv *o = mk(J_OBJ); ws(); if (*p == '}') { p++; return o; }
        for (;;) { ws(); if (*p != '"') { err = 1; return o; } char *k = pstr(); ws(); if (*p != ':') { err = 1; free(k); return o; } p++; push(o, k, val(depth + 1)); ws(); if (*p == ',') { p++; continue; } if (*p == '}') { p++; return o; } err = 1; return o; } }
    if (*p == '[') { p++; jv *a = mk(J_ARR); ws(); if (*p == ']') { p++; return a; }
        for (;;) { push(a, 0, val(depth + 1)); ws(); if (*p == ',') { p++; continue; } if (*p == ']') { p++; return a; } err = 1; return a; } }
    if (*p == '"') { jv *s = mk(J_STR); s->str = pstr(); return s; }
    if (!strncmp(p, "true", 4)) { p += 4; jv *b = mk(J_BOOL); b->num = 1; return b; }
    if (!strncmp(p, "false", 5)) { p += 5; return mk(J_BOOL); }
    if (!strncmp(p, "null", 4)) { p += 4; return mk(J_NULL); }
    char *e; double d = strtod(p, &e); if (e == p) { err = 1; return mk(J_NULL); } p = e; jv *n = mk(J_NUM); n->num = d; return n;
}
static void dump(const jv *v) {
    switch (v->t) {
    case J_NULL: printf("null"); break; case J_BOOL: printf(v->num ? "true" : "false"); break; case J_NUM: printf("%g", v->num); break;
    case J_STR: putchar('"'); for (const char *s = v->str; *s; s++) if (*s == '\n') printf("\\n"); else if (*s == '"') printf("\\\""); else putchar(*s); putchar('"'); break;
    case J_ARR: putchar('['); for (int i = 0; i < v->n; i++) { if (i) putchar(','); dump(v->items[i]); } putchar(']'); break;
    case J_OBJ: putchar('{'); for (int i = 0; i < v->n; i++) { if (i) putchar(','); printf("\"%s\":", v->keys[i]); dump(v->items[i]); } putchar('}'); break;
    }
}
static void freev(jv *v) { for (int i = 0; i < v->n; i++) { freev(v->items[i]); free(v->keys[i]); } free(v->items); free(v->keys); free(v->str); free(v); }
static const jv *get(const jv *o, const char *k) { for (int i = 0; o && o->t == J_OBJ && i < o->n; i++) if (!strcmp(o->keys[i], k)) return o->items[i]; return 0; }
static double sum(const jv *v) { double s = v->t == J_NUM ? v->num : 0; for (int i = 0; i < v->n; i++) s += sum(v->items[i]); return s; }
int main(void) {
    const char *docs[] = {
        "{\"name\": \"bare\\\"flow\", \"version\": 3, \"tags\": [\"llvm\", \"x86\", \"unikernel\"], \"nested\": {\"a\": [1, 2.5, -3e2, {\"b\": null}], \"ok\": true, \"no\": false}, \"esc\": \"line\\nnext\\u0041\"}",
        "[1, [2, [3, [4, [5]]]], {\"k\": [ ]}, {}, \"\"]",
        "{\"bad\": [1, 2,}", "[\"unterminated", "  42  ", "{\"x\": tru}" };
    int bad = 0;
    for (int i = 0; i < 6; i++) {
        p = docs[i]; err = 0; jv *v = val(0); ws(); if (*p) err = 1;
        printf("doc %d err %d sum %g: ", i, err, sum(v)); dump(v); printf("\n");
        if (i == 0) { const jv *n = get(get(v, "nested"), "a"); printf("nested.a has %d items, tags %d, version %g\n", n ? n->n : -1, get(v, "tags")->n, get(v, "version")->num); }
        bad += err; freev(v);
    }
    return bad;
}
