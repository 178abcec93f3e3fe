/* The meta kernel's bootstrap interpreter (issue 12): runs the function IR
 * that module.c reads (fn_parse), one IR instruction at a time, instead of
 * lowering it to threaded code (lower*.c) for exec.c's dispatch loop. Only the
 * meta kernel links it, in place of lower*.c, patterns.c and exec.c: what it
 * runs is runtime.bc, whose hot functions runtime.bc's own JIT compiles early,
 * so the bootstrap's interpreter is worth its bytes, not its speed (README.md).
 *
 * Preparing a function (prepare, at its first call) rewrites its IR in place:
 * every value gets a frame slot (8 bytes, an aggregate its size), every
 * operand becomes its frame offset, constants included (the function's
 * constant image, copied into each frame at a call), each instruction gets a
 * form (Ins.pad: what to do, for its type), and each branch's targets become
 * edges that carry the phi copies of their target block (phis on edges: a phi
 * itself never runs). Interpreted calls push a frame on the engine's stack, as
 * exec.c does (Hdr, no C recursion); every call reads the callee's entry slot
 * first, so code runtime.bc's JIT installs (jit.c) runs from the next call on;
 * calls and back-edges are counted for that JIT, and a hot loop enters its
 * compiled code by OSR through the frame map, which says where each value is.
 *
 * The subset: runtime.bc's IR (built without the vectorisers). A vector, long
 * double or wide-integer value, frem, or an intrinsic not listed here is a
 * form that stops with a named error when it runs (exit 9), so that functions
 * holding one on a path never taken (simd.c, ncall's long double results)
 * still load. Atomics, va_arg, insertvalue, insertelement and shufflevector,
 * which runtime.bc has none of, the bootstrap's reader does not read
 * (module.c, BF_FULL 0). */
#include "internal.h"

typedef uint16_t u16u __attribute__((aligned(1), may_alias));
typedef uint32_t u32u __attribute__((aligned(1), may_alias));
typedef uint64_t u64u __attribute__((aligned(1), may_alias));
typedef float f32u __attribute__((aligned(1), may_alias));
typedef double f64u __attribute__((aligned(1), may_alias));

/* What a prepared instruction does (Ins.pad), and what its fields then hold.
 * Ins.id is the result's frame offset; "o" are frame offsets unless noted. */
enum {
    F_BIN32,                    /* + IR binop (add .. xor): o[0] o[1]; vol = width (the result masked to it, signed operands extended) */
    F_BIN64 = F_BIN32 + 13,     /* sub = binop, vol = width */
    F_FBIN,                     /* sub = binop (fadd fsub fmul fdiv), vol = 1 double */
    F_ICMP,                     /* + predicate - 32 (eq .. sle): o[0] o[1]; vol = 32 - width (signed compares extend) */
    F_ICMP64 = F_ICMP + 10,     /* sub = predicate - 32, vol = width */
    F_FCMP,                     /* sub = predicate, vol = 1 double */
    F_COPY,                     /* 8 bytes from o[0]: bitcast, pointer casts, zext within 32 bits, freeze */
    F_COPYN,                    /* aux bytes from o[0] */
    F_TRUNC,                    /* o[0] & aux */
    F_SEXT,                     /* o[0] extended from bit 31 - vol, & aux */
    F_SEXT64,                   /* o[0] extended from bit 31 - vol, to aux (33..64) bits */
    F_ZEXT64,                   /* o[0], 32 bits, to 64 */
    F_CONV,                     /* sub = cast (float <-> integer, fpext, fptrunc, the rest): ty, ty2 as read */
    F_FNEG,                     /* vol = 1 double */
    F_GEP,                      /* o: base, displacement (bytes), variable indices, (slot, scale, 32 - width)* */
    F_SEL, F_SELN,              /* o: condition, true, false; SELN: aux bytes */
    F_LD1, F_LD2, F_LD4, F_LD8, F_LDN,   /* o[0] pointer; LDN: aux bytes (up to 8 zero-extended) */
    F_ST1, F_ST2, F_ST4, F_ST8, F_STN,   /* o[0] pointer, o[1] value; STN: aux bytes */
    F_ALLOCA,                   /* o[0] count; ty2 = element bytes, aux = alignment */
    F_CALL,                     /* o: callee, (slot, kind)* as pack_args takes them; sub = RK_* of the result, vol = 1 some argument
                                   goes by value or the callee is variadic; aux = mask of a narrow integer result
                                   (RK_SRET: native code pops the struct result's pointer, aux = RK_SRET | bytes << 8) */
    F_INTRINSIC,                /* sub = II_*, vol = width; o[1..] the arguments */
    F_EXTVAL,                   /* o: aggregate, byte offset, bytes */
    F_BR,                       /* o[0] edge */
    F_BRC,                      /* o: condition, edge if true, edge if false */
    F_SWITCH,                   /* o: value, default edge, cases, (low word, high word, edge)*; vol = 1 64-bit */
    F_IBR,                      /* o: address, this function's index + 1, blocks, (edge + 1 or 0 per block) */
    F_RET,                      /* o[0] value; aux = bytes (0: none) */
    F_UNREACH,
    F_UNSUP                     /* sub = U_*; ty2 = the intrinsic's function index (U_INTRINSIC) */
};
enum { II_NOP, II_MEMCPY, II_MEMSET, II_CTLZ, II_CTTZ, II_CTPOP, II_BSWAP, II_BITREV, II_FSHL, II_FSHR,
       II_UMAX, II_UMIN, II_SMIN, II_UADDSAT, II_ABS, II_SQRT, II_FABS, II_COPYSIGN, II_FMULADD,
       II_SADDO, II_UADDO, II_SSUBO, II_USUBO, II_UMULO,
       II_VASTART, II_STACKSAVE, II_FRAMEADDR, II_SETJMP, II_LONGJMP };
enum { U_VECTOR, U_FP80, U_WIDE, U_INTRINSIC, U_FREM };
static const char *const unsup_what[] = { "a vector value", "a long double value", "an integer over 64 bits", "the intrinsic", "frem" };

/* llvm.<name>... by prefix: those runtime.bc calls (llvm-dis images/obj/bitcode/runtime.bc) outside
 * simd.c and fp80.c, whose vectors and long doubles stop first; the build checks it
 * (build/runtime-check.ts: a new one fails the build, naming it and its callers) */
static const struct { const char *name; uint8_t id; } intrinsics[] = {
    { "lifetime", II_NOP }, { "experimental.noalias.scope.decl", II_NOP }, { "va_end", II_NOP },
    { "memcpy", II_MEMCPY }, { "memset", II_MEMSET },
    { "ctlz", II_CTLZ }, { "cttz", II_CTTZ }, { "ctpop", II_CTPOP }, { "bswap", II_BSWAP }, { "bitreverse", II_BITREV },
    { "fshl", II_FSHL }, { "fshr", II_FSHR }, { "umax", II_UMAX }, { "umin", II_UMIN }, { "smin", II_SMIN }, { "uadd.sat", II_UADDSAT },
    { "abs", II_ABS }, { "sqrt", II_SQRT }, { "fabs", II_FABS }, { "copysign", II_COPYSIGN }, { "fmuladd", II_FMULADD },
    { "sadd.with.overflow", II_SADDO }, { "uadd.with.overflow", II_UADDO }, { "ssub.with.overflow", II_SSUBO },
    { "usub.with.overflow", II_USUBO }, { "umul.with.overflow", II_UMULO },
    { "va_start", II_VASTART }, { "stacksave", II_STACKSAVE },
    { "frameaddress", II_FRAMEADDR }, { "eh.sjlj.setjmp", II_SETJMP }, { "eh.sjlj.longjmp", II_LONGJMP },
};

