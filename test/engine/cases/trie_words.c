/* a trie over generated words: insert, exact lookup, prefix counting, lexicographic enumeration, deletion with pruning */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct tn { struct tn *c[26]; int end, below; } tn;
static int nodes;
static tn *mk(void) { nodes++; return calloc(1, sizeof(tn)); }
static void ins(tn *r, const char *w) { for (; *w; w++) { r->below++; int k = *w - 'a'; if (!r->c[k]) r->c[k] = mk(); r = r->c[k]; } r->below++; r->end++; }
static int find(tn *r, const char *w) { for (; *w && r; w++) r = r->c[*w - 'a']; return r ? r->end : 0; }
static int prefix(tn *r, const char *w) { for (; *w && r; w++) r = r->c[*w - 'a']; return r ? r->below : 0; }
static int del(tn *r, const char *w) { if (!*w) { if (!r->end) return 0; r->end--; r->below--; return 1; } tn *c = r->c[*w - 'a']; if (!c || !del(c, w + 1)) return 0; r->below--; if (!c->below) { free(c); nodes--; r->c[*w - 'a'] = 0; } return 1; }
static int shown; static unsigned h;
static void walk(tn *r, char *buf, int d) { if (r->end) { buf[d] = 0; for (char *p = buf; *p; p++) h = h * 31 + *p; if (shown < 8) { printf("%s ", buf); shown++; } } for (int k = 0; k < 26; k++) if (r->c[k]) { buf[d] = 'a' + k; walk(r->c[k], buf, d + 1); } }
static void freet(tn *r) { for (int k = 0; k < 26; k++) if (r->c[k]) freet(r->c[k]); free(r); }
int main(void) {
    tn *root = mk(); char w[16]; unsigned s = 31337;
    for (int i = 0; i < 4000; i++) { int len = 1 + i % 7; for (int j = 0; j < len; j++) { s = s * 1103515245 + 12345; w[j] = 'a' + (s >> 16) % (j < 2 ? 4 : 26); } w[len] = 0; ins(root, w); }
    printf("nodes %d words %d prefix(a) %d prefix(ab) %d prefix(abc) %d find(a) %d find(ba) %d\n", nodes, root->below, prefix(root, "a"), prefix(root, "ab"), prefix(root, "abc"), find(root, "a"), find(root, "ba"));
    char buf[16]; walk(root, buf, 0); printf("\nh %08x\n", h);
    int removed = 0; s = 31337;
    for (int i = 0; i < 4000; i += 2) { int len = 1 + i % 7; for (int j = 0; j < len; j++) { s = s * 1103515245 + 12345; w[j] = 'a' + (s >> 16) % (j < 2 ? 4 : 26); } w[len] = 0; removed += del(root, w);
        len = 1 + (i + 1) % 7; for (int j = 0; j < len; j++) s = s * 1103515245 + 12345; }
    h = 0; shown = 8; walk(root, buf, 0);
    printf("removed %d nodes %d words %d h %08x\n", removed, nodes, root->below, h);
    freet(root);
    return removed & 0x7f;
}
