/* The JIT's emitter: function IR -> x86-32, one pass over the blocks.
 *
 * Every SSA value has a frame slot ([ebp + off]: parameters where the caller
 * put them, everything else below the saved registers); each instruction is
 * worked through EAX/ECX/EDX and XMM0/XMM1. EBX, ESI, EDI, and ECX and EDX
 * where no code in between needs them (emit_allocated), each hold one 32-bit
 * value for the whole function, and XMM2..XMM7 one float, double or
 * <4 x float>/<2 x double>/<4 x i32> each: the ones used most, weighted by loop depth
 * (prepare_registers, regalloc.c). A value in an XMM register
 * keeps its slot too: calls clobber XMM registers, so they are written to
 * their slots around each call, and word-wise access goes through the slot
 * (a quad vector (<4 x float>/<2 x double>/<4 x i32>) is written there at its definition only when some use reads
 * it lane by lane: in_slot). Scalars are only ever read and written through
 * load/store/loadx/storex, which know where they are.
 *
 * Conventions of compiled code:
 * - i386 cdecl: arguments in words on the stack, i32 in EAX, i64 in EDX:EAX,
 *   float/double in x87 ST0; EBX, ESI, EDI, EBP preserved; ESP 16-byte
 *   aligned at every call.
 * - integers narrower than 32 bits are kept zero-extended in their slot;
 *   parameters are re-normalised at entry (the caller may have sign-extended).
 * - phis: an edge writes its target's phis directly, unless one of them
 *   takes another phi of the same block as its value on some edge: then every
 *   edge into that block writes shadow slots and the block copies shadows to
 *   the phis first, so phis that read each other see the old values.
 * - every absolute address is a relocation record (jit.h). */
#include "jit.h"
#include "x86.h"
#include "../patterns.h"

enum { C_NONE, C_I32, C_I64, C_F32, C_F64 };

typedef struct Jump { Fixup at; uint32_t bb; } Jump;
typedef struct J {
    E *e; Fn *f; FnIR *ir;
    X86 a;
    uint32_t nloc;               /* local values: parameters, constants of the body, instruction results */
    int32_t *loc;                /* ebp offset of each local's slot */
    int32_t *shadow;             /* phis: ebp offset of the edge copy */
    int8_t *reg;                 /* the register holding each local for the whole function, or NOREG */
    int8_t *xreg;                /* the XMM register holding each float/double/quad vector local, or -1 */
    uint8_t *in_slot;            /* per quad vector local: some use reads it from its slot (its definition writes it there too) */
    uint32_t *live_from, *live_to;   /* each local's live interval (positions: regalloc.c) */
    uint32_t *pos, *ins_at;          /* each instruction's position, the instruction at each position */
    uint32_t *depth;                 /* each block's loop nesting */
    uint8_t *cls;                /* per local: the register class it may have (1 general, 2 XMM, 0 none) */
    uint32_t *weight;            /* per local: its uses weighted by loop depth (what a register is worth to it: regalloc.c) */
    uint8_t *forbid;             /* per local: ECX/EDX (a mask of 1 << Reg) that something in its interval writes */
    uint8_t *writes;             /* per instruction: the general registers its code writes, its result's own register but
                                    (before the code exists: which of ECX and EDX it may write, scratch_writes) */
    uint8_t *left;               /* per instruction: no code of its own, an instruction after it computes it (left_to_next) */
    DotLoop *dots;               /* per block: the dot-product loop it is (unroll 0: none; patterns.h) */
    uint32_t *xmm_held, nxmm_held;   /* the locals held in XMM registers (what a call saves and restores) */
    uint32_t at;                 /* the instruction being compiled */
    uint32_t *uses;              /* uses of each local */
    Ins *folded;                 /* a GEP left for the next instruction's address() to compute */
    uint8_t *via_shadow;         /* per block: its phis are written through shadows */
    uint32_t *blockat;           /* code offset of each block */
    uint32_t *bodyat;            /* ... and of its first instruction after the phi copies (where OSR enters) */
    Jump *jumps; uint32_t njumps, capjumps;
    uint32_t lane;               /* the lane a vector instruction is at: its scalar code runs once a lane */
    Reloc *rel; uint32_t nrel, caprel;
    uint8_t *pool; uint32_t npool, cappool;   /* the constants the code reads from memory (RELOC_CODE): placed after it */
    int32_t below;               /* bytes of slots below the saved registers */
    uint32_t out;                /* outgoing argument bytes (a multiple of 16) */
    int32_t scratch;             /* 16-byte slot for constants on their way to XMM */
    int32_t varargs;             /* [ebp + varargs]: the first argument word past the fixed parameters */
    int32_t *byval;              /* per parameter: [ebp + byval[i]] holds its bytes when it is passed by value, else 0 */
    int32_t *in_frame;           /* per local: the alloca's memory is [ebp + in_frame[k]] in the frame (frame_alloca), else 0 */
    int osr;                     /* compiled with an OSR entry: allocas are the interpreter's memory, none in the frame */
    JitWhy why;                  /* the unsupported construct, once found */
    uint32_t fused;              /* loops compiled as one unit */
    uint32_t block;              /* the block being compiled */
    uint32_t moved_at;           /* store() just emitted `mov moved_to, moved_from` ending here (moved_to NOREG: into word
                                    moved_word of moved_value's slot): a load of it into moved_from is redundant */
    Reg moved_to, moved_from;
    uint32_t moved_value; int moved_word;
    int stacksave;               /* saves the stack pointer: one saved by the interpreter means nothing here */
    int emitted_twice;           /* guess_writes missed a write: the body was emitted again (emit_allocated) */
} J;

/* ---- helpers compiled code calls (RELOC_HELPER targets) ----------------- */
static uint64_t h_mul64(uint64_t a, uint64_t b) { return a * b; }
static uint64_t h_udiv64(uint64_t a, uint64_t b) { return a / b; }
static uint64_t h_sdiv64(int64_t a, int64_t b) { return (uint64_t)(a / b); }
static uint64_t h_urem64(uint64_t a, uint64_t b) { return a % b; }
static uint64_t h_srem64(int64_t a, int64_t b) { return (uint64_t)(a % b); }
static uint64_t h_shl64(uint64_t a, uint32_t n) { return a << (n & 63); }
static uint64_t h_lshr64(uint64_t a, uint32_t n) { return a >> (n & 63); }
static uint64_t h_ashr64(int64_t a, uint32_t n) { return (uint64_t)(a >> (n & 63)); }
static uint32_t h_f2ui(float x) { return (uint32_t)x; }
static uint32_t h_d2ui(double x) { return (uint32_t)x; }
static float h_ui2f(uint32_t x) { return (float)x; }
static double h_ui2d(uint32_t x) { return (double)x; }
static int64_t h_f2sl(float x) { return (int64_t)x; }
static int64_t h_d2sl(double x) { return (int64_t)x; }
static uint64_t h_f2ul(float x) { return (uint64_t)x; }
static uint64_t h_d2ul(double x) { return (uint64_t)x; }
static float h_sl2f(int64_t x) { return (float)x; }
static double h_sl2d(int64_t x) { return (double)x; }
static float h_ul2f(uint64_t x) { return (float)x; }
static double h_ul2d(uint64_t x) { return (double)x; }
float fmodf(float, float);
double fmod(double, double);
static uint32_t h_ctpop(uint32_t x) { uint32_t n = 0; for (; x; x &= x - 1) n++; return n; }
static uint32_t h_ctlz(uint32_t x) { return x ? (uint32_t)__builtin_clz(x) : 32; }
static uint32_t h_cttz(uint32_t x) { return x ? (uint32_t)__builtin_ctz(x) : 32; }
static uint32_t h_bswap32(uint32_t x) { return x >> 24 | (x >> 8 & 0xff00) | (x << 8 & 0xff0000) | x << 24; }
static uint32_t h_bswap16(uint32_t x) { return (x >> 8 & 0xff) | (x << 8 & 0xff00); }
static uint32_t h_fshl(uint32_t a, uint32_t b, uint32_t s) { s &= 31; return s ? a << s | b >> (32 - s) : a; }
static uint32_t h_fshr(uint32_t a, uint32_t b, uint32_t s) { s &= 31; return s ? b >> s | a << (32 - s) : b; }
/* minnum/maxnum as the interpreter's handlers (x86 code's results: a NaN a gives b, a tie gives a) */
static float h_minf(float a, float b) { return a != a ? b : (b < a ? b : a); }
static float h_maxf(float a, float b) { return a != a ? b : (b > a ? b : a); }
static double h_mind(double a, double b) { return a != a ? b : (b < a ? b : a); }
static double h_maxd(double a, double b) { return a != a ? b : (b > a ? b : a); }
static void h_unreachable(Fn *f) {
    E *e = f->e;
    fail(e, BFE_ERROR, "engine: unreachable executed in '%.*s'", (int)f->nlen, f->name);
    if (e->cfg.fatal) e->cfg.fatal(e->errc, e->err);
    for (;;) { }
}

static void h_bad_indirectbr(Fn *f) {
    E *e = f->e;
    fail(e, BFE_ERROR, "engine: indirectbr to an address not in its list (in '%.*s')", (int)f->nlen, f->name);
    if (e->cfg.fatal) e->cfg.fatal(e->errc, e->err);
    for (;;) { }
}

enum { H_MUL64, H_UDIV64, H_SDIV64, H_UREM64, H_SREM64, H_SHL64, H_LSHR64, H_ASHR64,
       H_F2UI, H_D2UI, H_UI2F, H_UI2D, H_F2SL, H_D2SL, H_F2UL, H_D2UL, H_SL2F, H_SL2D, H_UL2F, H_UL2D,
       H_FMODF, H_FMOD, H_MEMCPY, H_MEMMOVE, H_MEMSET, H_UNREACHABLE,
       H_CTPOP, H_CTLZ, H_CTTZ, H_BSWAP32, H_BSWAP16, H_FSHL, H_FSHR, H_MINF, H_MAXF, H_MIND, H_MAXD, H_BAD_INDIRECTBR, H__N };
static void *const helpers[H__N] = {
    (void *)h_mul64, (void *)h_udiv64, (void *)h_sdiv64, (void *)h_urem64, (void *)h_srem64,
    (void *)h_shl64, (void *)h_lshr64, (void *)h_ashr64,
    (void *)h_f2ui, (void *)h_d2ui, (void *)h_ui2f, (void *)h_ui2d, (void *)h_f2sl, (void *)h_d2sl,
    (void *)h_f2ul, (void *)h_d2ul, (void *)h_sl2f, (void *)h_sl2d, (void *)h_ul2f, (void *)h_ul2d,
    (void *)fmodf, (void *)fmod, (void *)memcpy, (void *)memmove, (void *)memset, (void *)h_unreachable,
    (void *)h_ctpop, (void *)h_ctlz, (void *)h_cttz, (void *)h_bswap32, (void *)h_bswap16, (void *)h_fshl, (void *)h_fshr,
    (void *)h_minf, (void *)h_maxf, (void *)h_mind, (void *)h_maxd, (void *)h_bad_indirectbr,
};

/* ---- types ---------------------------------------------------------------- */
static Ty *ty(J *j, uint32_t t) { return &j->e->ty[t]; }
static uint32_t vty(J *j, uint32_t v) { return j->e->v[v].ty; }
/* the class of a scalar, or of a vector's lanes */
static int klass(J *j, uint32_t t) {
    Ty *y = ty(j, t);
    if (y->k == TK_VEC) { t = y->elt; y = ty(j, t); if (y->k == TK_VEC) return C_NONE; }
    if (y->k == TK_PTR) return C_I32;
    if (y->k == TK_INT) return y->w <= 32 ? C_I32 : y->w == 64 ? C_I64 : C_NONE;
    if (y->k == TK_FLT) return C_F32;
    if (y->k == TK_DBL) return C_F64;
    return C_NONE;
}
static uint32_t width(J *j, uint32_t t) {
    Ty *y = ty(j, t);
    if (y->k == TK_VEC) y = ty(j, y->elt);
    return y->k == TK_INT ? y->w : 32;
}
static int is_vector(J *j, uint32_t t) { return ty(j, t)->k == TK_VEC; }
static int is_aggregate(J *j, uint32_t t) { return ty(j, t)->k == TK_ST || ty(j, t)->k == TK_ARR; }
/* an aggregate the JIT keeps in a slot: at most 64 bytes, and no pointers (a constant one
   would need relocations inside its bytes) */
static int aggregate_ok(J *j, uint32_t t, int depth) {
    Ty *y = ty(j, t);
    if (depth > 4) return 0;
    if (y->k == TK_PTR) return 0;
    if (y->k == TK_INT) return y->w <= 64;
    if (y->k == TK_FLT || y->k == TK_DBL) return 1;
    if (y->k == TK_ARR || y->k == TK_VEC) return aggregate_ok(j, y->elt, depth + 1);
    if (y->k != TK_ST) return 0;
    for (uint32_t i = 0; i < y->w; i++) if (!aggregate_ok(j, y->elts[i], depth + 1)) return 0;
    return ty_size(j->e, t) <= 64;
}
static uint32_t lanes(J *j, uint32_t t) { return is_vector(j, t) ? ty(j, t)->w : 1; }
/* bytes of one lane in a vector's slot: its memory layout (i1 lanes: a byte each) */
static uint32_t lane_bytes(J *j, uint32_t t) { return ty_size(j->e, ty(j, t)->elt); }
static uint32_t words(int c) { return c == C_I64 || c == C_F64 ? 2 : 1; }
static Prec prec(int c) { return c == C_F32 ? SS : SD; }

static int unsupported(J *j, const char *what) { if (!j->why.what) j->why.what = what; return 1; }

/* keep a narrow integer zero-extended / read it sign-extended */
static void zext_reg(J *j, Reg r, uint32_t w) { if (w < 32) x86_alu_ri(&j->a, ALU_AND, r, w == 31 ? 0x7fffffffu : (1u << w) - 1); }
static void sext_reg(J *j, Reg r, uint32_t w) {
    if (w >= 32) return;
    x86_shift_ri(&j->a, SH_SHL, r, (uint8_t)(32 - w));
    x86_shift_ri(&j->a, SH_SAR, r, (uint8_t)(32 - w));
}

/* ---- values ----------------------------------------------------------------- */
static int is_local(J *j, uint32_t v) {
    if (v < j->ir->base || v >= j->ir->base + j->nloc) return 0;
    uint8_t k = j->e->v[v].k;
    return k == V_ARG || k == V_INST;
}
static Mem slot(J *j, uint32_t v, int word) { return M(EBP, j->loc[v - j->ir->base] + 4 * word); }
/* where lane j->lane of v is (v a vector; its lanes are packed in its slot as in memory) */
static Mem lane(J *j, uint32_t v, int word) {
    return M(EBP, j->loc[v - j->ir->base] + (int32_t)(j->lane * lane_bytes(j, vty(j, v))) + 4 * word);
}
/* where a value (or the current lane of a vector) is in memory */
static Mem place(J *j, uint32_t v, int word) { return is_vector(j, vty(j, v)) ? lane(j, v, word) : slot(j, v, word); }

/* a float/double value held in an XMM register: its slot brought up to date, or the register from its slot */
static int in_xmm(J *j, uint32_t v) { return v >= j->ir->base && v - j->ir->base < j->nloc && j->xreg[v - j->ir->base] >= 0; }
static int xheld(J *j, uint32_t v) { return in_xmm(j, v) && !is_vector(j, vty(j, v)); }
/* a quad vector (<4 x float>/<2 x double>/<4 x i32>) held in an XMM register (every other vector lives in its slot only) */
static int vheld(J *j, uint32_t v) { return in_xmm(j, v) && is_vector(j, vty(j, v)); }
static Xmm xr(J *j, uint32_t v) { return (Xmm)j->xreg[v - j->ir->base]; }
static Prec xprec(J *j, uint32_t v) { return ty(j, vty(j, v))->k == TK_FLT ? SS : SD; }
static void sync_slot(J *j, uint32_t v) {
    if (vheld(j, v)) x86_movups_mr(&j->a, slot(j, v, 0), xr(j, v));
    else if (xheld(j, v)) x86_movs_mr(&j->a, xprec(j, v), slot(j, v, 0), xr(j, v));
}
static void sync_reg(J *j, uint32_t v) {
    if (vheld(j, v)) x86_movups_rm(&j->a, xr(j, v), slot(j, v, 0));
    else if (xheld(j, v)) x86_movs_rm(&j->a, xprec(j, v), xr(j, v), slot(j, v, 0));
}
/* calls clobber XMM registers: the XMM-held values live across this one go to their slots before it, and back after.
   Live from p itself and not the call's own result: a parameter when the call is the function's first instruction
   (both at position 0), which the first call of a not yet compiled callee (the JIT compiling it) clobbered. */
static int live_across(J *j, uint32_t k) {
    uint32_t p = j->pos[j->at];
    return j->live_from[k] <= p && j->live_to[k] > p && j->ir->base + k != j->ir->ins[j->at].id;
}
static void save_xmm(J *j) { for (uint32_t x = 0; x < j->nxmm_held; x++) if (live_across(j, j->xmm_held[x])) sync_slot(j, j->ir->base + j->xmm_held[x]); }
static void restore_xmm(J *j) { for (uint32_t x = 0; x < j->nxmm_held; x++) if (live_across(j, j->xmm_held[x])) sync_reg(j, j->ir->base + j->xmm_held[x]); }
static void call_eax(J *j) { save_xmm(j); x86_call_r(&j->a, EAX); restore_xmm(j); }

/* a constant's value, or lane j->lane of a constant vector */
static int constant(J *j, uint32_t v, uint64_t *x) {
    Val *c = &j->e->v[v];
    *x = 0;
    if (!is_vector(j, c->ty)) return const_scalar(j->e, v, x);
    if (c->k == V_CNULL || c->k == V_CUNDEF) return 0;
    if (c->k == V_CDATA) { if (j->lane < c->u.d.n) *x = c->u.d.d[j->lane]; return 0; }
    if (c->k == V_CAGG) return j->lane < c->u.a.n ? const_scalar(j->e, c->u.a.o[j->lane], x) : 0;
    return unsupported(j, "vector constant expression");
}

static void reloc(J *j, uint8_t kind, uint32_t target, int32_t addend) {
    if (grow(j->e, (void **)&j->rel, &j->caprel, j->nrel + 1, sizeof(Reloc))) { j->a.oom = 1; return; }
    Reloc r = { j->a.last_imm, kind, target, addend };
    j->rel[j->nrel++] = r;
}

/* The offset in the constant pool of `size` bytes (8 or 16) equal to `bytes`, aligned to their size: an
   entry already there, or a new one. The code's last 32-bit field (an instruction's absolute
   displacement, emitted as 0) is relocated to it: the pool follows the code (place_pool). */
static void pool_reloc(J *j, const uint8_t *bytes, uint32_t size) {
    uint32_t at = 0;
    while (at + size <= j->npool && memcmp(j->pool + at, bytes, size)) at += size;
    if (at + size > j->npool) {
        at = (j->npool + size - 1) & ~(size - 1);
        if (grow(j->e, (void **)&j->pool, &j->cappool, at + size, 1)) { j->a.oom = 1; return; }
        memset(j->pool + j->npool, 0, at - j->npool);
        memcpy(j->pool + at, bytes, size);
        j->npool = at + size;
    }
    reloc(j, RELOC_CODE, 0, (int32_t)at);
}
/* The pool after the code, 16-byte aligned from its start (int3 in between): the code's RELOC_CODE
   records, pool offsets so far, become code offsets. */
static void place_pool(J *j) {
    if (!j->npool) return;
    while (j->a.len % 16) x86_byte(&j->a, 0xcc);
    uint32_t base = j->a.len;
    for (uint32_t i = 0; i < j->npool; i++) x86_byte(&j->a, j->pool[i]);
    for (uint32_t i = 0; i < j->nrel; i++) if (j->rel[i].kind == RELOC_CODE) j->rel[i].addend += (int32_t)base;
}

/* The symbol an address-valued constant starts from: a global variable or
 * function, or the one a constant cast or GEP is based on (its result may
 * point outside it: gep(@a, -1)). NOTY: a plain number. */
static uint32_t base_symbol(E *e, uint32_t v, int depth) {
    Val *c = &e->v[v];
    if (c->k == V_GVAR || c->k == V_FN) return v;
    if (depth > 16) return NOTY;
    if (c->k == V_ALIAS) return base_symbol(e, e->al[c->u.idx].target, depth + 1);
    enum { CE_CAST = 11, CE_GEP = 12, CE_GEP_INBOUNDS = 20 };      /* operand 2: the cast's value, the GEP's base */
    if (c->k == V_CE && c->u.a.n >= 3 && (c->op == CE_CAST || c->op == CE_GEP || c->op == CE_GEP_INBOUNDS))
        return base_symbol(e, c->u.a.o[2], depth + 1);
    return NOTY;
}

/* The relocation an address-valued constant (or lane j->lane of a constant
 * vector) needs: its base symbol, and where it points from there. */
static void reloc_for(J *j, uint32_t v, uint32_t value) {
    E *e = j->e;
    Val *c = &e->v[v];
    if (is_vector(j, c->ty)) {
        if (c->k != V_CAGG || j->lane >= c->u.a.n) return;
        v = c->u.a.o[j->lane];
    }
    uint32_t b = base_symbol(e, v, 0);
    if (b == NOTY) return;
    uint32_t i = e->v[b].u.idx;
    if (e->v[b].k == V_GVAR) { reloc(j, RELOC_GLOBAL, i, (int32_t)(value - (W)e->gv[i].addr)); return; }
    Fn *f = &e->fn[i];
    W at = f->isdecl ? (W)f->native : (W)(e->stubs + STUB_BYTES * i);
    reloc(j, RELOC_FUNCTION, i, (int32_t)(value - at));
}

/* word (0 low, 1 high) of constant v, or of lane j->lane of a constant vector, as
   kept (narrow integers zero-extended); 1: not supported (j->why says), -1: error */
static int constant_word(J *j, uint32_t v, int word, uint32_t *w) {
    uint64_t x;
    int r = constant(j, v, &x);
    if (r) return r;
    *w = (uint32_t)(word ? x >> 32 : x);
    if (ty(j, vty(j, v))->k == TK_INT && width(j, vty(j, v)) < 32) *w &= (1u << width(j, vty(j, v))) - 1;
    return 0;
}
/* a constant scalar that is a number, not an address (no relocation) */
static int plain_number(J *j, uint32_t v) {
    return !is_local(j, v) && !is_vector(j, vty(j, v)) && base_symbol(j->e, v, 0) == NOTY;
}

/* word (0 low, 1 high) of value v into register r */
static int load(J *j, Reg r, uint32_t v, int word) {
    if (is_local(j, v) && is_vector(j, vty(j, v))) {
        uint32_t size = lane_bytes(j, vty(j, v));
        if (size == 1) x86_load8(&j->a, r, lane(j, v, 0), 0);
        else if (size == 2) x86_load16(&j->a, r, lane(j, v, 0), 0);
        else x86_mov_rm(&j->a, r, lane(j, v, word));
        if (ty(j, ty(j, vty(j, v))->elt)->k == TK_INT && width(j, vty(j, v)) < 32) zext_reg(j, r, width(j, vty(j, v)));
        return 0;
    }
    if (is_local(j, v)) {
        Reg held = (Reg)j->reg[v - j->ir->base];
        sync_slot(j, v);
        int just_moved = j->moved_at == j->a.len && j->a.label != j->a.len && j->moved_to == held && j->moved_from == r
                      && (held != NOREG || (j->moved_value == v && j->moved_word == word));
        if (just_moved) return 0;
        if (held != NOREG) x86_mov_rr(&j->a, r, held);
        else x86_mov_rm(&j->a, r, slot(j, v, word));
        return 0;
    }
    uint32_t w;
    int r0 = constant_word(j, v, word, &w);
    if (r0) return r0 < 0 ? -1 : 0;
    x86_mov_ri(&j->a, r, w);                  /* 0 is `xor r, r`: no immediate, and no address */
    if (!word && w) reloc_for(j, v, w);
    return 0;
}
static void store(J *j, uint32_t v, Reg r, int word) {
    if (is_vector(j, vty(j, v))) {
        uint32_t size = lane_bytes(j, vty(j, v));
        if (size == 1) x86_store8(&j->a, lane(j, v, 0), r);
        else if (size == 2) x86_store16(&j->a, lane(j, v, 0), r);
        else x86_mov_mr(&j->a, lane(j, v, word), r);
        return;
    }
    Reg held = (Reg)j->reg[v - j->ir->base];
    if (held != NOREG) x86_mov_rr(&j->a, held, r);
    else x86_mov_mr(&j->a, slot(j, v, word), r);
    j->moved_at = j->a.len; j->moved_to = held; j->moved_from = r; j->moved_value = v; j->moved_word = word;
    sync_reg(j, v);
}

