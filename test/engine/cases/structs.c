#include <stdio.h>
#include <string.h>
struct v3 { double x, y, z; };
struct small { short a; char b; };
struct big { int a[20]; char s[16]; struct v3 v; };
static struct v3 add(struct v3 a, struct v3 b) { struct v3 r = { a.x + b.x, a.y + b.y, a.z + b.z }; return r; }
static struct small mk(int a, int b) { struct small s = { (short)a, (char)b }; return s; }
static struct big fill(int k) { struct big b; for (int i = 0; i < 20; i++) b.a[i] = i * k; strcpy(b.s, "big!"); b.v.x = k; b.v.y = -k; b.v.z = 0.5; return b; }
static int sumbig(struct big b) { int s = 0; for (int i = 0; i < 20; i++) s += b.a[i]; b.a[0] = 999; return s; }
struct node { int tag; union { int i; float f; char c[4]; } u; struct node *next; };
int main(void) {
    struct v3 a = { 1, 2, 3 }, b = { 0.5, 0.25, 0.125 };
    struct v3 c = add(a, b);
    printf("%.3f %.3f %.3f\n", c.x, c.y, c.z);
    struct small s = mk(300, 65); printf("%d %c %d\n", s.a, s.b, (int)sizeof s);
    struct big g = fill(3); int t = sumbig(g);
    printf("%d %d %s %.1f %d\n", t, g.a[0], g.s, g.v.y, (int)sizeof g);
    struct node n2 = { 2, { .f = 1.5f }, 0 }, n1 = { 1, { .i = 0x41424344 }, &n2 };
    for (struct node *p = &n1; p; p = p->next) printf("tag %d %d\n", p->tag, p->u.c[0]);
    struct big arr[3]; memset(arr, 0, sizeof arr); arr[1] = g; arr[2] = arr[1]; arr[2].a[5] = -1;
    printf("%d %d %d\n", arr[0].a[5], arr[1].a[5], arr[2].a[5]);
    return (int)c.x;
}
