/* Before emission: pointer casts forwarded, use counts and use lists, phis
 * that share a slot with their back-edge value, and zexts done in place. */
#include "lower.h"

/* a cast that keeps a pointer's 32 bits as they are: bitcast between pointer
 * types, ptrtoint to i32, inttoptr from i32 */
static int keeps_pointer_bits(L *l, Ins *C) {
    Ty *to = type_of(l, C->ty), *from = type_of(l, C->ty2);
    if (C->sub == 11) return to->k == TK_PTR && from->k == TK_PTR;
    if (C->sub == 9) return from->k == TK_PTR && to->k == TK_INT && to->w == 32;
    if (C->sub == 10) return to->k == TK_PTR && from->k == TK_INT && from->w == 32;
    return 0;
}
/* Each such cast of a local value: its uses read the operand instead, so a
 * load or store through `bitcast (gep ...)` folds the GEP's address like one
 * through the GEP itself (the vectoriser's `<2 x double>*` casts were a mov32
 * each, and forced the GEP into a slot), and the cast is no code. On the IR,
 * before uses are counted: SSA values do not change, so reading the operand
 * is the same value wherever the cast's uses are. */
void lower_forward_pointer_casts(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *C = &ir->ins[i];
        if (C->op == I_CAST && is_local(l, C->id) && is_local(l, C->o[0]) && keeps_pointer_bits(l, C))
            l->same[C->id - l->base] = C->o[0] + 1;
    }
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        for (uint32_t k = 0; k < I->n; k++) {
            uint32_t v = I->o[k];
            if (!is_value_operand(I, k)) continue;
            while (is_forwarded(l, v)) v = l->same[v - l->base] - 1;     /* a cast of a cast */
            I->o[k] = v;
        }
    }
}
/* the size of what GEP index `pos` steps over (0: a struct field, or not an index) */
static uint32_t gep_step(L *l, Ins *G, uint32_t pos) {
    uint32_t t = G->ty2;
    for (uint32_t i = 2; i <= pos; i++) {
        Ty *y = type_of(l, t);
        if (y->k != TK_ARR && y->k != TK_VEC) return 0;
        t = y->elt;
    }
    return ty_size(l->e, t);
}
/* the low bits known to be zero in an i32 operand (32 for 0): a constant's,
 * or a local's as trailing_zeros found them (tz: 0 none computed) */
static uint32_t operand_tz(L *l, const uint8_t *tz, uint32_t v) {
    uint64_t c;
    if (is_local(l, v)) return tz ? tz[v - l->base] : 0;
    if (type_of(l, value_type(l, v))->k != TK_INT || const_scalar(l->e, v, &c)) return 0;
    return (uint32_t)c ? (uint32_t)__builtin_ctz((uint32_t)c) : 32;
}
static uint32_t min_tz(uint32_t a, uint32_t b) { return a < b ? a : b; }
/* what instruction I's i32 result has of zero low bits, given its operands' */
static uint32_t result_tz(L *l, const uint8_t *tz, Ins *I) {
    if (I->op == I_PHI) {
        uint32_t r = 32;
        for (uint32_t k = 0; k + 1 < I->n; k += 2) r = min_tz(r, operand_tz(l, tz, I->o[k]));
        return r;
    }
    if (I->op == I_SEL) return min_tz(operand_tz(l, tz, I->o[1]), operand_tz(l, tz, I->o[2]));
    if (I->op != I_BIN) return 0;
    uint32_t a = operand_tz(l, tz, I->o[0]), b = operand_tz(l, tz, I->o[1]);
    uint64_t c;
    switch (I->sub) {
    case 0: case 1: case 11: case 12: return min_tz(a, b);             /* add sub or xor */
    case 2: return min_tz(32, a + b);                                  /* mul */
    case 7: return is_const(l, I->o[1]) && !const_scalar(l->e, I->o[1], &c) && c < 32 ? min_tz(32, a + (uint32_t)c) : 0;   /* shl */
    case 10: return a > b ? a : b;                                     /* and */
    }
    return 0;
}
/* The trailing zero bits each local i32 value is known to have (a loop
 * counter stepping by 2 from 0 has one), from constants through adds,
 * multiplies, shifts, ands, ors and phis: every result starts at 32 and
 * drops to what its operands give until nothing changes (the phis of loops
 * need a few passes). 0 when it does not settle in 64 passes. */
