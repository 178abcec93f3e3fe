/* Lowering of calls: direct and indirect calls, intrinsics, libm, x87 long
 * double and the SIMD builtins. */
#include "lower.h"

/* native call of a libm-style function by name (f: float variant) */
int lower_call_libm(L *l, const char *name, int32_t d, Operand *a, int n, int isf) {
    void *fn = ffi_lookup(l->e, name, (uint32_t)strlen(name));
    if (!fn) return fail(l->e, BFE_UNRESOLVED, "bitcode: unresolved external '%s' (needed for an intrinsic)", name);
    if (n == 1) return E4(isf ? OP(ncallf) : OP(ncalld), d, (W)fn, lower_operand_slot(l, &a[0]));     /* expf, sin ...: no argument packing */
    if (E5(OP(ncall), d, fn, isf ? RK_F32 : RK_F64, n)) return -1;
    for (int i = 0; i < n; i++) if (E2(lower_operand_slot(l, &a[i]), isf ? 0 : 1)) return -1;
    return 0;
}

static int has_prefix(const char *n, uint32_t len, const char *p) {
    uint32_t k = (uint32_t)strlen(p);
    return len >= k && !memcmp(n, p, k) && (len == k || n[k] == '.');
}

/* a call of fn(fp, arg...) (simd_run, fp80_run): the frame pointer, then immediates */
static int frame_call(L *l, void *fn, const W *arg, int n) {
    int32_t fpt = temp_slot(l);
    if (E3(OP(lea), fpt, 0) || E5(OP(ncall), 24, (W)fn, RK_VOID, n + 1) || E2(fpt, 0)) return -1;
    for (int i = 0; i < n; i++) { Operand o = { 1, 0, (uint32_t)arg[i] }; if (E2(lower_operand_slot(l, &o), 0)) return -1; }
    return 0;
}

/* llvm.x86.sse*: simd.c runs the instruction on the operands' slots (a
 * constant vector copied into slots first) */
static int lower_simd(L *l, Ins *I, int k, int32_t d) {
    W arg[5] = { (W)d, (W)k, 0, 0, 0 };
    for (uint32_t i = 0; i + 1 < I->n && i < 3; i++) {
        uint32_t v = I->o[1 + i];
        if (is_const(l, v) && type_of(l, value_type(l, v))->k == TK_VEC) {
            int32_t t = lower_frame_region(l, lower_value_size(l, value_type(l, v)));
            if (lower_move_value(l, t, v)) return -1;
            arg[2 + i] = (W)t;
        } else arg[2 + i] = (W)slot_of(l, v, 0);
    }
    return frame_call(l, (void *)simd_run, arg, 5);
}
/* long double arithmetic, compares and conversions: fp80.c on the x87; frem is
 * the C library's fmodl, as native code calls it */
int lower_fp80(L *l, Ins *I, int32_t d) {
    Operand a, b = { 0, 24, 0 };
    uint32_t t = I->ty, st = I->ty2, op;
    if (lower_operand(l, I->o[0], 0, &a) || (I->op != I_FNEG && I->op != I_CAST && lower_operand(l, I->o[1], 0, &b))) return -1;
    switch (I->op) {
    case I_FNEG: op = F80_NEG; break;
    case I_BIN:
        if (I->sub == 6) {                            /* frem */
            void *fn = ffi_lookup(l->e, "fmodl", 5);
            if (!fn) return fail(l->e, BFE_UNRESOLVED, "bitcode: unresolved external 'fmodl' (needed for frem on long double)");
            int32_t at = temp_slot(l);
            return E3(OP(lea), at, d) || E5(OP(ncall), d, (W)fn, RK_F80, 5)
                || E2(lower_operand_slot(l, &a), 1) || E2(a.off + 8, 0) || E2(lower_operand_slot(l, &b), 1) || E2(b.off + 8, 0) || E2(at, 0);
        }
        if (I->sub > 4 || I->sub == 3) return fail_bitcode("bitcode: bad long double opcode %u", I->sub);
        op = I->sub == 4 ? F80_DIV : F80_ADD + I->sub; break;   /* binop codes: fadd 0, fsub 1, fmul 2, fdiv 4 */
    case I_CMP:
        if (I->sub == 0 || I->sub == 15) return E3(OP(movi), d, I->sub == 15);
        if (I->sub > 15) return fail_bitcode("bitcode: bad fcmp predicate");
        op = F80_CMP + I->sub; break;
    default: {                                        /* I_CAST: fpext fptrunc fptoui fptosi uitofp sitofp */
        int to = is_fp80(l, t);
        uint32_t other = to ? st : t, w = int_width(l, other);
        Ty *y = type_of(l, other);
        if (I->sub == 11) {                           /* bitcast to or from i80: the same 10 bytes */
            if (!is_wide_int(l, other) || w != 80) return fail_bitcode("bitcode: bad long double bitcast in '%.*s'", (int)l->f->nlen, l->f->name);
            if (E4(OP(movn), d, lower_operand_slot(l, &a), 16)) return -1;
            return to ? 0 : lower_emit_wide(l, WO_MASK, d, d, 0, 0, 80);
        }
        int sgn = I->sub == 4 || I->sub == 6;
        if (y->k == TK_FLT || y->k == TK_DBL) {
            if (I->sub != (to ? 8 : 7)) return fail_bitcode("bitcode: bad long double cast %u", I->sub);
            op = to ? (y->k == TK_FLT ? F80_FROM_F32 : F80_FROM_F64) : (y->k == TK_FLT ? F80_TO_F32 : F80_TO_F64);
        } else if (y->k == TK_INT && w <= 64 && I->sub == (to ? 5u + sgn : 3u + sgn)) {
            if (to && sgn && w != 32 && w != 64 && lower_sext_to_temp(l, &a, w)) return -1;
            if (to && sgn && w > 32 && w < 64) w = 64;
            op = (to ? F80_FROM_S32 : F80_TO_S32) + 2 * (w > 32) + !sgn;
            if (to && w < 32 && !sgn) op = F80_FROM_U32;
            if (to && w < 32 && sgn) op = F80_FROM_S32;
        } else return fail_bitcode("bitcode: unsupported long double cast in '%.*s'", (int)l->f->nlen, l->f->name);
        W arg[4] = { (W)d, (W)lower_operand_slot(l, &a), 24, op };
        if (frame_call(l, (void *)fp80_run, arg, 4)) return -1;
        return !to && w != 32 && w != 64 ? mask_to(l, d, w) : 0;
    }
    }
    W arg[4] = { (W)d, (W)lower_operand_slot(l, &a), (W)lower_operand_slot(l, &b), op };
    return frame_call(l, (void *)fp80_run, arg, 4);
}

