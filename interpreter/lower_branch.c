/* Lowering of control flow: phis as moves on the edges, jumps, compare+branch
 * fused into one cell, and the loop latches that fuse the increment too. */
#include "lower.h"

static int emit_phi_moves(L *l, uint32_t from, uint32_t to);

/* phi moves on an edge: adjacent mov32 (movi) pairs become one mov2 (movi2) */
int lower_edge_moves(L *l, uint32_t from, uint32_t to) {
    uint32_t q = l->nc, r, q0 = q;
    l->mvat = NOTY;
    if (emit_phi_moves(l, from, to)) return -1;
    W m32 = OP(mov32), mi = OP(movi), *c = l->c;
    for (r = q; q + 3 <= l->nc && (c[q] == m32 || c[q] == mi); ) {
        if (q + 6 <= l->nc && c[q + 3] == c[q]) {
            W op = c[q] == m32 ? OP(mov2) : OP(movi2), a = c[q + 1], b = c[q + 2], d = c[q + 4], e = c[q + 5];
            c[r] = op; c[r + 1] = a; c[r + 2] = b; c[r + 3] = d; c[r + 4] = e;
            r += 5; q += 6;
        } else {
            if (r != q) { c[r] = c[q]; c[r + 1] = c[q + 1]; c[r + 2] = c[q + 2]; }
            r += 3; q += 3;
        }
    }
    if (r != q) {                                     /* close the gap (moves only: no labels or patches inside) */
        memmove(c + r, c + q, (l->nc - q) * sizeof(W));
        l->nc -= q - r;
    }
    /* the last move, when a single mov32, movi or mov64 (the cells from q0 are moves only) */
    for (q = q0; q < l->nc; ) {
        W op = c[q];
        uint32_t len = op == m32 || op == mi || op == OP(mov64) ? 3 : op == OP(mov2) || op == OP(movi2) ? 5 : op == OP(movi64) || op == OP(movn) ? 4 : 0;
        if (!len) break;
        if (q + len == l->nc && len == 3) l->mvat = q;
        q += len;
    }
    return 0;
}
/* "jmp lab" after the moves emitted from q: a last single move and the jump
 * are one movj / movij / movj64 */
int lower_jmp_moves(L *l, uint32_t q, uint32_t lab) {
    W *c = l->c;
    if (l->mvat != NOTY && l->mvat >= q && l->mvat + 3 == l->nc) {
        W op = c[l->nc - 3];
        c[l->nc - 3] = op == OP(mov32) ? OP(movj) : op == OP(movi) ? OP(movij) : OP(movj64);
        return emit_label_ref(l, lab);
    }
    if (E1(OP(jmp))) return -1;
    return emit_label_ref(l, lab);
}
/* the value phi P receives on the edge from block `from` (NOTY: not an edge) */
static uint32_t phi_incoming(Ins *P, uint32_t from) {
    for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == from) return P->o[k];
    return NOTY;
}
/* Block f holds phis and a jump only, and its phis feed only the phis of the
 * block h it jumps to, as their values from f (the block a switch's cases all
 * go to, which picks the next pc, then to the loop head): h, else NOTY. An
 * edge into f from another block goes to h directly, with the moves the two
 * edges would make together: one dispatch where a move-and-jump into f and
 * another out of it were two. */
