/* IR patterns (patterns.h): recognised on the verified function IR, shared
 * by lowering and the JIT. */
#include "patterns.h"

enum { BIN_ADD = 0, BIN_MUL = 2, BIN_OR = 11, ICMP_EQ = 32, ICMP_NE = 33 };
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
} Match;

static void mark(Match *m, const Ins *I) { m->used[I - &m->ir->ins[m->ir->bb[m->d->bb]]] = 1; }

/* the lane of index value v: 0 for x, k for `or x, k` / `add x, k`; -1 otherwise */
static int lane_of(Match *m, uint32_t v) {
    if (v == m->d->x) return 0;
    const Ins *I = def_in(m->ir, m->d->bb, v);
    uint32_t k;
    if (!I || I->op != I_BIN || !is_i32(m->e, I->ty) || I->o[0] != m->d->x || !int_const(m->e, I->o[1], &k)) return -1;
    if (I->sub == BIN_OR && !m->x_aligned) return -1;
    if ((I->sub != BIN_ADD && I->sub != BIN_OR) || k == 0 || k >= MAX_UNROLL) return -1;
    mark(m, I);
    return (int)k;
}

/* `load elt, (gep elt, base, index | gep [N x elt], base, 0, index)` in the
 * loop: base (invariant: the address of element 0 either way) and index */
static int element_load(Match *m, uint32_t v, uint32_t *base, uint32_t *index) {
    E *e = m->e;
    const Ins *L = def_in(m->ir, m->d->bb, v);
    if (!L || L->op != I_LOAD || L->vol) return 0;
    const Ins *G = def_in(m->ir, m->d->bb, L->o[0]);
    if (!G || G->op != I_GEP || !invariant(m->ir, m->d->bb, G->o[0])) return 0;
    uint32_t zero;
    int plain = G->n == 2 && G->ty2 == L->ty;
    int array = G->n == 3 && e->ty[G->ty2].k == TK_ARR && e->ty[G->ty2].elt == L->ty && int_const(e, G->o[1], &zero) && zero == 0;
    if ((!plain && !array) || !is_i32(e, e->v[G->o[G->n - 1]].ty)) return 0;
    mark(m, L); mark(m, G);
    *base = G->o[0]; *index = G->o[G->n - 1];
    return 1;
}

