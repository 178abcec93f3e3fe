/* IR patterns (patterns.h): recognised on the verified function IR, shared
 * by lowering and the JIT. */
#include "patterns.h"

enum { BIN_ADD = 0, BIN_MUL = 2, BIN_OR = 11, ICMP_EQ = 32, ICMP_NE = 33, CAST_BITCAST = 11 };
#define MAX_UNROLL 8

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
    uint32_t out[3];             /* the values a backend writes when it leaves (NOTY: fewer) */
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

/* where a load of the loop reads: base + row * row_size + index * stride */
typedef struct Access { uint32_t base, index, stride, row, row_size; } Access;

/* `load elt, (gep T, base, i1, i2, ...)` in the loop, T an element or an
 * array (of arrays) of them, base invariant, and of the indices one in the
 * block (the element's: index), at most one other invariant (row) and the
 * rest 0: a[i], a[0][i], a[r][i], a[i][c] */
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
        if (int_const(e, x, &c)) { if (c) return 0; }
        else if (invariant(m->ir, m->bb, x)) { if (at->row != NOTY) return 0; at->row = x; at->row_size = size; }
        else { if (at->index != NOTY) return 0; at->index = x; at->stride = size; }
    }
    if (t != L->ty || at->index == NOTY) return 0;
    mark(m, L); mark(m, G);
    return 1;
}

/* product p * q of lane k: one load at x + k, the other at x + k or (x + k) + off */
static int product(Match *m, uint32_t p, uint32_t q, int k) {
    DotLoop *d = m->d;
    Access P, Q;
    if (!element_load(m, p, &P) || !element_load(m, q, &Q)) return 0;
    for (int swap = 0; swap < 2; swap++) {
        const Access *a = swap ? &Q : &P, *b = swap ? &P : &Q;
        if (lane_of(m, b->index) != k) continue;
        uint32_t off = NOTY;
        if (a->index != b->index) {
            const Ins *A = def_in(m->ir, d->bb, a->index);
            if (!A || A->op != I_BIN || A->sub != BIN_ADD || !is_i32(m->e, A->ty)) continue;
            uint32_t lane_v = A->o[0] == b->index ? A->o[0] : A->o[1] == b->index ? A->o[1] : NOTY;
            if (lane_v == NOTY) continue;
            off = lane_v == A->o[0] ? A->o[1] : A->o[0];
            if (!invariant(m->ir, d->bb, off) || a->row != NOTY || a->stride != (d->dbl ? 8u : 4u)) continue;
            mark(m, A);
        }
        if (k == 0) {
            d->a = a->base; d->b = b->base; d->off = off;
            d->a_stride = a->stride; d->a_row = a->row; d->a_row_size = a->row_size;
            d->b_stride = b->stride; d->b_row = b->row; d->b_row_size = b->row_size;
        }
        if (d->a != a->base || d->b != b->base || d->off != off || d->a_stride != a->stride || d->a_row != a->row
            || d->b_stride != b->stride || d->b_row != b->row || (a->row != NOTY && d->a_row_size != a->row_size)
            || (b->row != NOTY && d->b_row_size != b->row_size)) return 0;
        return 1;
    }
    return 0;
}

/* the chain of sums from acc_next back to the acc phi: products in lane order */
static int sums(Match *m) {
    DotLoop *d = m->d;
    uint32_t pq[MAX_UNROLL][2], n = 0, v = d->acc_next;
    while (v != d->acc) {
        const Ins *S = def_in(m->ir, d->bb, v);
        if (!S || n == MAX_UNROLL) return 0;
        if (is_fmuladd(m->e, S)) {
            pq[n][0] = S->o[1]; pq[n][1] = S->o[2]; v = S->o[3];
        } else if (S->op == I_BIN && S->sub == BIN_ADD && S->ty == m->e->v[d->acc].ty) {
            const Ins *M0 = def_in(m->ir, d->bb, S->o[0]), *M1 = def_in(m->ir, d->bb, S->o[1]);
            const Ins *Mul = M1 && M1->op == I_BIN && M1->sub == BIN_MUL ? M1 : M0 && M0->op == I_BIN && M0->sub == BIN_MUL ? M0 : 0;
            if (!Mul) return 0;
            pq[n][0] = Mul->o[0]; pq[n][1] = Mul->o[1];
            v = Mul == M1 ? S->o[0] : S->o[1];
            mark(m, Mul);
        } else return 0;
        mark(m, S);
        n++;
    }
    if (n != d->unroll) return 0;
    for (uint32_t k = 0; k < n; k++)
        if (!product(m, pq[n - 1 - k][0], pq[n - 1 - k][1], (int)k)) return 0;
    return 1;
}

/* is v one of the block's values that a backend does not write when it leaves?
 * (lo..hi: the values the block defines, numbered in order) */