static uint8_t *trailing_zeros(L *l) {
    FnIR *ir = l->ir;
    uint8_t *tz = ealloc(l->e, l->nloc + 1);
    if (!tz) return 0;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        if (is_local(l, I->id) && type_of(l, I->ty)->k == TK_INT && type_of(l, I->ty)->w == 32) tz[I->id - l->base] = 32;
    }
    for (int pass = 0; pass < 64; pass++) {
        int changed = 0;
        for (uint32_t i = 0; i < ir->nins; i++) {
            Ins *I = &ir->ins[i];
            if (!is_local(l, I->id) || !tz[I->id - l->base]) continue;
            uint32_t r = result_tz(l, tz, I);
            if (r < tz[I->id - l->base]) { tz[I->id - l->base] = (uint8_t)r; changed = 1; }
        }
        if (!changed) return tz;
    }
    efree(l->e, tz);
    return 0;
}
/* does `or x, C` add C to x (C's bits below x's known zero bits)? */
static int or_adds(L *l, uint8_t **tz, int *tried, uint32_t x, uint64_t c) {
    if (!*tried) { *tz = trailing_zeros(l); *tried = 1; }
    uint32_t z = operand_tz(l, *tz, x);
    return z >= 32 || (uint32_t)c < 1u << z;
}
/* `add i32 x, C` (or sub, or an `or` that adds: or_adds) used only as GEP indices: each GEP reads x and adds
 * C * its step to its displacement (l->gep_bias), and the add is no code
 * (l->in_address). Pointers are 32 bits, so base + (x + C) * s is
 * base + x * s + C * s as it wraps. The unrolled a[i + 1], a[i + 2] ... of a
 * loop become indexed loads from i with displacements. */
int lower_fold_index_adds(L *l) {
    FnIR *ir = l->ir;
    uint32_t *uses = ealloc(l->e, 4 * (l->nloc + 1)), *index_uses = ealloc(l->e, 4 * (l->nloc + 1));
    if (!uses || !index_uses) { efree(l->e, uses); return -1; }
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *I = &ir->ins[i];
            for (uint32_t k = 0; k < I->n; k++) {
                if (!is_value_operand(I, k) || !is_local(l, I->o[k])) continue;
                uses[I->o[k] - l->base]++;
                /* a dot-product loop's handler reads its GEPs' operands where patterns.c found them */
                if (I->op == I_GEP && k >= 1 && gep_step(l, I, k) && !l->dot[b].unroll) index_uses[I->o[k] - l->base]++;
            }
        }
    uint8_t *tz = 0; int tried = 0;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *A = &ir->ins[i];
        uint64_t c;
        if (A->op != I_BIN || (A->sub > 1 && A->sub != 11) || !is_local(l, A->id) || type_of(l, A->ty)->k != TK_INT || type_of(l, A->ty)->w != 32
            || !is_local(l, A->o[0]) || !is_const(l, A->o[1]) || const_scalar(l->e, A->o[1], &c)) continue;
        uint32_t k = A->id - l->base;
        if (!uses[k] || uses[k] != index_uses[k] || (A->sub == 11 && !or_adds(l, &tz, &tried, A->o[0], c))) continue;
        l->in_address[k] = A->sub == 1 ? -(int32_t)(uint32_t)c : (int32_t)(uint32_t)c;
        l->in_address_of[k] = A->o[0] + 1;
    }
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *G = &ir->ins[i];
        if (G->op != I_GEP) continue;                /* (in a dot loop's block its index adds were not folded) */
        for (uint32_t k = 1; k < G->n; k++) {
            uint32_t v = G->o[k];
            if (!is_local(l, v) || !l->in_address_of[v - l->base]) continue;
            l->gep_bias[i] += l->in_address[v - l->base] * (int32_t)gep_step(l, G, k);
            G->o[k] = l->in_address_of[v - l->base] - 1;
        }
    }
    efree(l->e, uses); efree(l->e, index_uses); efree(l->e, tz);
    return 0;
}
/* The JIT's OSR entry reads a value lowering left out where the FrameMap says:
 * a forwarded cast where its operand lives, an add folded into addresses as
 * its operand plus the constant. */
void lower_forwarded_frame_map(L *l) {
    for (uint32_t k = 0; k < l->nloc; k++) {
        if (l->in_address_of[k]) { l->loc[k] = l->fa[k] = 0; l->gb[k] = l->in_address_of[k]; l->go[k] = l->in_address[k]; continue; }
        if (!l->same[k]) continue;
        uint32_t v = l->same[k] - 1;
        while (is_forwarded(l, v)) v = l->same[v - l->base] - 1;
        uint32_t s = v - l->base;
        l->loc[k] = l->loc[s]; l->fa[k] = l->fa[s]; l->gb[k] = l->gb[s]; l->go[k] = l->go[s];
        l->xb[k] = l->xb[s]; l->xi[k] = l->xi[s]; l->xs[k] = l->xs[s];
    }
}

