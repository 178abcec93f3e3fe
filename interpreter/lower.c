/* Lowering: function IR -> decoded form. Every SSA value gets an 8-byte frame
 * slot (vectors one slot per element, aggregates their memory layout);
 * constants live in a per-function image copied below the frame header at
 * entry; operands are frame offsets or immediates; phis become moves on the
 * edges; GEPs become adds; static allocas become frame offsets so -O0 loads
 * and stores through them are plain frame moves. */
#include "internal.h"
#include "patterns.h"

typedef struct { uint8_t imm; int32_t off; uint64_t v; } Opd;
typedef struct L {
    E *e; Fn *f; FnIR *ir;
    W *c; uint32_t nc, capc;
    uint32_t base, nloc;
    int32_t *loc;        /* slot offset per local value (0: none yet) */
    int32_t *fa;         /* frame offset of memory the value points to */
    uint32_t *gb; int32_t *go;    /* pointer = value gb (+1) plus go */
    uint32_t *nuse, *nonmem;
    uint32_t *xb, *xi, *xs;      /* GEP base+1 / index / scale folded into loads and stores */
    int32_t *tmp;        /* phi temporaries */
    uint32_t fsz;
    uint8_t *cd; uint32_t cn, ccap;
    uint32_t *lab; uint32_t nlab, caplab;
    struct { uint32_t at, lab; } *pt; uint32_t npt, cappt;
    struct { uint32_t lab, from, to, back; } *st; uint32_t nst, capst;
    uint32_t *at, *end, *def, *us, *ul, *blk;    /* code range per instruction; defining instruction per value */
    uint32_t cur;        /* current block */
    uint32_t mvat;       /* edge_moves: start of its last move when a single mov32/movi, else NOTY */
    uint32_t nloops;
    DotLoop *dot;        /* per block: a dot-product loop when dot[b].unroll (patterns.h) */
} L;

#define LE (l->e)
#define BADL(...) fail(l->e, BFE_BITCODE, __VA_ARGS__)
#define OP(x) ((W)l->e->lab[OP_##x])

static int em(L *l, W x) {
    if (l->nc >= l->capc && grow(l->e, (void **)&l->c, &l->capc, l->nc + 1, sizeof(W))) return -1;
    l->c[l->nc++] = x;
    return 0;
}
static int emv(L *l, int n, ...) {
    va_list ap; va_start(ap, n);
    for (int i = 0; i < n; i++) if (em(l, va_arg(ap, W))) { va_end(ap); return -1; }
    va_end(ap);
    return 0;
}
#define E1(a) emv(l, 1, (W)(a))
#define E2(a,b) emv(l, 2, (W)(a), (W)(b))
#define E3(a,b,c) emv(l, 3, (W)(a), (W)(b), (W)(c))
#define E4(a,b,c,d) emv(l, 4, (W)(a), (W)(b), (W)(c), (W)(d))
#define E5(a,b,c,d,f) emv(l, 5, (W)(a), (W)(b), (W)(c), (W)(d), (W)(f))
#define E6(a,b,c,d,f,g) emv(l, 6, (W)(a), (W)(b), (W)(c), (W)(d), (W)(f), (W)(g))

static uint32_t newlab(L *l) {
    if (grow(l->e, (void **)&l->lab, &l->caplab, l->nlab + 1, 4)) return 0;
    l->lab[l->nlab] = 0xffffffff;
    return l->nlab++;
}
static int target(L *l, uint32_t lab) {          /* emit a cell patched to label */
    if (grow(l->e, (void **)&l->pt, &l->cappt, l->npt + 1, sizeof *l->pt)) return -1;
    l->pt[l->npt].at = l->nc; l->pt[l->npt].lab = lab; l->npt++;
    return em(l, 0);
}

static int32_t slot(L *l, uint32_t size) {        /* positive frame region */
    uint32_t a = size >= 8 ? 8 : 4;
    l->fsz = (l->fsz + a - 1) & ~(a - 1);
    int32_t off = (int32_t)l->fsz;
    l->fsz += (size + 7) & ~7u;
    return off;
}
static int32_t cslot(L *l, const void *bytes, uint32_t size) {   /* constant image */
    uint32_t sz = (size + 7) & ~7u;
    if (sz == 8)                                     /* dedupe scalars */
        for (uint32_t o = 8; o <= l->cn; o += 8)
            if (!memcmp(l->cd + l->ccap - o, bytes, size) && (size == 8 || !memcmp(l->cd + l->ccap - o + size, "\0\0\0\0\0\0\0", 8 - size)))
                return -(int32_t)o;
    if (l->cn + sz > l->ccap) {
        uint32_t nc = l->ccap ? l->ccap * 2 : 256;
        while (nc < l->cn + sz) nc *= 2;
        uint8_t *p = ealloc(l->e, nc); if (!p) return 0;
        if (l->cn) memcpy(p + nc - l->cn, l->cd + l->ccap - l->cn, l->cn);
        efree(l->e, l->cd); l->cd = p; l->ccap = nc;
    }
    l->cn += sz;
    memset(l->cd + l->ccap - l->cn, 0, sz);
    memcpy(l->cd + l->ccap - l->cn, bytes, size);
    return -(int32_t)l->cn;
}

static Ty *T(L *l, uint32_t t) { return &l->e->ty[t]; }
static uint32_t vty(L *l, uint32_t v) { return l->e->v[v].ty; }
static int islocal(L *l, uint32_t v) { return v >= l->base && v < l->base + l->nloc && (l->e->v[v].k == V_ARG || l->e->v[v].k == V_INST); }
static int isconst(L *l, uint32_t v) { return v < l->e->nv && !islocal(l, v); }

/* scalar class: 0 i<=32/ptr, 1 i33..64, 2 float, 3 double, -1 other */
static int cls(L *l, uint32_t t) {
    Ty *y = T(l, t);
    if (y->k == TK_INT) return y->w <= 32 ? 0 : y->w <= 64 ? 1 : -1;
    if (y->k == TK_PTR) return 0;
    if (y->k == TK_FLT) return 2;
    if (y->k == TK_DBL) return 3;
    return -1;
}
static uint32_t iw(L *l, uint32_t t) { Ty *y = T(l, t); return y->k == TK_INT ? y->w : y->k == TK_PTR ? 32 : y->k == TK_DBL ? 64 : 32; }
static uint32_t nelt(L *l, uint32_t t) { Ty *y = T(l, t); return y->k == TK_VEC ? y->w : 1; }
static uint32_t sty(L *l, uint32_t t) { Ty *y = T(l, t); return y->k == TK_VEC ? y->elt : t; }
/* bytes a value occupies in the frame */
static uint32_t vsize(L *l, uint32_t t) {
    Ty *y = T(l, t);
    if (y->k == TK_VEC) return 8 * y->w;
    if (cls(l, t) >= 0) return 8;
    uint32_t s = ty_size(l->e, t);
    return (s + 7) & ~7u;
}

static int elem_const(L *l, uint32_t v, uint32_t i, uint64_t *out) {
    E *e = l->e; Val *x = &e->v[v];
    *out = 0;
    if (T(l, x->ty)->k != TK_VEC) return const_scalar(e, v, out);
    if (x->k == V_CNULL || x->k == V_CUNDEF) return 0;
    if (x->k == V_CDATA) { if (i < x->u.d.n) *out = x->u.d.d[i]; return 0; }
    if (x->k == V_CAGG) { if (i < x->u.a.n) return const_scalar(e, x->u.a.o[i], out); return 0; }
    return BADL("bitcode: unsupported vector constant");
}

static uint64_t wmask(uint32_t w, uint64_t x) { return w >= 64 ? x : x & ((1ull << w) - 1); }

/* wide integers (65..128 bits): 16-byte slots, run by bf_wide (exec.c) */
static int32_t inslot(L *l, Opd *o);
static int32_t tmpslot(L *l);
static int isw(L *l, uint32_t t) { Ty *y = T(l, t); return y->k == TK_INT && y->w > 64 && y->w <= 128; }
static int ewide(L *l, uint32_t sub, int32_t d, W a, W b, W c, uint32_t w) {
    int32_t fpt = tmpslot(l), r = tmpslot(l);
    W arg[6] = { (W)d, a, b, c, (W)sub, (W)w };
    if (E3(OP(lea), fpt, 0) || E5(OP(ncall), r, (W)bf_wide, RK_I32, 7) || E2(fpt, 0)) return -1;
    for (int i = 0; i < 6; i++) { Opd o = { 1, 0, (uint32_t)arg[i] }; if (E2(inslot(l, &o), 0)) return -1; }
    if (sub >= 3 && sub <= 6) {                      /* division by zero: trap, as native code would */
        uint32_t lb = newlab(l);
        if (E3(OP(beqi), r, 0) || target(l, lb) || E1(OP(trap))) return -1;
        l->lab[lb] = l->nc;
    }
    return 0;
}
/* a wide constant as four limbs (zero above its width) */
static int const_wide(L *l, uint32_t v, uint32_t *x) {
    E *e = l->e; Val *c = &e->v[v];
    uint32_t w = T(l, c->ty)->w;
    uint64_t lo = 0; int sg = 0;
    memset(x, 0, 16);
    switch (c->k) {
    case V_CNULL: case V_CUNDEF: return 0;
    case V_CWIDE: for (uint32_t i = 0; i < c->u.a.n && i < 4; i++) x[i] = c->u.a.o[i]; break;
    case V_CINT: lo = c->u.i; sg = 1; break;                  /* a sign-extended 64-bit record */
    case V_CE:                                                /* zext/sext/ptrtoint of a narrower constant */
        if (c->op == 11 && c->u.a.n >= 3 && (c->u.a.o[0] == 1 || c->u.a.o[0] == 2 || c->u.a.o[0] == 9)
            && c->u.a.o[1] < e->nty && !isw(l, c->u.a.o[1])) {
            uint32_t sw = iw(l, c->u.a.o[1]);
            if (const_scalar(e, c->u.a.o[2], &lo)) return -1;
            lo = wmask(sw, lo);
            if (c->u.a.o[0] == 2 && sw < 64 && (lo >> (sw - 1) & 1)) lo |= ~0ull << sw;
            sg = c->u.a.o[0] == 2;
            break;
        }
        return BADL("bitcode: unsupported %u-bit constant expression in '%.*s'", w, (int)l->f->nlen, l->f->name);
    default: return BADL("bitcode: unsupported %u-bit constant in '%.*s'", w, (int)l->f->nlen, l->f->name);
    }
    if (c->k != V_CWIDE) { x[0] = (uint32_t)lo; x[1] = (uint32_t)(lo >> 32); if (sg && (int64_t)lo < 0) x[2] = x[3] = ~0u; }
    for (uint32_t i = 0; i < 4; i++) {
        if (w <= 32 * i) x[i] = 0;
        else if (w < 32 * i + 32) x[i] &= (1u << (w - 32 * i)) - 1;
    }
    return 0;
}

/* operand for element i of value v */
static int opd(L *l, uint32_t v, uint32_t i, Opd *o) {
    memset(o, 0, sizeof *o);
    if (v >= l->e->nv) return BADL("bitcode: bad operand %u", v);
    if (isconst(l, v)) {
        uint32_t et = sty(l, vty(l, v));
        if (isw(l, et) && T(l, vty(l, v))->k != TK_VEC) {
            uint32_t x[4];
            if (const_wide(l, v, x)) return -1;
            o->off = cslot(l, x, 16);
            return 0;
        }
        if (T(l, et)->k == TK_FP80) {                 /* its 10 bytes in a 16-byte constant slot */
            uint8_t x[16] = { 0 };
            if (const_bytes(l->e, v, x, 16)) return -1;
            o->off = cslot(l, x, 16);
            return 0;
        }
        o->imm = 1;
        if (elem_const(l, v, i, &o->v)) return -1;
        if (T(l, et)->k == TK_INT) o->v = wmask(T(l, et)->w, o->v);
        return 0;
    }
    if (!l->loc[v - l->base]) {
        if (l->fa[v - l->base] || l->gb[v - l->base]) return BADL("bitcode: internal: unmaterialised address");
        return BADL("bitcode: use of value %u before its definition in '%.*s'", v, (int)l->f->nlen, l->f->name);
    }
    o->off = l->loc[v - l->base] + 8 * i;
    return 0;
}
/* force an operand into a slot */
static int32_t inslot(L *l, Opd *o) {
    if (!o->imm) return o->off;
    int32_t s = cslot(l, &o->v, 8);
    o->imm = 0; o->off = s;
    return s;
}
static int32_t sl(L *l, uint32_t v, uint32_t i) { Opd o; if (opd(l, v, i, &o)) return 0; return inslot(l, &o); }

static int32_t dst(L *l, uint32_t v) {
    uint32_t k = v - l->base;
    if (v < l->base || k >= l->nloc) { BADL("bitcode: instruction without a valid result in '%.*s'", (int)l->f->nlen, l->f->name); return 24; }
    if (!l->loc[k]) l->loc[k] = slot(l, vsize(l, vty(l, v)));
    return l->loc[k];
}
static int32_t tmpslot(L *l) { return slot(l, 8); }

/* move src operand to dst slot, scalar type t */
static int mov(L *l, int32_t d, Opd *s, uint32_t t) {
    int c = cls(l, t);
    if (s->imm) {
        if (c < 0) return BADL("bitcode: internal: immediate for a %u-byte value in '%.*s'", vsize(l, t), (int)l->f->nlen, l->f->name);
        if (c == 1 || c == 3) return E4(OP(movi64), d, (uint32_t)s->v, (uint32_t)(s->v >> 32));
        return E3(OP(movi), d, (uint32_t)s->v);
    }
    if (s->off == d) return 0;
    if (c == 1 || c == 3) return E3(OP(mov64), d, s->off);
    if (c >= 0) return E3(OP(mov32), d, s->off);
    uint32_t n = vsize(l, t);
    return E4(OP(movn), d, s->off, n);
}
/* move whole value v into slot d (any type) */
static int movv(L *l, int32_t d, uint32_t v) {
    uint32_t t = vty(l, v);
    if (T(l, t)->k == TK_VEC) {
        for (uint32_t i = 0; i < T(l, t)->w; i++) { Opd o; if (opd(l, v, i, &o) || mov(l, d + 8 * i, &o, T(l, t)->elt)) return -1; }
        return 0;
    }
    if (cls(l, t) < 0 && isconst(l, v) && !isw(l, t)) {    /* aggregate constant */
        uint32_t n = vsize(l, t);
        uint8_t *buf = ealloc(l->e, n + 8); if (!buf) return -1;
        if (const_bytes(l->e, v, buf, n)) { efree(l->e, buf); return -1; }
        int32_t s = cslot(l, buf, n); efree(l->e, buf);
        return E4(OP(movn), d, s, n);
    }
    Opd o; if (opd(l, v, 0, &o)) return -1;
    return mov(l, d, &o, t);
}

static int mask_to(L *l, int32_t d, uint32_t w) {
    if (w >= 32 && w != 64 && w > 32) { uint64_t m = (1ull << w) - 1; return E5(OP(and64i), d, d, (uint32_t)m, (uint32_t)(m >> 32)); }
    if (w >= 32) return 0;
    return E4(OP(andi), d, d, (1u << w) - 1);
}
/* sign-extend a narrow int operand into a temp slot */
static int32_t sext_tmp(L *l, Opd *o, uint32_t w) {
    if (o->imm) { uint64_t x = o->v; if (w < 64) x = (uint64_t)((int64_t)(x << (64 - w)) >> (64 - w)); o->v = x; return 0; }
    int32_t t = tmpslot(l);
    if (w < 32) { if (E4(OP(sext), t, o->off, 32 - w)) return -1; }
    else if (E4(OP(sext64), t, o->off, 64 - w)) return -1;
    o->off = t;
    return 0;
}

/* ---- scalar emitters ------------------------------------------------ */
static const uint16_t bin32[13] = { OP_add, OP_sub, OP_mul, OP_udiv, OP_sdiv, OP_urem, OP_srem, OP_shl, OP_lshr, OP_ashr, OP_and, OP_or, OP_xor };
static const uint16_t bin32i[13] = { OP_addi, OP_subi, OP_muli, OP_udivi, OP_sdivi, OP_uremi, OP_sremi, OP_shli, OP_lshri, OP_ashri, OP_andi, OP_ori, OP_xori };
static const uint16_t bin64[13] = { OP_add64, OP_sub64, OP_mul64, OP_udiv64, OP_sdiv64, OP_urem64, OP_srem64, OP_shl64, OP_lshr64, OP_ashr64, OP_and64, OP_or64, OP_xor64 };
static const uint16_t binf[5] = { OP_fadd, OP_fsub, OP_fmul, OP_fdiv, OP_frem };
static const uint16_t bind[5] = { OP_dadd, OP_dsub, OP_dmul, OP_ddiv, OP_drem };

static int call_libm(L *l, const char *name, int32_t d, Opd *a, int n, int isf);

/* <2 x double> (what clang's SLP vectoriser makes of pairs of doubles): one
 * handler per operation over both lanes. A local's lanes are adjacent slots;
 * a constant's are copied to two adjacent constant slots. */
