/* IR patterns (patterns.h): recognised on the verified function IR, shared
 * by lowering and the JIT. */
#include "patterns.h"

enum { BIN_ADD = 0, BIN_MUL = 2, BIN_OR = 11, ICMP_EQ = 32, ICMP_NE = 33, CAST_ZEXT = 1, CAST_SEXT = 2, CAST_BITCAST = 11 };
#define MAX_UNROLL 16

/* the instruction of block bb defining value v, or 0 (defined elsewhere, or not an instruction) */
static const Ins *def_in(const FnIR *ir, uint32_t bb, uint32_t v) {
    for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1]; i++)
        if (ir->ins[i].id == v) return &ir->ins[i];
    return 0;
}
static int invariant(const FnIR *ir, uint32_t bb, uint32_t v) { return v != NOTY && !def_in(ir, bb, v); }

/* an i32 constant (zero is a null constant in bitcode) */
static int int_const(E *e, uint32_t v, uint32_t *out) {
    if ((e->v[v].k != V_CINT && e->v[v].k != V_CNULL) || e->ty[e->v[v].ty].k != TK_INT || e->ty[e->v[v].ty].w != 32) return 0;
    *out = e->v[v].k == V_CINT ? (uint32_t)e->v[v].u.i : 0;
    return 1;
}
static int is_i32(E *e, uint32_t t) { return e->ty[t].k == TK_INT && e->ty[t].w == 32; }

/* the phi of block bb defining v, taking `next` on its edge from bb itself */
static const Ins *loop_phi(const FnIR *ir, uint32_t bb, uint32_t v, uint32_t next) {
    const Ins *P = def_in(ir, bb, v);
    if (!P || P->op != I_PHI) return 0;
    for (uint32_t k = 0; k + 1 < P->n; k += 2)
        if (P->o[k + 1] == bb && P->o[k] != next) return 0;
    return P;
}

/* `v = add p, c` in block bb with c a constant: p, c */
static int add_const(E *e, const FnIR *ir, uint32_t bb, uint32_t v, uint32_t *p, uint32_t *c) {
    const Ins *I = def_in(ir, bb, v);
    if (!I || I->op != I_BIN || I->sub != BIN_ADD || !is_i32(e, I->ty)) return 0;
    *p = I->o[0];
    return int_const(e, I->o[1], c);
}

static int is_fmuladd(E *e, const Ins *I) {
    if (I->op != I_CALL || e->v[I->o[0]].k != V_FN || I->n != 4) return 0;
    Fn *f = &e->fn[e->v[I->o[0]].u.idx];
    return f->intr && f->nlen > 13 && !memcmp(f->name, "llvm.fmuladd.", 13);
}

typedef struct Match {
    E *e; const FnIR *ir; DotLoop *d;
    uint8_t *used;               /* per instruction of the block: part of the pattern */
    int x_aligned;               /* x stays a multiple of unroll: `or x, k` is x + k */
    uint32_t lo, hi;             /* the least and greatest value the block defines */
    uint32_t bb, x, unroll;      /* the loop's block, its index and the index's step */
    uint32_t out[2 + MAX_DOT_SUMS];      /* the values a backend writes when it leaves (NOTY: fewer) */
    int arrays_set;              /* a dot product's arrays are d's (its first product sets them) */
} Match;

static void mark(Match *m, const Ins *I) { m->used[I - &m->ir->ins[m->ir->bb[m->bb]]] = 1; }

/* the lane of index value v: 0 for x, k for `or x, k` / `add x, k` (k < unroll); -1 otherwise */
static int lane_of(Match *m, uint32_t v) {
    if (v == m->x) return 0;
    const Ins *I = def_in(m->ir, m->bb, v);
    uint32_t k;
    if (!I || I->op != I_BIN || !is_i32(m->e, I->ty) || I->o[0] != m->x || !int_const(m->e, I->o[1], &k)) return -1;
    if (I->sub == BIN_OR && !m->x_aligned) return -1;
    if ((I->sub != BIN_ADD && I->sub != BIN_OR) || k == 0 || k >= m->unroll) return -1;
    mark(m, I);
    return (int)k;
}

/* where an access of the loop lands: base + row * row_size + (x + off) * size + bytes */
typedef struct Place { uint32_t base, row, row_size, off; int32_t bytes; } Place;