static int gep_indices_constant(L *l, Ins *G) {
    for (uint32_t k = 1; k < G->n; k++) if (!is_const(l, G->o[k])) return 0;
    return 1;
}
void lower_count_uses(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        if (is_forwarded(l, I->id)) continue;    /* no code: its uses read its operand, counted there */
        for (uint32_t k = 0; k < I->n; k++) {
            uint32_t v = I->o[k];
            if (!is_value_operand(I, k)) continue;
            if (!is_local(l, v)) continue;
            l->nuse[v - l->base]++;
            /* a use lowered before its definition (LLVM's block order is not dominance order:
               -O3 puts latches first) reads the value's slot, so the value may not be folded away */
            if (l->def[v - l->base] != NOTY && l->def[v - l->base] > i) l->nonmem[v - l->base]++;
            int memptr = (I->op == I_LOAD && k == 0) || (I->op == I_STORE && k == 0);
            if (memptr) {
                uint32_t vt2 = I->op == I_LOAD ? I->ty : value_type(l, I->o[1]);
                uint32_t sz = mem_size(l, vt2);
                if (!is_v2d(l, vt2) && (lower_type_class(l, vt2) < 0 || !(sz == 1 || sz == 2 || sz == 4 || sz == 8))) memptr = 0;
            }
            int gepbase = I->op == I_GEP && k == 0;
            if (!memptr && !gepbase) l->nonmem[v - l->base]++;
            /* used as a GEP base: keep materialisable; but a GEP of constant indices on an
               indexed address is that address with a displacement (lower_emit_gep) */
            if (gepbase && !gep_indices_constant(l, I)) l->xs[v - l->base] = 1;
        }
    }
    /* a GEP base used by a GEP that is itself materialised needs an address:
       conservatively mark bases of GEPs with variable indices */
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        if (I->op == I_GEP && is_local(l, I->o[0]) && !gep_indices_constant(l, I)) l->nonmem[I->o[0] - l->base]++;
    }
    /* a dot-product loop's handler reads its invariants from their slots */
    for (uint32_t b = 0; b < ir->nbb; b++) {
        const DotLoop d = l->dot[b];
        if (!d.unroll) continue;
        const uint32_t in[4] = { d.a, d.off, d.b, d.end };
        for (int k = 0; k < 4; k++) if (in[k] != NOTY && is_local(l, in[k])) l->nonmem[in[k] - l->base]++;
    }
    /* propagate: a constant GEP whose result needs an address doesn't force
       its base (handled in emit_gep), but a base that is a GEP chain must be
       materialisable: mark when a constant GEP result is materialised */
    for (int it = 0; it < 4; it++)
        for (uint32_t i = ir->nins; i-- > 0;) {
            Ins *I = &ir->ins[i];
            if (I->op != I_GEP || I->id == 0xffffffff || !is_local(l, I->o[0])) continue;
            if (l->nonmem[I->id - l->base]) {
                uint32_t b = I->o[0] - l->base;
                /* frame-relative chains and slot+offset chains materialise from
                   the base's own slot when it is not a frame address */
                if (!l->nonmem[b]) l->nonmem[b] = 1;
            }
        }
}
/* use lists (instruction indices per local value) and the block of each instruction */
int lower_build_uses(L *l) {
    FnIR *ir = l->ir; uint32_t n = l->nloc + 1, tot = 0;
    l->us = ealloc(l->e, 4 * (n + 1)); l->blk = ealloc(l->e, 4 * ir->nins + 4);
    if (!l->us || !l->blk) return -1;
    for (uint32_t b = 0; b < ir->nbb; b++) for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) l->blk[i] = b;
    for (uint32_t i = 0; i < ir->nins; i++) for (uint32_t k = 0; k < ir->ins[i].n; k++)
        if (is_value_operand(&ir->ins[i], k) && is_local(l, ir->ins[i].o[k])) { l->us[ir->ins[i].o[k] - l->base + 1]++; tot++; }
    for (uint32_t v = 0; v < n; v++) l->us[v + 1] += l->us[v];
    l->ul = ealloc(l->e, 4 * tot + 4); if (!l->ul) return -1;
    uint32_t *fill = ealloc(l->e, 4 * n); if (!fill) return -1;
    for (uint32_t i = 0; i < ir->nins; i++) for (uint32_t k = 0; k < ir->ins[i].n; k++)
        if (is_value_operand(&ir->ins[i], k) && is_local(l, ir->ins[i].o[k])) {
            uint32_t v = ir->ins[i].o[k] - l->base;
            l->ul[l->us[v] + fill[v]++] = i;
        }
    efree(l->e, fill);
    return 0;
}
/* Single-block loops: let a phi and its back-edge value share a slot when the
 * phi is dead once the value is defined, so the back edge needs no moves
 * (a vector's: one move per lane; an accumulator of the vectoriser's).
 * Is v read after instruction vi of block b (or by a phi)? addr: v is a GEP
 * folded into loads/stores, which read its operands where they are. */