static int is_v2d(L *l, uint32_t t) { Ty *y = T(l, t); return y->k == TK_VEC && y->w == 2 && cls(l, y->elt) == 3; }
static int32_t lanes2(L *l, uint32_t v) {
    if (!isconst(l, v)) return sl(l, v, 0);
    uint64_t x[2];
    if (elem_const(l, v, 0, &x[0]) || elem_const(l, v, 1, &x[1])) return 0;
    return cslot(l, x, 16);
}
static int emit_v2d(L *l, int op, int32_t d, const uint32_t *v, int n) {
    int32_t s[3];
    for (int k = 0; k < n; k++) if (!(s[k] = lanes2(l, v[k]))) return -1;
    if (E2(l->e->lab[op], d)) return -1;
    for (int k = 0; k < n; k++) if (E1(s[k])) return -1;
    return 0;
}
static int emit_bin(L *l, uint32_t opc, uint32_t t, int32_t d, Opd a, Opd b) {
    int c = cls(l, t);
    if (opc > 12) return BADL("bitcode: bad binary opcode %u", opc);
    if (c == 2 || c == 3) {
        if (opc > 4 && opc != 6 && opc != 4) { }
        static const uint8_t fmap[13] = { 0, 1, 2, 9, 3, 9, 4, 9, 9, 9, 9, 9, 9 };
        uint32_t k = fmap[opc];
        if (k > 4) return BADL("bitcode: bad float opcode");
        if (k == 4) { Opd ab[2] = { a, b }; return call_libm(l, c == 2 ? "fmodf" : "fmod", d, ab, 2, c == 2); }
        return E4(l->e->lab[c == 2 ? binf[k] : bind[k]], d, inslot(l, &a), inslot(l, &b));
    }
    if (isw(l, t)) return ewide(l, opc, d, inslot(l, &a), inslot(l, &b), 0, iw(l, t));
    if (c < 0) return BADL("bitcode: unsupported integer width %u in '%.*s'", iw(l, t), (int)l->f->nlen, l->f->name);
    uint32_t w = iw(l, t);
    int sgn = opc == 4 || opc == 6 || opc == 9;
    if (sgn && w != 32 && w != 64) { if (sext_tmp(l, &a, w) || sext_tmp(l, &b, w)) return -1; }
    if (c == 1) {
        if (E4(l->e->lab[bin64[opc]], d, inslot(l, &a), inslot(l, &b))) return -1;
    } else {
        int comm = opc == 0 || opc == 2 || opc >= 10;
        if (a.imm && comm && !b.imm) { Opd t2 = a; a = b; b = t2; }
        if (b.imm && !a.imm) {
            uint32_t x = (uint32_t)b.v;
            if (opc == 1) { if (E4(OP(addi), d, a.off, -x)) return -1; }
            else if (opc >= 3 && opc <= 6 && x == 0) { if (E4(l->e->lab[bin32[opc]], d, a.off, inslot(l, &b))) return -1; }
            else if (E4(l->e->lab[bin32i[opc]], d, a.off, x)) return -1;
        } else if (E4(l->e->lab[bin32[opc]], d, inslot(l, &a), inslot(l, &b))) return -1;
    }
    int needmask = w != 32 && w != 64 && !(opc == 3 || opc == 5 || opc == 8 || opc == 10 || opc == 11 || opc == 12);
    return needmask ? mask_to(l, d, w) : 0;
}

static const uint16_t cmp32[10] = { OP_eq, OP_ne, OP_ugt, OP_uge, OP_ult, OP_ule, OP_sgt, OP_sge, OP_slt, OP_sle };
static const uint16_t cmp32i[10] = { OP_eqi, OP_nei, OP_ugti, OP_ugei, OP_ulti, OP_ulei, OP_sgti, OP_sgei, OP_slti, OP_slei };
static const uint16_t cmp64[10] = { OP_eq64, OP_ne64, OP_ugt64, OP_uge64, OP_ult64, OP_ule64, OP_sgt64, OP_sge64, OP_slt64, OP_sle64 };
static const uint8_t swp[10] = { 0, 1, 4, 5, 2, 3, 8, 9, 6, 7 };       /* a op b == b swp(op) a */
static const uint16_t fcf[16] = { 0, OP_foeqf, OP_fogtf, OP_fogef, OP_foltf, OP_folef, OP_fonef, OP_fordf, OP_funof, OP_fueqf, OP_fugtf, OP_fugef, OP_fultf, OP_fulef, OP_funef, 0 };
static const uint16_t fcd[16] = { 0, OP_foeqd, OP_fogtd, OP_foged, OP_foltd, OP_foled, OP_foned, OP_fordd, OP_funod, OP_fueqd, OP_fugtd, OP_fuged, OP_fultd, OP_fuled, OP_funed, 0 };

static int emit_cmp(L *l, uint32_t pred, uint32_t t, int32_t d, Opd a, Opd b) {
    int c = cls(l, t);
    if (c == 2 || c == 3) {
        if (pred == 0 || pred == 15) return E3(OP(movi), d, pred == 15);
        if (pred > 15) return BADL("bitcode: bad fcmp predicate");
        return E4(l->e->lab[c == 2 ? fcf[pred] : fcd[pred]], d, inslot(l, &a), inslot(l, &b));
    }
    if (pred < 32 || pred > 41) return BADL("bitcode: bad icmp predicate %u", pred);
    if (isw(l, t)) return ewide(l, WO_CMP + pred - 32, d, inslot(l, &a), inslot(l, &b), 0, iw(l, t));
    if (c < 0) return BADL("bitcode: unsupported integer width in compare");
    uint32_t p = pred - 32, w = iw(l, t);
    if (p >= 6 && w != 32 && w != 64) { if (sext_tmp(l, &a, w) || sext_tmp(l, &b, w)) return -1; }
    if (c == 1) return E4(l->e->lab[cmp64[p]], d, inslot(l, &a), inslot(l, &b));
    if (a.imm && !b.imm) { Opd t2 = a; a = b; b = t2; p = swp[p]; }
    if (b.imm) return E4(l->e->lab[cmp32i[p]], d, a.off, (uint32_t)b.v);
    return E4(l->e->lab[cmp32[p]], d, a.off, b.off);
}

/* casts on scalars */
static int emit_cast(L *l, uint32_t opc, uint32_t st, uint32_t dt, int32_t d, Opd a) {
    int sc = cls(l, st), dc = cls(l, dt);
    uint32_t sw = iw(l, st), dw = iw(l, dt);
    if ((isw(l, st) && (dc >= 0 || isw(l, dt))) || (isw(l, dt) && sc >= 0)) {
        int32_t s = inslot(l, &a);
        int ws = isw(l, st), wd = isw(l, dt), fs = sc == 2 || sc == 3, fd = dc == 2 || dc == 3;
        if ((opc <= 2 || opc == 9 || opc == 10) && !fs && !fd) {          /* trunc zext sext ptrtoint inttoptr */
            if (ws && wd) return ewide(l, opc == 2 ? WO_WSEXT : WO_WEXT, d, s, sw, 0, dw);
            if (wd) return ewide(l, opc == 2 ? WO_SEXT : WO_ZEXT, d, s, sw, 0, dw);
            return ewide(l, WO_TRUNC, d, s, 0, 0, dw);
        }
        if ((opc == 3 || opc == 4) && fs && wd) return ewide(l, (sc == 2 ? WO_F2UI : WO_D2UI) + (opc == 4), d, s, 0, 0, dw);
        if ((opc == 5 || opc == 6) && ws && fd) return ewide(l, (dc == 2 ? WO_UI2F : WO_UI2D) + (opc == 6), d, s, 0, 0, sw);
        return BADL("bitcode: unsupported cast %u of a %u-bit integer in '%.*s'", opc, ws ? sw : dw, (int)l->f->nlen, l->f->name);
    }
    if (sc < 0 || dc < 0) return BADL("bitcode: unsupported cast (type kinds %u -> %u) in '%.*s'", T(l, st)->k, T(l, dt)->k, (int)l->f->nlen, l->f->name);
    if (a.imm) {                                   /* fold integer casts of constants */
        if (opc == 2) { uint64_t x = a.v; if (sw < 64) x = (uint64_t)((int64_t)(x << (64 - sw)) >> (64 - sw)); a.v = wmask(dw, x); return mov(l, d, &a, dt); }
        if (opc == 0 || opc == 1 || opc == 9 || opc == 10 || (opc == 11 && sc == dc)) { a.v = wmask(dw, a.v); if (dc >= 2) a.v = a.v; return mov(l, d, &a, dt); }
        inslot(l, &a);
    }
    switch (opc) {
    case 0: case 1: case 9: case 10: case 12: case 11:    /* trunc zext ptrtoint inttoptr bitcast */
        if (opc == 11 && (sc >= 2 || dc >= 2)) {
            if ((sc == 1 || sc == 3) && (dc == 1 || dc == 3)) return E3(OP(mov64), d, a.off);
            return E3(OP(mov32), d, a.off);
        }
        if (sc == 0 && dc == 0 && opc == 1 && a.off == d) return 0;     /* a narrow load into this slot (zext_in_place) */
        if (sc == 0 && dc == 0) { if (E3(OP(mov32), d, a.off)) return -1; return dw < sw ? mask_to(l, d, dw) : 0; }
        if (sc == 0 && dc == 1) return E3(OP(zx64), d, a.off);
        if (sc == 1 && dc == 0) { if (E3(OP(mov32), d, a.off)) return -1; return dw < 32 ? mask_to(l, d, dw) : 0; }
        if (E3(OP(mov64), d, a.off)) return -1;
        return dw < sw ? mask_to(l, d, dw) : 0;
    case 2:                                               /* sext */
        if (sc == 0) {
            int32_t s = a.off;
            if (sw < 32) { if (E4(OP(sext), d, s, 32 - sw)) return -1; s = d; }
            if (dc == 1) { if (E3(OP(sx64), d, s)) return -1; return mask_to(l, d, dw); }
            if (s != d && E3(OP(mov32), d, s)) return -1;
            return mask_to(l, d, dw);
        }
        if (E4(OP(sext64), d, a.off, 64 - sw)) return -1;
        return mask_to(l, d, dw);
    case 3: case 4: {                                     /* fptoui fptosi */
        int u = opc == 3;
        uint16_t op = sc == 2 ? (dc == 1 ? (u ? OP_f2ul : OP_f2sl) : (u ? OP_f2ui : OP_f2si))
                             : (dc == 1 ? (u ? OP_d2ul : OP_d2sl) : (u ? OP_d2ui : OP_d2si));
        if (E3(l->e->lab[op], d, a.off)) return -1;
        return dw != 32 && dw != 64 ? mask_to(l, d, dw) : 0;
    }
    case 5: case 6: {                                     /* uitofp sitofp */
        int u = opc == 5;
        int32_t s = a.off;
        if (!u && sw != 32 && sw != 64) { Opd o = a; if (sext_tmp(l, &o, sw)) return -1; s = o.off; }
        uint16_t op = sc == 1 ? (dc == 2 ? (u ? OP_ul2f : OP_sl2f) : (u ? OP_ul2d : OP_sl2d))
                             : (dc == 2 ? (u ? OP_ui2f : OP_si2f) : (u ? OP_ui2d : OP_si2d));
        return E3(l->e->lab[op], d, s);
    }
    case 7: return sc == 3 ? E3(OP(d2f), d, a.off) : E3(OP(mov32), d, a.off);
    case 8: return sc == 2 ? E3(OP(f2d), d, a.off) : E3(OP(mov64), d, a.off);
    }
    return BADL("bitcode: bad cast opcode %u", opc);
}

/* native call of a libm-style function by name (f: float variant) */
static int call_libm(L *l, const char *name, int32_t d, Opd *a, int n, int isf) {
    void *fn = ffi_lookup(l->e, name, (uint32_t)strlen(name));
    if (!fn) return fail(l->e, BFE_UNRESOLVED, "bitcode: unresolved external '%s' (needed for an intrinsic)", name);
    if (E5(OP(ncall), d, fn, isf ? RK_F32 : RK_F64, n)) return -1;
    for (int i = 0; i < n; i++) if (E2(inslot(l, &a[i]), isf ? 0 : 1)) return -1;
    return 0;
}

/* ---- phis and edges --------------------------------------------------- */
static int edge_moves1(L *l, uint32_t from, uint32_t to);
/* phi moves on an edge: adjacent mov32 (movi) pairs become one mov2 (movi2) */
static int edge_moves(L *l, uint32_t from, uint32_t to) {
    uint32_t q = l->nc, r;
    l->mvat = NOTY;
    if (edge_moves1(l, from, to)) return -1;
    W m32 = OP(mov32), mi = OP(movi), *c = l->c;
    for (r = q; q + 3 <= l->nc && (c[q] == m32 || c[q] == mi); ) {
        if (q + 6 <= l->nc && c[q + 3] == c[q]) {
            W op = c[q] == m32 ? OP(mov2) : OP(movi2), a = c[q + 1], b = c[q + 2], d = c[q + 4], e = c[q + 5];
            c[r] = op; c[r + 1] = a; c[r + 2] = b; c[r + 3] = d; c[r + 4] = e;
            r += 5; q += 6;
        } else {
            if (r != q) { c[r] = c[q]; c[r + 1] = c[q + 1]; c[r + 2] = c[q + 2]; }
            if (q + 3 == l->nc) l->mvat = r;           /* the last move, a single one */
            r += 3; q += 3;
        }
    }
    if (r != q) {                                     /* close the gap (moves only: no labels or patches inside) */
        memmove(c + r, c + q, (l->nc - q) * sizeof(W));
        l->nc -= q - r;
    }
    if (l->mvat != NOTY && l->mvat + 3 != l->nc) l->mvat = NOTY;
    return 0;
}
/* "jmp lab" after the moves emitted from q: a last single move and the jump
 * are one movj / movij */
static int jmp_moves(L *l, uint32_t q, uint32_t lab) {
    W *c = l->c;
    if (l->mvat != NOTY && l->mvat >= q && l->mvat + 3 == l->nc && (c[l->nc - 3] == OP(mov32) || c[l->nc - 3] == OP(movi))) {
        c[l->nc - 3] = c[l->nc - 3] == OP(mov32) ? OP(movj) : OP(movij);
        return target(l, lab);
    }
    if (E1(OP(jmp))) return -1;
    return target(l, lab);
}
static int edge_moves1(L *l, uint32_t from, uint32_t to) {
    FnIR *ir = l->ir;
    uint32_t s = ir->bb[to], e2 = ir->bb[to + 1];
    int conflict = 0;
    for (uint32_t i = s; i < e2 && ir->ins[i].op == I_PHI; i++) {
        Ins *I = &ir->ins[i];
        for (uint32_t k = 0; k + 1 < I->n; k += 2) if (I->o[k + 1] == from) {
            uint32_t v = I->o[k];
            for (uint32_t j = s; j < e2 && ir->ins[j].op == I_PHI; j++) if (ir->ins[j].id == v && j != i) conflict = 1;
            break;
        }
    }
    for (int pass = conflict ? 0 : 1; pass < 2; pass++)
        for (uint32_t i = s; i < e2 && ir->ins[i].op == I_PHI; i++) {
            Ins *I = &ir->ins[i];
            uint32_t k;
            for (k = 0; k + 1 < I->n; k += 2) if (I->o[k + 1] == from) break;
            if (k + 1 >= I->n) continue;           /* not a real edge (unreachable) */
            int32_t d = dst(l, I->id);
            uint32_t sz = vsize(l, I->ty);
            int32_t *tp = &l->tmp[I->id - l->base];
            if (conflict && !*tp) *tp = slot(l, sz);
            if (pass == 0) { if (movv(l, *tp, I->o[k])) return -1; }
            else if (conflict) {
                Opd o = { 0, *tp, 0 };
                if (T(l, I->ty)->k == TK_VEC) { for (uint32_t q = 0; q < T(l, I->ty)->w; q++) { Opd oo = { 0, *tp + 8 * (int32_t)q, 0 }; if (mov(l, d + 8 * q, &oo, T(l, I->ty)->elt)) return -1; } }
                else if (mov(l, d, &o, I->ty)) return -1;
            } else if (movv(l, d, I->o[k])) return -1;
        }
    return 0;
}
static int has_phi(L *l, uint32_t to) {
    FnIR *ir = l->ir;
    for (uint32_t i = ir->bb[to]; i < ir->bb[to + 1] && ir->ins[i].op == I_PHI; i++) {
        Ins *I = &ir->ins[i];
        for (uint32_t k = 0; k + 1 < I->n; k += 2) if (I->o[k + 1] == l->cur) {
            uint32_t v = I->o[k];
            if (!(islocal(l, v) && l->loc[v - l->base] == l->loc[I->id - l->base])) return 1;
            break;
        }
    }
    return 0;
}
/* back-edges are counted (through an edge stub ending in jmpb) for --stats, and for the JIT's OSR */
static int isback(L *l, uint32_t to) { return (l->e->cfg.stats || l->e->jit_osr) && to <= l->cur; }

/* label to branch to for edge cur -> to (a stub if moves or counting needed) */
static uint32_t edge_label(L *l, uint32_t to) {
    if (!has_phi(l, to) && !isback(l, to)) return to;
    uint32_t lb = newlab(l);
    if (grow(l->e, (void **)&l->st, &l->capst, l->nst + 1, sizeof *l->st)) return 0;
    l->st[l->nst].lab = lb; l->st[l->nst].from = l->cur; l->st[l->nst].to = to; l->st[l->nst].back = isback(l, to);
    l->nst++;
    return lb;
}
static int jump(L *l, uint32_t to, int back) {
    if (back) {
        uint32_t k = l->nloops++;
        if (E1(OP(jmpb)) || target(l, to)) return -1;
        return E1(k);                               /* patched to &f->loops[k] */
    }
    if (to == l->cur + 1 && l->nst == (uint32_t)-1) return 0;
    if (E1(OP(jmp))) return -1;
    return target(l, to);
}
/* unconditional transfer cur -> to, with moves inline */
static int goto_bb(L *l, uint32_t to) {
    if (to >= l->ir->nbb) return BADL("bitcode: bad branch target %u in '%.*s'", to, (int)l->f->nlen, l->f->name);
    uint32_t q = l->nc;
    if (edge_moves(l, l->cur, to)) return -1;
    if (isback(l, to)) return jump(l, to, 1);
    if (to == l->cur + 1) return 0;                 /* fall through */
    return jmp_moves(l, q, to);
}

/* ---- intrinsics ------------------------------------------------------ */
static int pfx(const char *n, uint32_t len, const char *p) {
    uint32_t k = (uint32_t)strlen(p);
    return len >= k && !memcmp(n, p, k) && (len == k || n[k] == '.');
}

static int emit_call(L *l, Ins *I);

/* a call of fn(fp, arg...) (simd_run, fp80_run): the frame pointer, then immediates */
static int frame_call(L *l, void *fn, const W *arg, int n) {
    int32_t fpt = tmpslot(l);
    if (E3(OP(lea), fpt, 0) || E5(OP(ncall), 24, (W)fn, RK_VOID, n + 1) || E2(fpt, 0)) return -1;
    for (int i = 0; i < n; i++) { Opd o = { 1, 0, (uint32_t)arg[i] }; if (E2(inslot(l, &o), 0)) return -1; }
    return 0;
}

/* llvm.x86.sse*: simd.c runs the instruction on the operands' slots (a
 * constant vector copied into slots first) */
static int lower_simd(L *l, Ins *I, int k, int32_t d) {
    W arg[5] = { (W)d, (W)k, 0, 0, 0 };
    for (uint32_t i = 0; i + 1 < I->n && i < 3; i++) {
        uint32_t v = I->o[1 + i];
        if (isconst(l, v) && T(l, vty(l, v))->k == TK_VEC) {
            int32_t t = slot(l, vsize(l, vty(l, v)));
            if (movv(l, t, v)) return -1;
            arg[2 + i] = (W)t;
        } else arg[2 + i] = (W)sl(l, v, 0);
    }
    return frame_call(l, (void *)simd_run, arg, 5);
}

