/* Huffman coding: frequency count, tree building with a simple priority queue, code table, encoded bit length, decode check */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
typedef struct { int f, l, r, sym; } nd;
static nd t[512]; static int nn;
static char codes[256][32];
static void build_codes(int i, char *buf, int d) { if (t[i].sym >= 0) { buf[d] = 0; strcpy(codes[t[i].sym], d ? buf : "0"); return; } buf[d] = '0'; build_codes(t[i].l, buf, d + 1); buf[d] = '1'; build_codes(t[i].r, buf, d + 1); }
int main(void) {
    const char *msg = "this is an example of a huffman tree built from a short english sentence with repeated letters eeeee";
    int freq[256] = { 0 }; for (const char *p = msg; *p; p++) freq[(unsigned char)*p]++;
    int live[512], nl = 0;
    for (int c = 0; c < 256; c++) if (freq[c]) { t[nn] = (nd){ freq[c], -1, -1, c }; live[nl++] = nn++; }
    while (nl > 1) {
        int a = 0, b = 1; if (t[live[b]].f < t[live[a]].f || (t[live[b]].f == t[live[a]].f && live[b] < live[a])) { a = 1; b = 0; }
        for (int i = 2; i < nl; i++) { int x = live[i]; if (t[x].f < t[live[a]].f || (t[x].f == t[live[a]].f && x < live[a])) { b = a; a = i; } else if (t[x].f < t[live[b]].f || (t[x].f == t[live[b]].f && x < live[b])) b = i; }
        t[nn] = (nd){ t[live[a]].f + t[live[b]].f, live[a], live[b], -1 };
        int hi = a > b ? a : b, lo = a < b ? a : b; live[hi] = live[--nl]; live[lo] = nn++;
    }
    char buf[32]; build_codes(live[0], buf, 0);
    long bits = 0; char enc[4096] = ""; for (const char *p = msg; *p; p++) { bits += strlen(codes[(unsigned char)*p]); strcat(enc, codes[(unsigned char)*p]); }
    for (int c = 'a'; c <= 'z'; c++) if (freq[c]) printf("%c:%d:%s ", c, freq[c], codes[c]);
    char dec[256]; int dn = 0; int node = live[0]; for (const char *p = enc; *p; p++) { node = *p == '0' ? t[node].l : t[node].r; if (t[node].sym >= 0) { dec[dn++] = (char)t[node].sym; node = live[0]; } } dec[dn] = 0;
    printf("\nbits %ld vs %d ok %d nodes %d\n", bits, (int)strlen(msg) * 8, !strcmp(dec, msg), nn);
    return (int)(bits % 128);
}
