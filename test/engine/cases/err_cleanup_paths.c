/* setjmp-free error handling: goto cleanup chains, error codes propagated through layers, partial allocation failure simulation */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
enum { OK = 0, E_ALLOC = -1, E_PARSE = -2, E_RANGE = -3, E_IO = -4 };
static int budget;
static void *xmalloc(size_t n) { if (budget-- <= 0) return NULL; return malloc(n); }
static int parse_int(const char *s, int lo, int hi, int *out) { char *end; long v = strtol(s, &end, 10); if (end == s || *end) return E_PARSE; if (v < lo || v > hi) return E_RANGE; *out = (int)v; return OK; }
static int build(const char **args, int n, int **out, int *len) {
    int rc = OK, *vals = NULL, *tmp = NULL; char *scratch = NULL;
    vals = xmalloc(n * sizeof *vals); if (!vals) { rc = E_ALLOC; goto fail0; }
    scratch = xmalloc(64); if (!scratch) { rc = E_ALLOC; goto fail1; }
    for (int i = 0; i < n; i++) { rc = parse_int(args[i], -1000, 1000, &vals[i]); if (rc) { snprintf(scratch, 64, "arg %d '%s'", i, args[i]); printf("  error in %s: %d\n", scratch, rc); goto fail2; } }
    tmp = xmalloc(n * sizeof *tmp); if (!tmp) { rc = E_ALLOC; goto fail2; }
    for (int i = 0; i < n; i++) tmp[i] = vals[n - 1 - i] * 2;
    memcpy(vals, tmp, n * sizeof *vals); free(tmp); free(scratch);
    *out = vals; *len = n; return OK;
fail2: free(scratch);
fail1: free(vals);
fail0: return rc;
}
static const char *name(int rc) { switch (rc) { case OK: return "ok"; case E_ALLOC: return "alloc"; case E_PARSE: return "parse"; case E_RANGE: return "range"; default: return "?"; } }
int main(void) {
    const char *good[] = { "1", "-20", "300", "7" }, *bad1[] = { "1", "x2", "3" }, *bad2[] = { "5", "5000" };
    int tally[5] = { 0 }, *v, n;
    for (int b = 0; b < 5; b++) {
        budget = b; int rc = build(good, 4, &v, &n); tally[-rc]++;
        printf("budget %d: %s", b, name(rc)); if (!rc) { for (int i = 0; i < n; i++) printf(" %d", v[i]); free(v); } printf("\n");
    }
    budget = 10; int r1 = build(bad1, 3, &v, &n); budget = 10; int r2 = build(bad2, 2, &v, &n);
    printf("bad1 %s bad2 %s\n", name(r1), name(r2));
    printf("tally ok %d alloc %d\n", tally[0], tally[1]);
    return -(r1 + r2);    /* 5: parse + range errors, on purpose */
}