static uint32_t forwards_to(L *l, uint32_t f) {
    FnIR *ir = l->ir;
    uint32_t s = ir->bb[f], e = ir->bb[f + 1], j;
    for (j = s; j < e && ir->ins[j].op == I_PHI; j++) ;
    if (j == s || j + 1 != e || ir->ins[j].op != I_BR || ir->ins[j].n != 1 || ir->ins[j].o[0] == f || ir->ins[j].o[0] >= ir->nbb) return NOTY;
    uint32_t h = ir->ins[j].o[0];
    for (uint32_t q = s; q < j; q++) {
        uint32_t k = ir->ins[q].id - l->base;
        for (uint32_t u = l->us[k]; u < l->us[k + 1]; u++) {
            Ins *P = &ir->ins[l->ul[u]];
            if (P->op != I_PHI || l->blk[l->ul[u]] != h) return NOTY;
            for (uint32_t m = 0; m + 1 < P->n; m += 2) if (P->o[m] == ir->ins[q].id && P->o[m + 1] != f) return NOTY;
        }
    }
    return h;
}
/* where an edge from -> to goes: to, or the block it forwards to */
static uint32_t through(L *l, uint32_t from, uint32_t to) {
    uint32_t h = from == to ? NOTY : forwards_to(l, to);
    return h == NOTY ? to : h;
}
uint32_t lower_edge_target(L *l, uint32_t from, uint32_t to) { return through(l, from, to); }
/* what phi P of through(from, to) receives on the edge from -> to */
static uint32_t edge_source(L *l, Ins *P, uint32_t from, uint32_t to) {
    if (through(l, from, to) == to) return phi_incoming(P, from);
    uint32_t v = phi_incoming(P, to), j = def_of(l, v);
    return j != NOTY && l->blk[j] == to && l->ir->ins[j].op == I_PHI ? phi_incoming(&l->ir->ins[j], from) : v;
}
/* the lanes of vector phi P anything reads (bit i: lane i): a shuffle reads
 * those its mask names, an extractelement of a constant lane that one, any
 * other use every lane. A sliding window's phi (the previous pass's vector,
 * of which a shuffle takes the last lane) needs only those moved on its edges. */
static uint32_t phi_lanes_read(L *l, Ins *P) {
    uint32_t n = lane_count(l, P->ty), all = n >= 32 ? ~0u : (1u << n) - 1, lanes = 0, k = P->id - l->base;
    for (uint32_t u = l->us[k]; u < l->us[k + 1] && lanes != all; u++) {
        Ins *U = &l->ir->ins[l->ul[u]];
        uint64_t x;
        if (U->op == I_SHUF && U->o[0] != U->o[1]) {
            for (uint32_t i = 0; i < lane_count(l, U->ty); i++) {
                uint32_t m = lower_shuffle_lane(l, U, i);
                if (m != NOTY && (U->o[0] == P->id ? m < n : m >= n && m < 2 * n)) lanes |= 1u << (m % n);
            }
        } else if (U->op == I_EXTELT && U->o[0] == P->id && is_const(l, U->o[1]) && !const_scalar(l->e, U->o[1], &x) && x < n)
            lanes |= 1u << x;
        else lanes = all;
    }
    return lanes;
}
static int emit_phi_moves(L *l, uint32_t from, uint32_t to) {
    FnIR *ir = l->ir;
    uint32_t h = through(l, from, to), s = ir->bb[h], e2 = ir->bb[h + 1];
    int conflict = 0;
    if (lower_row_bases(l, from, h)) return -1;
    for (uint32_t i = s; i < e2 && ir->ins[i].op == I_PHI; i++) {
        uint32_t v = edge_source(l, &ir->ins[i], from, to);
        if (v == NOTY) continue;
        for (uint32_t j = s; j < e2 && ir->ins[j].op == I_PHI; j++) if (ir->ins[j].id == v && j != i) conflict = 1;
    }
    for (int pass = conflict ? 0 : 1; pass < 2; pass++)
        for (uint32_t i = s; i < e2 && ir->ins[i].op == I_PHI; i++) {
            Ins *I = &ir->ins[i];
            uint32_t v = edge_source(l, I, from, to);
            if (v == NOTY) continue;               /* not a real edge (unreachable) */
            int32_t d = lower_dest_slot(l, I->id);
            uint32_t sz = lower_value_size(l, I->ty);
            int32_t *tp = &l->tmp[I->id - l->base];
            if (conflict && !*tp) *tp = lower_frame_region(l, sz);
            if (pass == 0) { if (lower_move_value(l, *tp, v)) return -1; }
            else if (conflict) {
                Operand o = { 0, *tp, 0 };
                if (type_of(l, I->ty)->k == TK_VEC) { for (uint32_t q = 0; q < type_of(l, I->ty)->w; q++) { Operand oo = { 0, *tp + 8 * (int32_t)q, 0 }; if (lower_emit_move(l, d + 8 * q, &oo, type_of(l, I->ty)->elt)) return -1; } }
                else if (lower_emit_move(l, d, &o, I->ty)) return -1;
            } else if (type_of(l, I->ty)->k == TK_VEC && is_local(l, I->id)) {
                uint32_t lanes = phi_lanes_read(l, I);
                for (uint32_t q = 0; q < type_of(l, I->ty)->w; q++) {
                    Operand o;
                    if (q < 32 && !(lanes >> q & 1)) continue;
                    if (lower_operand(l, v, q, &o) || lower_emit_move(l, d + 8 * (int32_t)q, &o, type_of(l, I->ty)->elt)) return -1;
                }
            } else if (lower_move_value(l, d, v)) return -1;
        }
    return 0;
}
static int has_phi(L *l, uint32_t to) {
    FnIR *ir = l->ir;
    uint32_t h = through(l, l->cur, to);
    if (lower_has_row_bases(l, l->cur, h)) return 1;
    for (uint32_t i = ir->bb[h]; i < ir->bb[h + 1] && ir->ins[i].op == I_PHI; i++) {
        Ins *I = &ir->ins[i];
        uint32_t v = edge_source(l, I, l->cur, to);
        if (v != NOTY && !(is_local(l, v) && l->loc[v - l->base] == l->loc[I->id - l->base])) return 1;
    }
    return 0;
}

