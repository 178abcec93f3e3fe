/* a growable string builder (realloc doubling), string splitting/joining, replace-all, and in-place trimming */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
typedef struct { char *s; size_t n, cap; int grows; } sb;
static void sb_grow(sb *b, size_t need) { if (b->n + need + 1 > b->cap) { while (b->n + need + 1 > b->cap) b->cap = b->cap ? b->cap * 2 : 16; b->s = realloc(b->s, b->cap); b->grows++; } }
static void sb_add(sb *b, const char *t) { size_t l = strlen(t); sb_grow(b, l); memcpy(b->s + b->n, t, l + 1); b->n += l; }
static void sb_fmt(sb *b, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int l = vsnprintf(NULL, 0, fmt, ap); va_end(ap); sb_grow(b, l); va_start(ap, fmt); vsnprintf(b->s + b->n, l + 1, fmt, ap); va_end(ap); b->n += l; }
static char *replace_all(const char *s, const char *from, const char *to) { sb b = { 0 }; sb_grow(&b, 0); b.s[0] = 0; size_t fl = strlen(from); const char *p; while ((p = strstr(s, from))) { sb_grow(&b, p - s); memcpy(b.s + b.n, s, p - s); b.n += p - s; b.s[b.n] = 0; sb_add(&b, to); s = p + fl; } sb_add(&b, s); return b.s; }
static char *trim(char *s) { while (*s == ' ' || *s == '\t') s++; char *e = s + strlen(s); while (e > s && (e[-1] == ' ' || e[-1] == '\t')) *--e = 0; return s; }
int main(void) {
    sb b = { 0 };
    for (int i = 0; i < 500; i++) sb_fmt(&b, "%d:%s;", i * i, i % 3 ? "odd" : "three");
    unsigned h = 0; for (size_t i = 0; i < b.n; i++) h = h * 31 + (unsigned char)b.s[i];
    printf("len %u cap %u grows %d h %08x tail %s\n", (unsigned)b.n, (unsigned)b.cap, b.grows, h, b.s + b.n - 20);
    char *r = replace_all(b.s, "three", "3"); char *r2 = replace_all(r, ";", ", ");
    printf("replaced len %u %u head %.40s\n", (unsigned)strlen(r), (unsigned)strlen(r2), r2);
    char line[] = "  alpha, beta ,gamma,, delta  ,  "; int fields = 0; sb j = { 0 };
    for (char *tok = strtok(line, ","); tok; tok = strtok(NULL, ",")) { char *t = trim(tok); if (!*t) continue; if (fields++) sb_add(&j, "|"); sb_add(&j, t); }
    printf("fields %d joined '%s'\n", fields, j.s);
    free(b.s); free(r); free(r2); free(j.s);
    return fields;
}
