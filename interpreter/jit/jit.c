/* The JIT's driver: which functions get compiled and when, and what --stats
 * says about them. The compiling itself is emit.c. */
#include "jit.h"

static uint64_t now(E *e) { return e->cfg.now_us ? e->cfg.now_us() : 0; }
static uint32_t backedges(Fn *f) { uint32_t n = 0; for (uint32_t i = 0; i < f->nloops; i++) n += f->loops[i]; return n; }

static int emit_compile(E *e, Fn *f, uint32_t block, JitCode *out, JitWhy *why) {
    return block == NOTY ? jit_compile(e, f, out, why) : jit_compile_osr(e, f, block, out, why);
}

static int compile_function(E *e, Fn *f);

/* Functions that got hot while a compiler ran (the meta kernel's bootstrap:
 * runtime.bc's JIT, interpreted, calling itself) waited: compiled right after. */
static int run_compiler(E *e, Fn *f, uint32_t block, JitCode *out, JitWhy *why) {
    e->jit_busy = 1;
    int r = e->jit_compiler(e, f, block, out, why), waited = e->jit_busy == 2;
    e->jit_busy = 0;
    for (uint32_t i = 0; waited && r >= 0 && i < e->nfn; i++) {
        Fn *g = &e->fn[i];
        if (g != f && g->code && !g->native && !g->jit && g->calls >= e->jit_at && compile_function(e, g)) r = -1;
    }
    return r;
}

/* Compiles and installs f. 0 also when f cannot be compiled (it stays interpreted). */
static int compile_function(E *e, Fn *f) {
    if (e->jit_busy) { e->jit_busy = 2; return 0; }
    if (f->jit || f->isdecl || f->intr || !e->jit_compiler) return 0;
    JitInfo *info = ealloc(e, sizeof *info);
    if (!info) return e->errc;
    f->jit = info;
    info->calls = f->calls;
    uint64_t t0 = now(e);
    JitCode c;
    int r = run_compiler(e, f, NOTY, &c, &info->skipped);
    if (r < 0) return e->errc;
    if (r > 0) return 0;
    if (jit_install(e, f, &c)) { jit_code_free(e, &c); return e->errc; }
    info->ins = c.nins; info->bytes = c.len; info->us = (uint32_t)(now(e) - t0);
    if (e->cfg.on_compile) e->cfg.on_compile(f->name, f->nlen, c.nins, c.len, info->us, 0);
    info->code = c;                        /* kept for the persisted cache (persist.c) */
    info->backedges = backedges(f);
    return 0;
}

/* On-stack replacement: f's interpreted activation (frame fp) is at the
 * back-edge to `header`, taken osr_at times. Compile f with an entry at that
 * block, run the rest of the activation there, hand back its result. */
static int enter_osr(E *e, Fn *f, uint8_t *fp, W *header, uint64_t *ret) {
    if ((f->jit && f->jit->skipped.what) || e->jit_busy || !e->jit_compiler) return 1;   /* a busy compiler loses this loop */
    FrameMap *m = f->map;
    uint32_t bb = 0;
    while (m && bb < m->nbb && m->block[bb] != header) bb++;
    if (!m || bb == m->nbb) return 1;
    if (!f->jit && !(f->jit = ealloc(e, sizeof(JitInfo)))) return -1;
    JitInfo *info = f->jit;
    uint64_t t0 = now(e);
    JitCode c;
    int r = run_compiler(e, f, bb, &c, &info->skipped);
    if (r < 0) return -1;
    if (r > 0 && info->skipped.osr_only && !f->native) { efree(e, info); f->jit = 0; }   /* calls may still compile it */
    else if (r > 0 && info->skipped.osr_only) memset(&info->skipped, 0, sizeof info->skipped);
    if (r > 0) return 1;
    uint8_t *code = jit_place(e, f, &c);
    if (!code) { jit_code_free(e, &c); return -1; }
    uint32_t took = (uint32_t)(now(e) - t0);
    int keep = !f->native;
    if (!f->native) {                      /* later calls run compiled too */
        f->native = code;
        info->calls = f->calls; info->ins = c.nins; info->bytes = c.len; info->us = took;
        info->backedges = backedges(f);
    }
    info->osr++;
    if (e->cfg.on_compile) e->cfg.on_compile(f->name, f->nlen, c.nins, c.len, took, 1);
    W words[65] = { 0 };
    uint32_t n = param_words(e, f);
    if (n > 64) { if (keep) info->code = c; else jit_code_free(e, &c); return 1; }
    words[n] = (W)fp;
    void *entry = code + c.osr_entry;
    if (keep) info->code = c;              /* the code in f->native, kept for the persisted cache */
    else jit_code_free(e, &c);
    int was = run_as(e, SIDE_COMPILED);
    *ret = ncall(entry, words, n + 1, rk_of(e, e->ty[f->ty].elt));
    run_as(e, was);
    Ty *rt = &e->ty[e->ty[f->ty].elt];
    if (rt->k == TK_INT && rt->w < 32) *ret &= (1u << rt->w) - 1;      /* back into an interpreter slot: zero-extended */
    return 0;
}

uint32_t bf_jit_compile_ran(bf_engine *e) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < e->nfn; i++) {
        Fn *f = &e->fn[i];
        if (!f->code || f->native || f->jit) continue;        /* never ran, compiled, or tried */
        if (compile_function(e, f)) break;                    /* an engine error: keep what is compiled */
        if (f->native) n++;
    }
    return n;
}