/* label to branch to for edge cur -> to (a stub if moves or counting needed).
 * A back-edge gets a counter of its own, or with `shared` the one all of an
 * indirectbr's back-edges count on: a dispatch loop (`goto *ip[0]`, exec.c's
 * own) is one loop, hot as a whole, not one per handler. */
static uint32_t edge_label_counted(L *l, uint32_t to, uint32_t *shared) {
    uint32_t h = through(l, l->cur, to);
    if (!has_phi(l, to) && !is_back_edge(l, h)) return h;
    uint32_t lb = new_label(l), loop = 0;
    if (grow(l->e, (void **)&l->st, &l->capst, l->nst + 1, sizeof *l->st)) return 0;
    if (is_back_edge(l, h)) {
        loop = shared && *shared ? *shared : ++l->nloops;
        if (shared) *shared = loop;
    }
    l->st[l->nst].lab = lb; l->st[l->nst].from = l->cur; l->st[l->nst].to = to; l->st[l->nst].back = loop;
    l->nst++;
    return lb;
}
static uint32_t edge_label(L *l, uint32_t to) { return edge_label_counted(l, to, 0); }
uint32_t lower_edge_label(L *l, uint32_t to) { return edge_label(l, to); }
int lower_jump(L *l, uint32_t to, uint32_t loop) {
    if (loop) {
        if (E1(OP(jmpb)) || emit_label_ref(l, to)) return -1;
        return E1(loop - 1);                        /* patched to &f->loops[loop - 1] */
    }
    if (to == l->cur + 1 && l->nst == (uint32_t)-1) return 0;
    if (E1(OP(jmp))) return -1;
    return emit_label_ref(l, to);
}
/* unconditional transfer cur -> to, with moves inline */
int lower_goto_bb(L *l, uint32_t to) {
    if (to >= l->ir->nbb) return fail_bitcode("bitcode: bad branch target %u in '%.*s'", to, (int)l->f->nlen, l->f->name);
    uint32_t q = l->nc;
    if (lower_edge_moves(l, l->cur, to)) return -1;
    to = through(l, l->cur, to);
    if (is_back_edge(l, to)) return lower_jump(l, to, ++l->nloops);
    if (to == l->cur + 1) return 0;                 /* fall through */
    return lower_jmp_moves(l, q, to);
}

/* conditional branch "if (x p y) goto tb else fb": the compare-branch goes to
 * the side that needs no edge moves; the other side's moves (and the jump)
 * follow inline, so a loop's back edge is one dispatch even when its exit
 * edge carries phi moves */