/* the lane of an index `v + off` with off invariant (NOTY: not that) */
static int lane_plus_offset(Match *m, uint32_t v, uint32_t *off) {
    const Ins *A = def_in(m->ir, m->bb, v);
    int lane;
    if (!A || A->op != I_BIN || A->sub != BIN_ADD || !is_i32(m->e, A->ty)) return -1;
    for (int s = 0; s < 2; s++)
        if (invariant(m->ir, m->bb, A->o[1 - s]) && (lane = lane_of(m, A->o[s])) >= 0) {
            *off = A->o[1 - s];
            mark(m, A);
            return lane;
        }
    return -1;
}

/* the place pointer p points to: computed in the block by GEPs and pointer
 * bitcasts from an invariant base, x (or x + k, x | k, and those + off) one
 * index of the chain, scaled by the element size, the rest constants and at
 * most one invariant row index before it (a constant one too, when it is not
 * a multiple of the element) */
static int place_of(Match *m, uint32_t p, uint32_t size, Place *pl) {
    E *e = m->e;
    const Ins *I = def_in(m->ir, m->bb, p);
    if (!I) return 0;
    if (I->op == I_CAST) {
        if (I->sub != CAST_BITCAST || e->ty[I->ty].k != TK_PTR || !place_of(m, I->o[0], size, pl)) return 0;
        mark(m, I);
        return 1;
    }
    if (I->op != I_GEP || I->n < 2) return 0;
    int has_x = 0;
    if (invariant(m->ir, m->bb, I->o[0])) { pl->base = I->o[0]; pl->row = pl->off = NOTY; pl->row_size = 0; pl->bytes = 0; }
    else if (place_of(m, I->o[0], size, pl)) has_x = 1;
    else return 0;
    uint32_t t = I->ty2;
    for (uint32_t k = 1; k < I->n; k++) {
        if (k > 1) { if (e->ty[t].k != TK_ARR) return 0; t = e->ty[t].elt; }
        uint32_t v = I->o[k], c, tsize = ty_size(e, t);
        int lane;
        if (!is_i32(e, e->v[v].ty)) return 0;
        int constant = int_const(e, v, &c);
        if (constant && (!c || tsize == size || has_x || pl->row != NOTY)) pl->bytes += (int32_t)(c * tsize);
        else if (invariant(m->ir, m->bb, v)) { if (pl->row != NOTY || has_x) return 0; pl->row = v; pl->row_size = tsize; }
        else if (!has_x && tsize == size && (lane = lane_of(m, v)) >= 0) { has_x = 1; pl->bytes += lane * (int32_t)size; }
        else if (!has_x && tsize == size && (lane = lane_plus_offset(m, v, &pl->off)) >= 0) { has_x = 1; pl->bytes += lane * (int32_t)size; }
        else return 0;
    }
    if (!has_x) return 0;
    mark(m, I);
    return 1;
}
/* where a load of the loop reads: base + row * row_size + index * stride */
typedef struct Access { uint32_t base, index, stride, row, row_size; } Access;

/* `load elt, (gep T, base, i1, i2, ...)` in the loop, T an element or an
 * array (of arrays) of them, base invariant, and of the indices one in the
 * block (the element's: index), at most one other invariant (row, a
 * constant too) and the rest 0: a[i], a[0][i], a[r][i], a[i][c], a[2][i] */
static int element_load(Match *m, uint32_t v, Access *at) {
    E *e = m->e;
    const Ins *L = def_in(m->ir, m->bb, v);
    if (!L || L->op != I_LOAD || L->vol) return 0;
    const Ins *G = def_in(m->ir, m->bb, L->o[0]);
    if (!G || G->op != I_GEP || G->n < 2 || !invariant(m->ir, m->bb, G->o[0])) return 0;
    at->base = G->o[0]; at->index = at->row = NOTY;
    uint32_t t = G->ty2;
    for (uint32_t k = 1; k < G->n; k++) {
        if (k > 1) { if (e->ty[t].k != TK_ARR) return 0; t = e->ty[t].elt; }
        uint32_t x = G->o[k], c, size = ty_size(e, t);
        if (!is_i32(e, e->v[x].ty)) return 0;
        if (int_const(e, x, &c) && !c) continue;
        if (invariant(m->ir, m->bb, x)) { if (at->row != NOTY) return 0; at->row = x; at->row_size = size; }
        else { if (at->index != NOTY) return 0; at->index = x; at->stride = size; }
    }
    if (t != L->ty || at->index == NOTY) return 0;
    mark(m, L); mark(m, G);
    return 1;
}

