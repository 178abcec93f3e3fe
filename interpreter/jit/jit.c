/* The JIT's driver: which functions get compiled and when, and what --stats
 * says about them. The compiling itself is emit.c. */
#include "jit.h"

typedef struct JitInfo {
    uint32_t ins, bytes, us;       /* IR instructions, code bytes, compile time */
    uint32_t calls;                /* calls when it was compiled */
    const char *skipped;           /* why it stays interpreted, or 0 */
} JitInfo;

static uint64_t now(E *e) { return e->cfg.now_us ? e->cfg.now_us() : 0; }

/* Compiles and installs f. 0 also when f cannot be compiled (it stays interpreted). */
static int compile_function(E *e, Fn *f) {
    if (f->jit || f->isdecl || f->intr) return 0;
    JitInfo *info = ealloc(e, sizeof *info);
    if (!info) return e->errc;
    f->jit = info;
    info->calls = f->calls;
    uint64_t t0 = now(e);
    JitCode c;
    const char *why;
    int r = jit_compile(e, f, &c, &why);
    if (r < 0) return e->errc;
    if (r > 0) { info->skipped = why ? why : "unsupported"; return 0; }
    if (jit_install(e, f, &c)) { jit_code_free(e, &c); return e->errc; }
    info->ins = c.nins; info->bytes = c.len; info->us = (uint32_t)(now(e) - t0);
    jit_code_free(e, &c);
    return 0;
}

void bf_jit_enable(bf_engine *e, uint32_t threshold) {
    e->jit_at = threshold;
    e->jit_hot = compile_function;
}

void bf_jit_print_stats(bf_engine *e) {
    if (!e->cfg.print) return;
    uint32_t compiled = 0, skipped = 0, ins = 0, bytes = 0, us = 0;
    for (uint32_t i = 0; i < e->nfn; i++) {
        JitInfo *j = e->fn[i].jit;
        if (!j) continue;
        if (j->skipped) { skipped++; continue; }
        compiled++; ins += j->ins; bytes += j->bytes; us += j->us;
    }
    e->cfg.print("[jit] %u functions compiled (%u IR instructions, %u bytes of code, %u us), %u left interpreted\n",
                 compiled, ins, bytes, us, skipped);
    for (uint32_t i = 0; i < e->nfn; i++) {
        Fn *f = &e->fn[i];
        JitInfo *j = f->jit;
        if (!j) continue;
        if (j->skipped) e->cfg.print("[jit] interpreted %.*s: %s\n", (int)f->nlen, f->name, j->skipped);
        else e->cfg.print("[jit] compiled %.*s: %u IR instructions, %u bytes, %u us, at call %u; calls since %u\n",
                          (int)f->nlen, f->name, j->ins, j->bytes, j->us, j->calls, f->calls - j->calls);
    }
}