/* the 8 bytes of a float (hi 0) or double for the constant pool: pool_reloc */
static int pool_number(J *j, uint32_t lo, uint32_t hi) {
    uint8_t b[8];
    for (int i = 0; i < 4; i++) { b[i] = (uint8_t)(lo >> (8 * i)); b[4 + i] = (uint8_t)(hi >> (8 * i)); }
    pool_reloc(j, b, 8);
    return 0;
}
/* float/double value v into an XMM register */
static int loadx(J *j, Xmm x, uint32_t v, int c) {
    if (xheld(j, v)) { x86_movs_rr(&j->a, prec(c), x, (Xmm)j->xreg[v - j->ir->base]); return 0; }
    if (is_local(j, v)) { x86_movs_rm(&j->a, prec(c), x, place(j, v, 0)); return 0; }
    uint32_t lo, hi = 0;
    if (plain_number(j, v)) {                                /* 0.0 is xorps; else from the constant pool */
        int r = constant_word(j, v, 0, &lo);
        if (r == 0 && c == C_F64) r = constant_word(j, v, 1, &hi);
        if (r) return r < 0 ? -1 : 0;
        if (lo == 0 && hi == 0) { x86_logic_ps(&j->a, PS_XOR, x, x); return 0; }
        x86_movs_rm(&j->a, prec(c), x, MABS(0));
        return pool_number(j, lo, hi);
    }
    if (load(j, EAX, v, 0)) return -1;
    x86_mov_mr(&j->a, M(EBP, j->scratch), EAX);
    if (c == C_F64) { if (load(j, EAX, v, 1)) return -1; x86_mov_mr(&j->a, M(EBP, j->scratch + 4), EAX); }
    x86_movs_rm(&j->a, prec(c), x, M(EBP, j->scratch));
    return 0;
}
static void storex(J *j, uint32_t v, Xmm x, int c) {
    if (xheld(j, v)) x86_movs_rr(&j->a, prec(c), (Xmm)j->xreg[v - j->ir->base], x);
    else x86_movs_mr(&j->a, prec(c), place(j, v, 0), x);
}

/* v can be an instruction's second operand as it is: an immediate (an integer
 * constant, never an address, which needs a relocation), the register
 * holding v, or v's slot */
static int operand_in_place(J *j, uint32_t v) {
    return j->e->v[v].k == V_CINT || j->e->v[v].k == V_CNULL || (is_local(j, v) && !is_vector(j, vty(j, v)));
}
/* `op d, v` for a 32-bit-class integer v: in place where it can be
 * (operand_in_place), else through a scratch register: ECX, or EAX when d
 * is another register */
static int alu_value(J *j, Alu op, Reg d, uint32_t v) {
    E *e = j->e;
    if (!operand_in_place(j, v)) {
        Reg scratch = d == EAX ? ECX : EAX;
        if (load(j, scratch, v, 0)) return -1;
        x86_alu_rr(&j->a, op, d, scratch);
        return 0;
    }
    if (e->v[v].k == V_CINT || e->v[v].k == V_CNULL) {
        uint64_t x; if (const_scalar(e, v, &x)) return -1;
        uint32_t w = width(j, vty(j, v));
        x86_alu_ri(&j->a, op, d, w < 32 ? (uint32_t)x & ((1u << w) - 1) : (uint32_t)x);
        return 0;
    }
    Reg held = (Reg)j->reg[v - j->ir->base];
    if (held != NOREG) x86_alu_rr(&j->a, op, d, held);
    else x86_alu_rm(&j->a, op, d, slot(j, v, 0));
    return 0;
}


static void call_helper(J *j, int h) {
    x86_mov_ri(&j->a, EAX, (uint32_t)(W)helpers[h]);
    if (helpers[h]) reloc(j, RELOC_HELPER, (uint32_t)h, 0);
    call_eax(j);
}
/* outgoing argument word k */
static Mem arg(uint32_t k) { return M(ESP, (int32_t)(4 * k)); }
/* value v's words as outgoing arguments from word k; returns the next word */
static int push_value(J *j, uint32_t v, uint32_t *k) {
    int c = klass(j, vty(j, v));
    if (xheld(j, v)) { x86_movs_mr(&j->a, prec(c), arg(*k), (Xmm)j->xreg[v - j->ir->base]); *k += words(c); return 0; }
    for (uint32_t w = 0; w < words(c); w++) {
        if (load(j, EAX, v, (int)w)) return -1;
        x86_mov_mr(&j->a, arg((*k)++), EAX);
    }
    return 0;
}
/* a cdecl call's result (EAX, EDX:EAX or ST0) into value v's slot */
static void take_result(J *j, uint32_t v, int c) {
    if (c == C_F32 || c == C_F64) { x86_fstp_m(&j->a, prec(c), place(j, v, 0)); sync_reg(j, v); return; }
    if (c == C_I32) zext_reg(j, EAX, width(j, vty(j, v)));
    store(j, v, EAX, 0);
    if (c == C_I64) store(j, v, EDX, 1);
}

/* the general register value v lives in, or NOREG */
static Reg held(J *j, uint32_t v) { return is_local(j, v) ? (Reg)j->reg[v - j->ir->base] : NOREG; }
/* register r as a mask (X86.written); none for NOREG */
static uint8_t bit(Reg r) { return r == NOREG ? 0 : (uint8_t)(1u << r); }

/* ---- blocks and edges ----------------------------------------------------- */
static void copy_bytes(J *j, Mem dst, Mem src, uint32_t size);
static int copy_vector(J *j, Mem dst, uint32_t v);

static void jump_to(J *j, Fixup at, uint32_t bb) {
    if (grow(j->e, (void **)&j->jumps, &j->capjumps, j->njumps + 1, sizeof(Jump))) { j->a.oom = 1; return; }
    Jump x = { at, bb };
    j->jumps[j->njumps++] = x;
}
/* phi P, kept in memory, of block `to` gets number v on an edge: its words stored as immediates (in its shadow, if `to` has them) */
static int store_number(J *j, Ins *P, uint32_t to, uint32_t v) {
    int32_t at = j->via_shadow[to] ? j->shadow[P->id - j->ir->base] : j->loc[P->id - j->ir->base];
    for (uint32_t w = 0; w < words(klass(j, P->ty)); w++) {
        uint32_t x;
        int r = constant_word(j, v, (int)w, &x);
        if (r) return r < 0 ? -1 : 0;
        x86_mov_mi(&j->a, M(EBP, at + 4 * (int32_t)w), x);
    }
    return 0;
}
/* the moves of edge from -> to: the target's phis get their incoming values in their shadows */
static int edge_moves(J *j, uint32_t from, uint32_t to) {
    FnIR *ir = j->ir;
    for (uint32_t i = ir->bb[to]; i < ir->bb[to + 1] && ir->ins[i].op == I_PHI; i++) {
        Ins *P = &ir->ins[i];
        for (uint32_t k = 0; k + 1 < P->n; k += 2) {
            if (P->o[k + 1] != from) continue;
            int c = klass(j, P->ty);
            if ((c == C_F32 || c == C_F64) && !is_vector(j, P->ty)) {     /* from or into the XMM register either lives in, else through XMM0 */
                if (!j->via_shadow[to] && xheld(j, P->id)) { if (loadx(j, xr(j, P->id), P->o[k], c)) return -1; break; }
                if ((j->via_shadow[to] || !xheld(j, P->id)) && plain_number(j, P->o[k])) { if (store_number(j, P, to, P->o[k])) return -1; break; }
                Xmm x = xheld(j, P->o[k]) ? xr(j, P->o[k]) : XMM0;
                if (x == XMM0 && loadx(j, XMM0, P->o[k], c)) return -1;
                if (j->via_shadow[to]) x86_movs_mr(&j->a, prec(c), M(EBP, j->shadow[P->id - ir->base]), x);
                else storex(j, P->id, x, c);
                break;
            }
            if (is_vector(j, P->ty) || is_aggregate(j, P->ty)) {             /* from the XMM register a value lives in, else its slot */
                int32_t at = j->via_shadow[to] ? j->shadow[P->id - ir->base] : j->loc[P->id - ir->base];
                if (vheld(j, P->o[k])) x86_movups_mr(&j->a, M(EBP, at), xr(j, P->o[k]));
                else if (copy_vector(j, M(EBP, at), P->o[k])) return -1;
                break;
            }
            if (!j->via_shadow[to] && held(j, P->id) != NOREG) {           /* straight into its register */
                uint8_t before = j->a.written;
                if (load(j, held(j, P->id), P->o[k], 0)) return -1;
                j->a.written = before | (j->a.written & ~bit(held(j, P->id)));   /* the phi's own write */
                break;
            }
            if (plain_number(j, P->o[k])) { if (store_number(j, P, to, P->o[k])) return -1; break; }
            for (uint32_t w = 0; w < words(c); w++) {                   /* from the register the value lives in, else through EAX */
                Reg r = c == C_I32 && held(j, P->o[k]) != NOREG ? held(j, P->o[k]) : EAX;
                if (r == EAX && load(j, EAX, P->o[k], (int)w)) return -1;
                if (j->via_shadow[to]) x86_mov_mr(&j->a, M(EBP, j->shadow[P->id - ir->base] + 4 * (int32_t)w), r);
                else store(j, P->id, r, (int)w);
            }
            break;
        }
    }
    return 0;
}
static int has_phis(J *j, uint32_t bb) { return j->ir->ins[j->ir->bb[bb]].op == I_PHI; }
static int goto_block(J *j, uint32_t from, uint32_t to) {
    if (edge_moves(j, from, to)) return -1;
    jump_to(j, x86_jmp(&j->a), to);
    return 0;
}
/* the edge from -> to as the block's last code: no jump when `to` comes next */
static int leave_block(J *j, uint32_t from, uint32_t to) {
    if (to != j->block + 1) return goto_block(j, from, to);
    return edge_moves(j, from, to);
}
/* jump to block `to` when the flags say cc: straight there when the edge has no
   moves (its phis have the registers their values are in: a loop's back-edge),
   else over the moves and a jump (tried: the jcc is taken back when they are none) */
static int jump_if(J *j, uint32_t from, Cond cc, uint32_t to) {
    uint32_t len = j->a.len, nfields = j->a.nfields;
    Fixup other = x86_jcc(&j->a, (Cond)(cc ^ 1));
    uint32_t moves_at = j->a.len;
    if (edge_moves(j, from, to)) return -1;
    if (j->a.len == moves_at) {
        j->a.len = len; j->a.nfields = nfields;
        jump_to(j, x86_jcc(&j->a, cc), to);
        return 0;
    }
    jump_to(j, x86_jmp(&j->a), to);
    x86_patch(&j->a, other, j->a.len);
    return 0;
}
/* branch on a condition already in the flags: cc true -> t, else f; the edge
   to the block that comes next goes last (no jump) */
static int branch(J *j, uint32_t from, Cond cc, uint32_t t, uint32_t f) {
    if (t == j->block + 1 && f != t) { uint32_t x = t; t = f; f = x; cc = (Cond)(cc ^ 1); }
    if (jump_if(j, from, cc, t)) return -1;
    return leave_block(j, from, f);
}

/* ---- instructions -------------------------------------------------------- */
static const Cond icmp_cond[10] = { CC_E, CC_NE, CC_A, CC_AE, CC_B, CC_BE, CC_G, CC_GE, CC_L, CC_LE };

/* integer compare of a and b (type t) into the flags; returns the condition */
static int icmp_flags(J *j, uint32_t pred, uint32_t a, uint32_t b, uint32_t t, Cond *cc) {
    if (pred < 32 || pred > 41) return unsupported(j, "icmp predicate");
    int c = klass(j, t), sg = pred >= 38;
    *cc = icmp_cond[pred - 32];
    if (c == C_I32) {
        if ((!sg || width(j, t) == 32) && held(j, a) != NOREG) return alu_value(j, ALU_CMP, held(j, a), b);
        if (load(j, EAX, a, 0)) return -1;
        if (!sg || width(j, t) == 32) return alu_value(j, ALU_CMP, EAX, b);    /* narrow values compare unsigned as they are kept */
        if (load(j, ECX, b, 0)) return -1;
        sext_reg(j, EAX, width(j, t)); sext_reg(j, ECX, width(j, t));
        x86_alu_rr(&j->a, ALU_CMP, EAX, ECX);
        return 0;
    }
    /* i64: compare the high words; equal high words decide on the low words (unsigned) */
    if (load(j, EAX, a, 1) || load(j, ECX, b, 1)) return -1;
    x86_alu_rr(&j->a, ALU_CMP, EAX, ECX);
    Fixup decided = x86_jcc(&j->a, CC_NE);
    if (load(j, EAX, a, 0) || load(j, ECX, b, 0)) return -1;
    x86_alu_rr(&j->a, ALU_CMP, EAX, ECX);
    if (sg) {
        /* low words compare unsigned: map the signed condition to its unsigned twin, as flags */
        static const Cond unsigned_of[4] = { CC_A, CC_AE, CC_B, CC_BE };
        Cond u = unsigned_of[pred - 38];
        x86_setcc(&j->a, u, EAX);
        x86_ext8(&j->a, EAX, EAX, 0);
        Fixup done = x86_jmp(&j->a);
        x86_patch(&j->a, decided, j->a.len);
        x86_setcc(&j->a, *cc, EAX);
        x86_ext8(&j->a, EAX, EAX, 0);
        x86_patch(&j->a, done, j->a.len);
        x86_test_rr(&j->a, EAX, EAX);
        *cc = CC_NE;
        return 0;
    }
    x86_patch(&j->a, decided, j->a.len);
    return 0;
}

/* fcmp predicates that one condition of ucomis's flags decides (all but
   false, oeq, une and true) */
static int fcmp_in_flags(uint32_t pred) { return pred >= 2 && pred <= 13; }

/* ucomis of a and b for predicate pred; *cc: the condition for a
   fcmp_in_flags predicate. ucomis x, y: unordered ZF=PF=CF=1; x<y CF=1;
   x=y ZF=1. Conditions that need "less" swap the operands so they read
   CF=0&ZF=0 (A) or CF=0 (AE). */
static int fcmp_flags(J *j, uint32_t pred, uint32_t a, uint32_t b, int c, Cond *cc) {
    static const Cond single[16] = { 0, 0, CC_A, CC_AE, CC_A, CC_AE, CC_NE, CC_NP, CC_P, CC_E, CC_B, CC_BE, CC_B, CC_BE, 0, 0 };
    int swap = pred == 4 || pred == 5 || pred == 10 || pred == 11;      /* olt ole ugt uge */
    uint32_t x = swap ? b : a, y = swap ? a : b;
    if ((!xheld(j, x) && loadx(j, XMM0, x, c)) || (!xheld(j, y) && loadx(j, XMM1, y, c))) return -1;
    x86_ucomis_rr(&j->a, prec(c), xheld(j, x) ? xr(j, x) : XMM0, xheld(j, y) ? xr(j, y) : XMM1);
    *cc = single[pred];
    return 0;
}

/* float compare: the result as 0/1 in EAX */
static int fcmp(J *j, uint32_t pred, uint32_t a, uint32_t b, int c) {
    if (pred == 0 || pred == 15) { x86_mov_ri(&j->a, EAX, pred == 15); return 0; }
    if (pred > 15) return unsupported(j, "fcmp predicate");
    Cond cc;
    if (fcmp_flags(j, pred, a, b, c, &cc)) return -1;
    if (pred == 1 || pred == 14) {                         /* oeq: ZF & !PF; une: !ZF | PF */
        x86_setcc(&j->a, pred == 1 ? CC_E : CC_NE, EAX);
        x86_setcc(&j->a, pred == 1 ? CC_NP : CC_P, ECX);
        x86_alu_rr(&j->a, pred == 1 ? ALU_AND : ALU_OR, EAX, ECX);
    } else x86_setcc(&j->a, cc, EAX);
    x86_ext8(&j->a, EAX, EAX, 0);
    return 0;
}

static int bin_i32(J *j, Ins *I) {
    uint32_t w = width(j, I->ty);
    int sg = I->sub == 4 || I->sub == 6 || I->sub == 9;
    static const Alu alu[13] = { ALU_ADD, ALU_SUB, 0, 0, 0, 0, 0, 0, 0, 0, ALU_AND, ALU_OR, ALU_XOR };
    uint64_t x;
    if (I->sub <= 1 || (I->sub >= 10 && I->sub <= 12)) {        /* add/sub/and/or/xor: the operand as it is */
        Reg r = held(j, I->id);                                 /* into the result's register, unless the second operand is there */
        Val *k = &j->e->v[I->o[1]];
        if (I->sub <= 1 && w == 32 && r != NOREG && held(j, I->o[0]) != NOREG && held(j, I->o[0]) != r && k->k == V_CINT) {
            if (const_scalar(j->e, I->o[1], &x)) return -1;                  /* lea r, [a + k]: one instruction */
            x86_lea(&j->a, r, M(held(j, I->o[0]), (int32_t)(I->sub ? 0u - (uint32_t)x : (uint32_t)x)));
            return 0;
        }
        uint32_t a = I->o[0], b = I->o[1];
        if (r != NOREG && r == held(j, b) && I->sub != 1) { a = I->o[1]; b = I->o[0]; }   /* commutative: r op= a (alu_value takes any a) */
        if (r == NOREG || r == held(j, b)) r = EAX;
        if (load(j, r, a, 0) || alu_value(j, alu[I->sub], r, b)) return -1;
        if (I->sub <= 1) zext_reg(j, r, w);                     /* and/or/xor of zero-extended values stay so */
        if (r == EAX) store(j, I->id, EAX, 0);
        return 0;
    }
    Reg r = held(j, I->id) != NOREG ? held(j, I->id) : EAX;    /* straight into the result's register */
    if (I->sub >= 7 && I->sub <= 9 && (j->e->v[I->o[1]].k == V_CINT || j->e->v[I->o[1]].k == V_CNULL)) {   /* shift by a constant */
        static const Shift shift[3] = { SH_SHL, SH_SHR, SH_SAR };
        if (const_scalar(j->e, I->o[1], &x) || load(j, r, I->o[0], 0)) return -1;
        if (sg) sext_reg(j, r, w);
        x86_shift_ri(&j->a, shift[I->sub - 7], r, (uint8_t)(x & 31));
        zext_reg(j, r, w);
        if (r == EAX) store(j, I->id, EAX, 0);
        return 0;
    }
    if (I->sub == 2 && j->e->v[I->o[1]].k == V_CINT && !const_scalar(j->e, I->o[1], &x)) {         /* multiply by a constant */
        Reg a = held(j, I->o[0]);
        if (a == NOREG && load(j, a = r, I->o[0], 0)) return -1;
        x86_imul_rri(&j->a, r, a, (int32_t)(w < 32 ? (uint32_t)x & ((1u << w) - 1) : (uint32_t)x));
        zext_reg(j, r, w);
        if (r == EAX) store(j, I->id, EAX, 0);
        return 0;
    }
    if (load(j, EAX, I->o[0], 0) || load(j, ECX, I->o[1], 0)) return -1;
    if (sg) { sext_reg(j, EAX, w); sext_reg(j, ECX, w); }
    switch (I->sub) {
    case 2: x86_imul_rr(&j->a, EAX, ECX); break;
    case 3: case 5: x86_mov_ri(&j->a, EDX, 0); x86_unary(&j->a, UN_DIV, ECX); if (I->sub == 5) x86_mov_rr(&j->a, EAX, EDX); break;
    case 4: case 6: x86_cdq(&j->a); x86_unary(&j->a, UN_IDIV, ECX); if (I->sub == 6) x86_mov_rr(&j->a, EAX, EDX); break;
    case 7: x86_shift_cl(&j->a, SH_SHL, EAX); break;
    case 8: x86_shift_cl(&j->a, SH_SHR, EAX); break;
    case 9: x86_shift_cl(&j->a, SH_SAR, EAX); break;
    default: return unsupported(j, "binary operator");
    }
    zext_reg(j, EAX, w);
    store(j, I->id, EAX, 0);
    return 0;
}

static int bin_i64(J *j, Ins *I) {
    if (I->sub == 0 || I->sub == 1 || I->sub >= 10) {       /* add/sub (with carry), and/or/xor: word by word */
        static const Alu lo[13] = { ALU_ADD, ALU_SUB, 0, 0, 0, 0, 0, 0, 0, 0, ALU_AND, ALU_OR, ALU_XOR };
        static const Alu hi[13] = { ALU_ADC, ALU_SBB, 0, 0, 0, 0, 0, 0, 0, 0, ALU_AND, ALU_OR, ALU_XOR };
        if (I->sub > 12) return unsupported(j, "binary operator");
        if (load(j, EAX, I->o[0], 0) || load(j, EDX, I->o[0], 1) || load(j, ECX, I->o[1], 0)) return -1;
        x86_alu_rr(&j->a, lo[I->sub], EAX, ECX);
        /* the high word straight from its slot or as an immediate: loading a constant 0 would be `xor`, clobbering the carry */
        if (is_local(j, I->o[1])) x86_alu_rm(&j->a, hi[I->sub], EDX, place(j, I->o[1], 1));
        else {
            uint32_t x; int r = constant_word(j, I->o[1], 1, &x);     /* a <2 x i64>'s: this lane's */
            if (r) return r;
            x86_alu_ri(&j->a, hi[I->sub], EDX, x);
        }
        store(j, I->id, EAX, 0);
        store(j, I->id, EDX, 1);
        return 0;
    }
    static const int helper[10] = { 0, 0, H_MUL64, H_UDIV64, H_SDIV64, H_UREM64, H_SREM64, H_SHL64, H_LSHR64, H_ASHR64 };
    uint32_t k = 0;
    if (push_value(j, I->o[0], &k)) return -1;
    if (I->sub >= 7) { if (load(j, EAX, I->o[1], 0)) return -1; x86_mov_mr(&j->a, arg(k), EAX); }
    else if (push_value(j, I->o[1], &k)) return -1;
    call_helper(j, helper[I->sub]);
    take_result(j, I->id, C_I64);
    return 0;
}

/* `op d, b` (scalar SSE), b from its register, its slot where it is in one, or the constant pool,
   else through XMM1 */
static int sse_with(J *j, SseOp op, Xmm d, uint32_t b, int c) {
    uint32_t lo, hi = 0;
    if (xheld(j, b)) x86_sse_rr(&j->a, prec(c), op, d, xr(j, b));
    else if (is_local(j, b)) x86_sse_rm(&j->a, prec(c), op, d, place(j, b, 0));
    else if (plain_number(j, b) && !constant_word(j, b, 0, &lo) && (c == C_F32 || !constant_word(j, b, 1, &hi))) {
        x86_sse_rm(&j->a, prec(c), op, d, MABS(0));
        return pool_number(j, lo, hi);
    } else {
        if (loadx(j, XMM1, b, c)) return -1;
        x86_sse_rr(&j->a, prec(c), op, d, XMM1);
    }
    return 0;
}
/* the register id = a op1 b (op2 c) is computed in: its own, unless an operand read after the first is there */
static Xmm float_result(J *j, uint32_t id, uint32_t b, uint32_t c) {
    Xmm d = xheld(j, id) ? xr(j, id) : XMM0;
    return (xheld(j, b) && xr(j, b) == d) || (c != NOTY && xheld(j, c) && xr(j, c) == d) ? XMM0 : d;
}
/* id = a op b (scalar SSE) */
static int float_op(J *j, SseOp op, uint32_t id, uint32_t a, uint32_t b, int c) {
    Xmm d = float_result(j, id, b, NOTY);
    if (loadx(j, d, a, c) || sse_with(j, op, d, b, c)) return -1;
    if (d == XMM0) storex(j, id, XMM0, c);
    return 0;
}

static int bin_float(J *j, Ins *I, int c) {
    if (I->sub == 6) {                                       /* frem: the C library's fmod, as the interpreter */
        uint32_t k = 0;
        if (push_value(j, I->o[0], &k) || push_value(j, I->o[1], &k)) return -1;
        call_helper(j, c == C_F32 ? H_FMODF : H_FMOD);
        take_result(j, I->id, c);
        return 0;
    }
    static const SseOp op[5] = { SSE_ADD, SSE_SUB, SSE_MUL, 0, SSE_DIV };
    if (I->sub > 4 || I->sub == 3) return unsupported(j, "float binary operator");
    return float_op(j, op[I->sub], I->id, I->o[0], I->o[1], c);
}

/* one conversion through a helper: argument words of v, result into I */
static int convert_call(J *j, Ins *I, int h, int rc) {
    uint32_t k = 0;
    if (push_value(j, I->o[0], &k)) return -1;
    call_helper(j, h);
    take_result(j, I->id, rc);
    return 0;
}