/* what lane `lane` of a product's operand reads: element k of a pass of an
 * array (at x + k, or x + k + off), size bytes, sign-extended (sext 1),
 * zero-extended (0) or as it is (-1) */
typedef struct Element { Access at; uint32_t off, size; int k, sext; } Element;

static int element_of(Match *m, uint32_t v, uint32_t lane, Element *el) {
    E *e = m->e;
    const Ins *I = def_in(m->ir, m->bb, v);
    if (!I) return 0;
    if (m->d->integer && I->op == I_CAST && (I->sub == CAST_ZEXT || I->sub == CAST_SEXT)) {
        if (!element_of(m, I->o[0], lane, el) || el->size > 2 || el->sext >= 0) return 0;
        el->sext = I->sub == CAST_SEXT;
        mark(m, I);
        return 1;
    }
    if (I->op == I_INSELT) {                 /* a vector built lane by lane: the scalar inserted at `lane` */
        uint64_t at;
        for (;;) {
            if (const_scalar(e, I->o[2], &at)) return 0;
            mark(m, I);
            if (at == lane) break;
            if (!(I = def_in(m->ir, m->bb, I->o[0])) || I->op != I_INSELT) return 0;
        }
        return e->ty[e->v[I->o[1]].ty].k != TK_VEC && element_of(m, I->o[1], 0, el);
    }
    if (I->op != I_LOAD || I->vol) return 0;
    const Ty *t = &e->ty[I->ty], *lt = t->k == TK_VEC ? &e->ty[t->elt] : t;
    if (lt->k == TK_INT && lt->w != 8 && lt->w != 16 && lt->w != 32) return 0;      /* (no i1: its byte may hold more) */
    el->sext = -1; el->off = NOTY;
    if (t->k == TK_VEC) {                    /* consecutive elements, lane 0 at x + k */
        Place pl;
        el->size = ty_size(e, t->elt);
        if (!place_of(m, I->o[0], el->size, &pl) || pl.bytes < 0 || pl.bytes % (int32_t)el->size) return 0;
        el->at = (Access){ .base = pl.base, .index = NOTY, .stride = el->size, .row = pl.row, .row_size = pl.row_size };
        el->off = pl.off;
        el->k = pl.bytes / (int32_t)el->size + (int)lane;
        mark(m, I);
        return 1;
    }
    if (lane || !element_load(m, v, &el->at)) return 0;
    el->size = ty_size(e, I->ty);
    if ((el->k = lane_of(m, el->at.index)) >= 0) return 1;
    /* x + k + off: a's elements one after another (a[i + j] * b[j]) */
    return el->at.stride == el->size && (el->k = lane_plus_offset(m, el->at.index, &el->off)) >= 0;
}

/* do el's reads go where d's array (base, row, stride ...) is? */
static int same_elements(const Element *el, uint32_t base, uint32_t off, uint32_t stride, uint32_t row, uint32_t row_size,
                         uint32_t size, int sext) {
    return el->at.base == base && el->off == off && el->at.stride == stride && el->at.row == row
        && (row == NOTY || el->at.row_size == row_size) && el->size == size && (el->sext > 0) == sext;
}

/* lane `lane` of product p * q: one operand an element of a, the other of b,
 * both element *k of the pass (a's may be at an offset) */
static int product(Match *m, uint32_t p, uint32_t q, uint32_t lane, int *k) {
    DotLoop *d = m->d;
    Element P, Q;
    if (!element_of(m, p, lane, &P) || !element_of(m, q, lane, &Q) || P.k != Q.k) return 0;
    for (int swap = 0; swap < 2; swap++) {
        const Element *a = swap ? &Q : &P, *b = swap ? &P : &Q;
        if (b->off != NOTY || (a->off != NOTY && a->at.row != NOTY && !d->integer)) continue;     /* (dotls: no row and offset both) */
        if (!m->arrays_set) {
            m->arrays_set = 1;
            d->a = a->at.base; d->off = a->off; d->a_stride = a->at.stride; d->a_row = a->at.row; d->a_row_size = a->at.row_size;
            d->a_size = a->size; d->a_signed = a->sext > 0;
            d->b = b->at.base; d->b_stride = b->at.stride; d->b_row = b->at.row; d->b_row_size = b->at.row_size;
            d->b_size = b->size; d->b_signed = b->sext > 0;
        }
        if (same_elements(a, d->a, d->off, d->a_stride, d->a_row, d->a_row_size, d->a_size, d->a_signed)
            && same_elements(b, d->b, NOTY, d->b_stride, d->b_row, d->b_row_size, d->b_size, d->b_signed)) {
            *k = P.k;
            return 1;
        }
    }
    return 0;
}

