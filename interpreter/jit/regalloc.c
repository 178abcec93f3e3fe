/* Register allocation for the JIT: live intervals over the function's
 * instructions in a linear order of its blocks, then linear scan.
 *
 * The order (order_blocks) is a reverse postorder that keeps each loop's
 * blocks together: a value live around a loop then spans the loop, not
 * whatever the source placed between its header and its latch (clang puts a
 * rotated loop's preheader-side copy after the loops that follow it).
 * Positions are indices in that order. A value's interval is the hull of
 * every point where it is live (liveness per block, to a fixpoint), its
 * definition and its uses; a phi is also live where its incoming edges
 * write it (the ends of its predecessors), and a phi's incoming value is
 * used at the end of that predecessor. The hull over-approximates (a value
 * may be dead in parts of it), never under: two values whose hulls do not
 * meet can share a register whatever the order.
 *
 * Linear scan then walks the intervals by start. A value gets a free
 * register of its class that it may take (ECX and EDX only where nothing in
 * its interval writes them: the caller says which, per value); when none is
 * free, the one a register is worth least to among it and those holding
 * registers it may take stays in memory for its whole life: every value has
 * a frame slot, so nothing is split or reloaded. What a register is worth:
 * the value's uses, weighted 8x per loop level, per instruction its interval
 * spans; but a general register's value spanning fewer than SHORT_SPAN
 * instructions counts as spanning that many: short temporaries then compare
 * by uses alone and no longer win every register from a loop's pointers or
 * an interpreter loop's pc and sp for being short (measured on the bench
 * programs: ranking general registers by uses alone kept those but sent the
 * temporaries to memory, crc's OSR-compiled loop 296M -> 332M instructions,
 * 288M with the floor; XMM registers do better without it: mandelbrot). A value whose one job after
 * some point is to become a phi's next value (phi_of: the caller checked that
 * the phi is read no more from its definition on) takes the phi's register
 * when the phi has one: the loop's back-edge then copies nothing. */
#include "jit.h"
#include "x86.h"

/* a use's weight: 8x per loop level, up to 5 levels (tinyllama's inner loops are 4 and 5 deep) */
static uint32_t loop_weight(uint32_t depth) { return depth >= 5 ? 1u << 15 : 1u << (3 * depth); }
static void add_weight(uint32_t *weight, uint32_t depth) {
    uint32_t w = *weight + loop_weight(depth);
    *weight = w < *weight ? 0xffffffffu : w;
}

/* the blocks b's terminator can jump to, into out (successor_buffer's room) */
static uint32_t successors(FnIR *ir, uint32_t b, uint32_t *out) {
    Ins *T = &ir->ins[ir->bb[b + 1] - 1];
    uint32_t n = 0;
    for (uint32_t k = 0; k < T->n; k++) {
        int is_block = T->op == I_BR ? k < 2 && k < T->n - (T->n == 3)
                     : T->op == I_SWITCH ? k == 1 || (k >= 3 && (k & 1))
                     : T->op == I_IBR ? k >= 1 : 0;
        if (is_block && T->o[k] < ir->nbb) out[n++] = T->o[k];
    }
    return n;
}

/* room successors() needs: the most operands a terminator has (a switch's or
   indirectbr's list can be long: the engine's dispatch loop has 311) */
static uint32_t *successor_buffer(E *e, FnIR *ir) {
    uint32_t most = 1;
    for (uint32_t b = 0; b < ir->nbb; b++) { uint32_t n = ir->ins[ir->bb[b + 1] - 1].n; if (n > most) most = n; }
    return ealloc(e, 4 * most);
}

static uint32_t block_end(FnIR *ir, uint32_t b) { return ir->bb[b + 1] - 1; }

/* The control-flow graph: block b's successors succ[sfirst[b] .. sfirst[b + 1]),
   its predecessors pred[pfirst[b] .. pfirst[b + 1]). */
typedef struct Cfg { uint32_t *sfirst, *succ, *pfirst, *pred; } Cfg;