/* An edge: continue at instruction `at` (past the phis) of `block`, after
 * its phi copies (moves [move, move + nmove), through the frame's scratch
 * area when one phi reads another of the block); back: a back-edge, counted
 * on its source block's counter. */
typedef struct Edge { uint32_t at, block, move, nmove; uint8_t back, through_scratch; } Edge;
typedef struct Move { int32_t dst, src; uint32_t bytes; } Move;
struct IrCode {
    FnIR ir;                   /* prepared in place */
    Edge *edge; uint32_t nedge;
    Move *move; uint32_t nmove;
    int32_t scratch;           /* frame offset of the area phi copies go through */
    uint32_t retbytes;         /* bytes of the result */
};

#define H ((Hdr *)fp)
#define A(k) (fp + (int32_t)I->o[k])
#define U32(k) (*(u32u *)A(k))
#define I32(k) ((int32_t)U32(k))
#define U64(k) (*(u64u *)A(k))
#define D (fp + (int32_t)I->id)

static uint32_t slot_bytes(E *e, uint32_t t) {
    Ty *y = &e->ty[t];
    if (y->k == TK_INT || y->k == TK_PTR || y->k == TK_FLT || y->k == TK_DBL) return 8;
    return (ty_size(e, t) + 7) & ~7u;
}
static uint32_t width(E *e, uint32_t t) { Ty *y = &e->ty[t]; return y->k == TK_INT ? y->w : y->k == TK_DBL ? 64 : 32; }
static uint32_t mask_of(uint32_t w) { return w >= 32 ? ~0u : (1u << w) - 1; }
/* why a type is outside the subset, or -1 */
static int outside(E *e, uint32_t t) {
    if (t == NOTY || t >= e->nty) return -1;
    Ty *y = &e->ty[t];
    return y->k == TK_VEC ? U_VECTOR : y->k == TK_FP80 ? U_FP80 : y->k == TK_INT && y->w > 64 ? U_WIDE : -1;
}

/* ---- preparing a function ------------------------------------------- */
typedef struct Prep {
    E *e; Fn *f; struct IrCode *c;
    uint32_t base, nloc;
    int32_t *loc;              /* frame offset of each local value (args, results) */
    int32_t *cslot;            /* frame offset of each constant used, by value id (0: none yet) */
    uint8_t *cd; uint32_t cn, ccap;   /* the constant image */
    uint32_t frame;            /* where the constant image starts: past the locals' slots */
    uint32_t scratch;          /* bytes the phi copies of one edge need, at most */
    uint32_t edgecap, movecap;
} Prep;

static int is_local(Prep *p, uint32_t v) {
    return v >= p->base && v - p->base < p->nloc && (p->e->v[v].k == V_ARG || p->e->v[v].k == V_INST);
}
/* v's frame offset: its slot, or a constant's place in the image */
static int32_t slot_of(Prep *p, uint32_t v) {
    E *e = p->e;
    if (v >= e->nv) return bitcode_error(e, "bitcode: bad operand %u in '%.*s'", v, (int)p->f->nlen, p->f->name), 0;
    if (is_local(p, v)) return p->loc[v - p->base];
    if (p->cslot[v]) return p->cslot[v];
    uint32_t n = slot_bytes(e, e->v[v].ty);
    if (grow(e, (void **)&p->cd, &p->ccap, p->cn + n, 1)) return 0;
    memset(p->cd + p->cn, 0, n);
    if (e->ty[e->v[v].ty].k != TK_LABEL && e->ty[e->v[v].ty].k != TK_META && outside(e, e->v[v].ty) < 0
        && const_bytes(e, v, p->cd + p->cn, n))
        return 0;
    p->cslot[v] = (int32_t)(p->frame + p->cn);
    p->cn += n;
    return p->cslot[v];
}
static uint32_t *operands(Prep *p, Ins *I, uint32_t n) {
    uint32_t *o = ealloc(p->e, 4 * n + 4);
    if (o) { I->o = o; I->n = n; }
    return o;
}

static int prep_gep(Prep *p, Ins *I) {
    E *e = p->e;
    uint32_t n = I->n, t = I->ty2, nvar = 0;
    int32_t disp = 0;
    const uint32_t *old = I->o;                 /* the parser's, still there once operands() replaces it */
    uint32_t *o = operands(p, I, 3 + 3 * (n - 1));
    if (!o) return -1;
    o[0] = (uint32_t)slot_of(p, old[0]);
    for (uint32_t i = 1; i < n; i++) {
        uint32_t v = old[i], step;
        uint64_t x;
        if (i == 1) step = ty_size(e, t);
        else if (e->ty[t].k == TK_ST) {
            if (const_scalar(e, v, &x) || x >= e->ty[t].w) return bitcode_error(e, "bitcode: bad struct index in '%.*s'", (int)p->f->nlen, p->f->name);
            ty_size(e, t);
            disp += (int32_t)e->ty[t].offs[x];
            t = e->ty[t].elts[x];
            continue;
        } else { t = e->ty[t].elt; step = ty_size(e, t); }
        uint32_t w = width(e, e->v[v].ty);
        if (!is_local(p, v)) {
            if (const_scalar(e, v, &x)) return -1;
            if (w < 32) x = (uint64_t)(int64_t)((int32_t)((uint32_t)x << (32 - w)) >> (32 - w));
            disp += (int32_t)((uint32_t)x * step);
            continue;
        }
        o[3 + 3 * nvar] = (uint32_t)slot_of(p, v); o[4 + 3 * nvar] = step; o[5 + 3 * nvar] = w < 32 ? 32 - w : 0;
        nvar++;
    }
    o[1] = (uint32_t)disp; o[2] = nvar;
    I->pad = F_GEP;
    return e->errc ? -1 : 0;
}