BfJitHold bf_jit_hold(bf_engine *e) {
    BfJitHold h = { e->jit_at, e->osr_at };
    e->jit_at = 0xffffffffu;              /* no call count reaches it */
    e->osr_at = 0;                        /* a loop's count passes 0 only after 2^32 back-edges */
    return h;
}

void bf_jit_resume(bf_engine *e, BfJitHold h) { e->jit_at = h.jit_at; e->osr_at = h.osr_at; }

void bf_jit_enable(bf_engine *e, uint32_t threshold) {
    bf_jit_enable_by(e, threshold, threshold ? 10 * threshold : 1, (bf_compiler)emit_compile);
}

void bf_jit_enable_by(bf_engine *e, uint32_t threshold, uint32_t loop_threshold, bf_compiler compiler) {
    e->jit_compiler = (int (*)(E *, Fn *, uint32_t, JitCode *, JitWhy *))compiler;
    e->jit_place = jit_place;
    e->jit_at = threshold;
    e->jit_hot = compile_function;
    e->osr_at = loop_threshold;
    if ((e->cfg.stats || e->cfg.time_split) && e->cfg.now_us && !e->timing) { e->timing = 1; e->side = SIDE_INTERP; e->side_at = e->cfg.now_us(); }
    e->jit_osr = loop_threshold ? enter_osr : 0;
}

void bf_time_split(bf_engine *e, uint64_t *interpreting, uint64_t *native) {
    if (e->timing) {                       /* the side running now, up to now */
        uint64_t t = e->cfg.now_us();
        e->side_time[e->side] += t - e->side_at;
        e->side_at = t;
    }
    *interpreting = e->side_time[SIDE_INTERP];
    *native = e->side_time[SIDE_COMPILED];
}

uint32_t bf_engine_layout(void) {
    const uint32_t size[] = { sizeof(E), sizeof(Fn), sizeof(Val), sizeof(Ty), sizeof(BS), sizeof(FrameMap), sizeof(JitCode), sizeof(JitWhy), sizeof(Reloc) };
    uint32_t h = 0;
    for (uint32_t i = 0; i < sizeof size / sizeof size[0]; i++) h = h * 131 + size[i];
    return h;
}

int bf_jit_compiled(bf_engine *e, const char *name) {
    Fn *f = fn_by_name(e, name);
    return f && f->jit && f->native && !f->jit->skipped.what;
}

void bf_jit_print_stats(bf_engine *e) {
    if (!e->cfg.print) return;
    uint32_t compiled = 0, skipped = 0, ins = 0, bytes = 0, us = 0, cached = 0, cbytes = 0;
    for (uint32_t i = 0; i < e->nfn; i++) {
        JitInfo *j = e->fn[i].jit;
        if (!j) continue;
        if (j->skipped.what) { skipped++; continue; }
        if (j->from_cache) { cached++; cbytes += j->bytes; continue; }
        compiled++; ins += j->ins; bytes += j->bytes; us += j->us;
    }
    e->cfg.print("[jit] %u functions compiled (%u IR instructions, %u bytes of code, %u us), %u left interpreted\n",
                 compiled, ins, bytes, us, skipped);
    if (cached) e->cfg.print("[jit] %u functions from the cache (%u bytes of code)\n", cached, cbytes);
    if (e->timing) {                       /* compiling happens on the interpreter's side: shown apart */
        uint64_t native, interp;
        bf_time_split(e, &interp, &native);
        uint64_t compiling = us < interp ? us : interp, total = native + interp;
        interp -= compiling;
        if (total) e->cfg.print("[jit] time: %u us in native code (%u%%), %u us interpreting (%u%%), %u us compiling (%u%%)\n",
                                (uint32_t)native, (uint32_t)(100 * native / total), (uint32_t)interp, (uint32_t)(100 * interp / total),
                                (uint32_t)compiling, (uint32_t)(100 * compiling / total));
    }
    for (uint32_t i = 0; i < e->nfn; i++) {
        Fn *f = &e->fn[i];
        JitInfo *j = f->jit;
        if (!j) continue;
        if (j->skipped.what)
            e->cfg.print("[jit] interpreted %.*s: %s%s%.*s\n", (int)f->nlen, f->name, j->skipped.what,
                         j->skipped.name ? " " : "", (int)j->skipped.nlen, j->skipped.name ? j->skipped.name : "");
        else if (j->from_cache)
            e->cfg.print("[jit] from cache %.*s: %u IR instructions, %u bytes; compiled at call %u after %u loop back-edges%s\n",
                         (int)f->nlen, f->name, j->ins, j->bytes, j->calls, j->backedges,
                         j->code.osr_entry ? ", entered by OSR from a hot loop" : "");
        else e->cfg.print("[jit] compiled %.*s: %u IR instructions, %u bytes, %u us, at call %u; calls since %u%s; %u dot-product loops fused%s\n",
                          (int)f->nlen, f->name, j->ins, j->bytes, j->us, j->calls, f->calls - j->calls,
                          j->osr ? "; entered by OSR from a hot loop" : "", j->code.fused,
                          j->code.emitted_twice ? "; emitted twice (its code wrote ECX or EDX where the JIT had not expected it)" : "");
        if (!j->skipped.what && j->unreloc == 2)
            e->cfg.print("[jit] cached %.*s for this memory layout only: its code holds a value that looks like an address and is not a relocation, at +%u\n", (int)f->nlen, f->name, j->unreloc_at);
    }
}
