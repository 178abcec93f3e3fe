/* Lowering of arithmetic, compares and casts: the instruction tables that map
 * an IR operation and type to a handler, immediates where an operand is constant. */
#include "lower.h"

static const uint16_t bin32[13] = { OP_add, OP_sub, OP_mul, OP_udiv, OP_sdiv, OP_urem, OP_srem, OP_shl, OP_lshr, OP_ashr, OP_and, OP_or, OP_xor };
static const uint16_t bin32i[13] = { OP_addi, OP_subi, OP_muli, OP_udivi, OP_sdivi, OP_uremi, OP_sremi, OP_shli, OP_lshri, OP_ashri, OP_andi, OP_ori, OP_xori };
static const uint16_t bin64[13] = { OP_add64, OP_sub64, OP_mul64, OP_udiv64, OP_sdiv64, OP_urem64, OP_srem64, OP_shl64, OP_lshr64, OP_ashr64, OP_and64, OP_or64, OP_xor64 };
static const uint16_t bin_float[5] = { OP_fadd, OP_fsub, OP_fmul, OP_fdiv, OP_frem };
static const uint16_t bin_double[5] = { OP_dadd, OP_dsub, OP_dmul, OP_ddiv, OP_drem };
int32_t lower_v2d_slot(L *l, uint32_t v) {
    if (!is_const(l, v)) return slot_of(l, v, 0);
    uint64_t x[2];
    if (lower_elem_const(l, v, 0, &x[0]) || lower_elem_const(l, v, 1, &x[1])) return 0;
    return lower_const_slot(l, x, 16);
}
int lower_emit_v2d(L *l, int op, int32_t d, const uint32_t *v, int n) {
    int32_t s[3];
    if (n == 2 && is_local(l, v[1]) && l->by_user[v[1] - l->base] == BY_LOAD) {     /* lower_defer_loads_to_users */
        if (!(s[0] = lower_v2d_slot(l, v[0]))) return -1;
        return lower_emit_v2d_load_op(l, op, d, s[0], v[1]);
    }
    for (int k = 0; k < n; k++) if (!(s[k] = lower_v2d_slot(l, v[k]))) return -1;
    if (E2(l->e->lab[op], d)) return -1;
    for (int k = 0; k < n; k++) if (E1(s[k])) return -1;
    return 0;
}
int lower_emit_bin(L *l, uint32_t opc, uint32_t t, int32_t d, Operand a, Operand b) {
    int c = lower_type_class(l, t);
    if (opc > 12) return fail_bitcode("bitcode: bad binary opcode %u", opc);
    if (c == 2 || c == 3) {
        if (opc > 4 && opc != 6 && opc != 4) { }
        static const uint8_t fmap[13] = { 0, 1, 2, 9, 3, 9, 4, 9, 9, 9, 9, 9, 9 };
        uint32_t k = fmap[opc];
        if (k > 4) return fail_bitcode("bitcode: bad float opcode");
        if (k == 4) { Operand ab[2] = { a, b }; return lower_call_libm(l, c == 2 ? "fmodf" : "fmod", d, ab, 2, c == 2); }
        return E4(l->e->lab[c == 2 ? bin_float[k] : bin_double[k]], d, lower_operand_slot(l, &a), lower_operand_slot(l, &b));
    }
    if (is_wide_int(l, t)) return lower_emit_wide(l, opc, d, lower_operand_slot(l, &a), lower_operand_slot(l, &b), 0, int_width(l, t));
    if (c < 0) return fail_bitcode("bitcode: unsupported integer width %u in '%.*s'", int_width(l, t), (int)l->f->nlen, l->f->name);
    uint32_t w = int_width(l, t);
    int sgn = opc == 4 || opc == 6 || opc == 9;
    if (sgn && w != 32 && w != 64) { if (lower_sext_to_temp(l, &a, w) || lower_sext_to_temp(l, &b, w)) return -1; }
    if (c == 1) {
        if (E4(l->e->lab[bin64[opc]], d, lower_operand_slot(l, &a), lower_operand_slot(l, &b))) return -1;
    } else {
        int comm = opc == 0 || opc == 2 || opc >= 10;
        if (a.imm && comm && !b.imm) { Operand t2 = a; a = b; b = t2; }
        if (b.imm && !a.imm) {
            uint32_t x = (uint32_t)b.v;
            if (opc == 1) { if (E4(OP(addi), d, a.off, -x)) return -1; }
            else if (opc >= 3 && opc <= 6 && x == 0) { if (E4(l->e->lab[bin32[opc]], d, a.off, lower_operand_slot(l, &b))) return -1; }
            else if (E4(l->e->lab[bin32i[opc]], d, a.off, x)) return -1;
        } else if (E4(l->e->lab[bin32[opc]], d, lower_operand_slot(l, &a), lower_operand_slot(l, &b))) return -1;
    }
    int needmask = w != 32 && w != 64 && !(opc == 3 || opc == 5 || opc == 8 || opc == 10 || opc == 11 || opc == 12);
    return needmask ? mask_to(l, d, w) : 0;
}

