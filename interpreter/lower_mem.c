/* Lowering of loads, stores and GEPs: addresses folded into frame offsets,
 * constant displacements and indexed loads/stores. */
#include "lower.h"

/* an indexed access whose index is "x + C" computed just before (and used only
 * by this address): drop that add, read x here, fold C * scale into the
 * displacement */
static void fold_idx(L *l, uint32_t p, int32_t *idx, int32_t *disp) {
    uint32_t k = p - l->base, xi = l->xi[k], j = def_of(l, xi);
    if (j == NOTY || l->nuse[k] != 1 || l->nuse[xi - l->base] != 1) return;
    Ins *A = &l->ir->ins[j];
    if (A->op != I_BIN || A->sub > 1 || l->end[j] != l->nc || l->at[j] + 4 != l->nc || l->c[l->at[j]] != (W)l->e->lab[OP_addi]) return;
    *idx = (int32_t)l->c[l->nc - 2];
    *disp += (int32_t)l->c[l->nc - 1] * (int32_t)l->xs[k];
    l->nc -= 4;
}
static int ptr_of(L *l, uint32_t p, int32_t *base, int32_t *off, int *frame) {
    *frame = 0; *off = 0;
    if (is_local(l, p)) {
        uint32_t k = p - l->base;
        if (l->fa[k]) { *frame = 1; *off = l->fa[k]; return 0; }
        if (l->gb[k]) { *base = slot_of(l, l->gb[k] - 1, 0); *off = l->go[k]; return 0; }
        if (l->xb[k]) {
            /* an index the load computes itself (emit_masked_index_load) has no slot */
            int masked = is_local(l, l->xi[k]) && l->by_user[l->xi[k] - l->base] == BY_INDEX;
            *base = l->rb[k] ? l->rb[k] : slot_of(l, l->xb[k] - 1, 0); *off = masked ? 0 : slot_of(l, l->xi[k], 0); *frame = l->xj[k] ? 3 : 2;
            return 0;
        }
    }
    *base = slot_of(l, p, 0);
    return 0;
}

/* an access through a GEP with two variable indices (a[i][j]), folded: one
 * cell "op [d] base i si j sj disp [v]" reads base + i * si + j * sj + disp
 * (d: the loaded value's slot, v: the stored one's; 0 leaves it out) */
static int emit_two_index(L *l, int op, int32_t d, int32_t b, int32_t i, uint32_t p, int32_t disp, int32_t v) {
    uint32_t k = p - l->base;
    int32_t j = slot_of(l, l->xj[k] - 1, 0);
    disp += l->go[k];
    if (d) return lower_emit_cells(l, 8, l->e->lab[op], (W)d, (W)b, (W)i, (W)l->xs[k], (W)j, (W)l->xt[k], (W)disp);
    return lower_emit_cells(l, 8, l->e->lab[op], (W)b, (W)i, (W)l->xs[k], (W)j, (W)l->xt[k], (W)disp, (W)v);
}
/* the load of n bytes (1 or 2) that sign-extends to 32 bits instead of zero-filling */
static int signed_load(int op) {
    switch (op) {
    case OP_ld8: return OP_ld8s; case OP_ld16: return OP_ld16s; case OP_lf8: return OP_lf8s; case OP_lf16: return OP_lf16s;
    case OP_lix1: return OP_lix1s; case OP_lix2: return OP_lix2s; case OP_ljx1: return OP_ljx1s; case OP_ljx2: return OP_ljx2s;
    }
    return op;
}
/* x, an index a load was to compute itself (BY_INDEX), computed into its own
 * slot where its GEP needs it after all: not folded into the load (masked_index
 * takes GEPs of one variable i32 index, which fold unless their base does not) */
static int lower_emit_fused_index(L *l, uint32_t x) {
    if (!is_local(l, x) || l->by_user[x - l->base] != BY_INDEX) return 0;
    l->by_user[x - l->base] = 0;
    return lower_emit_scalar_op(l, &l->ir->ins[def_of(l, x)]);
}
/* the load indexed by x's "a ^ (b & C)" or "b & C" itself (lower_fuse_into_users' masked_index),
 * the index scaled by the load's size: "lixmN d base a b C disp" (a: a constant 0 for a mask alone) */