/* A call: the callee, each argument with how pack_args passes it; an intrinsic by name. */
static int prep_call(Prep *p, Ins *I) {
    E *e = p->e;
    uint32_t n = I->n, fty = I->ty2, attrs = I->aux;
    Ty *ft = &e->ty[fty];
    Fn *callee = e->v[I->o[0]].k == V_FN ? &e->fn[e->v[I->o[0]].u.idx] : 0;
    int why = outside(e, I->ty);
    for (uint32_t i = 1; why < 0 && i < n; i++) if (I->o[i] < e->nv) why = outside(e, e->v[I->o[i]].ty);
    if (why >= 0) { I->pad = F_UNSUP; I->sub = (uint8_t)why; return 0; }
    if (callee && callee->intr) {
        const char *name = callee->name + 5; uint32_t len = callee->nlen - 5, k;
        for (k = 0; k < sizeof intrinsics / sizeof intrinsics[0]; k++) {
            uint32_t pl = (uint32_t)strlen(intrinsics[k].name);
            if (len >= pl && !memcmp(name, intrinsics[k].name, pl) && (len == pl || name[pl] == '.')) break;
        }
        if (k == sizeof intrinsics / sizeof intrinsics[0]) { I->pad = F_UNSUP; I->sub = U_INTRINSIC; I->ty2 = callee->idx; return 0; }
        I->pad = F_INTRINSIC; I->sub = intrinsics[k].id;
        I->vol = (uint8_t)width(e, I->ty != NOTY && e->ty[I->ty].k != TK_ST ? I->ty : n > 1 && I->o[1] < e->nv ? e->v[I->o[1]].ty : e->i32ty);
        for (uint32_t i = 1; i < n; i++) if (I->o[i] != NOTY) I->o[i] = (uint32_t)slot_of(p, I->o[i]);
        if (I->ty != NOTY && e->ty[I->ty].k == TK_ST) { ty_size(e, I->ty); I->aux = e->ty[I->ty].offs[1]; }   /* *.with.overflow: the flag */
        return e->errc ? -1 : 0;
    }
    if (callee && sj_kind(callee->name, callee->nlen)) {       /* setjmp/longjmp: the engine's own, as exec.c's */
        I->pad = F_INTRINSIC; I->sub = sj_kind(callee->name, callee->nlen) == 1 ? II_SETJMP : II_LONGJMP; I->vol = 32;
        for (uint32_t i = 1; i < n; i++) I->o[i] = (uint32_t)slot_of(p, I->o[i]);
        return e->errc ? -1 : 0;
    }
    const uint32_t *old = I->o;
    uint32_t *o = operands(p, I, 1 + 2 * (n - 1));
    if (!o) return -1;
    o[0] = (uint32_t)slot_of(p, old[0]);
    I->pad = F_CALL; I->vol = ft->vararg;
    for (uint32_t i = 1; i < n; i++) {
        uint32_t t = e->v[old[i]].ty, bt, kind;
        if (attr_has(e, attrs, i, ATTR_BYVAL, &bt) && bt < e->nty) { kind = (ty_size(e, bt) + 3) / 4 * 4 << 2 | 2; I->vol = 1; }
        else kind = width(e, t) > 32 || e->ty[t].k == TK_DBL;
        o[2 * i - 1] = (uint32_t)slot_of(p, old[i]); o[2 * i] = kind;
    }
    uint32_t rt = ft->elt, sb;
    I->sub = (uint8_t)rk_of(e, rt);
    I->aux = e->ty[rt].k == TK_INT ? mask_of(e->ty[rt].w) : ~0u;
    if (I->sub == RK_VOID && n > 1 && !(callee && !callee->isdecl) && attr_has(e, attrs, 1, ATTR_SRET, &sb)) {   /* native code pops a struct result's pointer */
        I->sub = RK_SRET;
        I->aux = RK_SRET | (sb < e->nty ? ty_size(e, sb) : ty_size(e, e->ty[e->v[old[1]].ty].elt)) << 8;
    }
    return e->errc ? -1 : 0;
}

/* The edge from block `from` to block `to`: its index in c->edge, with the copies into to's phis. */
static int edge_to(Prep *p, uint32_t from, uint32_t to, uint32_t *index) {
    E *e = p->e; struct IrCode *c = p->c; FnIR *ir = &c->ir;
    if (to >= ir->nbb) return bitcode_error(e, "bitcode: bad branch target %u in '%.*s'", to, (int)p->f->nlen, p->f->name);
    uint32_t first = c->nmove, j, bytes = 0;
    for (j = ir->bb[to]; j < ir->bb[to + 1] && ir->ins[j].op == I_PHI; j++) {
        Ins *P = &ir->ins[j];
        uint32_t q = 0;
        while (q + 1 < P->n && P->o[q + 1] != from) q += 2;
        if (q + 1 >= P->n) return bitcode_error(e, "bitcode: a phi in '%.*s' has no value for the edge from block %u", (int)p->f->nlen, p->f->name, from);
        if (grow(e, (void **)&c->move, &p->movecap, c->nmove + 1, sizeof(Move))) return -1;
        Move *m = &c->move[c->nmove++];
        m->dst = p->loc[P->id - p->base]; m->src = slot_of(p, P->o[q]); m->bytes = slot_bytes(e, P->ty);
        bytes += m->bytes;
    }
    if (grow(e, (void **)&c->edge, &p->edgecap, c->nedge + 1, sizeof(Edge))) return -1;
    Edge *g = &c->edge[c->nedge];
    g->at = j; g->block = to; g->move = first; g->nmove = c->nmove - first; g->back = to <= from;
    for (uint32_t a = first; a < c->nmove; a++)        /* one phi reads another of the block: copy through scratch */
        for (uint32_t b = first; b < c->nmove; b++) g->through_scratch |= a != b && c->move[a].src == c->move[b].dst;
    if (g->through_scratch && bytes > p->scratch) p->scratch = bytes;
    *index = c->nedge++;
    return e->errc ? -1 : 0;
}

static int prep_terminator(Prep *p, Ins *I, uint32_t blk) {
    E *e = p->e;
    uint32_t n = I->n, k;
    const uint32_t *old = I->o;
    if (I->op == I_BR && n == 1) {
        if (!operands(p, I, 1) || edge_to(p, blk, old[0], &k)) return -1;
        I->pad = F_BR; I->o[0] = k;
    } else if (I->op == I_BR) {
        if (!operands(p, I, 3)) return -1;
        I->pad = F_BRC; I->o[0] = (uint32_t)slot_of(p, old[2]);
        if (edge_to(p, blk, old[0], &I->o[1]) || edge_to(p, blk, old[1], &I->o[2])) return -1;
    } else if (I->op == I_SWITCH) {
        uint32_t ncase = (n - 2) / 2;
        if (!operands(p, I, 3 + 3 * ncase)) return -1;
        I->pad = F_SWITCH; I->vol = width(e, I->ty2) > 32;
        I->o[0] = (uint32_t)slot_of(p, old[0]); I->o[2] = ncase;
        if (edge_to(p, blk, old[1], &I->o[1])) return -1;
        for (uint32_t i = 0; i < ncase; i++) {
            uint64_t x;
            if (const_scalar(e, old[2 + 2 * i], &x) || edge_to(p, blk, old[3 + 2 * i], &I->o[5 + 3 * i])) return -1;
            I->o[3 + 3 * i] = (uint32_t)x; I->o[4 + 3 * i] = (uint32_t)(x >> 32);
        }
    } else {                                                   /* indirectbr: an edge per block it may reach */
        uint32_t nbb = p->c->ir.nbb;
        if (!operands(p, I, 3 + nbb)) return -1;
        I->pad = F_IBR; I->o[0] = (uint32_t)slot_of(p, old[0]); I->o[1] = p->f->idx + 1; I->o[2] = nbb;
        for (uint32_t i = 1; i < n; i++) {
            if (old[i] >= nbb) return bitcode_error(e, "bitcode: bad indirectbr target in '%.*s'", (int)p->f->nlen, p->f->name);
            if (!I->o[3 + old[i]] && edge_to(p, blk, old[i], &k)) return -1;
            if (!I->o[3 + old[i]]) I->o[3 + old[i]] = k + 1;
        }
    }
    return e->errc ? -1 : 0;
}

