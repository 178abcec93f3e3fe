/* Lowering (lower*.c), private: the state one function is lowered in,
 * the cell and operand helpers every stage uses, and what the stage files
 * call of each other. */
#ifndef BF_LOWER_H
#define BF_LOWER_H
#include "internal.h"
#include "patterns.h"

typedef struct { uint8_t imm; int32_t off; uint64_t v; } Operand;
typedef struct L {
    E *e; Fn *f; FnIR *ir;
    W *c; uint32_t nc, capc;
    uint32_t base, nloc;
    int32_t *loc;        /* slot offset per local value (0: none yet) */
    int32_t *fa;         /* frame offset of memory the value points to */
    uint32_t *gb; int32_t *go;    /* pointer = value gb (+1) plus go */
    uint32_t *nuse, *nonmem;
    uint32_t *xb, *xi, *xs;      /* GEP base+1 / index / scale folded into loads and stores */
    uint32_t *same;      /* a pointer cast's operand + 1: its uses read that instead (lower_forward_pointer_casts) */
    uint32_t *in_address_of; int32_t *in_address;    /* add x, C used only as GEP indices: x + 1, C (lower_fold_index_adds) */
    int32_t *gep_bias;   /* per GEP instruction: bytes its indices' folded adds add */
    int32_t *tmp;        /* phi temporaries */
    uint32_t fsz;
    uint8_t *cd; uint32_t cn, ccap;
    uint32_t *lab; uint32_t nlab, caplab;
    struct { uint32_t at, lab; } *pt; uint32_t npt, cappt;
    struct { uint32_t lab, from, to, back; } *st; uint32_t nst, capst;   /* edge stubs; back: a back-edge's loop + 1, else 0 */
    uint32_t *at, *end, *def, *us, *ul, *blk;    /* code range per instruction; defining instruction per value */
    uint32_t cur;        /* current block */
    uint32_t mvat;       /* edge_moves: start of its last move when a single mov32/movi, else NOTY */
    uint32_t nloops;
    DotLoop *dot;        /* per block: a dot-product loop when dot[b].unroll (patterns.h) */
    AxpyLoop *axpy;      /* per block: a multiply-add loop when axpy[b].unroll (patterns.h) */
    uint32_t *xj, *xt;   /* a GEP's second index + 1 / its scale folded beside xb/xi/xs (a[i][j]: not with OSR, FrameMap has one index) */
    uint8_t *by_user;    /* computed by its user (lower_fuse_into_users): BY_OP a shift or mask, BY_LATCH a loop counter's add, BY_STORE a trunc only stored, BY_INDEX a load's masked index; BY_LOAD a load (lower_defer_loads_to_users) */
    struct { uint32_t blk, base, idx, size; int32_t slot; } *rows; uint32_t nrows, caprows;   /* lower_find_row_bases */
    int32_t *rb;         /* a folded a[i][j]'s slot of base + i * si (rows), its one index j */
} L;
enum { BY_OP = 1, BY_LATCH, BY_STORE, BY_INDEX, BY_LOAD };
#define fail_bitcode(...) fail(l->e, BFE_BITCODE, __VA_ARGS__)
#define OP(x) ((W)l->e->lab[OP_##x])
#define E1(a) lower_emit_cells(l, 1, (W)(a))
#define E2(a,b) lower_emit_cells(l, 2, (W)(a), (W)(b))
#define E3(a,b,c) lower_emit_cells(l, 3, (W)(a), (W)(b), (W)(c))
#define E4(a,b,c,d) lower_emit_cells(l, 4, (W)(a), (W)(b), (W)(c), (W)(d))
#define E5(a,b,c,d,f) lower_emit_cells(l, 5, (W)(a), (W)(b), (W)(c), (W)(d), (W)(f))
#define E6(a,b,c,d,f,g) lower_emit_cells(l, 6, (W)(a), (W)(b), (W)(c), (W)(d), (W)(f), (W)(g))
#define E7(a,b,c,d,f,g,h) lower_emit_cells(l, 7, (W)(a), (W)(b), (W)(c), (W)(d), (W)(f), (W)(g), (W)(h))