static int used_late(L *l, uint32_t v, uint32_t b, uint32_t vi, int addr, int depth) {
    uint32_t k = v - l->base;
    for (uint32_t u = l->us[k]; u < l->us[k + 1]; u++) {
        uint32_t i = l->ul[u]; Ins *I = &l->ir->ins[i];
        int late = l->blk[i] != b || i > vi;
        if (!addr && (late || I->op == I_PHI)) return 1;
        if (addr && late && (I->op == I_LOAD || I->op == I_STORE) && I->o[0] == v) return 1;
        if (I->op == I_GEP && I->id != NOTY && is_local(l, I->id) && depth < 16 && (!addr || I->o[0] == v)
            && used_late(l, I->id, b, vi, 1, depth + 1)) return 1;
    }
    return 0;
}
void lower_coalesce(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1] && ir->ins[i].op == I_PHI; i++) {
            Ins *P = &ir->ins[i];
            int vector = type_of(l, P->ty)->k == TK_VEC;
            if (lower_type_class(l, P->ty) < 0 && !vector) continue;
            uint32_t v = NOTY;
            for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == b) { v = P->o[k]; break; }
            if (v == NOTY || !is_local(l, v) || l->loc[v - l->base] || l->loc[P->id - l->base]) continue;
            uint32_t vi = l->def[v - l->base];
            if (vi == NOTY || l->blk[vi] != b) continue;
            Ins *V = &ir->ins[vi];
            /* a vector: lane by lane (lane i of the result reads lane i of the phi only), or
               a <2 x double> handler (reads both lanes before it writes) */
            if (vector ? !(V->op == I_BIN || V->op == I_FNEG)
                : !(V->op == I_BIN || V->op == I_FNEG || V->op == I_LOAD || V->op == I_SEL || V->op == I_CALL || (V->op == I_CAST && type_of(l, V->ty)->k != TK_VEC)
                    || (V->op == I_GEP && V->n == 2))) continue;
            if (used_late(l, P->id, b, vi, 0, 0)) continue;
            /* v must not feed another phi of this block (it would see v, fine) nor be P itself */
            int32_t s = lower_dest_slot(l, P->id);
            l->loc[v - l->base] = s;
        }
}

/* A zext or sext to i32 right after the i8/i16 load it extends (its only
 * use): the load writes the extension's slot, zero-filled or sign-extended
 * (ld16s, lix1s, ...: extends_in_place), and the extension is no code.
 * Right after: the extension's slot may be a phi's (coalesce), read until then. */
void lower_extend_in_place(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i + 1 < ir->nins; i++) {
        Ins *Ld = &ir->ins[i], *Z = &ir->ins[i + 1];
        if (Ld->op != I_LOAD || Z->op != I_CAST || (Z->sub != 1 && Z->sub != 2) || Z->o[0] != Ld->id || !is_local(l, Ld->id)
            || l->blk[i] != l->blk[i + 1] || l->nuse[Ld->id - l->base] != 1 || l->loc[Ld->id - l->base]
            || type_of(l, Ld->ty)->k != TK_INT || (int_width(l, Ld->ty) != 8 && int_width(l, Ld->ty) != 16)
            || type_of(l, Z->ty)->k != TK_INT || int_width(l, Z->ty) != 32)
            continue;
        l->loc[Ld->id - l->base] = lower_dest_slot(l, Z->id);
    }
}
/* is load i's value sign-extended in place (lower_extend_in_place)? */
int extends_in_place(L *l, uint32_t i) {
    Ins *Ld = &l->ir->ins[i], *Z = &l->ir->ins[i + 1];
    return i + 1 < l->ir->nins && Z->op == I_CAST && Z->sub == 2 && Z->o[0] == Ld->id && l->loc[Z->id - l->base]
        && l->loc[Ld->id - l->base] == l->loc[Z->id - l->base];
}
/* `xor/or/add a, (shl/lshr/and b, C)` and `add a, (mul b, c)` with the shift,
 * mask or product used only there, right after it: the binary operation
 * computes its operand itself (xorshr, xorand, addmul ...:
 * lower_emit_scalar_op), so the operand has no code of its own (CRCs: `t[(c &
 * 255) ^ b]`, hashes `h * 31 + x`, xorshift generators, bit-field decoding,
 * sums of products). Right after: b is read where the operation stands, and
 * nothing between could have changed its slot. Vectors of i32 lane by lane
 * (the vectoriser's `<16 x i32>` of `i * 131 + (i >> 7)`). Narrower than i32
 * (slots hold the value zero-extended) only what keeps the bits above the
 * width zero: lshr and and under xor and or. */
