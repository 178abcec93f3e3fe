/* Peepholes over the cells just emitted (fmul+fadd, bitcasts, <4 x float>
 * ops) and the dot-product loops patterns.c recognises. */
#include "lower.h"

/* after instruction i: an fmul whose product only this fadd reads -> fmad / dmad */
void lower_fuse_multiply_add(L *l, uint32_t i) {
    Ins *I = &l->ir->ins[i];
    uint32_t q = l->at[i];
    if (I->op != I_BIN || I->sub != 0 || (lower_type_class(l, I->ty) != 2 && lower_type_class(l, I->ty) != 3) || l->nc != q + 4) return;
    int f = lower_type_class(l, I->ty) == 2;
    for (int k = 0; k < 2; k++) {
        uint32_t v = I->o[k], j = def_of(l, v);
        if (!just_before(l, v, q, 4, f ? OP_fmul : OP_dmul)) continue;
        Ins *M = &l->ir->ins[j];
        if (M->op != I_BIN || M->sub != 2) continue;
        W d = l->c[q + 1], acc = l->c[q + 3 - k], a = l->c[l->at[j] + 2], b = l->c[l->at[j] + 3];
        l->nc = l->at[j];
        lower_emit_cells(l, 5, l->e->lab[f ? OP_fmad : OP_dmad], d, a, b, acc);
        l->at[i] = l->at[j];
        return;
    }
}

/* instruction i, one op, reads the pointer of a single-use bitcast emitted
 * just before it (mov32 t s): read s instead and drop the mov32; a gep whose
 * base is a single-use gep just before: one gep2 */