static const uint16_t cmp32[10] = { OP_eq, OP_ne, OP_ugt, OP_uge, OP_ult, OP_ule, OP_sgt, OP_sge, OP_slt, OP_sle };
static const uint16_t cmp32i[10] = { OP_eqi, OP_nei, OP_ugti, OP_ugei, OP_ulti, OP_ulei, OP_sgti, OP_sgei, OP_slti, OP_slei };
static const uint16_t cmp64[10] = { OP_eq64, OP_ne64, OP_ugt64, OP_uge64, OP_ult64, OP_ule64, OP_sgt64, OP_sge64, OP_slt64, OP_sle64 };
static const uint16_t fcmp_float[16] = { 0, OP_foeqf, OP_fogtf, OP_fogef, OP_foltf, OP_folef, OP_fonef, OP_fordf, OP_funof, OP_fueqf, OP_fugtf, OP_fugef, OP_fultf, OP_fulef, OP_funef, 0 };
static const uint16_t fcmp_double[16] = { 0, OP_foeqd, OP_fogtd, OP_foged, OP_foltd, OP_foled, OP_foned, OP_fordd, OP_funod, OP_fueqd, OP_fugtd, OP_fuged, OP_fultd, OP_fuled, OP_funed, 0 };

int lower_emit_cmp(L *l, uint32_t pred, uint32_t t, int32_t d, Operand a, Operand b) {
    int c = lower_type_class(l, t);
    if (c == 2 || c == 3) {
        if (pred == 0 || pred == 15) return E3(OP(movi), d, pred == 15);
        if (pred > 15) return fail_bitcode("bitcode: bad fcmp predicate");
        return E4(l->e->lab[c == 2 ? fcmp_float[pred] : fcmp_double[pred]], d, lower_operand_slot(l, &a), lower_operand_slot(l, &b));
    }
    if (pred < 32 || pred > 41) return fail_bitcode("bitcode: bad icmp predicate %u", pred);
    if (is_wide_int(l, t)) return lower_emit_wide(l, WO_CMP + pred - 32, d, lower_operand_slot(l, &a), lower_operand_slot(l, &b), 0, int_width(l, t));
    if (c < 0) return fail_bitcode("bitcode: unsupported integer width in compare");
    uint32_t p = pred - 32, w = int_width(l, t);
    if (p >= 6 && w != 32 && w != 64) { if (lower_sext_to_temp(l, &a, w) || lower_sext_to_temp(l, &b, w)) return -1; }
    if (c == 1) return E4(l->e->lab[cmp64[p]], d, lower_operand_slot(l, &a), lower_operand_slot(l, &b));
    if (a.imm && !b.imm) { Operand t2 = a; a = b; b = t2; p = swapped_pred[p]; }
    if (b.imm) return E4(l->e->lab[cmp32i[p]], d, a.off, (uint32_t)b.v);
    return E4(l->e->lab[cmp32[p]], d, a.off, b.off);
}