static int foldable_operand(L *l, uint32_t v, uint32_t i) {
    if (!is_local(l, v) || l->nuse[v - l->base] != 1 || def_of(l, v) + 1 != i) return 0;
    Ins *S = &l->ir->ins[i - 1], *I = &l->ir->ins[i];
    Ty *y = type_of(l, scalar_type(l, S->ty));
    int narrow = y->k == TK_INT && y->w < 32 && type_of(l, S->ty)->k == TK_INT, narrow_safe = (S->sub == 8 || S->sub == 10) && I->sub != 0;
    if (S->op != I_BIN || !is_local(l, S->o[0]) || l->loc[v - l->base] || y->k != TK_INT || !(y->w == 32 || (narrow && narrow_safe))) return 0;
    if (S->sub == 2 && I->sub != 0) return 0;              /* a product only under add */
    if (S->sub == 2 && is_local(l, S->o[1])) return 1;
    if (S->sub != 2 && S->sub != 7 && S->sub != 8 && S->sub != 10) return 0;
    uint32_t kind = l->e->v[S->o[1]].k;
    if (!is_const(l, S->o[1]) || (type_of(l, S->ty)->k == TK_VEC && kind != V_CDATA && kind != V_CAGG)) return 0;   /* lanes lower_elem_const reads */
    for (uint32_t lane = 0; lane < lane_count(l, S->ty); lane++) {
        uint64_t c;
        if (lower_elem_const(l, S->o[1], lane, &c) || ((S->sub == 7 || S->sub == 8) && (uint32_t)c >= 32)) return 0;
    }
    return 1;
}
/* A loop's latch "x' = add x, C; icmp eq/ne x', K; br": x' only compared and
 * carried round by the phi x whose slot it shares (lower_coalesce), the three
 * in a row. The branch adds C itself (addbnei: one dispatch for the three; the
 * add is no code where it stands). The add's instruction, else NOTY. */
uint32_t latch_add(L *l, uint32_t i) {
    FnIR *ir = l->ir;
    Ins *B = &ir->ins[i], *C = &ir->ins[i - 1], *A = &ir->ins[i - 2];
    uint64_t c;
    if (B->op != I_BR || B->n != 3 || C->op != I_CMP || (C->sub != 32 && C->sub != 33) || B->o[2] != C->id || A->op != I_BIN || A->sub != 0
        || C->o[0] != A->id || !is_local(l, A->id) || !is_local(l, A->o[0]) || !is_const(l, A->o[1]) || !is_const(l, C->o[1])
        || const_scalar(l->e, A->o[1], &c) || const_scalar(l->e, C->o[1], &c) || type_of(l, A->ty)->k != TK_INT || type_of(l, A->ty)->w != 32
        || l->blk[i - 2] != l->blk[i] || l->dot[l->blk[i]].unroll || l->nuse[C->id - l->base] != 1 || l->nuse[A->id - l->base] != 2
        || !l->loc[A->id - l->base] || l->loc[A->id - l->base] != l->loc[A->o[0] - l->base]) return NOTY;
    return i - 2;
}
/* A trunc of integers (or of their vectors, lane by lane) to 8, 16 or 32 bits
 * whose every use stores it, later in its block: each store writes the low
 * bytes of the trunc's operand, and the trunc (a move and a mask) is no code
 * (`b[i] = (uint8_t)x`). The operand's slot is its own (no phi or other
 * value shares it yet), so it holds the operand until the stores. */
static int only_stored(L *l, uint32_t i) {
    Ins *T = &l->ir->ins[i];
    if (T->op != I_CAST || T->sub != 0 || !is_local(l, T->id) || !is_local(l, T->o[0]) || is_forwarded(l, T->o[0])
        || l->loc[T->o[0] - l->base] || l->loc[T->id - l->base] || !l->nuse[T->id - l->base]) return 0;
    Ty *to = type_of(l, scalar_type(l, T->ty)), *from = type_of(l, scalar_type(l, T->ty2));
    if (to->k != TK_INT || from->k != TK_INT || from->w > 64 || (to->w != 8 && to->w != 16 && to->w != 32)) return 0;
    uint32_t k = T->id - l->base;
    for (uint32_t u = l->us[k]; u < l->us[k + 1]; u++) {
        uint32_t j = l->ul[u]; Ins *S = &l->ir->ins[j];
        if (S->op != I_STORE || S->o[1] != T->id || S->o[0] == T->id || l->blk[j] != l->blk[i] || j < i) return 0;
    }
    return 1;
}
/* The one variable index of GEP G, else NOTY */
static uint32_t only_variable_index(L *l, Ins *G) {
    uint32_t x = NOTY;
    for (uint32_t k = 1; k < G->n; k++) {
        if (is_const(l, G->o[k])) continue;
        if (x != NOTY) return NOTY;
        x = G->o[k];
    }
    return x;
}
/* A load through `gep base, x` where x is a mask or an xor with a masked
 * operand, computed only for this address, the three in a row: `t[h & mask]`
 * of hash tables and ring buffers, `t[(c & 255) ^ b]` of table-driven CRCs
 * (the xor folding its and: lower_fuse_into_users). The load computes the
 * index itself (lixm1 ...: lower_emit_load), so x has no code of its own;
 * were the GEP not folded into the load after all, x is computed where the
 * GEP stands (lower_emit_fused_index): its operands are as they
 * were. Loads of 1, 2 or 4 bytes, not sign-extended in place, whose index
 * steps by their size (the handler scales by it). The index's instruction,
 * else NOTY. */