static int cast(J *j, Ins *I) {
    uint32_t v = I->o[0];
    int from = klass(j, I->ty2), to = klass(j, I->ty);
    uint32_t fw = width(j, I->ty2), tw = width(j, I->ty);
    if (from == C_NONE || to == C_NONE) return unsupported(j, "cast of this type");
    switch (I->sub) {
    case 0: case 9: case 10: case 1:                         /* trunc, ptrtoint, inttoptr, zext */
        if (to == C_I32) {                                    /* straight into the result's register */
            Reg r = held(j, I->id) != NOREG ? held(j, I->id) : EAX;
            if (load(j, r, v, 0)) return -1;
            zext_reg(j, r, tw);
            if (r == EAX) store(j, I->id, EAX, 0);
            return 0;
        }
        if (load(j, EAX, v, 0)) return -1;
        store(j, I->id, EAX, 0);
        if (from == C_I64) { if (load(j, EAX, v, 1)) return -1; store(j, I->id, EAX, 1); }
        else { x86_mov_ri(&j->a, EAX, 0); store(j, I->id, EAX, 1); }
        return 0;
    case 2:                                                   /* sext */
        if (to == C_I32) {                                    /* straight into the result's register */
            Reg r = held(j, I->id) != NOREG ? held(j, I->id) : EAX;
            if (load(j, r, v, 0)) return -1;
            sext_reg(j, r, fw);
            zext_reg(j, r, tw);
            if (r == EAX) store(j, I->id, EAX, 0);
            return 0;
        }
        if (load(j, EAX, v, 0)) return -1;
        sext_reg(j, EAX, fw);
        if (to == C_I64) {
            store(j, I->id, EAX, 0);
            x86_cdq(&j->a);
            store(j, I->id, EDX, 1);
            return 0;
        }
        zext_reg(j, EAX, tw);
        store(j, I->id, EAX, 0);
        return 0;
    case 3: case 4: {                                         /* fptoui, fptosi */
        if (from != C_F32 && from != C_F64) return unsupported(j, "fptoi from a non-float");
        if (to == C_I64) {
            static const int h[2][2] = { { H_F2UL, H_F2SL }, { H_D2UL, H_D2SL } };
            return convert_call(j, I, h[from == C_F64][I->sub == 4], C_I64);
        }
        if (I->sub == 3 && tw == 32) return convert_call(j, I, from == C_F32 ? H_F2UI : H_D2UI, C_I32);
        if (loadx(j, XMM0, v, from)) return -1;
        x86_cvtts2si(&j->a, prec(from), EAX, XMM0);
        zext_reg(j, EAX, tw);
        store(j, I->id, EAX, 0);
        return 0;
    }
    case 5: case 6:                                           /* uitofp, sitofp */
        if (to != C_F32 && to != C_F64) return unsupported(j, "itofp to a non-float");
        if (from == C_I64) {
            static const int h[2][2] = { { H_UL2F, H_SL2F }, { H_UL2D, H_SL2D } };
            return convert_call(j, I, h[to == C_F64][I->sub == 6], to);
        }
        if (I->sub == 5 && fw == 32) return convert_call(j, I, to == C_F32 ? H_UI2F : H_UI2D, to);
        if (load(j, EAX, v, 0)) return -1;
        if (I->sub == 6) sext_reg(j, EAX, fw);
        x86_cvtsi2s(&j->a, prec(to), XMM0, EAX);
        storex(j, I->id, XMM0, to);
        return 0;
    case 7: case 8:                                           /* fptrunc, fpext */
        if ((from != C_F32 && from != C_F64) || (to != C_F32 && to != C_F64)) return unsupported(j, "fp cast");
        if (loadx(j, XMM0, v, from)) return -1;
        if (from != to) x86_cvts2s(&j->a, prec(from), XMM0, XMM0);
        storex(j, I->id, XMM0, to);
        return 0;
    case 11:                                                  /* bitcast: the same bits */
        if (words(from) != words(to)) return unsupported(j, "bitcast between sizes");
        if (from == C_I32 && to == C_I32 && held(j, I->id) != NOREG) return load(j, held(j, I->id), v, 0);
        for (uint32_t w = 0; w < words(to); w++) { if (load(j, EAX, v, (int)w)) return -1; store(j, I->id, EAX, (int)w); }
        return 0;
    }
    return unsupported(j, "cast");
}

/* A GEP as [base + var[0]*size[0] + var[1]*size[1] + offset]: a local or
 * constant base, at most two variable indices (32-bit locals), one of them
 * scaled by 1, 2, 4 or 8 (it goes in the SIB byte; the other is multiplied
 * into EAX), or one index of any size (multiplied into EDX: an array of
 * 6-byte structs). 1 and its parts, or 0 (another shape: gep_address computes it). */
typedef struct GepShape { uint32_t var[2], size[2], nvar; int32_t offset; } GepShape;
static int is_sib_scale(uint32_t size) { return size == 1 || size == 2 || size == 4 || size == 8; }
static int gep_shape(J *j, Ins *I, GepShape *g) {
    E *e = j->e;
    if (ty(j, I->ty)->k == TK_VEC) return 0;
    if (!is_local(j, I->o[0]) && !plain_number(j, I->o[0])) {      /* an address constant: must not fit an imm8 (its relocation is 32 bits) */
        uint32_t w;
        if (base_symbol(e, I->o[0], 0) == NOTY || constant_word(j, I->o[0], 0, &w) || (int32_t)w == (int8_t)w) return 0;
    }
    uint32_t t = I->ty2;
    g->nvar = 0; g->offset = 0;
    for (uint32_t k = 1; k < I->n; k++) {
        uint32_t idx = I->o[k], size;
        uint64_t x;
        if (k == 1) size = ty_size(e, t);
        else {
            Ty *y = ty(j, t);
            if (y->k == TK_ST) {
                if (is_local(j, idx) || const_scalar(e, idx, &x) || x >= y->w) return 0;
                ty_size(e, t);
                g->offset += (int32_t)y->offs[x];
                t = y->elts[x];
                continue;
            }
            if (y->k != TK_ARR && y->k != TK_VEC) return 0;
            t = y->elt;
            size = ty_size(e, t);
        }
        if (is_local(j, idx)) {
            if (g->nvar == 2 || klass(j, vty(j, idx)) != C_I32 || width(j, vty(j, idx)) != 32 || size > 0x7fffffff) return 0;
            g->var[g->nvar] = idx; g->size[g->nvar++] = size;
            continue;
        }
        if (const_scalar(e, idx, &x)) return 0;
        uint32_t iwd = width(j, vty(j, idx));
        int64_t sx = iwd >= 64 ? (int64_t)x : (int64_t)(x << (64 - iwd)) >> (64 - iwd);
        g->offset += (int32_t)((uint32_t)sx * size);
    }
    if (g->nvar == 2 && !is_sib_scale(g->size[1])) {           /* the SIB index goes last */
        uint32_t v = g->var[0], s0 = g->size[0];
        g->var[0] = g->var[1]; g->size[0] = g->size[1]; g->var[1] = v; g->size[1] = s0;
    }
    return g->nvar < 2 || is_sib_scale(g->size[1]);
}
/* Such a GEP as one memory operand: base + other index from the registers
 * they live in or in EAX (the other index multiplied, the base added), the
 * SIB index from its register or EDX. 0: another shape (nothing emitted). */
static int gep_mem(J *j, Ins *I, Mem *m) {
    GepShape g;
    if (!gep_shape(j, I, &g)) return 0;
    Reg base = held(j, I->o[0]), index = NOREG;
    uint32_t sib = g.nvar - 1;
    if (is_local(j, I->o[0]) && j->in_frame[I->o[0] - j->ir->base]) { base = EBP; g.offset += j->in_frame[I->o[0] - j->ir->base]; }
    if (g.nvar == 2) {                                          /* EAX = var[0] * size[0] + base */
        Reg r = held(j, g.var[0]);
        if (r == NOREG && load(j, r = EAX, g.var[0], 0)) return -1;
        if (g.size[0] != 1) x86_imul_rri(&j->a, EAX, r, (int32_t)g.size[0]);
        else if (r != EAX) x86_mov_rr(&j->a, EAX, r);
        if (base != NOREG) x86_alu_rr(&j->a, ALU_ADD, EAX, base);     /* EBP too: a frame alloca */
        else if (is_local(j, I->o[0])) x86_alu_rm(&j->a, ALU_ADD, EAX, slot(j, I->o[0], 0));
        else {
            uint32_t w;
            if (constant_word(j, I->o[0], 0, &w) < 0) return -1;
            if (w) { x86_alu_ri(&j->a, ALU_ADD, EAX, w); reloc_for(j, I->o[0], w); }
        }
        base = EAX;
    } else if (base == NOREG && load(j, base = EAX, I->o[0], 0)) return -1;
    if (g.nvar && (index = held(j, g.var[sib])) == NOREG && load(j, index = EDX, g.var[sib], 0)) return -1;
    if (g.nvar && !is_sib_scale(g.size[sib])) {                 /* EDX = var * size, scaled by 1 */
        x86_imul_rri(&j->a, EDX, index, (int32_t)g.size[sib]);
        index = EDX; g.size[sib] = 1;
    }
    *m = MX(base, index, g.nvar ? (uint8_t)g.size[sib] : 1, g.offset);
    return 1;
}

/* The address an instruction's pointer operand holds, as a memory operand
 * using only EAX, EDX and the registers values live in. A GEP whose one use
 * is this load or store was not emitted: its address is computed here. */
static int gep_address(J *j, Ins *I);
static int address_of(J *j, uint32_t p, Mem *m) {
    *m = M(EAX, 0);
    if (j->folded && j->folded->id == p) {
        Ins *G = j->folded;
        j->folded = 0;
        int r = gep_mem(j, G, m);
        return r ? (r < 0 ? -1 : 0) : gep_address(j, G);
    }
    if (held(j, p) != NOREG) { *m = M(held(j, p), 0); return 0; }
    if (is_local(j, p) && j->in_frame[p - j->ir->base]) { *m = M(EBP, j->in_frame[p - j->ir->base]); return 0; }
    return load(j, EAX, p, 0);
}
/* ... into EAX */
static int address(J *j, uint32_t p) {
    Mem m;
    if (address_of(j, p, &m)) return -1;
    if (m.base != EAX || m.index != NOREG || m.disp) x86_lea(&j->a, EAX, m);
    return 0;
}

static int load_ins(J *j, Ins *I) {
    int c = klass(j, I->ty);
    uint32_t w = width(j, I->ty);
    if (c == C_NONE) return unsupported(j, "load of this type");
    if (c == C_I32 && ty(j, I->ty)->k == TK_INT && w != 1 && w != 8 && w != 16 && w != 32) return unsupported(j, "load of an odd-width integer");
    Mem m, m4;
    if (address_of(j, I->o[0], &m)) return -1;
    m4 = m; m4.disp += 4;
    switch (c) {
    case C_I32: {
        Reg r = held(j, I->id) != NOREG ? held(j, I->id) : EAX;      /* straight into its register */
        if (w <= 8) x86_load8(&j->a, r, m, 0);
        else if (w == 16) x86_load16(&j->a, r, m, 0);
        else x86_mov_rm(&j->a, r, m);
        if (w == 1) zext_reg(j, r, 1);
        if (r == EAX) store(j, I->id, EAX, 0);
        return 0;
    }
    case C_I64:
        x86_mov_rm(&j->a, ECX, m); x86_mov_rm(&j->a, EDX, m4);
        store(j, I->id, ECX, 0); store(j, I->id, EDX, 1);
        return 0;
    default:
        if (xheld(j, I->id)) { x86_movs_rm(&j->a, prec(c), (Xmm)j->xreg[I->id - j->ir->base], m); return 0; }
        x86_movs_rm(&j->a, prec(c), XMM0, m);
        storex(j, I->id, XMM0, c);
        return 0;
    }
}

/* a constant vector of numbers (no addresses: they would need relocations) stored word by word */
static int store_constant_vector(J *j, Ins *I) {
    Ty *y = ty(j, I->ty2);
    uint32_t size = ty_size(j->e, I->ty2), elt = ty(j, y->elt)->k;
    uint8_t bytes[64];
    if (y->k != TK_VEC || (elt != TK_INT && elt != TK_FLT && elt != TK_DBL) || size > sizeof bytes || size % 4 || is_local(j, I->o[1]))
        return unsupported(j, "store of this type");
    if (const_bytes(j->e, I->o[1], bytes, size) || address(j, I->o[0])) return -1;
    for (uint32_t o = 0; o < size; o += 4) {
        uint32_t word = (uint32_t)bytes[o] | (uint32_t)bytes[o + 1] << 8 | (uint32_t)bytes[o + 2] << 16 | (uint32_t)bytes[o + 3] << 24;
        x86_mov_mi(&j->a, M(EAX, (int32_t)o), word);
    }
    return 0;
}

static int store_ins(J *j, Ins *I) {
    int c = klass(j, I->ty2);
    uint32_t w = width(j, I->ty2);
    if (c == C_NONE) return store_constant_vector(j, I);
    if (c == C_I32 && ty(j, I->ty2)->k == TK_INT && w != 1 && w != 8 && w != 16 && w != 32) return unsupported(j, "store of an odd-width integer");
    Mem m, m4;
    if (address_of(j, I->o[0], &m)) return -1;
    m4 = m; m4.disp += 4;
    if (xheld(j, I->o[1])) { x86_movs_mr(&j->a, prec(c), m, (Xmm)j->xreg[I->o[1] - j->ir->base]); return 0; }
    Reg scratch = m.base == EAX || m.index == EAX ? ECX : EAX;     /* not one the address uses */
    Reg r = c == C_I32 && w == 32 && held(j, I->o[1]) != NOREG ? held(j, I->o[1]) : scratch;
    if (r == scratch && load(j, scratch, I->o[1], 0)) return -1;
    if (c == C_I32 && w <= 8) x86_store8(&j->a, m, scratch);
    else if (c == C_I32 && w == 16) x86_store16(&j->a, m, scratch);
    else x86_mov_mr(&j->a, m, r);
    if (words(c) == 2) { if (load(j, scratch, I->o[1], 1)) return -1; x86_mov_mr(&j->a, m4, scratch); }
    return 0;
}

/* the address a GEP computes, into EAX */
static int gep_address(J *j, Ins *I) {
    E *e = j->e;
    if (ty(j, I->ty)->k == TK_VEC) return unsupported(j, "vector GEP");
    if (load(j, EAX, I->o[0], 0)) return -1;
    uint32_t t = I->ty2;
    int32_t offset = 0;
    for (uint32_t k = 1; k < I->n; k++) {
        uint32_t idx = I->o[k];
        uint32_t size;
        if (k == 1) size = ty_size(e, t);
        else {
            Ty *y = ty(j, t);
            if (y->k == TK_ST) {
                uint64_t x; if (const_scalar(e, idx, &x)) return -1;
                if (x >= y->w) return unsupported(j, "struct index out of range");
                ty_size(e, t);
                offset += (int32_t)y->offs[x];
                t = y->elts[x];
                continue;
            }
            if (y->k != TK_ARR && y->k != TK_VEC) return unsupported(j, "GEP into a non-aggregate");
            t = y->elt;
            size = ty_size(e, t);
        }
        if (!is_local(j, idx)) {
            uint64_t x; if (const_scalar(e, idx, &x)) return -1;
            uint32_t iwd = width(j, vty(j, idx));
            int64_t sx = iwd >= 64 ? (int64_t)x : (int64_t)(x << (64 - iwd)) >> (64 - iwd);
            offset += (int32_t)((uint32_t)sx * size);
            continue;
        }
        if (klass(j, vty(j, idx)) == C_NONE) return unsupported(j, "GEP index type");
        if (load(j, ECX, idx, 0)) return -1;
        sext_reg(j, ECX, width(j, vty(j, idx)));
        if (size == 1 || size == 2 || size == 4 || size == 8) x86_lea(&j->a, EAX, MX(EAX, ECX, (uint8_t)size, 0));
        else { x86_imul_rri(&j->a, ECX, ECX, (int32_t)size); x86_alu_rr(&j->a, ALU_ADD, EAX, ECX); }
    }
    if (offset) x86_lea(&j->a, EAX, M(EAX, offset));
    return 0;
}
static int gep(J *j, Ins *I) {
    Mem m;
    Reg r = held(j, I->id) != NOREG ? held(j, I->id) : EAX;
    int simple = gep_mem(j, I, &m);
    if (simple < 0) return -1;
    if (simple) x86_lea(&j->a, r, m);                     /* straight into its register */
    else if (gep_address(j, I)) return -1;
    if (!simple || r == EAX) store(j, I->id, EAX, 0);
    return 0;
}

/* a branch or select on compare C can recompute C's condition in the flags */
static int branch_takes_flags(J *j, Ins *C) {
    int c = klass(j, C->ty2);
    return !is_vector(j, C->ty) && (c == C_I32 || c == C_I64 || ((c == C_F32 || c == C_F64) && fcmp_in_flags(C->sub)));
}
/* select S can take its condition in the flags: a float or 32-bit-class
   integer select of local values (loading a constant would clobber the flags) */
static int flag_select(J *j, Ins *S) {
    int c = klass(j, S->ty);
    return (c == C_F32 || c == C_F64 || c == C_I32) && !is_vector(j, S->ty) && is_local(j, S->o[1]) && is_local(j, S->o[2]);
}
static int compare_flags(J *j, Ins *C, Cond *cc);

/* a float select as XMM moves: XMM0 = the false value, replaced by the true
   one when the condition holds (from the compare right before it, when that
   compare was left to it: flags_for_next) */
static int select_float(J *j, Ins *I, Ins *prev, int c) {
    Cond cc = CC_NE;
    int flags = prev && prev->op == I_CMP && prev->id == I->o[0] && j->uses[prev->id - j->ir->base] == 1 && branch_takes_flags(j, prev) && flag_select(j, I);
    /* x > y ? x : y is maxss x, y (and < minss), NaNs and signed zeros included: the
       second operand when the compare is false; the other way round the other one */
    uint32_t x = I->o[1], y = I->o[2];
    if (flags && (prev->sub == 2 || prev->sub == 4) && x != y && ((x == prev->o[0] && y == prev->o[1]) || (x == prev->o[1] && y == prev->o[0])))
        return float_op(j, (prev->sub == 2) == (x == prev->o[0]) ? SSE_MAX : SSE_MIN, I->id, x, y, c);
    if (flags) {
        if (compare_flags(j, prev, &cc) || loadx(j, XMM0, I->o[2], c) || loadx(j, XMM1, I->o[1], c)) return -1;
    } else {
        if (loadx(j, XMM0, I->o[2], c) || loadx(j, XMM1, I->o[1], c)) return -1;
        Reg r = is_local(j, I->o[0]) && j->reg[I->o[0] - j->ir->base] != NOREG ? (Reg)j->reg[I->o[0] - j->ir->base] : EAX;
        if (r == EAX && load(j, EAX, I->o[0], 0)) return -1;
        x86_test_rr(&j->a, r, r);
    }
    Fixup keep = x86_jcc(&j->a, (Cond)(cc ^ 1));
    x86_movs_rr(&j->a, prec(c), XMM0, XMM1);
    x86_patch(&j->a, keep, j->a.len);
    storex(j, I->id, XMM0, c);
    return 0;
}

static int select_ins(J *j, Ins *I, Ins *prev) {
    int c = klass(j, I->ty);
    if (c == C_NONE || klass(j, vty(j, I->o[0])) != C_I32) return unsupported(j, "select of this type");
    if (c == C_F32 || c == C_F64) return select_float(j, I, prev, c);
    if (prev && prev->op == I_CMP && prev->id == I->o[0] && j->uses[prev->id - j->ir->base] == 1 && branch_takes_flags(j, prev) && flag_select(j, I)) {
        /* the compare in the flags (flags_for_next left it here): false value, cmov the true one */
        Cond cc;
        if (compare_flags(j, prev, &cc) || load(j, EAX, I->o[2], 0)) return -1;   /* movs: the flags stay */
        Reg t = held(j, I->o[1]);
        if (t == NOREG && load(j, t = ECX, I->o[1], 0)) return -1;
        x86_cmov(&j->a, cc, EAX, t);
        store(j, I->id, EAX, 0);
        return 0;
    }
    for (uint32_t w = 0; w < words(c); w++) {
        if (load(j, EDX, I->o[0], 0) || load(j, EAX, I->o[1], (int)w) || load(j, ECX, I->o[2], (int)w)) return -1;
        x86_test_rr(&j->a, EDX, EDX);
        x86_cmov(&j->a, CC_E, EAX, ECX);
        store(j, I->id, EAX, (int)w);
    }
    return 0;
}

static int alloca_ins(J *j, Ins *I) {
    if (j->in_frame[I->id - j->ir->base]) {               /* its address, for the uses that read it as a value */
        x86_lea(&j->a, EAX, M(EBP, j->in_frame[I->id - j->ir->base]));
        store(j, I->id, EAX, 0);
        return 0;
    }
    uint32_t size = ty_size(j->e, I->ty2);
    uint32_t align = I->aux ? 1u << (I->aux - 1) : 4;
    if (align > 16) return unsupported(j, "alloca aligned above 16");
    /* count * size bytes, 16-aligned, below the outgoing arguments (which move down with ESP) */
    if (load(j, EAX, I->o[0], 0)) return -1;
    x86_imul_rri(&j->a, EAX, EAX, (int32_t)size);
    x86_alu_ri(&j->a, ALU_ADD, EAX, 15);
    x86_alu_ri(&j->a, ALU_AND, EAX, 0xfffffff0u);
    x86_alu_rr(&j->a, ALU_SUB, ESP, EAX);
    x86_lea(&j->a, EAX, M(ESP, (int32_t)j->out));
    store(j, I->id, EAX, 0);
    return 0;
}

static int is_named(E *e, uint32_t callee, const char *prefix) {
    if (e->v[callee].k != V_FN) return 0;
    Fn *f = &e->fn[e->v[callee].u.idx];
    uint32_t n = (uint32_t)strlen(prefix);
    return f->nlen >= n && !memcmp(f->name, prefix, n);
}

/* the name of an intrinsic past "llvm." */
static const char *intrinsic_name(E *e, uint32_t callee, uint32_t *len) {
    Fn *f = &e->fn[e->v[callee].u.idx];
    *len = f->nlen - 5;
    return f->name + 5;
}
static int starts(const char *n, uint32_t len, const char *p) { uint32_t k = (uint32_t)strlen(p); return len >= k && !memcmp(n, p, k); }

/* the result of a helper taking the words of `nargs` operands */
static int helper_call(J *j, Ins *I, int h, uint32_t nargs, int rc) {
    uint32_t k = 0;
    for (uint32_t i = 1; i <= nargs; i++) if (push_value(j, I->o[i], &k)) return -1;
    call_helper(j, h);
    take_result(j, I->id, rc);
    return 0;
}

/* 32-bit-class integer intrinsics (scalars, or a vector's current lane), and
 * integer vector reductions. 1 = not one of them. */