static int isf80(L *l, uint32_t t) { return t < l->e->nty && T(l, t)->k == TK_FP80; }
/* long double arithmetic, compares and conversions: fp80.c on the x87; frem is
 * the C library's fmodl, as native code calls it */
static int lower_fp80(L *l, Ins *I, int32_t d) {
    Opd a, b = { 0, 24, 0 };
    uint32_t t = I->ty, st = I->ty2, op;
    if (opd(l, I->o[0], 0, &a) || (I->op != I_FNEG && I->op != I_CAST && opd(l, I->o[1], 0, &b))) return -1;
    switch (I->op) {
    case I_FNEG: op = F80_NEG; break;
    case I_BIN:
        if (I->sub == 6) {                            /* frem */
            void *fn = ffi_lookup(l->e, "fmodl", 5);
            if (!fn) return fail(l->e, BFE_UNRESOLVED, "bitcode: unresolved external 'fmodl' (needed for frem on long double)");
            int32_t at = tmpslot(l);
            return E3(OP(lea), at, d) || E5(OP(ncall), d, (W)fn, RK_F80, 5)
                || E2(inslot(l, &a), 1) || E2(a.off + 8, 0) || E2(inslot(l, &b), 1) || E2(b.off + 8, 0) || E2(at, 0);
        }
        if (I->sub > 4 || I->sub == 3) return BADL("bitcode: bad long double opcode %u", I->sub);
        op = I->sub == 4 ? F80_DIV : F80_ADD + I->sub; break;   /* binop codes: fadd 0, fsub 1, fmul 2, fdiv 4 */
    case I_CMP:
        if (I->sub == 0 || I->sub == 15) return E3(OP(movi), d, I->sub == 15);
        if (I->sub > 15) return BADL("bitcode: bad fcmp predicate");
        op = F80_CMP + I->sub; break;
    default: {                                        /* I_CAST: fpext fptrunc fptoui fptosi uitofp sitofp */
        int to = isf80(l, t);
        uint32_t other = to ? st : t, w = iw(l, other);
        Ty *y = T(l, other);
        if (I->sub == 11) {                           /* bitcast to or from i80: the same 10 bytes */
            if (!isw(l, other) || w != 80) return BADL("bitcode: bad long double bitcast in '%.*s'", (int)l->f->nlen, l->f->name);
            if (E4(OP(movn), d, inslot(l, &a), 16)) return -1;
            return to ? 0 : ewide(l, WO_MASK, d, d, 0, 0, 80);
        }
        int sgn = I->sub == 4 || I->sub == 6;
        if (y->k == TK_FLT || y->k == TK_DBL) {
            if (I->sub != (to ? 8 : 7)) return BADL("bitcode: bad long double cast %u", I->sub);
            op = to ? (y->k == TK_FLT ? F80_FROM_F32 : F80_FROM_F64) : (y->k == TK_FLT ? F80_TO_F32 : F80_TO_F64);
        } else if (y->k == TK_INT && w <= 64 && I->sub == (to ? 5u + sgn : 3u + sgn)) {
            if (to && sgn && w != 32 && w != 64 && sext_tmp(l, &a, w)) return -1;
            if (to && sgn && w > 32 && w < 64) w = 64;
            op = (to ? F80_FROM_S32 : F80_TO_S32) + 2 * (w > 32) + !sgn;
            if (to && w < 32 && !sgn) op = F80_FROM_U32;
            if (to && w < 32 && sgn) op = F80_FROM_S32;
        } else return BADL("bitcode: unsupported long double cast in '%.*s'", (int)l->f->nlen, l->f->name);
        W arg[4] = { (W)d, (W)inslot(l, &a), 24, op };
        if (frame_call(l, (void *)fp80_run, arg, 4)) return -1;
        return !to && w != 32 && w != 64 ? mask_to(l, d, w) : 0;
    }
    }
    W arg[4] = { (W)d, (W)inslot(l, &a), (W)inslot(l, &b), op };
    return frame_call(l, (void *)fp80_run, arg, 4);
}

