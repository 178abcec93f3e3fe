/* Lowering: function IR -> decoded form. Every SSA value gets an 8-byte frame
 * slot (vectors one slot per element, aggregates their memory layout);
 * constants live in a per-function image copied below the frame header at
 * entry; operands are frame offsets or immediates; phis become moves on the
 * edges; GEPs become adds; static allocas become frame offsets so -O0 loads
 * and stores through them are plain frame moves.
 * This file is the driver (set-up per function, blocks in order, emit_ins);
 * the stages it calls are lower_*.c, what they share lower.h. */
#include "lower.h"

/* vectors hold one 8-byte slot per element: elements must be scalars */
static int bad_vector(L *l, uint32_t t) { Ty *y = type_of(l, t); return y->k == TK_VEC && (y->elt >= l->e->nty || lower_type_class(l, y->elt) < 0); }
/* value types the engine cannot compute with (memory-only uses are fine) */
static const char *odd_type(L *l, uint32_t t) {
    Ty *y = type_of(l, t);
    if (y->k != TK_OTHER) return 0;
    switch (y->w) {                                  /* TYPE_CODE_* */
    case 10: return "half"; case 14: return "fp128";
    case 15: return "ppc_fp128"; case 17: return "x86_mmx"; case 23: return "bfloat"; case 24: return "x86_amx";
    }
    return 0;
}
static int check_types(L *l, Ins *I) {
    E *e = l->e;
    uint32_t bad = NOTY;
    const char *on = I->ty < e->nty ? odd_type(l, I->ty) : 0;
    for (uint32_t k = 0; k < I->n && !on; k++)
        if (is_value_operand(I, k) && I->o[k] < e->nv && value_type(l, I->o[k]) < e->nty) on = odd_type(l, value_type(l, I->o[k]));
    if (on) return fail_bitcode("bitcode: unsupported type %s in '%.*s'", on, (int)l->f->nlen, l->f->name);
    if (I->ty < e->nty && bad_vector(l, I->ty)) bad = I->ty;
    for (uint32_t k = 0; k < I->n && bad == NOTY; k++)
        if (is_value_operand(I, k) && I->o[k] < e->nv && value_type(l, I->o[k]) < e->nty && bad_vector(l, value_type(l, I->o[k]))) bad = value_type(l, I->o[k]);
    if (bad == NOTY) return 0;
    Ty *y = type_of(l, bad); Ty *el = y->elt < e->nty ? type_of(l, y->elt) : 0;
    if (el && el->k == TK_INT) return fail_bitcode("bitcode: unsupported vector type <%u x i%u> in '%.*s'", y->w, el->w, (int)l->f->nlen, l->f->name);
    return fail_bitcode("bitcode: unsupported vector element type (kind %u) in '%.*s'", el ? el->k : 0, (int)l->f->nlen, l->f->name);
}

/* shufflevector ii broadcasting lane m of an insertelement into undef just
 * before it, at lane m, used only there (insertelement + splat: x in every
 * lane): x, else NOTY */