static int integer_intrinsic(J *j, Ins *I) {
    uint32_t len; const char *n = intrinsic_name(j->e, I->o[0], &len);
    if (starts(n, len, "vector.reduce.")) {
        uint32_t v = I->o[1], nl = lanes(j, vty(j, v));
        const char *op = n + 14; uint32_t ol = len - 14;
        int sg = starts(op, ol, "smax") || starts(op, ol, "smin");
        int mx = starts(op, ol, "smax") || starts(op, ol, "umax"), mn = starts(op, ol, "smin") || starts(op, ol, "umin");
        static const char *alus[] = { "add", "and", "or", "xor" };
        static const Alu alu_ops[] = { ALU_ADD, ALU_AND, ALU_OR, ALU_XOR };
        int a = -1;
        for (int q = 0; q < 4; q++) if (starts(op, ol, alus[q]) && op[strlen(alus[q])] == '.') a = q;
        int mul = starts(op, ol, "mul.");
        if (klass(j, vty(j, v)) != C_I32 || (a < 0 && !mul && !mx && !mn)) return 1;
        uint32_t w = width(j, vty(j, v));
        j->lane = 0;
        if (load(j, EAX, v, 0)) return -1;
        if (sg) sext_reg(j, EAX, w);
        for (j->lane = 1; j->lane < nl; j->lane++) {
            if (load(j, ECX, v, 0)) { j->lane = 0; return -1; }
            if (sg) sext_reg(j, ECX, w);
            if (a >= 0) x86_alu_rr(&j->a, alu_ops[a], EAX, ECX);
            else if (mul) x86_imul_rr(&j->a, EAX, ECX);
            else {
                x86_alu_rr(&j->a, ALU_CMP, EAX, ECX);
                x86_cmov(&j->a, mx ? (sg ? CC_L : CC_B) : (sg ? CC_G : CC_A), EAX, ECX);
            }
        }
        j->lane = 0;
        zext_reg(j, EAX, w);
        store(j, I->id, EAX, 0);
        return 0;
    }
    if (klass(j, I->ty) != C_I32 || ty(j, I->ty)->k == TK_PTR) return 1;
    uint32_t w = width(j, I->ty);
    int sg = starts(n, len, "smax") || starts(n, len, "smin");
    if (sg || starts(n, len, "umax") || starts(n, len, "umin")) {
        int mx = n[2] == 'a';
        if (load(j, EAX, I->o[1], 0) || load(j, ECX, I->o[2], 0)) return -1;
        if (sg) { sext_reg(j, EAX, w); sext_reg(j, ECX, w); }
        x86_alu_rr(&j->a, ALU_CMP, EAX, ECX);
        x86_cmov(&j->a, mx ? (sg ? CC_L : CC_B) : (sg ? CC_G : CC_A), EAX, ECX);
        zext_reg(j, EAX, w);
        store(j, I->id, EAX, 0);
        return 0;
    }
    if (starts(n, len, "abs.")) {
        if (load(j, EAX, I->o[1], 0)) return -1;
        sext_reg(j, EAX, w);
        x86_mov_rr(&j->a, EDX, EAX);
        x86_shift_ri(&j->a, SH_SAR, EDX, 31);
        x86_alu_rr(&j->a, ALU_XOR, EAX, EDX);
        x86_alu_rr(&j->a, ALU_SUB, EAX, EDX);
        zext_reg(j, EAX, w);
        store(j, I->id, EAX, 0);
        return 0;
    }
    if (starts(n, len, "ctpop.")) return helper_call(j, I, H_CTPOP, 1, C_I32);
    if (starts(n, len, "ctlz.")) {                           /* counted in 32 bits, less the bits above the width */
        if (helper_call(j, I, H_CTLZ, 1, C_I32)) return -1;
        if (w < 32) { if (load(j, EAX, I->id, 0)) return -1; x86_alu_ri(&j->a, ALU_SUB, EAX, 32 - w); store(j, I->id, EAX, 0); }
        return 0;
    }
    if (starts(n, len, "cttz.")) {                           /* a bit just above the width stops the count there */
        if (load(j, EAX, I->o[1], 0)) return -1;
        if (w < 32) x86_alu_ri(&j->a, ALU_OR, EAX, 1u << w);
        x86_mov_mr(&j->a, arg(0), EAX);
        call_helper(j, H_CTTZ);
        take_result(j, I->id, C_I32);
        return 0;
    }
    if (starts(n, len, "bswap.") && (w == 32 || w == 16)) return helper_call(j, I, w == 32 ? H_BSWAP32 : H_BSWAP16, 1, C_I32);
    if ((starts(n, len, "fshl.") || starts(n, len, "fshr.")) && w == 32) return helper_call(j, I, n[3] == 'l' ? H_FSHL : H_FSHR, 3, C_I32);
    return 1;
}

/* the FFI table's index of a native function, or -1 */
static int symbol(E *e, const char *name, uint32_t len) {
    for (int i = 0; i < e->cfg.nsyms; i++)
        if (strlen(e->cfg.syms[i].name) == len && !memcmp(e->cfg.syms[i].name, name, len)) return i;
    return -1;
}

/* float intrinsics: minnum/maxnum/copysign, and those the C library computes (floor, pow, fma, ...), as the interpreter calls them */
static int math_intrinsic(J *j, Ins *I) {
    uint32_t len; const char *n = intrinsic_name(j->e, I->o[0], &len);
    int c = klass(j, I->ty);
    if (c != C_F32 && c != C_F64) return 1;
    if (starts(n, len, "minnum.") || starts(n, len, "maxnum.")) {
        uint32_t a = I->o[1], b = I->o[2], k = 0; uint64_t x;
        if (!is_local(j, b) && !constant(j, b, &x) && !fp_bits_nan(x, c == C_F32)) { a = I->o[2]; b = I->o[1]; }   /* internal.h */
        if (push_value(j, a, &k) || push_value(j, b, &k)) return -1;
        call_helper(j, n[1] == 'i' ? (c == C_F32 ? H_MINF : H_MIND) : (c == C_F32 ? H_MAXF : H_MAXD));
        take_result(j, I->id, c);
        return 0;
    }
    if (starts(n, len, "copysign.")) {                       /* the magnitude's bits, the sign's sign bit */
        int hi = c == C_F64;
        for (int w = 0; w < (int)words(c); w++) { if (load(j, EAX, I->o[1], w)) return -1; store(j, I->id, EAX, w); }
        if (load(j, EAX, I->id, hi) || load(j, ECX, I->o[2], hi)) return -1;
        x86_alu_ri(&j->a, ALU_AND, EAX, 0x7fffffffu);
        x86_alu_ri(&j->a, ALU_AND, ECX, 0x80000000u);
        x86_alu_rr(&j->a, ALU_OR, EAX, ECX);
        store(j, I->id, EAX, hi);
        return 0;
    }
    static const char *const libm[] = { "floor", "ceil", "trunc", "round", "rint", "nearbyint", "exp2", "exp", "log10",
                                        "log2", "log", "pow", "sin", "cos", "fma", "roundeven", 0 };
    for (int q = 0; libm[q]; q++) {
        uint32_t ql = (uint32_t)strlen(libm[q]);
        if (len <= ql || memcmp(n, libm[q], ql) || n[ql] != '.') continue;
        char name[16];
        memcpy(name, libm[q], ql);
        if (c == C_F32) name[ql++] = 'f';
        int sym = symbol(j->e, name, ql);
        if (sym < 0) return 1;
        uint32_t k = 0;
        for (uint32_t i = 1; i < I->n; i++) if (push_value(j, I->o[i], &k)) return -1;
        if (4 * k > j->out) return unsupported(j, "internal: outgoing area too small");
        x86_mov_ri(&j->a, EAX, (uint32_t)(W)j->e->cfg.syms[sym].addr);
        reloc(j, RELOC_SYMBOL, (uint32_t)sym, 0);
        call_eax(j);
        take_result(j, I->id, c);
        return 0;
    }
    return 1;
}

/* llvm.* intrinsics compiled inline or through a helper; 1 = not handled */
/* an intrinsic that only informs the optimiser: no code */
static int marker_intrinsic(E *e, uint32_t callee) {
    return is_named(e, callee, "llvm.lifetime.") || is_named(e, callee, "llvm.dbg.") || is_named(e, callee, "llvm.experimental.noalias")
        || is_named(e, callee, "llvm.assume");
}
/* a float intrinsic compiled to SSE instructions alone (no general register but EAX) */
static int sse_intrinsic(E *e, uint32_t callee) {
    return is_named(e, callee, "llvm.fmuladd.") || is_named(e, callee, "llvm.fabs.") || is_named(e, callee, "llvm.sqrt.");
}
static int intrinsic(J *j, Ins *I) {
    E *e = j->e;
    uint32_t callee = I->o[0];
    if (marker_intrinsic(e, callee)) return 0;
    if (is_named(e, callee, "llvm.va_start")) {               /* the va_list points at the first variadic word */
        if (load(j, ECX, I->o[1], 0)) return -1;
        x86_lea(&j->a, EAX, M(EBP, j->varargs));
        x86_mov_mr(&j->a, M(ECX, 0), EAX);
        return 0;
    }
    if (is_named(e, callee, "llvm.va_copy")) {
        if (load(j, ECX, I->o[1], 0) || load(j, EAX, I->o[2], 0)) return -1;
        x86_mov_rm(&j->a, EAX, M(EAX, 0));
        x86_mov_mr(&j->a, M(ECX, 0), EAX);
        return 0;
    }
    if (is_named(e, callee, "llvm.va_end")) return 0;
    if (is_named(e, callee, "llvm.stacksave")) { x86_mov_rr(&j->a, EAX, ESP); store(j, I->id, EAX, 0); j->stacksave = 1; return 0; }
    if (is_named(e, callee, "llvm.stackrestore")) { if (load(j, EAX, I->o[1], 0)) return -1; x86_mov_rr(&j->a, ESP, EAX); return 0; }
    int copy = is_named(e, callee, "llvm.memcpy.p0i8.p0i8.i") ? H_MEMCPY : is_named(e, callee, "llvm.memmove.p0i8.p0i8.i") ? H_MEMMOVE
             : is_named(e, callee, "llvm.memset.p0i8.i") ? H_MEMSET : -1;
    if (copy >= 0) {                                         /* a 64-bit length passes its low word: size_t is 32 bits */
        for (uint32_t i = 1; i <= 3; i++) { if (load(j, EAX, I->o[i], 0)) return -1; x86_mov_mr(&j->a, arg(i - 1), EAX); }
        call_helper(j, copy);
        return 0;
    }
    if (is_named(e, callee, "llvm.fmuladd.")) {          /* a * b + c, rounded twice: what the interpreter does without FMA (sse_intrinsic) */
        int c = klass(j, I->ty);
        if (c != C_F32 && c != C_F64) return unsupported(j, "intrinsic");
        Xmm d = float_result(j, I->id, I->o[2], I->o[3]);
        if (loadx(j, d, I->o[1], c) || sse_with(j, SSE_MUL, d, I->o[2], c) || sse_with(j, SSE_ADD, d, I->o[3], c)) return -1;
        if (d == XMM0) storex(j, I->id, XMM0, c);
        return 0;
    }
    if (is_named(e, callee, "llvm.fabs.") || is_named(e, callee, "llvm.sqrt.")) {
        int c = klass(j, I->ty);
        if (c != C_F32 && c != C_F64) return unsupported(j, "intrinsic");
        if (loadx(j, XMM0, I->o[1], c)) return -1;
        if (is_named(e, callee, "llvm.sqrt.")) x86_sse_rr(&j->a, prec(c), SSE_SQRT, XMM0, XMM0);
        else {                                               /* clear the sign bit */
            storex(j, I->id, XMM0, c);
            sync_slot(j, I->id);
            x86_alu_mi(&j->a, ALU_AND, place(j, I->id, c == C_F64 ? 1 : 0), 0x7fffffff);
            sync_reg(j, I->id);
            return 0;
        }
        storex(j, I->id, XMM0, c);
        return 0;
    }
    int r = integer_intrinsic(j, I);
    if (r <= 0) return r;
    r = math_intrinsic(j, I);
    if (r <= 0) return r;
    Fn *in = &e->fn[e->v[callee].u.idx];
    if (!j->why.what) { j->why.name = in->name; j->why.nlen = in->nlen; }
    return unsupported(j, "intrinsic");
}

/* C_F32 or C_F64 when I calls the C library's sqrtf or sqrt (a declaration the platform
   resolves, its result used), else C_NONE */
static int library_sqrt(J *j, Ins *I) {
    E *e = j->e;
    uint32_t callee = I->o[0];
    if (I->id == NOTY || I->n != 2 || e->v[callee].k != V_FN || !e->fn[e->v[callee].u.idx].isdecl) return C_NONE;
    Fn *f = &e->fn[e->v[callee].u.idx];
    int c = klass(j, I->ty);
    if (is_vector(j, I->ty) || klass(j, vty(j, I->o[1])) != c) return C_NONE;
    if (c == C_F32 && f->nlen == 5 && !memcmp(f->name, "sqrtf", 5)) return C_F32;
    if (c == C_F64 && f->nlen == 4 && !memcmp(f->name, "sqrt", 4)) return C_F64;
    return C_NONE;
}
/* For x >= 0 (and +inf) sqrtf(x) and sqrt(x) are the correctly rounded square root, what
   sqrtss/sqrtsd compute: inline. Below 0 and for NaN, where the library may set errno, the
   call follows (call() emits it; the returned fixup is where it starts). */
static int inline_sqrt(J *j, Ins *I, int c, Fixup *slow) {
    uint32_t x = I->o[1];
    Xmm d = xheld(j, I->id) ? xr(j, I->id) : XMM0, in = xheld(j, x) ? xr(j, x) : XMM1;
    if (in == XMM1 && loadx(j, XMM1, x, c)) return -1;
    x86_logic_ps(&j->a, PS_XOR, XMM0, XMM0);
    x86_ucomis_rr(&j->a, prec(c), in, XMM0);
    *slow = x86_jcc(&j->a, CC_B);                            /* below 0, or unordered */
    x86_sse_rr(&j->a, prec(c), SSE_SQRT, d, in);
    if (d == XMM0) storex(j, I->id, XMM0, c);
    return 0;
}

static int call(J *j, Ins *I) {
    E *e = j->e;
    Ty *ft = ty(j, I->ty2);
    uint32_t callee = I->o[0];
    if (e->v[callee].k == V_FN && e->fn[e->v[callee].u.idx].intr) return intrinsic(j, I);
    int sqrt_class = library_sqrt(j, I);
    Fixup slow = 0, done = 0;
    if (sqrt_class) {
        if (inline_sqrt(j, I, sqrt_class, &slow)) return -1;
        done = x86_jmp(&j->a);
        x86_patch(&j->a, slow, j->a.len);
    }
    if (is_vector(j, ft->elt)) return unsupported(j, "call returning a vector");
    int rc = ty(j, ft->elt)->k == TK_VOID ? C_NONE : klass(j, ft->elt);
    if (rc == C_NONE && ty(j, ft->elt)->k != TK_VOID) return unsupported(j, "call returning this type");
    uint32_t k = 0;
    for (uint32_t i = 1; i < I->n; i++) {
        uint32_t v = I->o[i], bt;
        if (v == 0xffffffff) return unsupported(j, "metadata argument");
        if (attr_has(e, I->aux, i, ATTR_BYVAL, &bt) && bt < e->nty) {     /* byval, fixed or variadic: the bytes themselves (va_arg reads them in place) */
            uint32_t size = (ty_size(e, bt) + 3) & ~3u;
            if (load(j, ECX, v, 0)) return -1;
            for (uint32_t o = 0; o < size; o += 4) {
                x86_mov_rm(&j->a, EAX, M(ECX, (int32_t)o));
                x86_mov_mr(&j->a, arg(k++), EAX);
            }
            continue;
        }
        if (klass(j, vty(j, v)) == C_NONE || is_vector(j, vty(j, v))) return unsupported(j, "call argument of this type");
        if (i - 1 < ft->w && attr_has(e, I->aux, i, ATTR_SIGNEXT, 0)) {
            if (load(j, EAX, v, 0)) return -1;
            sext_reg(j, EAX, width(j, vty(j, v)));
            x86_mov_mr(&j->a, arg(k++), EAX);
            continue;
        }
        if (push_value(j, v, &k)) return -1;
    }
    if (4 * k > j->out) return unsupported(j, "internal: outgoing area too small");
    if (e->v[callee].k == V_FN && e->fn[e->v[callee].u.idx].isdecl && !e->fn[e->v[callee].u.idx].native) {
        Fn *d = &e->fn[e->v[callee].u.idx];
        if (sj_kind(d->name, d->nlen))      /* the engine's own: the jump buffer records an interpreted frame */
            return unsupported(j, "calls setjmp or longjmp (they run on the interpreter's frames)");
        return unsupported(j, "call of an unresolved external (the interpreter reports it)");
    }
    if (load(j, EAX, callee, 0)) return -1;       /* a function's pointer value: its trampoline or native symbol */
    /* a native callee returning a struct pops its hidden pointer (ret 4), compiled and
       interpreted ones do not: ESP is put back as it was whichever it is */
    int sret = I->n > 1 && attr_has(e, I->aux, 1, ATTR_SRET, 0);
    if (sret) x86_mov_mr(&j->a, M(EBP, j->scratch), ESP);
    call_eax(j);
    if (sret) x86_mov_rm(&j->a, ESP, M(EBP, j->scratch));
    if (rc != C_NONE && I->id != 0xffffffff) take_result(j, I->id, rc);
    else if (rc == C_F32 || rc == C_F64) x86_fstp_m(&j->a, prec(rc), M(EBP, j->scratch));   /* pop an unused ST0 */
    if (sqrt_class) x86_patch(&j->a, done, j->a.len);
    return 0;
}

static int ret(J *j, Ins *I) {
    if (I->n) {
        uint32_t v = I->o[0];
        int c = klass(j, vty(j, v));
        if (c == C_NONE || is_vector(j, vty(j, v))) return unsupported(j, "return of this type");
        if (c == C_F32 || c == C_F64) {
            if (is_local(j, v)) { sync_slot(j, v); x86_fld_m(&j->a, prec(c), slot(j, v, 0)); }
            else {
                if (load(j, EAX, v, 0)) return -1;
                x86_mov_mr(&j->a, M(EBP, j->scratch), EAX);
                if (c == C_F64) { if (load(j, EAX, v, 1)) return -1; x86_mov_mr(&j->a, M(EBP, j->scratch + 4), EAX); }
                x86_fld_m(&j->a, prec(c), M(EBP, j->scratch));
            }
        } else {
            if (load(j, EAX, v, 0)) return -1;
            if (c == C_I64 && load(j, EDX, v, 1)) return -1;
            if (c == C_I32 && attr_has(j->e, j->f->attr, 0, ATTR_SIGNEXT, 0)) sext_reg(j, EAX, width(j, vty(j, v)));
        }
    }
    x86_lea(&j->a, ESP, M(EBP, -12));
    x86_pop_r(&j->a, EDI); x86_pop_r(&j->a, ESI); x86_pop_r(&j->a, EBX); x86_pop_r(&j->a, EBP);
    x86_ret(&j->a);
    return 0;
}

typedef struct Case { uint32_t value, block; } Case;
/* A binary search of r among the cases c[0..n) (sorted by value): compare
 * with the middle one, equal jumps to its block, above searches the upper
 * half, else the lower. What matches none jumps to the default's code (a
 * fixup in miss[]), but for the last range, which falls through to it. */
static int switch_search(J *j, uint32_t bb, Reg r, const Case *c, uint32_t n, Fixup *miss, uint32_t *nmiss, int falls_through) {
    while (n > 3) {
        uint32_t mid = n / 2;
        x86_alu_ri(&j->a, ALU_CMP, r, c[mid].value);
        if (jump_if(j, bb, CC_E, c[mid].block)) return -1;
        Fixup upper = x86_jcc(&j->a, CC_A);
        if (switch_search(j, bb, r, c, mid, miss, nmiss, 0)) return -1;
        x86_patch(&j->a, upper, j->a.len);
        c += mid + 1; n -= mid + 1;
    }
    for (uint32_t i = 0; i < n; i++) {
        x86_alu_ri(&j->a, ALU_CMP, r, c[i].value);
        if (jump_if(j, bb, CC_E, c[i].block)) return -1;
    }
    if (!falls_through) miss[(*nmiss)++] = x86_jmp(&j->a);
    return 0;
}

/* a 32-bit switch: its value in a register (its own, or EAX) for the whole search */
static int switch_i32(J *j, uint32_t bb, Ins *I) {
    uint32_t n = (I->n - 2) / 2, nmiss = 0, w = width(j, I->ty2), mask = w < 32 ? (1u << w) - 1 : ~0u;
    Case *c = ealloc(j->e, sizeof(Case) * (n + 1));
    Fixup *miss = ealloc(j->e, sizeof(Fixup) * (n + 1));
    int r = c && miss ? 0 : -1;
    for (uint32_t i = 0; r == 0 && i < n; i++) {
        uint64_t x;
        if (const_scalar(j->e, I->o[2 + 2 * i], &x)) { r = -1; break; }
        Case k = { (uint32_t)x & mask, I->o[3 + 2 * i] };
        uint32_t at = i;
        for (; at > 0 && c[at - 1].value > k.value; at--) c[at] = c[at - 1];
        c[at] = k;
    }
    Reg v = held(j, I->o[0]);
    if (r == 0 && v == NOREG && load(j, v = EAX, I->o[0], 0)) r = -1;
    if (r == 0) r = switch_search(j, bb, v, c, n, miss, &nmiss, 1);
    for (uint32_t i = 0; r == 0 && i < nmiss; i++) x86_patch(&j->a, miss[i], j->a.len);
    efree(j->e, c); efree(j->e, miss);
    return r ? r : leave_block(j, bb, I->o[1]);
}

static int switch_ins(J *j, uint32_t bb, Ins *I) {
    int c = klass(j, I->ty2);
    if (c == C_I32) return switch_i32(j, bb, I);
    if (c != C_I64) return unsupported(j, "switch on this type");
    uint32_t n = (I->n - 2) / 2;
    for (uint32_t i = 0; i < n; i++) {                         /* i64: word by word, case by case */
        uint64_t x; if (const_scalar(j->e, I->o[2 + 2 * i], &x)) return -1;
        if (load(j, EAX, I->o[0], 0)) return -1;
        x86_alu_ri(&j->a, ALU_CMP, EAX, (uint32_t)x);
        Fixup differ = x86_jcc(&j->a, CC_NE);
        if (load(j, EAX, I->o[0], 1)) return -1;
        x86_alu_ri(&j->a, ALU_CMP, EAX, (uint32_t)(x >> 32));
        Fixup next = x86_jcc(&j->a, CC_NE);
        if (goto_block(j, bb, I->o[3 + 2 * i])) return -1;
        x86_patch(&j->a, differ, j->a.len);
        x86_patch(&j->a, next, j->a.len);
    }
    return leave_block(j, bb, I->o[1]);
}

/* indirectbr: the address is a blockaddress as module.c encodes it for the
   interpreter, (function index + 1) << 16 | (block + 1), so an address an
   interpreted activation took is good in compiled code (OSR) and back. It
   jumps into a table of `jmp rel32`, one per block of the function, found
   position-independently (call/pop: no relocation): a listed block's entry
   goes to it (through its edge's phi moves), any other to the interpreter's
   error. */
static int indirect_branch(J *j, uint32_t bb, Ins *I) {
    uint32_t nbb = j->ir->nbb, listed = I->n - 1;
    Fixup bad[2];
    if (load(j, EAX, I->o[0], 0)) return -1;
    x86_mov_rr(&j->a, ECX, EAX);
    x86_shift_ri(&j->a, SH_SHR, ECX, 16);
    x86_alu_ri(&j->a, ALU_CMP, ECX, j->f->idx + 1);
    bad[0] = x86_jcc(&j->a, CC_NE);
    x86_ext16(&j->a, EAX, EAX, 0);
    x86_alu_ri(&j->a, ALU_SUB, EAX, 1);
    x86_alu_ri(&j->a, ALU_CMP, EAX, nbb);
    bad[1] = x86_jcc(&j->a, CC_AE);                      /* 0 (no block) wraps round too */
    x86_lea(&j->a, EAX, MX(EAX, EAX, 4, 0));             /* 5 bytes per entry */
    x86_byte(&j->a, 0xe8); x86_imm32(&j->a, 0);          /* call the next instruction: EDX = its address */
    uint32_t here = j->a.len;
    x86_pop_r(&j->a, EDX);
    x86_lea(&j->a, EDX, MX(EDX, EAX, 1, 0x10000));       /* a 32-bit displacement, patched to the table's offset */
    uint32_t disp = j->a.last_imm;
    x86_jmp_r(&j->a, EDX);
    uint32_t table = j->a.len, rel = table - here;
    if (!j->a.oom) for (int i = 0; i < 4; i++) j->a.code[disp + i] = (uint8_t)(rel >> (8 * i));
    Fixup *entry = ealloc(j->e, 4 * nbb + 4);
    uint8_t *is_listed = ealloc(j->e, nbb + 1);
    if (!entry || !is_listed) { efree(j->e, entry); return -1; }
    memset(is_listed, 0, nbb);
    for (uint32_t k = 0; k < listed; k++) if (I->o[1 + k] < nbb) is_listed[I->o[1 + k]] = 1;
    for (uint32_t b = 0; b < nbb; b++) entry[b] = x86_jmp(&j->a);
    int r = 0;
    for (uint32_t b = 0; b < nbb && !r; b++) {
        if (!is_listed[b]) continue;
        if (!has_phis(j, b)) { jump_to(j, entry[b], b); entry[b] = NOTY; continue; }
        x86_patch(&j->a, entry[b], j->a.len);
        entry[b] = NOTY;
        r = goto_block(j, bb, b);
    }
    if (!r) {                                            /* the rest: the error, as the interpreter's */
        uint32_t error = j->a.len;
        x86_patch(&j->a, bad[0], error); x86_patch(&j->a, bad[1], error);
        for (uint32_t b = 0; b < nbb; b++) if (entry[b] != NOTY) x86_patch(&j->a, entry[b], error);
        x86_mov_ri(&j->a, EAX, (uint32_t)(W)j->f);
        reloc(j, RELOC_FN_RECORD, j->f->idx, 0);
        x86_mov_mr(&j->a, arg(0), EAX);
        call_helper(j, H_BAD_INDIRECTBR);
    }
    efree(j->e, entry); efree(j->e, is_listed);
    return r;
}

/* compare C's condition in the flags (branch_takes_flags(C)) */
static int compare_flags(J *j, Ins *C, Cond *cc) {
    int c = klass(j, C->ty2);
    if (c == C_F32 || c == C_F64) return fcmp_flags(j, C->sub, C->o[0], C->o[1], c, cc);
    return icmp_flags(j, C->sub, C->o[0], C->o[1], C->ty2, cc);
}

/* instruction i of block bb is `and i1 A, B`, A and B the two compares right
   before it and the branch right after it their and its only use (the
   vectoriser's memchecks): the branch jumps on each compare's flags */