static void free_cfg(E *e, Cfg *g) { efree(e, g->sfirst); efree(e, g->succ); efree(e, g->pfirst); efree(e, g->pred); }

static int build_cfg(E *e, FnIR *ir, Cfg *g) {
    uint32_t *buf = successor_buffer(e, ir), nb = ir->nbb, edges = 0;
    g->sfirst = ealloc(e, 4 * (nb + 1)); g->pfirst = ealloc(e, 4 * (nb + 2));
    if (!buf || !g->sfirst || !g->pfirst) { efree(e, buf); return -1; }
    for (uint32_t b = 0; b < nb; b++) {
        uint32_t n = successors(ir, b, buf);
        g->sfirst[b] = edges; edges += n;
        for (uint32_t i = 0; i < n; i++) g->pfirst[buf[i] + 2]++;
    }
    g->sfirst[nb] = edges;
    g->succ = ealloc(e, 4 * edges + 4); g->pred = ealloc(e, 4 * edges + 4);
    if (!g->succ || !g->pred) { efree(e, buf); return -1; }
    for (uint32_t b = 0; b < nb; b++) g->pfirst[b + 2] += g->pfirst[b + 1];
    for (uint32_t b = 0; b < nb; b++) {                    /* pfirst[b + 1] is where b's next predecessor goes */
        successors(ir, b, g->succ + g->sfirst[b]);
        for (uint32_t i = g->sfirst[b]; i < g->sfirst[b + 1]; i++) g->pred[g->pfirst[g->succ[i] + 1]++] = b;
    }
    efree(e, buf);
    return 0;
}

/* A depth-first walk from the entry: each block's successors in the order of
   g->succ. Calls back_edge for an edge to a block still on the walk's stack;
   appends each block to post[] when the walk leaves it; returns how many.
   state[b]: 0 not reached, 1 on the stack, 2 left. */
typedef struct Walk { uint32_t *state, *stack, *next, *post; } Walk;
static uint32_t depth_first(FnIR *ir, const Cfg *g, Walk *w, void (*back_edge)(void *ctx, uint32_t from, uint32_t to), void *ctx) {
    uint32_t sp = 0, n = 0;
    memset(w->state, 0, 4 * ir->nbb);
    w->stack[0] = 0; w->next[0] = g->sfirst[0]; w->state[0] = 1;
    for (;;) {
        uint32_t b = w->stack[sp];
        if (w->next[sp] < g->sfirst[b + 1]) {
            uint32_t s = g->succ[w->next[sp]++];
            if (w->state[s] == 1 && back_edge) back_edge(ctx, b, s);
            if (w->state[s]) continue;
            w->state[s] = 1; sp++; w->stack[sp] = s; w->next[sp] = g->sfirst[s];
            continue;
        }
        w->state[b] = 2; w->post[n++] = b;
        if (sp-- == 0) return n;
    }
}

/* the back-edges found by depth_first, as (latch, header) pairs */
typedef struct BackEdges { uint32_t *from, *to, n; } BackEdges;
static void note_back_edge(void *ctx, uint32_t from, uint32_t to) {
    BackEdges *x = ctx;
    x->from[x->n] = from; x->to[x->n++] = to;
}

/* depth[b]: how many natural loops hold block b. A header's loop is itself and
   every block that reaches one of its latches backwards without passing it.
   mark[b]: the header whose loop last counted b; work: the blocks to visit. */