static uint32_t masked_index(L *l, uint32_t i) {
    FnIR *ir = l->ir;
    if (i < 2) return NOTY;
    Ins *Ld = &ir->ins[i], *G = &ir->ins[i - 1], *X = &ir->ins[i - 2];
    if (Ld->op != I_LOAD || G->op != I_GEP || Ld->o[0] != G->id || !is_local(l, G->id) || l->nuse[G->id - l->base] != 1
        || l->blk[i - 2] != l->blk[i] || extends_in_place(l, i)) return NOTY;
    Ty *y = type_of(l, Ld->ty);
    uint32_t sz = mem_size(l, Ld->ty);
    int c = lower_type_class(l, Ld->ty);
    if ((c != 0 && c != 2) || (sz != 1 && sz != 2 && sz != 4) || (y->k == TK_INT && y->w != 8 * sz)) return NOTY;
    uint32_t x = only_variable_index(l, G), step = 0;
    for (uint32_t j = 1; j < G->n; j++) if (G->o[j] == x) step = gep_step(l, G, j);
    uint64_t k;
    if (step != sz || x != X->id || !is_local(l, x) || l->nuse[x - l->base] != 1 || l->loc[x - l->base] || X->op != I_BIN
        || type_of(l, X->ty)->k != TK_INT || type_of(l, X->ty)->w != 32) return NOTY;
    if (X->sub == 10 && is_local(l, X->o[0]) && is_const(l, X->o[1]) && !const_scalar(l->e, X->o[1], &k)) return i - 2;
    if (X->sub == 12 && is_local(l, X->o[0]) && is_local(l, X->o[1])) {
        uint32_t m = l->by_user[X->o[1] - l->base] == BY_OP ? X->o[1] : l->by_user[X->o[0] - l->base] == BY_OP ? X->o[0] : NOTY;
        if (m != NOTY && ir->ins[def_of(l, m)].sub == 10) return i - 2;
    }
    return NOTY;
}
void lower_fuse_into_users(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 1; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
        Ty *y = type_of(l, scalar_type(l, I->ty));
        if (I->op != I_BIN || (I->sub != 0 && I->sub != 11 && I->sub != 12) || l->blk[i - 1] != l->blk[i] || l->dot[l->blk[i]].unroll
            || y->k != TK_INT || y->w > 32 || (type_of(l, I->ty)->k == TK_VEC && y->w != 32) || !is_local(l, I->o[0]) || !is_local(l, I->o[1])) continue;
        uint32_t k = foldable_operand(l, I->o[1], i) ? 1 : foldable_operand(l, I->o[0], i) ? 0 : 2;
        if (k < 2 && I->o[1 - k] != I->o[k]) l->by_user[I->o[k] - l->base] = BY_OP;
    }
    for (uint32_t i = 2; i < ir->nins; i++)
        if (latch_add(l, i) != NOTY) l->by_user[ir->ins[i - 2].id - l->base] = BY_LATCH;
    for (uint32_t i = 0; i < ir->nins; i++)
        if (only_stored(l, i)) l->by_user[ir->ins[i].id - l->base] = BY_STORE;
    for (uint32_t i = 0; i < ir->nins; i++)
        if (masked_index(l, i) != NOTY) l->by_user[ir->ins[i - 2].id - l->base] = BY_INDEX;
}

/* the insertelement that is v's only use, as the vector it inserts into, in
 * v's block: the next link of a vector built lane by lane; else NOTY */
static uint32_t next_link(L *l, uint32_t v) {
    uint32_t k = v - l->base, j = l->def[k];
    if (j == NOTY || l->nuse[k] != 1 || l->us[k + 1] != l->us[k] + 1) return NOTY;
    uint32_t u = l->ul[l->us[k]];
    Ins *U = &l->ir->ins[u];
    return U->op == I_INSELT && U->o[0] == v && l->blk[u] == l->blk[j] ? u : NOTY;
}
/* can scalar x be computed straight into a lane of a vector in block b? An
 * instruction of b whose only use is that insert, writing its slot as its
 * result (not a phi, a GEP folded away, nor a value sharing a slot already) */
static int computed_into_lane(L *l, uint32_t x, uint32_t b) {
    if (!is_local(l, x) || is_forwarded(l, x)) return 0;
    uint32_t k = x - l->base, j = l->def[k];
    if (j == NOTY || l->blk[j] != b || l->nuse[k] != 1 || l->loc[k] || lower_type_class(l, value_type(l, x)) < 0) return 0;
    Ins *X = &l->ir->ins[j];
    return X->op == I_LOAD || X->op == I_BIN || X->op == I_FNEG || X->op == I_SEL || X->op == I_EXTELT
        || (X->op == I_CAST && type_of(l, X->ty2)->k != TK_VEC);
}
/* A vector built lane by lane (insertelement chains: the vectoriser's gather
 * of four loads, a <2 x double> from two scalars): every link of a chain in one
 * block, each used only by the next, shares the last link's slot, so each
 * insert writes its lane instead of first copying the vector so far; and when
 * the chain starts from undef (no lane but the inserted ones is read), each
 * scalar computed only to be inserted is computed into its lane, so the
 * inserts are no code. The last link's slot is its own (not a phi's): no other
 * value lives there while the chain is built. */