static int branch_on_and(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i], *A = I - 1, *B = I - 2;
    if (I->op != I_BIN || I->sub != 10 || is_vector(j, I->ty) || width(j, I->ty) != 1 || i < j->ir->bb[bb] + 2 || i + 1 >= j->ir->bb[bb + 1]) return 0;
    if (I[1].op != I_BR || I[1].n != 3 || I[1].o[2] != I->id || j->uses[I->id - j->ir->base] != 1) return 0;
    if (!((I->o[0] == A->id && I->o[1] == B->id) || (I->o[0] == B->id && I->o[1] == A->id))) return 0;
    return A->op == I_CMP && B->op == I_CMP && branch_takes_flags(j, A) && branch_takes_flags(j, B)
        && j->uses[A->id - j->ir->base] == 1 && j->uses[B->id - j->ir->base] == 1;
}
/* ... its code: either compare false goes to the false target */
static int branch_and(J *j, uint32_t bb, Ins *I, Ins *and) {
    Cond first, second;
    if (compare_flags(j, and - 2, &first)) return -1;
    Fixup no1 = x86_jcc(&j->a, (Cond)(first ^ 1));
    if (compare_flags(j, and - 1, &second)) return -1;
    Fixup no2 = x86_jcc(&j->a, (Cond)(second ^ 1));
    if (goto_block(j, bb, I->o[0])) return -1;
    x86_patch(&j->a, no1, j->a.len);
    x86_patch(&j->a, no2, j->a.len);
    return leave_block(j, bb, I->o[1]);
}

/* instruction i of block bb is a logical and of two i1 locals, `and i1 a, b` or `select i1 a,
   i1 b, i1 false` (what `x && y` becomes: mandelbrot's `i < 50 && tr + ti <= 4.0`), whose only
   use is the conditional branch right after it, and not branch_on_and's shape: the branch tests
   a, then b, and the and is no code */
static int branch_on_both(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i];
    uint64_t x;
    if (I->id == NOTY || !is_local(j, I->id) || is_vector(j, I->ty) || width(j, I->ty) != 1 || i + 1 >= j->ir->bb[bb + 1]) return 0;
    if (I[1].op != I_BR || I[1].n != 3 || I[1].o[2] != I->id || j->uses[I->id - j->ir->base] != 1) return 0;
    if (!is_local(j, I->o[0]) || !is_local(j, I->o[1]) || is_vector(j, vty(j, I->o[0])) || is_vector(j, vty(j, I->o[1]))) return 0;
    if (I->op == I_SEL) return !is_local(j, I->o[2]) && (j->e->v[I->o[2]].k == V_CINT || j->e->v[I->o[2]].k == V_CNULL)
        && const_scalar(j->e, I->o[2], &x) == 0 && (x & 1) == 0;
    return I->op == I_BIN && I->sub == 10 && !branch_on_and(j, bb, i);
}
/* ... its code: a false operand (an i1 is kept zero-extended) goes to the false target */
static int branch_both(J *j, uint32_t bb, Ins *I, Ins *both) {
    Fixup no[2];
    for (int k = 0; k < 2; k++) {
        Reg r = held(j, both->o[k]);
        if (r != NOREG) x86_test_rr(&j->a, r, r);
        else x86_alu_mi(&j->a, ALU_CMP, slot(j, both->o[k], 0), 0);
        no[k] = x86_jcc(&j->a, CC_E);
    }
    if (goto_block(j, bb, I->o[0])) return -1;
    x86_patch(&j->a, no[0], j->a.len);
    x86_patch(&j->a, no[1], j->a.len);
    return leave_block(j, bb, I->o[1]);
}

static int br(J *j, uint32_t bb, Ins *I, Ins *prev) {
    if (I->n == 1) return leave_block(j, bb, I->o[0]);
    uint32_t t = I->o[0], f = I->o[1], c = I->o[2];
    Cond cc = CC_NE;
    if (prev && branch_on_and(j, bb, (uint32_t)(prev - j->ir->ins))) return branch_and(j, bb, I, prev);
    if (prev && branch_on_both(j, bb, (uint32_t)(prev - j->ir->ins))) return branch_both(j, bb, I, prev);
    /* compare + branch: the compare's flags decide (its 0/1 result is stored
       too, unless the branch is its only use: flags_for_next) */
    if (prev && prev->op == I_CMP && prev->id == c && branch_takes_flags(j, prev)) {
        if (compare_flags(j, prev, &cc)) return -1;
    } else if (held(j, c) != NOREG) x86_test_rr(&j->a, held(j, c), held(j, c));
    else if (is_local(j, c)) x86_alu_mi(&j->a, ALU_CMP, slot(j, c, 0), 0);      /* an i1 is kept zero-extended */
    else {
        if (load(j, EAX, c, 0)) return -1;
        x86_test_rr(&j->a, EAX, EAX);
    }
    return branch(j, bb, cc, t, f);
}

static int cmp(J *j, Ins *I) {
    int c = klass(j, I->ty2);
    if (c == C_NONE) return unsupported(j, "compare of this type");
    if (c == C_F32 || c == C_F64) { if (fcmp(j, I->sub, I->o[0], I->o[1], c)) return -1; }
    else {
        Cond cc;
        if (icmp_flags(j, I->sub, I->o[0], I->o[1], I->ty2, &cc)) return -1;
        x86_setcc(&j->a, cc, EAX);
        x86_ext8(&j->a, EAX, EAX, 0);
    }
    store(j, I->id, EAX, 0);
    return 0;
}

/* ---- fused loops (patterns.h) -------------------------------------------- */
/* input v of a fused loop into r, once EBX, ESI, EDI were pushed (in that
   order): a value they hold is read from where it was saved */
static int loop_input(J *j, Reg r, uint32_t v) {
    if (v == NOTY) { x86_mov_ri(&j->a, r, 0); return 0; }
    Reg held = is_local(j, v) ? (Reg)j->reg[v - j->ir->base] : NOREG;
    if (held == NOREG) return load(j, r, v, 0);     /* (never in ECX or EDX: the loop writes them, keeping the values it reads out of them) */
    x86_mov_rm(&j->a, r, M(ESP, held == EBX ? 8 : held == ESI ? 4 : 0));
    return 0;
}

/* The counter a dot-product loop's exit test reads goes in step with its
 * index: the same phi, or one stepped by as much from the same value on
 * every edge into the loop (LLVM's unroller counts iterations apart from
 * the index, both from 0) */
static int counter_is_index(J *j, const DotLoop *d) {
    if (d->n == d->x) return 1;
    if (d->step != d->unroll) return 0;
    FnIR *ir = j->ir;
    const Ins *X = 0, *N = 0;
    for (uint32_t i = ir->bb[d->bb]; i < ir->bb[d->bb + 1] && ir->ins[i].op == I_PHI; i++) {
        if (ir->ins[i].id == d->x) X = &ir->ins[i];
        if (ir->ins[i].id == d->n) N = &ir->ins[i];
    }
    if (!X || !N) return 0;
    for (uint32_t k = 0; k + 1 < X->n; k += 2) {
        if (X->o[k + 1] == d->bb) continue;
        uint32_t from = NOTY;
        for (uint32_t q = 0; q + 1 < N->n; q += 2) if (N->o[q + 1] == X->o[k + 1]) from = N->o[q];
        uint64_t a, b;
        if (from == X->o[k]) continue;
        if (from == NOTY || is_local(j, from) || is_local(j, X->o[k]) || j->e->v[from].k != V_CINT || j->e->v[X->o[k]].k != V_CINT
            || const_scalar(j->e, from, &a) || const_scalar(j->e, X->o[k], &b) || a != b) return 0;
    }
    return 1;
}

/* A dot-product loop as one tight SSE loop, the sum in XMM0:
 *     ESI = a + off * size, EDI = b, ECX = x, EDX = n, EBX = end
 *   top: (movs xmm1, [esi + ecx*size + k*size]; mul xmm1, [edi + ...]; add xmm0, xmm1) per k
 *        add ecx, unroll; add edx, step; cmp edx, ebx; jcc top
 * (ECX alone when n goes in step with x: counter_is_index).
 * EBX, ESI and EDI may hold other values: saved around the loop (and the
 * inputs they hold read from the saved copies: loop_input). */
static int dot_loop(J *j, const DotLoop *d) {
    X86 *a = &j->a;
    int c = d->dbl ? C_F64 : C_F32;
    Prec p = prec(c);
    uint8_t size = d->dbl ? 8 : 4;
    if (loadx(j, XMM0, d->acc[0], c)) return -1;
    x86_push_r(a, EBX); x86_push_r(a, ESI); x86_push_r(a, EDI);
    int one_counter = counter_is_index(j, d);                 /* ECX counts for EDX too */
    const uint32_t in[6] = { d->a, d->off, d->b, d->x, d->n, d->end };
    static const Reg to[6] = { ESI, EAX, EDI, ECX, EDX, EBX };
    for (int i = 0; i < 6; i++)
        if ((i != 1 || d->off != NOTY) && (i != 4 || !one_counter) && loop_input(j, to[i], in[i])) return -1;
    if (d->off != NOTY) x86_lea(a, ESI, MX(ESI, EAX, size, 0));
    uint32_t top = a->label = a->len;
    for (uint32_t k = 0; k < d->unroll; k++) {
        x86_movs_rm(a, p, XMM1, MX(ESI, ECX, size, (int32_t)(k * size)));
        x86_sse_rm(a, p, SSE_MUL, XMM1, MX(EDI, ECX, size, (int32_t)(k * size)));
        x86_sse_rr(a, p, SSE_ADD, XMM0, XMM1);
    }
    x86_alu_ri(a, ALU_ADD, ECX, d->unroll);
    if (!one_counter) x86_alu_ri(a, ALU_ADD, EDX, d->step);
    x86_alu_rr(a, ALU_CMP, one_counter ? ECX : EDX, EBX);
    x86_jcc_to(a, d->leave_if_equal ? CC_NE : CC_E, top);
    j->fused++;
    x86_mov_rr(a, EAX, ECX);
    x86_pop_r(a, EDI); x86_pop_r(a, ESI); x86_pop_r(a, EBX);
    store(j, d->x_next, EAX, 0);
    if (d->n_next != d->x_next) store(j, d->n_next, one_counter ? EAX : EDX, 0);
    storex(j, d->acc_next[0], XMM0, c);
    return leave_block(j, d->bb, d->exit);
}

/* ---- vectors: lanes packed in the slot as in memory ------------------------ */
static void copy_bytes(J *j, Mem dst, Mem src, uint32_t size) {
    uint32_t o = 0;
    for (; o + 16 <= size; o += 16) {
        Mem s2 = src, d2 = dst; s2.disp += (int32_t)o; d2.disp += (int32_t)o;
        x86_movups_rm(&j->a, XMM0, s2); x86_movups_mr(&j->a, d2, XMM0);
    }
    for (; o < size; ) {
        Mem s2 = src, d2 = dst; s2.disp += (int32_t)o; d2.disp += (int32_t)o;
        uint32_t n = size - o >= 4 ? 4 : size - o >= 2 ? 2 : 1;
        if (n == 4) { x86_mov_rm(&j->a, ECX, s2); x86_mov_mr(&j->a, d2, ECX); }
        else if (n == 2) { x86_load16(&j->a, ECX, s2, 0); x86_store16(&j->a, d2, ECX); }
        else { x86_load8(&j->a, ECX, s2, 0); x86_store8(&j->a, d2, ECX); }
        o += n;
    }
}
/* vector v (a local or a constant) into the vector memory at dst */
static int copy_vector(J *j, Mem dst, uint32_t v) {
    uint32_t t = vty(j, v), size = ty_size(j->e, t);
    if (is_local(j, v)) { copy_bytes(j, dst, slot(j, v, 0), size); return 0; }
    if (is_aggregate(j, t)) {                                /* a constant aggregate of numbers: its bytes */
        uint8_t bytes[64];
        if (size > sizeof bytes || const_bytes(j->e, v, bytes, size)) return unsupported(j, "aggregate constant");
        for (uint32_t o = 0; o < size; o += 4) {
            uint32_t word = 0;
            for (uint32_t b = 0; b < 4 && o + b < size; b++) word |= (uint32_t)bytes[o + b] << (8 * b);
            Mem d = dst; d.disp += (int32_t)o;
            if (size - o >= 4) x86_mov_mi(&j->a, d, word);
            else for (uint32_t b = 0; o + b < size; b++) { Mem d1 = d; d1.disp += (int32_t)b; x86_mov8_mi(&j->a, d1, (uint8_t)(word >> (8 * b))); }
        }
        return 0;
    }
    uint32_t lb = lane_bytes(j, t);
    uint32_t saved = j->lane;
    for (j->lane = 0; j->lane < lanes(j, t); j->lane++)
        for (uint32_t w = 0; w < (lb + 3) / 4; w++) {
            Mem d = dst; d.disp += (int32_t)(j->lane * lb + 4 * w);
            uint64_t x;
            if (lb >= 4 && !is_local(j, v) && constant(j, v, &x) == 0 && (uint32_t)(w ? x >> 32 : x) == 0) { x86_mov_mi(&j->a, d, 0); continue; }
            if (load(j, EAX, v, (int)w)) return -1;
            if (lb == 1) x86_store8(&j->a, d, EAX); else if (lb == 2) x86_store16(&j->a, d, EAX); else x86_mov_mr(&j->a, d, EAX);
        }
    j->lane = saved;
    return 0;
}

/* element `index` (a constant or a local) of vector `vec`: its address in EDX */
static int lane_address(J *j, uint32_t vec, uint32_t index) {
    uint32_t lb = lane_bytes(j, vty(j, vec));
    x86_lea(&j->a, EDX, slot(j, vec, 0));
    if (!is_local(j, index)) {
        uint64_t x; if (const_scalar(j->e, index, &x)) return -1;
        if (x >= lanes(j, vty(j, vec))) return unsupported(j, "vector index out of range");
        if (x) x86_lea(&j->a, EDX, M(EDX, (int32_t)(x * lb)));
        return 0;
    }
    if (load(j, ECX, index, 0)) return -1;
    x86_alu_ri(&j->a, ALU_AND, ECX, lanes(j, vty(j, vec)) - 1 < 0xffffu ? (uint32_t)(lanes(j, vty(j, vec)) * 2 - 1) : 0xffffu);
    if (lb == 1 || lb == 2 || lb == 4 || lb == 8) x86_lea(&j->a, EDX, MX(EDX, ECX, (uint8_t)lb, 0));
    else return unsupported(j, "vector lane size");
    return 0;
}

static int extract_element(J *j, Ins *I) {
    uint32_t vec = I->o[0], lb = lane_bytes(j, vty(j, vec));
    if (!is_local(j, vec)) {                                 /* a constant vector: its lane as a constant */
        if (is_local(j, I->o[1])) return unsupported(j, "variable index into a constant vector");
        uint64_t x; if (const_scalar(j->e, I->o[1], &x)) return -1;
        j->lane = (uint32_t)x;
        for (uint32_t w = 0; w < words(klass(j, I->ty)); w++) { if (load(j, EAX, vec, (int)w)) return -1; store(j, I->id, EAX, (int)w); }
        j->lane = 0;
        return 0;
    }
    if (lane_address(j, vec, I->o[1])) return -1;
    if (lb == 1) x86_load8(&j->a, EAX, M(EDX, 0), 0);
    else if (lb == 2) x86_load16(&j->a, EAX, M(EDX, 0), 0);
    else x86_mov_rm(&j->a, EAX, M(EDX, 0));
    if (lb == 8) x86_mov_rm(&j->a, EDX, M(EDX, 4));
    if (klass(j, I->ty) == C_I32) zext_reg(j, EAX, width(j, I->ty));
    store(j, I->id, EAX, 0);
    if (lb == 8) store(j, I->id, EDX, 1);
    return 0;
}

static int insert_element(J *j, Ins *I) {
    uint32_t lb = lane_bytes(j, I->ty);
    if (copy_vector(j, slot(j, I->id, 0), I->o[0]) || lane_address(j, I->id, I->o[2])) return -1;
    if (xheld(j, I->o[1])) { x86_movs_mr(&j->a, xprec(j, I->o[1]), M(EDX, 0), (Xmm)j->xreg[I->o[1] - j->ir->base]); return 0; }
    for (uint32_t w = 0; w < (lb + 3) / 4; w++) {
        if (load(j, EAX, I->o[1], (int)w)) return -1;
        if (lb == 1) x86_store8(&j->a, M(EDX, 0), EAX); else if (lb == 2) x86_store16(&j->a, M(EDX, 0), EAX);
        else x86_mov_mr(&j->a, M(EDX, 4 * (int32_t)w), EAX);
    }
    return 0;
}

static int shuffle(J *j, Ins *I) {
    uint32_t a = I->o[0], b = I->o[1], mask = I->o[2], n = lanes(j, vty(j, a)), lb = lane_bytes(j, I->ty);
    Val *m = &j->e->v[mask];
    uint32_t in_eax = NOTY, in_eax_lane = 0;                /* the word EAX holds (one-word lanes): a splat loads it once */
    for (uint32_t i = 0; i < lanes(j, I->ty); i++) {
        uint64_t k = 0;
        if (m->k == V_CUNDEF) continue;
        if (m->k == V_CAGG && i < m->u.a.n && j->e->v[m->u.a.o[i]].k == V_CUNDEF) continue;   /* an undefined lane */
        j->lane = i;
        if (constant(j, mask, &k)) return -1;
        uint32_t src = k < n ? a : b;
        if (!is_local(j, src) && j->e->v[src].k == V_CUNDEF) continue;
        for (uint32_t w = 0; w < (lb + 3) / 4; w++) {
            j->lane = (uint32_t)(k % n);
            if (lb > 4 || in_eax != src || in_eax_lane != j->lane) { if (load(j, EAX, src, (int)w)) return -1; }
            in_eax = src; in_eax_lane = j->lane;
            j->lane = i;
            store(j, I->id, EAX, (int)w);
        }
    }
    j->lane = 0;
    return 0;
}

/* a bitcast with a vector on either side: the same bytes */
static int bitcast_bytes(J *j, Ins *I) {
    uint32_t from = I->ty2, to = I->ty, size = ty_size(j->e, to);
    if (size != ty_size(j->e, from) || size % 4) return unsupported(j, "vector bitcast between sizes");
    if (is_vector(j, to) && is_vector(j, from)) return copy_vector(j, slot(j, I->id, 0), I->o[0]);
    if (is_vector(j, to)) {                                  /* scalar -> vector: its words */
        for (uint32_t w = 0; w < size / 4; w++) { if (load(j, EAX, I->o[0], (int)w)) return -1; x86_mov_mr(&j->a, slot(j, I->id, (int)w), EAX); }
        return 0;
    }
    if (!is_local(j, I->o[0])) return unsupported(j, "bitcast of a constant vector");
    for (uint32_t w = 0; w < size / 4; w++) { x86_mov_rm(&j->a, EAX, slot(j, I->o[0], (int)w)); store(j, I->id, EAX, (int)w); }
    return 0;
}

/* ---- <4 x float>, <2 x double> and <4 x i32> in XMM registers ----------------- */
/* a vector of type t fills an XMM register with float, double or 32-bit integer lanes */
static int quad(J *j, uint32_t t) {
    Ty *y = ty(j, t);
    if (y->k != TK_VEC) return 0;
    Ty *l = ty(j, y->elt);
    return (y->w == 4 && (l->k == TK_FLT || (l->k == TK_INT && l->w == 32))) || (y->w == 2 && l->k == TK_DBL);
}
static int double_lanes(J *j, uint32_t t) { return ty(j, ty(j, t)->elt)->k == TK_DBL; }
static int integer_lanes(J *j, uint32_t t) { return ty(j, ty(j, t)->elt)->k == TK_INT; }
/* `op d, s` on packed singles or doubles as the vector type t has */
static void packed(J *j, uint32_t t, SseOp op, Xmm d, Xmm s) {
    if (double_lanes(j, t)) x86_pd_rr(&j->a, op, d, s);
    else x86_ps_rr(&j->a, op, d, s);
}

/* v is a constant vector of type quad() whose lanes are numbers (no address: it would need a relocation) */
static int number_quad(J *j, uint32_t v) {
    Val *c = &j->e->v[v];
    if (is_local(j, v) || !quad(j, c->ty)) return 0;
    if (c->k == V_CNULL || c->k == V_CUNDEF || c->k == V_CDATA) return 1;
    if (c->k != V_CAGG) return 0;
    for (uint32_t i = 0; i < c->u.a.n; i++) {
        uint8_t k = j->e->v[c->u.a.o[i]].k;
        if (k != V_CINT && k != V_CFP && k != V_CUNDEF) return 0;
    }
    return 1;
}
/* the four words of such a constant */
static int quad_words(J *j, uint32_t v, uint32_t w[4]) {
    uint8_t b[16];
    if (const_bytes(j->e, v, b, sizeof b)) return -1;
    for (int i = 0; i < 4; i++) w[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 | (uint32_t)b[4 * i + 2] << 16 | (uint32_t)b[4 * i + 3] << 24;
    return 0;
}
/* the count of a shift by a constant splat under 32, else 32 */
static uint32_t shift_count(J *j, uint32_t v) {
    uint32_t w[4];
    if (!number_quad(j, v) || quad_words(j, v, w)) return 32;
    return w[0] == w[1] && w[0] == w[2] && w[0] == w[3] && w[0] < 32 ? w[0] : 32;
}
/* such a constant into x: pxor for zeros, else from the constant pool. (The zero test is memcmp: a
   loop or-ing the bytes is vectorised into llvm.vector.reduce.or, which the meta bootstrap's
   ir_exec.c does not run.) */
static int quad_constant(J *j, Xmm x, uint32_t v) {
    static const uint8_t zeros[16];
    uint8_t b[16];
    if (const_bytes(j->e, v, b, sizeof b)) return -1;
    if (!memcmp(b, zeros, sizeof b)) { x86_pi_rr(&j->a, PI_PXOR, x, x); return 0; }
    x86_movups_rm(&j->a, x, MABS(0));
    pool_reloc(j, b, 16);
    return 0;
}

/* a binary operation on quad vectors that packed_bin computes in XMM registers: its operands (locals
   or constants of numbers) are read from their registers. Floats: fadd, fsub, fmul, fdiv; 32-bit
   integers: add, sub, mul, and, or, xor, and shifts by a constant splat */
static int is_packed_bin(J *j, Ins *I) {
    if (I->op != I_BIN || !quad(j, I->ty)) return 0;
    for (uint32_t o = 0; o < 2; o++) if (!is_local(j, I->o[o]) && !number_quad(j, I->o[o])) return 0;
    if (!integer_lanes(j, I->ty)) return I->sub <= 4 && I->sub != 3;
    if (I->sub <= 2 || (I->sub >= 10 && I->sub <= 12)) return 1;
    return I->sub >= 7 && I->sub <= 9 && shift_count(j, I->o[1]) < 32;
}
/* an extractelement at a constant lane of a quad vector (extract_lane) */
static int extracts_at_constant(J *j, Ins *I) { return I->op == I_EXTELT && quad(j, vty(j, I->o[0])) && !is_local(j, I->o[1]); }
/* an insertelement at a constant lane of a quad vector (insert_lanes) */
static int inserts_at_constant(J *j, Ins *I) { return I->op == I_INSELT && quad(j, I->ty) && !is_local(j, I->o[2]); }
/* instruction i of block bb is such an insertelement whose one use is the one right after it (as the
   vector it inserts into): that one writes this lane too, this one is no code */
static int inserts_into_next(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i], *N = I + 1;
    if (!inserts_at_constant(j, I) || i + 1 >= j->ir->bb[bb + 1] || !is_local(j, I->id)) return 0;
    return inserts_at_constant(j, N) && N->o[0] == I->id && N->o[1] != I->id && j->uses[I->id - j->ir->base] == 1;
}

/* a shufflevector of a quad vector whose every lane is lane *k of its first operand, a local */
static int splat(J *j, Ins *S, uint32_t *k) {
    if (S->op != I_SHUF || !quad(j, S->ty) || !quad(j, vty(j, S->o[0])) || !is_local(j, S->o[0])) return 0;
    Val *m = &j->e->v[S->o[2]];
    if (m->k != V_CNULL && m->k != V_CDATA && m->k != V_CAGG) return 0;
    int same = 1;
    uint32_t n = lanes(j, S->ty);
    for (j->lane = 0; j->lane < n && same; j->lane++) {
        uint64_t x;
        if (m->k == V_CAGG && (j->lane >= m->u.a.n || j->e->v[m->u.a.o[j->lane]].k == V_CUNDEF)) same = 0;
        else if (constant(j, S->o[2], &x) || x >= n || (j->lane && x != *k)) same = 0;
        else *k = (uint32_t)x;
    }
    j->lane = 0;
    return same;
}
/* A shufflevector of two quad vectors (locals or constants of numbers) that one shufps (shufpd) does:
   the low half of its lanes from *low, the high half from *high, *lanes the immediate (undefined
   lanes: lane 0 of either). A splat is splat()'s. */