/* casts on scalars */
static int emit_cast(L *l, uint32_t opc, uint32_t st, uint32_t dt, int32_t d, Operand a) {
    int sc = lower_type_class(l, st), dc = lower_type_class(l, dt);
    uint32_t sw = int_width(l, st), dw = int_width(l, dt);
    if ((is_wide_int(l, st) && (dc >= 0 || is_wide_int(l, dt))) || (is_wide_int(l, dt) && sc >= 0)) {
        int32_t s = lower_operand_slot(l, &a);
        int ws = is_wide_int(l, st), wd = is_wide_int(l, dt), fs = sc == 2 || sc == 3, fd = dc == 2 || dc == 3;
        if ((opc <= 2 || opc == 9 || opc == 10) && !fs && !fd) {          /* trunc zext sext ptrtoint inttoptr */
            if (ws && wd) return lower_emit_wide(l, opc == 2 ? WO_WSEXT : WO_WEXT, d, s, sw, 0, dw);
            if (wd) return lower_emit_wide(l, opc == 2 ? WO_SEXT : WO_ZEXT, d, s, sw, 0, dw);
            return lower_emit_wide(l, WO_TRUNC, d, s, 0, 0, dw);
        }
        if ((opc == 3 || opc == 4) && fs && wd) return lower_emit_wide(l, (sc == 2 ? WO_F2UI : WO_D2UI) + (opc == 4), d, s, 0, 0, dw);
        if ((opc == 5 || opc == 6) && ws && fd) return lower_emit_wide(l, (dc == 2 ? WO_UI2F : WO_UI2D) + (opc == 6), d, s, 0, 0, sw);
        return fail_bitcode("bitcode: unsupported cast %u of a %u-bit integer in '%.*s'", opc, ws ? sw : dw, (int)l->f->nlen, l->f->name);
    }
    if (sc < 0 || dc < 0) return fail_bitcode("bitcode: unsupported cast (type kinds %u -> %u) in '%.*s'", type_of(l, st)->k, type_of(l, dt)->k, (int)l->f->nlen, l->f->name);
    if (a.imm) {                                   /* fold integer casts of constants */
        if (opc == 2) { uint64_t x = a.v; if (sw < 64) x = (uint64_t)((int64_t)(x << (64 - sw)) >> (64 - sw)); a.v = truncate_bits(dw, x); return lower_emit_move(l, d, &a, dt); }
        if (opc == 0 || opc == 1 || opc == 9 || opc == 10 || (opc == 11 && sc == dc)) { a.v = truncate_bits(dw, a.v); if (dc >= 2) a.v = a.v; return lower_emit_move(l, d, &a, dt); }
        lower_operand_slot(l, &a);
    }
    switch (opc) {
    case 0: case 1: case 9: case 10: case 12: case 11:    /* trunc zext ptrtoint inttoptr bitcast */
        if (opc == 11 && (sc >= 2 || dc >= 2)) {
            if ((sc == 1 || sc == 3) && (dc == 1 || dc == 3)) return E3(OP(mov64), d, a.off);
            return E3(OP(mov32), d, a.off);
        }
        if (sc == 0 && dc == 0 && opc == 1 && a.off == d) return 0;     /* a narrow load into this slot (lower_extend_in_place) */
        if (sc == 0 && dc == 0) { if (E3(OP(mov32), d, a.off)) return -1; return dw < sw ? mask_to(l, d, dw) : 0; }
        if (sc == 0 && dc == 1) return E3(OP(zx64), d, a.off);
        if (sc == 1 && dc == 0) { if (E3(OP(mov32), d, a.off)) return -1; return dw < 32 ? mask_to(l, d, dw) : 0; }
        if (E3(OP(mov64), d, a.off)) return -1;
        return dw < sw ? mask_to(l, d, dw) : 0;
    case 2:                                               /* sext */
        if (sc == 0 && dc == 0 && a.off == d) return 0;  /* a narrow load sign-extended into this slot (lower_extend_in_place) */
        if (sc == 0) {
            int32_t s = a.off;
            if (sw < 32) { if (E4(OP(sext), d, s, 32 - sw)) return -1; s = d; }
            if (dc == 1) { if (E3(OP(sx64), d, s)) return -1; return mask_to(l, d, dw); }
            if (s != d && E3(OP(mov32), d, s)) return -1;
            return mask_to(l, d, dw);
        }
        if (E4(OP(sext64), d, a.off, 64 - sw)) return -1;
        return mask_to(l, d, dw);
    case 3: case 4: {                                     /* fptoui fptosi */
        int u = opc == 3;
        uint16_t op = sc == 2 ? (dc == 1 ? (u ? OP_f2ul : OP_f2sl) : (u ? OP_f2ui : OP_f2si))
                             : (dc == 1 ? (u ? OP_d2ul : OP_d2sl) : (u ? OP_d2ui : OP_d2si));
        if (E3(l->e->lab[op], d, a.off)) return -1;
        return dw != 32 && dw != 64 ? mask_to(l, d, dw) : 0;
    }
    case 5: case 6: {                                     /* uitofp sitofp */
        int u = opc == 5;
        int32_t s = a.off;
        if (!u && sw != 32 && sw != 64) { Operand o = a; if (lower_sext_to_temp(l, &o, sw)) return -1; s = o.off; }
        uint16_t op = sc == 1 ? (dc == 2 ? (u ? OP_ul2f : OP_sl2f) : (u ? OP_ul2d : OP_sl2d))
                             : (dc == 2 ? (u ? OP_ui2f : OP_si2f) : (u ? OP_ui2d : OP_si2d));
        return E3(l->e->lab[op], d, s);
    }
    case 7: return sc == 3 ? E3(OP(d2f), d, a.off) : E3(OP(mov32), d, a.off);
    case 8: return sc == 2 ? E3(OP(f2d), d, a.off) : E3(OP(mov64), d, a.off);
    }
    return fail_bitcode("bitcode: bad cast opcode %u", opc);
}
/* a binary operation computing its operand's shift, mask or product itself (lower_fuse_into_users),
 * lane by lane for vectors: "op d a b C" is d = a op (b shift C), a op (b & C) or a + b * C,
 * "addmul d a b c" d = a + b * c; 1 when I is not one */