void lower_cast_fold(L *l, uint32_t i) {
    static const struct { uint16_t op; uint8_t n, rd[3]; } tb[] = {
        { OP_gep, 5, { 2, 3 } }, { OP_addi, 4, { 2 } }, { OP_add, 4, { 2, 3 } }, { OP_ld32, 4, { 2 } },
        { OP_st32, 4, { 1, 3 } }, { OP_lix4, 6, { 2, 3 } }, { OP_six4, 6, { 1, 2, 5 } },
        { OP_lxe4, 5, { 2, 3 } }, { OP_sxe4, 5, { 1, 2, 4 } },
        { OP_ldv4, 4, { 2 } }, { OP_stv4, 4, { 1, 3 } } };
    uint32_t q = l->at[i], j = i - 1, k, m;
    if (i == 0 || q < 3 || l->nc <= q || j < l->ir->bb[l->cur]) return;
    Ins *C = &l->ir->ins[j];
    /* fogtf/foltf c x y; sel32 d c a b (c used only there) -> fselgt/fsellt d x y a b */
    if (l->ir->ins[i].op == I_SEL && l->c[q] == OP(sel32) && l->nc == q + 5 && q >= 4) {
        uint32_t cv = l->ir->ins[i].o[0];
        int gt = just_before(l, cv, q, 4, OP_fogtf), lt = !gt && just_before(l, cv, q, 4, OP_foltf);
        if ((gt || lt) && l->c[q - 3] == l->c[q + 2]) {
            uint32_t jc = def_of(l, cv);
            W x = l->c[q - 2], y = l->c[q - 1], d = l->c[q + 1], a = l->c[q + 3], b = l->c[q + 4], *P = &l->c[q - 4];
            P[0] = gt ? OP(fselgt) : OP(fsellt); P[1] = d; P[2] = x; P[3] = y; P[4] = a; P[5] = b;
            l->nc = q + 2; l->at[i] = q - 4; l->at[jc] = l->end[jc] = q - 4;
        }
        return;
    }
    /* gep d b x s; gep e d y t (d used only there) -> gep2 e b x s y t */
    if (C->op == I_GEP && l->c[q] == OP(gep) && l->nc == q + 5 && q >= 5 && C->id != NOTY && is_local(l, C->id)
        && just_before(l, C->id, q, 5, OP_gep) && l->c[q + 2] == l->c[q - 4] && l->c[q + 3] != l->c[q - 4]) {
        W e = l->c[q + 1], y = l->c[q + 3], t = l->c[q + 4], *P = &l->c[q - 5];
        P[0] = OP(gep2); P[1] = e; P[5] = y; P[6] = t;
        l->nc = q + 2; l->at[i] = q - 5; l->at[j] = l->end[j] = q - 5;
        return;
    }
    if (C->op != I_CAST || C->id == NOTY || !is_local(l, C->id) || !just_before(l, C->id, q, 3, OP_mov32)) return;
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
void lower_fuse_vec4(L *l, uint32_t i) {
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
    if (s <= 1 && l->ir->ins[i].op == (s ? I_STORE : I_LOAD) && def_of(l, pv) != NOTY && l->ir->ins[def_of(l, pv)].op == I_CAST
        && just_before(l, pv, q, 3, OP_mov32) && l->c[q - 2] == op[s ? 0 : 1]
        && !(s == 0 && (W)((int32_t)l->c[q - 1] - (int32_t)op[0]) < 32)) {
        op[s ? 0 : 1] = l->c[q - 1];
        q -= 3;
    }
    if (s == 0 && (W)((int32_t)op[1] - (int32_t)op[0]) < 32) return;     /* base slot among the destinations */
    l->nc = l->at[i] = q;
    if (s == 0 && q >= 5) {
        /* the pointer computed just before (gep p b x s / addi p b C): one op computes p and loads */
        uint32_t b = l->ir->ins[i].o[0], jb = def_of(l, b);
        if (jb != NOTY && l->ir->ins[jb].op == I_CAST) { b = l->ir->ins[jb].o[0]; jb = def_of(l, b); }
        if (jb != NOTY && jb < i && l->end[jb] == q) {
            W *g = &l->c[q - 5];
            if (l->at[jb] + 5 == q && g[0] == OP(gep) && g[1] == op[1] && (W)((int32_t)g[1] - (int32_t)op[0]) >= 32) {
                W b0 = g[2], x0 = g[3], s0 = g[4];
                l->nc = l->at[i] = q - 5;
                lower_emit_cells(l, 7, l->e->lab[OP_gepldv4], op[0], op[1], b0, x0, s0, op[2]);
                return;
            }
            g++;
            /* the load reads p, or p's base and offset (p folded into it, and kept for other uses) */
            int reads_p = g[1] == op[1], reads_base = g[2] == op[1] && g[3] == op[2];
            if (l->at[jb] + 4 == q && g[0] == OP(addi) && (reads_p || reads_base) && (W)((int32_t)g[1] - (int32_t)op[0]) >= 32) {
                W p = g[1], b0 = g[2], c0 = g[3];
                l->nc = l->at[i] = q - 4;
                lower_emit_cells(l, 6, l->e->lab[OP_addildv4], op[0], p, b0, c0, reads_p ? op[2] : 0);
                return;
            }
        }
    }
    if (n == 4) lower_emit_cells(l, 4, l->e->lab[sc[s][1]], op[0], op[1], op[2]);
    else lower_emit_cells(l, 5, l->e->lab[sc[s][1]], op[0], op[1], op[2], op[3]);
}

/* A dot-product loop block as one dotl (float) / dotld (double), dotl1/dotl4
 * (dotld1/dotld4) when unrolled by 1/4 and leaving as n reaches end, a
 * strided or an integer one as dotls (its kind: DOTLS_*): the handler makes
 * every pass, reading the phis and the invariants from their slots and
 * writing the values the loop leaves with (floats: the same products and
 * sums in the same order); then the exit edge, as a branch would take it. */
int lower_dot_loop(L *l, const DotLoop *d) {
    Operand z = { 1, 0, 0 };
    uint32_t q = l->nc, len = l->ir->bb[d->bb + 1] - l->ir->bb[d->bb];
    W zero = (W)lower_operand_slot(l, &z);
    W off = d->off == NOTY ? zero : (W)slot_of(l, d->off, 0);
    W loop = is_back_edge(l, d->bb) ? ++l->nloops : 0;     /* its back-edges counted, as a jmpb would (f->loops[loop - 1]) */
    W insns = l->e->cfg.stats ? len : 0;
    W a_row = d->a_row == NOTY ? zero : (W)slot_of(l, d->a_row, 0), a_row_size = d->a_row_size, b_row = d->b_row == NOTY ? zero : (W)slot_of(l, d->b_row, 0);
    if (d->integer) {
        W acc[MAX_DOT_SUMS], next[MAX_DOT_SUMS];
        for (uint32_t j = 0; j < MAX_DOT_SUMS; j++) {
            acc[j] = j < d->nsums ? (W)slot_of(l, d->acc[j], 0) : zero;
            next[j] = j < d->nsums ? (W)slot_of(l, d->acc_next[j], 0) : zero;
        }
        if (lower_emit_cells(l, 33, (W)l->e->lab[OP_dotls], (W)DOTLS_INT, (W)slot_of(l, d->x_next, 0), (W)slot_of(l, d->n_next, 0),
                (W)slot_of(l, d->x, 0), (W)slot_of(l, d->n, 0),
                (W)slot_of(l, d->a, 0), a_row, (W)d->a_row_size, off, (W)d->a_stride, (W)(d->a_size | (d->a_signed ? 8 : 0)),
                (W)slot_of(l, d->b, 0), b_row, (W)d->b_row_size, (W)d->b_stride, (W)(d->b_size | (d->b_signed ? 8 : 0)),
                (W)slot_of(l, d->end, 0), (W)d->step, (W)d->unroll, (W)d->leave_if_equal, (W)d->nsums, (W)d->lanes,
                acc[0], acc[1], acc[2], acc[3], next[0], next[1], next[2], next[3], insns, loop))
            return -1;
    } else {
        W outs[6] = { (W)slot_of(l, d->acc_next[0], 0), (W)slot_of(l, d->x_next, 0), (W)slot_of(l, d->n_next, 0),
                      (W)slot_of(l, d->acc[0], 0), (W)slot_of(l, d->x, 0), (W)slot_of(l, d->n, 0) };
        if (!dot_loop_contiguous(d)) {
            /* a's offset (a contiguous a times a strided b) is a row of one element */
            if (d->off != NOTY) { a_row = off; a_row_size = d->a_stride; }
            if (lower_emit_cells(l, 22, (W)l->e->lab[OP_dotls], (W)(d->dbl ? DOTLS_F64 : DOTLS_F32), outs[0], outs[1], outs[2], outs[3], outs[4], outs[5],
                    (W)slot_of(l, d->a, 0), a_row, a_row_size, (W)d->a_stride, (W)slot_of(l, d->b, 0), b_row, (W)d->b_row_size, (W)d->b_stride,
                    (W)slot_of(l, d->end, 0), (W)d->step, (W)d->unroll, (W)d->leave_if_equal, insns, loop))
                return -1;
        } else {
            int v = !d->leave_if_equal ? 0 : d->unroll == 1 ? 1 : d->unroll == 4 ? 2 : 0;   /* dotl, dotl1, dotl4 */
            if (lower_emit_cells(l, 16, (W)l->e->lab[(d->dbl ? OP_dotld : OP_dotl) + v], outs[0], outs[1], outs[2], outs[3], outs[4], outs[5],
                    (W)slot_of(l, d->a, 0), off, (W)slot_of(l, d->b, 0), (W)slot_of(l, d->end, 0), (W)d->step, (W)d->unroll,
                    (W)d->leave_if_equal, insns, loop))
                return -1;
        }
    }
    for (uint32_t i = l->ir->bb[d->bb]; i < l->ir->bb[d->bb + 1]; i++) l->at[i] = l->end[i] = q;
    l->e->fused++;
    return lower_goto_bb(l, d->exit);
}

/* A multiply-add loop block (patterns.h AxpyLoop): one axpyl (float) / axpyld
 * (double) cell at the block's label runs every pass and takes the exit edge
 * when the arrays do not overlap; else it goes on to the block's own cells,
 * lowered after it as usual, whose back edge comes back to it. */
int lower_axpy_loop(L *l, const AxpyLoop *d) {
    Operand z = { 1, 0, 0 };
    uint32_t len = l->ir->bb[d->bb + 1] - l->ir->bb[d->bb];
    W zero = (W)lower_operand_slot(l, &z), a[4];
    W loop = is_back_edge(l, d->bb) ? ++l->nloops : 0;     /* its back-edges counted, as a jmpb would (f->loops[loop - 1]) */
    for (uint32_t k = 0; k < 4; k++) a[k] = (W)slot_of(l, d->a, type_of(l, value_type(l, d->a))->k == TK_VEC ? k % d->lanes : 0);
    W xs_row = d->xs_row == NOTY ? zero : (W)slot_of(l, d->xs_row, 0), ys_row = d->ys_row == NOTY ? zero : (W)slot_of(l, d->ys_row, 0);
    if (lower_emit_cells(l, 21, (W)l->e->lab[d->dbl ? OP_axpyld : OP_axpyl], (W)slot_of(l, d->x_next, 0), (W)slot_of(l, d->n_next, 0),
            (W)slot_of(l, d->x, 0), (W)slot_of(l, d->n, 0), a[0], a[1], a[2], a[3],
            (W)slot_of(l, d->xs, 0), xs_row, (W)d->xs_row_size, (W)slot_of(l, d->ys, 0), ys_row, (W)d->ys_row_size,
            (W)slot_of(l, d->end, 0), (W)d->step, (W)d->unroll, (W)d->lanes, (W)(l->e->cfg.stats ? len : 0), loop)
        || emit_label_ref(l, lower_edge_label(l, d->exit)))
        return -1;
    l->e->fused++;
    return 0;
}