/* the chain of sums from next back to the phi acc: its products, last first */
static int chain(Match *m, uint32_t acc, uint32_t next, uint32_t pq[][2], uint32_t *n) {
    uint32_t v = next, ty = m->e->v[acc].ty;
    *n = 0;
    while (v != acc) {
        const Ins *S = def_in(m->ir, m->bb, v);
        if (!S || *n == MAX_UNROLL) return 0;
        if (!m->d->integer && is_fmuladd(m->e, S)) {
            pq[*n][0] = S->o[1]; pq[*n][1] = S->o[2]; v = S->o[3];
        } else if (S->op == I_BIN && S->sub == BIN_ADD && S->ty == ty) {
            const Ins *M0 = def_in(m->ir, m->bb, S->o[0]), *M1 = def_in(m->ir, m->bb, S->o[1]);
            const Ins *Mul = M1 && M1->op == I_BIN && M1->sub == BIN_MUL ? M1 : M0 && M0->op == I_BIN && M0->sub == BIN_MUL ? M0 : 0;
            if (!Mul) return 0;
            pq[*n][0] = Mul->o[0]; pq[*n][1] = Mul->o[1];
            v = Mul == M1 ? S->o[0] : S->o[1];
            mark(m, Mul);
        } else return 0;
        mark(m, S);
        (*n)++;
    }
    return 1;
}

/* every element of a pass in one product lane; floats: in order, in one sum;
 * integers: in the lanes patterns.h says, the accumulators put in that order */
static int sums(Match *m) {
    DotLoop *d = m->d;
    uint32_t seen = 0, width = d->nsums * d->lanes, holder[MAX_DOT_SUMS];      /* holder[g]: the accumulator of lanes g * lanes ... */
    if (d->unroll % width) return 0;
    for (uint32_t g = 0; g < d->nsums; g++) holder[g] = NOTY;
    for (uint32_t j = 0; j < d->nsums; j++) {
        uint32_t pq[MAX_UNROLL][2], n, group = NOTY;
        if (!chain(m, d->acc[j], d->acc_next[j], pq, &n)) return 0;
        for (uint32_t i = 0; i < n; i++)
            for (uint32_t lane = 0; lane < d->lanes; lane++) {
                int k;
                if (!product(m, pq[n - 1 - i][0], pq[n - 1 - i][1], lane, &k) || k < 0 || (uint32_t)k >= d->unroll || (seen >> k & 1)
                    || (!d->integer && (uint32_t)k != i) || (uint32_t)k % d->lanes != lane) return 0;
                seen |= 1u << k;
                uint32_t g = (uint32_t)k / d->lanes % d->nsums;
                if (group == NOTY) group = g;
                if (group != g || (holder[g] != NOTY && holder[g] != j)) return 0;
                holder[g] = j;
            }
    }
    if (seen != (1u << d->unroll) - 1) return 0;
    uint32_t acc[MAX_DOT_SUMS], next[MAX_DOT_SUMS];
    for (uint32_t g = 0; g < d->nsums; g++) { acc[g] = d->acc[holder[g]]; next[g] = d->acc_next[holder[g]]; }
    memcpy(d->acc, acc, sizeof acc); memcpy(d->acc_next, next, sizeof next);
    return 1;
}

/* is v one of the block's values that a backend does not write when it leaves?
 * (lo..hi: the values the block defines, numbered in order) */
static int internal(const Match *m, uint32_t v) {
    if (v < m->lo || v > m->hi) return 0;
    for (uint32_t k = 0; k < sizeof m->out / sizeof m->out[0]; k++) if (v == m->out[k]) return 0;
    return def_in(m->ir, m->bb, v) != 0;
}