/* lower.c */
uint32_t lower_splat_source(L *l, uint32_t ii);
/* lower_cells.c */
int lower_emit_cells(L *l, int n, ...);
int32_t lower_frame_region(L *l, uint32_t size);
int32_t lower_const_slot(L *l, const void *bytes, uint32_t size);
int lower_type_class(L *l, uint32_t t);
uint32_t lower_value_size(L *l, uint32_t t);
int lower_elem_const(L *l, uint32_t v, uint32_t i, uint64_t *out);
int lower_emit_wide(L *l, uint32_t sub, int32_t d, W a, W b, W c, uint32_t w);
int lower_operand(L *l, uint32_t v, uint32_t i, Operand *o);
int32_t lower_operand_slot(L *l, Operand *o);
int32_t lower_dest_slot(L *l, uint32_t v);
int lower_emit_move(L *l, int32_t d, Operand *s, uint32_t t);
int lower_move_value(L *l, int32_t d, uint32_t v);
int32_t lower_sext_to_temp(L *l, Operand *o, uint32_t w);
/* lower_ops.c */
int32_t lower_v2d_slot(L *l, uint32_t v);
int lower_emit_v2d(L *l, int op, int32_t d, const uint32_t *v, int n);
int lower_emit_bin(L *l, uint32_t opc, uint32_t t, int32_t d, Operand a, Operand b);
int lower_emit_cmp(L *l, uint32_t pred, uint32_t t, int32_t d, Operand a, Operand b);
int lower_emit_scalar_op(L *l, Ins *I);
int lower_emit_extract_element(L *l, Ins *I);
int lower_emit_shuffle(L *l, Ins *I);
uint32_t lower_shuffle_lane(L *l, Ins *I, uint32_t i);
uint32_t lower_shuffle_window(L *l, Ins *I);
int lower_shuffle_in_place(L *l, Ins *I);
/* lower_mem.c */
int lower_emit_load(L *l, uint32_t t, int32_t d, uint32_t p, int32_t extra, int sign);
int lower_emit_store(L *l, uint32_t p, uint32_t v, int32_t extra);
int lower_emit_gep(L *l, Ins *I);
int lower_emit_aggregate_field(L *l, Ins *I);
int lower_emit_alloca(L *l, Ins *I);
/* lower_calls.c */
int lower_call_libm(L *l, const char *name, int32_t d, Operand *a, int n, int isf);
int lower_fp80(L *l, Ins *I, int32_t d);
int lower_emit_call(L *l, Ins *I);
/* lower_branch.c */
int lower_edge_moves(L *l, uint32_t from, uint32_t to);
uint32_t lower_edge_target(L *l, uint32_t from, uint32_t to);
uint32_t lower_edge_label(L *l, uint32_t to);
int lower_jmp_moves(L *l, uint32_t q, uint32_t lab);
int lower_jump(L *l, uint32_t to, uint32_t loop);     /* loop: counted on f->loops[loop - 1]; 0: a plain jump */
int lower_goto_bb(L *l, uint32_t to);
int lower_emit_branch(L *l, uint32_t ii);
int lower_emit_switch(L *l, uint32_t ii);
int lower_emit_indirect_branch(L *l, uint32_t ii);
/* lower_fuse.c */
void lower_fuse_multiply_add(L *l, uint32_t i);
void lower_cast_fold(L *l, uint32_t i);
void lower_fuse_vec4(L *l, uint32_t i);
int lower_dot_loop(L *l, const DotLoop *d);
int lower_axpy_loop(L *l, const AxpyLoop *d);
/* lower_uses.c */
void lower_forward_pointer_casts(L *l);
int lower_fold_index_adds(L *l);
void lower_forwarded_frame_map(L *l);
void lower_count_uses(L *l);
int lower_build_uses(L *l);
void lower_coalesce(L *l);
void lower_extend_in_place(L *l);
int extends_in_place(L *l, uint32_t i);
void lower_fuse_into_users(L *l);
uint32_t latch_add(L *l, uint32_t i);
void lower_build_vectors_in_place(L *l);
void lower_alias_shuffle_windows(L *l);
int lower_find_row_bases(L *l);
void lower_defer_loads_to_users(L *l);
int lower_emit_v2d_load_op(L *l, int op, int32_t d, int32_t a, uint32_t ld);
int lower_row_bases(L *l, uint32_t from, uint32_t to);
int lower_has_row_bases(L *l, uint32_t from, uint32_t to);

static inline int emit_cell(L *l, W x);
static inline uint32_t new_label(L *l);
static inline int emit_label_ref(L *l, uint32_t lab);
static inline Ty *type_of(L *l, uint32_t t);
static inline uint32_t value_type(L *l, uint32_t v);
static inline int is_local(L *l, uint32_t v);
static inline int is_const(L *l, uint32_t v);
static inline uint32_t int_width(L *l, uint32_t t);
static inline uint32_t lane_count(L *l, uint32_t t);
static inline uint32_t scalar_type(L *l, uint32_t t);
static inline uint64_t truncate_bits(uint32_t w, uint64_t x);
static inline int is_wide_int(L *l, uint32_t t);
static inline int32_t slot_of(L *l, uint32_t v, uint32_t i);
static inline int32_t temp_slot(L *l);
static inline int mask_to(L *l, int32_t d, uint32_t w);
static inline int is_v2d(L *l, uint32_t t);
static inline int is_back_edge(L *l, uint32_t to);
static inline int is_fp80(L *l, uint32_t t);
static inline uint32_t mem_size(L *l, uint32_t t);
static inline uint32_t def_of(L *l, uint32_t v);
static inline int just_before(L *l, uint32_t v, uint32_t q, uint32_t n, int op);

static inline int emit_cell(L *l, W x) {
    if (l->nc >= l->capc && grow(l->e, (void **)&l->c, &l->capc, l->nc + 1, sizeof(W))) return -1;
    l->c[l->nc++] = x;
    return 0;
}

