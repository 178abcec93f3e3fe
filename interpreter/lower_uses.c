/* Before emission: use counts and use lists, phis that share a slot with
 * their back-edge value, and zexts done in place. */
#include "lower.h"

void lower_count_uses(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i < ir->nins; i++) {
        Ins *I = &ir->ins[i];
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
                if (lower_type_class(l, vt2) < 0 || !(sz == 1 || sz == 2 || sz == 4 || sz == 8)) memptr = 0;
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
        if (I->op != I_GEP || !is_local(l, I->o[0])) continue;
        int allc = 1;
        for (uint32_t k = 1; k < I->n; k++) if (!is_const(l, I->o[k])) allc = 0;
        if (!allc) l->nonmem[I->o[0] - l->base]++;
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
            if (lower_type_class(l, P->ty) < 0) continue;
            uint32_t v = NOTY;
            for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == b) { v = P->o[k]; break; }
            if (v == NOTY || !is_local(l, v) || l->loc[v - l->base] || l->loc[P->id - l->base]) continue;
            uint32_t vi = l->def[v - l->base];
            if (vi == NOTY || l->blk[vi] != b) continue;
            Ins *V = &ir->ins[vi];
            if (!(V->op == I_BIN || V->op == I_FNEG || V->op == I_LOAD || V->op == I_SEL || V->op == I_CALL || (V->op == I_CAST && type_of(l, V->ty)->k != TK_VEC)
                  || (V->op == I_GEP && V->n == 2))) continue;
            if (used_late(l, P->id, b, vi, 0, 0)) continue;
            /* v must not feed another phi of this block (it would see v, fine) nor be P itself */
            int32_t s = lower_dest_slot(l, P->id);
            l->loc[v - l->base] = s;
        }
}

/* A zext to i32 right after the i8/i16 load it extends (its only use): the
 * load writes the zext's slot, which it zero-fills, and the zext is no code.
 * Right after: the zext's slot may be a phi's (coalesce), read until then. */
void lower_zext_in_place(L *l) {
    FnIR *ir = l->ir;
    for (uint32_t i = 0; i + 1 < ir->nins; i++) {
        Ins *Ld = &ir->ins[i], *Z = &ir->ins[i + 1];
        if (Ld->op != I_LOAD || Z->op != I_CAST || Z->sub != 1 || Z->o[0] != Ld->id || !is_local(l, Ld->id)
            || l->blk[i] != l->blk[i + 1] || l->nuse[Ld->id - l->base] != 1 || l->loc[Ld->id - l->base]
            || type_of(l, Ld->ty)->k != TK_INT || (int_width(l, Ld->ty) != 8 && int_width(l, Ld->ty) != 16)
            || type_of(l, Z->ty)->k != TK_INT || int_width(l, Z->ty) != 32)
            continue;
        l->loc[Ld->id - l->base] = lower_dest_slot(l, Z->id);
    }
}
