/* pointers to globals in initialisers: into arrays (constant GEPs), self-referencing lists, pointer arrays, casts */
#include <stdio.h>
#include <stdint.h>
struct node { int val; struct node *next; const char *label; };
extern struct node n3;
static struct node n4 = { 4, 0, "four" };
struct node n3 = { 3, &n4, "three" };
static struct node n2 = { 2, &n3, "two" };
static struct node n1 = { 1, &n2, "one" };
static struct node ring[3] = { { 10, &ring[1], "r0" }, { 11, &ring[2], "r1" }, { 12, &ring[0], "r2" } };
static int arr[10] = { 0, 1, 4, 9, 16, 25, 36, 49, 64, 81 };
static int *mid = &arr[5];
static int *ends[] = { arr, arr + 9, &arr[3], &arr[10] - 1 };
static int (*rowp)[10] = &arr;
static const char *strs[] = { "zero", "one", "two" + 1, &"three"[2] };
static const char **pstrs = &strs[1];
static char buf[32]; static char *cursor = buf + 4;
static uintptr_t addr_diff = (uintptr_t)0;
struct rec { int a; int b[3]; struct rec *self; int *pb; };
static struct rec rr = { 1, { 2, 3, 4 }, &rr, &rr.b[2] };
int main(void) {
    for (struct node *p = &n1; p; p = p->next) printf("%d:%s ", p->val, p->label);
    struct node *r = &ring[0]; int s = 0; for (int i = 0; i < 10; i++) { s += r->val; r = r->next; }
    printf("\nring %d %s\n", s, r->label);
    printf("mid %d ends %d %d %d %d row %d\n", *mid, *ends[0], *ends[1], *ends[2], *ends[3], (*rowp)[7]);
    printf("%s %s %s %s | %s\n", strs[0], strs[1], strs[2], strs[3], pstrs[1]);
    *cursor++ = 'x'; *cursor++ = 'y'; buf[0] = 'a';
    printf("cursor off %d buf0 %c buf4 %c%c diff %u\n", (int)(cursor - buf), buf[0], buf[4], buf[5], (unsigned)addr_diff);
    printf("rr %d %d %d %d\n", rr.self->self->a, rr.self->b[1], *rr.pb, (int)(rr.pb - rr.b));
    mid[1] = 1000; printf("%d %d\n", arr[6], ends[3][-3]);
    return s;
}