static void loop_depths(FnIR *ir, const Cfg *g, const Walk *w, const BackEdges *x, uint32_t *mark, uint32_t *work, uint32_t *depth) {
    memset(depth, 0, 4 * ir->nbb);
    for (uint32_t b = 0; b < ir->nbb; b++) mark[b] = NOTY;
    for (uint32_t i = 0; i < x->n; i++) {
        uint32_t h = x->to[i], n = 0;
        if (mark[h] == h) continue;                        /* this header's loop is counted */
        mark[h] = h; depth[h]++;
        for (uint32_t k = i; k < x->n; k++)
            if (x->to[k] == h && mark[x->from[k]] != h) { mark[x->from[k]] = h; work[n++] = x->from[k]; }
        while (n) {
            uint32_t b = work[--n];
            depth[b]++;
            for (uint32_t p = g->pfirst[b]; p < g->pfirst[b + 1]; p++)
                if (w->state[g->pred[p]] == 2 && mark[g->pred[p]] != h) { mark[g->pred[p]] = h; work[n++] = g->pred[p]; }
        }
    }
}

/* each block's successors shallowest first (a stable insertion sort): the walk
   then reaches the one staying in the loop last, and reverse postorder puts it
   right after the block, the loop's exits after the loop */
static void successors_by_depth(FnIR *ir, Cfg *g, const uint32_t *depth) {
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = g->sfirst[b] + 1; i < g->sfirst[b + 1]; i++)
            for (uint32_t k = i, s = g->succ[i]; k > g->sfirst[b] && depth[g->succ[k - 1]] > depth[s]; k--) {
                g->succ[k] = g->succ[k - 1]; g->succ[k - 1] = s;
            }
}

/* pos[i]: instruction i's position in the order the intervals are measured
   in; at[p] the instruction at position p; depth[b] block b's loop nesting.
   Blocks no walk from the entry reaches go last, in index order. */
int order_blocks(E *e, FnIR *ir, uint32_t *pos, uint32_t *at, uint32_t *depth) {
    Cfg g = { 0 };
    Walk w = { 0 };
    BackEdges x = { 0 };
    uint32_t nb = ir->nbb, *mark = 0, *work = 0;
    int r = build_cfg(e, ir, &g);
    if (r == 0) {
        uint32_t edges = g.sfirst[nb];
        w.state = ealloc(e, 4 * nb + 4); w.stack = ealloc(e, 4 * nb + 4); w.next = ealloc(e, 4 * nb + 4); w.post = ealloc(e, 4 * nb + 4);
        x.from = ealloc(e, 4 * edges + 4); x.to = ealloc(e, 4 * edges + 4);
        mark = ealloc(e, 4 * nb + 4); work = ealloc(e, 4 * nb + 4);
        r = w.state && w.stack && w.next && w.post && x.from && x.to && mark && work ? 0 : -1;
    }
    if (r == 0) {
        depth_first(ir, &g, &w, note_back_edge, &x);
        loop_depths(ir, &g, &w, &x, mark, work, depth);
        successors_by_depth(ir, &g, depth);
        uint32_t n = depth_first(ir, &g, &w, NULL, NULL), p = 0;
        for (uint32_t k = n; k-- > 0; )
            for (uint32_t i = ir->bb[w.post[k]]; i < ir->bb[w.post[k] + 1]; i++) { pos[i] = p; at[p++] = i; }
        for (uint32_t b = 0; b < nb; b++)
            if (!w.state[b]) for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) { pos[i] = p; at[p++] = i; }
    }
    free_cfg(e, &g);
    efree(e, w.state); efree(e, w.stack); efree(e, w.next); efree(e, w.post); efree(e, x.from); efree(e, x.to); efree(e, mark); efree(e, work);
    return r;
}

static void live(uint32_t *start, uint32_t *end, uint32_t k, uint32_t pos) {
    if (start[k] == NOTY || pos < start[k]) start[k] = pos;
    if (pos > end[k]) end[k] = pos;
}

/* Liveness, as sets of locals per block: a local is live into a block when
 * the block uses it before defining it, or it is live out and not defined
 * there; live out of a block when some successor has it live in, or a phi
 * of a successor takes it on this edge. Iterated to a fixpoint. Only the
 * locals some other block than their own reads (or a phi, on an edge) are
 * in the sets, numbered densely (ids[local], locals[number]): one read
 * only where it is defined is live from there to its last use, which the
 * walk over the instructions already covers. */