uint32_t lower_splat_source(L *l, uint32_t ii) {
    E *e = l->e; Ins *S = &l->ir->ins[ii];
    if (S->op != I_SHUF || ii == 0 || e->v[S->o[2]].k == V_CUNDEF) return NOTY;
    Ins *In = &l->ir->ins[ii - 1];
    if (In->op != I_INSELT || In->id != S->o[0] || !is_local(l, In->id) || l->nuse[In->id - l->base] != 1 || l->blk[ii - 1] != l->blk[ii]
        || !is_const(l, In->o[0]) || e->v[In->o[0]].k != V_CUNDEF || !is_const(l, In->o[2])) return NOTY;
    uint64_t at, m;
    if (const_scalar(e, In->o[2], &at)) return NOTY;
    Val *mv = &e->v[S->o[2]];
    for (uint32_t i = 0; i < lane_count(l, S->ty); i++)
        if (lower_elem_const(l, S->o[2], i, &m) || (mv->k == V_CAGG && i < mv->u.a.n && e->v[mv->u.a.o[i]].k == V_CUNDEF) || (uint32_t)m != (uint32_t)at) return NOTY;
    return In->o[1];
}
static int emit_ins(L *l, uint32_t ii) {
    FnIR *ir = l->ir;
    Ins *I = &ir->ins[ii];
    E *e = l->e;
    uint32_t t = I->ty;
    Operand a;
    if (check_types(l, I)) return -1;
    if (I->id != NOTY && has_no_code(l, I->id)) return 0;
    switch (I->op) {
    case I_BIN: case I_CMP: case I_FNEG: case I_CAST: case I_SEL: case I_FREEZE: return lower_emit_scalar_op(l, I);
    case I_GEP: return lower_emit_gep(l, I);
    case I_EXTELT: return lower_emit_extract_element(l, I);
    case I_INSELT: {
        int32_t d = lower_dest_slot(l, I->id);
        if (ii + 1 < l->ir->bb[l->cur + 1] && lower_splat_source(l, ii + 1) != NOTY && is_v2d(l, t)) return 0;   /* the splat reads the scalar */
        Operand ix; if (lower_operand(l, I->o[2], 0, &ix)) return -1;
        uint32_t n = lane_count(l, t), et = scalar_type(l, t);
        if (!(is_const(l, I->o[0]) && e->v[I->o[0]].k == V_CUNDEF) && lower_move_value(l, d, I->o[0])) return -1;   /* into undef: other lanes stay as they are */
        if (lower_operand(l, I->o[1], 0, &a)) return -1;
        if (ix.imm) { if (ix.v >= n) return 0; return lower_emit_move(l, d + 8 * (uint32_t)ix.v, &a, et); }
        return E4(OP(stx), d, lower_operand_slot(l, &ix), lower_operand_slot(l, &a));
    }
    case I_SHUF: return lower_emit_shuffle(l, I);
    case I_EXTVAL: case I_INSVAL: return lower_emit_aggregate_field(l, I);
    case I_ALLOCA: return lower_emit_alloca(l, I);
    case I_LOAD: return lower_emit_load(l, t, lower_dest_slot(l, I->id), I->o[0], 0, extends_in_place(l, ii));
    case I_STORE: return lower_emit_store(l, I->o[0], I->o[1], 0);
    case I_FENCE: return 0;
    case I_CMPXCHG: {
        int32_t d = lower_dest_slot(l, I->id);
        int c = lower_type_class(l, I->ty2);
        if (c != 0 && c != 1) return fail_bitcode("bitcode: unsupported cmpxchg type");
        uint32_t sz = ty_size(e, I->ty2);
        if (sz == 8) return E5(OP(cmpxchg64), d, slot_of(l, I->o[0], 0), slot_of(l, I->o[1], 0), slot_of(l, I->o[2], 0));
        if (sz != 1 && sz != 2 && sz != 4) return fail_bitcode("bitcode: unsupported cmpxchg width");
        return E6(OP(cmpxchg), d, slot_of(l, I->o[0], 0), slot_of(l, I->o[1], 0), slot_of(l, I->o[2], 0), sz);
    }
    case I_RMW: {
        int32_t d = lower_dest_slot(l, I->id);
        uint32_t sz = ty_size(e, I->ty2);
        if (lower_type_class(l, I->ty2) != 0 && lower_type_class(l, I->ty2) != 1) return fail_bitcode("bitcode: unsupported atomicrmw type");
        if (sz != 4 && sz != 8 && sz != 1 && sz != 2) return fail_bitcode("bitcode: unsupported atomicrmw width");
        return E6(sz == 8 ? OP(rmw64) : OP(rmw), d, slot_of(l, I->o[0], 0), slot_of(l, I->o[1], 0), I->sub, sz);
    }
    case I_VAARG: return fail_bitcode("bitcode: va_arg instruction is not supported (clang lowers it for i386)");
    case I_CALL: return lower_emit_call(l, I);
    case I_PHI: lower_dest_slot(l, I->id); return 0;
    case I_RET: {
        if (l->f->traced) { if (I->n) { Operand o; if (lower_operand(l, I->o[0], 0, &o)) return -1; if (E4(OP(trace), l->f, 1, lower_operand_slot(l, &o))) return -1; } else if (E4(OP(trace), l->f, 1, 0)) return -1; }
        if (!I->n) return E1(OP(retv));
        uint32_t rt = value_type(l, I->o[0]);
        if (lower_type_class(l, rt) >= 0) return E2(OP(ret), slot_of(l, I->o[0], 0));
        int32_t s;
        if (is_const(l, I->o[0])) { s = lower_frame_region(l, lower_value_size(l, rt)); if (lower_move_value(l, s, I->o[0])) return -1; }
        else s = slot_of(l, I->o[0], 0);
        return E3(OP(retn), s, lower_value_size(l, rt));
    }
    case I_UNREACH: return E1(OP(unreach));
    case I_BR: return lower_emit_branch(l, ii);
    case I_SWITCH: return lower_emit_switch(l, ii);
    case I_IBR: return lower_emit_indirect_branch(l, ii);
    }
    return fail_bitcode("bitcode: unsupported instruction %u", I->op);
}