/* no value of block m->bb but its outputs (m->out) is used outside it */
static int only_outputs_escape(Match *m) {
    const FnIR *ir = m->ir;
    m->lo = NOTY; m->hi = 0;
    for (uint32_t i = ir->bb[m->bb]; i < ir->bb[m->bb + 1]; i++) {
        uint32_t v = ir->ins[i].id;
        if (v == NOTY) continue;
        if (v < m->lo) m->lo = v;
        if (v > m->hi) m->hi = v;
    }
    for (uint32_t i = 0; i < ir->nins; i++) {
        const Ins *I = &ir->ins[i];
        if (i >= ir->bb[m->bb] && i < ir->bb[m->bb + 1]) continue;
        if (I->op == I_BR) { if (I->n == 3 && internal(m, I->o[2])) return 0; continue; }
        if (I->op == I_SWITCH) { if (I->n && internal(m, I->o[0])) return 0; continue; }
        uint32_t step = I->op == I_PHI ? 2 : 1;       /* a phi's operands: value, block */
        for (uint32_t k = 0; k < I->n; k += step)
            if (internal(m, I->o[k])) return 0;
    }
    return 1;
}

/* A single-block counted loop: block bb branches to itself and to exit,
 * leaving when (n_next == end) == leave_if_equal, n_next = n + step, and
 * steps an index x by unroll (1..max_unroll; x may be n) */
typedef struct Counted {
    uint32_t bb, exit, x, x_next, unroll, n, n_next, step, end;
    int leave_if_equal;
    int x_aligned;               /* x stays a multiple of unroll: `or x, k` is x + k */
    const Ins *branch, *test, *n_phi, *x_phi;
} Counted;

static int counted_loop(E *e, const FnIR *ir, uint32_t bb, uint32_t max_unroll, Counted *c) {
    uint32_t first = ir->bb[bb], last = ir->bb[bb + 1] - 1;
    const Ins *T = &ir->ins[last];
    if (T->op != I_BR || T->n != 3 || (T->o[0] == bb) == (T->o[1] == bb) || last + 1 - first > 64) return 0;
    memset(c, 0, sizeof *c);
    c->bb = bb; c->branch = T;
    c->exit = T->o[0] == bb ? T->o[1] : T->o[0];
    /* the exit test: icmp eq/ne n_next, end */
    const Ins *C = c->test = def_in(ir, bb, T->o[2]);
    if (!C || C->op != I_CMP || (C->sub != ICMP_EQ && C->sub != ICMP_NE) || !is_i32(e, C->ty2)) return 0;
    c->n_next = C->o[0]; c->end = C->o[1];
    if (!invariant(ir, bb, c->end)) return 0;
    c->leave_if_equal = (C->sub == ICMP_EQ) == (T->o[0] == c->exit);
    if (!add_const(e, ir, bb, c->n_next, &c->n, &c->step) || !(c->n_phi = loop_phi(ir, bb, c->n, c->n_next))) return 0;
    /* the index: an i32 phi stepped by a constant, other than n if there is one */
    c->x = NOTY;
    for (uint32_t i = first; i < last && ir->ins[i].op == I_PHI; i++) {
        const Ins *P = &ir->ins[i];
        if (!is_i32(e, P->ty)) continue;
        uint32_t next = NOTY, p, stride;
        for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == bb) next = P->o[k];
        if (P == c->n_phi && c->x != NOTY) continue;
        if (!add_const(e, ir, bb, next, &p, &stride) || p != P->id || stride == 0 || stride > max_unroll) continue;
        if (c->x == NOTY || c->x == c->n) { c->x = P->id; c->x_next = next; c->unroll = stride; }
    }
    if (c->x == NOTY) return 0;
    const Ins *XP = c->x_phi = def_in(ir, bb, c->x);
    /* `or x, k` is x + k only while x is a multiple of unroll (a power of two): every entry value is */
    c->x_aligned = !(c->unroll & (c->unroll - 1));
    for (uint32_t k = 0; k + 1 < XP->n; k += 2) {
        uint32_t v;
        if (XP->o[k + 1] == bb) continue;
        if (!int_const(e, XP->o[k], &v) || v % c->unroll) c->x_aligned = 0;
    }
    return 1;
}

/* the loop's own instructions (branch, test, counter and index) are the pattern's */
static void mark_counter(Match *m, const Counted *c) {
    mark(m, c->branch); mark(m, c->test);
    mark(m, def_in(m->ir, c->bb, c->n_next)); mark(m, c->n_phi);
    mark(m, c->x_phi); mark(m, def_in(m->ir, c->bb, c->x_next));
}