static const uint16_t shifted_op[3][3] = { { OP_addshl, OP_addshr, OP_addand }, { OP_orshl, OP_orshr, OP_orand }, { OP_xorshl, OP_xorshr, OP_xorand } };
static int emit_shifted_bin(L *l, Ins *I, int32_t d) {
    uint32_t k = is_local(l, I->o[1]) && l->by_user[I->o[1] - l->base] == BY_OP ? 1 : is_local(l, I->o[0]) && l->by_user[I->o[0] - l->base] == BY_OP ? 0 : 2;
    if (k == 2) return 1;
    Ins *S = &l->ir->ins[def_of(l, I->o[k])];
    int op = S->sub == 2 ? (is_const(l, S->o[1]) ? OP_addmuli : OP_addmul) : shifted_op[I->sub == 0 ? 0 : I->sub == 11 ? 1 : 2][S->sub == 10 ? 2 : S->sub - 7];
    for (uint32_t lane = 0; lane < lane_count(l, I->ty); lane++) {
        uint64_t c = 0;
        if (op == OP_addmul) c = (uint32_t)slot_of(l, S->o[1], lane);
        else if (lower_elem_const(l, S->o[1], lane, &c)) return -1;
        if (E5(l->e->lab[op], d + 8 * (int32_t)lane, slot_of(l, I->o[1 - k], lane), slot_of(l, S->o[0], lane), (uint32_t)c)) return -1;
    }
    return 0;
}
int lower_emit_scalar_op(L *l, Ins *I) {
    E *e = l->e;
    uint32_t t = I->ty;
    Operand a, b;
    uint32_t ne = lane_count(l, I->op == I_CMP ? I->ty2 : (I->op == I_CAST ? I->ty2 : t));
    if (I->op == I_SEL) ne = lane_count(l, t);
    int32_t d = lower_dest_slot(l, I->id);
    if (((I->op == I_BIN || I->op == I_FNEG || I->op == I_CAST) && is_fp80(l, t)) || ((I->op == I_CMP || I->op == I_CAST) && is_fp80(l, I->ty2)))
        return lower_fp80(l, I, d);
    if (I->op == I_BIN) { int r = emit_shifted_bin(l, I, d); if (r <= 0) return r; }
    if (I->op == I_CAST && (lane_count(l, t) != lane_count(l, I->ty2) || (I->sub == 11 && (type_of(l, t)->k == TK_VEC || type_of(l, I->ty2)->k == TK_VEC)))) {
        /* bitcast through memory */
        if (I->sub != 11) return fail_bitcode("bitcode: bad vector cast");
        uint32_t sz = ty_size(e, t);
        if (sz != ty_size(e, I->ty2)) return fail_bitcode("bitcode: bitcast between different sizes");
        int32_t m = lower_frame_region(l, sz + 8);
        uint32_t fake = I->o[0];
        /* store source into frame memory m, reload as the destination type */
        int32_t save = l->fa[I->id - l->base];
        Ty *st = type_of(l, I->ty2);
        if (st->k == TK_VEC) {
            uint32_t es = ty_size(e, st->elt);
            if (type_of(l, st->elt)->k == TK_INT && type_of(l, st->elt)->w == 1) {
                /* <N x i1> -> iN: gather bits */
                if (st->w > 32) return fail_bitcode("bitcode: unsupported bitcast of <%u x i1> in '%.*s'", st->w, (int)l->f->nlen, l->f->name);
                if (E3(OP(movi), d, 0)) return -1;
                for (uint32_t i = 0; i < st->w; i++) {
                    int32_t tt = temp_slot(l);
                    if (E4(OP(shli), tt, slot_of(l, fake, i), i) || E4(OP(or), d, d, tt)) return -1;
                }
                return 0;
            }
            for (uint32_t i = 0; i < st->w; i++) {
                int32_t s = slot_of(l, fake, i), o = m + i * es;
                if (es == 1) { if (E3(OP(sf8), o, s)) return -1; }
                else if (es == 2) { if (E3(OP(sf16), o, s)) return -1; }
                else if (E3(es == 4 ? OP(mov32) : OP(mov64), o, s)) return -1;
            }
        } else {
            Operand o; if (lower_operand(l, fake, 0, &o)) return -1;
            if (lower_emit_move(l, m, &o, I->ty2)) return -1;
        }
        (void)save;
        Ty *dt = type_of(l, t);
        if (dt->k == TK_VEC) {
            uint32_t es = ty_size(e, dt->elt);
            for (uint32_t i = 0; i < dt->w; i++) {
                int32_t o = m + i * es;
                if (es == 1) { if (E3(OP(lf8), d + 8 * i, o)) return -1; }
                else if (es == 2) { if (E3(OP(lf16), d + 8 * i, o)) return -1; }
                else if (E3(es == 4 ? OP(mov32) : OP(mov64), d + 8 * i, o)) return -1;
            }
            return 0;
        }
        Operand o = { 0, m, 0 };
        if (lower_emit_move(l, d, &o, t)) return -1;
        if (is_wide_int(l, t) && int_width(l, t) != 128) return lower_emit_wide(l, WO_MASK, d, d, 0, 0, int_width(l, t));
        return 0;
    }
    static const uint16_t v2d_bin[5] = { OP_daddv2, OP_dsubv2, OP_dmulv2, OP_ddivv2, OP_ddivv2 };   /* fdiv: 3 or 4 */
    if (I->op == I_BIN && is_v2d(l, t) && I->sub <= 4) return lower_emit_v2d(l, v2d_bin[I->sub], d, I->o, 2);
    if (I->op == I_FNEG && is_v2d(l, t)) return lower_emit_v2d(l, OP_dnegv2, d, I->o, 1);
    for (uint32_t i = 0; i < ne; i++) {
        int32_t di = d + 8 * i;
        switch (I->op) {
        case I_BIN:
            if (lower_operand(l, I->o[0], i, &a) || lower_operand(l, I->o[1], i, &b)) return -1;
            if (lower_emit_bin(l, I->sub, scalar_type(l, t), di, a, b)) return -1;
            break;
        case I_FNEG:
            if (lower_operand(l, I->o[0], i, &a)) return -1;
            if (E3(lower_type_class(l, scalar_type(l, t)) == 2 ? OP(fneg) : OP(dneg), di, lower_operand_slot(l, &a))) return -1;
            break;
        case I_CMP:
            if (lower_operand(l, I->o[0], i, &a) || lower_operand(l, I->o[1], i, &b)) return -1;
            if (lower_emit_cmp(l, I->sub, scalar_type(l, I->ty2), di, a, b)) return -1;
            break;
        case I_CAST:
            if (lower_operand(l, I->o[0], i, &a)) return -1;
            if (emit_cast(l, I->sub, scalar_type(l, I->ty2), scalar_type(l, t), di, a)) return -1;
            break;
        case I_FREEZE:
            if (lower_operand(l, I->o[0], i, &a) || lower_emit_move(l, di, &a, scalar_type(l, t))) return -1;
            break;
        case I_SEL: {
            uint32_t ct = value_type(l, I->o[0]);
            Operand c, x, y;
            if (lower_operand(l, I->o[0], type_of(l, ct)->k == TK_VEC ? i : 0, &c)) return -1;
            if (lower_operand(l, I->o[1], i, &x) || lower_operand(l, I->o[2], i, &y)) return -1;
            uint32_t et = scalar_type(l, t);
            if (c.imm) { if (lower_emit_move(l, di, (c.v & 1) ? &x : &y, et)) return -1; break; }
            /* `c && x`, `c || y` as clang writes them on i1 (select c, x, false / select c, true, y):
               an and / or, which a branch on it then fuses (band) */
            if (type_of(l, et)->k == TK_INT && type_of(l, et)->w == 1 && (y.imm ? !x.imm && !(y.v & 1) : x.imm && (x.v & 1))) {
                if (E4(y.imm ? OP(and) : OP(or), di, c.off, y.imm ? x.off : y.off)) return -1;
                break;
            }
            int cc = lower_type_class(l, et);
            if (cc < 0) {
                int32_t xs = x.imm ? 0 : x.off, ys = y.imm ? 0 : y.off;
                if (x.imm || y.imm) return fail_bitcode("bitcode: unsupported aggregate select");
                if (E6(OP(seln), di, c.off, xs, ys, lower_value_size(l, et))) return -1;
            } else if (E5((cc == 1 || cc == 3) ? OP(sel64) : OP(sel32), di, c.off, lower_operand_slot(l, &x), lower_operand_slot(l, &y))) return -1;
            break;
        }
        }
    }
    return 0;
}
int lower_emit_extract_element(L *l, Ins *I) {
    E *e = l->e;
    uint32_t t = I->ty;
    Operand a;
    int32_t d = lower_dest_slot(l, I->id);
    Operand ix; if (lower_operand(l, I->o[1], 0, &ix)) return -1;
    if (ix.imm) {
        if (ix.v >= lane_count(l, value_type(l, I->o[0]))) return E3(OP(movi64), d, 0) || E1(0);
        if (lower_operand(l, I->o[0], (uint32_t)ix.v, &a)) return -1;
        return lower_emit_move(l, d, &a, t);
    }
    int32_t vs;
    if (is_const(l, I->o[0])) {                  /* constant vector: one slot per element */
        uint32_t ne = lane_count(l, value_type(l, I->o[0]));
        uint64_t *buf = ealloc(e, 8 * ne + 8); if (!buf) return -1;
        for (uint32_t q = 0; q < ne; q++) {
            Operand o; if (lower_operand(l, I->o[0], q, &o)) { efree(e, buf); return -1; }
            buf[q] = o.v;
        }
        vs = lower_const_slot(l, buf, 8 * ne); efree(e, buf);
    } else vs = slot_of(l, I->o[0], 0);
    return E4(OP(movx), d, vs, lower_operand_slot(l, &ix));
}
/* lane i of shufflevector I's mask: an index into its operands' lanes, both
 * operands' lanes in a row; NOTY for an undef lane (a whole undef mask, or an
 * undef element of it) */