#ifdef BF_DUMP
#define X_NM(n) #n,
static const char *const opnm[] = { OPS(X_NM) 0 };
#undef X_NM
static void dump(E *e, Fn *f) {
    if (!e->cfg.print) return;
    e->cfg.print("== %.*s (frame %u, consts %u)\n", (int)f->nlen, f->name, f->frame, f->clen);
    for (uint32_t i = 0; i < f->ncode; i++) {
        int k; for (k = 0; k < OP__N; k++) if (f->code[i] == (W)e->lab[k]) break;
        if (k < OP__N) e->cfg.print("\n%4u: %s", i, opnm[k]);
        else if (f->code[i] >= (W)f->code && f->code[i] < (W)(f->code + f->ncode)) e->cfg.print(" @%u", (uint32_t)((W *)f->code[i] - f->code));
        else e->cfg.print(" %d", (int)f->code[i]);
    }
    e->cfg.print("\n");
}
#endif

/* Keeps where each value lives and where each block starts (FrameMap), so
 * that the JIT can enter compiled code from this frame mid-function. */
static int keep_frame_map(L *l, W *code) {
    E *e = l->e;
    FrameMap *m = ealloc(e, sizeof *m);
    if (!m || !(m->block = ealloc(e, sizeof(W *) * (l->ir->nbb + 1)))) { efree(e, m); return -1; }
    m->nloc = l->nloc; m->nbb = l->ir->nbb;
    for (uint32_t b = 0; b < l->ir->nbb; b++) m->block[b] = code + l->lab[b];
    m->loc = l->loc; m->fa = l->fa; m->go = l->go; m->gb = l->gb; m->xb = l->xb; m->xi = l->xi; m->xs = l->xs;
    l->loc = l->fa = l->go = 0; l->gb = l->xb = l->xi = l->xs = 0;     /* owned by the map now */
    l->f->map = m;
    return 0;
}

