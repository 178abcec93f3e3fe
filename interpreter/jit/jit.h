/* The JIT: function IR -> x86-32 code (i386 cdecl, SSE2 for float and
 * double), installed in the function's entry slot. See interpreter/README.md
 * ("The JIT") for the design. */
#ifndef BF_JIT_H
#define BF_JIT_H
#include "../internal.h"

/* Every absolute address in compiled code is one of these, so the code can
 * be saved and patched when it is loaded again (phase 4). At `at`, the
 * 32-bit field holds the address of `target` plus `addend`. */
enum {
    RELOC_GLOBAL,       /* e->gv[target].addr: a global variable */
    RELOC_FUNCTION,     /* the pointer value of e->fn[target]: its trampoline, or the native symbol of a declaration */
    RELOC_HELPER,       /* jit_helpers[target]: a routine of the engine compiled code calls */
    RELOC_FN_RECORD,    /* &e->fn[target]: the function's own record (passed to helpers that report traps) */
    RELOC_SYMBOL,       /* e->cfg.syms[target].addr: a native function by name (libm for llvm.floor.*, ...) */
    RELOC_CODE          /* the function's own code (target 0): its constant pool, after the instructions */
};
typedef struct Reloc { uint32_t at; uint8_t kind; uint32_t target; int32_t addend; } Reloc;

typedef struct JitCode {
    uint8_t *code; uint32_t len;
    Reloc *rel; uint32_t nrel;
    uint32_t *fields; uint32_t nfields;   /* offsets of the 32-bit immediates and displacements, in order (X86.fields) */
    uint32_t nins;          /* IR instructions compiled */
    uint32_t osr_entry;     /* offset of the OSR entry (jit_compile_osr), else 0 */
    uint32_t fused;         /* loops compiled as one unit (patterns.h: dot products) */
    uint8_t emitted_twice;  /* the first emission's code wrote ECX or EDX where a value lived (emit.c, emit_allocated) */
} JitCode;

/* Why a function stays interpreted: a construct, and the name it concerns (an
 * intrinsic's), if any; osr_only: only entering it mid-function is impossible. */
typedef struct JitWhy { const char *what; const char *name; uint32_t nlen; int osr_only; } JitWhy;

/* Compiles f. 0: compiled (code in *out, not yet installed); 1: f uses a
 * construct the emitter does not handle (the reason in *why; f stays
 * interpreted); -1: an engine error (e->err). */
int jit_compile(E *e, Fn *f, JitCode *out, JitWhy *why);

/* The same, plus a second entry that continues an interpreted activation of f
 * at the start of block `block` (on-stack replacement). It is a cdecl function
 * taking f's parameter words (ignored) and then the interpreter's frame
 * pointer; it reads every value from that frame through f->map. */
int jit_compile_osr(E *e, Fn *f, uint32_t block, JitCode *out, JitWhy *why);

/* Copies code to executable memory and applies its relocations; returns the copy, or 0 (e->err). */
uint8_t *jit_place(E *e, Fn *f, const JitCode *c);

/* jit_place, then stores the entry in f->native: from then on every call of f runs the compiled code. */
int jit_install(E *e, Fn *f, const JitCode *c);

void jit_code_free(E *e, JitCode *c);

/* What the JIT did with a function (Fn.jit). */
typedef struct JitInfo {
    uint32_t ins, bytes, us;       /* IR instructions, code bytes, compile time */
    uint32_t calls;                /* calls when it was compiled */
    uint32_t osr;                  /* activations continued in compiled code from a hot loop */
    JitWhy skipped;                /* why it stays interpreted (what == 0: it does not) */
    /* the persisted cache (persist.c): the code installed in f->native as
       compiled, before jit_place (code.code 0: none kept), and its profile */
    JitCode code;
    uint32_t backedges;            /* loop back-edges counted when it was compiled */
    uint8_t from_cache;            /* installed by bf_cache_load */
    uint8_t saved;                 /* in the slot last loaded or saved */
    uint8_t unreloc;               /* persist.c: 0 not checked, 1 no unrelocated address in the code, 2 one at unreloc_at (not saved) */
    uint32_t unreloc_at;
} JitInfo;

/* emit.c: the number of engine helpers (RELOC_HELPER targets are below it) */
uint32_t jit_helper_count(void);

/* regalloc.c: a linear order of the blocks that keeps each loop together
 * (pos[i] is instruction i's position in it, at[p] the instruction at position
 * p) and each block's loop depth; the live intervals of the locals
 * [ir->base, ir->base + nloc) as positions (start[k], end[k]), and each one's
 * uses weighted by loop depth (what a register is worth to it follows); then linear scan: cls[k] 1
 * picks a register from ECX, EDX, EBX, ESI, EDI but those of forbid[k] (a
 * mask of register numbers), 2 from XMM2..XMM7, 0 none; reuse[k]: k may take
 * the register of a value whose interval ends where k's starts; phi_of[k]: the
 * phi whose register k may share, or NOTY; reg[k] (set to -1 by the caller)
 * gets the register number or stays -1 (memory). */
int order_blocks(E *e, FnIR *ir, uint32_t *pos, uint32_t *at, uint32_t *depth);
int live_intervals(E *e, FnIR *ir, uint32_t nloc, const uint32_t *pos, const uint32_t *depth, uint32_t *start, uint32_t *end, uint32_t *weight);
int linear_scan(E *e, uint32_t nloc, const uint8_t *cls, const uint8_t *forbid, const uint8_t *reuse, const uint32_t *phi_of,
                const uint32_t *start, const uint32_t *end, const uint32_t *weight, int8_t *reg);
#endif
