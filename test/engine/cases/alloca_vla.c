#include <stdio.h>
#include <string.h>
#include <alloca.h>
static int sum_vla(int n) {
    int a[n]; for (int i = 0; i < n; i++) a[i] = i * i;
    int s = 0; for (int i = 0; i < n; i++) s += a[i];
    return s;
}
static int nested(int n) {
    int t = 0;
    for (int k = 1; k <= n; k++) { char buf[k * 8]; memset(buf, k, sizeof buf); t += buf[k * 8 - 1]; }
    return t;
}
static int use_alloca(int n) { char *p = alloca(n); for (int i = 0; i < n; i++) p[i] = (char)i; int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
int main(void) {
    int s = 0;
    for (int i = 1; i < 200; i += 13) s += sum_vla(i);
    printf("%d %d %d\n", s, nested(40), use_alloca(100));
    double m[3][4]; int r = 3, c = 4;
    double (*vm)[c] = (double (*)[c])m;
    for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) vm[i][j] = i * 10 + j;
    printf("%.0f %.0f\n", m[2][3], m[1][0]);
    return s & 0x7f;
}