static int internal(const Match *m, uint32_t v) {
    return v >= m->lo && v <= m->hi && v != m->out[0] && v != m->out[1] && v != m->out[2] && def_in(m->ir, m->bb, v);
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

/* block bb is a dot-product loop but for what is used after it (only_outputs_escape) */
static int shape(E *e, const FnIR *ir, uint32_t bb, DotLoop *d) {
    Counted c;
    memset(d, 0, sizeof *d);
    if (!counted_loop(e, ir, bb, MAX_UNROLL, &c)) return 0;
    d->bb = bb; d->exit = c.exit; d->x = c.x; d->x_next = c.x_next; d->unroll = c.unroll;
    d->n = c.n; d->n_next = c.n_next; d->step = c.step; d->end = c.end; d->leave_if_equal = c.leave_if_equal;
    /* the sum: the float/double phi taking acc_next from the loop */
    for (uint32_t i = ir->bb[bb]; ir->ins[i].op == I_PHI; i++) {
        const Ins *P = &ir->ins[i];
        Ty *t = &e->ty[P->ty];
        if (t->k != TK_FLT && t->k != TK_DBL) continue;
        if (d->acc) return 0;
        d->acc = P->id; d->dbl = t->k == TK_DBL;
        for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == bb) d->acc_next = P->o[k];
    }
    if (!d->acc || !d->acc_next) return 0;
    uint8_t used[64] = { 0 };
    Match m = { .e = e, .ir = ir, .d = d, .used = used, .x_aligned = c.x_aligned, .bb = bb, .x = c.x, .unroll = c.unroll };
    if (!sums(&m)) return 0;
    mark_counter(&m, &c);
    mark(&m, def_in(ir, bb, d->acc));
    return all_used(&m);
}

int match_dot_loop(E *e, const FnIR *ir, uint32_t bb, DotLoop *d, int contiguous_only) {
    if (!shape(e, ir, bb, d) || (contiguous_only && !dot_loop_contiguous(d))) return 0;
    Match m = { .e = e, .ir = ir, .bb = bb, .out = { d->x_next, d->n_next, d->acc_next } };
    return only_outputs_escape(&m);
}

/* the operands of I that are values (not blocks), as only_outputs_escape reads them: o[*k0 .. n) by step */
static void value_operands(const Ins *I, uint32_t *k0, uint32_t *n, uint32_t *step) {
    *k0 = 0; *n = I->n; *step = I->op == I_PHI ? 2 : 1;
    if (I->op == I_BR) { *k0 = 2; *n = I->n == 3 ? 3 : 0; }
    else if (I->op == I_SWITCH) *n = I->n ? 1 : 0;
}

int match_dot_loops(E *e, const FnIR *ir, DotLoop *d, int contiguous_only) {
    uint32_t found = 0, base = ir->base, nloc = e->nv - ir->base;
    for (uint32_t bb = 0; bb < ir->nbb; bb++) {
        if (shape(e, ir, bb, &d[bb]) && (!contiguous_only || dot_loop_contiguous(&d[bb]))) found++;
        else d[bb].unroll = 0;
    }
    if (!found) return 0;
    /* owner[v]: 1 + the candidate block whose internal value v is */
    uint32_t *owner = ealloc(e, 4 * nloc + 4);
    if (!owner) return -1;
    for (uint32_t bb = 0; bb < ir->nbb; bb++) {
        if (!d[bb].unroll) continue;
        for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1]; i++) {
            uint32_t v = ir->ins[i].id;
            if (v != NOTY && v >= base && v - base < nloc && v != d[bb].x_next && v != d[bb].n_next && v != d[bb].acc_next)
                owner[v - base] = bb + 1;
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

/* where an access of the loop lands: base + row * row_size + x * size + bytes */
typedef struct Place { uint32_t base, row, row_size; int32_t bytes; } Place;

/* the place pointer p points to: computed in the block by GEPs and pointer
 * bitcasts from an invariant base, x (or x + k, x | k) one index of the
 * chain, scaled by the element size, the rest constants and at most one
 * invariant row index */
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
    if (invariant(m->ir, m->bb, I->o[0])) { pl->base = I->o[0]; pl->row = NOTY; pl->row_size = 0; pl->bytes = 0; }
    else if (place_of(m, I->o[0], size, pl)) has_x = 1;
    else return 0;
    uint32_t t = I->ty2;
    for (uint32_t k = 1; k < I->n; k++) {
        if (k > 1) { if (e->ty[t].k != TK_ARR) return 0; t = e->ty[t].elt; }
        uint32_t v = I->o[k], c, tsize = ty_size(e, t);
        int lane;
        if (!is_i32(e, e->v[v].ty)) return 0;
        if (int_const(e, v, &c)) pl->bytes += (int32_t)(c * tsize);
        else if (invariant(m->ir, m->bb, v)) { if (pl->row != NOTY || has_x) return 0; pl->row = v; pl->row_size = tsize; }
        else if (!has_x && tsize == size && (lane = lane_of(m, v)) >= 0) { has_x = 1; pl->bytes += lane * (int32_t)size; }
        else return 0;
    }
    if (!has_x) return 0;
    mark(m, I);
    return 1;
}
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
    if (!place_of(m, S->o[0], size, &sp) || !group_load(m, xl, vt, size, &xp) || !group_load(m, r, vt, size, &yp)) return 0;
    if (!same_array(&sp, &yp) || sp.bytes != yp.bytes || xp.bytes != sp.bytes || sp.bytes < 0 || sp.bytes % (int32_t)(size * lanes)) return 0;
    Place xs = { d->xs, d->xs_row, d->xs_row_size, 0 }, ys = { d->ys, d->ys_row, d->ys_row_size, 0 };
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
    /* a pointer bitcast is no code (lowering forwards them: its users read its operand); a user
       of one that is not the pattern's is not marked either */
    for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1]; i++)
        if (ir->ins[i].op == I_CAST && ir->ins[i].sub == CAST_BITCAST && e->ty[ir->ins[i].ty].k == TK_PTR) mark(&m, &ir->ins[i]);
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