static int intrinsic(L *l, Ins *I, Fn *f) {
    const char *n = f->name + 5; uint32_t len = f->nlen - 5;
    uint32_t na = I->n - 1, *a = I->o + 1;
    uint32_t rt = I->ty;
    int32_t d = rt != NOTY ? dst(l, I->id) : 24;
    Opd x, y, z;
    int simd = simd_find(n, len);
    if (simd >= 0) return lower_simd(l, I, simd, d);
    int f80 = rt != NOTY && isf80(l, rt);
    for (uint32_t i = 0; i < na; i++) f80 |= a[i] < l->e->nv && isf80(l, vty(l, a[i]));
    if (f80) {                                        /* long double: fmuladd and fabs; the rest are calls */
        if (pfx(n, len, "fmuladd") && na == 3) {     /* the x87 has no fused multiply-add: a product, then a sum */
            int32_t p = slot(l, 16);
            if (opd(l, a[0], 0, &x) || opd(l, a[1], 0, &y) || opd(l, a[2], 0, &z)) return -1;
            W mul[4] = { (W)p, (W)inslot(l, &x), (W)inslot(l, &y), F80_MUL }, add[4] = { (W)d, (W)p, (W)inslot(l, &z), F80_ADD };
            return frame_call(l, (void *)fp80_run, mul, 4) || frame_call(l, (void *)fp80_run, add, 4);
        }
        if (!pfx(n, len, "fabs") || na != 1) return BADL("bitcode: unsupported intrinsic 'llvm.%.*s' on long double", (int)len, n);
        if (opd(l, a[0], 0, &x)) return -1;
        W arg[4] = { (W)d, (W)inslot(l, &x), 24, F80_ABS };
        return frame_call(l, (void *)fp80_run, arg, 4);
    }
    if (pfx(n, len, "dbg") || pfx(n, len, "lifetime") || pfx(n, len, "assume") || pfx(n, len, "va_end")
        || pfx(n, len, "experimental.noalias.scope.decl") || pfx(n, len, "invariant") || pfx(n, len, "sideeffect")
        || pfx(n, len, "var.annotation") || pfx(n, len, "donothing") || pfx(n, len, "prefetch"))
        return 0;
    if (pfx(n, len, "expect") || pfx(n, len, "ssa.copy") || pfx(n, len, "launder.invariant.group") || pfx(n, len, "strip.invariant.group")
        || pfx(n, len, "annotation") || pfx(n, len, "ptr.annotation")) {
        return movv(l, d, a[0]);
    }
    if (pfx(n, len, "memcpy") || pfx(n, len, "memmove") || pfx(n, len, "memset")) {
        int op = n[3] == 'c' ? OP_memcpy : n[3] == 'm' ? OP_memmove : OP_memset;
        if (na < 3) return BADL("bitcode: bad mem intrinsic");
        return E4(l->e->lab[op], sl(l, a[0], 0), sl(l, a[1], 0), sl(l, a[2], 0));
    }
    if (pfx(n, len, "stacksave")) return E2(OP(stsave), d);
    if (pfx(n, len, "stackrestore")) return E2(OP(strest), sl(l, a[0], 0));
    if (pfx(n, len, "va_start")) return E2(OP(vastart), sl(l, a[0], 0));
    if (pfx(n, len, "va_copy")) return E3(OP(vacopy), sl(l, a[0], 0), sl(l, a[1], 0));
    if (pfx(n, len, "eh.sjlj.setjmp")) return E3(OP(setjmp), d, sl(l, a[0], 0));    /* __builtin_setjmp: the engine's own, as setjmp */
    if (pfx(n, len, "eh.sjlj.longjmp")) { Opd one = { 1, 0, 1 }; return E3(OP(longjmp), sl(l, a[0], 0), inslot(l, &one)); }
    if (pfx(n, len, "trap") || pfx(n, len, "debugtrap") || pfx(n, len, "ubsantrap")) return E1(OP(trap));
    if (pfx(n, len, "objectsize")) {
        uint64_t mn = 0; if (na > 1) const_scalar(l->e, a[1], &mn);
        Opd o = { 1, 0, (mn & 1) ? 0 : (uint64_t)-1 }; o.v = wmask(iw(l, rt), o.v);
        return mov(l, d, &o, rt);
    }
    if (pfx(n, len, "is.constant")) return E3(OP(movi), d, 0);
    if (pfx(n, len, "returnaddress") || pfx(n, len, "frameaddress")) {
        uint64_t level = 0;
        if (na < 1 || const_scalar(l->e, a[0], &level)) return BADL("bitcode: %.*s needs a constant level", (int)len, n);
        return E4(OP(frameaddr), d, (W)level, n[0] == 'r');
    }
    if (pfx(n, len, "flt.rounds")) return E2(OP(fltrounds), d);
    uint32_t vt = rt != NOTY ? rt : (na ? vty(l, a[0]) : 0);
    if (vt >= l->e->nty) return BADL("bitcode: intrinsic '%.*s' has an operand of no type", (int)len, n);
    uint32_t ne = nelt(l, vt), et = sty(l, vt);
    /* vector reductions */
    if (pfx(n, len, "vector.reduce")) {
        const char *r = n + 14; uint32_t rl = len - 14;
        if (na == 0 || vty(l, a[na - 1]) >= l->e->nty) return BADL("bitcode: bad vector reduction operand");
        uint32_t src = a[na - 1], st2 = vty(l, src), cnt = nelt(l, st2), e2 = sty(l, st2);
        int32_t acc = d;
        int start = 0;
        if ((pfx(r, rl, "fadd") || pfx(r, rl, "fmul")) && na == 2) {
            if (opd(l, a[0], 0, &x) || mov(l, acc, &x, e2)) return -1;
        } else { if (opd(l, src, 0, &x) || mov(l, acc, &x, e2)) return -1; start = 1; }
        for (uint32_t i = start; i < cnt; i++) {
            if (opd(l, src, i, &y)) return -1;
            Opd A = { 0, acc, 0 };
            int c = cls(l, e2), w = (int)iw(l, e2);
            if (pfx(r, rl, "add")) { if (emit_bin(l, 0, e2, acc, A, y)) return -1; }
            else if (pfx(r, rl, "mul")) { if (emit_bin(l, 2, e2, acc, A, y)) return -1; }
            else if (pfx(r, rl, "and")) { if (emit_bin(l, 10, e2, acc, A, y)) return -1; }
            else if (pfx(r, rl, "or")) { if (emit_bin(l, 11, e2, acc, A, y)) return -1; }
            else if (pfx(r, rl, "xor")) { if (emit_bin(l, 12, e2, acc, A, y)) return -1; }
            else if (pfx(r, rl, "fadd")) { if (emit_bin(l, 0, e2, acc, A, y)) return -1; }
            else if (pfx(r, rl, "fmul")) { if (emit_bin(l, 2, e2, acc, A, y)) return -1; }
            else if (pfx(r, rl, "fmax") || pfx(r, rl, "fmin")) {
                int mx = r[2] == 'a';
                if (E4(l->e->lab[c == 2 ? (mx ? OP_maxf : OP_minf) : (mx ? OP_maxd : OP_mind)], acc, acc, inslot(l, &y))) return -1;
            } else if (pfx(r, rl, "smax") || pfx(r, rl, "smin") || pfx(r, rl, "umax") || pfx(r, rl, "umin")) {
                int s = r[0] == 's', mx = r[2] == 'a';
                if (c == 1 && (!s || w == 64)) { if (E4(l->e->lab[s ? (mx ? OP_smax64 : OP_smin64) : (mx ? OP_umax64 : OP_umin64)], acc, acc, inslot(l, &y))) return -1; }
                else if (c == 1) {
                    Opd B = y, t1 = { 0, acc, 0 };
                    if (sext_tmp(l, &t1, w) || sext_tmp(l, &B, w)) return -1;
                    if (E4(l->e->lab[mx ? OP_smax64 : OP_smin64], acc, t1.off, inslot(l, &B)) || mask_to(l, acc, w)) return -1;
                } else {
                    Opd B = y; int32_t aa = acc;
                    if (s && w != 32) { Opd t1 = { 0, acc, 0 }; if (sext_tmp(l, &t1, w) || sext_tmp(l, &B, w)) return -1; aa = t1.off; }
                    if (E4(l->e->lab[s ? (mx ? OP_smax : OP_smin) : (mx ? OP_umax : OP_umin)], acc, aa, inslot(l, &B))) return -1;
                    if (s && w != 32 && mask_to(l, acc, w)) return -1;
                }
            } else return BADL("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
        }
        return 0;
    }
    if (pfx(n, len, "fmuladd") && na == 3 && is_v2d(l, rt)) return emit_v2d(l, OP_dmadv2, d, a, 3);
    /* element-wise intrinsics (scalar or vector) */
    for (uint32_t i = 0; i < ne; i++) {
        int32_t di = d + 8 * i;
        int c = cls(l, et); uint32_t w = iw(l, et);
        if (na > 0 && opd(l, a[0], i, &x)) return -1;
        if (na > 1 && opd(l, a[1], i, &y)) return -1;
        if (na > 2 && opd(l, a[2], i, &z)) return -1;
        int isf = c == 2;
#define FOP(nm) (l->e->lab[isf ? OP_##nm##f : OP_##nm##d])
#define FOPP(nm) (l->e->lab[isf ? OP_f##nm : OP_d##nm])
        int wk = -1;
        if (isw(l, et)) {
            static const char *const wn[] = { "ctpop", "ctlz", "cttz", "bswap", "bitreverse", "abs", 0, "smin", "smax", "umin", "umax", "fshl", "fshr" };
            for (int q = 0; q < 13 && wk < 0; q++) if (wn[q] && pfx(n, len, wn[q])) wk = WO_CTPOP + q;
        }
        if (wk >= 0) {                                    /* 65..128 bits */
            int two = wk >= WO_SMIN, three = wk >= WO_FSHL;
            if (ewide(l, (uint32_t)wk, di, inslot(l, &x), two ? (W)inslot(l, &y) : 0, three ? (W)inslot(l, &z) : 0, w)) return -1;
        }
        else if (pfx(n, len, "fabs")) { if (E3(FOP(fabs), di, inslot(l, &x))) return -1; }
        else if (pfx(n, len, "sqrt")) { if (E3(FOP(sqrt), di, inslot(l, &x))) return -1; }
        else if (pfx(n, len, "copysign")) { if (E4(l->e->lab[isf ? OP_cpsgnf : OP_cpsgnd], di, inslot(l, &x), inslot(l, &y))) return -1; }
        else if (pfx(n, len, "minnum") || pfx(n, len, "minimum") || pfx(n, len, "maxnum") || pfx(n, len, "maximum")) {
            int mx = n[1] == 'a', swap = y.imm && !fp_bits_nan(y.v, isf);     /* internal.h */
            uint16_t op = mx ? (isf ? OP_maxf : OP_maxd) : (isf ? OP_minf : OP_mind);
            if (E4(l->e->lab[op], di, inslot(l, swap ? &y : &x), inslot(l, swap ? &x : &y))) return -1;
        }
        else if (pfx(n, len, "fmuladd")) {
            if (E5(FOPP(mad), di, inslot(l, &x), inslot(l, &y), inslot(l, &z))) return -1;
        } else if (pfx(n, len, "ctpop") || pfx(n, len, "ctlz") || pfx(n, len, "cttz") || pfx(n, len, "bswap") || pfx(n, len, "bitreverse")) {
            enum { K_POP, K_CLZ, K_CTZ, K_BSWAP, K_REV } kd = n[0] == 'b' ? (n[1] == 's' ? K_BSWAP : K_REV) : n[2] == 'p' ? K_POP : n[2] == 'l' ? K_CLZ : K_CTZ;
            if (c < 0) return BADL("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            if (kd == K_BSWAP && w % 16) return BADL("bitcode: bad bswap width %u", w);
            int32_t s = inslot(l, &x);
            if (c == 1) {                                 /* 33..64 bits, zero above the width */
                if (kd == K_POP) { if (E3(OP(ctpop64), di, s)) return -1; }
                else if (kd == K_CLZ) {
                    if (E3(OP(ctlz64), di, s)) return -1;
                    if (w < 64 && E4(OP(addi), di, di, -(64 - w))) return -1;   /* < 64: the high word stays 0 */
                } else if (kd == K_CTZ) {
                    if (w < 64) { int32_t t = tmpslot(l); Opd bit = { 1, 0, 1ull << w }; if (E4(OP(or64), t, s, inslot(l, &bit))) return -1; s = t; }
                    if (E3(OP(cttz64), di, s)) return -1;
                } else {
                    if (E3(kd == K_BSWAP ? OP(bswap64) : OP(bitrev64), di, s)) return -1;
                    if (w < 64) { Opd sh = { 1, 0, 64 - w }; if (E4(OP(lshr64), di, di, inslot(l, &sh))) return -1; }
                }
                continue;
            }
            if (kd == K_BSWAP) {
                if (E3(w == 32 ? OP(bswap) : OP(bswap16), di, s)) return -1;
            } else if (kd == K_REV) {
                if (E3(OP(bitrev), di, s)) return -1;
                if (w < 32 && E4(OP(lshri), di, di, 32 - w)) return -1;
            } else if (kd == K_POP) { if (E3(OP(ctpop), di, s)) return -1; }
            else if (kd == K_CLZ) {
                if (E3(OP(ctlz), di, s)) return -1;
                if (w < 32 && E4(OP(addi), di, di, -(32 - w))) return -1;
            } else {
                if (w < 32) { int32_t t = tmpslot(l); if (E4(OP(ori), t, s, 1u << w)) return -1; s = t; }
                if (E3(OP(cttz), di, s)) return -1;
            }
        } else if (pfx(n, len, "fshl") || pfx(n, len, "fshr")) {
            int r = n[3] == 'r';
            if (c < 0) return BADL("bitcode: unsupported funnel shift width %u", w);
            if (w == 32) { if (E5(l->e->lab[r ? OP_fshr : OP_fshl], di, inslot(l, &x), inslot(l, &y), inslot(l, &z))) return -1; }
            else if (w == 64) { if (E5(l->e->lab[r ? OP_fshr64 : OP_fshl64], di, inslot(l, &x), inslot(l, &y), inslot(l, &z))) return -1; }
            else {
                /* s = z % w; fshl = x << s | y >> (w - s), fshr = y >> s | x << (w - s), at w bits:
                   with s = 0 the shift by w (< 64, in a 32/64-bit op) yields 0 for a w-bit value */
                Opd S = { 0, tmpslot(l), 0 }, N = { 0, tmpslot(l), 0 }, P = { 0, tmpslot(l), 0 }, Q = { 0, tmpslot(l), 0 }, Wd = { 1, 0, w };
                if (emit_bin(l, 5, et, S.off, z, Wd) || emit_bin(l, 1, et, N.off, Wd, S)) return -1;
                if (!r) { if (emit_bin(l, 7, et, P.off, x, S) || emit_bin(l, 8, et, Q.off, y, N)) return -1; }
                else if (emit_bin(l, 8, et, P.off, y, S) || emit_bin(l, 7, et, Q.off, x, N)) return -1;
                if (emit_bin(l, 11, et, di, P, Q)) return -1;
            }
        } else if (pfx(n, len, "smin") || pfx(n, len, "smax") || pfx(n, len, "umin") || pfx(n, len, "umax")) {
            int s = n[0] == 's', mx = n[2] == 'a';
            if (c < 0) return BADL("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            int odd = s && w != 32 && w != 64;            /* signed at an odd width: sign-extend from bit w-1 */
            if (odd && (sext_tmp(l, &x, w) || sext_tmp(l, &y, w))) return -1;
            if (c == 1) { if (E4(l->e->lab[s ? (mx ? OP_smax64 : OP_smin64) : (mx ? OP_umax64 : OP_umin64)], di, inslot(l, &x), inslot(l, &y))) return -1; }
            else if (E4(l->e->lab[s ? (mx ? OP_smax : OP_smin) : (mx ? OP_umax : OP_umin)], di, inslot(l, &x), inslot(l, &y))) return -1;
            if (odd && mask_to(l, di, w)) return -1;
        } else if (pfx(n, len, "uadd.sat") || pfx(n, len, "usub.sat") || pfx(n, len, "sadd.sat") || pfx(n, len, "ssub.sat")) {
            int sb = n[1] == 's';
            if (c != 0 && c != 1) return BADL("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            if (n[0] == 'u') {                            /* t = x +- y; clamp when it wrapped */
                Opd R = { 0, tmpslot(l), 0 }, F = { 0, tmpslot(l), 0 }, lim = { 1, 0, sb ? 0 : wmask(w, ~0ull) };
                if (emit_bin(l, sb, et, R.off, x, y) || (sb ? emit_cmp(l, 36, et, F.off, x, y) : emit_cmp(l, 36, et, F.off, R, x))) return -1;
                if (E5(c == 1 ? OP(sel64) : OP(sel32), di, F.off, inslot(l, &lim), R.off)) return -1;
            } else if (w < 64) {                          /* exact in 64 bits, then clamp */
                int32_t s2[2];
                Opd *xy[2] = { &x, &y };
                for (int q = 0; q < 2; q++) {
                    Opd *o = xy[q];
                    if (o->imm) { o->v = (uint64_t)((int64_t)(o->v << (64 - w)) >> (64 - w)); s2[q] = inslot(l, o); continue; }
                    if (w != 32 && sext_tmp(l, o, w)) return -1;
                    if (w <= 32) { s2[q] = tmpslot(l); if (E3(OP(sx64), s2[q], o->off)) return -1; }
                    else s2[q] = o->off;
                }
                int32_t R = tmpslot(l);
                Opd mn = { 1, 0, ~0ull << (w - 1) }, mx = { 1, 0, (1ull << (w - 1)) - 1 };
                if (E4(sb ? OP(sub64) : OP(add64), R, s2[0], s2[1]) || E4(OP(smax64), R, R, inslot(l, &mn)) || E4(OP(smin64), R, R, inslot(l, &mx))) return -1;
                if (E3(w <= 32 ? OP(mov32) : OP(mov64), di, R) || mask_to(l, di, w)) return -1;
            } else {                                      /* 64: on overflow, MAX or MIN by the sign of x */
                int32_t R = slot(l, 16), S = tmpslot(l);
                Opd sh = { 1, 0, 63 }, mx = { 1, 0, 0x7fffffffffffffffull };
                if (E4(sb ? OP(ssubo64) : OP(saddo64), R, inslot(l, &x), inslot(l, &y)) || E4(OP(ashr64), S, inslot(l, &x), inslot(l, &sh))
                    || E4(OP(xor64), S, S, inslot(l, &mx)) || E5(OP(sel64), di, R + 8, S, R)) return -1;
            }
        } else if (pfx(n, len, "abs")) {
            int32_t t = tmpslot(l);
            Opd zero = { 1, 0, 0 };
            if (c < 0) return BADL("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            if (w != 32 && w != 64 && sext_tmp(l, &x, w)) return -1;
            if (c == 1) {
                if (E4(OP(sub64), t, inslot(l, &zero), inslot(l, &x)) || E4(OP(smax64), di, inslot(l, &x), t)) return -1;
            } else if (E4(OP(sub), t, inslot(l, &zero), inslot(l, &x)) || E4(OP(smax), di, inslot(l, &x), t)) return -1;
            if (w != 32 && w != 64 && mask_to(l, di, w)) return -1;
        } else if (len > 18 && !memcmp(n + 4, ".with.overflow", 14)) {
            static const char *nm[6] = { "sadd", "uadd", "ssub", "usub", "smul", "umul" };
            int k;
            for (k = 0; k < 6; k++) if (!memcmp(n, nm[k], 4)) break;
            if (k == 6) return BADL("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            uint32_t ow = iw(l, vty(l, a[0]));
            if (ow == 32) { if (E4(l->e->lab[OP_saddo + k], d, inslot(l, &x), inslot(l, &y))) return -1; }
            else if (ow == 64) { if (E4(l->e->lab[OP_saddo64 + k], d, inslot(l, &x), inslot(l, &y))) return -1; }
            else if (ow < 64) {
                /* odd widths: compute in 64 bits; overflow = the result does not
                   fit in ow bits (or the 64-bit multiply overflowed) */
                int sg = k == 0 || k == 2 || k == 4;
                Opd *ab[2] = { &x, &y };
                for (int q = 0; q < 2; q++) {
                    Opd *o = ab[q];
                    if (o->imm) { if (sg) o->v = (uint64_t)((int64_t)(o->v << (64 - ow)) >> (64 - ow)); inslot(l, o); continue; }
                    if (sg && sext_tmp(l, o, ow)) return -1;
                    if (ow <= 32) { int32_t w64 = tmpslot(l); if (E3(sg ? OP(sx64) : OP(zx64), w64, o->off)) return -1; o->off = w64; }
                }
                int32_t t = slot(l, 16), t2 = tmpslot(l), f = tmpslot(l);
                static const uint16_t bo64[6] = { OP_add64, OP_add64, OP_sub64, OP_sub64, OP_smulo64, OP_umulo64 };
                if (E4(l->e->lab[bo64[k]], t, x.off, y.off)) return -1;
                Opd sh = { 1, 0, ow }, zero = { 1, 0, 0 };
                if (sg) { if (E4(OP(sext64), t2, t, 64 - ow) || E4(OP(ne64), f, t, t2)) return -1; }
                else if (E4(OP(lshr64), t2, t, inslot(l, &sh)) || E4(OP(ne64), f, t2, inslot(l, &zero))) return -1;
                if (k >= 4 && E4(OP(or), f, f, t + 8)) return -1;
                if (E3(ow <= 32 ? OP(mov32) : OP(mov64), d, t) || mask_to(l, d, ow)) return -1;
                ty_size(l->e, rt);
                if (T(l, rt)->k != TK_ST || T(l, rt)->w < 2) return BADL("bitcode: bad overflow intrinsic result type");
                if (E3(OP(sf8), d + (int32_t)T(l, rt)->offs[1], f)) return -1;
            } else if (ow <= 128) {
                ty_size(l->e, rt);
                if (T(l, rt)->k != TK_ST || T(l, rt)->w < 2) return BADL("bitcode: bad overflow intrinsic result type");
                if (ewide(l, WO_SADDO + k, d, inslot(l, &x), inslot(l, &y), T(l, rt)->offs[1], ow)) return -1;
            } else return BADL("bitcode: unsupported overflow intrinsic width %u", ow);
            return 0;
        } else if (pfx(n, len, "powi")) {          /* the compiler's runtime, as native code calls it */
            int argf = cls(l, sty(l, vty(l, a[0]))) == 2;
            void *fnp = ffi_lookup(l->e, argf ? "__powisf2" : "__powidf2", 9);
            if (!fnp) return fail(l->e, BFE_UNRESOLVED, "bitcode: unresolved external '%s' (needed for an intrinsic)", argf ? "__powisf2" : "__powidf2");
            if (E5(OP(ncall), di, fnp, argf ? RK_F32 : RK_F64, 2) || E2(inslot(l, &x), argf ? 0 : 1) || E2(inslot(l, &y), 0)) return -1;
        } else {
            /* libm functions */
            static const char *lm[][2] = { { "floor", "floor" }, { "ceil", "ceil" }, { "trunc", "trunc" }, { "round", "round" },
                { "rint", "rint" }, { "nearbyint", "nearbyint" }, { "exp2", "exp2" }, { "exp", "exp" }, { "log10", "log10" },
                { "log2", "log2" }, { "log", "log" }, { "pow", "pow" }, { "sin", "sin" }, { "cos", "cos" }, { "fma", "fma" },
                { "roundeven", "roundeven" }, { "lround", "lround" }, { "llround", "llround" }, { "lrint", "lrint" }, { "llrint", "llrint" },
                { 0, 0 } };
            int k;
            for (k = 0; lm[k][0]; k++) if (pfx(n, len, lm[k][0])) break;
            if (!lm[k][0]) return BADL("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            char nb[24]; uint32_t q = (uint32_t)strlen(lm[k][1]); memcpy(nb, lm[k][1], q);
            uint32_t at = na ? sty(l, vty(l, a[0])) : et;
            int argf = cls(l, at) == 2;
            if (argf) nb[q++] = 'f';
            nb[q] = 0;
            Opd ar[3] = { x, y, z };
            if (n[0] == 'l') {                  /* lround etc.: integer result */
                void *fnp = ffi_lookup(l->e, nb, q);
                if (!fnp) return fail(l->e, BFE_UNRESOLVED, "bitcode: unresolved external '%s' (needed for an intrinsic)", nb);
                if (E5(OP(ncall), di, fnp, c == 1 ? RK_I64 : RK_I32, 1) || E2(inslot(l, &x), argf ? 0 : 1)) return -1;
                continue;
            }
            if (call_libm(l, nb, di, ar, (int)na, argf)) return -1;
        }
#undef FOP
#undef FOPP
    }
    return 0;
}

/* ---- calls ----------------------------------------------------------- */
static int rkind(L *l, uint32_t t) {
    if (t == NOTY) return RK_VOID;
    int c = cls(l, t);
    if (c == 0) return RK_I32;
    if (c == 1) return RK_I64;
    if (c == 2) return RK_F32;
    if (c == 3) return RK_F64;
    if (T(l, t)->k == TK_FP80) return RK_F80;
    return -1;
}
static int emit_call(L *l, Ins *I) {
    E *e = l->e;
    uint32_t callee = I->o[0], fty = I->ty2, na = I->n - 1;
    Ty *ft = T(l, fty);
    Fn *f = isconst(l, callee) ? direct_callee(e, callee) : 0;
    if (!f && isconst(l, callee) && e->v[callee].k == V_NONE)
        return BADL("bitcode: inline assembly is not supported (in '%.*s')", (int)l->f->nlen, l->f->name);
    if (f && f->intr) return intrinsic(l, I, f);
    int sj = f && f->isdecl && I->n >= 2 ? sj_kind(f->name, f->nlen) : 0;      /* the engine's own setjmp/longjmp */
    if (sj == 2 && I->n < 3) sj = 0;
    if (sj) return sj == 1 ? E3(OP(setjmp), dst(l, I->id), sl(l, I->o[1], 0)) : E3(OP(longjmp), sl(l, I->o[1], 0), sl(l, I->o[2], 0));
    uint32_t rt = I->ty;
    int rk = rkind(l, rt);
    int32_t d = rt != NOTY ? dst(l, I->id) : 24;       /* void: header scratch word */
    if (rk < 0 && !(f && !f->isdecl && !f->varg && T(l, f->ty) == ft)) {
        if (T(l, rt)->k == TK_VEC) return BADL("bitcode: vector return values are not supported");
    }
    int fixed = ft->w;
    /* direct call to an interpreted, non-variadic function with the same type */
    if (f && !f->isdecl && !ft->vararg && f->ty == fty) {
        uint32_t nch = 0;
        for (uint32_t i = 0; i < na; i++) nch += vsize(l, vty(l, I->o[1 + i])) / 8;
        if (E4(OP(call), d, f, nch)) return -1;
        for (uint32_t i = 0; i < na; i++) {
            uint32_t v = I->o[1 + i], t = vty(l, v), k = vsize(l, t) / 8;
            if (k == 1) { if (E1(sl(l, v, 0))) return -1; continue; }
            int32_t s;
            if (T(l, t)->k == TK_VEC) { for (uint32_t q = 0; q < k; q++) if (E1(sl(l, v, q))) return -1; continue; }
            if (isconst(l, v)) { s = tmpslot(l); l->fsz += 8 * k; if (movv(l, s, v)) return -1; }
            else { Opd o; if (opd(l, v, 0, &o)) return -1; s = o.off; }
            for (uint32_t q = 0; q < k; q++) if (E1(s + 8 * q)) return -1;
        }
        
        return 0;
    }
    if (rk < 0) return BADL("bitcode: unsupported return type in call from '%.*s'", (int)l->f->nlen, l->f->name);
    /* generic cdecl call: native, indirect or variadic */
    void *addr = 0;
    if (f && f->isdecl) {
        addr = f->native;
        if (!addr) addr = ffi_lookup(e, f->name, f->nlen);
        if (!addr && !f->weak) return fail(e, BFE_UNRESOLVED, "bitcode: unresolved external '%.*s'", (int)f->nlen, f->name);   /* weak and undefined: called through its null value */
    }
    if (f && !f->isdecl) { uint64_t x; const_scalar(e, f->vid, &x); addr = (void *)(W)x; }
    uint32_t sb;                                     /* native code pops a hidden struct-return pointer */
    if (rk == RK_VOID && na && !(f && !f->isdecl) && attr_has(e, I->aux, 1, 29, &sb)) {
        uint32_t sz = sb < e->nty ? ty_size(e, sb) : ty_size(e, T(l, vty(l, I->o[1]))->elt);
        if (sz > 64) return BADL("bitcode: a struct result over 64 bytes from native code (in '%.*s')", (int)l->f->nlen, l->f->name);
        rk = RK_SRET | (int)(sz << 8);
    }
    int32_t ps = 0;
    if (!addr) ps = sl(l, callee, 0);
    if (addr && na == 1 && fixed >= 1 && !attr_has(e, I->aux, 1, 3, 0)) {       /* float f(float), double f(double): expf, sqrt ... */
        int c1 = cls(l, vty(l, I->o[1]));
        int libm_sqrt = f && f->isdecl && f->nlen == 4 && !memcmp(f->name, "sqrt", 4);
        if (rk == RK_F64 && c1 == 3 && libm_sqrt) return E4(OP(sqrtd_libm), d, (W)addr, sl(l, I->o[1], 0));
        if ((rk == RK_F32 && c1 == 2) || (rk == RK_F64 && c1 == 3))
            return E4(rk == RK_F32 ? OP(ncallf) : OP(ncalld), d, (W)addr, sl(l, I->o[1], 0));
    }
    uint32_t nw = na;                                /* argument cells: a long double is 8 + 4 bytes */
    for (uint32_t i = 0; i < na; i++) nw += isf80(l, vty(l, I->o[1 + i]));
    int32_t at = 0;
    if (rk == RK_F80) {                              /* a long double result: one more word, where d is (ncall) */
        at = tmpslot(l);
        if (E3(OP(lea), at, d)) return -1;
        if (f && !f->isdecl) { addr = 0; ps = sl(l, callee, 0); }   /* an interpreted callee through calli: its slot into d */
    }
    if (E5(addr ? OP(ncall) : OP(calli), d, addr ? (W)addr : (W)ps, rk, nw + (rk == RK_F80))) return -1;
    for (uint32_t i = 0; i < na; i++) {
        uint32_t v = I->o[1 + i], t = vty(l, v);
        int c = cls(l, t);
        uint32_t bt;
        if (isf80(l, t)) { int32_t s = sl(l, v, 0); if (E2(s, 1) || E2(s + 8, 0)) return -1; continue; }
        if (attr_has(e, I->aux, i + 1, 3, &bt) && bt < e->nty) {      /* byval, fixed or variadic: the bytes themselves (va_arg reads them in place) */
            uint32_t sz = ty_size(e, bt);
            if (E2(sl(l, v, 0), (((sz + 3) & ~3u) << 2) | 2)) return -1;
            continue;
        }
        if (c < 0) return BADL("bitcode: unsupported argument type in call from '%.*s'", (int)l->f->nlen, l->f->name);
        if (E2(sl(l, v, 0), (c == 1 || c == 3) ? 1 : 0)) return -1;
    }
    if (rk == RK_F80 && E2(at, 0)) return -1;
    /* native and compiled code return a narrow integer extended as its attribute says (signext:
       sign bits); the interpreter's slots hold narrow integers zero-extended */
    if (rt != NOTY && T(l, rt)->k == TK_INT && T(l, rt)->w < 32) return mask_to(l, d, T(l, rt)->w);
    return 0;
}

/* ---- memory ------------------------------------------------------------ */
static uint32_t defof(L *l, uint32_t v);
static int just_before(L *l, uint32_t v, uint32_t q, uint32_t n, int op);
/* an indexed access whose index is "x + C" computed just before (and used only
 * by this address): drop that add, read x here, fold C * scale into the
 * displacement */
static void fold_idx(L *l, uint32_t p, int32_t *idx, int32_t *disp) {
    uint32_t k = p - l->base, xi = l->xi[k], j = defof(l, xi);
    if (j == NOTY || l->nuse[k] != 1 || l->nuse[xi - l->base] != 1) return;
    Ins *A = &l->ir->ins[j];
    if (A->op != I_BIN || A->sub > 1 || l->end[j] != l->nc || l->at[j] + 4 != l->nc || l->c[l->at[j]] != (W)l->e->lab[OP_addi]) return;
    *idx = (int32_t)l->c[l->nc - 2];
    *disp += (int32_t)l->c[l->nc - 1] * (int32_t)l->xs[k];
    l->nc -= 4;
}
static int ptr_of(L *l, uint32_t p, int32_t *base, int32_t *off, int *frame) {
    *frame = 0; *off = 0;
    if (islocal(l, p)) {
        uint32_t k = p - l->base;
        if (l->fa[k]) { *frame = 1; *off = l->fa[k]; return 0; }
        if (l->gb[k]) { *base = sl(l, l->gb[k] - 1, 0); *off = l->go[k]; return 0; }
        if (l->xb[k]) { *base = sl(l, l->xb[k] - 1, 0); *off = sl(l, l->xi[k], 0); *frame = 2; return 0; }
    }
    *base = sl(l, p, 0);
    return 0;
}

/* bytes a load/store touches: integers their store size (i24: 3, i80: 10), not the alloc size */
static uint32_t msize(L *l, uint32_t t) { Ty *y = T(l, t); return y->k == TK_INT ? (y->w + 7) / 8 : y->k == TK_FP80 ? 10 : ty_size(l->e, t); }

static int emit_load(L *l, uint32_t t, int32_t d, uint32_t p, int32_t extra) {
    int32_t b = 0, off; int fr;
    if (ptr_of(l, p, &b, &off, &fr)) return -1;
    off += extra;
    Ty *y = T(l, t);
    if (is_v2d(l, t) && !fr) return E4(OP(ldv2), d, b, off);
    if (y->k == TK_VEC) {
        uint32_t es = ty_size(l->e, y->elt);
        if (T(l, y->elt)->k == TK_INT && T(l, y->elt)->w == 1) return BADL("bitcode: unsupported load of an i1 vector");
        for (uint32_t i = 0; i < y->w; i++) {
            if (fr) { Opd o = { 0, off + (int32_t)(i * es), 0 }; if (es == 1) { if (E3(OP(lf8), d + 8 * i, o.off)) return -1; }
                else if (es == 2) { if (E3(OP(lf16), d + 8 * i, o.off)) return -1; } else if (mov(l, d + 8 * i, &o, y->elt)) return -1; }
            else {
                int op = es == 1 ? OP_ld8 : es == 2 ? OP_ld16 : es == 4 ? OP_ld32 : OP_ld64;
                if (E4(l->e->lab[op], d + 8 * i, b, off + i * es)) return -1;
            }
        }
        return 0;
    }
    int c = cls(l, t);
    uint32_t sz = msize(l, t);
    uint32_t w = iw(l, t);
    if (fr == 2) {
        int op = sz == 1 ? OP_lix1 : sz == 2 ? OP_lix2 : sz == 4 ? OP_lix4 : OP_lix8;
        int32_t disp = l->go[p - l->base] + extra;
        fold_idx(l, p, &off, &disp);
        if (E6(l->e->lab[op], d, b, off, l->xs[p - l->base], disp)) return -1;
        if (T(l, t)->k == TK_INT && w != sz * 8 && mask_to(l, d, w)) return -1;
        return 0;
    }
    if (c >= 0 && (sz == 1 || sz == 2 || sz == 4 || sz == 8)) {
        if (fr) {
            if (sz == 1) { if (E3(OP(lf8), d, off)) return -1; }
            else if (sz == 2) { if (E3(OP(lf16), d, off)) return -1; }
            else if (E3(sz == 4 ? OP(mov32) : OP(mov64), d, off)) return -1;
        } else {
            int op = sz == 1 ? OP_ld8 : sz == 2 ? OP_ld16 : sz == 4 ? OP_ld32 : OP_ld64;
            if (E4(l->e->lab[op], d, b, off)) return -1;
        }
        if (T(l, t)->k == TK_INT && w != sz * 8 && mask_to(l, d, w)) return -1;
        return 0;
    }
    if (c >= 0) {                                    /* odd-size ints (i24 ...) */
        if (E3(OP(movi64), d, 0) || E1(0)) return -1;
    }
    if (fr) { if (E4(OP(movn), d, off, sz)) return -1; }
    else if (E5(OP(ldn), d, b, off, sz)) return -1;
    if (c >= 0 && T(l, t)->k == TK_INT) return mask_to(l, d, w);
    if (isw(l, t) && w != 128) return ewide(l, WO_MASK, d, d, 0, 0, w);   /* i80/i96: fewer bytes than the slot */
    return 0;
}
static int emit_store(L *l, uint32_t p, uint32_t v, int32_t extra) {
    int32_t b = 0, off; int fr;
    if (ptr_of(l, p, &b, &off, &fr)) return -1;
    off += extra;
    uint32_t t = vty(l, v);
    Ty *y = T(l, t);
    if (is_v2d(l, t) && !fr) { int32_t x = lanes2(l, v); return x ? E4(OP(stv2), b, off, x) : -1; }
    if (y->k == TK_VEC) {
        uint32_t es = ty_size(l->e, y->elt);
        if (T(l, y->elt)->k == TK_INT && T(l, y->elt)->w == 1) return BADL("bitcode: unsupported store of an i1 vector");
        for (uint32_t i = 0; i < y->w; i++) {
            int32_t s = sl(l, v, i);
            if (fr) {
                int32_t o = off + i * es;
                if (es == 1) { if (E3(OP(sf8), o, s)) return -1; }
                else if (es == 2) { if (E3(OP(sf16), o, s)) return -1; }
                else if (E3(es == 4 ? OP(mov32) : OP(mov64), o, s)) return -1;
            } else {
                int op = es == 1 ? OP_st8 : es == 2 ? OP_st16 : es == 4 ? OP_st32 : OP_st64;
                if (E4(l->e->lab[op], b, off + i * es, s)) return -1;
            }
        }
        return 0;
    }
    int c = cls(l, t);
    uint32_t sz = msize(l, t);
    if (fr == 2) {
        int op = sz == 1 ? OP_six1 : sz == 2 ? OP_six2 : sz == 4 ? OP_six4 : OP_six8;
        int32_t disp = l->go[p - l->base] + extra, vs = sl(l, v, 0);
        fold_idx(l, p, &off, &disp);
        return E6(l->e->lab[op], b, off, l->xs[p - l->base], disp, vs);
    }
    if (c >= 0 && (sz == 1 || sz == 2 || sz == 4 || sz == 8)) {
        Opd o; if (opd(l, v, 0, &o)) return -1;
        if (fr) {
            if (sz == 4 && o.imm) return E3(OP(sf32i), off, (uint32_t)o.v);
            int32_t s = inslot(l, &o);
            if (sz == 1) return E3(OP(sf8), off, s);
            if (sz == 2) return E3(OP(sf16), off, s);
            return E3(sz == 4 ? OP(mov32) : OP(mov64), off, s);
        }
        if (sz == 4 && o.imm) return E4(OP(st32i), b, off, (uint32_t)o.v);
        int op = sz == 1 ? OP_st8 : sz == 2 ? OP_st16 : sz == 4 ? OP_st32 : OP_st64;
        return E4(l->e->lab[op], b, off, inslot(l, &o));
    }
    int32_t s;
    if (isconst(l, v)) { s = slot(l, vsize(l, t)); if (movv(l, s, v)) return -1; }
    else s = sl(l, v, 0);
    if (fr) return E4(OP(movn), off, s, sz);
    return E5(OP(stn), b, off, s, sz);
}

/* ---- GEP -------------------------------------------------------------- */
static int gep_const(L *l, Ins *I, int64_t *off) {       /* all indices constant? */
    uint32_t t = I->ty2; int64_t o = 0;
    for (uint32_t i = 1; i < I->n; i++) {
        uint32_t v = I->o[i];
        if (!isconst(l, v) || T(l, vty(l, v))->k == TK_VEC) return 0;
        uint64_t x; if (const_scalar(l->e, v, &x)) return -1;
        uint32_t w = iw(l, vty(l, v));
        int64_t idx = w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w);
        if (i == 1) { o += idx * (int64_t)ty_size(l->e, t); continue; }
        Ty *y = T(l, t);
        if (y->k == TK_ST) { if ((uint64_t)idx >= y->w) return BADL("bitcode: bad struct index"); ty_size(l->e, t); o += T(l, t)->offs[idx]; t = T(l, t)->elts[idx]; }
        else if (y->k == TK_ARR || y->k == TK_VEC) { t = y->elt; o += idx * (int64_t)ty_size(l->e, t); }
        else return BADL("bitcode: bad GEP");
    }
    *off = o;
    return 1;
}
static int emit_gep(L *l, Ins *I) {
    uint32_t k = I->id - l->base;
    if (T(l, I->ty)->k == TK_VEC) return BADL("bitcode: vector GEP is not supported");
    int64_t off;
    int r = gep_const(l, I, &off);
    if (r < 0) return -1;
    uint32_t base = I->o[0];
    if (r == 1) {
        if (islocal(l, base) && l->fa[base - l->base]) {
            l->fa[k] = l->fa[base - l->base] + (int32_t)off;
            if (l->nonmem[k]) return E3(OP(lea), dst(l, I->id), l->fa[k]);
            return 0;
        }
        if (islocal(l, base)) {
            uint32_t bb = base, kb = base - l->base; int32_t o2 = (int32_t)off;
            if (l->gb[kb]) { bb = l->gb[kb] - 1; o2 += l->go[kb]; }
            l->gb[k] = bb + 1; l->go[k] = o2;
            if (!l->nonmem[k]) return 0;
            int32_t b = sl(l, bb, 0);
            return E4(OP(addi), dst(l, I->id), b, (uint32_t)o2);
        }
        if (isconst(l, base)) {                     /* constant address */
            uint64_t x; if (const_scalar(l->e, base, &x)) return -1;
            Opd o = { 1, 0, (uint32_t)(x + off) };
            return mov(l, dst(l, I->id), &o, l->e->ptrty);
        }
    }
    /* one variable i32 index (an array's or the pointer's), every other index
       constant (struct fields after it too: code[pc].op): fold into the loads
       and stores using it, as base + index * size + displacement */
    uint32_t lv = NOTY;
    if (!l->nonmem[k] && !l->xs[k]) {
        uint32_t t = I->ty2, es = 0; int64_t co = 0; int ok = 1;
        for (uint32_t i = 1; i < I->n && ok; i++) {
            uint32_t v = I->o[i], vt2 = vty(l, v); uint64_t x = 0;
            Ty *y = T(l, t);
            if (i > 1 && y->k == TK_ST) {
                if (!isconst(l, v) || const_scalar(l->e, v, &x) || x >= y->w) { ok = 0; break; }
                ty_size(l->e, t); co += T(l, t)->offs[x]; t = T(l, t)->elts[x]; continue;
            }
            if (i > 1 && y->k != TK_ARR && y->k != TK_VEC) { ok = 0; break; }
            if (i > 1) t = y->elt;
            uint32_t size = ty_size(l->e, t);
            if (T(l, vt2)->k != TK_INT) { ok = 0; break; }
            if (!isconst(l, v)) {
                if (lv != NOTY || iw(l, vt2) != 32) { ok = 0; break; }
                lv = v; es = size; continue;
            }
            if (const_scalar(l->e, v, &x)) { ok = 0; break; }
            uint32_t w = iw(l, vt2);
            co += (w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w)) * (int64_t)size;
        }
        if (lv == NOTY) ok = 0;
        uint32_t xb = base + 1;
        if (ok && islocal(l, base)) {
            uint32_t kb = base - l->base;
            if (l->xb[kb]) ok = 0;
            else if (l->fa[kb]) ok = l->nonmem[kb] != 0;        /* its address is materialised (lea) */
            else if (l->gb[kb]) { xb = l->gb[kb]; co += l->go[kb]; }
        }
        if (ok && es) {
            l->xb[k] = xb; l->xi[k] = lv; l->xs[k] = es; l->go[k] = (int32_t)co;
            return 0;
        }
    }
    int32_t d = dst(l, I->id);
    int32_t cur = sl(l, base, 0);
    uint32_t t = I->ty2; int64_t co = 0;
    for (uint32_t i = 1; i < I->n; i++) {
        uint32_t v = I->o[i], vt2 = vty(l, v);
        if (T(l, vt2)->k == TK_VEC) return BADL("bitcode: vector GEP index is not supported");
        uint32_t es;
        if (i == 1) es = ty_size(l->e, t);
        else {
            Ty *y = T(l, t);
            if (y->k == TK_ST) {
                uint64_t x; if (!isconst(l, v) || const_scalar(l->e, v, &x) || x >= y->w) return BADL("bitcode: bad struct index");
                ty_size(l->e, t); co += T(l, t)->offs[x]; t = T(l, t)->elts[x]; continue;
            }
            if (y->k != TK_ARR && y->k != TK_VEC) return BADL("bitcode: bad GEP");
            t = y->elt; es = ty_size(l->e, t);
        }
        Opd o; if (opd(l, v, 0, &o)) return -1;
        uint32_t w = iw(l, vt2);
        if (o.imm) { int64_t idx = w >= 64 ? (int64_t)o.v : (int64_t)(o.v << (64 - w)) >> (64 - w); co += idx * (int64_t)es; continue; }
        if (w < 32 && sext_tmp(l, &o, w)) return -1;
        if (E5(OP(gep), d, cur, o.off, es)) return -1;
        cur = d;
    }
    if (co || cur != d) return E4(OP(addi), d, cur, (uint32_t)co);
    return 0;
}


/* conditional branch "if (x p y) goto tb else fb": the compare-branch goes to
 * the side that needs no edge moves; the other side's moves (and the jump)
 * follow inline, so a loop's back edge is one dispatch even when its exit
 * edge carries phi moves */
static const uint16_t brp[10] = { OP_beq, OP_bne, OP_bugt, OP_buge, OP_bult, OP_bule, OP_bsgt, OP_bsge, OP_bslt, OP_bsle };
static const uint16_t brpi[10] = { OP_beqi, OP_bnei, OP_bugti, OP_bugei, OP_bulti, OP_bulei, OP_bsgti, OP_bsgei, OP_bslti, OP_bslei };
static const uint8_t pinv[10] = { 1, 0, 5, 4, 3, 2, 9, 8, 7, 6 };
static int needs_stub(L *l, uint32_t to) { return has_phi(l, to) || isback(l, to); }
/* does instruction k (in the current block) own exactly the "addi v v C" cells ending at q? */
static int addi_at(L *l, uint32_t k, uint32_t q) {
    return k != NOTY && k >= l->ir->bb[l->cur] && l->end[k] == q && l->at[k] + 4 == q
        && l->c[q - 4] == OP(addi) && l->c[q - 3] == l->c[q - 2];
}
/* loop latch "addi [addi] bne": one dispatch (addbne / add2bne) */
static int latch(L *l, uint32_t ii, Opd x, Opd y, uint32_t lt) {
    FnIR *ir = l->ir;
    if (y.imm || ii < 1) return 0;
    uint32_t k2 = ir->ins[ii - 1].op == I_CMP ? ii - 1 : ii;
    if (k2 < 1 || !addi_at(l, --k2, l->nc) || l->c[l->nc - 3] != (W)x.off) return 0;
    uint32_t k1 = k2 >= 1 ? k2 - 1 : NOTY;
    W n = l->c[l->nc - 3], c2 = l->c[l->nc - 1], N = (W)y.off;
    if (N == n || !addi_at(l, k1, l->at[k2]) || l->c[l->at[k2] - 3] == n) {
        l->nc -= 4;
        if (E4(OP(addbne), n, c2, N)) return -1;
        return target(l, lt) ? -1 : 1;
    }
    uint32_t q = l->at[k1];
    W a = l->c[q + 1], c1 = l->c[q + 3];
    l->nc = q;
    if (E6(OP(add2bne), a, c1, n, c2, N)) return -1;
    return target(l, lt) ? -1 : 1;
}
/* a counted loop's latch when the exit test reads the old counter:
 *   addi n x C; beq x K exit; movj x n head   ->  incbeq n x C K exit head
 * (or the test on the new counter, beq n K: incbeqn)
 * (the branch just emitted from q0; patch entries from np0) */
static int latch_inc(L *l, uint32_t ii, uint32_t q0, uint32_t np0) {
    FnIR *ir = l->ir;
    W *c = l->c;
    if (ii < 2 || l->nc != q0 + 8 || l->npt != np0 + 2 || l->pt[np0].at != q0 + 3 || l->pt[np0 + 1].at != q0 + 7) return 0;
    if ((c[q0] != OP(beq) && c[q0] != OP(beqi)) || c[q0 + 4] != OP(movj)) return 0;
    uint32_t k = ir->ins[ii - 1].op == I_CMP ? ii - 2 : ii - 1;
    if (k < ir->bb[l->cur] || l->end[k] != q0 || l->at[k] + 4 != q0 || c[q0 - 4] != OP(addi)) return 0;
    W n = c[q0 - 3], x = c[q0 - 2], C = c[q0 - 1], y = c[q0 + 2];
    int nw = c[q0 + 1] == n;                          /* the test reads the new counter */
    if (n == x || (c[q0 + 1] != x && !nw) || c[q0 + 5] != x || c[q0 + 6] != n) return 0;
    uint32_t l1 = l->pt[np0].lab, l2 = l->pt[np0 + 1].lab;
    if (c[q0] == OP(beqi)) { Opd k2 = { 1, 0, (uint32_t)y }; y = (W)inslot(l, &k2); }
    l->nc = q0 - 4; l->npt = np0;
    if (E5(nw ? OP(incbeqn) : OP(incbeq), n, x, C, y) || target(l, l1) || target(l, l2)) return -1;
    l->end[k] = l->at[k] = q0 - 4;
    return 0;
}
static int cond_br(L *l, uint32_t ii, uint32_t p, Opd x, Opd y, uint32_t tb, uint32_t fb) {
    int nt = needs_stub(l, tb), nf = needs_stub(l, fb);
    int ftt = !nt && tb == l->cur + 1, ftf = !nf && fb == l->cur + 1;
    int inv = ftt || (!ftf && nt && !nf);        /* branch to fb, continue to tb */
    if (inv) { uint32_t t = tb; tb = fb; fb = t; p = pinv[p]; }
    uint32_t lt = edge_label(l, tb);
    if ((p == 0 || p == 1) && y.imm && !y.v && ii >= 1 && ii - 1 >= l->ir->bb[l->cur]) {
        /* branch on "a & b" (i1 and, used only here) just computed: band / bandz */
        Ins *A2 = &l->ir->ins[ii - 1];
        if (A2->op == I_BIN && A2->sub == 10 && A2->id == l->ir->ins[ii].o[2] && just_before(l, A2->id, l->nc, 4, OP_and)
            && l->c[l->nc - 3] == (W)x.off) {
            W a = l->c[l->nc - 2], b = l->c[l->nc - 1];
            l->nc -= 4; l->at[ii - 1] = l->end[ii - 1] = l->nc;
            if (E3(p ? OP(band) : OP(bandz), a, b) || target(l, lt)) return -1;
            return goto_bb(l, fb);
        }
    }
    if (p == 1) {
        int r = latch(l, ii, x, y, lt);
        if (r < 0) return -1;
        if (r) return goto_bb(l, fb);
    }
    if (y.imm) { if (E3(l->e->lab[brpi[p]], x.off, (uint32_t)y.v)) return -1; }
    else if (E3(l->e->lab[brp[p]], x.off, y.off)) return -1;
    if (target(l, lt)) return -1;
    return goto_bb(l, fb);
}


/* ---- superinstructions (peephole over the code just emitted) ------------ */
static uint32_t defof(L *l, uint32_t v) { return islocal(l, v) ? l->def[v - l->base] : NOTY; }
/* does instruction j (defining v, used once) own exactly the n cells ending at q? */
static int just_before(L *l, uint32_t v, uint32_t q, uint32_t n, int op) {
    uint32_t j = defof(l, v);
    return j != NOTY && l->nuse[v - l->base] == 1 && l->end[j] == q && l->at[j] + n == q && l->c[l->at[j]] == (W)l->e->lab[op];
}
/* after instruction i: an fmul whose product only this fadd reads -> fmad / dmad */
static void fuse(L *l, uint32_t i) {
    Ins *I = &l->ir->ins[i];
    uint32_t q = l->at[i];
    if (I->op != I_BIN || I->sub != 0 || (cls(l, I->ty) != 2 && cls(l, I->ty) != 3) || l->nc != q + 4) return;
    int f = cls(l, I->ty) == 2;
    for (int k = 0; k < 2; k++) {
        uint32_t v = I->o[k], j = defof(l, v);
        if (!just_before(l, v, q, 4, f ? OP_fmul : OP_dmul)) continue;
        Ins *M = &l->ir->ins[j];
        if (M->op != I_BIN || M->sub != 2) continue;
        W d = l->c[q + 1], acc = l->c[q + 3 - k], a = l->c[l->at[j] + 2], b = l->c[l->at[j] + 3];
        l->nc = l->at[j];
        emv(l, 5, l->e->lab[f ? OP_fmad : OP_dmad], d, a, b, acc);
        l->at[i] = l->at[j];
        return;
    }
}

/* instruction i, one op, reads the pointer of a single-use bitcast emitted
 * just before it (mov32 t s): read s instead and drop the mov32; a gep whose
 * base is a single-use gep just before: one gep2 */
static void cast_fold(L *l, uint32_t i) {
    static const struct { uint16_t op; uint8_t n, rd[3]; } tb[] = {
        { OP_gep, 5, { 2, 3 } }, { OP_addi, 4, { 2 } }, { OP_add, 4, { 2, 3 } }, { OP_ld32, 4, { 2 } },
        { OP_st32, 4, { 1, 3 } }, { OP_lix4, 6, { 2, 3 } }, { OP_six4, 6, { 1, 2, 5 } },
        { OP_ldv4, 4, { 2 } }, { OP_stv4, 4, { 1, 3 } } };
    uint32_t q = l->at[i], j = i - 1, k, m;
    if (i == 0 || q < 3 || l->nc <= q || j < l->ir->bb[l->cur]) return;
    Ins *C = &l->ir->ins[j];
    /* fogtf/foltf c x y; sel32 d c a b (c used only there) -> fselgt/fsellt d x y a b */
    if (l->ir->ins[i].op == I_SEL && l->c[q] == OP(sel32) && l->nc == q + 5 && q >= 4) {
        uint32_t cv = l->ir->ins[i].o[0];
        int gt = just_before(l, cv, q, 4, OP_fogtf), lt = !gt && just_before(l, cv, q, 4, OP_foltf);
        if ((gt || lt) && l->c[q - 3] == l->c[q + 2]) {
            uint32_t jc = defof(l, cv);
            W x = l->c[q - 2], y = l->c[q - 1], d = l->c[q + 1], a = l->c[q + 3], b = l->c[q + 4], *P = &l->c[q - 4];
            P[0] = gt ? OP(fselgt) : OP(fsellt); P[1] = d; P[2] = x; P[3] = y; P[4] = a; P[5] = b;
            l->nc = q + 2; l->at[i] = q - 4; l->at[jc] = l->end[jc] = q - 4;
        }
        return;
    }
    /* gep d b x s; gep e d y t (d used only there) -> gep2 e b x s y t */
    if (C->op == I_GEP && l->c[q] == OP(gep) && l->nc == q + 5 && q >= 5 && C->id != NOTY && islocal(l, C->id)
        && just_before(l, C->id, q, 5, OP_gep) && l->c[q + 2] == l->c[q - 4] && l->c[q + 3] != l->c[q - 4]) {
        W e = l->c[q + 1], y = l->c[q + 3], t = l->c[q + 4], *P = &l->c[q - 5];
        P[0] = OP(gep2); P[1] = e; P[5] = y; P[6] = t;
        l->nc = q + 2; l->at[i] = q - 5; l->at[j] = l->end[j] = q - 5;
        return;
    }
    if (C->op != I_CAST || C->id == NOTY || !islocal(l, C->id) || !just_before(l, C->id, q, 3, OP_mov32)) return;
    for (k = 0; k < sizeof tb / sizeof tb[0]; k++) if (l->c[q] == (W)l->e->lab[tb[k].op]) break;
    if (k == sizeof tb / sizeof tb[0] || l->nc != q + tb[k].n) return;
    W t = l->c[q - 2], src = l->c[q - 1];
    int hit = 0;
    for (m = 0; m < 3 && tb[k].rd[m]; m++) if (l->c[q + tb[k].rd[m]] == t) { l->c[q + tb[k].rd[m]] = src; hit = 1; }
    if (!hit) return;
    for (m = 1; m < tb[k].n; m++) if (l->c[q + m] == t) return;    /* t in another cell: keep the mov32 (reading src too is fine) */
    memmove(l->c + q - 3, l->c + q, tb[k].n * sizeof(W));
    l->nc -= 3; l->at[i] = q - 3; l->at[j] = l->end[j] = q - 3;
}

/* a <4 x float/i32> operation emitted element by element (four of the same
 * op, slots 8 apart, memory 4 apart) -> one v4 op doing the same four steps */
static void vec4(L *l, uint32_t i) {
    static const uint16_t sc[][2] = { { OP_ld32, OP_ldv4 }, { OP_st32, OP_stv4 }, { OP_fadd, OP_faddv4 },
        { OP_fsub, OP_fsubv4 }, { OP_fmul, OP_fmulv4 }, { OP_fdiv, OP_fdivv4 }, { OP_fmad, OP_fmadv4 } };
    uint32_t q = l->at[i], len = l->nc - q, n, s, k, m;
    W *c = l->c + q;
    if (len != 16 && len != 20) return;
    n = len / 4;
    for (s = 0; s < 7; s++) if (c[0] == (W)l->e->lab[sc[s][0]]) break;
    if (s == 7 || (n == 5) != (s == 6)) return;
    for (k = 1; k < 4; k++) {
        W *x = c + n * k;
        if (x[0] != c[0]) return;
        for (m = 1; m < n; m++) {
            int mem = (s == 0 && m == 3) || (s == 1 && m == 2), base = (s == 0 && m == 2) || (s == 1 && m == 1);
            W want = base ? c[m] : c[m] + (W)(mem ? 4 : 8) * k;
            if (x[m] != want) return;
        }
    }
    W op[4] = { c[1], c[2], c[3], n == 5 ? c[4] : 0 };
    /* the pointer a bitcast (mov32) just before, used only here: its source */
    uint32_t pv = l->ir->ins[i].o[0];
    if (s <= 1 && l->ir->ins[i].op == (s ? I_STORE : I_LOAD) && defof(l, pv) != NOTY && l->ir->ins[defof(l, pv)].op == I_CAST
        && just_before(l, pv, q, 3, OP_mov32) && l->c[q - 2] == op[s ? 0 : 1]
        && !(s == 0 && (W)((int32_t)l->c[q - 1] - (int32_t)op[0]) < 32)) {
        op[s ? 0 : 1] = l->c[q - 1];
        q -= 3;
    }
    if (s == 0 && (W)((int32_t)op[1] - (int32_t)op[0]) < 32) return;     /* base slot among the destinations */
    l->nc = l->at[i] = q;
    if (s == 0 && q >= 5) {
        /* the pointer computed just before (gep p b x s / addi p b C): one op computes p and loads */
        uint32_t b = l->ir->ins[i].o[0], jb = defof(l, b);
        if (jb != NOTY && l->ir->ins[jb].op == I_CAST) { b = l->ir->ins[jb].o[0]; jb = defof(l, b); }
        if (jb != NOTY && jb < i && l->end[jb] == q) {
            W *g = &l->c[q - 5];
            if (l->at[jb] + 5 == q && g[0] == OP(gep) && g[1] == op[1] && (W)((int32_t)g[1] - (int32_t)op[0]) >= 32) {
                W b0 = g[2], x0 = g[3], s0 = g[4];
                l->nc = l->at[i] = q - 5;
                emv(l, 7, l->e->lab[OP_gepldv4], op[0], op[1], b0, x0, s0, op[2]);
                return;
            }
            g++;
            if (l->at[jb] + 4 == q && g[0] == OP(addi) && g[1] == op[1] && (W)((int32_t)g[1] - (int32_t)op[0]) >= 32) {
                W b0 = g[2], c0 = g[3];
                l->nc = l->at[i] = q - 4;
                emv(l, 6, l->e->lab[OP_addildv4], op[0], op[1], b0, c0, op[2]);
                return;
            }
        }
    }
    if (n == 4) emv(l, 4, l->e->lab[sc[s][1]], op[0], op[1], op[2]);
    else emv(l, 5, l->e->lab[sc[s][1]], op[0], op[1], op[2], op[3]);
}

/* ---- whole loops (patterns.h) ------------------------------------------- */
/* A dot-product loop block as one dotl (float) / dotld (double), dotl1/dotl4
 * (dotld1/dotld4) when unrolled by 1/4 and leaving as n reaches end: the handler
 * makes every pass, the same products and sums in the same order, reading
 * the phis and the invariants from their slots and writing the three values
 * the loop leaves with; then the exit edge, as a branch would take it. */
static int dot_loop(L *l, const DotLoop *d) {
    Opd z = { 1, 0, 0 };
    uint32_t q = l->nc, len = l->ir->bb[d->bb + 1] - l->ir->bb[d->bb];
    W off = d->off == NOTY ? (W)inslot(l, &z) : (W)sl(l, d->off, 0);
    W loop = isback(l, d->bb) ? ++l->nloops : 0;     /* its back-edges counted, as a jmpb would (f->loops[loop - 1]) */
    int v = !d->leave_if_equal ? 0 : d->unroll == 1 ? 1 : d->unroll == 4 ? 2 : 0;   /* dotl, dotl1, dotl4 */
    if (emv(l, 16, (W)l->e->lab[(d->dbl ? OP_dotld : OP_dotl) + v], (W)sl(l, d->acc_next, 0), (W)sl(l, d->x_next, 0), (W)sl(l, d->n_next, 0),
            (W)sl(l, d->acc, 0), (W)sl(l, d->x, 0), (W)sl(l, d->n, 0), (W)sl(l, d->a, 0), off, (W)sl(l, d->b, 0),
            (W)sl(l, d->end, 0), (W)d->step, (W)d->unroll, (W)d->leave_if_equal, (W)(l->e->cfg.stats ? len : 0), loop))
        return -1;
    for (uint32_t i = l->ir->bb[d->bb]; i < l->ir->bb[d->bb + 1]; i++) l->at[i] = l->end[i] = q;
    l->e->fused++;
    return goto_bb(l, d->exit);
}

/* ---- the driver -------------------------------------------------------- */
/* vectors hold one 8-byte slot per element: elements must be scalars */
static int badvec(L *l, uint32_t t) { Ty *y = T(l, t); return y->k == TK_VEC && (y->elt >= l->e->nty || cls(l, y->elt) < 0); }
/* value types the engine cannot compute with (memory-only uses are fine) */
static const char *oddty(L *l, uint32_t t) {
    Ty *y = T(l, t);
    if (y->k != TK_OTHER) return 0;
    switch (y->w) {                                  /* TYPE_CODE_* */
    case 10: return "half"; case 14: return "fp128";
    case 15: return "ppc_fp128"; case 17: return "x86_mmx"; case 23: return "bfloat"; case 24: return "x86_amx";
    }
    return 0;
}
static int isval(Ins *I, uint32_t k);
static int check_types(L *l, Ins *I) {
    E *e = l->e;
    uint32_t bad = NOTY;
    const char *on = I->ty < e->nty ? oddty(l, I->ty) : 0;
    for (uint32_t k = 0; k < I->n && !on; k++)
        if (isval(I, k) && I->o[k] < e->nv && vty(l, I->o[k]) < e->nty) on = oddty(l, vty(l, I->o[k]));
    if (on) return BADL("bitcode: unsupported type %s in '%.*s'", on, (int)l->f->nlen, l->f->name);
    if (I->ty < e->nty && badvec(l, I->ty)) bad = I->ty;
    for (uint32_t k = 0; k < I->n && bad == NOTY; k++)
        if (isval(I, k) && I->o[k] < e->nv && vty(l, I->o[k]) < e->nty && badvec(l, vty(l, I->o[k]))) bad = vty(l, I->o[k]);
    if (bad == NOTY) return 0;
    Ty *y = T(l, bad); Ty *el = y->elt < e->nty ? T(l, y->elt) : 0;
    if (el && el->k == TK_INT) return BADL("bitcode: unsupported vector type <%u x i%u> in '%.*s'", y->w, el->w, (int)l->f->nlen, l->f->name);
    return BADL("bitcode: unsupported vector element type (kind %u) in '%.*s'", el ? el->k : 0, (int)l->f->nlen, l->f->name);
}

/* shufflevector ii broadcasting lane m of an insertelement into undef just
 * before it, at lane m, used only there (insertelement + splat: x in every
 * lane): x, else NOTY */
static uint32_t splat_source(L *l, uint32_t ii) {
    E *e = l->e; Ins *S = &l->ir->ins[ii];
    if (S->op != I_SHUF || ii == 0 || e->v[S->o[2]].k == V_CUNDEF) return NOTY;
    Ins *In = &l->ir->ins[ii - 1];
    if (In->op != I_INSELT || In->id != S->o[0] || !islocal(l, In->id) || l->nuse[In->id - l->base] != 1 || l->blk[ii - 1] != l->blk[ii]
        || !isconst(l, In->o[0]) || e->v[In->o[0]].k != V_CUNDEF || !isconst(l, In->o[2])) return NOTY;
    uint64_t at, m;
    if (const_scalar(e, In->o[2], &at)) return NOTY;
    Val *mv = &e->v[S->o[2]];
    for (uint32_t i = 0; i < nelt(l, S->ty); i++)
        if (elem_const(l, S->o[2], i, &m) || (mv->k == V_CAGG && i < mv->u.a.n && e->v[mv->u.a.o[i]].k == V_CUNDEF) || (uint32_t)m != (uint32_t)at) return NOTY;
    return In->o[1];
}
static int emit_ins(L *l, uint32_t ii) {
    FnIR *ir = l->ir; Ins *I = &ir->ins[ii];
    E *e = l->e;
    uint32_t t = I->ty;
    Opd a, b;
    if (check_types(l, I)) return -1;
    switch (I->op) {
    case I_BIN: case I_CMP: case I_FNEG: case I_CAST: case I_SEL: case I_FREEZE: {
        uint32_t ne = nelt(l, I->op == I_CMP ? I->ty2 : (I->op == I_CAST ? I->ty2 : t));
        if (I->op == I_SEL) ne = nelt(l, t);
        int32_t d = dst(l, I->id);
        if (((I->op == I_BIN || I->op == I_FNEG || I->op == I_CAST) && isf80(l, t)) || ((I->op == I_CMP || I->op == I_CAST) && isf80(l, I->ty2)))
            return lower_fp80(l, I, d);
        if (I->op == I_CAST && (nelt(l, t) != nelt(l, I->ty2) || (I->sub == 11 && (T(l, t)->k == TK_VEC || T(l, I->ty2)->k == TK_VEC)))) {
            /* bitcast through memory */
            if (I->sub != 11) return BADL("bitcode: bad vector cast");
            uint32_t sz = ty_size(e, t);
            if (sz != ty_size(e, I->ty2)) return BADL("bitcode: bitcast between different sizes");
            int32_t m = slot(l, sz + 8);
            uint32_t fake = I->o[0];
            /* store source into frame memory m, reload as the destination type */
            int32_t save = l->fa[I->id - l->base];
            Ty *st = T(l, I->ty2);
            if (st->k == TK_VEC) {
                uint32_t es = ty_size(e, st->elt);
                if (T(l, st->elt)->k == TK_INT && T(l, st->elt)->w == 1) {
                    /* <N x i1> -> iN: gather bits */
                    if (st->w > 32) return BADL("bitcode: unsupported bitcast of <%u x i1> in '%.*s'", st->w, (int)l->f->nlen, l->f->name);
                    if (E3(OP(movi), d, 0)) return -1;
                    for (uint32_t i = 0; i < st->w; i++) {
                        int32_t tt = tmpslot(l);
                        if (E4(OP(shli), tt, sl(l, fake, i), i) || E4(OP(or), d, d, tt)) return -1;
                    }
                    return 0;
                }
                for (uint32_t i = 0; i < st->w; i++) {
                    int32_t s = sl(l, fake, i), o = m + i * es;
                    if (es == 1) { if (E3(OP(sf8), o, s)) return -1; }
                    else if (es == 2) { if (E3(OP(sf16), o, s)) return -1; }
                    else if (E3(es == 4 ? OP(mov32) : OP(mov64), o, s)) return -1;
                }
            } else {
                Opd o; if (opd(l, fake, 0, &o)) return -1;
                if (mov(l, m, &o, I->ty2)) return -1;
            }
            (void)save;
            Ty *dt = T(l, t);
            if (dt->k == TK_VEC) {
                uint32_t es = ty_size(e, dt->elt);
                for (uint32_t i = 0; i < dt->w; i++) {
                    int32_t o = m + i * es;
                    if (es == 1) { if (E3(OP(lf8), d + 8 * i, o)) return -1; }
                    else if (es == 2) { if (E3(OP(lf16), d + 8 * i, o)) return -1; }
                    else if (E3(es == 4 ? OP(mov32) : OP(mov64), d + 8 * i, o)) return -1;
                }
                return 0;
            }
            Opd o = { 0, m, 0 };
            if (mov(l, d, &o, t)) return -1;
            if (isw(l, t) && iw(l, t) != 128) return ewide(l, WO_MASK, d, d, 0, 0, iw(l, t));
            return 0;
        }
        static const uint16_t v2d_bin[5] = { OP_daddv2, OP_dsubv2, OP_dmulv2, OP_ddivv2, OP_ddivv2 };   /* fdiv: 3 or 4 */
        if (I->op == I_BIN && is_v2d(l, t) && I->sub <= 4) return emit_v2d(l, v2d_bin[I->sub], d, I->o, 2);
        if (I->op == I_FNEG && is_v2d(l, t)) return emit_v2d(l, OP_dnegv2, d, I->o, 1);
        for (uint32_t i = 0; i < ne; i++) {
            int32_t di = d + 8 * i;
            switch (I->op) {
            case I_BIN:
                if (opd(l, I->o[0], i, &a) || opd(l, I->o[1], i, &b)) return -1;
                if (emit_bin(l, I->sub, sty(l, t), di, a, b)) return -1;
                break;
            case I_FNEG:
                if (opd(l, I->o[0], i, &a)) return -1;
                if (E3(cls(l, sty(l, t)) == 2 ? OP(fneg) : OP(dneg), di, inslot(l, &a))) return -1;
                break;
            case I_CMP:
                if (opd(l, I->o[0], i, &a) || opd(l, I->o[1], i, &b)) return -1;
                if (emit_cmp(l, I->sub, sty(l, I->ty2), di, a, b)) return -1;
                break;
            case I_CAST:
                if (opd(l, I->o[0], i, &a)) return -1;
                if (emit_cast(l, I->sub, sty(l, I->ty2), sty(l, t), di, a)) return -1;
                break;
            case I_FREEZE:
                if (opd(l, I->o[0], i, &a) || mov(l, di, &a, sty(l, t))) return -1;
                break;
            case I_SEL: {
                uint32_t ct = vty(l, I->o[0]);
                Opd c, x, y;
                if (opd(l, I->o[0], T(l, ct)->k == TK_VEC ? i : 0, &c)) return -1;
                if (opd(l, I->o[1], i, &x) || opd(l, I->o[2], i, &y)) return -1;
                uint32_t et = sty(l, t);
                if (c.imm) { if (mov(l, di, (c.v & 1) ? &x : &y, et)) return -1; break; }
                int cc = cls(l, et);
                if (cc < 0) {
                    int32_t xs = x.imm ? 0 : x.off, ys = y.imm ? 0 : y.off;
                    if (x.imm || y.imm) return BADL("bitcode: unsupported aggregate select");
                    if (E6(OP(seln), di, c.off, xs, ys, vsize(l, et))) return -1;
                } else if (E5((cc == 1 || cc == 3) ? OP(sel64) : OP(sel32), di, c.off, inslot(l, &x), inslot(l, &y))) return -1;
                break;
            }
            }
        }
        return 0;
    }
    case I_GEP: return emit_gep(l, I);
    case I_EXTELT: {
        int32_t d = dst(l, I->id);
        Opd ix; if (opd(l, I->o[1], 0, &ix)) return -1;
        if (ix.imm) {
            if (ix.v >= nelt(l, vty(l, I->o[0]))) return E3(OP(movi64), d, 0) || E1(0);
            if (opd(l, I->o[0], (uint32_t)ix.v, &a)) return -1;
            return mov(l, d, &a, t);
        }
        int32_t vs;
        if (isconst(l, I->o[0])) {                  /* constant vector: one slot per element */
            uint32_t ne = nelt(l, vty(l, I->o[0]));
            uint64_t *buf = ealloc(e, 8 * ne + 8); if (!buf) return -1;
            for (uint32_t q = 0; q < ne; q++) {
                Opd o; if (opd(l, I->o[0], q, &o)) { efree(e, buf); return -1; }
                buf[q] = o.v;
            }
            vs = cslot(l, buf, 8 * ne); efree(e, buf);
        } else vs = sl(l, I->o[0], 0);
        return E4(OP(movx), d, vs, inslot(l, &ix));
    }
    case I_INSELT: {
        int32_t d = dst(l, I->id);
        if (ii + 1 < l->ir->bb[l->cur + 1] && splat_source(l, ii + 1) != NOTY && is_v2d(l, t)) return 0;   /* the splat reads the scalar */
        Opd ix; if (opd(l, I->o[2], 0, &ix)) return -1;
        uint32_t n = nelt(l, t), et = sty(l, t);
        if (!(isconst(l, I->o[0]) && e->v[I->o[0]].k == V_CUNDEF) && movv(l, d, I->o[0])) return -1;   /* into undef: other lanes stay as they are */
        if (opd(l, I->o[1], 0, &a)) return -1;
        if (ix.imm) { if (ix.v >= n) return 0; return mov(l, d + 8 * (uint32_t)ix.v, &a, et); }
        return E4(OP(stx), d, inslot(l, &ix), inslot(l, &a));
    }
    case I_SHUF: {
        int32_t d = dst(l, I->id);
        uint32_t x = splat_source(l, ii);
        if (x != NOTY && is_v2d(l, t)) return E3(OP(splatd2), d, sl(l, x, 0));
        uint32_t n1 = nelt(l, vty(l, I->o[0])), n = nelt(l, t), et = sty(l, t);
        if (n == 4 && ty_size(e, et) == 4 && cls(l, et) >= 0 && e->v[I->o[2]].k != V_CUNDEF) {
            /* splat of one lane (<4 x float> broadcast): one splat4 */
            Val *mv = &e->v[I->o[2]];
            uint64_t m0 = 0, m; uint32_t i;
            for (i = 0; i < n; i++) {
                if (elem_const(l, I->o[2], i, &m) || (mv->k == V_CAGG && i < mv->u.a.n && e->v[mv->u.a.o[i]].k == V_CUNDEF)) break;
                if (!i) m0 = (uint32_t)m; else if ((uint32_t)m != m0) break;
            }
            if (i == n && m0 < n1 && !isconst(l, I->o[0])) {
                uint32_t v = I->o[0], j = defof(l, v), q = l->nc;
                /* lane 0 just inserted into undef (mov32 lane x): read x itself */
                if (m0 == 0 && j != NOTY && l->ir->ins[j].op == I_INSELT && just_before(l, v, q, 3, OP_mov32)
                    && l->c[q - 2] == (W)sl(l, v, 0)) {
                    W x = l->c[q - 1];
                    l->nc = q - 3;
                    return E3(OP(splat4), d, x);
                }
                if (opd(l, v, (uint32_t)m0, &a)) return -1;
                if (!a.imm) return E3(OP(splat4), d, a.off);
            }
        }
        for (uint32_t i = 0; i < n; i++) {
            uint64_t m; Val *mv = &e->v[I->o[2]];
            if (mv->k == V_CUNDEF) m = 0xffffffff;
            else if (elem_const(l, I->o[2], i, &m)) return -1;
            if (mv->k == V_CAGG && i < mv->u.a.n && e->v[mv->u.a.o[i]].k == V_CUNDEF) m = 0xffffffff;
            m = (uint32_t)m;
            if (m >= 2 * n1) { Opd z = { 1, 0, 0 }; if (mov(l, d + 8 * i, &z, et)) return -1; continue; }
            if (opd(l, m < n1 ? I->o[0] : I->o[1], (uint32_t)(m < n1 ? m : m - n1), &a)) return -1;
            if (mov(l, d + 8 * i, &a, et)) return -1;
        }
        return 0;
    }
    case I_EXTVAL: case I_INSVAL: {
        uint32_t agg = I->o[0], at = I->ty2, off = 0, ft = at;
        uint32_t first = I->op == I_EXTVAL ? 1 : 2;
        for (uint32_t i = first; i < I->n; i++) {
            Ty *y = T(l, ft); uint32_t x = I->o[i];
            if (y->k == TK_ST) { ty_size(e, ft); off += T(l, ft)->offs[x]; ft = T(l, ft)->elts[x]; }
            else { ft = y->elt; off += x * ty_size(e, ft); }
        }
        int32_t d = dst(l, I->id);
        int32_t s;
        if (isconst(l, agg)) { s = slot(l, vsize(l, at)); if (movv(l, s, agg)) return -1; }
        else s = sl(l, agg, 0);
        uint32_t fs = ty_size(e, ft);
        if (T(l, ft)->k == TK_VEC || T(l, at)->k == TK_VEC) return BADL("bitcode: vectors inside aggregates are not supported");
        if (I->op == I_EXTVAL) {
            if (cls(l, ft) >= 0) {
                if (fs == 1) return E3(OP(lf8), d, s + off);
                if (fs == 2) return E3(OP(lf16), d, s + off);
                if (fs == 4) return E3(OP(mov32), d, s + off);
                if (fs == 8) return E3(OP(mov64), d, s + off);
            }
            return E4(OP(movn), d, s + off, fs);
        }
        if (E4(OP(movn), d, s, ty_size(e, at))) return -1;
        uint32_t v = I->o[1];
        int32_t vs;
        if (isconst(l, v)) { vs = slot(l, vsize(l, ft)); if (movv(l, vs, v)) return -1; }
        else vs = sl(l, v, 0);
        if (cls(l, ft) >= 0) {
            if (fs == 1) return E3(OP(sf8), d + off, vs);
            if (fs == 2) return E3(OP(sf16), d + off, vs);
            if (fs == 4) return E3(OP(mov32), d + off, vs);
            if (fs == 8) return E3(OP(mov64), d + off, vs);
        }
        return E4(OP(movn), d + off, vs, fs);
    }
    case I_ALLOCA: {
        uint32_t k = I->id - l->base;
        uint32_t sz = ty_size(e, I->ty2), al = ty_align(e, I->ty2);
        uint32_t ra = I->aux ? (1u << (I->aux - 1)) : 1;
        if (ra > al) al = ra;
        uint64_t cnt;
        if (l->cur == 0 && isconst(l, I->o[0]) && !const_scalar(e, I->o[0], &cnt) && al <= 16 && cnt * sz < (1u << 24)) {
            uint32_t tot = (uint32_t)cnt * sz; if (!tot) tot = 1;
            uint32_t aa = al < 8 ? 8 : al;
            l->fsz = (l->fsz + aa - 1) & ~(aa - 1);
            l->fa[k] = (int32_t)l->fsz;
            l->fsz += (tot + 7) & ~7u;
            if (l->nonmem[k]) return E3(OP(lea), dst(l, I->id), l->fa[k]);
            return 0;
        }
        int32_t d = dst(l, I->id);
        int32_t n = sl(l, I->o[0], 0);
        int32_t tb = tmpslot(l);
        if (E4(OP(muli), tb, n, sz)) return -1;
        return E4(OP(alloca), d, tb, al < 16 ? 16 : al);
    }
    case I_LOAD: return emit_load(l, t, dst(l, I->id), I->o[0], 0);
    case I_STORE: return emit_store(l, I->o[0], I->o[1], 0);
    case I_FENCE: return 0;
    case I_CMPXCHG: {
        int32_t d = dst(l, I->id);
        int c = cls(l, I->ty2);
        if (c != 0 && c != 1) return BADL("bitcode: unsupported cmpxchg type");
        uint32_t sz = ty_size(e, I->ty2);
        if (sz == 8) return E5(OP(cmpxchg64), d, sl(l, I->o[0], 0), sl(l, I->o[1], 0), sl(l, I->o[2], 0));
        if (sz != 1 && sz != 2 && sz != 4) return BADL("bitcode: unsupported cmpxchg width");
        return E6(OP(cmpxchg), d, sl(l, I->o[0], 0), sl(l, I->o[1], 0), sl(l, I->o[2], 0), sz);
    }
    case I_RMW: {
        int32_t d = dst(l, I->id);
        uint32_t sz = ty_size(e, I->ty2);
        if (cls(l, I->ty2) != 0 && cls(l, I->ty2) != 1) return BADL("bitcode: unsupported atomicrmw type");
        if (sz != 4 && sz != 8 && sz != 1 && sz != 2) return BADL("bitcode: unsupported atomicrmw width");
        return E6(sz == 8 ? OP(rmw64) : OP(rmw), d, sl(l, I->o[0], 0), sl(l, I->o[1], 0), I->sub, sz);
    }
    case I_VAARG: return BADL("bitcode: va_arg instruction is not supported (clang lowers it for i386)");
    case I_CALL: return emit_call(l, I);
    case I_PHI: dst(l, I->id); return 0;
    case I_RET: {
        if (l->f->traced) { if (I->n) { Opd o; if (opd(l, I->o[0], 0, &o)) return -1; if (E4(OP(trace), l->f, 1, inslot(l, &o))) return -1; } else if (E4(OP(trace), l->f, 1, 0)) return -1; }
        if (!I->n) return E1(OP(retv));
        uint32_t rt = vty(l, I->o[0]);
        if (cls(l, rt) >= 0) return E2(OP(ret), sl(l, I->o[0], 0));
        int32_t s;
        if (isconst(l, I->o[0])) { s = slot(l, vsize(l, rt)); if (movv(l, s, I->o[0])) return -1; }
        else s = sl(l, I->o[0], 0);
        return E3(OP(retn), s, vsize(l, rt));
    }
    case I_UNREACH: return E1(OP(unreach));
    case I_BR: {
        if (I->n == 1) return goto_bb(l, I->o[0]);
        uint32_t tb = I->o[0], fb = I->o[1], c = I->o[2];
        if (tb >= l->ir->nbb || fb >= l->ir->nbb) return BADL("bitcode: bad branch target");
        Opd co; if (opd(l, c, 0, &co)) return -1;
        if (co.imm) return goto_bb(l, (co.v & 1) ? tb : fb);
        /* fused compare + branch (the driver skipped the compare) */
        Ins *P = ii > 0 ? &ir->ins[ii - 1] : 0;
        Opd x = co, y = { 1, 0, 0 };
        uint32_t p = 1;                                  /* ne 0 */
        if (P && P->op == I_CMP && P->id == c && l->nuse[c - l->base] == 1 && cls(l, P->ty2) == 0 && P->sub >= 32 && P->sub <= 41
            && ii - 1 >= ir->bb[l->cur]) {
            if (opd(l, P->o[0], 0, &x) || opd(l, P->o[1], 0, &y)) return -1;
            uint32_t w = iw(l, P->ty2);
            p = P->sub - 32;
            if (p >= 6 && w != 32) { if (sext_tmp(l, &x, w) || sext_tmp(l, &y, w)) return -1; }
            if (x.imm && !y.imm) { Opd t2 = x; x = y; y = t2; p = swp[p]; }
            if (x.imm) inslot(l, &x);
        }
        uint32_t q0 = l->nc, np0 = l->npt;
        if (cond_br(l, ii, p, x, y, tb, fb)) return -1;
        return latch_inc(l, ii, q0, np0);
    }
    case I_SWITCH: {
        uint32_t c = I->o[0], def = I->o[1], n = (I->n - 2) / 2;
        int cc = cls(l, I->ty2);
        if (isw(l, I->ty2)) {                            /* wide: a chain of compares */
            int32_t s = sl(l, c, 0), fl = tmpslot(l);
            if (def >= l->ir->nbb) return BADL("bitcode: bad switch target");
            for (uint32_t i = 0; i < n; i++) {
                Opd k; if (I->o[3 + 2 * i] >= l->ir->nbb) return BADL("bitcode: bad switch target");
                if (opd(l, I->o[2 + 2 * i], 0, &k) || ewide(l, WO_CMP, fl, s, inslot(l, &k), 0, iw(l, I->ty2))) return -1;
                if (E2(OP(brif), fl) || target(l, edge_label(l, I->o[3 + 2 * i]))) return -1;
            }
            if (E1(OP(jmp))) return -1;
            return target(l, edge_label(l, def));
        }
        if (cc != 0 && cc != 1) return BADL("bitcode: unsupported switch type");
        if (def >= l->ir->nbb) return BADL("bitcode: bad switch target");
        if (cc == 1) {
            for (uint32_t i = 0; i < n; i++) if (I->o[3 + 2 * i] >= l->ir->nbb) return BADL("bitcode: bad switch target");
            uint32_t ld = edge_label(l, def);
            if (E3(OP(sw64), sl(l, c, 0), n) || target(l, ld)) return -1;
            for (uint32_t i = 0; i < n; i++) {
                uint64_t x; if (const_scalar(e, I->o[2 + 2 * i], &x)) return -1;
                if (E2((uint32_t)x, (uint32_t)(x >> 32)) || target(l, edge_label(l, I->o[3 + 2 * i]))) return -1;
            }
            return 0;
        }
        int32_t s = sl(l, c, 0);
        int64_t mn = 0x7fffffffffffLL, mx = -0x7fffffffffffLL;
        uint32_t w = iw(l, I->ty2);
        for (uint32_t i = 0; i < n; i++) {
            uint64_t x; if (const_scalar(e, I->o[2 + 2 * i], &x)) return -1;
            int64_t sx = w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w);
            if (w < 32) sx = (int64_t)(x & ((1ull << w) - 1));
            if (sx < mn) mn = sx; if (sx > mx) mx = sx;
            if (I->o[3 + 2 * i] >= l->ir->nbb) return BADL("bitcode: bad switch target");
        }
        uint32_t ldef = edge_label(l, def);
        if (n >= 4 && mx - mn < 4 * (int64_t)n + 16) {
            uint32_t cnt = (uint32_t)(mx - mn + 1);
            uint32_t *tl = ealloc(e, 4 * cnt); if (!tl) return -1;
            for (uint32_t i = 0; i < cnt; i++) tl[i] = ldef;
            for (uint32_t i = n; i-- > 0;) {
                uint64_t x; const_scalar(e, I->o[2 + 2 * i], &x);
                int64_t sx = w >= 32 ? (int64_t)(int32_t)x : (int64_t)(x & ((1ull << w) - 1));
                tl[sx - mn] = edge_label(l, I->o[3 + 2 * i]);
            }
            if (E4(OP(swt), s, (uint32_t)mn, cnt) || target(l, ldef)) { efree(e, tl); return -1; }
            for (uint32_t i = 0; i < cnt; i++) if (target(l, tl[i])) { efree(e, tl); return -1; }
            efree(e, tl);
            return 0;
        }
        if (E3(OP(sw), s, n) || target(l, ldef)) return -1;
        for (uint32_t i = 0; i < n; i++) {
            uint64_t x; const_scalar(e, I->o[2 + 2 * i], &x);
            if (E1((uint32_t)x) || target(l, edge_label(l, I->o[3 + 2 * i]))) return -1;
        }
        return 0;
    }
    case I_IBR: {
        uint32_t n = I->n - 1, nbb = l->ir->nbb;
        uint32_t *tl = ealloc(e, 4 * nbb + 4); if (!tl) return -1;
        for (uint32_t i = 0; i < nbb; i++) tl[i] = NOTY;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t bb = I->o[1 + i];
            if (bb >= nbb) { efree(e, tl); return BADL("bitcode: bad indirectbr target"); }
            if (tl[bb] == NOTY) tl[bb] = edge_label(l, bb);
        }
        if (E4(OP(ibr), sl(l, I->o[0], 0), l->f->idx + 1, nbb)) { efree(e, tl); return -1; }
        for (uint32_t i = 0; i < nbb; i++) {
            if (tl[i] == NOTY) { if (E1(0)) { efree(e, tl); return -1; } }
            else if (target(l, tl[i])) { efree(e, tl); return -1; }
        }
        efree(e, tl);
        return 0;
    }
    }
    return BADL("bitcode: unsupported instruction %u", I->op);
}

static void count_uses(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        for (uint32_t k = 0; k < I->n; k++) {
            uint32_t v = I->o[k];
            if ((I->op == I_BR && k < 2) || (I->op == I_SWITCH && k >= 1) || (I->op == I_IBR && k >= 1)
                || (I->op == I_PHI && (k & 1)) || ((I->op == I_EXTVAL && k >= 1) || (I->op == I_INSVAL && k >= 2)))
                continue;
            if (!islocal(l, v)) continue;
            l->nuse[v - l->base]++;
            /* a use lowered before its definition (LLVM's block order is not dominance order:
               -O3 puts latches first) reads the value's slot, so the value may not be folded away */
            if (l->def[v - l->base] != NOTY && l->def[v - l->base] > i) l->nonmem[v - l->base]++;
            int memptr = (I->op == I_LOAD && k == 0) || (I->op == I_STORE && k == 0);
            if (memptr) {
                uint32_t vt2 = I->op == I_LOAD ? I->ty : vty(l, I->o[1]);
                uint32_t sz = msize(l, vt2);
                if (cls(l, vt2) < 0 || !(sz == 1 || sz == 2 || sz == 4 || sz == 8)) memptr = 0;
            }
            int gepbase = I->op == I_GEP && k == 0;
            if (!memptr && !gepbase) l->nonmem[v - l->base]++;
            if (gepbase) l->xs[v - l->base] = 1;          /* used as a GEP base: keep materialisable */
        }
    }
    /* a GEP base used by a GEP that is itself materialised needs an address:
       conservatively mark bases of GEPs with variable indices */
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        if (I->op != I_GEP || !islocal(l, I->o[0])) continue;
        int allc = 1;
        for (uint32_t k = 1; k < I->n; k++) if (!isconst(l, I->o[k])) allc = 0;
        if (!allc) l->nonmem[I->o[0] - l->base]++;
    }
    /* a dot-product loop's handler reads its invariants from their slots */
    for (uint32_t b = 0; b < ir->nbb; b++) {
        const DotLoop d = l->dot[b];
        if (!d.unroll) continue;
        const uint32_t in[4] = { d.a, d.off, d.b, d.end };
        for (int k = 0; k < 4; k++) if (in[k] != NOTY && islocal(l, in[k])) l->nonmem[in[k] - l->base]++;
    }
    /* propagate: a constant GEP whose result needs an address doesn't force
       its base (handled in emit_gep), but a base that is a GEP chain must be
       materialisable: mark when a constant GEP result is materialised */
    for (int it = 0; it < 4; it++)
        for (uint32_t i = ir->nins; i-- > 0;) {
            Ins *I = &ir->ins[i];
            if (I->op != I_GEP || I->id == 0xffffffff || !islocal(l, I->o[0])) continue;
            if (l->nonmem[I->id - l->base]) {
                uint32_t b = I->o[0] - l->base;
                /* frame-relative chains and slot+offset chains materialise from
                   the base's own slot when it is not a frame address */
                if (!l->nonmem[b]) l->nonmem[b] = 1;
            }
        }
}