void lower_build_vectors_in_place(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = ir->nins; i-- > 0;) {
        Ins *I = &ir->ins[i];
        if (I->op != I_INSELT || !is_local(l, I->id) || l->loc[I->id - l->base] || next_link(l, I->id) != NOTY) continue;
        int32_t d = lower_dest_slot(l, I->id);
        uint32_t b = l->blk[i], j = i, lanes = 0;
        int distinct = lane_count(l, I->ty) <= 32;
        for (;;) {                                   /* back to the chain's first link */
            Ins *J = &ir->ins[j];
            uint64_t lane;
            if (!is_const(l, J->o[2]) || const_scalar(l->e, J->o[2], &lane) || lane >= lane_count(l, I->ty) || (lanes >> lane & 1)) distinct = 0;
            else lanes |= 1u << lane;
            uint32_t v = J->o[0];
            if (!is_local(l, v) || is_forwarded(l, v) || l->loc[v - l->base] || def_of(l, v) == NOTY
                || ir->ins[def_of(l, v)].op != I_INSELT || next_link(l, v) != j) break;
            l->loc[v - l->base] = d;
            j = def_of(l, v);
        }
        Ins *first = &ir->ins[j];
        if (!distinct || !is_const(l, first->o[0]) || l->e->v[first->o[0]].k != V_CUNDEF) continue;
        for (uint32_t q = j;; q = next_link(l, ir->ins[q].id)) {
            Ins *Q = &ir->ins[q]; uint64_t lane;
            const_scalar(l->e, Q->o[2], &lane);
            if (computed_into_lane(l, Q->o[1], b)) l->loc[Q->o[1] - l->base] = d + 8 * (int32_t)lane;
            if (q == i) break;
        }
    }
}

/* A shufflevector taking a window of its operands' lanes in a row (a sliding
 * window: `<a[1], b[0]>` of last pass's load and this one's; a half of a
 * vector; both operands whole) reads them where they are: its slot is the
 * window's first lane, in its operand's slot, and when the window spans both
 * operands they get adjacent slots, so that it is no code. Its lanes stay
 * valid as long as it is live: an operand's slot is written only where that
 * operand is defined (a phi's: on the edges into its block), and those points
 * dominate the shuffle, so none of them is reached again before a use of the
 * shuffle without passing the shuffle first. Not when a phi reads the shuffle
 * (its edge moves could write an operand's slot before they read it), nor
 * where another value already shares an operand's or the shuffle's slot (loc
 * set: a coalesced phi, a vector built in place), whose writes would not
 * dominate it. */
/* does v share its slot with a phi of its block (lower_coalesce: a back-edge
 * value defined where the phi's slot is written again)? */
static int shares_phi_slot(L *l, uint32_t v) {
    uint32_t j = def_of(l, v), b = j == NOTY ? 0 : l->blk[j];
    if (j == NOTY || !l->loc[v - l->base]) return 0;
    for (uint32_t q = l->ir->bb[b]; q < l->ir->bb[b + 1] && l->ir->ins[q].op == I_PHI; q++)
        if (is_local(l, l->ir->ins[q].id) && l->loc[l->ir->ins[q].id - l->base] == l->loc[v - l->base]) return 1;
    return 0;
}
static int read_by_phi(L *l, uint32_t v) {
    uint32_t k = v - l->base;
    for (uint32_t u = l->us[k]; u < l->us[k + 1]; u++) if (l->ir->ins[l->ul[u]].op == I_PHI) return 1;
    return 0;
}
void lower_alias_shuffle_windows(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *S = &ir->ins[i];
        if (S->op != I_SHUF || !is_local(l, S->id) || l->loc[S->id - l->base] || l->dot[l->blk[i]].unroll || l->axpy[l->blk[i]].unroll
            || lower_type_class(l, scalar_type(l, S->ty)) < 0) continue;
        uint32_t k = S->id - l->base, w = lower_shuffle_window(l, S), n = lane_count(l, S->ty), n1 = lane_count(l, value_type(l, S->o[0]));
        if (w == NOTY) continue;
        if (read_by_phi(l, S->id)) continue;
        uint32_t first = w < n1 ? 0 : 1, last = w + n - 1 < n1 ? 0 : 1;
        int ok = 1;
        for (uint32_t q = first; q <= last; q++) {
            uint32_t v = S->o[q];
            if (!is_local(l, v) || is_forwarded(l, v) || l->loc[v - l->base] || def_of(l, v) == NOTY || (q != first && v == S->o[first])) ok = 0;
        }
        if (!ok) continue;
        int32_t r = lower_frame_region(l, 8 * n1 * (last - first + 1));
        for (uint32_t q = first; q <= last; q++) l->loc[S->o[q] - l->base] = r + 8 * (int32_t)(n1 * (q - first));
        l->loc[k] = r + 8 * (int32_t)(w - n1 * first);
    }
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *X = &ir->ins[i];
        uint64_t lane;
        /* extractelement of a constant lane (SLP code's reductions): the same, one lane
           (after the shuffles: the vector's slot is then set) */
        if (X->op == I_EXTELT && is_local(l, X->id) && !l->loc[X->id - l->base] && is_local(l, X->o[0]) && !is_forwarded(l, X->o[0])
            && def_of(l, X->o[0]) != NOTY && ir->ins[def_of(l, X->o[0])].op != I_PHI && !shares_phi_slot(l, X->o[0])
            && is_const(l, X->o[1]) && !const_scalar(l->e, X->o[1], &lane) && lane < lane_count(l, value_type(l, X->o[0]))
            && lower_type_class(l, X->ty) >= 0 && !read_by_phi(l, X->id) && !l->dot[l->blk[i]].unroll && !l->axpy[l->blk[i]].unroll
            && !l->dot[l->blk[def_of(l, X->o[0])]].unroll && !l->axpy[l->blk[def_of(l, X->o[0])]].unroll) {
            l->loc[X->id - l->base] = lower_dest_slot(l, X->o[0]) + 8 * (int32_t)lane;
        }
    }
}