static int emit_masked_index_load(L *l, uint32_t sz, int32_t d, int32_t base, uint32_t x, int32_t disp) {
    Ins *X = &l->ir->ins[def_of(l, x)];
    uint32_t m = X->sub == 10 ? x : is_local(l, X->o[1]) && l->by_user[X->o[1] - l->base] == BY_OP ? X->o[1] : X->o[0];
    Ins *M = &l->ir->ins[def_of(l, m)];
    uint64_t c, zero = 0;
    const_scalar(l->e, M->o[1], &c);
    int32_t a = m == x ? lower_const_slot(l, &zero, 8) : slot_of(l, X->o[X->o[0] == m], 0);
    int op = sz == 1 ? OP_lixm1 : sz == 2 ? OP_lixm2 : OP_lixm4;
    return lower_emit_cells(l, 7, l->e->lab[op], (W)d, (W)base, (W)a, (W)slot_of(l, M->o[0], 0), (W)(uint32_t)c, (W)disp);
}
/* d = a op (load ld), ld a <2 x double> load its user makes (lower_defer_loads_to_users):
 * one daddv2x/dsubv2x/dmulv2x at base + index * scale + displacement, else the
 * load where the operation stands, then the operation */
int lower_emit_v2d_load_op(L *l, int op, int32_t d, int32_t a, uint32_t ld) {
    Ins *L0 = &l->ir->ins[l->def[ld - l->base]];
    int32_t b = 0, off, s = lower_dest_slot(l, ld); int fr;
    uint32_t p = L0->o[0];
    if (ptr_of(l, p, &b, &off, &fr)) return -1;
    int fused = op == OP_daddv2 ? OP_daddv2x : op == OP_dsubv2 ? OP_dsubv2x : op == OP_dmulv2 ? OP_dmulv2x : -1;
    if (fr == 2 && fused >= 0) return E7(l->e->lab[fused], d, a, b, off, l->xs[p - l->base], l->go[p - l->base]);
    if (lower_emit_load(l, L0->ty, s, p, 0, 0)) return -1;
    return E4(l->e->lab[op], d, a, s);
}
/* sign: a sext to i32 follows, done in place (lower_extend_in_place): an i8/i16 load sign-extends */
int lower_emit_load(L *l, uint32_t t, int32_t d, uint32_t p, int32_t extra, int sign) {
    int32_t b = 0, off; int fr;
    if (ptr_of(l, p, &b, &off, &fr)) return -1;
    off += extra;
    Ty *y = type_of(l, t);
    if (is_v2d(l, t) && !fr) return E4(OP(ldv2), d, b, off);
    if (is_v2d(l, t) && fr == 2) return E6(OP(ldv2x), d, b, off, l->xs[p - l->base], l->go[p - l->base] + extra);
    if (is_v2d(l, t) && fr == 3) return emit_two_index(l, OP_ldv2j, d, b, off, p, extra, 0);
    if (y->k == TK_VEC) {
        uint32_t es = ty_size(l->e, y->elt);
        if (type_of(l, y->elt)->k == TK_INT && type_of(l, y->elt)->w == 1) return fail_bitcode("bitcode: unsupported load of an i1 vector");
        for (uint32_t i = 0; i < y->w; i++) {
            if (fr) { Operand o = { 0, off + (int32_t)(i * es), 0 }; if (es == 1) { if (E3(OP(lf8), d + 8 * i, o.off)) return -1; }
                else if (es == 2) { if (E3(OP(lf16), d + 8 * i, o.off)) return -1; } else if (lower_emit_move(l, d + 8 * i, &o, y->elt)) return -1; }
            else {
                int op = es == 1 ? OP_ld8 : es == 2 ? OP_ld16 : es == 4 ? OP_ld32 : OP_ld64;
                if (E4(l->e->lab[op], d + 8 * i, b, off + i * es)) return -1;
            }
        }
        return 0;
    }
    int c = lower_type_class(l, t);
    uint32_t sz = mem_size(l, t);
    uint32_t w = int_width(l, t);
    uint32_t k = p - l->base;
    if (fr == 2 && is_local(l, l->xi[k]) && l->by_user[l->xi[k] - l->base] == BY_INDEX)
        return emit_masked_index_load(l, sz, d, b, l->xi[k], l->go[k] + extra);
    if (fr == 3) {
        int op = sz == 1 ? OP_ljx1 : sz == 2 ? OP_ljx2 : sz == 4 ? OP_ljx4 : OP_ljx8;
        if (emit_two_index(l, sign ? signed_load(op) : op, d, b, off, p, extra, 0)) return -1;
        return type_of(l, t)->k == TK_INT && w != sz * 8 ? mask_to(l, d, w) : 0;
    }
    if (fr == 2) {
        int op = sz == 1 ? OP_lix1 : sz == 2 ? OP_lix2 : sz == 4 ? OP_lix4 : OP_lix8;
        int32_t disp = l->go[p - l->base] + extra;
        fold_idx(l, p, &off, &disp);
        if (!sign && l->xs[p - l->base] == sz && (sz == 1 || sz == 2 || sz == 4 || sz == 8)) {   /* an array's element: no scale cell */
            if (E5(l->e->lab[sz == 1 ? OP_lxe1 : sz == 2 ? OP_lxe2 : sz == 4 ? OP_lxe4 : OP_lxe8], d, b, off, disp)) return -1;
        } else if (E6(l->e->lab[sign ? signed_load(op) : op], d, b, off, l->xs[p - l->base], disp)) return -1;
        if (type_of(l, t)->k == TK_INT && w != sz * 8 && mask_to(l, d, w)) return -1;
        return 0;
    }
    if (c >= 0 && (sz == 1 || sz == 2 || sz == 4 || sz == 8)) {
        if (fr) {
            if (sz == 1 || sz == 2) { int op = sz == 1 ? OP_lf8 : OP_lf16; if (E3(l->e->lab[sign ? signed_load(op) : op], d, off)) return -1; }
            else if (E3(sz == 4 ? OP(mov32) : OP(mov64), d, off)) return -1;
        } else {
            int op = sz == 1 ? OP_ld8 : sz == 2 ? OP_ld16 : sz == 4 ? OP_ld32 : OP_ld64;
            if (E4(l->e->lab[sign ? signed_load(op) : op], d, b, off)) return -1;
        }
        if (type_of(l, t)->k == TK_INT && w != sz * 8 && mask_to(l, d, w)) return -1;
        return 0;
    }
    if (c >= 0) {                                    /* odd-size ints (i24 ...) */
        if (E3(OP(movi64), d, 0) || E1(0)) return -1;
    }
    if (fr) { if (E4(OP(movn), d, off, sz)) return -1; }
    else if (E5(OP(ldn), d, b, off, sz)) return -1;
    if (c >= 0 && type_of(l, t)->k == TK_INT) return mask_to(l, d, w);
    if (is_wide_int(l, t) && w != 128) return lower_emit_wide(l, WO_MASK, d, d, 0, 0, w);   /* i80/i96: fewer bytes than the slot */
    return 0;
}
int lower_emit_store(L *l, uint32_t p, uint32_t v, int32_t extra) {
    int32_t b = 0, off; int fr;
    if (ptr_of(l, p, &b, &off, &fr)) return -1;
    off += extra;
    uint32_t t = value_type(l, v);
    if (is_local(l, v) && l->by_user[v - l->base] == BY_STORE) v = l->ir->ins[def_of(l, v)].o[0];   /* the untruncated value: its low bytes are stored */
    Ty *y = type_of(l, t);
    if (is_v2d(l, t) && fr != 1) {
        int32_t x = lower_v2d_slot(l, v);
        if (!x) return -1;
        if (fr == 2) return E6(OP(stv2x), b, off, l->xs[p - l->base], l->go[p - l->base] + extra, x);
        if (fr == 3) return emit_two_index(l, OP_stv2j, 0, b, off, p, extra, x);
        return E4(OP(stv2), b, off, x);
    }
    if (y->k == TK_VEC) {
        uint32_t es = ty_size(l->e, y->elt);
        if (type_of(l, y->elt)->k == TK_INT && type_of(l, y->elt)->w == 1) return fail_bitcode("bitcode: unsupported store of an i1 vector");
        for (uint32_t i = 0; i < y->w; i++) {
            int32_t s = slot_of(l, v, i);
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
    int c = lower_type_class(l, t);
    uint32_t sz = mem_size(l, t);
    if (fr == 3) return emit_two_index(l, sz == 1 ? OP_sjx1 : sz == 2 ? OP_sjx2 : sz == 4 ? OP_sjx4 : OP_sjx8, 0, b, off, p, extra, slot_of(l, v, 0));
    if (fr == 2) {
        int op = sz == 1 ? OP_six1 : sz == 2 ? OP_six2 : sz == 4 ? OP_six4 : OP_six8;
        int32_t disp = l->go[p - l->base] + extra, vs = slot_of(l, v, 0);
        fold_idx(l, p, &off, &disp);
        if (l->xs[p - l->base] == sz && (sz == 1 || sz == 2 || sz == 4 || sz == 8))        /* an array's element: no scale cell */
            return E5(l->e->lab[sz == 1 ? OP_sxe1 : sz == 2 ? OP_sxe2 : sz == 4 ? OP_sxe4 : OP_sxe8], b, off, disp, vs);
        return E6(l->e->lab[op], b, off, l->xs[p - l->base], disp, vs);
    }
    if (c >= 0 && (sz == 1 || sz == 2 || sz == 4 || sz == 8)) {
        Operand o; if (lower_operand(l, v, 0, &o)) return -1;
        if (fr) {
            if (sz == 4 && o.imm) return E3(OP(sf32i), off, (uint32_t)o.v);
            int32_t s = lower_operand_slot(l, &o);
            if (sz == 1) return E3(OP(sf8), off, s);
            if (sz == 2) return E3(OP(sf16), off, s);
            return E3(sz == 4 ? OP(mov32) : OP(mov64), off, s);
        }
        if (sz == 4 && o.imm) return E4(OP(st32i), b, off, (uint32_t)o.v);
        int op = sz == 1 ? OP_st8 : sz == 2 ? OP_st16 : sz == 4 ? OP_st32 : OP_st64;
        return E4(l->e->lab[op], b, off, lower_operand_slot(l, &o));
    }
    int32_t s;
    if (is_const(l, v)) { s = lower_frame_region(l, lower_value_size(l, t)); if (lower_move_value(l, s, v)) return -1; }
    else s = slot_of(l, v, 0);
    if (fr) return E4(OP(movn), off, s, sz);
    return E5(OP(stn), b, off, s, sz);
}

static int gep_const(L *l, Ins *I, int64_t *off) {       /* all indices constant? */
    uint32_t t = I->ty2; int64_t o = 0;
    for (uint32_t i = 1; i < I->n; i++) {
        uint32_t v = I->o[i];
        if (!is_const(l, v) || type_of(l, value_type(l, v))->k == TK_VEC) return 0;
        uint64_t x; if (const_scalar(l->e, v, &x)) return -1;
        uint32_t w = int_width(l, value_type(l, v));
        int64_t idx = w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w);
        if (i == 1) { o += idx * (int64_t)ty_size(l->e, t); continue; }
        Ty *y = type_of(l, t);
        if (y->k == TK_ST) { if ((uint64_t)idx >= y->w) return fail_bitcode("bitcode: bad struct index"); ty_size(l->e, t); o += type_of(l, t)->offs[idx]; t = type_of(l, t)->elts[idx]; }
        else if (y->k == TK_ARR || y->k == TK_VEC) { t = y->elt; o += idx * (int64_t)ty_size(l->e, t); }
        else return fail_bitcode("bitcode: bad GEP");
    }
    *off = o;
    return 1;
}
/* GEP I's variable indices, when it can fold into the loads and stores using
 * it: the first (lv, scaling es bytes) and a second one (lv2, es2; else NOTY:
 * a[i][j], unless the JIT may enter this frame: OSR's FrameMap holds one
 * index), every other index constant (struct fields too), co the constant
 * displacement; 0 if not foldable */
static int gep_variable_indices(L *l, Ins *I, uint32_t *lv, uint32_t *es, uint32_t *lv2, uint32_t *es2, int64_t *co) {
    uint32_t t = I->ty2;
    *lv = *lv2 = NOTY; *es = *es2 = 0; *co = l->gep_bias[I - l->ir->ins];     /* folded index adds */
    for (uint32_t i = 1; i < I->n; i++) {
        uint32_t v = I->o[i], vt2 = value_type(l, v); uint64_t x = 0;
        Ty *y = type_of(l, t);
        if (i > 1 && y->k == TK_ST) {
            if (!is_const(l, v) || const_scalar(l->e, v, &x) || x >= y->w) return 0;
            ty_size(l->e, t); *co += type_of(l, t)->offs[x]; t = type_of(l, t)->elts[x]; continue;
        }
        if (i > 1 && y->k != TK_ARR && y->k != TK_VEC) return 0;
        if (i > 1) t = y->elt;
        uint32_t size = ty_size(l->e, t);
        if (type_of(l, vt2)->k != TK_INT) return 0;
        if (!is_const(l, v)) {
            if (*lv != NOTY && *lv2 == NOTY && !l->e->jit_osr && int_width(l, vt2) == 32) { *lv2 = v; *es2 = size; continue; }
            if (*lv != NOTY || int_width(l, vt2) != 32) return 0;
            *lv = v; *es = size; continue;
        }
        if (const_scalar(l->e, v, &x)) return 0;
        uint32_t w = int_width(l, vt2);
        *co += (w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w)) * (int64_t)size;
    }
    return *lv != NOTY;
}
/* the slot of row base + i * si that block b's edges from elsewhere compute (lower_find_row_bases), else 0 */
static int32_t row_base(L *l, uint32_t b, uint32_t base, uint32_t i, uint32_t si) {
    for (uint32_t r = 0; r < l->nrows; r++)
        if (l->rows[r].blk == b && l->rows[r].base == base && l->rows[r].idx == i && l->rows[r].size == si) return l->rows[r].slot;
    return 0;
}
/* is v computed before block b is entered (a constant, a parameter, or an
 * instruction of another block, which then dominates b's uses of it)? */