/* extractvalue: the byte offset and size the indices lead to */
static int prep_aggregate(Prep *p, Ins *I) {
    E *e = p->e;
    uint32_t t = I->ty2, off = 0, agg = I->o[0];
    for (uint32_t i = 1; i < I->n; i++) {
        Ty *y = &e->ty[t];
        ty_size(e, t);
        if (y->k == TK_ST) { off += y->offs[I->o[i]]; t = y->elts[I->o[i]]; }
        else { t = y->elt; off += I->o[i] * ty_size(e, t); }
    }
    uint32_t bytes = e->ty[t].k == TK_INT ? (e->ty[t].w + 7) / 8 : ty_size(e, t);
    if (!operands(p, I, 3)) return -1;
    I->pad = F_EXTVAL; I->o[0] = (uint32_t)slot_of(p, agg); I->o[1] = off; I->o[2] = bytes;
    return e->errc ? -1 : 0;
}

static uint32_t mem_bytes(E *e, uint32_t t) { return e->ty[t].k == TK_INT ? (e->ty[t].w + 7) / 8 : ty_size(e, t); }

/* what a cast does to its slot */
static void prep_cast(Prep *p, Ins *I) {
    E *e = p->e;
    uint32_t dw = width(e, I->ty), sw = width(e, I->ty2);
    I->pad = F_CONV;
    switch (I->sub) {
    case 0: if (dw <= 32) { I->pad = F_TRUNC; I->aux = mask_of(dw); } break;            /* trunc */
    case 11: I->pad = F_COPY; break;                                                   /* bitcast: the same bits */
    case 1: case 9: case 10:                                                           /* zext, ptrtoint, inttoptr */
        I->pad = dw > 32 && sw <= 32 ? F_ZEXT64 : dw <= 32 && sw > 32 ? F_TRUNC : F_COPY;
        I->aux = mask_of(dw);
        break;
    case 2: if (sw <= 32) { I->pad = dw <= 32 ? F_SEXT : F_SEXT64; I->vol = (uint8_t)(32 - sw); I->aux = dw <= 32 ? mask_of(dw) : dw; } break;
    }
}

static int prep_instruction(Prep *p, Ins *I, uint32_t blk) {
    E *e = p->e;
    int why = I->op == I_CALL ? -1 : outside(e, I->ty);
    for (uint32_t k = 0; why < 0 && I->op != I_CALL && k < I->n; k++)
        if (is_value_operand(I, k) && I->o[k] < e->nv) why = outside(e, e->v[I->o[k]].ty);
    if (I->op == I_BIN && (I->sub == 6 || I->sub == 5) && e->ty[I->ty].k != TK_INT) why = U_FREM;
    if (I->op == I_PHI) { I->pad = F_UNREACH; return 0; }              /* never runs: the edges into its block copy it */
    uint32_t t = I->ty;
    if (I->id != NOTY) I->id = (uint32_t)p->loc[I->id - p->base];
    else I->id = 0;
    if (why >= 0) { I->pad = F_UNSUP; I->sub = (uint8_t)why; return 0; }
    switch (I->op) {
    case I_BR: case I_SWITCH: case I_IBR: return prep_terminator(p, I, blk);
    case I_CALL: return prep_call(p, I);
    case I_GEP: return prep_gep(p, I);
    case I_EXTVAL: return prep_aggregate(p, I);
    }
    for (uint32_t k = 0; k < I->n; k++) if (is_value_operand(I, k)) I->o[k] = (uint32_t)slot_of(p, I->o[k]);
    switch (I->op) {
    case I_BIN:
        if (e->ty[t].k != TK_INT) { I->pad = F_FBIN; I->vol = e->ty[t].k == TK_DBL; }
        else if (e->ty[t].w <= 32) { I->pad = (uint8_t)(F_BIN32 + I->sub); I->vol = (uint8_t)e->ty[t].w; }
        else { I->pad = F_BIN64; I->vol = (uint8_t)e->ty[t].w; }
        break;
    case I_FNEG: I->pad = F_FNEG; I->vol = e->ty[t].k == TK_DBL; break;
    case I_CAST: prep_cast(p, I); break;
    case I_CMP:
        if (I->sub < 32) { I->pad = F_FCMP; I->vol = e->ty[I->ty2].k == TK_DBL; }
        else if (width(e, I->ty2) <= 32) { I->pad = (uint8_t)(F_ICMP + I->sub - 32); I->vol = (uint8_t)(32 - width(e, I->ty2)); }
        else { I->pad = F_ICMP64; I->sub -= 32; I->vol = (uint8_t)width(e, I->ty2); }
        break;
    case I_SEL: I->aux = slot_bytes(e, t); I->pad = I->aux == 8 ? F_SEL : F_SELN; break;
    case I_FREEZE: I->aux = slot_bytes(e, t); I->pad = I->aux == 8 ? F_COPY : F_COPYN; break;
    case I_LOAD: case I_STORE: {
        uint32_t n = mem_bytes(e, I->op == I_LOAD ? t : I->ty2), scalar = slot_bytes(e, I->op == I_LOAD ? t : I->ty2) == 8;
        int k = n == 1 ? 0 : n == 2 ? 1 : n == 4 ? 2 : n == 8 && scalar ? 3 : 4;
        I->pad = (uint8_t)((I->op == I_LOAD ? F_LD1 : F_ST1) + k); I->aux = n;
        break;
    }
    case I_ALLOCA: {
        uint32_t al = I->aux ? 1u << (I->aux - 1) : 1;
        I->pad = F_ALLOCA; I->ty2 = ty_size(e, I->ty2); I->aux = al < 8 ? 8 : al;
        break;
    }
    case I_RET: I->pad = F_RET; I->aux = I->n ? p->c->retbytes : 0; break;
    default: I->pad = F_UNREACH; break;                                /* unreachable */
    }
    return e->errc ? -1 : 0;
}