uint32_t lower_shuffle_lane(L *l, Ins *I, uint32_t i) {
    Val *mv = &l->e->v[I->o[2]];
    uint64_t m;
    if (mv->k == V_CUNDEF || (mv->k == V_CAGG && i < mv->u.a.n && l->e->v[mv->u.a.o[i]].k == V_CUNDEF)) return NOTY;
    if (lower_elem_const(l, I->o[2], i, &m)) return NOTY;
    return (uint32_t)m;
}
/* the first lane of the operands' lanes in a row that shufflevector I takes
 * lane by lane (every lane defined takes lane w + i: a window over both
 * operands, as a sliding window's `<a[1], b[0]>` does), else NOTY */
uint32_t lower_shuffle_window(L *l, Ins *I) {
    uint32_t n = lane_count(l, I->ty), n1 = lane_count(l, value_type(l, I->o[0])), w = NOTY;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t m = lower_shuffle_lane(l, I, i);
        if (m == NOTY) continue;
        if (m < i || m >= 2 * n1 || (w != NOTY && m - i != w)) return NOTY;
        w = m - i;
    }
    return w != NOTY && w + n <= 2 * n1 ? w : NOTY;
}
/* does shufflevector I's slot hold its lanes already: each lane defined at the
 * slot of the operand lane it takes (lower_alias_shuffle_windows)? */