static int set_before(L *l, uint32_t v, uint32_t b) {
    if (is_const(l, v)) return 1;
    if (!is_local(l, v) || is_forwarded(l, v)) return 0;
    uint32_t j = def_of(l, v);
    return j == NOTY || l->blk[j] != b;
}
/* A single-block loop reading a[i][j] (two variable indices, i and the base
 * invariant: set before the loop, as an outer loop's row) had every access
 * compute base + i * si + j * sj: the row, base + i * si, is computed once on
 * each edge into the loop from elsewhere (lower_row_bases), and the accesses
 * read row + j * sj, one index (a stencil's five accesses of three rows of two
 * arrays: two rows, the others' differences in their displacements). */
int lower_find_row_bases(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t b = 1; b < ir->nbb; b++) {
        Ins *T = &ir->ins[ir->bb[b + 1] - 1];
        if (l->dot[b].unroll || l->axpy[b].unroll || T->op != I_BR || (T->o[0] != b && (T->n < 3 || T->o[1] != b))) continue;
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *G = &ir->ins[i];
            uint32_t lv, lv2, es, es2, base = G->o[0];
            int64_t co;
            if (G->op != I_GEP || !is_local(l, G->id) || l->nonmem[G->id - l->base] || type_of(l, G->ty)->k == TK_VEC
                || !gep_variable_indices(l, G, &lv, &es, &lv2, &es2, &co) || lv2 == NOTY || !set_before(l, lv, b) || !set_before(l, base, b)
                || (is_local(l, base) && def_of(l, base) != NOTY && (ir->ins[def_of(l, base)].op == I_GEP || ir->ins[def_of(l, base)].op == I_ALLOCA))
                || row_base(l, b, base, lv, es)) continue;
            if (grow(l->e, (void **)&l->rows, &l->caprows, l->nrows + 1, sizeof *l->rows)) return -1;
            l->rows[l->nrows].blk = b; l->rows[l->nrows].base = base; l->rows[l->nrows].idx = lv; l->rows[l->nrows].size = es;
            l->rows[l->nrows++].slot = lower_frame_region(l, 8);
        }
    }
    return 0;
}
/* the rows block `to` reads, computed on an edge into it from block `from` */
int lower_row_bases(L *l, uint32_t from, uint32_t to) {
    if (from == to) return 0;
    for (uint32_t r = 0; r < l->nrows; r++) {
        if (l->rows[r].blk != to) continue;
        if (E5(OP(gep), l->rows[r].slot, slot_of(l, l->rows[r].base, 0), slot_of(l, l->rows[r].idx, 0), l->rows[r].size)) return -1;
    }
    return 0;
}
int lower_has_row_bases(L *l, uint32_t from, uint32_t to) {
    if (from == to) return 0;
    for (uint32_t r = 0; r < l->nrows; r++) if (l->rows[r].blk == to) return 1;
    return 0;
}
int lower_emit_gep(L *l, Ins *I) {
    uint32_t k = I->id - l->base;
    if (type_of(l, I->ty)->k == TK_VEC) return fail_bitcode("bitcode: vector GEP is not supported");
    int64_t off;
    int r = gep_const(l, I, &off);
    if (r < 0) return -1;
    uint32_t base = I->o[0];
    if (r == 1) {
        if (is_local(l, base) && l->fa[base - l->base]) {
            l->fa[k] = l->fa[base - l->base] + (int32_t)off;
            if (l->nonmem[k]) return E3(OP(lea), lower_dest_slot(l, I->id), l->fa[k]);
            return 0;
        }
        if (is_local(l, base) && l->xb[base - l->base] && !l->nonmem[k]) {     /* an indexed address + off */
            uint32_t kb = base - l->base;
            l->xb[k] = l->xb[kb]; l->xi[k] = l->xi[kb]; l->xs[k] = l->xs[kb]; l->xj[k] = l->xj[kb]; l->xt[k] = l->xt[kb]; l->rb[k] = l->rb[kb];
            l->go[k] = l->go[kb] + (int32_t)off;
            return 0;
        }
        if (is_local(l, base)) {
            uint32_t bb = base, kb = base - l->base; int32_t o2 = (int32_t)off;
            if (l->gb[kb]) { bb = l->gb[kb] - 1; o2 += l->go[kb]; }
            l->gb[k] = bb + 1; l->go[k] = o2;
            if (!l->nonmem[k]) return 0;
            int32_t b = slot_of(l, bb, 0);
            return E4(OP(addi), lower_dest_slot(l, I->id), b, (uint32_t)o2);
        }
        if (is_const(l, base)) {                     /* constant address */
            uint64_t x; if (const_scalar(l->e, base, &x)) return -1;
            Operand o = { 1, 0, (uint32_t)(x + off) };
            return lower_emit_move(l, lower_dest_slot(l, I->id), &o, l->e->ptrty);
        }
    }
    /* one variable i32 index (an array's or the pointer's), every other index
       constant (struct fields after it too: code[pc].op): fold into the loads
       and stores using it, as base + index * size + displacement */
    uint32_t lv, lv2, es, es2;
    if (!l->nonmem[k] && !l->xs[k]) {
        int64_t co;
        int ok = gep_variable_indices(l, I, &lv, &es, &lv2, &es2, &co);
        uint32_t xb = base + 1;
        if (ok && is_local(l, base)) {
            uint32_t kb = base - l->base;
            if (l->xb[kb]) ok = 0;
            else if (l->fa[kb]) ok = l->nonmem[kb] != 0;        /* its address is materialised (lea) */
            else if (l->gb[kb]) { xb = l->gb[kb]; co += l->go[kb]; }
        }
        if (ok && es) {
            int32_t row = lv2 != NOTY ? row_base(l, l->cur, base, lv, es) : 0;
            l->xb[k] = xb; l->xi[k] = lv; l->xs[k] = es; l->go[k] = (int32_t)co;
            if (row) { l->rb[k] = row; l->xi[k] = lv2; l->xs[k] = es2; }     /* row + j * sj + displacement */
            else if (lv2 != NOTY) { l->xj[k] = lv2 + 1; l->xt[k] = es2; }
            return 0;
        }
    }
    for (uint32_t i = 1; i < I->n; i++) if (lower_emit_fused_index(l, I->o[i])) return -1;
    int32_t bias = l->gep_bias[I - l->ir->ins];     /* folded index adds */
    int32_t d = lower_dest_slot(l, I->id);
    int32_t cur = slot_of(l, base, 0), pending_at = 0;
    uint32_t t = I->ty2, pending_size = 0; int64_t co = bias; int pending = 0;
    for (uint32_t i = 1; i < I->n; i++) {
        uint32_t v = I->o[i], vt2 = value_type(l, v);
        if (type_of(l, vt2)->k == TK_VEC) return fail_bitcode("bitcode: vector GEP index is not supported");
        uint32_t es;
        if (i == 1) es = ty_size(l->e, t);
        else {
            Ty *y = type_of(l, t);
            if (y->k == TK_ST) {
                uint64_t x; if (!is_const(l, v) || const_scalar(l->e, v, &x) || x >= y->w) return fail_bitcode("bitcode: bad struct index");
                ty_size(l->e, t); co += type_of(l, t)->offs[x]; t = type_of(l, t)->elts[x]; continue;
            }
            if (y->k != TK_ARR && y->k != TK_VEC) return fail_bitcode("bitcode: bad GEP");
            t = y->elt; es = ty_size(l->e, t);
        }
        Operand o; if (lower_operand(l, v, 0, &o)) return -1;
        uint32_t w = int_width(l, vt2);
        if (o.imm) { int64_t idx = w >= 64 ? (int64_t)o.v : (int64_t)(o.v << (64 - w)) >> (64 - w); co += idx * (int64_t)es; continue; }
        if (w < 32 && lower_sext_to_temp(l, &o, w)) return -1;
        /* variable indices in pairs: a[i][j] is one gep2 */
        if (pending) { if (E7(OP(gep2), d, cur, pending_at, pending_size, o.off, es)) return -1; cur = d; pending = 0; }
        else { pending = 1; pending_at = o.off; pending_size = es; }
    }
    if (pending) { if (E5(OP(gep), d, cur, pending_at, pending_size)) return -1; cur = d; }
    if (co || cur != d) return E4(OP(addi), d, cur, (uint32_t)co);
    return 0;
}
int lower_emit_aggregate_field(L *l, Ins *I) {
    E *e = l->e;
    uint32_t agg = I->o[0], at = I->ty2, off = 0, ft = at;
    uint32_t first = I->op == I_EXTVAL ? 1 : 2;
    for (uint32_t i = first; i < I->n; i++) {
        Ty *y = type_of(l, ft); uint32_t x = I->o[i];
        if (y->k == TK_ST) { ty_size(e, ft); off += type_of(l, ft)->offs[x]; ft = type_of(l, ft)->elts[x]; }
        else { ft = y->elt; off += x * ty_size(e, ft); }
    }
    int32_t d = lower_dest_slot(l, I->id);
    int32_t s;
    if (is_const(l, agg)) { s = lower_frame_region(l, lower_value_size(l, at)); if (lower_move_value(l, s, agg)) return -1; }
    else s = slot_of(l, agg, 0);
    uint32_t fs = ty_size(e, ft);
    if (type_of(l, ft)->k == TK_VEC || type_of(l, at)->k == TK_VEC) return fail_bitcode("bitcode: vectors inside aggregates are not supported");
    if (I->op == I_EXTVAL) {
        if (lower_type_class(l, ft) >= 0) {
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
    if (is_const(l, v)) { vs = lower_frame_region(l, lower_value_size(l, ft)); if (lower_move_value(l, vs, v)) return -1; }
    else vs = slot_of(l, v, 0);
    if (lower_type_class(l, ft) >= 0) {
        if (fs == 1) return E3(OP(sf8), d + off, vs);
        if (fs == 2) return E3(OP(sf16), d + off, vs);
        if (fs == 4) return E3(OP(mov32), d + off, vs);
        if (fs == 8) return E3(OP(mov64), d + off, vs);
    }
    return E4(OP(movn), d + off, vs, fs);
}
int lower_emit_alloca(L *l, Ins *I) {
    E *e = l->e;
    uint32_t k = I->id - l->base;
    uint32_t sz = ty_size(e, I->ty2), al = ty_align(e, I->ty2);
    uint32_t ra = I->aux ? (1u << (I->aux - 1)) : 1;
    if (ra > al) al = ra;
    uint64_t cnt;
    if (l->cur == 0 && is_const(l, I->o[0]) && !const_scalar(e, I->o[0], &cnt) && al <= 16 && cnt * sz < (1u << 24)) {
        uint32_t tot = (uint32_t)cnt * sz; if (!tot) tot = 1;
        uint32_t aa = al < 8 ? 8 : al;
        l->fsz = (l->fsz + aa - 1) & ~(aa - 1);
        l->fa[k] = (int32_t)l->fsz;
        l->fsz += (tot + 7) & ~7u;
        if (l->nonmem[k]) return E3(OP(lea), lower_dest_slot(l, I->id), l->fa[k]);
        return 0;
    }
    int32_t d = lower_dest_slot(l, I->id);
    int32_t n = slot_of(l, I->o[0], 0);
    int32_t tb = temp_slot(l);
    if (E4(OP(muli), tb, n, sz)) return -1;
    return E4(OP(alloca), d, tb, al < 16 ? 16 : al);
}