/* Makes f runnable: its IR read (module.c), laid out and prepared in place. */
static int prepare(E *e, Fn *f) {
    if (f->failed) return fail(e, BFE_BITCODE, "bitcode: function '%.*s' failed to load", (int)f->nlen, f->name);
    e->lowering++;
    uint64_t t0 = e->cfg.now_us ? e->cfg.now_us() : 0;
    Prep p; memset(&p, 0, sizeof p);
    p.e = e; p.f = f;
    struct IrCode *c = p.c = ealloc(e, sizeof *c);
    FnIR *ir = c ? &c->ir : 0;
    int r = -1;
    if (!c) goto out;
    if (fn_parse(e, f, ir)) goto out;
    p.base = ir->base; p.nloc = e->nv - ir->base;
    p.loc = ealloc(e, 4 * p.nloc + 4); p.cslot = ealloc(e, 4 * e->nv + 4);
    f->loops = ealloc(e, 4 * ir->nbb + 4);
    if (!p.loc || !p.cslot || !f->loops) goto out;
    f->nloops = ir->nbb;
    uint32_t frame = HDR;
    for (uint32_t k = 0; k < p.nloc; k++)
        if (is_local(&p, p.base + k)) { p.loc[k] = (int32_t)frame; frame += slot_bytes(e, e->v[p.base + k].ty); }
    p.frame = frame;
    Ty *ft = &e->ty[f->ty];
    f->nparam = ft->w;
    c->retbytes = e->ty[ft->elt].k == TK_VOID ? 0 : slot_bytes(e, ft->elt);
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++)
            if (prep_instruction(&p, &ir->ins[i], b)) goto out;
    f->cbase = frame;
    f->clen = (p.cn + 7) & ~7u;
    f->cdata = p.cd; p.cd = 0;
    c->scratch = (int32_t)(frame + f->clen);
    f->frame = (frame + f->clen + p.scratch + 15) & ~15u;
    if (e->jit_osr) {                                  /* where runtime.bc's JIT finds each value to enter by OSR */
        FrameMap *m = ealloc(e, sizeof *m);
        int32_t *none = ealloc(e, 4 * p.nloc + 4);
        W **block = ealloc(e, sizeof(W *) * (ir->nbb + 1));
        if (!m || !none || !block) goto out;
        for (uint32_t b = 0; b < ir->nbb; b++) block[b] = (W *)(ir->ins + ir->bb[b]);
        m->nloc = p.nloc; m->nbb = ir->nbb; m->loc = p.loc; m->block = block;
        m->fa = m->go = none; m->gb = m->xb = m->xi = m->xs = (uint32_t *)none;
        f->map = m; p.loc = 0;
    }
    f->ir = c;
    e->lowered++;
    r = 0;
out:
    if (r) { f->failed = 1; if (c) fn_ir_free(e, ir); efree(e, c); }
    else { FnIR values = *ir; values.ins = 0; values.bb = 0; values.pool = 0; fn_ir_free(e, &values); }   /* keeps the IR, drops its values */
    efree(e, p.loc); efree(e, p.cslot); efree(e, p.cd);
    e->lowering--;
    if (e->cfg.now_us) e->lower_us += e->cfg.now_us() - t0;
    return r ? (e->errc ? e->errc : BFE_BITCODE) : 0;
}

/* ---- running -------------------------------------------------------- */
static uint32_t clz32(uint32_t x) { return x ? (uint32_t)__builtin_clz(x) : 32; }
static uint32_t ctz32(uint32_t x) { return x ? (uint32_t)__builtin_ctz(x) : 32; }
/* Not inlined: a 64-bit shift by a variable is some 40 bytes of i386 code, and these have a dozen uses.
 * module.c's mask and sx, argument for argument: the meta kernel's build merges each pair into one (mergefunc). */
static __attribute__((noinline)) uint64_t sext_from(uint32_t w, uint64_t x) { return w >= 64 ? x : (uint64_t)((int64_t)(x << (64 - w)) >> (64 - w)); }
static __attribute__((noinline)) uint64_t mask64(uint32_t w, uint64_t x) { return w >= 64 ? x : x & ((1ull << w) - 1); }
/* the block instruction `at` is in (a longjmp's landing) */
static uint32_t block_of(struct IrCode *c, uint32_t at) {
    uint32_t b = 0;
    while (b + 1 < c->ir.nbb && c->ir.bb[b + 1] <= at) b++;
    return b;
}

/* *.with.overflow on w bits: the result, and whether it overflowed */
static uint64_t overflowing(uint32_t op, uint64_t a, uint64_t b, uint32_t w, uint32_t *over) {
    int sg = op == II_SADDO || op == II_SSUBO;
    uint64_t r;
    if (w == 64) {
        int64_t s;
        switch (op) {
        case II_SADDO: *over = __builtin_add_overflow((int64_t)a, (int64_t)b, &s); return (uint64_t)s;
        case II_SSUBO: *over = __builtin_sub_overflow((int64_t)a, (int64_t)b, &s); return (uint64_t)s;
        case II_UADDO: *over = __builtin_add_overflow(a, b, &r); return r;
        case II_USUBO: *over = __builtin_sub_overflow(a, b, &r); return r;
        default: *over = __builtin_mul_overflow(a, b, &r); return r;
        }
    }
    if (sg) { a = sext_from(w, a); b = sext_from(w, b); }
    r = op == II_SADDO || op == II_UADDO ? a + b : op == II_SSUBO || op == II_USUBO ? a - b : a * b;
    *over = sg ? sext_from(w, r) != r : mask64(w, r) != r;
    return mask64(w, r);
}

/* The intrinsic I (bare calls: the operands from o[1]); 0, or an error (setjmp and longjmp are run's). */
static int intrinsic(E *e, uint8_t *fp, Ins *I) {
    uint32_t w = I->vol, a = I->n > 1 ? U32(1) : 0;
    uint64_t a64 = I->n > 1 ? U64(1) : 0, r = 0;
    uint8_t *d = D;
    switch (I->sub) {
    case II_NOP: return 0;
    case II_MEMCPY: memcpy((void *)(W)a, (void *)(W)U32(2), U32(3)); return 0;
    case II_MEMSET: memset((void *)(W)a, (int)(U32(2) & 255), U32(3)); return 0;
    case II_CTLZ: r = w > 32 ? ((uint32_t)(a64 >> 32) ? clz32((uint32_t)(a64 >> 32)) : 32 + clz32(a)) - (64 - w) : clz32(a) - (32 - w); break;
    case II_CTTZ: r = w > 32 ? (a ? ctz32(a) : 32 + ctz32((uint32_t)(a64 >> 32))) : a ? ctz32(a) : w; break;
    case II_CTPOP: for (uint64_t x = mask64(w, a64); x; x &= x - 1) r++; break;
    case II_BSWAP: for (uint32_t i = 0; i < w / 8; i++) r = r << 8 | (a64 >> 8 * i & 255); break;
    case II_BITREV: for (uint32_t i = 0; i < w; i++) r = r << 1 | (a64 >> i & 1); break;
    case II_FSHL: case II_FSHR: {
        uint64_t hi = mask64(w, a64), lo = mask64(w, U64(2)), s = U64(3) % w;
        r = !s ? (I->sub == II_FSHL ? hi : lo) : I->sub == II_FSHL ? hi << s | lo >> (w - s) : lo >> s | hi << (w - s);
        break;
    }
    case II_UMAX: case II_UMIN: case II_SMIN: {
        uint64_t b64 = U64(2), x = mask64(w, a64), y = mask64(w, b64);
        int less = I->sub <= II_UMIN ? x < y : (int64_t)sext_from(w, x) < (int64_t)sext_from(w, y);
        r = (I->sub == II_UMAX) == less ? y : x;
        break;
    }
    case II_UADDSAT: {                                /* the JIT's allocator adds weights this way */
        uint64_t x = mask64(w, a64), sum = mask64(w, x + mask64(w, U64(2)));
        r = sum < x ? mask64(w, ~0ull) : sum;
        break;
    }
    case II_ABS: r = (int64_t)sext_from(w, a64) < 0 ? 0 - a64 : a64; break;
    case II_SQRT: if (w == 64) *(f64u *)d = __builtin_sqrt(*(f64u *)A(1)); else *(f32u *)d = __builtin_sqrtf(*(f32u *)A(1)); return 0;
    case II_FABS: case II_COPYSIGN: {                 /* the sign bit cleared, or copysign's second operand's */
        uint32_t top = w / 8 - 1;                     /* the byte that holds it */
        *(u64u *)d = w == 64 ? a64 : a;
        d[top] = (uint8_t)((d[top] & 0x7f) | (I->sub == II_COPYSIGN ? A(2)[top] & 0x80 : 0));
        return 0;
    }
    case II_FMULADD:                                  /* unfused, as exec.c's fmad/dmad: the product rounded, then the sum */
        if (w == 64) { double t = *(f64u *)A(1) * *(f64u *)A(2); *(f64u *)d = t + *(f64u *)A(3); }
        else { float t = *(f32u *)A(1) * *(f32u *)A(2); *(f32u *)d = t + *(f32u *)A(3); }
        return 0;
    case II_SADDO: case II_UADDO: case II_SSUBO: case II_USUBO: case II_UMULO: {
        uint32_t over;
        r = overflowing(I->sub, mask64(w, a64), mask64(w, U64(2)), w, &over);
        memcpy(d, &r, w > 32 ? 8 : 4);
        d[I->aux] = (uint8_t)over;
        return 0;
    }
    case II_VASTART: *(u32u *)(W)a = (uint32_t)(W)H->va; return 0;
    case II_STACKSAVE: r = (W)H->dyn; break;
    default: {                                        /* II_FRAMEADDR: an interpreter frame, N levels up (0 past the first) */
        uint8_t *f = fp;
        for (; a && f && ((Hdr *)f)->rip; a--) f = ((Hdr *)f)->rfp;
        r = a ? 0 : (W)f;
        break;
    }
    }
    *(u64u *)d = mask64(w, r);                       /* narrow results zero-extended, as every slot holds them */
    return 0;
}