static int two_halves(J *j, Ins *S, uint32_t *low, uint32_t *high, uint8_t *imm) {
    uint32_t k, n = lanes(j, S->ty), bits = double_lanes(j, S->ty) ? 1 : 2;
    if (S->op != I_SHUF || !quad(j, S->ty) || vty(j, S->o[0]) != S->ty || splat(j, S, &k)) return 0;
    for (uint32_t o = 0; o < 2; o++) if (!is_local(j, S->o[o]) && !number_quad(j, S->o[o])) return 0;
    Val *m = &j->e->v[S->o[2]];
    if (m->k != V_CNULL && m->k != V_CDATA && m->k != V_CAGG) return 0;
    uint32_t from[2] = { NOTY, NOTY };
    *imm = 0;
    for (j->lane = 0; j->lane < n; j->lane++) {
        uint64_t x;
        if (m->k == V_CAGG && (j->lane >= m->u.a.n || j->e->v[m->u.a.o[j->lane]].k == V_CUNDEF)) continue;
        if (constant(j, S->o[2], &x) || x >= 2 * n) { j->lane = 0; return 0; }
        uint32_t half = j->lane >= n / 2, src = S->o[x >= n];
        if (from[half] != NOTY && from[half] != src) { j->lane = 0; return 0; }
        from[half] = src;
        *imm |= (uint8_t)((x % n) << (bits * j->lane));
    }
    j->lane = 0;
    *low = from[0] != NOTY ? from[0] : from[1] != NOTY ? from[1] : S->o[0];
    *high = from[1] != NOTY ? from[1] : *low;
    return 1;
}
/* instruction i of block bb is an insertelement of a number into an undefined quad vector whose one
   use is the splat of that lane right after it: the splat reads the number, the insertelement is no code */
static int splat_insert(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i], *N = I + 1;
    uint32_t k; uint64_t x;
    if (I->op != I_INSELT || !quad(j, I->ty) || i + 1 >= j->ir->bb[bb + 1] || is_local(j, I->o[0]) || j->e->v[I->o[0]].k != V_CUNDEF) return 0;
    if (j->uses[I->id - j->ir->base] != 1 || N->o[0] != I->id || is_local(j, I->o[2]) || const_scalar(j->e, I->o[2], &x)) return 0;
    return splat(j, N, &k) && x == k;
}
/* operand o of I is read from the XMM register its quad value is in (the code below), not from its slot */
static int reads_register(J *j, Ins *I, uint32_t o) {
    uint32_t k;
    if (I->op == I_BIN && quad(j, I->ty)) return is_packed_bin(j, I);
    if (I->op == I_CALL && quad(j, I->ty)) return is_named(j->e, I->o[0], "llvm.fmuladd.") && I->n == 4 && o >= 1
        && is_local(j, I->o[1]) && is_local(j, I->o[2]) && is_local(j, I->o[3]);
    if (I->op == I_STORE) return o == 1;
    if (I->op == I_PHI) return 1;                                   /* edge_moves */
    uint32_t low, high; uint8_t imm;
    if (two_halves(j, I, &low, &high, &imm)) return o <= 1;
    if (inserts_at_constant(j, I) || extracts_at_constant(j, I) || (I->op == I_FNEG && quad(j, I->ty))) return o == 0;
    return o == 0 && splat(j, I, &k);
}

/* the register a quad result is computed in: its own, unless an operand read after the first is there */
static Xmm quad_result(J *j, uint32_t id, uint32_t b, uint32_t c) {
    if (!vheld(j, id)) return XMM0;
    Xmm d = xr(j, id);
    return (vheld(j, b) && xr(j, b) == d) || (c != NOTY && vheld(j, c) && xr(j, c) == d) ? XMM0 : d;
}
/* quad value v (a local or a constant of numbers) into x */
static int quad_into(J *j, Xmm x, uint32_t v) {
    if (vheld(j, v)) x86_movaps_rr(&j->a, x, xr(j, v));
    else if (is_local(j, v)) x86_movups_rm(&j->a, x, slot(j, v, 0));
    else return quad_constant(j, x, v);
    return 0;
}
/* the register quad value v is in: its own, or XMM1 it is loaded into (a packed memory
   operand must be aligned; slots are not) */
static int quad_operand(J *j, uint32_t v, Xmm *x) {
    *x = vheld(j, v) ? xr(j, v) : XMM1;
    return *x == XMM1 ? quad_into(j, XMM1, v) : 0;
}
/* `op d, v` on packed singles or doubles */
static int quad_op(J *j, SseOp op, Xmm d, uint32_t v) {
    Xmm s;
    if (quad_operand(j, v, &s)) return -1;
    packed(j, vty(j, v), op, d, s);
    return 0;
}
/* the result, computed in d, where value id lives: its register, and its slot when a use reads it there */
static void quad_done(J *j, uint32_t id, Xmm d) {
    if (vheld(j, id)) {
        x86_movaps_rr(&j->a, xr(j, id), d);
        if (!j->in_slot[id - j->ir->base]) return;
        d = xr(j, id);
    }
    x86_movups_mr(&j->a, slot(j, id, 0), d);
}

/* lanes 1, 1, 3, 3 of quad value v into x */
static int odd_lanes(J *j, Xmm x, uint32_t v) {
    if (vheld(j, v)) { x86_pshufd(&j->a, x, xr(j, v), 0xf5); return 0; }
    if (quad_into(j, x, v)) return -1;
    x86_pshufd(&j->a, x, x, 0xf5);
    return 0;
}
/* <4 x i32> multiply: SSE2 has no 32-bit lane multiply, but pmuludq multiplies lanes 0 and 2 into
   64-bit products: the odd lanes moved down (pshufd) are multiplied so too, and the low words of
   both interleaved (punpckldq) */
static int packed_multiply(J *j, Ins *I) {
    uint32_t a = I->o[0], b = I->o[1];
    if (odd_lanes(j, XMM1, a) || odd_lanes(j, XMM0, b)) return -1;
    x86_pi_rr(&j->a, PI_PMULUDQ, XMM1, XMM0);                 /* a1*b1, a3*b3 */
    x86_pshufd(&j->a, XMM1, XMM1, 0x08);                      /* their low words in lanes 0 and 1 */
    Xmm d = quad_result(j, I->id, b, NOTY);
    if (quad_into(j, d, a)) return -1;
    if (vheld(j, b)) x86_pi_rr(&j->a, PI_PMULUDQ, d, xr(j, b));  /* a0*b0, a2*b2 */
    else {                                                    /* b through XMM1: the odd products wait in the result's slot */
        x86_movs_mr(&j->a, SD, slot(j, I->id, 0), XMM1);
        if (quad_into(j, XMM1, b)) return -1;
        x86_pi_rr(&j->a, PI_PMULUDQ, d, XMM1);
        x86_movs_rm(&j->a, SD, XMM1, slot(j, I->id, 0));
    }
    x86_pshufd(&j->a, d, d, 0x08);
    x86_pi_rr(&j->a, PI_UNPCKLDQ, d, XMM1);
    quad_done(j, I->id, d);
    return 0;
}
/* <4 x i32> add, sub, and, or, xor, shifts by a constant splat, mul */
static int packed_integer(J *j, Ins *I) {
    static const PackedInt ops[13] = { [0] = PI_PADDD, [1] = PI_PSUBD, [10] = PI_PAND, [11] = PI_POR, [12] = PI_PXOR };
    static const PackedShift shifts[3] = { PSH_SLL, PSH_SRL, PSH_SRA };
    if (I->sub == 2) return packed_multiply(j, I);
    Xmm d = quad_result(j, I->id, I->o[1], NOTY), s;
    if (quad_into(j, d, I->o[0])) return -1;
    if (I->sub >= 7 && I->sub <= 9) x86_pshift_ri(&j->a, shifts[I->sub - 7], d, (uint8_t)shift_count(j, I->o[1]));
    else {
        if (quad_operand(j, I->o[1], &s)) return -1;
        x86_pi_rr(&j->a, ops[I->sub], d, s);
    }
    quad_done(j, I->id, d);
    return 0;
}

/* quad arithmetic (is_packed_bin) and fmuladd on local operands: SSE instructions instead of lane by
   lane; 1: I is none of them */
static int is_packed(J *j, Ins *I) { return quad(j, I->ty) && (I->op == I_BIN || I->op == I_CALL) && reads_register(j, I, 1); }
static int packed_arithmetic(J *j, Ins *I) {
    static const SseOp op[5] = { SSE_ADD, SSE_SUB, SSE_MUL, 0, SSE_DIV };
    if (!is_packed(j, I)) return 1;
    if (I->op == I_BIN && integer_lanes(j, I->ty)) return packed_integer(j, I);
    if (I->op == I_CALL) {
        Xmm d = quad_result(j, I->id, I->o[2], I->o[3]);
        if (quad_into(j, d, I->o[1]) || quad_op(j, SSE_MUL, d, I->o[2]) || quad_op(j, SSE_ADD, d, I->o[3])) return -1;   /* rounded, then added: as the interpreter does */
        quad_done(j, I->id, d);
        return 0;
    }
    Xmm d = quad_result(j, I->id, I->o[1], NOTY);
    if (quad_into(j, d, I->o[0]) || quad_op(j, op[I->sub], d, I->o[1])) return -1;
    quad_done(j, I->id, d);
    return 0;
}

/* a shufflevector two_halves() takes: shufps (shufpd) of its halves' operands */
static int shuffle_halves(J *j, Ins *S) {
    uint32_t low, high; uint8_t imm;
    if (!two_halves(j, S, &low, &high, &imm)) return 1;
    Xmm d = quad_result(j, S->id, high, NOTY), s;
    if (quad_into(j, d, low) || quad_operand(j, high, &s)) return -1;
    if (double_lanes(j, S->ty)) x86_shufpd(&j->a, d, s, imm);
    else x86_shufps(&j->a, d, s, imm);
    quad_done(j, S->id, d);
    return 0;
}

/* fneg of a quad vector: xorps with the sign bits from the constant pool */
static int packed_negate(J *j, Ins *I) {
    uint8_t sign[16] = { 0 };
    uint32_t lb = lane_bytes(j, I->ty);
    for (uint32_t at = lb - 1; at < 16; at += lb) sign[at] = 0x80;
    Xmm d = quad_result(j, I->id, NOTY, NOTY);
    if (quad_into(j, d, I->o[0])) return -1;
    x86_movups_rm(&j->a, XMM1, MABS(0));
    pool_reloc(j, sign, 16);
    x86_logic_ps(&j->a, PS_XOR, d, XMM1);
    quad_done(j, I->id, d);
    return 0;
}

/* ... its code when the vector is in an XMM register: the lane moved down by pshufd (lane 0: not
   moved) into the result's register, XMM0 on its way to the slot, or XMM0 and movd for an integer;
   1: the vector is not in a register */
static int extract_lane(J *j, Ins *I) {
    uint32_t vec = I->o[0], t = vty(j, vec);
    uint64_t x;
    if (!vheld(j, vec)) return 1;
    if (const_scalar(j->e, I->o[1], &x)) return -1;
    if (x >= lanes(j, t)) return unsupported(j, "vector index out of range");
    Xmm s = xr(j, vec);
    uint8_t down = double_lanes(j, t) ? 0x0e : (uint8_t)x;      /* pshufd: lane 0 from lane x (lanes 2 and 3 for a double) */
    if (integer_lanes(j, t)) {
        Reg r = held(j, I->id) != NOREG ? held(j, I->id) : EAX;
        if (x) { x86_pshufd(&j->a, XMM0, s, down); s = XMM0; }
        x86_movd_rx(&j->a, r, s);
        store(j, I->id, r, 0);
        return 0;
    }
    int c = double_lanes(j, t) ? C_F64 : C_F32;
    Xmm d = xheld(j, I->id) ? xr(j, I->id) : XMM0;
    if (x) x86_pshufd(&j->a, d, s, down);
    else x86_movs_rr(&j->a, prec(c), d, s);
    if (d == XMM0) storex(j, I->id, XMM0, c);
    return 0;
}

/* a number into lane 0 of x: a float or double as loadx does, a 32-bit integer by movd */
static int number_into_xmm(J *j, Xmm x, uint32_t v, uint32_t vector_type) {
    if (!integer_lanes(j, vector_type)) return loadx(j, x, v, double_lanes(j, vector_type) ? C_F64 : C_F32);
    Reg r = held(j, v);
    if (r == NOREG) { if (load(j, EAX, v, 0)) return -1; r = EAX; }
    x86_movd_xr(&j->a, x, r);
    return 0;
}
/* The chain of insertelements at constant lanes ending at instruction i of block bb (the ones before
   it insert into the next: inserts_into_next): the vector the first inserts into copied into the
   last one's slot, every inserted number stored into its lane there, then the slot into the last
   one's register. */
static int insert_lanes(J *j, uint32_t bb, uint32_t i) {
    FnIR *ir = j->ir;
    Ins *I = &ir->ins[i];
    uint32_t first = i, into;
    while (first > ir->bb[bb] && inserts_into_next(j, bb, first - 1)) first--;
    into = ir->ins[first].o[0];
    if (vheld(j, into)) x86_movups_mr(&j->a, slot(j, I->id, 0), xr(j, into));
    else if (is_local(j, into) || j->e->v[into].k != V_CUNDEF) { if (copy_vector(j, slot(j, I->id, 0), into)) return -1; }
    for (uint32_t p = first; p <= i; p++) {
        uint32_t v = ir->ins[p].o[1];
        uint64_t x;
        if (const_scalar(j->e, ir->ins[p].o[2], &x)) return -1;
        if (x >= lanes(j, I->ty)) return unsupported(j, "vector index out of range");
        j->lane = (uint32_t)x;
        if (xheld(j, v)) x86_movs_mr(&j->a, xprec(j, v), lane(j, I->id, 0), xr(j, v));
        else if (held(j, v) != NOREG) x86_mov_mr(&j->a, lane(j, I->id, 0), held(j, v));
        else for (uint32_t w = 0; w < words(klass(j, vty(j, v))); w++) {
            if (load(j, EAX, v, (int)w)) { j->lane = 0; return -1; }
            store(j, I->id, EAX, (int)w);
        }
    }
    j->lane = 0;
    sync_reg(j, I->id);
    return 0;
}

/* a splat: the inserted number, the lane from the slot, or the register; then shufps/shufpd */
static int splat_code(J *j, uint32_t bb, uint32_t i, uint32_t k) {
    Ins *S = &j->ir->ins[i];
    Xmm d = vheld(j, S->id) ? xr(j, S->id) : XMM0;
    int dbl = double_lanes(j, S->ty);
    if (i > j->ir->bb[bb] && splat_insert(j, bb, i - 1)) { if (number_into_xmm(j, d, S[-1].o[1], S->ty)) return -1; k = 0; }
    else if (vheld(j, S->o[0])) x86_movaps_rr(&j->a, d, xr(j, S->o[0]));
    else { x86_movs_rm(&j->a, dbl ? SD : SS, d, M(EBP, j->loc[S->o[0] - j->ir->base] + (dbl ? 8 : 4) * (int32_t)k)); k = 0; }
    if (dbl) x86_shufpd(&j->a, d, d, (uint8_t)(k ? 3 : 0));
    else x86_shufps(&j->a, d, d, (uint8_t)(k * 0x55));
    quad_done(j, S->id, d);
    return 0;
}

/* what splat i of block bb spreads: the float inserted right before it (*lane NOTY), or lane *lane of a
   vector; NOTY: instruction i is no splat */
static uint32_t splat_source(J *j, uint32_t bb, uint32_t i, uint32_t *lane) {
    Ins *S = &j->ir->ins[i];
    if (!is_local(j, S->id) || !splat(j, S, lane)) return NOTY;
    if (i > j->ir->bb[bb] && splat_insert(j, bb, i - 1)) { *lane = NOTY; return S[-1].o[1]; }
    return S->o[0];
}
/* The vectoriser splats a float once per unrolled part, in the same block:
   every use of a later splat of the same thing reads the first one instead,
   and the later one (no use left) is no code. */
static void merge_equal_splats(J *j) {
    FnIR *ir = j->ir;
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            uint32_t lane, lane1, from = splat_source(j, b, i, &lane);
            if (from == NOTY) continue;
            for (uint32_t p = ir->bb[b]; p < i; p++) {
                if (splat_source(j, b, p, &lane1) != from || lane1 != lane || j->uses[ir->ins[p].id - ir->base] == 0) continue;
                uint32_t later = ir->ins[i].id, first = ir->ins[p].id;
                for (uint32_t u = 0; u < ir->nins; u++)
                    for (uint32_t o = 0; o < ir->ins[u].n; o++)
                        if (ir->ins[u].o[o] == later && is_value_operand(&ir->ins[u], o)) ir->ins[u].o[o] = first;
                j->uses[first - ir->base] += j->uses[later - ir->base];
                j->uses[later - ir->base] = 0;
                break;
            }
        }
}
/* a splat no instruction uses any more (merge_equal_splats) */
static int unused_splat(J *j, Ins *I) {
    uint32_t k;
    return is_local(j, I->id) && j->uses[I->id - j->ir->base] == 0 && splat(j, I, &k);
}

static int scalar_instruction(J *j, uint32_t bb, Ins *I, Ins *prev);

/* ---- aggregates: small structs and arrays of numbers, in memory layout in their slots -------- */
/* the byte offset and type a list of indices (operands from `first`) selects in aggregate type t */
static int field(J *j, Ins *I, uint32_t first, uint32_t t, uint32_t *offset, uint32_t *type) {
    *offset = 0;
    for (uint32_t k = first; k < I->n; k++) {
        Ty *y = ty(j, t);
        uint32_t x = I->o[k];
        ty_size(j->e, t);
        if (y->k == TK_ST && x < y->w) { *offset += y->offs[x]; t = y->elts[x]; }
        else if (y->k == TK_ARR && x < y->w) { t = y->elt; *offset += x * ty_size(j->e, t); }
        else return unsupported(j, "aggregate index");
    }
    *type = t;
    return 0;
}

/* a scalar field at [base + offset] into the local value v */
static int take_field(J *j, Mem at, uint32_t t, uint32_t v) {
    int c = klass(j, t);
    uint32_t size = ty_size(j->e, t);
    if (c == C_NONE || is_vector(j, t)) return unsupported(j, "aggregate field of this type");
    if (c == C_F32 || c == C_F64) { x86_movs_rm(&j->a, prec(c), XMM0, at); storex(j, v, XMM0, c); return 0; }
    if (size == 1) x86_load8(&j->a, EAX, at, 0); else if (size == 2) x86_load16(&j->a, EAX, at, 0); else x86_mov_rm(&j->a, EAX, at);
    if (c == C_I32) zext_reg(j, EAX, width(j, t));
    store(j, v, EAX, 0);
    if (c == C_I64) { Mem hi = at; hi.disp += 4; x86_mov_rm(&j->a, EAX, hi); store(j, v, EAX, 1); }
    return 0;
}

static int extract_value(J *j, Ins *I) {
    uint32_t offset, t;
    if (field(j, I, 1, I->ty2, &offset, &t)) return 1;
    if (!is_local(j, I->o[0])) return unsupported(j, "extractvalue of a constant");
    if (is_aggregate(j, t)) { copy_bytes(j, slot(j, I->id, 0), M(EBP, j->loc[I->o[0] - j->ir->base] + (int32_t)offset), ty_size(j->e, t)); return 0; }
    return take_field(j, M(EBP, j->loc[I->o[0] - j->ir->base] + (int32_t)offset), t, I->id);
}

static int insert_value(J *j, Ins *I) {
    uint32_t offset, t;
    if (field(j, I, 2, I->ty2, &offset, &t)) return 1;
    if (!(j->e->v[I->o[0]].k == V_CUNDEF) && copy_vector(j, slot(j, I->id, 0), I->o[0])) return -1;
    Mem at = M(EBP, j->loc[I->id - j->ir->base] + (int32_t)offset);
    if (is_aggregate(j, t)) return copy_vector(j, at, I->o[1]);
    int c = klass(j, t);
    uint32_t size = ty_size(j->e, t);
    if (c == C_NONE || is_vector(j, t)) return unsupported(j, "aggregate field of this type");
    for (uint32_t w = 0; w < words(c); w++) {
        if (load(j, EAX, I->o[1], (int)w)) return -1;
        Mem d = at; d.disp += 4 * (int32_t)w;
        if (size == 1) x86_store8(&j->a, d, EAX); else if (size == 2) x86_store16(&j->a, d, EAX); else x86_mov_mr(&j->a, d, EAX);
    }
    return 0;
}

/* {iN, i1} = llvm.*.with.overflow.i32: the result and the flag the x86 instruction sets */
static int overflow_intrinsic(J *j, Ins *I) {
    uint32_t len; const char *n = intrinsic_name(j->e, I->o[0], &len);
    static const char *const names[6] = { "sadd", "uadd", "ssub", "usub", "smul", "umul" };
    int k = 0;
    while (k < 6 && !(len > 18 && !memcmp(n, names[k], 4) && !memcmp(n + 4, ".with.overflow.i32", 18))) k++;
    if (k == 6) return unsupported(j, "call returning an aggregate");
    Ty *y = ty(j, I->ty);
    ty_size(j->e, I->ty);
    if (y->k != TK_ST || y->w != 2) return unsupported(j, "overflow intrinsic result");
    if (load(j, EAX, I->o[1], 0) || load(j, ECX, I->o[2], 0)) return -1;
    static const Cond flag[6] = { CC_O, CC_B, CC_O, CC_B, CC_O, CC_O };
    if (k < 2) x86_alu_rr(&j->a, ALU_ADD, EAX, ECX);
    else if (k < 4) x86_alu_rr(&j->a, ALU_SUB, EAX, ECX);
    else if (k == 4) x86_imul_rr(&j->a, EAX, ECX);
    else x86_unary(&j->a, UN_MUL, ECX);                     /* EDX:EAX; CF = OF = the high half is not 0 */
    x86_setcc(&j->a, flag[k], ECX);
    int32_t base = j->loc[I->id - j->ir->base];
    x86_mov_mr(&j->a, M(EBP, base + (int32_t)y->offs[0]), EAX);
    x86_store8(&j->a, M(EBP, base + (int32_t)y->offs[1]), ECX);
    return 0;
}

/* an instruction whose result is an aggregate */
static int aggregate_instruction(J *j, Ins *I) {
    switch (I->op) {
    case I_LOAD:
        if (address(j, I->o[0])) return -1;
        copy_bytes(j, slot(j, I->id, 0), M(EAX, 0), ty_size(j->e, I->ty));
        return 0;
    case I_FREEZE: return copy_vector(j, slot(j, I->id, 0), I->o[0]);
    case I_CALL:
        if (j->e->v[I->o[0]].k == V_FN && j->e->fn[j->e->v[I->o[0]].u.idx].intr) return overflow_intrinsic(j, I);
        return unsupported(j, "call returning an aggregate");
    default: return unsupported(j, "aggregate instruction");
    }
}

/* a vector instruction: whole-vector moves, or its scalar code once per lane */
static int vector_in_slot(J *j, uint32_t bb, Ins *I) {
    switch (I->op) {
    case I_LOAD:
        if (address(j, I->o[0])) return -1;
        copy_bytes(j, slot(j, I->id, 0), M(EAX, 0), ty_size(j->e, I->ty));
        return 0;
    case I_INSELT: return insert_element(j, I);
    case I_SHUF: return shuffle(j, I);
    case I_FREEZE: return copy_vector(j, slot(j, I->id, 0), I->o[0]);
    case I_CAST: if (I->sub == 11) return bitcast_bytes(j, I); break;
    case I_BIN: case I_FNEG: case I_CMP: case I_SEL: break;
    case I_CALL:
        if (j->e->v[I->o[0]].k == V_FN && j->e->fn[j->e->v[I->o[0]].u.idx].intr) break;
        return unsupported(j, "call returning a vector");
    default: return unsupported(j, "vector instruction");
    }
    for (j->lane = 0; j->lane < lanes(j, I->ty); j->lane++) {
        int r = scalar_instruction(j, bb, I, 0);
        if (r) { j->lane = 0; return r; }
    }
    j->lane = 0;
    return 0;
}
/* a vector instruction: quad vector loads, splats, inserts and arithmetic in XMM
   registers; everything else in the slots, then into the result's register */