typedef struct Sets { uint32_t words, n; uint32_t *ids, *locals; uint32_t *in, *out, *gen, *kill; } Sets;
static uint32_t *row(uint32_t *set, uint32_t words, uint32_t b) { return set + (size_t)b * words; }
static void put(uint32_t *r, uint32_t k) { r[k >> 5] |= 1u << (k & 31); }
static int has(const uint32_t *r, uint32_t k) { return r[k >> 5] >> (k & 31) & 1; }

/* the locals read outside their block, into L->ids and L->locals */
static int crossing_locals(E *e, FnIR *ir, uint32_t nloc, Sets *L) {
    uint32_t *home = ealloc(e, 4 * nloc + 4);               /* the block defining each local (parameters: none) */
    L->ids = ealloc(e, 4 * nloc + 4); L->locals = ealloc(e, 4 * nloc + 4); L->n = 0;
    if (!home || !L->ids || !L->locals) { efree(e, home); return -1; }
    for (uint32_t k = 0; k < nloc; k++) home[k] = L->ids[k] = NOTY;
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++)
            if (ir->ins[i].id != NOTY && ir->ins[i].id >= ir->base && ir->ins[i].id - ir->base < nloc) home[ir->ins[i].id - ir->base] = b;
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *I = &ir->ins[i];
            for (uint32_t k = 0; k < I->n; k++) {
                uint32_t v = I->o[k] - ir->base;
                if (!is_value_operand(I, k) || I->o[k] < ir->base || v >= nloc || L->ids[v] != NOTY) continue;
                if (I->op == I_PHI || home[v] != b) { L->ids[v] = L->n; L->locals[L->n++] = v; }
            }
        }
    efree(e, home);
    return 0;
}

static int liveness(E *e, FnIR *ir, uint32_t nloc, Sets *L) {
    if (crossing_locals(e, ir, nloc, L)) return -1;
    uint32_t w = L->words = (L->n + 31) / 32 + 1, n = ir->nbb * w;
    L->in = ealloc(e, 4 * n + 4); L->out = ealloc(e, 4 * n + 4); L->gen = ealloc(e, 4 * n + 4); L->kill = ealloc(e, 4 * n + 4);
    if (!L->in || !L->out || !L->gen || !L->kill) return -1;
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *I = &ir->ins[i];
            for (uint32_t k = 0; k < I->n; k++) {
                if (!is_value_operand(I, k)) continue;
                uint32_t v = I->o[k] - ir->base;
                if (I->o[k] < ir->base || v >= nloc || L->ids[v] == NOTY) continue;
                v = L->ids[v];
                if (I->op == I_PHI) { if (k + 1 < I->n && I->o[k + 1] < ir->nbb) put(row(L->out, w, I->o[k + 1]), v); }
                else if (!has(row(L->kill, w, b), v)) put(row(L->gen, w, b), v);
            }
            uint32_t d = I->id - ir->base;
            if (I->id != NOTY && I->id >= ir->base && d < nloc && L->ids[d] != NOTY) put(row(L->kill, w, b), L->ids[d]);
        }
    /* the phi uses just recorded stay in out[] for good: keep them in gen-like form */
    uint32_t *phi_out = ealloc(e, 4 * n + 4), *succ = successor_buffer(e, ir);
    /* a block is computed again only when the in[] of a successor changed since its last
       computation (or by it: a loop of one block): clock counts computations,
       computed[b] and changed[b] are stamps of it */
    uint32_t *computed = ealloc(e, 4 * ir->nbb + 4), *changed = ealloc(e, 4 * ir->nbb + 4), clock = 0;
    if (!phi_out || !succ || !computed || !changed) { efree(e, phi_out); efree(e, succ); efree(e, computed); efree(e, changed); return -1; }
    memcpy(phi_out, L->out, 4 * n);
    for (int again = 1; again; ) {
        again = 0;
        for (uint32_t b = ir->nbb; b-- > 0; ) {
            uint32_t ns = successors(ir, b, succ), stale = !computed[b];
            for (uint32_t i = 0; i < ns; i++) stale |= changed[succ[i]] >= computed[b];
            if (!stale) continue;
            computed[b] = ++clock;
            uint32_t *out = row(L->out, w, b), *in = row(L->in, w, b);
            for (uint32_t x = 0; x < w; x++) {
                uint32_t o = row(phi_out, w, b)[x];
                for (uint32_t i = 0; i < ns; i++) o |= row(L->in, w, succ[i])[x];
                uint32_t nin = row(L->gen, w, b)[x] | (o & ~row(L->kill, w, b)[x]);
                out[x] = o;
                if (nin != in[x]) { in[x] = nin; changed[b] = clock; again = 1; }
            }
        }
    }
    efree(e, phi_out); efree(e, succ); efree(e, computed); efree(e, changed);
    return 0;
}

