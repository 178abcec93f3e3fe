/* interval scheduling: merge overlapping intervals (qsort), maximum non-overlapping set (greedy), meeting rooms (sweep) */
#include <stdio.h>
#include <stdlib.h>
typedef struct { int s, e; } iv;
static int by_start(const void *a, const void *b) { const iv *x = a, *y = b; return x->s != y->s ? x->s - y->s : x->e - y->e; }
static int by_end(const void *a, const void *b) { const iv *x = a, *y = b; return x->e != y->e ? x->e - y->e : x->s - y->s; }
static int icmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(void) {
    enum { N = 200 }; iv v[N]; unsigned s = 99;
    for (int i = 0; i < N; i++) { s = s * 1103515245 + 12345; int a = (s >> 16) % 1000; s = s * 1103515245 + 12345; v[i].s = a; v[i].e = a + 1 + (s >> 16) % 40; }
    qsort(v, N, sizeof *v, by_start);
    iv m[N]; int nm = 0; for (int i = 0; i < N; i++) { if (nm && v[i].s <= m[nm - 1].e) { if (v[i].e > m[nm - 1].e) m[nm - 1].e = v[i].e; } else m[nm++] = v[i]; }
    long covered = 0; for (int i = 0; i < nm; i++) covered += m[i].e - m[i].s;
    printf("merged %d covered %ld first [%d,%d] last [%d,%d]\n", nm, covered, m[0].s, m[0].e, m[nm - 1].s, m[nm - 1].e);
    qsort(v, N, sizeof *v, by_end); int chosen = 0, end = -1; for (int i = 0; i < N; i++) if (v[i].s >= end) { chosen++; end = v[i].e; }
    int st[N], en[N]; for (int i = 0; i < N; i++) { st[i] = v[i].s; en[i] = v[i].e; } qsort(st, N, sizeof *st, icmp); qsort(en, N, sizeof *en, icmp);
    int rooms = 0, cur = 0, j = 0; for (int i = 0; i < N; i++) { while (j < N && en[j] <= st[i]) { cur--; j++; } cur++; if (cur > rooms) rooms = cur; }
    printf("max non-overlapping %d rooms needed %d\n", chosen, rooms);
    return rooms;
}