/* Single-block loops: let a phi and its back-edge value share a slot when the
 * phi is dead once the value is defined, so the back edge needs no moves. */
static int isval(Ins *I, uint32_t k) {          /* operand k is a value (not a block, index) */
    return !((I->op == I_BR && k < 2) || (I->op == I_SWITCH && k >= 1) || (I->op == I_IBR && k >= 1)
             || (I->op == I_PHI && (k & 1)) || (I->op == I_EXTVAL && k >= 1) || (I->op == I_INSVAL && k >= 2));
}
/* use lists (instruction indices per local value) and the block of each instruction */
static int build_uses(L *l) {
    FnIR *ir = l->ir; uint32_t n = l->nloc + 1, tot = 0;
    l->us = ealloc(l->e, 4 * (n + 1)); l->blk = ealloc(l->e, 4 * ir->nins + 4);
    if (!l->us || !l->blk) return -1;
    for (uint32_t b = 0; b < ir->nbb; b++) for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) l->blk[i] = b;
    for (uint32_t i = 0; i < ir->nins; i++) for (uint32_t k = 0; k < ir->ins[i].n; k++)
        if (isval(&ir->ins[i], k) && islocal(l, ir->ins[i].o[k])) { l->us[ir->ins[i].o[k] - l->base + 1]++; tot++; }
    for (uint32_t v = 0; v < n; v++) l->us[v + 1] += l->us[v];
    l->ul = ealloc(l->e, 4 * tot + 4); if (!l->ul) return -1;
    uint32_t *fill = ealloc(l->e, 4 * n); if (!fill) return -1;
    for (uint32_t i = 0; i < ir->nins; i++) for (uint32_t k = 0; k < ir->ins[i].n; k++)
        if (isval(&ir->ins[i], k) && islocal(l, ir->ins[i].o[k])) {
            uint32_t v = ir->ins[i].o[k] - l->base;
            l->ul[l->us[v] + fill[v]++] = i;
        }
    efree(l->e, fill);
    return 0;
}
/* Single-block loops: let a phi and its back-edge value share a slot when the
 * phi is dead once the value is defined, so the back edge needs no moves.
 * Is v read after instruction vi of block b (or by a phi)? addr: v is a GEP
 * folded into loads/stores, which read its operands where they are. */