#define SJ_MARK 0x4a4d5042u

/* Runs the activation at fp (its frame set up) and every interpreted call it
 * makes, until it returns; its result in *ret. bfi's fault handler tells the
 * program's faults (a load, store or division of the program's) from the
 * engine's by this section, as it does exec.c's dispatch loop's. */
#ifdef BF_DISPATCH_SECTION
__attribute__((section("bf_dispatch"), noinline))
#endif
static int run(E *e, uint8_t *fp, uint64_t *ret) {
    Fn *f = H->fn;
    struct IrCode *c = f->ir;
    Ins *I = c->ir.ins;
    uint32_t blk = 0, k, words[128];
    uint64_t result = 0;                 /* a result that compiled code returned (OSR); its address names this run (setjmp) */
    uint8_t *value; uint32_t bytes;
    for (;;) {
        switch (I->pad) {
#define BIN(n, expr) case F_BIN32 + n: { uint32_t a = U32(0), b = U32(1); *(u32u *)D = (expr) & mask_of(I->vol); break; }
#define SBIN(n, expr) case F_BIN32 + n: { uint32_t s = 32 - I->vol; int32_t a = (int32_t)(U32(0) << s) >> s, b = (int32_t)(U32(1) << s) >> s; \
            *(u32u *)D = (uint32_t)(expr) & mask_of(I->vol); break; }
        BIN(0, a + b) BIN(1, a - b) BIN(2, a * b) BIN(3, a / b) SBIN(4, a / b) BIN(5, a % b) SBIN(6, a % b)
        BIN(7, a << (b & 31)) BIN(8, a >> (b & 31)) SBIN(9, a >> (b & 31)) BIN(10, a & b) BIN(11, a | b) BIN(12, a ^ b)
        case F_BIN64: {
            uint64_t a = U64(0), b = U64(1), r;
            int64_t sa = (int64_t)sext_from(I->vol, a), sb = (int64_t)sext_from(I->vol, b);
            switch (I->sub) {
            case 0: r = a + b; break; case 1: r = a - b; break; case 2: r = a * b; break;
            case 3: r = a / b; break; case 4: r = (uint64_t)(sa / sb); break; case 5: r = a % b; break; case 6: r = (uint64_t)(sa % sb); break;
            case 7: r = a << (b & 63); break; case 8: r = a >> (b & 63); break; case 9: r = (uint64_t)(sa >> (b & 63)); break;
            case 10: r = a & b; break; case 11: r = a | b; break; default: r = a ^ b; break;
            }
            *(u64u *)D = mask64(I->vol, r);
            break;
        }
        case F_FBIN:
            if (I->vol) {
                double a = *(f64u *)A(0), b = *(f64u *)A(1);
                *(f64u *)D = I->sub == 0 ? a + b : I->sub == 1 ? a - b : I->sub == 2 ? a * b : a / b;
            } else {
                float a = *(f32u *)A(0), b = *(f32u *)A(1);
                *(f32u *)D = I->sub == 0 ? a + b : I->sub == 1 ? a - b : I->sub == 2 ? a * b : a / b;
            }
            break;
#define CMP(n, expr) case F_ICMP + n: { uint32_t a = U32(0), b = U32(1); *(u32u *)D = (expr); break; }
#define SCMP(n, op) case F_ICMP + n: { uint32_t s = I->vol; *(u32u *)D = ((int32_t)(U32(0) << s) >> s) op ((int32_t)(U32(1) << s) >> s); break; }
        CMP(0, a == b) CMP(1, a != b) CMP(2, a > b) CMP(3, a >= b) CMP(4, a < b) CMP(5, a <= b)
        SCMP(6, >) SCMP(7, >=) SCMP(8, <) SCMP(9, <=)
        case F_ICMP64: {
            uint64_t a = U64(0), b = U64(1);
            int64_t sa = (int64_t)sext_from(I->vol, a), sb = (int64_t)sext_from(I->vol, b);
            static const uint8_t lt[10] = { 0, 1, 0, 0, 1, 1, 0, 0, 1, 1 }, eq[10] = { 1, 0, 0, 1, 0, 1, 0, 1, 0, 1 }, gt[10] = { 0, 1, 1, 1, 0, 0, 1, 1, 0, 0 };
            int order = I->sub >= 6 ? (sa < sb ? -1 : sa > sb) : (a < b ? -1 : a > b);
            *(u32u *)D = order < 0 ? lt[I->sub] : order ? gt[I->sub] : eq[I->sub];
            break;
        }
        case F_FCMP: {                                 /* predicate bits: 8 unordered, 4 less, 2 greater, 1 equal */
            double a = I->vol ? *(f64u *)A(0) : *(f32u *)A(0), b = I->vol ? *(f64u *)A(1) : *(f32u *)A(1);
            uint32_t p = I->sub;
            *(u32u *)D = (a != a || b != b ? p >> 3 : a < b ? p >> 2 : a > b ? p >> 1 : p) & 1;
            break;
        }
        case F_COPY: *(u64u *)D = U64(0); break;
        case F_COPYN: memmove(D, A(0), I->aux); break;
        case F_TRUNC: *(u32u *)D = U32(0) & I->aux; break;
        case F_SEXT: *(u32u *)D = (uint32_t)((int32_t)(U32(0) << I->vol) >> I->vol) & I->aux; break;
        case F_SEXT64: *(u64u *)D = mask64(I->aux, (uint64_t)(int64_t)((int32_t)(U32(0) << I->vol) >> I->vol)); break;
        case F_ZEXT64: *(u64u *)D = U32(0); break;
        case F_CONV: {
            Ty *dt = &e->ty[I->ty], *st = &e->ty[I->ty2];
            uint32_t dw = width(e, I->ty), sw = width(e, I->ty2);
            int dbl = dt->k == TK_DBL;
            if (st->k == TK_FLT || st->k == TK_DBL) {
                double x = st->k == TK_DBL ? *(f64u *)A(0) : *(f32u *)A(0);
                /* fptoui and fptosi through int64_t, exact for every result of up to 32 bits either way; fptoui to
                   64 bits, whose results reach 2^64, through uint64_t */
                if (dt->k == TK_INT) *(u64u *)D = mask64(dw, I->sub == 3 && dw > 32 ? (uint64_t)x : (uint64_t)(int64_t)x);
                else if (dbl) *(f64u *)D = x;
                else *(f32u *)D = (float)x;
            } else {
                uint64_t x = mask64(sw, U64(0));
                if (I->sub == 2 || I->sub == 6) x = sext_from(sw, x);
                if (I->sub == 5) { if (dbl) *(f64u *)D = (double)x; else *(f32u *)D = (float)x; }
                else if (I->sub == 6) { if (dbl) *(f64u *)D = (double)(int64_t)x; else *(f32u *)D = (float)(int64_t)x; }
                else *(u64u *)D = mask64(dw, x);
            }
            break;
        }
        case F_FNEG: if (I->vol) *(u64u *)D = U64(0) ^ 0x8000000000000000ull; else *(u32u *)D = U32(0) ^ 0x80000000u; break;
        case F_GEP: {
            uint32_t r = U32(0) + I->o[1], n = I->o[2];
            for (const uint32_t *x = I->o + 3; n--; x += 3) r += (uint32_t)((int32_t)(*(u32u *)(fp + (int32_t)x[0]) << x[2]) >> x[2]) * x[1];
            *(u32u *)D = r;
            break;
        }
        case F_SEL: *(u64u *)D = U32(0) ? U64(1) : U64(2); break;
        case F_SELN: memmove(D, U32(0) ? A(1) : A(2), I->aux); break;
#define P ((uint8_t *)(W)U32(0))
        case F_LD1: *(u32u *)D = *P; break;
        case F_LD2: *(u32u *)D = *(u16u *)P; break;
        case F_LD4: *(u32u *)D = *(u32u *)P; break;
        case F_LD8: *(u64u *)D = *(u64u *)P; break;
        case F_LDN: if (I->aux > 8) memcpy(D, P, I->aux); else { uint64_t x = 0; memcpy(&x, P, I->aux); *(u64u *)D = x; } break;
        case F_ST1: *P = (uint8_t)U32(1); break;
        case F_ST2: *(u16u *)P = (uint16_t)U32(1); break;
        case F_ST4: *(u32u *)P = U32(1); break;
        case F_ST8: *(u64u *)P = U64(1); break;
        case F_STN: memmove(P, A(1), I->aux); break;
#undef P
        case F_ALLOCA: {
            uint32_t size = U32(0) * I->ty2;
            uint8_t *p = (uint8_t *)(((W)H->dyn + I->aux - 1) & ~(W)(I->aux - 1));
            if (size > 0x40000000 || p + size + 64 > e->stack_end) goto overflow;
            H->dyn = p + ((size + 15) & ~15u);
            *(u32u *)D = (uint32_t)(W)p;
            break;
        }
        case F_EXTVAL:
            if (I->o[2] > 8) memmove(D, A(0) + I->o[1], I->o[2]);
            else { uint64_t x = 0; memcpy(&x, A(0) + I->o[1], I->o[2]); *(u64u *)D = x; }
            break;
        case F_INTRINSIC:
            if (I->sub == II_SETJMP) {                 /* the jump buffer records this activation and where to resume */
                W *jb = (W *)(W)U32(1);
                jb[0] = SJ_MARK; jb[1] = (W)fp; jb[2] = (W)I; jb[3] = (W)f; jb[4] = (W)&result;
                *(u32u *)D = 0;
                break;
            }
            if (I->sub == II_LONGJMP) {
                W *jb = (W *)(W)U32(1);
                uint32_t v = I->n > 2 ? U32(2) : 1, popped = 0;
                uint8_t *p = fp;
                if (jb[0] != SJ_MARK) { fail(e, BFE_ERROR, "engine: longjmp with a jump buffer no setjmp filled"); goto fail; }
                if (jb[4] != (W)&result) { fail(e, BFE_ERROR, "engine: longjmp across native code (not in the meta bootstrap)"); goto fail; }
                while (p && p != (uint8_t *)jb[1]) { p = ((Hdr *)p)->rip ? ((Hdr *)p)->rfp : 0; popped++; }
                if (!p || ((Hdr *)p)->fn != (Fn *)jb[3]) { fail(e, BFE_ERROR, "engine: longjmp to a function that has returned"); goto fail; }
                fp = e->fp = p; e->depth -= popped; f = H->fn; c = f->ir;
                I = (Ins *)jb[2];
                *(u32u *)D = v ? v : 1;
                blk = block_of(c, (uint32_t)(I - c->ir.ins));
                break;
            }
            if (intrinsic(e, fp, I)) goto fail;
            break;
        case F_CALL: {
            W target = U32(0);
            uint32_t nargs = (I->n - 1) / 2;
            Fn *g = stub_fn(e, target);
            if (g && !g->native && e->jit_hot && g->calls >= e->jit_at && !g->jit) {   /* hot: runtime.bc's JIT compiles it */
                e->sp = H->dyn;
                if (e->jit_hot(e, g)) goto fail;
            }
            if (g && !g->native) {                     /* interpreted: a frame of its own, the caller's resumes after */
                if (!g->code) { e->sp = H->dyn; if (prepare(e, g)) goto fail; }
                uint8_t *top = H->dyn, *nfp = top;
                uint32_t *w = (uint32_t *)top, nw = 0, as_words = I->vol || g->varg || I->ty2 != g->ty;
                if (as_words) {                        /* by value, variadic, or a call of another type (runtime.bc's ncall): cdecl words below its frame */
                    nw = pack_args(fp, I->o + 1, nargs, w, 0);
                    nfp = (uint8_t *)(((W)top + 4 * nw + 15) & ~(W)15);
                }
                if (nfp + g->frame > e->stack_end || e->depth >= e->cfg.max_depth) goto overflow;
                if (as_words) pack_args(fp, I->o + 1, nargs, w, nw);
                memcpy(nfp + g->cbase, g->cdata, g->clen);
                Hdr *h = (Hdr *)nfp;
                if (as_words) h->va = (uint8_t *)(w + unpack_params(e, g, nfp, w));
                else for (uint32_t i = 0; i < nargs; i++) *(u64u *)(nfp + HDR + 8 * i) = *(u64u *)(fp + (int32_t)I->o[1 + 2 * i]);
                h->rip = (W *)(I + 1); h->rfp = fp; h->dst = I->id; h->fn = g; h->dyn = nfp + g->frame; h->pad[0] = blk;
                g->calls++; e->depth++;
                fp = e->fp = nfp; f = g; c = g->ir; I = c->ir.ins; blk = 0;
                continue;
            }
            if (g) { g->calls++; target = (W)g->native; }
            if (!target) { fail(e, BFE_ERROR, "engine: call through a null function pointer in '%.*s'", (int)f->nlen, f->name); goto fail; }
            uint32_t nw = pack_args(fp, I->o + 1, nargs, words, 128);
            if (nw > 128) { fail(e, BFE_ERROR, "engine: a call in '%.*s' passes over 128 argument words", (int)f->nlen, f->name); goto fail; }
            e->sp = H->dyn;
            int was = run_as(e, SIDE_COMPILED);
            uint64_t r = ncall((void *)target, words, nw, I->sub == RK_SRET ? (int)I->aux : I->sub);
            run_as(e, was);
            if (I->sub != RK_VOID && I->sub != RK_SRET) *(u64u *)D = I->sub == RK_I32 ? (uint32_t)r & I->aux : r;
            break;
        }
        case F_BR: k = I->o[0]; goto take;
        case F_BRC: k = U32(0) ? I->o[1] : I->o[2]; goto take;
        case F_SWITCH: {
            uint64_t v = I->vol ? U64(0) : U32(0);
            const uint32_t *x = I->o + 3;
            k = I->o[1];
            for (uint32_t n = I->o[2]; n--; x += 3) if ((x[0] | (uint64_t)x[1] << 32) == v) { k = x[2]; break; }
            goto take;
        }
        case F_IBR: {
            uint32_t v = U32(0), b = (v & 0xffff) - 1;
            if ((v >> 16) != I->o[1] || b >= I->o[2] || !I->o[3 + b]) {
                fail(e, BFE_ERROR, "engine: indirectbr to an address not in its list (in '%.*s')", (int)f->nlen, f->name);
                goto fail;
            }
            k = I->o[3 + b] - 1;
            goto take;
        }
        case F_RET: value = A(0); bytes = I->aux; goto leave;
        case F_UNREACH: fail(e, BFE_ERROR, "engine: unreachable executed in '%.*s'", (int)f->nlen, f->name); goto fail;
        default:                                       /* F_UNSUP */
            fail(e, BFE_BITCODE, "bitcode: '%.*s' runs %s%s%.*s, outside the meta bootstrap's subset of IR (interpreter/ir_exec.c)",
                 (int)f->nlen, f->name, unsup_what[I->sub], I->sub == U_INTRINSIC ? " " : "",
                 I->sub == U_INTRINSIC ? (int)e->fn[I->ty2].nlen : 0, I->sub == U_INTRINSIC ? e->fn[I->ty2].name : "");
            goto fail;
        }
        I++;
        continue;
    take: {                                            /* along edge k: its phi copies, its back-edge count */
            Edge *g = &c->edge[k];
            Move *m = c->move + g->move;
            if (g->through_scratch) {
                uint8_t *s = fp + c->scratch;
                for (uint32_t i = 0; i < g->nmove; s += m[i].bytes, i++) memcpy(s, fp + m[i].src, m[i].bytes);
                s = fp + c->scratch;
                for (uint32_t i = 0; i < g->nmove; s += m[i].bytes, i++) memcpy(fp + m[i].dst, s, m[i].bytes);
            } else
                for (uint32_t i = 0; i < g->nmove; i++)
                    if (m[i].bytes == 8) *(u64u *)(fp + m[i].dst) = *(u64u *)(fp + m[i].src);
                    else memmove(fp + m[i].dst, fp + m[i].src, m[i].bytes);
            if (g->back && ++f->loops[blk] == e->osr_at && e->jit_osr) {   /* hot loop: on in compiled code */
                e->sp = H->dyn;
                int r = e->jit_osr(e, f, fp, (W *)(c->ir.ins + c->ir.bb[g->block]), &result);
                if (r < 0) goto fail;
                if (r == 0) { value = (uint8_t *)&result; bytes = c->retbytes < 8 ? c->retbytes : 8; goto leave; }
            }
            blk = g->block; I = c->ir.ins + g->at;
            continue;
        }
    leave: {                                           /* return `bytes` of `value` to the caller */
            Hdr *h = H;
            if (!h->rip) { memcpy(ret, value, bytes < 8 ? bytes : 8); return 0; }
            if (bytes) memmove(h->rfp + (int32_t)h->dst, value, bytes);
            fp = e->fp = h->rfp; e->depth--;
            I = (Ins *)h->rip; blk = (uint32_t)h->pad[0]; f = H->fn; c = f->ir;
            continue;
        }
    }