int lower(E *e, Fn *f) {
    if (f->failed) return fail(e, BFE_BITCODE, "bitcode: function '%.*s' failed to load", (int)f->nlen, f->name);
    e->lowering++;
    uint64_t t0 = e->cfg.now_us ? e->cfg.now_us() : 0;
    if (!e->lab) e->lab = exec_labels();   /* the handlers lowering emits */
    FnIR ir;
    L ls; memset(&ls, 0, sizeof ls); L *l = &ls;
    l->e = e; l->f = f; l->ir = &ir;
    int r = -1;
    if (fn_parse(e, f, &ir)) goto out;
    l->base = ir.base; l->nloc = e->nv - ir.base;
    uint32_t n = l->nloc + 1;
    l->loc = ealloc(e, 4 * n); l->fa = ealloc(e, 4 * n); l->gb = ealloc(e, 4 * n); l->go = ealloc(e, 4 * n);
    l->nuse = ealloc(e, 4 * n); l->nonmem = ealloc(e, 4 * n); l->tmp = ealloc(e, 4 * n);
    l->xb = ealloc(e, 4 * n); l->xi = ealloc(e, 4 * n); l->xs = ealloc(e, 4 * n); l->same = ealloc(e, 4 * n);
    l->xj = ealloc(e, 4 * n); l->xt = ealloc(e, 4 * n); l->by_user = ealloc(e, n); l->rb = ealloc(e, 4 * n);
    if (!l->xj || !l->xt || !l->by_user || !l->rb) goto out;
    l->in_address_of = ealloc(e, 4 * n); l->in_address = ealloc(e, 4 * n); l->gep_bias = ealloc(e, 4 * ir.nins + 4);
    l->at = ealloc(e, 4 * ir.nins + 4); l->end = ealloc(e, 4 * ir.nins + 4); l->def = ealloc(e, 4 * n);
    if (!l->tmp || !l->def || !l->same || !l->gep_bias) goto out;
    for (uint32_t i = 0; i < n; i++) l->def[i] = NOTY;
    for (uint32_t i = 0; i < ir.nins; i++) {
        uint32_t v = ir.ins[i].id;
        if (v != NOTY && v >= ir.base && v - ir.base < l->nloc) l->def[v - ir.base] = i;
    }
    for (uint32_t i = 0; i < ir.nbb; i++) new_label(l);
    lower_forward_pointer_casts(l);
    if (!(l->dot = ealloc(e, sizeof(DotLoop) * ir.nbb + 1)) || match_dot_loops(e, &ir, l->dot, 0) < 0) goto out;
    if (!(l->axpy = ealloc(e, sizeof(AxpyLoop) * ir.nbb + 1))) goto out;
    match_axpy_loops(e, &ir, l->axpy);
    if (lower_fold_index_adds(l)) goto out;
    lower_count_uses(l);
    l->fsz = HDR;
    /* parameters */
    Ty *ft = &e->ty[f->ty];
    for (uint32_t i = 0; i < ft->w; i++) {
        if (bad_vector(l, ft->elts[i])) { fail_bitcode("bitcode: unsupported vector parameter type in '%.*s'", (int)f->nlen, f->name); goto out; }
        if (odd_type(l, ft->elts[i])) { fail_bitcode("bitcode: unsupported type %s in '%.*s'", odd_type(l, ft->elts[i]), (int)f->nlen, f->name); goto out; }
        l->loc[i] = lower_frame_region(l, lower_value_size(l, ft->elts[i]));
    }
    f->nparam = (l->fsz - HDR) / 8;
    /* byval parameters: copy into the frame */
    for (uint32_t i = 0; i < ft->w; i++) {
        uint32_t bt;
        if (byval_param(e, f, i, &bt)) {
            uint32_t sz = ty_size(e, bt);
            uint32_t al = ty_align(e, bt); if (al < 8) al = 8; if (al > 16) al = 16;
            l->fsz = (l->fsz + al - 1) & ~(al - 1);
            int32_t m = (int32_t)l->fsz; l->fsz += (sz + 7) & ~7u;
            int32_t t = temp_slot(l);
            Operand len = { 1, 0, sz };
            if (E3(OP(lea), t, m) || E4(OP(memcpy), t, l->loc[i], lower_operand_slot(l, &len)) || E3(OP(mov32), l->loc[i], t)) goto out;
        }
    }
    if (lower_build_uses(l)) goto out;
    lower_coalesce(l);
    lower_extend_in_place(l);
    lower_fuse_into_users(l);
    lower_build_vectors_in_place(l);
    lower_alias_shuffle_windows(l);
    if (lower_find_row_bases(l)) goto out;
    /* slots for every SSA value up front: layout order need not follow dominance */
    for (uint32_t i = 0; i < ir.nins; i++) if (ir.ins[i].id != NOTY && !has_no_code(l, ir.ins[i].id)) lower_dest_slot(l, ir.ins[i].id);
    lower_defer_loads_to_users(l);
    if (f->traced && E4(OP(trace), f, 0, 0)) goto out;
    for (uint32_t b = 0; b < ir.nbb; b++) {
        l->cur = b;
        l->lab[b] = l->nc;
        if (l->dot[b].unroll) { if (lower_dot_loop(l, &l->dot[b])) goto out; continue; }
        if (l->axpy[b].unroll && lower_axpy_loop(l, &l->axpy[b])) goto out;     /* then the block, for overlapping arrays */
        if (e->cfg.stats && (E2(OP(cnt), ir.bb[b + 1] - ir.bb[b]))) goto out;
        for (uint32_t i = ir.bb[b]; i < ir.bb[b + 1]; i++) {
            Ins *I = &ir.ins[i];
            /* compare feeding the next conditional branch: fused there */
            if (I->op == I_CMP && i + 1 < ir.bb[b + 1] && ir.ins[i + 1].op == I_BR && ir.ins[i + 1].n == 3
                && ir.ins[i + 1].o[2] == I->id && l->nuse[I->id - l->base] == 1 && lower_type_class(l, I->ty2) == 0
                && !is_const(l, ir.ins[i + 1].o[2])) { lower_dest_slot(l, I->id); continue; }
            l->at[i] = l->nc;
            if (emit_ins(l, i)) goto out;
            lower_cast_fold(l, i);
            l->end[i] = l->nc;
            lower_fuse_multiply_add(l, i);
            if (l->nc >= l->at[i] + 16) lower_fuse_vec4(l, i);
            l->end[i] = l->nc;
        }
    }
    /* edge stubs */
    for (uint32_t s = 0; s < l->nst; s++) {
        l->lab[l->st[s].lab] = l->nc;
        l->cur = l->st[s].from;
        uint32_t q = l->nc;
        if (lower_edge_moves(l, l->st[s].from, l->st[s].to)) goto out;
        uint32_t to = lower_edge_target(l, l->st[s].from, l->st[s].to);
        if (l->st[s].back) { if (lower_jump(l, to, l->st[s].back)) goto out; }
        else if (lower_jmp_moves(l, q, to)) goto out;
    }
    if (e->errc) goto out;
    {
        uint32_t clen = (l->cn + 15) & ~15u;
        W *code = ealloc(e, (l->nc + 1) * sizeof(W));
        if (!code) goto out;
        memcpy(code, l->c, l->nc * sizeof(W));
        for (uint32_t i = 0; i < l->npt; i++) {
            uint32_t lb = l->pt[i].lab;
            if (lb >= l->nlab || l->lab[lb] == 0xffffffff) { fail(e, BFE_BITCODE, "bitcode: internal: unresolved label"); goto out; }
            code[l->pt[i].at] = (W)(code + l->lab[lb]);
        }
        if (l->nloops) {
            f->loops = ealloc(e, 4 * l->nloops); if (!f->loops) goto out;
            f->nloops = l->nloops;
            /* patch jmpb counters: cell after target */
            for (uint32_t i = 0; i + 2 < l->nc; ) { i++; (void)i; break; }
        }
        f->cdata = ealloc(e, clen + 8); if (!f->cdata) goto out;
        if (l->cn) memcpy(f->cdata + clen - l->cn, l->cd + l->ccap - l->cn, l->cn);
        f->clen = clen;
        f->frame = (l->fsz + 15) & ~15u;
        f->ncode = l->nc;
        /* jmpb cells hold loop numbers: turn them into counter addresses */
        if (l->nloops) {
            for (uint32_t i = 0; i < l->npt; i++) {
                uint32_t at = l->pt[i].at;
                if (at >= 1 && code[at - 1] == OP(jmpb) && at + 1 < l->nc) code[at + 1] = (W)&f->loops[code[at + 1]];
            }
        }
        if (e->jit_osr) lower_forwarded_frame_map(l);
        if (e->jit_osr && keep_frame_map(l, code)) { efree(e, code); goto out; }
        f->code = code;
        e->lowered++;
#ifdef BF_DUMP
        dump(e, f);
#endif
    }
    r = 0;
out:
    if (r) f->failed = 1;
    efree(e, l->c); efree(e, l->loc); efree(e, l->fa); efree(e, l->gb); efree(e, l->go);
    efree(e, l->xb); efree(e, l->xi); efree(e, l->xs); efree(e, l->same); efree(e, l->in_address_of); efree(e, l->in_address); efree(e, l->gep_bias); efree(e, l->at); efree(e, l->end); efree(e, l->def); efree(e, l->us); efree(e, l->ul); efree(e, l->blk);
    efree(e, l->xj); efree(e, l->xt); efree(e, l->by_user); efree(e, l->rb); efree(e, l->rows);
    efree(e, l->nuse); efree(e, l->nonmem); efree(e, l->tmp); efree(e, l->cd); efree(e, l->lab); efree(e, l->pt); efree(e, l->st); efree(e, l->dot); efree(e, l->axpy);
    fn_ir_free(e, &ir);
    e->lowering--;
    if (e->cfg.now_us) e->lower_us += e->cfg.now_us() - t0;
    return r ? (e->errc ? e->errc : BFE_BITCODE) : 0;
}