static int used_late(L *l, uint32_t v, uint32_t b, uint32_t vi, int addr, int depth) {
    uint32_t k = v - l->base;
    for (uint32_t u = l->us[k]; u < l->us[k + 1]; u++) {
        uint32_t i = l->ul[u]; Ins *I = &l->ir->ins[i];
        int late = l->blk[i] != b || i > vi;
        if (!addr && (late || I->op == I_PHI)) return 1;
        if (addr && late && (I->op == I_LOAD || I->op == I_STORE) && I->o[0] == v) return 1;
        if (I->op == I_GEP && I->id != NOTY && islocal(l, I->id) && depth < 16 && (!addr || I->o[0] == v)
            && used_late(l, I->id, b, vi, 1, depth + 1)) return 1;
    }
    return 0;
}
static void coalesce(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1] && ir->ins[i].op == I_PHI; i++) {
            Ins *P = &ir->ins[i];
            if (cls(l, P->ty) < 0) continue;
            uint32_t v = NOTY;
            for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == b) { v = P->o[k]; break; }
            if (v == NOTY || !islocal(l, v) || l->loc[v - l->base] || l->loc[P->id - l->base]) continue;
            uint32_t vi = l->def[v - l->base];
            if (vi == NOTY || l->blk[vi] != b) continue;
            Ins *V = &ir->ins[vi];
            if (!(V->op == I_BIN || V->op == I_FNEG || V->op == I_LOAD || V->op == I_SEL || V->op == I_CALL || (V->op == I_CAST && T(l, V->ty)->k != TK_VEC)
                  || (V->op == I_GEP && V->n == 2))) continue;
            if (used_late(l, P->id, b, vi, 0, 0)) continue;
            /* v must not feed another phi of this block (it would see v, fine) nor be P itself */
            int32_t s = dst(l, P->id);
            l->loc[v - l->base] = s;
        }
}