/* product p * q of lane k: one load at x + k, the other at x + k or (x + k) + off */
static int product(Match *m, uint32_t p, uint32_t q, int k) {
    DotLoop *d = m->d;
    uint32_t pb, pi, qb, qi;
    if (!element_load(m, p, &pb, &pi) || !element_load(m, q, &qb, &qi)) return 0;
    for (int swap = 0; swap < 2; swap++) {
        uint32_t ab = swap ? qb : pb, ai = swap ? qi : pi, bb = swap ? pb : qb, bi = swap ? pi : qi;
        if (lane_of(m, bi) != k) continue;
        uint32_t off = NOTY;
        if (ai != bi) {
            const Ins *A = def_in(m->ir, d->bb, ai);
            if (!A || A->op != I_BIN || A->sub != BIN_ADD || !is_i32(m->e, A->ty)) continue;
            uint32_t lane_v = A->o[0] == bi ? A->o[0] : A->o[1] == bi ? A->o[1] : NOTY;
            if (lane_v == NOTY) continue;
            off = lane_v == A->o[0] ? A->o[1] : A->o[0];
            if (!invariant(m->ir, d->bb, off)) continue;
            mark(m, A);
        }
        if (k == 0) { d->a = ab; d->b = bb; d->off = off; }
        if (d->a != ab || d->b != bb || d->off != off) return 0;
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
    const DotLoop *d = m->d;
    return v >= m->lo && v <= m->hi && v != d->x_next && v != d->n_next && v != d->acc_next && def_in(m->ir, d->bb, v);
}

/* no value of the block but the three outputs is used outside it */
static int only_outputs_escape(const Match *m) {
    const FnIR *ir = m->ir;
    const DotLoop *d = m->d;
    for (uint32_t i = 0; i < ir->nins; i++) {
        const Ins *I = &ir->ins[i];
        if (i >= ir->bb[d->bb] && i < ir->bb[d->bb + 1]) continue;
        if (I->op == I_BR) { if (I->n == 3 && internal(m, I->o[2])) return 0; continue; }
        if (I->op == I_SWITCH) { if (I->n && internal(m, I->o[0])) return 0; continue; }
        uint32_t step = I->op == I_PHI ? 2 : 1;       /* a phi's operands: value, block */
        for (uint32_t k = 0; k < I->n; k += step)
            if (internal(m, I->o[k])) return 0;
    }
    return 1;
}

/* block bb is a dot-product loop but for what is used after it (only_outputs_escape) */
static int shape(E *e, const FnIR *ir, uint32_t bb, DotLoop *d) {
    uint32_t first = ir->bb[bb], last = ir->bb[bb + 1] - 1, len = last + 1 - first;
    const Ins *T = &ir->ins[last];
    if (T->op != I_BR || T->n != 3 || (T->o[0] == bb) == (T->o[1] == bb) || len > 64) return 0;
    memset(d, 0, sizeof *d);
    d->bb = bb;
    d->exit = T->o[0] == bb ? T->o[1] : T->o[0];
    /* the exit test: icmp eq/ne n_next, end */
    const Ins *C = def_in(ir, bb, T->o[2]);
    if (!C || C->op != I_CMP || (C->sub != ICMP_EQ && C->sub != ICMP_NE) || !is_i32(e, C->ty2)) return 0;
    d->n_next = C->o[0]; d->end = C->o[1];
    if (!invariant(ir, bb, d->end)) return 0;
    d->leave_if_equal = (C->sub == ICMP_EQ) == (T->o[0] == d->exit);
    if (!add_const(e, ir, bb, d->n_next, &d->n, &d->step) || !loop_phi(ir, bb, d->n, d->n_next)) return 0;
    /* the sum: the float/double phi taking acc_next from the loop */
    for (uint32_t i = first; i < last && ir->ins[i].op == I_PHI; i++) {
        const Ins *P = &ir->ins[i];
        Ty *t = &e->ty[P->ty];
        if (t->k != TK_FLT && t->k != TK_DBL) continue;
        if (d->acc) return 0;
        d->acc = P->id; d->dbl = t->k == TK_DBL;
        for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == bb) d->acc_next = P->o[k];
    }
    if (!d->acc || !d->acc_next) return 0;
    /* the index: a phi stepped by the unroll factor, other than n if there is one */
    const Ins *NP = def_in(ir, bb, d->n);
    d->x = NOTY;
    for (uint32_t i = first; i < last && ir->ins[i].op == I_PHI; i++) {
        const Ins *P = &ir->ins[i];
        if (P->id == d->acc || !is_i32(e, P->ty)) continue;
        uint32_t next = NOTY, p, stride;
        for (uint32_t k = 0; k + 1 < P->n; k += 2) if (P->o[k + 1] == bb) next = P->o[k];
        if (P == NP && d->x != NOTY) continue;
        if (!add_const(e, ir, bb, next, &p, &stride) || p != P->id || stride == 0 || stride > MAX_UNROLL) continue;
        if (d->x == NOTY || d->x == d->n) { d->x = P->id; d->x_next = next; d->unroll = stride; }
    }
    if (d->x == NOTY) return 0;
    const Ins *XP = def_in(ir, bb, d->x);
    uint8_t used[64] = { 0 };
    Match m = { e, ir, d, used, 1 };
    /* `or x, k` is x + k only while x is a multiple of unroll (a power of two): every entry value is */
    if (d->unroll & (d->unroll - 1)) m.x_aligned = 0;
    for (uint32_t k = 0; k + 1 < XP->n; k += 2) {
        uint32_t c;
        if (XP->o[k + 1] == bb) continue;
        if (!int_const(e, XP->o[k], &c) || c % d->unroll) m.x_aligned = 0;
    }
    if (!sums(&m)) return 0;
    /* every instruction of the block is the pattern's */
    mark(&m, T); mark(&m, C);
    mark(&m, def_in(ir, bb, d->n_next)); mark(&m, NP);
    mark(&m, XP); mark(&m, def_in(ir, bb, d->x_next));
    mark(&m, def_in(ir, bb, d->acc));
    for (uint32_t i = 0; i < len; i++) if (!used[i]) return 0;
    return 1;
}

int match_dot_loop(E *e, const FnIR *ir, uint32_t bb, DotLoop *d) {
    if (!shape(e, ir, bb, d)) return 0;
    Match m = { e, ir, d, 0, 1, NOTY, 0 };
    for (uint32_t i = ir->bb[bb]; i < ir->bb[bb + 1]; i++) {
        uint32_t v = ir->ins[i].id;
        if (v == NOTY) continue;
        if (v < m.lo) m.lo = v;
        if (v > m.hi) m.hi = v;
    }
    return only_outputs_escape(&m);
}

/* the operands of I that are values (not blocks), as only_outputs_escape reads them: o[*k0 .. n) by step */
static void value_operands(const Ins *I, uint32_t *k0, uint32_t *n, uint32_t *step) {
    *k0 = 0; *n = I->n; *step = I->op == I_PHI ? 2 : 1;
    if (I->op == I_BR) { *k0 = 2; *n = I->n == 3 ? 3 : 0; }
    else if (I->op == I_SWITCH) *n = I->n ? 1 : 0;
}

int match_dot_loops(E *e, const FnIR *ir, DotLoop *d) {
    uint32_t found = 0, base = ir->base, nloc = e->nv - ir->base;
    for (uint32_t bb = 0; bb < ir->nbb; bb++) {
        if (shape(e, ir, bb, &d[bb])) found++;
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