int lower_shuffle_in_place(L *l, Ins *I) {
    uint32_t n = lane_count(l, I->ty), n1 = lane_count(l, value_type(l, I->o[0]));
    if (lower_shuffle_window(l, I) == NOTY) return 0;
    int32_t d = lower_dest_slot(l, I->id);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t m = lower_shuffle_lane(l, I, i), v = m == NOTY ? NOTY : I->o[m < n1 ? 0 : 1];
        if (m != NOTY && (!is_local(l, v) || slot_of(l, v, m < n1 ? m : m - n1) != d + 8 * (int32_t)i)) return 0;
    }
    return 1;
}
int lower_emit_shuffle(L *l, Ins *I) {
    E *e = l->e;
    uint32_t t = I->ty;
    Operand a;
    int32_t d = lower_dest_slot(l, I->id);
    uint32_t x = lower_splat_source(l, (uint32_t)(I - l->ir->ins));
    if (x != NOTY && is_v2d(l, t)) return E3(OP(splatd2), d, slot_of(l, x, 0));
    uint32_t n1 = lane_count(l, value_type(l, I->o[0])), n = lane_count(l, t), et = scalar_type(l, t);
    if (n == 4 && ty_size(e, et) == 4 && lower_type_class(l, et) >= 0 && e->v[I->o[2]].k != V_CUNDEF) {
        /* splat of one lane (<4 x float> broadcast): one splat4 */
        Val *mv = &e->v[I->o[2]];
        uint64_t m0 = 0, m; uint32_t i;
        for (i = 0; i < n; i++) {
            if (lower_elem_const(l, I->o[2], i, &m) || (mv->k == V_CAGG && i < mv->u.a.n && e->v[mv->u.a.o[i]].k == V_CUNDEF)) break;
            if (!i) m0 = (uint32_t)m; else if ((uint32_t)m != m0) break;
        }
        if (i == n && m0 < n1 && !is_const(l, I->o[0])) {
            uint32_t v = I->o[0], j = def_of(l, v), q = l->nc;
            /* lane 0 just inserted into undef (mov32 lane x): read x itself */
            if (m0 == 0 && j != NOTY && l->ir->ins[j].op == I_INSELT && just_before(l, v, q, 3, OP_mov32)
                && l->c[q - 2] == (W)slot_of(l, v, 0)) {
                W x = l->c[q - 1];
                l->nc = q - 3;
                return E3(OP(splat4), d, x);
            }
            if (lower_operand(l, v, (uint32_t)m0, &a)) return -1;
            if (!a.imm) return E3(OP(splat4), d, a.off);
        }
    }
    if (lower_shuffle_in_place(l, I)) return 0;     /* its operands' lanes where they are */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t m = lower_shuffle_lane(l, I, i);
        if (m >= 2 * n1) { Operand z = { 1, 0, 0 }; if (lower_emit_move(l, d + 8 * i, &z, et)) return -1; continue; }
        if (lower_operand(l, m < n1 ? I->o[0] : I->o[1], (uint32_t)(m < n1 ? m : m - n1), &a)) return -1;
        if (lower_emit_move(l, d + 8 * i, &a, et)) return -1;
    }
    return 0;
}