/* every instruction of the block is the pattern's */
static int all_used(const Match *m) {
    for (uint32_t i = 0; i < m->ir->bb[m->bb + 1] - m->ir->bb[m->bb]; i++) if (!m->used[i]) return 0;
    return 1;
}

/* a pointer bitcast is no code (lowering forwards them: its users read its operand); a user
   of one that is not the pattern's is not marked either */
static void mark_pointer_casts(Match *m) {
    for (uint32_t i = m->ir->bb[m->bb]; i < m->ir->bb[m->bb + 1]; i++) {
        const Ins *I = &m->ir->ins[i];
        if (I->op == I_CAST && I->sub == CAST_BITCAST && m->e->ty[I->ty].k == TK_PTR) mark(m, I);
    }
}

/* block bb is a dot-product loop but for what is used after it (only_outputs_escape) */
static int shape(E *e, const FnIR *ir, uint32_t bb, DotLoop *d, int only) {
    Counted c;
    memset(d, 0, sizeof *d);
    if (!counted_loop(e, ir, bb, MAX_UNROLL, &c)) return 0;
    d->bb = bb; d->exit = c.exit; d->x = c.x; d->x_next = c.x_next; d->unroll = c.unroll;
    d->n = c.n; d->n_next = c.n_next; d->step = c.step; d->end = c.end; d->leave_if_equal = c.leave_if_equal;
    /* the sums: the block's other phis, all of one type (float, double, or i32 lanes), each taking acc_next from the loop */
    uint32_t sum_ty = NOTY;
    for (uint32_t i = ir->bb[bb]; ir->ins[i].op == I_PHI; i++) {
        const Ins *P = &ir->ins[i];
        if (P->id == c.x || P->id == c.n) continue;
        if (d->nsums == MAX_DOT_SUMS || (sum_ty != NOTY && P->ty != sum_ty)) return 0;
        sum_ty = P->ty;
        d->acc[d->nsums] = P->id;
        for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == bb) d->acc_next[d->nsums] = P->o[k];
        if (!d->acc_next[d->nsums++]) return 0;
    }
    if (!d->nsums) return 0;
    const Ty *t = &e->ty[sum_ty];
    uint32_t lane_ty = t->k == TK_VEC ? t->elt : sum_ty;
    d->lanes = t->k == TK_VEC ? t->w : 1;
    d->integer = is_i32(e, lane_ty); d->dbl = e->ty[lane_ty].k == TK_DBL;
    if (d->integer ? (only & DOT_FLOATS_ONLY) || d->lanes > MAX_UNROLL
                   : (!d->dbl && e->ty[lane_ty].k != TK_FLT) || d->nsums != 1 || d->lanes != 1) return 0;
    uint8_t used[64] = { 0 };
    Match m = { .e = e, .ir = ir, .d = d, .used = used, .x_aligned = c.x_aligned, .bb = bb, .x = c.x, .unroll = c.unroll };
    if (!sums(&m) || ((only & DOT_CONTIGUOUS_ONLY) && !dot_loop_contiguous(d))) return 0;
    mark_counter(&m, &c);
    for (uint32_t j = 0; j < d->nsums; j++) mark(&m, def_in(ir, bb, d->acc[j]));
    mark_pointer_casts(&m);
    return all_used(&m);
}

/* the values d's backend writes when it leaves */
static void outputs(const DotLoop *d, uint32_t out[2 + MAX_DOT_SUMS]) {
    out[0] = d->x_next; out[1] = d->n_next;
    for (uint32_t j = 0; j < MAX_DOT_SUMS; j++) out[2 + j] = j < d->nsums ? d->acc_next[j] : NOTY;
}

int match_dot_loop(E *e, const FnIR *ir, uint32_t bb, DotLoop *d, int only) {
    if (!shape(e, ir, bb, d, only)) return 0;
    Match m = { .e = e, .ir = ir, .bb = bb };
    outputs(d, m.out);
    return only_outputs_escape(&m);
}

/* the operands of I that are values (not blocks), as only_outputs_escape reads them: o[*k0 .. n) by step */
static void value_operands(const Ins *I, uint32_t *k0, uint32_t *n, uint32_t *step) {
    *k0 = 0; *n = I->n; *step = I->op == I_PHI ? 2 : 1;
    if (I->op == I_BR) { *k0 = 2; *n = I->n == 3 ? 3 : 0; }
    else if (I->op == I_SWITCH) *n = I->n ? 1 : 0;
}