/* intervals (start, end) as positions and use weights of the locals [ir->base, ir->base + nloc) */
static int intervals(E *e, FnIR *ir, uint32_t nloc, const uint32_t *pos, const uint32_t *depth, uint32_t *start, uint32_t *end, uint32_t *weight) {
    for (uint32_t k = 0; k < nloc; k++) { start[k] = e->v[ir->base + k].k == V_ARG ? 0 : NOTY; end[k] = 0; }
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *I = &ir->ins[i];
            uint32_t d = I->id - ir->base;
            if (I->id != NOTY && I->id >= ir->base && d < nloc) {
                live(start, end, d, pos[I->op == I_PHI ? ir->bb[b] : i]);
                add_weight(&weight[d], depth[b]);
            }
            for (uint32_t k = 0; k < I->n; k++) {
                if (!is_value_operand(I, k)) continue;                /* block numbers, literal indices */
                uint32_t at = NOTY;                                   /* a phi's incoming value: the block its edge leaves */
                if (I->op == I_PHI && k + 1 < I->n && I->o[k + 1] < ir->nbb) {
                    at = I->o[k + 1];
                    live(start, end, d, pos[block_end(ir, at)]);      /* the edge writes the phi there, constant or not */
                }
                uint32_t v = I->o[k] - ir->base;
                if (I->o[k] < ir->base || v >= nloc) continue;
                /* used at i; or where the edge reads it, the end of that block (of b itself for a loop of one block) */
                live(start, end, v, pos[at == NOTY ? i : block_end(ir, at)]);
                add_weight(&weight[v], depth[at == NOTY ? b : at]);
            }
        }
    /* the hull of every point where a local is live */
    Sets L;
    memset(&L, 0, sizeof L);
    int r = liveness(e, ir, nloc, &L);
    for (uint32_t b = 0; r == 0 && b < ir->nbb; b++) {
        /* live into b: before its first instruction, so from the position before
           it (a call opening the block must see the value as live across it) */
        uint32_t first = pos[ir->bb[b]], before = first ? first - 1 : 0, last = pos[block_end(ir, b)];
        for (uint32_t x = 0; x < L.words; x++) {              /* word by word, bit by bit: the sets are sparse */
            for (uint32_t bits = row(L.in, L.words, b)[x]; bits; bits &= bits - 1)
                live(start, end, L.locals[32 * x + (uint32_t)__builtin_ctz(bits)], before);
            for (uint32_t bits = row(L.out, L.words, b)[x]; bits; bits &= bits - 1)
                live(start, end, L.locals[32 * x + (uint32_t)__builtin_ctz(bits)], last);
        }
    }
    efree(e, L.in); efree(e, L.out); efree(e, L.gen); efree(e, L.kill); efree(e, L.ids); efree(e, L.locals);
    for (uint32_t k = 0; k < nloc; k++) if (start[k] == NOTY) start[k] = end[k] = 0;
    return r;
}

int live_intervals(E *e, FnIR *ir, uint32_t nloc, const uint32_t *pos, const uint32_t *depth, uint32_t *start, uint32_t *end, uint32_t *weight) {
    memset(weight, 0, 4 * nloc);
    return intervals(e, ir, nloc, pos, depth, start, end, weight);
}

