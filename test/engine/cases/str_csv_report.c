/* parse CSV records (quoted fields), aggregate per key, and print a formatted report with snprintf column alignment */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static const char *csv =
    "name,dept,salary,start\n"
    "\"Smith, John\",eng,85000.50,2015\n"
    "Alice,eng,92000,2018\n"
    "Bob,sales,55000.25,2012\n"
    "\"O\"\"Brien\",sales,61000,2020\n"
    "Carol,hr,48000,2019\n"
    "Dan,eng,77000.75,2021\n"
    "Eve,hr,51000,2011\n"
    "Frank,sales,49999.99,2016\n";
static int field(const char **p, char *out, int cap) {
    const char *s = *p; int n = 0;
    if (*s == '"') { s++; for (;;) { if (*s == '"' && s[1] == '"') { if (n < cap - 1) out[n++] = '"'; s += 2; } else if (*s == '"') { s++; break; } else if (!*s) break; else { if (n < cap - 1) out[n++] = *s; s++; } } }
    else while (*s && *s != ',' && *s != '\n') { if (n < cap - 1) out[n++] = *s; s++; }
    out[n] = 0; int end = *s != ','; if (*s) s++; *p = s; return end;
}
struct agg { char dept[16]; int n; double total; int earliest; };
int main(void) {
    const char *p = csv; char f[64]; struct agg a[8]; int na = 0, rows = 0;
    while (!field(&p, f, sizeof f)) {}   /* header */
    while (*p) {
        char name[64], dept[16], sal[32], yr[16];
        field(&p, name, 64); field(&p, dept, 16); field(&p, sal, 32); field(&p, yr, 16); rows++;
        int k; for (k = 0; k < na && strcmp(a[k].dept, dept); k++) {}
        if (k == na) { strcpy(a[na].dept, dept); a[na].n = 0; a[na].total = 0; a[na].earliest = 9999; na++; }
        a[k].n++; a[k].total += strtod(sal, 0); if (atoi(yr) < a[k].earliest) a[k].earliest = atoi(yr);
        char line[96]; int w = snprintf(line, sizeof line, "|%-14s|%-6s|%12.2f|%5d|", name, dept, strtod(sal, 0), atoi(yr)); printf("%s %d\n", line, w);
    }
    printf("%-8s %3s %12s %12s %s\n", "dept", "n", "total", "mean", "since");
    double grand = 0;
    for (int i = 0; i < na; i++) { printf("%-8s %3d %12.2f %12.3f %d\n", a[i].dept, a[i].n, a[i].total, a[i].total / a[i].n, a[i].earliest); grand += a[i].total; }
    printf("rows %d grand %.2f\n", rows, grand);
    return rows;
}