/* does defining x write the slot v's value is in? */
static int writes_slot_of(L *l, uint32_t x, uint32_t v) {
    if (!is_local(l, x) || !is_local(l, v) || has_no_code(l, x) || !l->loc[x - l->base] || !l->loc[v - l->base]) return 0;
    int32_t xs = l->loc[x - l->base], xe = xs + (int32_t)lower_value_size(l, value_type(l, x)), vs = l->loc[v - l->base];
    return vs >= xs && vs < xe;
}
/* A `<2 x double>` load whose one use is an fadd, fsub or fmul later in its
 * block, as its second operand (a stencil's neighbours, loaded first and summed after) is made by that
 * operation, which reads the vector from memory (daddv2x ...: one dispatch, no
 * slot written and read back). The load moves down to its use: only when
 * nothing between can change what it reads, no store or call, and no value
 * defined there writes a slot its address is computed from. Slots are final
 * here (every value's is set before the blocks are lowered). */
void lower_defer_loads_to_users(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *L0 = &ir->ins[i];
        if (L0->op != I_LOAD || L0->vol || !is_local(l, L0->id) || !is_v2d(l, L0->ty) || l->nuse[L0->id - l->base] != 1) continue;
        uint32_t k = L0->id - l->base, ui = l->ul[l->us[k]], b = l->blk[i];
        Ins *U = &ir->ins[ui];
        if (ui <= i || l->blk[ui] != b || U->op != I_BIN || U->sub > 2 || U->o[0] == U->o[1] || U->o[1] != L0->id
            || l->dot[b].unroll || l->axpy[b].unroll) continue;
        /* what its address reads: the pointer, through forwarded casts, and a GEP's operands */
        uint32_t p = L0->o[0];
        while (is_forwarded(l, p)) p = l->same[p - l->base] - 1;
        uint32_t reads[8], nr = 0, g = def_of(l, p);
        reads[nr++] = p;
        if (g != NOTY && ir->ins[g].op == I_GEP) for (uint32_t q = 0; q < ir->ins[g].n && nr < 8; q++) reads[nr++] = ir->ins[g].o[q];
        if (g != NOTY && ir->ins[g].op == I_GEP && ir->ins[g].n + 1 > 8) continue;
        int clean = 1;
        for (uint32_t j = i + 1; j < ui && clean; j++) {
            Ins *X = &ir->ins[j];
            if (!(X->op == I_LOAD || X->op == I_BIN || X->op == I_FNEG || X->op == I_CAST || X->op == I_CMP || X->op == I_SEL
                  || X->op == I_GEP || X->op == I_SHUF || X->op == I_EXTELT || X->op == I_INSELT)) clean = 0;
            else if (X->id != NOTY) {
                for (uint32_t r = 0; r < nr; r++) if (writes_slot_of(l, X->id, reads[r])) clean = 0;
                /* a back-edge value writing its phi's slot (lower_coalesce), which an address may read through a GEP folded away */
                for (uint32_t q = ir->bb[b]; q < ir->bb[b + 1] && ir->ins[q].op == I_PHI; q++) if (writes_slot_of(l, X->id, ir->ins[q].id)) clean = 0;
            }
        }
        if (clean) l->by_user[k] = BY_LOAD;
    }
}