overflow:
    fail(e, BFE_ERROR, "engine: stack overflow (call depth %u, limit %u)", e->depth, e->cfg.max_depth);
fail:
    return e->errc ? e->errc : BFE_ERROR;
}

int exec_run(E *e, Fn *f, const uint32_t *argw, uint32_t nw, uint64_t *ret) {
    *ret = 0;
    if (f->isdecl && !f->native) return fail(e, BFE_UNRESOLVED, "bitcode: unresolved external '%.*s'", (int)f->nlen, f->name);
    if (e->jit_hot && !f->native && f->calls >= e->jit_at && !f->jit && e->jit_hot(e, f)) return e->errc;
    if (!f->code && !f->native && prepare(e, f)) return e->errc;
    if (f->native) { *ret = call_native(e, f, argw, nw); return 0; }
    uint8_t *fp = (uint8_t *)(((W)e->sp + 15) & ~(W)15);
    if (fp + f->frame > e->stack_end || e->depth >= e->cfg.max_depth)
        return fail(e, BFE_ERROR, "engine: stack overflow calling '%.*s' (depth %u)", (int)f->nlen, f->name, e->depth);
    memcpy(fp + f->cbase, f->cdata, f->clen);
    memset(fp, 0, HDR);
    Hdr *h = (Hdr *)fp;
    h->fn = f; h->dyn = fp + f->frame;
    h->va = (uint8_t *)(argw + unpack_params(e, f, fp, argw));
    f->calls++;
    uint8_t *save = e->sp, *caller = e->fp;
    uint32_t depth = e->depth++;
    e->fp = fp;
    int r = run(e, fp, ret);
    e->sp = save; e->depth = depth; e->fp = caller;
    return r;
}

int bf_prepare(bf_engine *e) {
    for (uint32_t i = 0; i < e->nfn; i++)
        if (!e->fn[i].isdecl && !e->fn[i].code && prepare(e, &e->fn[i])) return e->errc;
    return 0;
}
