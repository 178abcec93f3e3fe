/* Register allocation for the JIT: live intervals over the function's
 * instructions in block order, then linear scan.
 *
 * Positions are instruction indices. A value's interval is the hull of
 * every point where it is live (liveness per block, to a fixpoint), its
 * definition and its uses; a phi is also live where its incoming edges
 * write it (the ends of its predecessors), and a phi's incoming value is
 * used at the end of that predecessor. The hull over-approximates (a value
 * may be dead in parts of it), never under: two values whose hulls do not
 * meet can share a register whatever the block order.
 *
 * Linear scan then walks the intervals by start. A value gets a free
 * register of its class that it may take (ECX and EDX only where nothing in
 * its interval writes them: the caller says which, per value); when none is
 * free, the one with the lowest use density (uses, weighted 8x per loop
 * level, per instruction its interval spans) among it and those holding
 * registers it may take stays in memory for its whole life: every value has
 * a frame slot, so nothing is split or reloaded. */
#include "jit.h"
#include "x86.h"

static uint32_t loop_weight(uint32_t depth) { return depth >= 3 ? 512 : 1u << (3 * depth); }

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

/* intervals (start, end) and use weights of the locals [ir->base, ir->base + nloc) */
static int intervals(E *e, FnIR *ir, uint32_t nloc, uint32_t *start, uint32_t *end, uint32_t *weight, uint32_t *depth) {
    uint32_t *succ = successor_buffer(e, ir);
    if (!succ) return -1;
    for (uint32_t k = 0; k < nloc; k++) { start[k] = e->v[ir->base + k].k == V_ARG ? 0 : NOTY; end[k] = 0; }
    for (uint32_t b = 0; b < ir->nbb; b++) {
        uint32_t n = successors(ir, b, succ);
        for (uint32_t i = 0; i < n; i++)
            if (succ[i] <= b) for (uint32_t x = succ[i]; x <= b; x++) depth[x]++;
    }
    efree(e, succ);
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++) {
            Ins *I = &ir->ins[i];
            uint32_t d = I->id - ir->base;
            if (I->id != NOTY && I->id >= ir->base && d < nloc) {
                live(start, end, d, I->op == I_PHI ? ir->bb[b] : i);
                weight[d] += loop_weight(depth[b]);
            }
            for (uint32_t k = 0; k < I->n; k++) {
                if (!is_value_operand(I, k)) continue;                /* block numbers, literal indices */
                uint32_t at = NOTY;                                   /* a phi's incoming value: the block its edge leaves */
                if (I->op == I_PHI && k + 1 < I->n && I->o[k + 1] < ir->nbb) {
                    at = I->o[k + 1];
                    live(start, end, d, block_end(ir, at));           /* the edge writes the phi there, constant or not */
                }
                uint32_t v = I->o[k] - ir->base;
                if (I->o[k] < ir->base || v >= nloc) continue;
                /* used at i; or where the edge reads it, the end of that block (of b itself for a loop of one block) */
                live(start, end, v, at == NOTY ? i : block_end(ir, at));
                weight[v] += loop_weight(depth[at == NOTY ? b : at]);
            }
        }
    /* the hull of every point where a local is live, in block order */
    Sets L;
    memset(&L, 0, sizeof L);
    int r = liveness(e, ir, nloc, &L);
    for (uint32_t b = 0; r == 0 && b < ir->nbb; b++)
        for (uint32_t x = 0; x < L.words; x++) {              /* word by word, bit by bit: the sets are sparse */
            /* live into b: before its first instruction, so from the position before
               it (a call opening the block must see the value as live across it) */
            for (uint32_t bits = row(L.in, L.words, b)[x]; bits; bits &= bits - 1)
                live(start, end, L.locals[32 * x + (uint32_t)__builtin_ctz(bits)], ir->bb[b] ? ir->bb[b] - 1 : 0);
            for (uint32_t bits = row(L.out, L.words, b)[x]; bits; bits &= bits - 1)
                live(start, end, L.locals[32 * x + (uint32_t)__builtin_ctz(bits)], block_end(ir, b));
        }
    efree(e, L.in); efree(e, L.out); efree(e, L.gen); efree(e, L.kill); efree(e, L.ids); efree(e, L.locals);
    for (uint32_t k = 0; k < nloc; k++) if (start[k] == NOTY) start[k] = end[k] = 0;
    return r;
}

int live_intervals(E *e, FnIR *ir, uint32_t nloc, uint32_t *start, uint32_t *end, uint32_t *density) {
    uint32_t *depth = ealloc(e, 4 * (ir->nbb + 1));
    if (!depth) return -1;
    memset(density, 0, 4 * nloc);
    int r = intervals(e, ir, nloc, start, end, density, depth);
    efree(e, depth);
    /* what a register is worth to a value: its weighted uses per instruction it spans
       (a long-lived value used now and then loses to a loop's counter) */
    for (uint32_t k = 0; r == 0 && k < nloc; k++)
        if (density[k]) density[k] = (uint32_t)(((uint64_t)density[k] << 12) / (end[k] - start[k] + 1)) + 1;
    return r;
}

int linear_scan(E *e, uint32_t nloc, const uint8_t *cls, const uint8_t *forbid, const uint32_t *start, const uint32_t *end,
                const uint32_t *weight, int8_t *reg) {
    uint32_t *order = ealloc(e, 4 * (nloc + 1));
    if (!order) return -1;
    /* the caller-saved ECX and EDX first: a value that may have one leaves EBX, ESI and EDI
       to those that live across calls */
    static const int8_t pool[3][6] = { { 0 }, { ECX, EDX, EBX, ESI, EDI }, { XMM2, XMM3, XMM4, XMM5, XMM6, XMM7 } };
    static const uint32_t pool_size[3] = { 0, 5, 6 };
    for (int c = 1; c <= 2; c++) {
        /* the candidates of this class, by start (insertion sort: functions are small) */
        uint32_t n = 0;
        for (uint32_t k = 0; k < nloc; k++) {
            if (cls[k] != c || weight[k] == 0) continue;
            uint32_t x = n++;
            while (x > 0 && start[order[x - 1]] > start[k]) { order[x] = order[x - 1]; x--; }
            order[x] = k;
        }
        uint32_t holder[6];                                   /* the local in each register, or NOTY */
        for (uint32_t r = 0; r < 6; r++) holder[r] = NOTY;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t k = order[i], free = NOTY, weakest = NOTY;
            for (uint32_t r = 0; r < pool_size[c]; r++) {
                if (holder[r] != NOTY && end[holder[r]] < start[k]) holder[r] = NOTY;    /* expired */
                if (c == 1 && forbid[k] >> pool[c][r] & 1) continue;
                if (holder[r] == NOTY) { if (free == NOTY) free = r; }
                else if (weakest == NOTY || weight[holder[r]] < weight[holder[weakest]]) weakest = r;
            }
            if (free == NOTY && weakest != NOTY && weight[holder[weakest]] < weight[k]) { reg[holder[weakest]] = -1; free = weakest; }
            if (free == NOTY) continue;                       /* stays in memory */
            holder[free] = k;
            reg[k] = pool[c][free];
        }
    }
    efree(e, order);
    return 0;
}