static int intrinsic(L *l, Ins *I, Fn *f) {
    const char *n = f->name + 5; uint32_t len = f->nlen - 5;
    uint32_t na = I->n - 1, *a = I->o + 1;
    uint32_t rt = I->ty;
    int32_t d = rt != NOTY ? lower_dest_slot(l, I->id) : 24;
    Operand x, y, z;
    int simd = simd_find(n, len);
    if (simd >= 0) return lower_simd(l, I, simd, d);
    int f80 = rt != NOTY && is_fp80(l, rt);
    for (uint32_t i = 0; i < na; i++) f80 |= a[i] < l->e->nv && is_fp80(l, value_type(l, a[i]));
    if (f80) {                                        /* long double: fmuladd and fabs; the rest are calls */
        if (has_prefix(n, len, "fmuladd") && na == 3) {     /* the x87 has no fused multiply-add: a product, then a sum */
            int32_t p = lower_frame_region(l, 16);
            if (lower_operand(l, a[0], 0, &x) || lower_operand(l, a[1], 0, &y) || lower_operand(l, a[2], 0, &z)) return -1;
            W mul[4] = { (W)p, (W)lower_operand_slot(l, &x), (W)lower_operand_slot(l, &y), F80_MUL }, add[4] = { (W)d, (W)p, (W)lower_operand_slot(l, &z), F80_ADD };
            return frame_call(l, (void *)fp80_run, mul, 4) || frame_call(l, (void *)fp80_run, add, 4);
        }
        if (!has_prefix(n, len, "fabs") || na != 1) return fail_bitcode("bitcode: unsupported intrinsic 'llvm.%.*s' on long double", (int)len, n);
        if (lower_operand(l, a[0], 0, &x)) return -1;
        W arg[4] = { (W)d, (W)lower_operand_slot(l, &x), 24, F80_ABS };
        return frame_call(l, (void *)fp80_run, arg, 4);
    }
    if (has_prefix(n, len, "dbg") || has_prefix(n, len, "lifetime") || has_prefix(n, len, "assume") || has_prefix(n, len, "va_end")
        || has_prefix(n, len, "experimental.noalias.scope.decl") || has_prefix(n, len, "invariant") || has_prefix(n, len, "sideeffect")
        || has_prefix(n, len, "var.annotation") || has_prefix(n, len, "donothing") || has_prefix(n, len, "prefetch"))
        return 0;
    if (has_prefix(n, len, "expect") || has_prefix(n, len, "ssa.copy") || has_prefix(n, len, "launder.invariant.group") || has_prefix(n, len, "strip.invariant.group")
        || has_prefix(n, len, "annotation") || has_prefix(n, len, "ptr.annotation")) {
        return lower_move_value(l, d, a[0]);
    }
    if (has_prefix(n, len, "memcpy") || has_prefix(n, len, "memmove") || has_prefix(n, len, "memset")) {
        int op = n[3] == 'c' ? OP_memcpy : n[3] == 'm' ? OP_memmove : OP_memset;
        if (na < 3) return fail_bitcode("bitcode: bad mem intrinsic");
        return E4(l->e->lab[op], slot_of(l, a[0], 0), slot_of(l, a[1], 0), slot_of(l, a[2], 0));
    }
    if (has_prefix(n, len, "stacksave")) return E2(OP(stsave), d);
    if (has_prefix(n, len, "stackrestore")) return E2(OP(strest), slot_of(l, a[0], 0));
    if (has_prefix(n, len, "va_start")) return E2(OP(vastart), slot_of(l, a[0], 0));
    if (has_prefix(n, len, "va_copy")) return E3(OP(vacopy), slot_of(l, a[0], 0), slot_of(l, a[1], 0));
    if (has_prefix(n, len, "eh.sjlj.setjmp")) return E3(OP(setjmp), d, slot_of(l, a[0], 0));    /* __builtin_setjmp: the engine's own, as setjmp */
    if (has_prefix(n, len, "eh.sjlj.longjmp")) { Operand one = { 1, 0, 1 }; return E3(OP(longjmp), slot_of(l, a[0], 0), lower_operand_slot(l, &one)); }
    if (has_prefix(n, len, "trap") || has_prefix(n, len, "debugtrap") || has_prefix(n, len, "ubsantrap")) return E1(OP(trap));
    if (has_prefix(n, len, "objectsize")) {
        uint64_t mn = 0; if (na > 1) const_scalar(l->e, a[1], &mn);
        Operand o = { 1, 0, (mn & 1) ? 0 : (uint64_t)-1 }; o.v = truncate_bits(int_width(l, rt), o.v);
        return lower_emit_move(l, d, &o, rt);
    }
    if (has_prefix(n, len, "is.constant")) return E3(OP(movi), d, 0);
    if (has_prefix(n, len, "returnaddress") || has_prefix(n, len, "frameaddress")) {
        uint64_t level = 0;
        if (na < 1 || const_scalar(l->e, a[0], &level)) return fail_bitcode("bitcode: %.*s needs a constant level", (int)len, n);
        return E4(OP(frameaddr), d, (W)level, n[0] == 'r');
    }
    if (has_prefix(n, len, "flt.rounds")) return E2(OP(fltrounds), d);
    uint32_t vt = rt != NOTY ? rt : (na ? value_type(l, a[0]) : 0);
    if (vt >= l->e->nty) return fail_bitcode("bitcode: intrinsic '%.*s' has an operand of no type", (int)len, n);
    uint32_t ne = lane_count(l, vt), et = scalar_type(l, vt);
    /* vector reductions */
    if (has_prefix(n, len, "vector.reduce")) {
        const char *r = n + 14; uint32_t rl = len - 14;
        if (na == 0 || value_type(l, a[na - 1]) >= l->e->nty) return fail_bitcode("bitcode: bad vector reduction operand");
        uint32_t src = a[na - 1], st2 = value_type(l, src), cnt = lane_count(l, st2), e2 = scalar_type(l, st2);
        int32_t acc = d;
        int start = 0;
        if ((has_prefix(r, rl, "fadd") || has_prefix(r, rl, "fmul")) && na == 2) {
            if (lower_operand(l, a[0], 0, &x) || lower_emit_move(l, acc, &x, e2)) return -1;
        } else { if (lower_operand(l, src, 0, &x) || lower_emit_move(l, acc, &x, e2)) return -1; start = 1; }
        for (uint32_t i = start; i < cnt; i++) {
            if (lower_operand(l, src, i, &y)) return -1;
            Operand A = { 0, acc, 0 };
            int c = lower_type_class(l, e2), w = (int)int_width(l, e2);
            if (has_prefix(r, rl, "add")) { if (lower_emit_bin(l, 0, e2, acc, A, y)) return -1; }
            else if (has_prefix(r, rl, "mul")) { if (lower_emit_bin(l, 2, e2, acc, A, y)) return -1; }
            else if (has_prefix(r, rl, "and")) { if (lower_emit_bin(l, 10, e2, acc, A, y)) return -1; }
            else if (has_prefix(r, rl, "or")) { if (lower_emit_bin(l, 11, e2, acc, A, y)) return -1; }
            else if (has_prefix(r, rl, "xor")) { if (lower_emit_bin(l, 12, e2, acc, A, y)) return -1; }
            else if (has_prefix(r, rl, "fadd")) { if (lower_emit_bin(l, 0, e2, acc, A, y)) return -1; }
            else if (has_prefix(r, rl, "fmul")) { if (lower_emit_bin(l, 2, e2, acc, A, y)) return -1; }
            else if (has_prefix(r, rl, "fmax") || has_prefix(r, rl, "fmin")) {
                int mx = r[2] == 'a';
                if (E4(l->e->lab[c == 2 ? (mx ? OP_maxf : OP_minf) : (mx ? OP_maxd : OP_mind)], acc, acc, lower_operand_slot(l, &y))) return -1;
            } else if (has_prefix(r, rl, "smax") || has_prefix(r, rl, "smin") || has_prefix(r, rl, "umax") || has_prefix(r, rl, "umin")) {
                int s = r[0] == 's', mx = r[2] == 'a';
                if (c == 1 && (!s || w == 64)) { if (E4(l->e->lab[s ? (mx ? OP_smax64 : OP_smin64) : (mx ? OP_umax64 : OP_umin64)], acc, acc, lower_operand_slot(l, &y))) return -1; }
                else if (c == 1) {
                    Operand B = y, t1 = { 0, acc, 0 };
                    if (lower_sext_to_temp(l, &t1, w) || lower_sext_to_temp(l, &B, w)) return -1;
                    if (E4(l->e->lab[mx ? OP_smax64 : OP_smin64], acc, t1.off, lower_operand_slot(l, &B)) || mask_to(l, acc, w)) return -1;
                } else {
                    Operand B = y; int32_t aa = acc;
                    if (s && w != 32) { Operand t1 = { 0, acc, 0 }; if (lower_sext_to_temp(l, &t1, w) || lower_sext_to_temp(l, &B, w)) return -1; aa = t1.off; }
                    if (E4(l->e->lab[s ? (mx ? OP_smax : OP_smin) : (mx ? OP_umax : OP_umin)], acc, aa, lower_operand_slot(l, &B))) return -1;
                    if (s && w != 32 && mask_to(l, acc, w)) return -1;
                }
            } else return fail_bitcode("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
        }
        return 0;
    }
    if (has_prefix(n, len, "fmuladd") && na == 3 && is_v2d(l, rt)) return lower_emit_v2d(l, OP_dmadv2, d, a, 3);
    /* element-wise intrinsics (scalar or vector) */
    for (uint32_t i = 0; i < ne; i++) {
        int32_t di = d + 8 * i;
        int c = lower_type_class(l, et); uint32_t w = int_width(l, et);
        if (na > 0 && lower_operand(l, a[0], i, &x)) return -1;
        if (na > 1 && lower_operand(l, a[1], i, &y)) return -1;
        if (na > 2 && lower_operand(l, a[2], i, &z)) return -1;
        int isf = c == 2;
#define FOP(nm) (l->e->lab[isf ? OP_##nm##f : OP_##nm##d])
#define FOPP(nm) (l->e->lab[isf ? OP_f##nm : OP_d##nm])
        int wk = -1;
        if (is_wide_int(l, et)) {
            static const char *const wn[] = { "ctpop", "ctlz", "cttz", "bswap", "bitreverse", "abs", 0, "smin", "smax", "umin", "umax", "fshl", "fshr" };
            for (int q = 0; q < 13 && wk < 0; q++) if (wn[q] && has_prefix(n, len, wn[q])) wk = WO_CTPOP + q;
        }
        if (wk >= 0) {                                    /* 65..128 bits */
            int two = wk >= WO_SMIN, three = wk >= WO_FSHL;
            if (lower_emit_wide(l, (uint32_t)wk, di, lower_operand_slot(l, &x), two ? (W)lower_operand_slot(l, &y) : 0, three ? (W)lower_operand_slot(l, &z) : 0, w)) return -1;
        }
        else if (has_prefix(n, len, "fabs")) { if (E3(FOP(fabs), di, lower_operand_slot(l, &x))) return -1; }
        else if (has_prefix(n, len, "sqrt")) { if (E3(FOP(sqrt), di, lower_operand_slot(l, &x))) return -1; }
        else if (has_prefix(n, len, "copysign")) { if (E4(l->e->lab[isf ? OP_cpsgnf : OP_cpsgnd], di, lower_operand_slot(l, &x), lower_operand_slot(l, &y))) return -1; }
        else if ((has_prefix(n, len, "minnum") || has_prefix(n, len, "minimum") || has_prefix(n, len, "maxnum") || has_prefix(n, len, "maximum"))) {
            int mx = n[1] == 'a', swap = y.imm && !fp_bits_nan(y.v, isf);     /* internal.h */
            uint16_t op = mx ? (isf ? OP_maxf : OP_maxd) : (isf ? OP_minf : OP_mind);
            if (E4(l->e->lab[op], di, lower_operand_slot(l, swap ? &y : &x), lower_operand_slot(l, swap ? &x : &y))) return -1;
        }
        else if (has_prefix(n, len, "fmuladd")) {
            if (E5(FOPP(mad), di, lower_operand_slot(l, &x), lower_operand_slot(l, &y), lower_operand_slot(l, &z))) return -1;
        } else if (has_prefix(n, len, "ctpop") || has_prefix(n, len, "ctlz") || has_prefix(n, len, "cttz") || has_prefix(n, len, "bswap") || has_prefix(n, len, "bitreverse")) {
            enum { K_POP, K_CLZ, K_CTZ, K_BSWAP, K_REV } kd = n[0] == 'b' ? (n[1] == 's' ? K_BSWAP : K_REV) : n[2] == 'p' ? K_POP : n[2] == 'l' ? K_CLZ : K_CTZ;
            if (c < 0) return fail_bitcode("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            if (kd == K_BSWAP && w % 16) return fail_bitcode("bitcode: bad bswap width %u", w);
            int32_t s = lower_operand_slot(l, &x);
            if (c == 1) {                                 /* 33..64 bits, zero above the width */
                if (kd == K_POP) { if (E3(OP(ctpop64), di, s)) return -1; }
                else if (kd == K_CLZ) {
                    if (E3(OP(ctlz64), di, s)) return -1;
                    if (w < 64 && E4(OP(addi), di, di, -(64 - w))) return -1;   /* < 64: the high word stays 0 */
                } else if (kd == K_CTZ) {
                    if (w < 64) { int32_t t = temp_slot(l); Operand bit = { 1, 0, 1ull << w }; if (E4(OP(or64), t, s, lower_operand_slot(l, &bit))) return -1; s = t; }
                    if (E3(OP(cttz64), di, s)) return -1;
                } else {
                    if (E3(kd == K_BSWAP ? OP(bswap64) : OP(bitrev64), di, s)) return -1;
                    if (w < 64) { Operand sh = { 1, 0, 64 - w }; if (E4(OP(lshr64), di, di, lower_operand_slot(l, &sh))) return -1; }
                }
                continue;
            }
            if (kd == K_BSWAP) {
                if (E3(w == 32 ? OP(bswap) : OP(bswap16), di, s)) return -1;
            } else if (kd == K_REV) {
                if (E3(OP(bitrev), di, s)) return -1;
                if (w < 32 && E4(OP(lshri), di, di, 32 - w)) return -1;
            } else if (kd == K_POP) { if (E3(OP(ctpop), di, s)) return -1; }
            else if (kd == K_CLZ) {
                if (E3(OP(ctlz), di, s)) return -1;
                if (w < 32 && E4(OP(addi), di, di, -(32 - w))) return -1;
            } else {
                if (w < 32) { int32_t t = temp_slot(l); if (E4(OP(ori), t, s, 1u << w)) return -1; s = t; }
                if (E3(OP(cttz), di, s)) return -1;
            }
        } else if (has_prefix(n, len, "fshl") || has_prefix(n, len, "fshr")) {
            int r = n[3] == 'r';
            if (c < 0) return fail_bitcode("bitcode: unsupported funnel shift width %u", w);
            if (w == 32) { if (E5(l->e->lab[r ? OP_fshr : OP_fshl], di, lower_operand_slot(l, &x), lower_operand_slot(l, &y), lower_operand_slot(l, &z))) return -1; }
            else if (w == 64) { if (E5(l->e->lab[r ? OP_fshr64 : OP_fshl64], di, lower_operand_slot(l, &x), lower_operand_slot(l, &y), lower_operand_slot(l, &z))) return -1; }
            else {
                /* s = z % w; fshl = x << s | y >> (w - s), fshr = y >> s | x << (w - s), at w bits:
                   with s = 0 the shift by w (< 64, in a 32/64-bit op) yields 0 for a w-bit value */
                Operand S = { 0, temp_slot(l), 0 }, N = { 0, temp_slot(l), 0 }, P = { 0, temp_slot(l), 0 }, Q = { 0, temp_slot(l), 0 }, Wd = { 1, 0, w };
                if (lower_emit_bin(l, 5, et, S.off, z, Wd) || lower_emit_bin(l, 1, et, N.off, Wd, S)) return -1;
                if (!r) { if (lower_emit_bin(l, 7, et, P.off, x, S) || lower_emit_bin(l, 8, et, Q.off, y, N)) return -1; }
                else if (lower_emit_bin(l, 8, et, P.off, y, S) || lower_emit_bin(l, 7, et, Q.off, x, N)) return -1;
                if (lower_emit_bin(l, 11, et, di, P, Q)) return -1;
            }
        } else if (has_prefix(n, len, "smin") || has_prefix(n, len, "smax") || has_prefix(n, len, "umin") || has_prefix(n, len, "umax")) {
            int s = n[0] == 's', mx = n[2] == 'a';
            if (c < 0) return fail_bitcode("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            int odd = s && w != 32 && w != 64;            /* signed at an odd width: sign-extend from bit w-1 */
            if (odd && (lower_sext_to_temp(l, &x, w) || lower_sext_to_temp(l, &y, w))) return -1;
            if (c == 1) { if (E4(l->e->lab[s ? (mx ? OP_smax64 : OP_smin64) : (mx ? OP_umax64 : OP_umin64)], di, lower_operand_slot(l, &x), lower_operand_slot(l, &y))) return -1; }
            else if (E4(l->e->lab[s ? (mx ? OP_smax : OP_smin) : (mx ? OP_umax : OP_umin)], di, lower_operand_slot(l, &x), lower_operand_slot(l, &y))) return -1;
            if (odd && mask_to(l, di, w)) return -1;
        } else if ((has_prefix(n, len, "uadd.sat") || has_prefix(n, len, "usub.sat") || has_prefix(n, len, "sadd.sat") || has_prefix(n, len, "ssub.sat"))) {
            int sb = n[1] == 's';
            if (c != 0 && c != 1) return fail_bitcode("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            if (n[0] == 'u') {                            /* t = x +- y; clamp when it wrapped */
                Operand R = { 0, temp_slot(l), 0 }, F = { 0, temp_slot(l), 0 }, lim = { 1, 0, sb ? 0 : truncate_bits(w, ~0ull) };
                if (lower_emit_bin(l, sb, et, R.off, x, y) || (sb ? lower_emit_cmp(l, 36, et, F.off, x, y) : lower_emit_cmp(l, 36, et, F.off, R, x))) return -1;
                if (E5(c == 1 ? OP(sel64) : OP(sel32), di, F.off, lower_operand_slot(l, &lim), R.off)) return -1;
            } else if (w < 64) {                          /* exact in 64 bits, then clamp */
                int32_t s2[2];
                Operand *xy[2] = { &x, &y };
                for (int q = 0; q < 2; q++) {
                    Operand *o = xy[q];
                    if (o->imm) { o->v = (uint64_t)((int64_t)(o->v << (64 - w)) >> (64 - w)); s2[q] = lower_operand_slot(l, o); continue; }
                    if (w != 32 && lower_sext_to_temp(l, o, w)) return -1;
                    if (w <= 32) { s2[q] = temp_slot(l); if (E3(OP(sx64), s2[q], o->off)) return -1; }
                    else s2[q] = o->off;
                }
                int32_t R = temp_slot(l);
                Operand mn = { 1, 0, ~0ull << (w - 1) }, mx = { 1, 0, (1ull << (w - 1)) - 1 };
                if (E4(sb ? OP(sub64) : OP(add64), R, s2[0], s2[1]) || E4(OP(smax64), R, R, lower_operand_slot(l, &mn)) || E4(OP(smin64), R, R, lower_operand_slot(l, &mx))) return -1;
                if (E3(w <= 32 ? OP(mov32) : OP(mov64), di, R) || mask_to(l, di, w)) return -1;
            } else {                                      /* 64: on overflow, MAX or MIN by the sign of x */
                int32_t R = lower_frame_region(l, 16), S = temp_slot(l);
                Operand sh = { 1, 0, 63 }, mx = { 1, 0, 0x7fffffffffffffffull };
                if (E4(sb ? OP(ssubo64) : OP(saddo64), R, lower_operand_slot(l, &x), lower_operand_slot(l, &y)) || E4(OP(ashr64), S, lower_operand_slot(l, &x), lower_operand_slot(l, &sh))
                    || E4(OP(xor64), S, S, lower_operand_slot(l, &mx)) || E5(OP(sel64), di, R + 8, S, R)) return -1;
            }
        } else if (has_prefix(n, len, "abs")) {
            int32_t t = temp_slot(l);
            Operand zero = { 1, 0, 0 };
            if (c < 0) return fail_bitcode("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            if (w != 32 && w != 64 && lower_sext_to_temp(l, &x, w)) return -1;
            if (c == 1) {
                if (E4(OP(sub64), t, lower_operand_slot(l, &zero), lower_operand_slot(l, &x)) || E4(OP(smax64), di, lower_operand_slot(l, &x), t)) return -1;
            } else if (E4(OP(sub), t, lower_operand_slot(l, &zero), lower_operand_slot(l, &x)) || E4(OP(smax), di, lower_operand_slot(l, &x), t)) return -1;
            if (w != 32 && w != 64 && mask_to(l, di, w)) return -1;
        } else if (len > 18 && !memcmp(n + 4, ".with.overflow", 14)) {
            static const char *nm[6] = { "sadd", "uadd", "ssub", "usub", "smul", "umul" };
            int k;
            for (k = 0; k < 6; k++) if (!memcmp(n, nm[k], 4)) break;
            if (k == 6) return fail_bitcode("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            uint32_t ow = int_width(l, value_type(l, a[0]));
            if (ow == 32) { if (E4(l->e->lab[OP_saddo + k], d, lower_operand_slot(l, &x), lower_operand_slot(l, &y))) return -1; }
            else if (ow == 64) { if (E4(l->e->lab[OP_saddo64 + k], d, lower_operand_slot(l, &x), lower_operand_slot(l, &y))) return -1; }
            else if (ow < 64) {
                /* odd widths: compute in 64 bits; overflow = the result does not
                   fit in ow bits (or the 64-bit multiply overflowed) */
                int sg = k == 0 || k == 2 || k == 4;
                Operand *ab[2] = { &x, &y };
                for (int q = 0; q < 2; q++) {
                    Operand *o = ab[q];
                    if (o->imm) { if (sg) o->v = (uint64_t)((int64_t)(o->v << (64 - ow)) >> (64 - ow)); lower_operand_slot(l, o); continue; }
                    if (sg && lower_sext_to_temp(l, o, ow)) return -1;
                    if (ow <= 32) { int32_t w64 = temp_slot(l); if (E3(sg ? OP(sx64) : OP(zx64), w64, o->off)) return -1; o->off = w64; }
                }
                int32_t t = lower_frame_region(l, 16), t2 = temp_slot(l), f = temp_slot(l);
                static const uint16_t bo64[6] = { OP_add64, OP_add64, OP_sub64, OP_sub64, OP_smulo64, OP_umulo64 };
                if (E4(l->e->lab[bo64[k]], t, x.off, y.off)) return -1;
                Operand sh = { 1, 0, ow }, zero = { 1, 0, 0 };
                if (sg) { if (E4(OP(sext64), t2, t, 64 - ow) || E4(OP(ne64), f, t, t2)) return -1; }
                else if (E4(OP(lshr64), t2, t, lower_operand_slot(l, &sh)) || E4(OP(ne64), f, t2, lower_operand_slot(l, &zero))) return -1;
                if (k >= 4 && E4(OP(or), f, f, t + 8)) return -1;
                if (E3(ow <= 32 ? OP(mov32) : OP(mov64), d, t) || mask_to(l, d, ow)) return -1;
                ty_size(l->e, rt);
                if (type_of(l, rt)->k != TK_ST || type_of(l, rt)->w < 2) return fail_bitcode("bitcode: bad overflow intrinsic result type");
                if (E3(OP(sf8), d + (int32_t)type_of(l, rt)->offs[1], f)) return -1;
            } else if (ow <= 128) {
                ty_size(l->e, rt);
                if (type_of(l, rt)->k != TK_ST || type_of(l, rt)->w < 2) return fail_bitcode("bitcode: bad overflow intrinsic result type");
                if (lower_emit_wide(l, WO_SADDO + k, d, lower_operand_slot(l, &x), lower_operand_slot(l, &y), type_of(l, rt)->offs[1], ow)) return -1;
            } else return fail_bitcode("bitcode: unsupported overflow intrinsic width %u", ow);
            return 0;
        } else if (has_prefix(n, len, "powi")) {          /* the compiler's runtime, as native code calls it */
            int argf = lower_type_class(l, scalar_type(l, value_type(l, a[0]))) == 2;
            void *fnp = ffi_lookup(l->e, argf ? "__powisf2" : "__powidf2", 9);
            if (!fnp) return fail(l->e, BFE_UNRESOLVED, "bitcode: unresolved external '%s' (needed for an intrinsic)", argf ? "__powisf2" : "__powidf2");
            if (E5(OP(ncall), di, fnp, argf ? RK_F32 : RK_F64, 2) || E2(lower_operand_slot(l, &x), argf ? 0 : 1) || E2(lower_operand_slot(l, &y), 0)) return -1;
        } else {
            /* libm functions */
            static const char *lm[][2] = { { "floor", "floor" }, { "ceil", "ceil" }, { "trunc", "trunc" }, { "round", "round" },
                { "rint", "rint" }, { "nearbyint", "nearbyint" }, { "exp2", "exp2" }, { "exp", "exp" }, { "log10", "log10" },
                { "log2", "log2" }, { "log", "log" }, { "pow", "pow" }, { "sin", "sin" }, { "cos", "cos" }, { "fma", "fma" },
                { "roundeven", "roundeven" }, { "lround", "lround" }, { "llround", "llround" }, { "lrint", "lrint" }, { "llrint", "llrint" },
                { 0, 0 } };
            int k;
            for (k = 0; lm[k][0]; k++) if (has_prefix(n, len, lm[k][0])) break;
            if (!lm[k][0]) return fail_bitcode("bitcode: unsupported intrinsic 'llvm.%.*s'", (int)len, n);
            char nb[24]; uint32_t q = (uint32_t)strlen(lm[k][1]); memcpy(nb, lm[k][1], q);
            uint32_t at = na ? scalar_type(l, value_type(l, a[0])) : et;
            int argf = lower_type_class(l, at) == 2;
            if (argf) nb[q++] = 'f';
            nb[q] = 0;
            Operand ar[3] = { x, y, z };
            if (n[0] == 'l') {                  /* lround etc.: integer result */
                void *fnp = ffi_lookup(l->e, nb, q);
                if (!fnp) return fail(l->e, BFE_UNRESOLVED, "bitcode: unresolved external '%s' (needed for an intrinsic)", nb);
                if (E5(OP(ncall), di, fnp, c == 1 ? RK_I64 : RK_I32, 1) || E2(lower_operand_slot(l, &x), argf ? 0 : 1)) return -1;
                continue;
            }
            if (lower_call_libm(l, nb, di, ar, (int)na, argf)) return -1;
        }
#undef FOP
#undef FOPP
    }
    return 0;
}

static int return_kind(L *l, uint32_t t) {
    if (t == NOTY) return RK_VOID;
    int c = lower_type_class(l, t);
    if (c == 0) return RK_I32;
    if (c == 1) return RK_I64;
    if (c == 2) return RK_F32;
    if (c == 3) return RK_F64;
    if (type_of(l, t)->k == TK_FP80) return RK_F80;
    return -1;
}
int lower_emit_call(L *l, Ins *I) {
    E *e = l->e;
    uint32_t callee = I->o[0], fty = I->ty2, na = I->n - 1;
    Ty *ft = type_of(l, fty);
    Fn *f = is_const(l, callee) ? direct_callee(e, callee) : 0;
    if (!f && is_const(l, callee) && e->v[callee].k == V_NONE)
        return fail_bitcode("bitcode: inline assembly is not supported (in '%.*s')", (int)l->f->nlen, l->f->name);
    if (f && f->intr) return intrinsic(l, I, f);
    int sj = f && f->isdecl && I->n >= 2 ? sj_kind(f->name, f->nlen) : 0;      /* the engine's own setjmp/longjmp */
    if (sj == 2 && I->n < 3) sj = 0;
    if (sj) return sj == 1 ? E3(OP(setjmp), lower_dest_slot(l, I->id), slot_of(l, I->o[1], 0)) : E3(OP(longjmp), slot_of(l, I->o[1], 0), slot_of(l, I->o[2], 0));
    uint32_t rt = I->ty;
    int rk = return_kind(l, rt);
    int32_t d = rt != NOTY ? lower_dest_slot(l, I->id) : 24;       /* void: header scratch word */
    if (rk < 0 && !(f && !f->isdecl && !f->varg && type_of(l, f->ty) == ft)) {
        if (type_of(l, rt)->k == TK_VEC) return fail_bitcode("bitcode: vector return values are not supported");
    }
    int fixed = ft->w;
    /* direct call to an interpreted, non-variadic function with the same type */
    if (f && !f->isdecl && !ft->vararg && f->ty == fty) {
        uint32_t nch = 0;
        for (uint32_t i = 0; i < na; i++) nch += lower_value_size(l, value_type(l, I->o[1 + i])) / 8;
        if (E4(OP(call), d, f, nch)) return -1;
        for (uint32_t i = 0; i < na; i++) {
            uint32_t v = I->o[1 + i], t = value_type(l, v), k = lower_value_size(l, t) / 8;
            if (k == 1) { if (E1(slot_of(l, v, 0))) return -1; continue; }
            int32_t s;
            if (type_of(l, t)->k == TK_VEC) { for (uint32_t q = 0; q < k; q++) if (E1(slot_of(l, v, q))) return -1; continue; }
            if (is_const(l, v)) { s = temp_slot(l); l->fsz += 8 * k; if (lower_move_value(l, s, v)) return -1; }
            else { Operand o; if (lower_operand(l, v, 0, &o)) return -1; s = o.off; }
            for (uint32_t q = 0; q < k; q++) if (E1(s + 8 * q)) return -1;
        }
        
        return 0;
    }
    if (rk < 0) return fail_bitcode("bitcode: unsupported return type in call from '%.*s'", (int)l->f->nlen, l->f->name);
    /* generic cdecl call: native, indirect or variadic */
    void *addr = 0;
    if (f && f->isdecl) {
        addr = f->native;
        if (!addr) addr = ffi_lookup(e, f->name, f->nlen);
        if (!addr && !f->weak) return fail(e, BFE_UNRESOLVED, "bitcode: unresolved external '%.*s'", (int)f->nlen, f->name);   /* weak and undefined: called through its null value */
    }
    if (f && !f->isdecl) { uint64_t x; const_scalar(e, f->vid, &x); addr = (void *)(W)x; }
    uint32_t sb;                                     /* native code pops a hidden struct-return pointer */
    if (rk == RK_VOID && na && !(f && !f->isdecl) && attr_has(e, I->aux, 1, ATTR_SRET, &sb)) {
        uint32_t sz = sb < e->nty ? ty_size(e, sb) : ty_size(e, type_of(l, value_type(l, I->o[1]))->elt);
        if (sz > 64) return fail_bitcode("bitcode: a struct result over 64 bytes from native code (in '%.*s')", (int)l->f->nlen, l->f->name);
        rk = RK_SRET | (int)(sz << 8);
    }
    int32_t ps = 0;
    if (!addr) ps = slot_of(l, callee, 0);
    if (addr && na == 1 && fixed >= 1 && !attr_has(e, I->aux, 1, ATTR_BYVAL, 0)) {       /* float f(float), double f(double): expf, sqrt ... */
        int c1 = lower_type_class(l, value_type(l, I->o[1]));
        int libm_sqrt = f && f->isdecl && f->nlen == 4 && !memcmp(f->name, "sqrt", 4);
        if (rk == RK_F64 && c1 == 3 && libm_sqrt) return E4(OP(sqrtd_libm), d, (W)addr, slot_of(l, I->o[1], 0));
        if ((rk == RK_F32 && c1 == 2) || (rk == RK_F64 && c1 == 3))
            return E4(rk == RK_F32 ? OP(ncallf) : OP(ncalld), d, (W)addr, slot_of(l, I->o[1], 0));
    }
    uint32_t nw = na;                                /* argument cells: a long double is 8 + 4 bytes */
    for (uint32_t i = 0; i < na; i++) nw += is_fp80(l, value_type(l, I->o[1 + i]));
    int32_t at = 0;
    if (rk == RK_F80) {                              /* a long double result: one more word, where d is (ncall) */
        at = temp_slot(l);
        if (E3(OP(lea), at, d)) return -1;
        if (f && !f->isdecl) { addr = 0; ps = slot_of(l, callee, 0); }   /* an interpreted callee through calli: its slot into d */
    }
    if (E5(addr ? OP(ncall) : OP(calli), d, addr ? (W)addr : (W)ps, rk, nw + (rk == RK_F80))) return -1;
    for (uint32_t i = 0; i < na; i++) {
        uint32_t v = I->o[1 + i], t = value_type(l, v);
        int c = lower_type_class(l, t);
        uint32_t bt;
        if (is_fp80(l, t)) { int32_t s = slot_of(l, v, 0); if (E2(s, 1) || E2(s + 8, 0)) return -1; continue; }
        if (attr_has(e, I->aux, i + 1, ATTR_BYVAL, &bt) && bt < e->nty) {      /* byval, fixed or variadic: the bytes themselves (va_arg reads them in place) */
            uint32_t sz = ty_size(e, bt);
            if (E2(slot_of(l, v, 0), (((sz + 3) & ~3u) << 2) | 2)) return -1;
            continue;
        }
        if (c < 0) return fail_bitcode("bitcode: unsupported argument type in call from '%.*s'", (int)l->f->nlen, l->f->name);
        if (E2(slot_of(l, v, 0), (c == 1 || c == 3) ? 1 : 0)) return -1;
    }
    if (rk == RK_F80 && E2(at, 0)) return -1;
    /* native and compiled code return a narrow integer extended as its attribute says (signext:
       sign bits); the interpreter's slots hold narrow integers zero-extended */
    if (rt != NOTY && type_of(l, rt)->k == TK_INT && type_of(l, rt)->w < 32) return mask_to(l, d, type_of(l, rt)->w);
    return 0;
}
