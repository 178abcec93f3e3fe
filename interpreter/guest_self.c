/* runtime.bc's half of the meta kernel's loop (issue 12): runtime.bc's JIT
 * compiles runtime.bc. The meta kernel's bootstrap (guest_meta.c) interprets
 * runtime.bc; at start runtime.bc hands it compile_for_bootstrap, and the
 * bootstrap's JIT driver (jit.c, bf_jit_enable_by) calls it, through the
 * function's trampoline, for each function of runtime.bc that gets hot (calls,
 * back-edges). So this JIT compiles the bootstrap's own instance of the
 * function: the same module, the same function records, and for OSR the
 * bootstrap's frame map, the layout its interpreter frame has, not one a
 * second lowering would have to reproduce. The code comes back in the
 * bootstrap's memory with its relocation records, and the bootstrap's driver
 * places (jit_place: the cache's relocator) and installs it as it does what
 * its own JIT would compile; the bootstrap calls it from then on. Everything
 * here runs interpreted until the bootstrap compiled it too.
 *
 * Linked into runtime.bc, and into interpreter.bc, the host's engine as
 * bitcode, whose outer bfi takes the compiler with --jit-by-program (bareflow
 * run --meta; host_main.c). A bootstrap without bf_meta_register leaves it
 * null and the engine compiles nothing of itself. */
#include "jit/jit.h"

/* The bootstrap takes the compiler; loop_threshold: boot option runtime_loop_threshold, 0 for its default. */
void bf_meta_register(bf_compiler compile, uint32_t layout, uint32_t loop_threshold) __attribute__((weak));
/* The bootstrap's engine, the one running this module (the meta kernel's
 * bootstrap; null when its JIT is off: jit_layers without runtime). */
bf_engine *bf_meta_engine(uint32_t layout) __attribute__((weak));
/* guest_jit.c, in runtime.bc: loads runtime.bc's compiled functions from the
 * image's cache into it; reads boot option runtime_loop_threshold. */
void guest_cache_runtime_layer(bf_engine *boot) __attribute__((weak));
uint32_t guest_runtime_loop_threshold(void) __attribute__((weak));

/* The bootstrap's engine as this JIT reads it: the same module (functions,
 * globals, the bitcode, read only), with its own arrays where reading a body
 * writes (values, types, the bitstream's state) and its own allocations. The
 * bootstrap's engine must stay as it is: its interpreter reads a body of its
 * own whenever this JIT reaches a function of runtime.bc it never ran. */
static E view;

static int open_view(E *boot) {
    view = *boot;
    view.allocs = 0; view.mem = 0; view.peak = 0; view.errc = 0;
    view.bs.e = &view; view.bs.ops = 0; view.bs.cap = 0; view.bs.depth = 0;
    for (uint32_t i = 0; i < sizeof view.bs.stk / sizeof view.bs.stk[0]; i++) { view.bs.stk[i].ab = 0; view.bs.stk[i].nab = view.bs.stk[i].cap = 0; }
    view.v = ealloc(&view, boot->nmodv * (uint32_t)sizeof(Val));
    view.ty = ealloc(&view, boot->nty * (uint32_t)sizeof(Ty));
    if (!view.v || !view.ty) return -1;
    memcpy(view.v, boot->v, boot->nmodv * sizeof(Val));
    memcpy(view.ty, boot->ty, boot->nty * sizeof(Ty));
    view.nv = view.capv = boot->nmodv;
    view.capty = boot->nty;
    return 0;
}

/* jit.h's JitCompiler for the bootstrap's function f: the code and the records
 * in the bootstrap's allocations, which its driver keeps or frees. */
static int compile_for_bootstrap(E *boot, Fn *f, uint32_t block, JitCode *out, JitWhy *why) {
    if (!view.v && open_view(boot)) return fail(boot, BFE_NOMEM, "jit: no memory for runtime.bc's view of itself"), -1;
    JitCode c;
    int r = block == NOTY ? jit_compile(&view, f, &c, why) : jit_compile_osr(&view, f, block, &c, why);
    if (r < 0) {
        fail(boot, view.errc, "%s", view.err);
        view.errc = 0;
        return -1;
    }
    if (r == 0) {
        *out = c;
        out->code = ealloc(boot, c.len);
        out->rel = c.nrel ? ealloc(boot, c.nrel * (uint32_t)sizeof(Reloc)) : 0;
        out->fields = c.nfields ? ealloc(boot, c.nfields * (uint32_t)sizeof(uint32_t)) : 0;
        if (!out->code || (c.nrel && !out->rel) || (c.nfields && !out->fields)) {
            jit_code_free(&view, &c); efree(boot, out->code); efree(boot, out->rel); efree(boot, out->fields);
            return -1;
        }
        memcpy(out->code, c.code, c.len);
        memcpy(out->rel, c.rel, c.nrel * sizeof(Reloc));
        memcpy(out->fields, c.fields, c.nfields * sizeof(uint32_t));
    }
    jit_code_free(&view, &c);
    return r;
}

/* The cache first, while the bootstrap has no compiler yet: nothing of
 * runtime.bc is compiled, so every function a slot holds can be installed. */
void guest_self_start(void) {
    if (!bf_meta_register) return;
    bf_engine *boot = bf_meta_engine && guest_cache_runtime_layer ? bf_meta_engine(bf_engine_layout()) : 0;
    if (boot) guest_cache_runtime_layer(boot);
    uint32_t loops = guest_runtime_loop_threshold ? guest_runtime_loop_threshold() : 0;
    bf_meta_register((bf_compiler)compile_for_bootstrap, bf_engine_layout(), loops);
}