static inline uint32_t new_label(L *l) {
    if (grow(l->e, (void **)&l->lab, &l->caplab, l->nlab + 1, 4)) return 0;
    l->lab[l->nlab] = 0xffffffff;
    return l->nlab++;
}
static inline int emit_label_ref(L *l, uint32_t lab) {          /* emit a cell patched to label */
    if (grow(l->e, (void **)&l->pt, &l->cappt, l->npt + 1, sizeof *l->pt)) return -1;
    l->pt[l->npt].at = l->nc; l->pt[l->npt].lab = lab; l->npt++;
    return emit_cell(l, 0);
}

static inline Ty *type_of(L *l, uint32_t t) { return &l->e->ty[t]; }
static inline uint32_t value_type(L *l, uint32_t v) { return l->e->v[v].ty; }
static inline int is_local(L *l, uint32_t v) { return v >= l->base && v < l->base + l->nloc && (l->e->v[v].k == V_ARG || l->e->v[v].k == V_INST); }
static inline int is_const(L *l, uint32_t v) { return v < l->e->nv && !is_local(l, v); }
static inline uint32_t int_width(L *l, uint32_t t) { Ty *y = type_of(l, t); return y->k == TK_INT ? y->w : y->k == TK_PTR ? 32 : y->k == TK_DBL ? 64 : 32; }
static inline uint32_t lane_count(L *l, uint32_t t) { Ty *y = type_of(l, t); return y->k == TK_VEC ? y->w : 1; }
static inline uint32_t scalar_type(L *l, uint32_t t) { Ty *y = type_of(l, t); return y->k == TK_VEC ? y->elt : t; }

static inline uint64_t truncate_bits(uint32_t w, uint64_t x) { return w >= 64 ? x : x & ((1ull << w) - 1); }
/* wide integers (65..128 bits): 16-byte slots, run by bf_wide (exec.c) */
static inline int is_wide_int(L *l, uint32_t t) { Ty *y = type_of(l, t); return y->k == TK_INT && y->w > 64 && y->w <= 128; }
static inline int32_t slot_of(L *l, uint32_t v, uint32_t i) { Operand o; if (lower_operand(l, v, i, &o)) return 0; return lower_operand_slot(l, &o); }
static inline int32_t temp_slot(L *l) { return lower_frame_region(l, 8); }

static inline int mask_to(L *l, int32_t d, uint32_t w) {
    if (w >= 32 && w != 64 && w > 32) { uint64_t m = (1ull << w) - 1; return E5(OP(and64i), d, d, (uint32_t)m, (uint32_t)(m >> 32)); }
    if (w >= 32) return 0;
    return E4(OP(andi), d, d, (1u << w) - 1);
}

/* <2 x double> (what clang's SLP vectoriser makes of pairs of doubles): one
 * handler per operation over both lanes. A local's lanes are adjacent slots;
 * a constant's are copied to two adjacent constant slots. */
static inline int is_v2d(L *l, uint32_t t) { Ty *y = type_of(l, t); return y->k == TK_VEC && y->w == 2 && lower_type_class(l, y->elt) == 3; }
static const uint8_t swapped_pred[10] = { 0, 1, 4, 5, 2, 3, 8, 9, 6, 7 };       /* a op b == b swapped_pred(op) a */
/* back-edges are counted (through an edge stub ending in jmpb) for --stats, and for the JIT's OSR */
static inline int is_back_edge(L *l, uint32_t to) { return (l->e->cfg.stats || l->e->jit_osr) && to <= l->cur; }

static inline int is_fp80(L *l, uint32_t t) { return t < l->e->nty && type_of(l, t)->k == TK_FP80; }

/* bytes a load/store touches: integers their store size (i24: 3, i80: 10), not the alloc size */
static inline uint32_t mem_size(L *l, uint32_t t) { Ty *y = type_of(l, t); return y->k == TK_INT ? (y->w + 7) / 8 : y->k == TK_FP80 ? 10 : ty_size(l->e, t); }

static inline uint32_t def_of(L *l, uint32_t v) { return is_local(l, v) ? l->def[v - l->base] : NOTY; }
/* a cast whose uses read its operand: no code of its own */
static inline int is_forwarded(L *l, uint32_t v) { return is_local(l, v) && l->same[v - l->base]; }
/* a value with no code of its own: a forwarded cast, an add folded into the addresses using it */
static inline int has_no_code(L *l, uint32_t v) {
    return is_forwarded(l, v) || (is_local(l, v) && (l->in_address_of[v - l->base] || l->by_user[v - l->base]));
}
/* does instruction j (defining v, used once) own exactly the n cells ending at q? */
static inline int just_before(L *l, uint32_t v, uint32_t q, uint32_t n, int op) {
    uint32_t j = def_of(l, v);
    return j != NOTY && l->nuse[v - l->base] == 1 && l->end[j] == q && l->at[j] + n == q && l->c[l->at[j]] == (W)l->e->lab[op];
}

#endif