/* what a register of class c is worth to local k (the header comment says why the two differ) */
enum { SHORT_SPAN = 64 };
static uint64_t worth(int c, uint32_t k, const uint32_t *start, const uint32_t *end, const uint32_t *weight) {
    uint64_t span = end[k] - start[k] + 1;
    if (!weight[k]) return 0;
    if (c == 1 && span < SHORT_SPAN) span = SHORT_SPAN;
    return (((uint64_t)weight[k] << 12) / span) + 1;
}

int linear_scan(E *e, uint32_t nloc, const uint8_t *cls, const uint8_t *forbid, const uint8_t *reuse, const uint32_t *phi_of,
                const uint32_t *start, const uint32_t *end, const uint32_t *weight, int8_t *reg) {
    uint32_t *order = ealloc(e, 4 * (nloc + 1));
    uint64_t *value = ealloc(e, 8 * (nloc + 1));
    if (!order || !value) { efree(e, order); efree(e, value); return -1; }
    for (uint32_t k = 0; k < nloc; k++) value[k] = worth(cls[k], k, start, end, weight);
    /* the caller-saved ECX and EDX first: a value that may have one leaves EBX, ESI and EDI
       to those that live across calls */
    static const int8_t pool[3][6] = { { 0 }, { ECX, EDX, EBX, ESI, EDI }, { XMM2, XMM3, XMM4, XMM5, XMM6, XMM7 } };
    static const uint32_t pool_size[3] = { 0, 5, 6 };
    for (int c = 1; c <= 2; c++) {
        /* the candidates of this class, by start (insertion sort: functions are small) */
        uint32_t n = 0;
        for (uint32_t k = 0; k < nloc; k++) {
            if (cls[k] != c || value[k] == 0) continue;
            uint32_t x = n++;
            while (x > 0 && start[order[x - 1]] > start[k]) { order[x] = order[x - 1]; x--; }
            order[x] = k;
        }
        /* the local in each register (NOTY: none), and the phi or value sharing it (phi_of) */
        uint32_t holder[6], sharer[6];
        for (uint32_t r = 0; r < 6; r++) holder[r] = sharer[r] = NOTY;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t k = order[i], free = NOTY, weakest = NOTY;
            for (uint32_t r = 0; r < pool_size[c]; r++) {
                /* expired; or its life ends at k's definition, which reads it before writing k */
                if (holder[r] != NOTY && (end[holder[r]] < start[k] || (end[holder[r]] == start[k] && reuse[k]))) holder[r] = sharer[r] = NOTY;
                if (c == 1 && forbid[k] >> pool[c][r] & 1) continue;
                if (holder[r] == NOTY) { if (free == NOTY) free = r; }
                else if (weakest == NOTY || value[holder[r]] < value[holder[weakest]]) weakest = r;
            }
            uint32_t p = phi_of[k], shared = NOTY;
            for (uint32_t r = 0; p != NOTY && r < pool_size[c]; r++)
                if (holder[r] == p && sharer[r] == NOTY && !(c == 1 && forbid[k] >> pool[c][r] & 1)) shared = r;
            if (shared != NOTY) {                             /* the phi's register: the edge's copy is none */
                reg[k] = pool[c][shared];
                if (end[k] > end[p]) { holder[shared] = k; sharer[shared] = p; } else sharer[shared] = k;
                continue;
            }
            if (free == NOTY && weakest != NOTY && value[holder[weakest]] < value[k]) {
                reg[holder[weakest]] = -1;
                if (sharer[weakest] != NOTY) reg[sharer[weakest]] = -1;
                free = weakest;
            }
            if (free == NOTY) continue;                       /* stays in memory */
            holder[free] = k; sharer[free] = NOTY;
            reg[k] = pool[c][free];
        }
    }
    efree(e, order); efree(e, value);
    return 0;
}