static int vector_instruction(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i];
    uint32_t k;
    if (I->op == I_LOAD && quad(j, I->ty)) {
        Mem m;
        if (address_of(j, I->o[0], &m)) return -1;
        Xmm d = vheld(j, I->id) ? xr(j, I->id) : XMM0;
        x86_movups_rm(&j->a, d, m);
        quad_done(j, I->id, d);
        return 0;
    }
    if (splat(j, I, &k)) return splat_code(j, bb, i, k);
    if (inserts_at_constant(j, I)) return insert_lanes(j, bb, i);
    if (I->op == I_FNEG && quad(j, I->ty)) return packed_negate(j, I);
    int r = packed_arithmetic(j, I);
    if (r <= 0) return r;
    r = shuffle_halves(j, I);
    if (r <= 0) return r;
    r = vector_in_slot(j, bb, I);
    if (r == 0) sync_reg(j, I->id);
    return r;
}

/* ---- casts that keep their operand's value ------------------------------- */
/* A pointer bitcast, ptrtoint/inttoptr between a pointer and an i32, and a
 * freeze change no bit of their operand and not where it lives (both 32-bit
 * integer class, or the very same type). */
static int keeps_operand(J *j, const Ins *I) {
    if (I->id == NOTY || I->n != 1 || !is_local(j, I->o[0])) return 0;
    if (I->op == I_FREEZE) return 1;
    if (I->op != I_CAST || (I->sub != 9 && I->sub != 10 && I->sub != 11)) return 0;    /* ptrtoint, inttoptr, bitcast */
    return !is_vector(j, I->ty) && !is_vector(j, I->ty2) && klass(j, I->ty) == C_I32 && klass(j, I->ty2) == C_I32
        && width(j, I->ty) == 32 && width(j, I->ty2) == 32;
}

/* Such a cast is its operand's value: every use of it reads the operand
 * instead (the first operand of a chain of them), and the cast loses its
 * result and operand: no slot, no register, no code. Done on the IR before
 * anything counts uses, lays out the frame or computes live ranges, so that
 * each of them sees one value: the operand lives as long as the cast's uses
 * need it, and a phi taking a cast of a phi of its own block reads that phi
 * (choose_phi_copies). Only operand slots that hold values are rewritten
 * (is_value_operand): block numbers overlap local ids. */
static int share_kept_operands(J *j) {
    FnIR *ir = j->ir;
    uint32_t n = j->nloc, *same = ealloc(j->e, 4 * (n + 1));      /* same[k]: the local whose value local k is */
    if (!same) return -1;
    for (uint32_t k = 0; k < n; k++) same[k] = k;
    for (uint32_t i = 0; i < ir->nins; i++)
        if (keeps_operand(j, &ir->ins[i])) same[ir->ins[i].id - ir->base] = ir->ins[i].o[0] - ir->base;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t r = k, steps = 0;
        while (same[r] != r && steps++ < n) r = same[r];
        same[k] = same[r] == r ? r : k;          /* a cycle of casts (unreachable code) keeps one of them a copy */
    }
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        for (uint32_t k = 0; k < I->n; k++)
            if (is_value_operand(I, k) && is_local(j, I->o[k])) I->o[k] = ir->base + same[I->o[k] - ir->base];
        if (I->id != NOTY && is_local(j, I->id) && same[I->id - ir->base] != I->id - ir->base) { I->id = NOTY; I->n = 0; }
    }
    efree(j->e, same);
    return 0;
}
/* A compare whose one use is its block's conditional branch, or a select
 * that can take it in the flags, moves down to right before that use, past
 * the instructions clang scheduled in between (`i - 1` computed between
 * `icmp` and `br`): the use then takes it in the flags (flags_for_next)
 * instead of a setcc, movzx and test. Done on the IR before anything
 * measures intervals, which then see its operands read there. Not past a
 * call (its operands would live across it). */
static void sink_compare(J *j, uint32_t first, uint32_t use) {
    FnIR *ir = j->ir;
    uint32_t c;
    for (c = use; c > first && ir->ins[c - 1].id != ir->ins[use].o[ir->ins[use].op == I_BR ? 2 : 0] && ir->ins[c - 1].op != I_CALL; c--) {}
    if (c == first || c == use || ir->ins[c - 1].op != I_CMP || !branch_takes_flags(j, &ir->ins[c - 1])) return;   /* not here, or right before it already */
    Ins C = ir->ins[c - 1];
    memmove(&ir->ins[c - 1], &ir->ins[c], (use - c) * sizeof(Ins));
    ir->ins[use - 1] = C;
}
static int sink_flag_compares(J *j) {
    FnIR *ir = j->ir;
    uint32_t *uses = ealloc(j->e, 4 * (j->nloc + 1));
    if (!uses) return -1;
    for (uint32_t i = 0; i < ir->nins; i++)
        for (uint32_t k = 0; k < ir->ins[i].n; k++)
            if (is_value_operand(&ir->ins[i], k) && is_local(j, ir->ins[i].o[k])) uses[ir->ins[i].o[k] - ir->base]++;
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *U = &ir->ins[i];
            int flags_use = (U->op == I_BR && U->n == 3 && is_local(j, U->o[2]) && uses[U->o[2] - ir->base] == 1)
                         || (U->op == I_SEL && is_local(j, U->o[0]) && uses[U->o[0] - ir->base] == 1 && flag_select(j, U));
            if (flags_use) sink_compare(j, ir->bb[b], i);
        }
    efree(j->e, uses);
    return 0;
}

/* a cast share_kept_operands left without a result: nothing to compute */
static int is_shared_cast(const Ins *I) { return (I->op == I_CAST || I->op == I_FREEZE) && I->id == NOTY; }

/* a GEP used once, as the address of the load or store right after it (shared casts
   between them are no code: a GEP, a pointer bitcast, a load is the common shape) */
static int folds_into_next(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i], *N = I + 1, *end = &j->ir->ins[j->ir->bb[bb + 1]];
    if (I->op != I_GEP || is_vector(j, I->ty) || j->uses[I->id - j->ir->base] != 1) return 0;
    while (N < end && is_shared_cast(N)) N++;
    if (N == end) return 0;
    return (N->op == I_LOAD && N->o[0] == I->id) || (N->op == I_STORE && N->o[0] == I->id && N->o[1] != I->id);
}

/* a compare used once, by the conditional branch or float select right
   after it: that instruction computes it in the flags, and its 0/1 value is
   never needed */
static int flags_for_next(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i], *N = I + 1;
    if (I->op != I_CMP || !branch_takes_flags(j, I) || i + 1 >= j->ir->bb[bb + 1] || j->uses[I->id - j->ir->base] != 1) return 0;
    return (N->op == I_BR && N->n == 3 && N->o[2] == I->id) || (N->op == I_SEL && N->o[0] == I->id && flag_select(j, N));
}

/* instruction i of block bb has no code of its own: an instruction after it computes it */
static int left_to_next(J *j, uint32_t bb, uint32_t i) {
    uint32_t end = j->ir->bb[bb + 1];
    return folds_into_next(j, bb, i) || flags_for_next(j, bb, i) || splat_insert(j, bb, i) || inserts_into_next(j, bb, i)
        || branch_on_and(j, bb, i) || branch_on_both(j, bb, i)
        || (i + 1 < end && branch_on_and(j, bb, i + 1)) || (i + 2 < end && branch_on_and(j, bb, i + 2));
}

static int instruction(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i];
    Ins *prev = i > j->ir->bb[bb] ? I - 1 : 0;
    if (is_shared_cast(I) || unused_splat(j, I)) return 0;
    if (j->left[i]) {
        if (folds_into_next(j, bb, i)) j->folded = I;
        return 0;
    }
    if (I->id != NOTY && is_vector(j, I->ty) && I->op != I_PHI) return vector_instruction(j, bb, i);
    if (I->op == I_STORE && is_vector(j, I->ty2)) {
        if (!is_local(j, I->o[1])) return store_constant_vector(j, I);
        Mem m;
        if (address_of(j, I->o[0], &m)) return -1;
        if (vheld(j, I->o[1])) x86_movups_mr(&j->a, m, xr(j, I->o[1]));
        else copy_bytes(j, m, slot(j, I->o[1], 0), ty_size(j->e, I->ty2));
        return 0;
    }
    if (extracts_at_constant(j, I)) { int r = extract_lane(j, I); if (r <= 0) return r; }
    if (I->op == I_EXTELT) return extract_element(j, I);
    if (I->op == I_EXTVAL) return extract_value(j, I);
    if (I->op == I_INSVAL) return insert_value(j, I);
    if (I->id != NOTY && is_aggregate(j, I->ty) && I->op != I_PHI) return aggregate_instruction(j, I);
    if (I->op == I_STORE && is_aggregate(j, I->ty2)) {
        if (address(j, I->o[0])) return -1;
        if (!is_local(j, I->o[1])) { x86_mov_rr(&j->a, EDX, EAX); return copy_vector(j, M(EDX, 0), I->o[1]); }
        copy_bytes(j, M(EAX, 0), slot(j, I->o[1], 0), ty_size(j->e, I->ty2));
        return 0;
    }
    if (I->op == I_CAST && I->sub == 11 && is_vector(j, I->ty2)) return bitcast_bytes(j, I);
    return scalar_instruction(j, bb, I, prev);
}

static int scalar_instruction(J *j, uint32_t bb, Ins *I, Ins *prev) {
    switch (I->op) {
    case I_BIN: {
        int c = klass(j, I->ty);
        return c == C_I32 ? bin_i32(j, I) : c == C_I64 ? bin_i64(j, I) : bin_float(j, I, c);
    }
    case I_FNEG: {
        int c = klass(j, I->ty);
        if (c != C_F32 && c != C_F64) return unsupported(j, "fneg of this type");
        if (j->lane || is_vector(j, I->ty)) {               /* a lane: its sign bit flipped in the result's slot */
            for (uint32_t w = 0; w < words(c); w++) { if (load(j, EAX, I->o[0], (int)w)) return -1; store(j, I->id, EAX, (int)w); }
            x86_alu_mi(&j->a, ALU_XOR, place(j, I->id, c == C_F64 ? 1 : 0), 0x80000000u);
            return 0;
        }
        Xmm d = float_result(j, I->id, NOTY, NOTY);         /* xorps with the sign bit from the constant pool */
        if (loadx(j, d, I->o[0], c)) return -1;
        x86_movs_rm(&j->a, prec(c), XMM1, MABS(0));
        if (c == C_F64 ? pool_number(j, 0, 0x80000000u) : pool_number(j, 0x80000000u, 0)) return -1;
        x86_logic_ps(&j->a, PS_XOR, d, XMM1);
        if (d == XMM0) storex(j, I->id, XMM0, c);
        return 0;
    }
    case I_CAST: return cast(j, I);
    case I_GEP: return gep(j, I);
    case I_SEL: return select_ins(j, I, prev);
    case I_CMP: return cmp(j, I);
    case I_RET: return ret(j, I);
    case I_BR: return br(j, bb, I, prev);
    case I_SWITCH: return switch_ins(j, bb, I);
    case I_IBR: return indirect_branch(j, bb, I);
    case I_UNREACH:
        x86_mov_ri(&j->a, EAX, (uint32_t)(W)j->f);
        reloc(j, RELOC_FN_RECORD, j->f->idx, 0);
        x86_mov_mr(&j->a, arg(0), EAX);
        call_helper(j, H_UNREACHABLE);
        return 0;
    case I_PHI: return 0;                                  /* moved on the edges */
    case I_ALLOCA: return alloca_ins(j, I);
    case I_LOAD: return load_ins(j, I);
    case I_STORE: return store_ins(j, I);
    case I_CALL: return call(j, I);
    case I_FREEZE: {
        int c = klass(j, I->ty);
        for (uint32_t w = 0; w < words(c); w++) { if (load(j, EAX, I->o[0], (int)w)) return -1; store(j, I->id, EAX, (int)w); }
        return 0;
    }
    case I_FENCE: return 0;                                /* one thread: nothing to order */
    default: {
        static const char *const names[] = { [I_EXTELT] = "extractelement", [I_INSELT] = "insertelement", [I_SHUF] = "shufflevector",
            [I_IBR] = "indirectbr", [I_CMPXCHG] = "cmpxchg", [I_RMW] = "atomicrmw", [I_VAARG] = "va_arg", [I_EXTVAL] = "extractvalue",
            [I_INSVAL] = "insertvalue" };
        return unsupported(j, I->op < sizeof names / sizeof *names && names[I->op] ? names[I->op] : "instruction");
    }
    }
}

/* ---- frame layout -------------------------------------------------------- */
/* Parameters stay where the caller put them ([ebp+8] on); every other local
 * value gets an 8-byte slot below the saved EBX/ESI/EDI, phis a second one. */
/* the block order the intervals are measured in (regalloc.c) and the loop depths */
static int block_order(J *j) {
    E *e = j->e; FnIR *ir = j->ir;
    j->pos = ealloc(e, 4 * (ir->nins + 1)); j->ins_at = ealloc(e, 4 * (ir->nins + 1)); j->depth = ealloc(e, 4 * (ir->nbb + 1));
    if (!j->pos || !j->ins_at || !j->depth) return -1;
    return order_blocks(e, ir, j->pos, j->ins_at, j->depth);
}

/* An alloca of the entry block with a constant count runs once, first thing:
 * its memory can be part of the frame, at an offset from EBP known when
 * compiling (a GEP into it, a load or store of it, is then one memory operand
 * on EBP, with no register for its address). Its size in bytes, or 0 (an
 * alloca the code makes when it runs: alloca_ins). Not with an OSR entry,
 * where the interpreter made the memory already. */
static uint32_t frame_alloca(J *j, Ins *I) {
    uint64_t count;
    if (I->op != I_ALLOCA || j->osr || I->id == NOTY || is_local(j, I->o[0]) || const_scalar(j->e, I->o[0], &count)) return 0;
    uint64_t size = count * ty_size(j->e, I->ty2);
    uint32_t align = I->aux ? 1u << (I->aux - 1) : 4;
    return align <= 16 && count && size <= (1u << 20) ? (uint32_t)size : 0;
}

static int layout(J *j) {
    E *e = j->e; FnIR *ir = j->ir; Fn *f = j->f;
    Ty *ft = ty(j, f->ty);
    j->loc = ealloc(e, 4 * j->nloc + 4);
    j->shadow = ealloc(e, 4 * j->nloc + 4);
    j->blockat = ealloc(e, 4 * ir->nbb + 4);
    j->bodyat = ealloc(e, 4 * ir->nbb + 4);
    j->reg = ealloc(e, j->nloc + 1);
    j->xreg = ealloc(e, j->nloc + 1);
    j->via_shadow = ealloc(e, ir->nbb + 1);
    j->byval = ealloc(e, 4 * (ft->w + 1));
    j->in_frame = ealloc(e, 4 * j->nloc + 4);
    if (!j->loc || !j->shadow || !j->blockat || !j->bodyat || !j->reg || !j->xreg || !j->via_shadow || !j->byval || !j->in_frame) return -1;
    memset(j->reg, NOREG, j->nloc + 1);
    memset(j->xreg, -1, j->nloc + 1);
    int32_t at = 8;
    for (uint32_t i = 0; i < ft->w; i++) {
        uint32_t t = ft->elts[i], bt;
        if (attr_has(e, f->attr, i + 1, ATTR_BYVAL, &bt) && bt < e->nty) {   /* its value: the address of its words */
            uint32_t size = (ty_size(e, bt) + 3) & ~3u;
            if (size > 128) return unsupported(j, "byval parameter over 128 bytes");
            j->byval[i] = at;
            at += (int32_t)size;
            continue;
        }
        int c = klass(j, t);
        if (c == C_NONE || is_vector(j, t)) return unsupported(j, "parameter of this type");
        j->loc[i] = at;
        at += 4 * (int32_t)words(c);
    }
    j->varargs = at;
    if (!(j->uses = ealloc(e, 4 * (j->nloc + 1)))) return -1;
    for (uint32_t i = 0; i < ir->nins; i++)
        for (uint32_t k = 0; k < ir->ins[i].n; k++)
            if (is_value_operand(&ir->ins[i], k) && is_local(j, ir->ins[i].o[k])) j->uses[ir->ins[i].o[k] - ir->base]++;
    int32_t below = 12;                                    /* saved EBX, ESI, EDI */
    below += 16; j->scratch = -below;
    if (block_order(j)) return -1;
    for (uint32_t i = 0; i < ft->w; i++) if (j->byval[i]) { below += 8; j->loc[i] = -below; }
    uint32_t out = 0;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        if (I->op == I_CALL) {
            uint32_t words_out = 0, bt;
            for (uint32_t k = 1; k < I->n; k++) {
                if (I->o[k] == 0xffffffff) continue;
                if (attr_has(e, I->aux, k, ATTR_BYVAL, &bt) && bt < e->nty) words_out += (ty_size(e, bt) + 3) / 4;
                else words_out += klass(j, vty(j, I->o[k])) == C_NONE ? 4 : words(klass(j, vty(j, I->o[k])));
            }
            if (4 * words_out > out) out = 4 * words_out;
        }
        if (I->op == I_BIN || I->op == I_CAST || I->op == I_UNREACH) if (out < 16) out = 16;   /* helper calls */
        if (I->id == 0xffffffff) continue;
        /* checked here, before any edge moves a phi's value: scalars, vectors, small aggregates of numbers */
        int agg = is_aggregate(j, I->ty);
        if (agg ? !aggregate_ok(j, I->ty, 0) : klass(j, I->ty) == C_NONE)
            return unsupported(j, I->op == I_PHI ? "phi of this type" : "value of this type");
        int32_t size = is_vector(j, I->ty) || agg ? (int32_t)((ty_size(e, I->ty) + 7) & ~7u) : 8;
        if (is_vector(j, I->ty) && lane_bytes(j, I->ty) > 8) return unsupported(j, "vector of this type");
        below += size; j->loc[I->id - ir->base] = -below;
        if (I->op == I_PHI) { below += size; j->shadow[I->id - ir->base] = -below; }
    }
    for (uint32_t i = ir->bb[0]; i < ir->bb[1]; i++) {
        uint32_t size = frame_alloca(j, &ir->ins[i]);
        if (!size) continue;
        below += (int32_t)((size + 3) & ~3u);
        while (below % 16 != 8) below += 4;                /* EBP is 8 (mod 16): [ebp - below] 16-aligned */
        j->in_frame[ir->ins[i].id - ir->base] = -below;
    }
    j->out = (out + 15) & ~15u;
    /* The caller's ESP is 16-aligned before its call, so after the return
       address and the four pushes ESP = 12 (mod 16): a frame of 12 (mod 16)
       bytes (slots, then the outgoing arguments at ESP) realigns it. */
    int32_t frame = below - 12 + (int32_t)j->out;
    while (frame % 16 != 12) frame += 4;
    j->below = frame;
    return 0;
}

/* a block's phis go through shadows when one of them reads another of them */
static void choose_phi_copies(J *j) {
    FnIR *ir = j->ir;
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1] && ir->ins[i].op == I_PHI; i++)
            for (uint32_t k = 0; k + 1 < ir->ins[i].n; k += 2) {
                uint32_t v = ir->ins[i].o[k];
                if (!is_local(j, v) || j->e->v[v].k != V_INST) continue;
                for (uint32_t p = ir->bb[b]; p < ir->bb[b + 1] && ir->ins[p].op == I_PHI; p++)
                    if (ir->ins[p].id == v) j->via_shadow[b] = 1;
            }
}

/* The values that may have registers (regalloc.c), and their live intervals:
   32-bit integers a general register; floats, doubles and quad vectors (but
   vector phis, which edges write through their slots) an XMM register. Values whose
   code is left to the next instruction (a folded GEP, a compare left to the
   flags, ...) are never in one, so they get none; nor do splats merged into an earlier one. */
static int prepare_registers(J *j) {
    E *e = j->e; FnIR *ir = j->ir;
    j->cls = ealloc(e, j->nloc + 1); j->forbid = ealloc(e, j->nloc + 1); j->weight = ealloc(e, 4 * (j->nloc + 1));
    j->live_from = ealloc(e, 4 * (j->nloc + 1)); j->live_to = ealloc(e, 4 * (j->nloc + 1));
    j->in_slot = ealloc(e, j->nloc + 1); j->writes = ealloc(e, ir->nins + 1); j->left = ealloc(e, ir->nins + 1);
    j->dots = ealloc(e, sizeof(DotLoop) * (ir->nbb + 1)); j->xmm_held = ealloc(e, 4 * (j->nloc + 1));
    if (!j->cls || !j->forbid || !j->weight || !j->live_from || !j->live_to || !j->in_slot || !j->writes || !j->left || !j->dots || !j->xmm_held)
        return -1;
    if (match_dot_loops(e, ir, j->dots, DOT_CONTIGUOUS_ONLY | DOT_FLOATS_ONLY) < 0) return -1;   /* dot_loop: float sums, elements addressed by an x86 scale */
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) j->left[i] = (uint8_t)left_to_next(j, b, i);
    for (uint32_t k = 0; k < j->nloc; k++) {
        uint32_t v = ir->base + k;
        int c = is_local(j, v) && !is_vector(j, vty(j, v)) ? klass(j, vty(j, v)) : C_NONE;
        j->cls[k] = c == C_I32 ? 1 : c == C_F32 || c == C_F64 ? 2 : 0;
    }
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *I = &ir->ins[i];
            if (I->id != NOTY && is_local(j, I->id) && quad(j, I->ty) && I->op != I_PHI && !splat_insert(j, b, i)) j->cls[I->id - ir->base] = 2;
            if (I->id != NOTY && is_local(j, I->id) && (j->left[i] || unused_splat(j, I) || j->in_frame[I->id - ir->base])) j->cls[I->id - ir->base] = 0;
            for (uint32_t o = 0; o < I->n; o++)
                if (is_value_operand(I, o) && is_local(j, I->o[o]) && quad(j, vty(j, I->o[o])) && !reads_register(j, I, o))
                    j->in_slot[I->o[o] - ir->base] = 1;
        }
    return live_intervals(e, ir, j->nloc, j->pos, j->depth, j->live_from, j->live_to, j->weight);
}

/* Instruction I (of block bb) defines a 32-bit-class integer whose code
 * reads every operand before it writes the result's register: the result
 * may take the register of an operand whose life ends there (then `add`
 * is `add r, b` with no copy of a into r first). bin_i32, cast, gep and
 * load_ins are written so; a select or a compare is not. */
static int reads_operands_first(J *j, uint32_t bb, const Ins *I) {
    if (I->id == NOTY || !is_local(j, I->id) || j->cls[I->id - j->ir->base] != 1 || j->dots[bb].unroll) return 0;
    if (is_vector(j, I->ty) || is_aggregate(j, I->ty)) return 0;
    return I->op == I_BIN || I->op == I_CAST || I->op == I_GEP || I->op == I_LOAD;
}

/* Each local's partner phi (phi_of): a phi P takes value V on some edge, V is
 * defined by an instruction (not a phi) at a position after P's last read
 * (a read as another phi's incoming value counts at the end of that edge's
 * block), or by that last read when its code reads its operands first
 * (reuse). In the block order (a reverse postorder) P is then dead from V's
 * definition until an edge writes it, and V dead once the edge wrote P: they
 * may share a register. */
static int phi_partners(J *j, const uint8_t *reuse, uint32_t *phi_of) {
    FnIR *ir = j->ir;
    uint32_t *last_read = ealloc(j->e, 4 * (j->nloc + 1)), *defined_at = ealloc(j->e, 4 * (j->nloc + 1));
    if (!last_read || !defined_at) { efree(j->e, last_read); efree(j->e, defined_at); return -1; }
    for (uint32_t k = 0; k < j->nloc; k++) { phi_of[k] = NOTY; defined_at[k] = 0; }
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *I = &ir->ins[i];
            if (I->id != NOTY && is_local(j, I->id) && I->op != I_PHI) defined_at[I->id - ir->base] = j->pos[i];
            for (uint32_t k = 0; k < I->n; k++) {
                if (!is_value_operand(I, k) || !is_local(j, I->o[k])) continue;
                uint32_t at = I->op == I_PHI && k + 1 < I->n && I->o[k + 1] < ir->nbb ? j->pos[ir->bb[I->o[k + 1] + 1] - 1] : j->pos[i];
                if (at > last_read[I->o[k] - ir->base]) last_read[I->o[k] - ir->base] = at;
            }
        }
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1] && ir->ins[i].op == I_PHI; i++) {
            Ins *P = &ir->ins[i];
            if (P->id == NOTY || !is_local(j, P->id) || !j->cls[P->id - ir->base]) continue;
            uint32_t p = P->id - ir->base;
            for (uint32_t k = 0; k + 1 < P->n; k += 2) {
                if (!is_local(j, P->o[k])) continue;
                uint32_t v = P->o[k] - ir->base;
                int after = defined_at[v] > last_read[p] || (defined_at[v] == last_read[p] && reuse[v]);
                if (after && j->cls[v] == j->cls[p] && phi_of[v] == NOTY) phi_of[v] = p;
            }
        }
    efree(j->e, last_read); efree(j->e, defined_at);
    return 0;
}