int match_dot_loops(E *e, const FnIR *ir, DotLoop *d, int only) {
    uint32_t found = 0, base = ir->base, nloc = e->nv - ir->base;
    for (uint32_t bb = 0; bb < ir->nbb; bb++) {
        if (shape(e, ir, bb, &d[bb], only)) found++;
        else d[bb].unroll = 0;
    }
    if (!found) return 0;
    /* owner[v]: 1 + the candidate block whose internal value v is */
    uint32_t *owner = ealloc(e, 4 * nloc + 4);
    if (!owner) return -1;
    for (uint32_t bb = 0; bb < ir->nbb; bb++) {
        if (!d[bb].unroll) continue;
        uint32_t out[2 + MAX_DOT_SUMS];
        outputs(&d[bb], out);
        for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1]; i++) {
            uint32_t v = ir->ins[i].id, k = 0;
            while (k < 2 + MAX_DOT_SUMS && v != out[k]) k++;
            if (v != NOTY && v >= base && v - base < nloc && k == 2 + MAX_DOT_SUMS) owner[v - base] = bb + 1;
        }
    }
    for (uint32_t bb = 0; bb < ir->nbb; bb++)
        for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1]; i++) {
            uint32_t k, n, step, v;
            value_operands(&ir->ins[i], &k, &n, &step);
            for (; k < n; k += step)
                if ((v = ir->ins[i].o[k]) >= base && v - base < nloc && owner[v - base] && owner[v - base] != bb + 1)
                    d[owner[v - base] - 1].unroll = 0;
        }
    efree(e, owner);
    found = 0;
    for (uint32_t bb = 0; bb < ir->nbb; bb++) if (d[bb].unroll) found++;
    return (int)found;
}

/* ---- multiply-add loops (AxpyLoop) ---- */
#define MAX_AXPY_UNROLL 16

static int same_array(const Place *p, const Place *q) {
    return p->base == q->base && p->row == q->row && (p->row == NOTY || p->row_size == q->row_size);
}
/* `load ty, p` in the block (not volatile) and where it reads */
static int group_load(Match *m, uint32_t v, uint32_t ty, uint32_t size, Place *pl) {
    const Ins *L = def_in(m->ir, m->bb, v);
    if (!L || L->op != I_LOAD || L->vol || L->ty != ty || !place_of(m, L->o[0], size, pl)) return 0;
    mark(m, L);
    return 1;
}

/* the scalar a splat vector v repeats (shufflevector of insertelement(undef, s, 0)
 * by zeroinitializer, defined before the loop), else v */
static uint32_t splat_source(const Match *m, uint32_t v) {
    E *e = m->e;
    for (uint32_t i = 0; i < m->ir->nins; i++) {
        const Ins *S = &m->ir->ins[i], *In = 0;
        if (S->id != v) continue;
        if (S->op != I_SHUF || e->v[S->o[2]].k != V_CNULL) return v;
        for (uint32_t j = 0; j < m->ir->nins; j++) if (m->ir->ins[j].id == S->o[0]) In = &m->ir->ins[j];
        uint64_t at;
        if (!In || In->op != I_INSELT || e->v[In->o[0]].k != V_CUNDEF || const_scalar(e, In->o[2], &at) || at) return v;
        return In->o[1];
    }
    return v;
}

/* store S is one group of a pass: ys[x + o ..] = a * xs[x + o ..] + ys[x + o ..]
 * (o in *o; the first group sets d's arrays, factor and lanes, the others must agree) */