/* A zext to i32 right after the i8/i16 load it extends (its only use): the
 * load writes the zext's slot, which it zero-fills, and the zext is no code.
 * Right after: the zext's slot may be a phi's (coalesce), read until then. */
static void zext_in_place(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i + 1 < ir->nins; i++) {
        Ins *Ld = &ir->ins[i], *Z = &ir->ins[i + 1];
        if (Ld->op != I_LOAD || Z->op != I_CAST || Z->sub != 1 || Z->o[0] != Ld->id || !islocal(l, Ld->id)
            || l->blk[i] != l->blk[i + 1] || l->nuse[Ld->id - l->base] != 1 || l->loc[Ld->id - l->base]
            || T(l, Ld->ty)->k != TK_INT || (iw(l, Ld->ty) != 8 && iw(l, Ld->ty) != 16)
            || T(l, Z->ty)->k != TK_INT || iw(l, Z->ty) != 32)
            continue;
        l->loc[Ld->id - l->base] = dst(l, Z->id);
    }
}


#ifdef BF_DUMP
#define X_NM(n) #n,
static const char *const opnm[] = { OPS(X_NM) 0 };
#undef X_NM
static void dump(E *e, Fn *f) {
    if (!e->cfg.print) return;
    e->cfg.print("== %.*s (frame %u, consts %u)\n", (int)f->nlen, f->name, f->frame, f->clen);
    for (uint32_t i = 0; i < f->ncode; i++) {
        int k; for (k = 0; k < OP__N; k++) if (f->code[i] == (W)e->lab[k]) break;
        if (k < OP__N) e->cfg.print("\n%4u: %s", i, opnm[k]);
        else if (f->code[i] >= (W)f->code && f->code[i] < (W)(f->code + f->ncode)) e->cfg.print(" @%u", (uint32_t)((W *)f->code[i] - f->code));
        else e->cfg.print(" %d", (int)f->code[i]);
    }
    e->cfg.print("\n");
}
#endif