static const uint16_t branch_on[10] = { OP_beq, OP_bne, OP_bugt, OP_buge, OP_bult, OP_bule, OP_bsgt, OP_bsge, OP_bslt, OP_bsle };
static const uint16_t branch_on_imm[10] = { OP_beqi, OP_bnei, OP_bugti, OP_bugei, OP_bulti, OP_bulei, OP_bsgti, OP_bsgei, OP_bslti, OP_bslei };
static const uint8_t inverse_pred[10] = { 1, 0, 5, 4, 3, 2, 9, 8, 7, 6 };
static int needs_stub(L *l, uint32_t to) { return has_phi(l, to) || is_back_edge(l, through(l, l->cur, to)); }
/* does instruction k (in the current block) own exactly the "addi v v C" cells ending at q? */
static int addi_at(L *l, uint32_t k, uint32_t q) {
    return k != NOTY && k >= l->ir->bb[l->cur] && l->end[k] == q && l->at[k] + 4 == q
        && l->c[q - 4] == OP(addi) && l->c[q - 3] == l->c[q - 2];
}
/* loop latch "addi [addi] bne": one dispatch (addbne / add2bne) */
static int latch(L *l, uint32_t ii, Operand x, Operand y, uint32_t lt) {
    FnIR *ir = l->ir;
    if (y.imm || ii < 1) return 0;
    uint32_t k2 = ir->ins[ii - 1].op == I_CMP ? ii - 1 : ii;
    if (k2 < 1 || !addi_at(l, --k2, l->nc) || l->c[l->nc - 3] != (W)x.off) return 0;
    uint32_t k1 = k2 >= 1 ? k2 - 1 : NOTY;
    W n = l->c[l->nc - 3], c2 = l->c[l->nc - 1], N = (W)y.off;
    if (N == n || !addi_at(l, k1, l->at[k2]) || l->c[l->at[k2] - 3] == n) {
        l->nc -= 4;
        if (E4(OP(addbne), n, c2, N)) return -1;
        return emit_label_ref(l, lt) ? -1 : 1;
    }
    uint32_t q = l->at[k1];
    W a = l->c[q + 1], c1 = l->c[q + 3];
    l->nc = q;
    if (E6(OP(add2bne), a, c1, n, c2, N)) return -1;
    return emit_label_ref(l, lt) ? -1 : 1;
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
    if (c[q0] == OP(beqi)) { Operand k2 = { 1, 0, (uint32_t)y }; y = (W)lower_operand_slot(l, &k2); }
    l->nc = q0 - 4; l->npt = np0;
    if (E5(nw ? OP(incbeqn) : OP(incbeq), n, x, C, y) || emit_label_ref(l, l1) || emit_label_ref(l, l2)) return -1;
    l->end[k] = l->at[k] = q0 - 4;
    return 0;
}
/* does "if (c) goto tb else fb" branch to fb (on the inverse condition) and continue to tb? */
static int branch_inverts(L *l, uint32_t tb, uint32_t fb) {
    int nt = needs_stub(l, tb), nf = needs_stub(l, fb);
    uint32_t ht = through(l, l->cur, tb), hf = through(l, l->cur, fb);     /* where they go */
    int ftt = !nt && ht == l->cur + 1, ftf = !nf && hf == l->cur + 1;
    /* neither falls through: the taken branch should be a loop's back edge
       (one cell a pass, not a branch not taken and a jmp): fb is this block
       (a single-block loop), or fb is behind and tb ahead */
    int back = !ftt && !ftf && !nf && ht != l->cur && (hf == l->cur || (hf < l->cur && ht > l->cur));
    return ftt || (!ftf && nt && !nf) || back;
}
/* the add of a latch (latch_add) the branch at ii makes (its compare right before it), else NOTY */
static uint32_t fused_latch(L *l, uint32_t ii) {
    Ins *P = &l->ir->ins[ii - 1];
    return ii >= 2 && P->op == I_CMP && P->id == l->ir->ins[ii].o[2] && is_local(l, P->o[0])
        && l->by_user[P->o[0] - l->base] == BY_LATCH ? ii - 2 : NOTY;
}
static int cond_br(L *l, uint32_t ii, uint32_t p, Operand x, Operand y, uint32_t tb, uint32_t fb) {
    if (branch_inverts(l, tb, fb)) { uint32_t t = tb; tb = fb; fb = t; p = inverse_pred[p]; }
    uint32_t lt = edge_label(l, tb);
    if (fused_latch(l, ii) != NOTY) {       /* it loops on ne (lower_emit_branch): add, compare, branch */
        uint64_t c; const_scalar(l->e, l->ir->ins[ii - 2].o[1], &c);
        return E4(OP(addbnei), x.off, (uint32_t)c, (uint32_t)y.v) || emit_label_ref(l, lt) ? -1 : lower_goto_bb(l, fb);
    }
    if ((p == 0 || p == 1) && y.imm && !y.v && ii >= 1 && ii - 1 >= l->ir->bb[l->cur]) {
        /* branch on "a & b" (i1 and, or select a, b, false: used only here) just computed: band / bandz */
        Ins *A2 = &l->ir->ins[ii - 1];
        if ((A2->op == I_BIN || A2->op == I_SEL) && A2->id == l->ir->ins[ii].o[2] && just_before(l, A2->id, l->nc, 4, OP_and)
            && l->c[l->nc - 3] == (W)x.off) {
            W a = l->c[l->nc - 2], b = l->c[l->nc - 1];
            l->nc -= 4; l->at[ii - 1] = l->end[ii - 1] = l->nc;
            if (E3(p ? OP(band) : OP(bandz), a, b) || emit_label_ref(l, lt)) return -1;
            return lower_goto_bb(l, fb);
        }
    }
    if (p == 1) {
        int r = latch(l, ii, x, y, lt);
        if (r < 0) return -1;
        if (r) return lower_goto_bb(l, fb);
    }
    if (y.imm) { if (E3(l->e->lab[branch_on_imm[p]], x.off, (uint32_t)y.v)) return -1; }
    else if (E3(l->e->lab[branch_on[p]], x.off, y.off)) return -1;
    if (emit_label_ref(l, lt)) return -1;
    return lower_goto_bb(l, fb);
}
int lower_emit_branch(L *l, uint32_t ii) {
    FnIR *ir = l->ir;
    Ins *I = &ir->ins[ii];
    if (I->n == 1) return lower_goto_bb(l, I->o[0]);
    uint32_t tb = I->o[0], fb = I->o[1], c = I->o[2];
    if (tb >= l->ir->nbb || fb >= l->ir->nbb) return fail_bitcode("bitcode: bad branch target");
    Operand co; if (lower_operand(l, c, 0, &co)) return -1;
    if (co.imm) return lower_goto_bb(l, (co.v & 1) ? tb : fb);
    /* fused compare + branch (the driver skipped the compare) */
    Ins *P = ii > 0 ? &ir->ins[ii - 1] : 0;
    Operand x = co, y = { 1, 0, 0 };
    uint32_t p = 1;                                  /* ne 0 */
    if (P && P->op == I_CMP && P->id == c && l->nuse[c - l->base] == 1 && lower_type_class(l, P->ty2) == 0 && P->sub >= 32 && P->sub <= 41
        && ii - 1 >= ir->bb[l->cur]) {
        if (lower_operand(l, P->o[0], 0, &x) || lower_operand(l, P->o[1], 0, &y)) return -1;
        uint32_t w = int_width(l, P->ty2);
        p = P->sub - 32;
        if (p >= 6 && w != 32) { if (lower_sext_to_temp(l, &x, w) || lower_sext_to_temp(l, &y, w)) return -1; }
        if (x.imm && !y.imm) { Operand t2 = x; x = y; y = t2; p = swapped_pred[p]; }
        if (x.imm) lower_operand_slot(l, &x);
    }
    uint32_t la = fused_latch(l, ii);
    if (la != NOTY && (branch_inverts(l, tb, fb) ? inverse_pred[p] : p) != 1) {
        /* it leaves on ne: the add where it stood, no longer fused (latch_inc may fuse it with
           the test and the back edge's move) */
        uint64_t k; const_scalar(l->e, ir->ins[la].o[1], &k);
        l->by_user[ir->ins[la].id - l->base] = 0;
        l->at[la] = l->nc;
        if (E4(OP(addi), x.off, x.off, (uint32_t)k)) return -1;
        l->end[la] = l->nc;
    }
    uint32_t q0 = l->nc, np0 = l->npt;
    if (cond_br(l, ii, p, x, y, tb, fb)) return -1;
    return latch_inc(l, ii, q0, np0);
}
int lower_emit_switch(L *l, uint32_t ii) {
    FnIR *ir = l->ir;
    Ins *I = &ir->ins[ii];
    E *e = l->e;
    uint32_t c = I->o[0], def = I->o[1], n = (I->n - 2) / 2;
    int cc = lower_type_class(l, I->ty2);
    if (is_wide_int(l, I->ty2)) {                            /* wide: a chain of compares */
        int32_t s = slot_of(l, c, 0), fl = temp_slot(l);
        if (def >= l->ir->nbb) return fail_bitcode("bitcode: bad switch target");
        for (uint32_t i = 0; i < n; i++) {
            Operand k; if (I->o[3 + 2 * i] >= l->ir->nbb) return fail_bitcode("bitcode: bad switch target");
            if (lower_operand(l, I->o[2 + 2 * i], 0, &k) || lower_emit_wide(l, WO_CMP, fl, s, lower_operand_slot(l, &k), 0, int_width(l, I->ty2))) return -1;
            if (E2(OP(brif), fl) || emit_label_ref(l, edge_label(l, I->o[3 + 2 * i]))) return -1;
        }
        if (E1(OP(jmp))) return -1;
        return emit_label_ref(l, edge_label(l, def));
    }
    if (cc != 0 && cc != 1) return fail_bitcode("bitcode: unsupported switch type");
    if (def >= l->ir->nbb) return fail_bitcode("bitcode: bad switch target");
    if (cc == 1) {
        for (uint32_t i = 0; i < n; i++) if (I->o[3 + 2 * i] >= l->ir->nbb) return fail_bitcode("bitcode: bad switch target");
        uint32_t ld = edge_label(l, def);
        if (E3(OP(sw64), slot_of(l, c, 0), n) || emit_label_ref(l, ld)) return -1;
        for (uint32_t i = 0; i < n; i++) {
            uint64_t x; if (const_scalar(e, I->o[2 + 2 * i], &x)) return -1;
            if (E2((uint32_t)x, (uint32_t)(x >> 32)) || emit_label_ref(l, edge_label(l, I->o[3 + 2 * i]))) return -1;
        }
        return 0;
    }
    int32_t s = slot_of(l, c, 0);
    int64_t mn = 0x7fffffffffffLL, mx = -0x7fffffffffffLL;
    uint32_t w = int_width(l, I->ty2);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t x; if (const_scalar(e, I->o[2 + 2 * i], &x)) return -1;
        int64_t sx = w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w);
        if (w < 32) sx = (int64_t)(x & ((1ull << w) - 1));
        if (sx < mn) mn = sx; if (sx > mx) mx = sx;
        if (I->o[3 + 2 * i] >= l->ir->nbb) return fail_bitcode("bitcode: bad switch target");
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
        if (E4(OP(swt), s, (uint32_t)mn, cnt) || emit_label_ref(l, ldef)) { efree(e, tl); return -1; }
        for (uint32_t i = 0; i < cnt; i++) if (emit_label_ref(l, tl[i])) { efree(e, tl); return -1; }
        efree(e, tl);
        return 0;
    }
    if (E3(OP(sw), s, n) || emit_label_ref(l, ldef)) return -1;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t x; const_scalar(e, I->o[2 + 2 * i], &x);
        if (E1((uint32_t)x) || emit_label_ref(l, edge_label(l, I->o[3 + 2 * i]))) return -1;
    }
    return 0;
}
int lower_emit_indirect_branch(L *l, uint32_t ii) {
    FnIR *ir = l->ir;
    Ins *I = &ir->ins[ii];
    E *e = l->e;
    uint32_t n = I->n - 1, nbb = l->ir->nbb, loop = 0;
    uint32_t *tl = ealloc(e, 4 * nbb + 4); if (!tl) return -1;
    for (uint32_t i = 0; i < nbb; i++) tl[i] = NOTY;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t bb = I->o[1 + i];
        if (bb >= nbb) { efree(e, tl); return fail_bitcode("bitcode: bad indirectbr target"); }
        if (tl[bb] == NOTY) tl[bb] = edge_label_counted(l, bb, &loop);
    }
    if (E4(OP(ibr), slot_of(l, I->o[0], 0), l->f->idx + 1, nbb)) { efree(e, tl); return -1; }
    for (uint32_t i = 0; i < nbb; i++) {
        if (tl[i] == NOTY) { if (E1(0)) { efree(e, tl); return -1; } }
        else if (emit_label_ref(l, tl[i])) { efree(e, tl); return -1; }
    }
    efree(e, tl);
    return 0;
}