/* registers for the locals by linear scan, ECX and EDX but where j->forbid says */
static int assign_registers(J *j) {
    int8_t *reg = ealloc(j->e, j->nloc + 1);
    uint8_t *reuse = ealloc(j->e, j->nloc + 1);
    uint32_t *phi_of = ealloc(j->e, 4 * (j->nloc + 1));
    if (!reg || !reuse || !phi_of) { efree(j->e, reg); efree(j->e, reuse); efree(j->e, phi_of); return -1; }
    for (uint32_t b = 0; b < j->ir->nbb; b++)
        for (uint32_t i = j->ir->bb[b]; i < j->ir->bb[b + 1]; i++)
            if (reads_operands_first(j, b, &j->ir->ins[i])) reuse[j->ir->ins[i].id - j->ir->base] = 1;
    int r = phi_partners(j, reuse, phi_of);
    if (r) { efree(j->e, reg); efree(j->e, reuse); efree(j->e, phi_of); return -1; }
    memset(reg, -1, j->nloc + 1);
    r = linear_scan(j->e, j->nloc, j->cls, j->forbid, reuse, phi_of, j->live_from, j->live_to, j->weight, reg);
    efree(j->e, reuse); efree(j->e, phi_of);
    j->nxmm_held = 0;
    for (uint32_t k = 0; k < j->nloc; k++) {
        j->reg[k] = j->cls[k] == 1 ? reg[k] : NOREG;
        j->xreg[k] = j->cls[k] == 2 ? reg[k] : -1;
        if (j->xreg[k] >= 0) j->xmm_held[j->nxmm_held++] = k;
    }
    efree(j->e, reg);
    return r;
}

/* Per local, which of ECX and EDX the code of its interval writes (j->writes;
   the code of the instruction defining it writes it last, so not that one's):
   into out; returns whether some local held in ECX or EDX is among them (the
   code is wrong). */
static int volatile_conflicts(J *j, uint8_t *out) {
    uint32_t n = j->ir->nins, *count[2];
    static const Reg regs[2] = { ECX, EDX };
    count[0] = ealloc(j->e, 4 * (n + 1)); count[1] = ealloc(j->e, 4 * (n + 1));
    if (!count[0] || !count[1]) { efree(j->e, count[0]); efree(j->e, count[1]); j->a.oom = 1; return 0; }
    for (int r = 0; r < 2; r++)                      /* count[r][p]: positions before p whose code writes regs[r] */
        for (uint32_t p = 0; p < n; p++) count[r][p + 1] = count[r][p] + (j->writes[j->ins_at[p]] >> regs[r] & 1);
    int wrong = 0;
    for (uint32_t k = 0; k < j->nloc; k++) {
        out[k] = 0;
        if (j->cls[k] != 1) continue;
        uint32_t from = j->live_from[k], to = j->live_to[k] + 1 < n ? j->live_to[k] + 1 : n;
        if (from < n && j->ir->ins[j->ins_at[from]].id == j->ir->base + k && j->ir->ins[j->ins_at[from]].op != I_PHI) from++;
        for (int r = 0; r < 2; r++)
            if (from < to && count[r][to] > count[r][from]) out[k] |= bit(regs[r]);
        if (out[k] & bit((Reg)j->reg[k])) wrong = 1;
    }
    efree(j->e, count[0]); efree(j->e, count[1]);
    return wrong;
}
static void prologue(J *j) {
    X86 *a = &j->a;
    x86_push_r(a, EBP); x86_mov_rr(a, EBP, ESP);
    x86_push_r(a, EBX); x86_push_r(a, ESI); x86_push_r(a, EDI);
    x86_alu_ri(a, ALU_SUB, ESP, (uint32_t)j->below);
    /* narrow integer parameters: zero-extend in place (a caller may have sign-extended them) */
    Ty *ft = ty(j, j->f->ty);
    for (uint32_t i = 0; i < ft->w; i++) {
        uint32_t t = ft->elts[i];
        if (j->byval[i]) { x86_lea(a, EAX, M(EBP, j->byval[i])); store(j, j->ir->base + i, EAX, 0); continue; }
        if (ty(j, t)->k == TK_INT && ty(j, t)->w < 32) {
            uint32_t w = ty(j, t)->w;
            x86_alu_mi(a, ALU_AND, M(EBP, j->loc[i]), (1u << w) - 1);
        }
        if (j->reg[i] != NOREG) x86_mov_rm(a, (Reg)j->reg[i], M(EBP, j->loc[i]));
        sync_reg(j, j->ir->base + i);
    }
}

static void *grow_code(void *ctx, void *old, uint32_t size) { return erealloc((E *)ctx, old, size); }

/* value v as the interpreter's frame (its address in EDX) holds it, into r (EAX) */
static int interp_value(J *j, const FrameMap *m, uint32_t v, Reg r) {
    if (!is_local(j, v)) return load(j, r, v, 0);
    uint32_t k = v - j->ir->base;
    if (m->fa[k]) { x86_lea(&j->a, r, M(EDX, m->fa[k])); return 0; }
    if (m->gb[k]) {
        if (interp_value(j, m, m->gb[k] - 1, r)) return -1;
        if (m->go[k]) x86_lea(&j->a, r, M(r, m->go[k]));
        return 0;
    }
    if (m->xb[k]) {
        if (interp_value(j, m, m->xb[k] - 1, r) || interp_value(j, m, m->xi[k], ECX)) return -1;
        x86_imul_rri(&j->a, ECX, ECX, (int32_t)m->xs[k]);
        x86_lea(&j->a, r, MX(r, ECX, 1, m->go[k]));
        return 0;
    }
    x86_mov_rm(&j->a, r, M(EDX, m->loc[k]));
    return 0;
}

/* The OSR entry: a frame like the normal entry's, every value copied from
 * the interpreter's frame (phis of the block included: the interpreter took
 * the back-edge, so they hold this iteration's values), then into the block
 * past its phi copies. Values not yet computed copy harmless garbage. */
static int osr_entry(J *j, uint32_t bb) {
    const FrameMap *m = j->f->map;
    if (!m || m->nloc != j->nloc || bb >= j->ir->nbb) { j->why.osr_only = 1; return unsupported(j, "no frame map for OSR"); }
    if (j->stacksave) { j->why.osr_only = 1; return unsupported(j, "OSR into a function that saves and restores the stack pointer"); }
    int32_t fp_arg = j->varargs;                     /* the word after the parameters' */
    uint32_t entry = j->a.len;
    prologue(j);
    x86_mov_rm(&j->a, EDX, M(EBP, fp_arg));
    uint32_t header = j->pos[j->ir->bb[bb]];
    for (uint32_t k = 0; k < j->nloc; k++) {
        uint32_t v = j->ir->base + k;
        if (!is_local(j, v) || !j->loc[k]) continue;
        if (j->live_from[k] > header || j->live_to[k] < header) continue;     /* not live there: its register may be another's */
        int c = klass(j, vty(j, v));
        if (!m->loc[k] && !m->fa[k] && !m->gb[k] && !m->xb[k]) continue;     /* never materialised */
        if (is_aggregate(j, vty(j, v))) {                                /* the interpreter: memory layout too */
            copy_bytes(j, slot(j, v, 0), M(EDX, m->loc[k]), ty_size(j->e, vty(j, v)));
            continue;
        }
        if (is_vector(j, vty(j, v))) {                                   /* the interpreter: an 8-byte slot per lane */
            for (j->lane = 0; j->lane < lanes(j, vty(j, v)); j->lane++)
                for (uint32_t w = 0; w < words(c); w++) {
                    x86_mov_rm(&j->a, EAX, M(EDX, m->loc[k] + 8 * (int32_t)j->lane + 4 * (int32_t)w));
                    store(j, v, EAX, (int)w);
                }
            j->lane = 0;
            sync_reg(j, v);
            continue;
        }
        Reg r = (Reg)j->reg[k];
        if (r == ECX || r == EDX) j->reg[k] = NOREG;      /* the copies' scratch: into the slot, loaded once all are copied */
        if (interp_value(j, m, v, EAX)) return -1;
        if (c == C_I32) zext_reg(j, EAX, width(j, vty(j, v)));
        store(j, v, EAX, 0);
        if (words(c) == 2 && m->loc[k]) { x86_mov_rm(&j->a, EAX, M(EDX, m->loc[k] + 4)); store(j, v, EAX, 1); }
        j->reg[k] = (int8_t)r;
    }
    for (uint32_t k = 0; k < j->nloc; k++)
        if ((j->reg[k] == ECX || j->reg[k] == EDX) && j->live_from[k] <= header && j->live_to[k] >= header)
            x86_mov_rm(&j->a, (Reg)j->reg[k], slot(j, j->ir->base + k, 0));
    x86_jmp_to(&j->a, j->bodyat[bb]);
    return (int)entry;
}

/* What the code at instructions [from, to] writes: j->a.written, less the
   result's own register (its definition comes last in its code, after every
   operand was read). The instructions before `to` emitted nothing: `to`
   computes them, reading their operands there. */
static void note_writes(J *j, uint32_t from, uint32_t to, Reg own) {
    for (uint32_t p = from; p <= to; p++) j->writes[p] |= (uint8_t)(j->a.written & ~bit(own));
    j->a.written = 0;
}

/* the prologue and every block's code, noting what each instruction writes (j->writes) */
static int emit_body(J *j) {
    FnIR *ir = j->ir;
    int r = 0;
    prologue(j);
    for (uint32_t bb = 0; bb < ir->nbb && r == 0 && !j->why.what; bb++) {
        j->blockat[bb] = j->a.label = j->a.len;
        j->block = bb;
        /* phis take their values from the shadows the incoming edge wrote */
        j->a.written = 0;
        for (uint32_t i = ir->bb[bb]; j->via_shadow[bb] && i < ir->bb[bb + 1] && ir->ins[i].op == I_PHI; i++) {
            Ins *P = &ir->ins[i];
            if (is_vector(j, P->ty) || is_aggregate(j, P->ty)) { copy_bytes(j, slot(j, P->id, 0), M(EBP, j->shadow[P->id - ir->base]), ty_size(j->e, P->ty)); continue; }
            for (uint32_t w = 0; w < words(klass(j, P->ty)); w++) {
                x86_mov_rm(&j->a, EAX, M(EBP, j->shadow[P->id - ir->base] + 4 * (int32_t)w));
                uint8_t before = j->a.written;
                store(j, P->id, EAX, (int)w);
                j->a.written = before | (j->a.written & ~bit(held(j, P->id)));   /* the phi's own write */
            }
        }
        note_writes(j, ir->bb[bb], ir->bb[bb], NOREG);
        j->bodyat[bb] = j->a.label = j->a.len;
        if (j->dots[bb].unroll) {
            j->at = ir->bb[bb + 1] - 1;
            r = dot_loop(j, &j->dots[bb]);
            note_writes(j, ir->bb[bb], ir->bb[bb + 1] - 1, NOREG);
            continue;
        }
        uint32_t pending = ir->bb[bb];                  /* the first instruction left to a later one's code */
        for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1] && r == 0 && !j->why.what; i++) {
            j->at = i;
            r = instruction(j, bb, i);
            note_writes(j, pending, i, ir->ins[i].id != NOTY && ir->ins[i].op != I_PHI ? held(j, ir->ins[i].id) : NOREG);
            if (!j->left[i] && !is_shared_cast(&ir->ins[i])) pending = i + 1;   /* a shared cast between them is no code */
        }
    }
    return r;
}

/* back to an empty code buffer, for another pass over the function */
static void restart(J *j) {
    j->a.len = 0; j->a.nfields = 0; j->a.label = 0; j->a.written = 0;
    j->nrel = 0; j->npool = 0; j->njumps = 0; j->fused = 0; j->folded = 0; j->moved_at = 0; j->stacksave = 0;
    memset(j->writes, 0, j->ir->nins + 1);
}

/* ---- which of ECX and EDX the code of an instruction writes ---------------- */
/* Known before any code exists, so that the values that may live in ECX or
 * EDX are chosen first and the body is emitted once. The answers hold
 * whatever registers the values get (an operand may be in its slot and need
 * loading through a scratch register): they follow what the code of each
 * instruction below does. Too many costs a register; too few is caught
 * after the code is emitted (emit_allocated). A result's own register is not
 * counted: an instruction's code writes it last. */
enum { ECX_EDX = 1 << ECX | 1 << EDX };

/* compare C's code, in the flags or as 0/1 (icmp_flags, fcmp) */
static uint8_t compare_writes(J *j, Ins *C) {
    int c = klass(j, C->ty2);
    if (is_vector(j, C->ty2)) return ECX_EDX;
    if (c == C_F32 || c == C_F64) return C->sub == 1 || C->sub == 14 ? bit(ECX) : 0;       /* oeq, une: a second setcc */
    if (c == C_I32 && (C->sub < 38 || width(j, C->ty2) == 32)) return operand_in_place(j, C->o[1]) ? 0 : bit(ECX);
    return bit(ECX);                                          /* narrow signed or i64: the second operand in ECX */
}
/* the copies into block bb's phis (edge_moves, and emit_body's from their shadows): vectors and aggregates go through ECX */
static uint8_t phi_writes(J *j, uint32_t bb) {
    FnIR *ir = j->ir;
    for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1] && ir->ins[i].op == I_PHI; i++)
        if (is_vector(j, ir->ins[i].ty) || is_aggregate(j, ir->ins[i].ty)) return bit(ECX);
    return 0;
}
static uint8_t terminator_writes(J *j, uint32_t bb, Ins *I) {
    uint8_t w = 0;
    if (I->op == I_RET) return I->n && klass(j, vty(j, I->o[0])) == C_I64 ? bit(EDX) : 0;
    if (I->op == I_BR) {
        for (uint32_t k = 0; k < I->n && k < 2; k++) w |= phi_writes(j, I->o[k]);
        Ins *prev = I > &j->ir->ins[j->ir->bb[bb]] ? I - 1 : 0;
        if (I->n == 3 && prev && prev->op == I_CMP && prev->id == I->o[2]) w |= compare_writes(j, prev);
        return w;                                             /* the compares of branch_and: their own answers */
    }
    if (I->op == I_SWITCH) {
        w = phi_writes(j, I->o[1]);
        for (uint32_t k = 3; k < I->n; k += 2) w |= phi_writes(j, I->o[k]);
        return w;
    }
    return ECX_EDX;
}
static uint8_t cast_writes(J *j, Ins *I) {
    int from = klass(j, I->ty2), to = klass(j, I->ty);
    uint32_t fw = width(j, I->ty2), tw = width(j, I->ty);
    switch (I->sub) {
    case 2: return to == C_I64 ? bit(EDX) : 0;                                          /* sext: cdq */
    case 3: case 4: return to == C_I64 || (I->sub == 3 && tw == 32) ? ECX_EDX : 0;     /* helper calls */
    case 5: case 6: return from == C_I64 || (I->sub == 5 && fw == 32) ? ECX_EDX : 0;
    default: return 0;
    }
}
static uint8_t scalar_writes(J *j, uint32_t bb, Ins *I) {
    int c = klass(j, I->ty);
    switch (I->op) {
    case I_BIN:
        if (c == C_I64) return ECX_EDX;
        if (c != C_I32) return I->sub == 6 ? ECX_EDX : 0;               /* frem calls fmod */
        if (I->sub <= 1 || (I->sub >= 10 && I->sub <= 12)) return operand_in_place(j, I->o[1]) ? 0 : bit(ECX);
        if (I->sub >= 7 && I->sub <= 9 && (j->e->v[I->o[1]].k == V_CINT || j->e->v[I->o[1]].k == V_CNULL)) return 0;
        if (I->sub == 2 && j->e->v[I->o[1]].k == V_CINT) return 0;                /* imul r, a, k */
        return I->sub >= 3 && I->sub <= 6 ? ECX_EDX : bit(ECX);          /* div/rem: EDX too */
    case I_CAST: return cast_writes(j, I);
    case I_GEP: {
        GepShape g;
        if (gep_shape(j, I, &g)) return g.nvar ? bit(EDX) : 0;
        for (uint32_t k = 1; k < I->n; k++) if (is_local(j, I->o[k])) return bit(ECX);
        return 0;
    }
    case I_SEL: return c == C_F32 || c == C_F64 ? 0 : ECX_EDX;
    case I_CMP: return compare_writes(j, I);
    case I_RET: case I_BR: case I_SWITCH: return terminator_writes(j, bb, I);
    case I_LOAD: return c == C_I64 ? ECX_EDX : 0;
    case I_STORE: return bit(ECX);                                     /* the value, when the address is in EAX */
    case I_CALL:
        if (j->e->v[I->o[0]].k != V_FN || !j->e->fn[j->e->v[I->o[0]].u.idx].intr) return ECX_EDX;
        return marker_intrinsic(j->e, I->o[0]) || (sse_intrinsic(j->e, I->o[0]) && (c == C_F32 || c == C_F64)) ? 0 : ECX_EDX;
    case I_FNEG: case I_PHI: case I_ALLOCA: case I_FREEZE: case I_FENCE: return 0;
    default: return ECX_EDX;
    }
}
/* instruction i of block bb, as instruction() compiles it */
static uint8_t scratch_writes(J *j, uint32_t bb, uint32_t i) {
    Ins *I = &j->ir->ins[i];
    uint32_t k, low, high; uint8_t imm;
    if (is_shared_cast(I) || unused_splat(j, I) || branch_on_both(j, bb, i)) return 0;
    if (I->id != NOTY && is_vector(j, I->ty) && I->op != I_PHI)        /* quad vectors in XMM registers, else lane by lane */
        return (I->op == I_LOAD && quad(j, I->ty)) || splat(j, I, &k) || is_packed(j, I) || inserts_at_constant(j, I) || two_halves(j, I, &low, &high, &imm)
            || I->op == I_FNEG ? 0 : ECX_EDX;
    if (I->op == I_STORE && is_vector(j, I->ty2)) return quad(j, I->ty2) ? 0 : ECX_EDX;
    if (I->op == I_EXTELT || I->op == I_EXTVAL || I->op == I_INSVAL) return ECX_EDX;
    if ((I->id != NOTY && is_aggregate(j, I->ty) && I->op != I_PHI) || (I->op == I_STORE && is_aggregate(j, I->ty2))) return ECX_EDX;
    if (I->op == I_CAST && I->sub == 11 && is_vector(j, I->ty2)) return ECX_EDX;
    return scalar_writes(j, bb, I);
}
/* j->writes for every instruction before the code exists: as emit_body notes
   them, an instruction whose code a later one emits shares that one's */
static void guess_writes(J *j) {
    FnIR *ir = j->ir;
    for (uint32_t bb = 0; bb < ir->nbb; bb++) {
        uint32_t first = ir->bb[bb], end = ir->bb[bb + 1];
        if (j->dots[bb].unroll) { memset(j->writes + first, ECX_EDX, end - first); continue; }
        if (j->via_shadow[bb]) j->writes[first] = phi_writes(j, bb);                  /* the shadows copied into the phis */
        uint8_t w = 0;
        for (uint32_t i = first, pending = first; i < end; i++) {
            w |= scratch_writes(j, bb, i);
            if (j->left[i] || is_shared_cast(&ir->ins[i])) continue;
            for (uint32_t p = pending; p <= i; p++) j->writes[p] |= w;
            w = 0; pending = i + 1;
        }
    }
}

/* The body, emitted with ECX and EDX for the values in whose intervals no
 * code writes them (guess_writes), then checked against what the code wrote:
 * if the guess missed a write where a value lives, emitted once more with
 * ECX and EDX for nobody. */
static int emit_allocated(J *j) {
    guess_writes(j);
    volatile_conflicts(j, j->forbid);
    restart(j);
    int r = assign_registers(j);
    if (r == 0) r = emit_body(j);
    if (r == 0 && !j->why.what && !j->a.oom && volatile_conflicts(j, j->forbid)) {
        memset(j->forbid, bit(ECX) | bit(EDX), j->nloc + 1);
        restart(j);
        j->emitted_twice = 1;
        r = assign_registers(j);
        if (r == 0) r = emit_body(j);
    }
    return r;
}

static int compile(E *e, Fn *f, uint32_t osr_block, JitCode *out, JitWhy *why) {
    memset(out, 0, sizeof *out);
    memset(why, 0, sizeof *why);
    if (f->isdecl) { why->what = "declaration"; return 1; }
    FnIR ir;
    if (fn_parse(e, f, &ir)) { fn_ir_free(e, &ir); return -1; }
    J j; memset(&j, 0, sizeof j);
    j.e = e; j.f = f; j.ir = &ir;
    j.nloc = e->nv - ir.base;
    j.a.grow = grow_code; j.a.ctx = e;
    j.osr = osr_block != NOTY;
    int r = share_kept_operands(&j);
    if (r == 0) r = sink_flag_compares(&j);
    if (r == 0) r = layout(&j);
    if (r == 0 && !j.why.what) { merge_equal_splats(&j); choose_phi_copies(&j); r = prepare_registers(&j); }
    if (r == 0 && !j.why.what) r = emit_allocated(&j);
    if (r == 0 && !j.why.what && osr_block != NOTY) {
        int at = osr_entry(&j, osr_block);
        if (at < 0) r = -1;
        else if (!j.why.what) out->osr_entry = (uint32_t)at;
    }
    if (r > 0 || j.why.what) r = 1;
    if (r == 0) place_pool(&j);
    if (r == 0 && j.a.oom) { fail(e, BFE_NOMEM, "jit: out of memory compiling '%.*s'", (int)f->nlen, f->name); r = -1; }
    if (r == 0) {
        for (uint32_t i = 0; i < j.njumps; i++) x86_patch(&j.a, j.jumps[i].at, j.blockat[j.jumps[i].bb]);
        out->code = j.a.code; out->len = j.a.len;
        out->rel = j.rel; out->nrel = j.nrel;
        out->fields = j.a.fields; out->nfields = j.a.nfields;
        out->nins = ir.nins; out->fused = j.fused; out->emitted_twice = (uint8_t)j.emitted_twice;
        j.a.code = 0; j.rel = 0; j.a.fields = 0;
    }
    *why = j.why;
    efree(e, j.a.code); efree(e, j.a.fields); efree(e, j.rel); efree(e, j.pool); efree(e, j.loc); efree(e, j.shadow); efree(e, j.blockat); efree(e, j.bodyat); efree(e, j.jumps); efree(e, j.reg); efree(e, j.xreg); efree(e, j.via_shadow); efree(e, j.live_from); efree(e, j.live_to); efree(e, j.pos); efree(e, j.ins_at); efree(e, j.depth); efree(e, j.in_slot); efree(e, j.uses); efree(e, j.byval); efree(e, j.in_frame);
    efree(e, j.cls); efree(e, j.forbid); efree(e, j.weight); efree(e, j.writes); efree(e, j.left); efree(e, j.dots); efree(e, j.xmm_held);
    fn_ir_free(e, &ir);
    return r;
}

/* the address a relocation record names (code: where the function's code is placed) */
static W reloc_target(E *e, const Reloc *r, const uint8_t *code) {
    switch (r->kind) {
    case RELOC_GLOBAL: return (W)e->gv[r->target].addr;
    case RELOC_FUNCTION: { Fn *f = &e->fn[r->target]; return f->isdecl ? (W)f->native : (W)(e->stubs + STUB_BYTES * r->target); }
    case RELOC_HELPER: return (W)helpers[r->target];
    case RELOC_FN_RECORD: return (W)&e->fn[r->target];
    case RELOC_SYMBOL: return r->target < (uint32_t)e->cfg.nsyms ? (W)e->cfg.syms[r->target].addr : 0;
    case RELOC_CODE: return (W)code;
    }
    return 0;
}

int jit_compile(E *e, Fn *f, JitCode *out, JitWhy *why) { return compile(e, f, NOTY, out, why); }
int jit_compile_osr(E *e, Fn *f, uint32_t block, JitCode *out, JitWhy *why) { return compile(e, f, block, out, why); }

uint8_t *jit_place(E *e, Fn *f, const JitCode *c) {
    uint8_t *m = e->cfg.exec_alloc ? e->cfg.exec_alloc(c->len) : 0;
    if (!m) { fail(e, BFE_NOMEM, "jit: no executable memory for '%.*s' (%u bytes)", (int)f->nlen, f->name, c->len); return 0; }
    memcpy(m, c->code, c->len);
    for (uint32_t i = 0; i < c->nrel; i++) {
        const Reloc *r = &c->rel[i];
        uint32_t v = (uint32_t)(reloc_target(e, r, m) + (W)(int32_t)r->addend);
        memcpy(m + r->at, &v, 4);
    }
    if (e->cfg.on_code) e->cfg.on_code(f->name, f->nlen, m, c->len);
    return m;
}

int jit_install(E *e, Fn *f, const JitCode *c) {
    uint8_t *m = jit_place(e, f, c);
    if (!m) return e->errc;
    f->native = m;
    return 0;
}

void jit_code_free(E *e, JitCode *c) { efree(e, c->code); efree(e, c->rel); efree(e, c->fields); memset(c, 0, sizeof *c); }

uint32_t jit_helper_count(void) { return H__N; }