/* Keeps where each value lives and where each block starts (FrameMap), so
 * that the JIT can enter compiled code from this frame mid-function. */
static int keep_frame_map(L *l, W *code) {
    E *e = l->e;
    FrameMap *m = ealloc(e, sizeof *m);
    if (!m || !(m->block = ealloc(e, sizeof(W *) * (l->ir->nbb + 1)))) { efree(e, m); return -1; }
    m->nloc = l->nloc; m->nbb = l->ir->nbb;
    for (uint32_t b = 0; b < l->ir->nbb; b++) m->block[b] = code + l->lab[b];
    m->loc = l->loc; m->fa = l->fa; m->go = l->go; m->gb = l->gb; m->xb = l->xb; m->xi = l->xi; m->xs = l->xs;
    l->loc = l->fa = l->go = 0; l->gb = l->xb = l->xi = l->xs = 0;     /* owned by the map now */
    l->f->map = m;
    return 0;
}

int lower(E *e, Fn *f) {
    if (f->failed) return fail(e, BFE_BITCODE, "bitcode: function '%.*s' failed to load", (int)f->nlen, f->name);
    e->lowering++;
    uint64_t t0 = e->cfg.now_us ? e->cfg.now_us() : 0;
    FnIR ir;
    L ls; memset(&ls, 0, sizeof ls); L *l = &ls;
    l->e = e; l->f = f; l->ir = &ir;
    int r = -1;
    if (fn_parse(e, f, &ir)) goto out;
    l->base = ir.base; l->nloc = e->nv - ir.base;
    uint32_t n = l->nloc + 1;
    l->loc = ealloc(e, 4 * n); l->fa = ealloc(e, 4 * n); l->gb = ealloc(e, 4 * n); l->go = ealloc(e, 4 * n);
    l->nuse = ealloc(e, 4 * n); l->nonmem = ealloc(e, 4 * n); l->tmp = ealloc(e, 4 * n);
    l->xb = ealloc(e, 4 * n); l->xi = ealloc(e, 4 * n); l->xs = ealloc(e, 4 * n);
    l->at = ealloc(e, 4 * ir.nins + 4); l->end = ealloc(e, 4 * ir.nins + 4); l->def = ealloc(e, 4 * n);
    if (!l->tmp || !l->def) goto out;
    for (uint32_t i = 0; i < n; i++) l->def[i] = NOTY;
    for (uint32_t i = 0; i < ir.nins; i++) {
        uint32_t v = ir.ins[i].id;
        if (v != NOTY && v >= ir.base && v - ir.base < l->nloc) l->def[v - ir.base] = i;
    }
    for (uint32_t i = 0; i < ir.nbb; i++) newlab(l);
    if (!(l->dot = ealloc(e, sizeof(DotLoop) * ir.nbb + 1)) || match_dot_loops(e, &ir, l->dot) < 0) goto out;
    count_uses(l);
    l->fsz = HDR;
    /* parameters */
    Ty *ft = &e->ty[f->ty];
    for (uint32_t i = 0; i < ft->w; i++) {
        if (badvec(l, ft->elts[i])) { BADL("bitcode: unsupported vector parameter type in '%.*s'", (int)f->nlen, f->name); goto out; }
        if (oddty(l, ft->elts[i])) { BADL("bitcode: unsupported type %s in '%.*s'", oddty(l, ft->elts[i]), (int)f->nlen, f->name); goto out; }
        l->loc[i] = slot(l, vsize(l, ft->elts[i]));
    }
    f->nparam = (l->fsz - HDR) / 8;
    /* byval parameters: copy into the frame */
    for (uint32_t i = 0; i < ft->w; i++) {
        uint32_t bt;
        if (attr_has(e, f->attr, i + 1, 3, &bt) && bt < e->nty) {
            uint32_t sz = ty_size(e, bt);
            uint32_t al = ty_align(e, bt); if (al < 8) al = 8; if (al > 16) al = 16;
            l->fsz = (l->fsz + al - 1) & ~(al - 1);
            int32_t m = (int32_t)l->fsz; l->fsz += (sz + 7) & ~7u;
            int32_t t = tmpslot(l);
            Opd len = { 1, 0, sz };
            if (E3(OP(lea), t, m) || E4(OP(memcpy), t, l->loc[i], inslot(l, &len)) || E3(OP(mov32), l->loc[i], t)) goto out;
        }
    }
    if (build_uses(l)) goto out;
    coalesce(l);
    zext_in_place(l);
    /* slots for every SSA value up front: layout order need not follow dominance */
    for (uint32_t i = 0; i < ir.nins; i++) if (ir.ins[i].id != NOTY) dst(l, ir.ins[i].id);
    if (f->traced && E4(OP(trace), f, 0, 0)) goto out;
    for (uint32_t b = 0; b < ir.nbb; b++) {
        l->cur = b;
        l->lab[b] = l->nc;
        if (l->dot[b].unroll) { if (dot_loop(l, &l->dot[b])) goto out; continue; }
        if (e->cfg.stats && (E2(OP(cnt), ir.bb[b + 1] - ir.bb[b]))) goto out;
        for (uint32_t i = ir.bb[b]; i < ir.bb[b + 1]; i++) {
            Ins *I = &ir.ins[i];
            /* compare feeding the next conditional branch: fused there */
            if (I->op == I_CMP && i + 1 < ir.bb[b + 1] && ir.ins[i + 1].op == I_BR && ir.ins[i + 1].n == 3
                && ir.ins[i + 1].o[2] == I->id && l->nuse[I->id - l->base] == 1 && cls(l, I->ty2) == 0
                && !isconst(l, ir.ins[i + 1].o[2])) { dst(l, I->id); continue; }
            l->at[i] = l->nc;
            if (emit_ins(l, i)) goto out;
            cast_fold(l, i);
            l->end[i] = l->nc;
            fuse(l, i);
            if (l->nc >= l->at[i] + 16) vec4(l, i);
            l->end[i] = l->nc;
        }
    }
    /* edge stubs */
    for (uint32_t s = 0; s < l->nst; s++) {
        l->lab[l->st[s].lab] = l->nc;
        l->cur = l->st[s].from;
        uint32_t q = l->nc;
        if (edge_moves(l, l->st[s].from, l->st[s].to)) goto out;
        if (l->st[s].back) { if (jump(l, l->st[s].to, 1)) goto out; }
        else if (jmp_moves(l, q, l->st[s].to)) goto out;
    }
    if (e->errc) goto out;
    {
        uint32_t clen = (l->cn + 15) & ~15u;
        W *code = ealloc(e, (l->nc + 1) * sizeof(W));
        if (!code) goto out;
        memcpy(code, l->c, l->nc * sizeof(W));
        for (uint32_t i = 0; i < l->npt; i++) {
            uint32_t lb = l->pt[i].lab;
            if (lb >= l->nlab || l->lab[lb] == 0xffffffff) { fail(e, BFE_BITCODE, "bitcode: internal: unresolved label"); goto out; }
            code[l->pt[i].at] = (W)(code + l->lab[lb]);
        }
        if (l->nloops) {
            f->loops = ealloc(e, 4 * l->nloops); if (!f->loops) goto out;
            f->nloops = l->nloops;
            /* patch jmpb counters: cell after target */
            for (uint32_t i = 0; i + 2 < l->nc; ) { i++; (void)i; break; }
        }
        f->cdata = ealloc(e, clen + 8); if (!f->cdata) goto out;
        if (l->cn) memcpy(f->cdata + clen - l->cn, l->cd + l->ccap - l->cn, l->cn);
        f->clen = clen;
        f->frame = (l->fsz + 15) & ~15u;
        f->ncode = l->nc;
        /* jmpb cells hold loop numbers: turn them into counter addresses */
        if (l->nloops) {
            for (uint32_t i = 0; i < l->npt; i++) {
                uint32_t at = l->pt[i].at;
                if (at >= 1 && code[at - 1] == OP(jmpb) && at + 1 < l->nc) code[at + 1] = (W)&f->loops[code[at + 1]];
            }
        }
        if (e->jit_osr && keep_frame_map(l, code)) { efree(e, code); goto out; }
        f->code = code;
        e->lowered++;
#ifdef BF_DUMP
        dump(e, f);
#endif
    }
    r = 0;
out:
    if (r) f->failed = 1;
    efree(e, l->c); efree(e, l->loc); efree(e, l->fa); efree(e, l->gb); efree(e, l->go);
    efree(e, l->xb); efree(e, l->xi); efree(e, l->xs); efree(e, l->at); efree(e, l->end); efree(e, l->def); efree(e, l->us); efree(e, l->ul); efree(e, l->blk);
    efree(e, l->nuse); efree(e, l->nonmem); efree(e, l->tmp); efree(e, l->cd); efree(e, l->lab); efree(e, l->pt); efree(e, l->st); efree(e, l->dot);
    fn_ir_free(e, &ir);
    e->lowering--;
    if (e->cfg.now_us) e->lower_us += e->cfg.now_us() - t0;
    return r ? (e->errc ? e->errc : BFE_BITCODE) : 0;
}