static int axpy_group(Match *m, AxpyLoop *d, const Ins *S, uint32_t *o) {
    E *e = m->e;
    uint32_t vt = e->v[S->o[1]].ty;
    Ty *t = &e->ty[vt];
    uint32_t lanes = t->k == TK_VEC ? t->w : 1, et = t->k == TK_VEC ? t->elt : vt;
    if (S->vol || (e->ty[et].k != TK_FLT && e->ty[et].k != TK_DBL) || lanes > 4 || (lanes & (lanes - 1))) return 0;
    int dbl = e->ty[et].k == TK_DBL;
    uint32_t size = dbl ? 8 : 4;
    if (d->lanes && (d->lanes != lanes || d->dbl != dbl)) return 0;
    d->lanes = lanes; d->dbl = dbl;
    /* the value: fmuladd(p, q, r), or fadd(fmul(p, q), r) either way round */
    const Ins *V = def_in(m->ir, m->bb, S->o[1]);
    uint32_t p, q, r;
    if (!V) return 0;
    if (is_fmuladd(e, V)) { p = V->o[1]; q = V->o[2]; r = V->o[3]; }
    else if (V->op == I_BIN && V->sub == BIN_ADD && V->ty == vt) {
        const Ins *M0 = def_in(m->ir, m->bb, V->o[0]), *M1 = def_in(m->ir, m->bb, V->o[1]);
        const Ins *Mul = M0 && M0->op == I_BIN && M0->sub == BIN_MUL ? M0 : M1 && M1->op == I_BIN && M1->sub == BIN_MUL ? M1 : 0;
        if (!Mul || Mul->ty != vt) return 0;
        p = Mul->o[0]; q = Mul->o[1]; r = Mul == M0 ? V->o[1] : V->o[0];
        mark(m, Mul);
    } else return 0;
    mark(m, V);
    /* one factor invariant (a), the other a load of xs; r a load of ys where S stores */
    uint32_t a = invariant(m->ir, m->bb, p) ? p : invariant(m->ir, m->bb, q) ? q : NOTY, xl = a == p ? q : p;
    Place sp, xp, yp;
    if (a != NOTY) a = splat_source(m, a);
    if (a == NOTY || (d->a != NOTY && d->a != a)) return 0;
    d->a = a;
    if (!place_of(m, S->o[0], size, &sp) || !group_load(m, xl, vt, size, &xp) || !group_load(m, r, vt, size, &yp)
        || sp.off != NOTY || xp.off != NOTY || yp.off != NOTY) return 0;
    if (!same_array(&sp, &yp) || sp.bytes != yp.bytes || xp.bytes != sp.bytes || sp.bytes < 0 || sp.bytes % (int32_t)(size * lanes)) return 0;
    Place xs = { .base = d->xs, .row = d->xs_row, .row_size = d->xs_row_size }, ys = { .base = d->ys, .row = d->ys_row, .row_size = d->ys_row_size };
    if (d->xs != NOTY && (!same_array(&xs, &xp) || !same_array(&ys, &yp))) return 0;
    d->xs = xp.base; d->xs_row = xp.row; d->xs_row_size = xp.row_size;
    d->ys = yp.base; d->ys_row = yp.row; d->ys_row_size = yp.row_size;
    mark(m, S);
    *o = (uint32_t)sp.bytes / size;
    return 1;
}

/* block bb is a multiply-add loop (filled in *d) */
static int axpy_loop(E *e, const FnIR *ir, uint32_t bb, AxpyLoop *d) {
    Counted c;
    memset(d, 0, sizeof *d);
    if (!counted_loop(e, ir, bb, MAX_AXPY_UNROLL, &c) || !c.leave_if_equal || !c.step) return 0;
    uint8_t used[64] = { 0 };
    Match m = { .e = e, .ir = ir, .used = used, .x_aligned = c.x_aligned, .bb = bb, .x = c.x, .unroll = c.unroll,
                .out = { c.x_next, c.n_next, NOTY } };
    uint32_t covered = 0, o;              /* the elements of a pass the groups store, a bit each */
    d->a = d->xs = NOTY;
    for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1]; i++) {
        if (ir->ins[i].op != I_STORE) continue;
        if (!axpy_group(&m, d, &ir->ins[i], &o) || o + d->lanes > c.unroll) return 0;
        uint32_t bits = ((1u << d->lanes) - 1) << o;
        if (covered & bits) return 0;
        covered |= bits;
    }
    if (covered != (1u << c.unroll) - 1) return 0;
    mark_counter(&m, &c);
    mark_pointer_casts(&m);
    if (!all_used(&m) || !only_outputs_escape(&m)) return 0;
    d->bb = bb; d->exit = c.exit; d->unroll = c.unroll; d->x = c.x; d->x_next = c.x_next;
    d->n = c.n; d->n_next = c.n_next; d->step = c.step; d->end = c.end;
    return 1;
}

int match_axpy_loops(E *e, const FnIR *ir, AxpyLoop *d) {
    int found = 0;
    for (uint32_t bb = 0; bb < ir->nbb; bb++) found += axpy_loop(e, ir, bb, &d[bb]);
    return found;
}
