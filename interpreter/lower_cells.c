/* Lowering: the cells, labels, frame slots, constant image and operands every
 * stage emits through (lower.h). */
#include "lower.h"

int lower_emit_cells(L *l, int n, ...) {
    va_list ap; va_start(ap, n);
    for (int i = 0; i < n; i++) if (emit_cell(l, va_arg(ap, W))) { va_end(ap); return -1; }
    va_end(ap);
    return 0;
}

int32_t lower_frame_region(L *l, uint32_t size) {        /* positive frame region */
    uint32_t a = size >= 8 ? 8 : 4;
    l->fsz = (l->fsz + a - 1) & ~(a - 1);
    int32_t off = (int32_t)l->fsz;
    l->fsz += (size + 7) & ~7u;
    return off;
}
int32_t lower_const_slot(L *l, const void *bytes, uint32_t size) {   /* constant image */
    uint32_t sz = (size + 7) & ~7u;
    if (sz == 8)                                     /* dedupe scalars */
        for (uint32_t o = 8; o <= l->cn; o += 8)
            if (!memcmp(l->cd + l->ccap - o, bytes, size) && (size == 8 || !memcmp(l->cd + l->ccap - o + size, "\0\0\0\0\0\0\0", 8 - size)))
                return -(int32_t)o;
    if (l->cn + sz > l->ccap) {
        uint32_t nc = l->ccap ? l->ccap * 2 : 256;
        while (nc < l->cn + sz) nc *= 2;
        uint8_t *p = ealloc(l->e, nc); if (!p) return 0;
        if (l->cn) memcpy(p + nc - l->cn, l->cd + l->ccap - l->cn, l->cn);
        efree(l->e, l->cd); l->cd = p; l->ccap = nc;
    }
    l->cn += sz;
    memset(l->cd + l->ccap - l->cn, 0, sz);
    memcpy(l->cd + l->ccap - l->cn, bytes, size);
    return -(int32_t)l->cn;
}

/* scalar class: 0 i<=32/ptr, 1 i33..64, 2 float, 3 double, -1 other */
int lower_type_class(L *l, uint32_t t) {
    Ty *y = type_of(l, t);
    if (y->k == TK_INT) return y->w <= 32 ? 0 : y->w <= 64 ? 1 : -1;
    if (y->k == TK_PTR) return 0;
    if (y->k == TK_FLT) return 2;
    if (y->k == TK_DBL) return 3;
    return -1;
}
/* bytes a value occupies in the frame */
uint32_t lower_value_size(L *l, uint32_t t) {
    Ty *y = type_of(l, t);
    if (y->k == TK_VEC) return 8 * y->w;
    if (lower_type_class(l, t) >= 0) return 8;
    uint32_t s = ty_size(l->e, t);
    return (s + 7) & ~7u;
}

int lower_elem_const(L *l, uint32_t v, uint32_t i, uint64_t *out) {
    E *e = l->e; Val *x = &e->v[v];
    *out = 0;
    if (type_of(l, x->ty)->k != TK_VEC) return const_scalar(e, v, out);
    if (x->k == V_CNULL || x->k == V_CUNDEF) return 0;
    if (x->k == V_CDATA) { if (i < x->u.d.n) *out = x->u.d.d[i]; return 0; }
    if (x->k == V_CAGG) { if (i < x->u.a.n) return const_scalar(e, x->u.a.o[i], out); return 0; }
    return fail_bitcode("bitcode: unsupported vector constant");
}
int lower_emit_wide(L *l, uint32_t sub, int32_t d, W a, W b, W c, uint32_t w) {
    int32_t fpt = temp_slot(l), r = temp_slot(l);
    W arg[6] = { (W)d, a, b, c, (W)sub, (W)w };
    if (E3(OP(lea), fpt, 0) || E5(OP(ncall), r, (W)bf_wide, RK_I32, 7) || E2(fpt, 0)) return -1;
    for (int i = 0; i < 6; i++) { Operand o = { 1, 0, (uint32_t)arg[i] }; if (E2(lower_operand_slot(l, &o), 0)) return -1; }
    if (sub >= 3 && sub <= 6) {                      /* division by zero: trap, as native code would */
        uint32_t lb = new_label(l);
        if (E3(OP(beqi), r, 0) || emit_label_ref(l, lb) || E1(OP(trap))) return -1;
        l->lab[lb] = l->nc;
    }
    return 0;
}
/* a wide constant as four limbs (zero above its width) */
static int const_wide(L *l, uint32_t v, uint32_t *x) {
    E *e = l->e; Val *c = &e->v[v];
    uint32_t w = type_of(l, c->ty)->w;
    uint64_t lo = 0; int sg = 0;
    memset(x, 0, 16);
    switch (c->k) {
    case V_CNULL: case V_CUNDEF: return 0;
    case V_CWIDE: for (uint32_t i = 0; i < c->u.a.n && i < 4; i++) x[i] = c->u.a.o[i]; break;
    case V_CINT: lo = c->u.i; sg = 1; break;                  /* a sign-extended 64-bit record */
    case V_CE:                                                /* zext/sext/ptrtoint of a narrower constant */
        if (c->op == 11 && c->u.a.n >= 3 && (c->u.a.o[0] == 1 || c->u.a.o[0] == 2 || c->u.a.o[0] == 9)
            && c->u.a.o[1] < e->nty && !is_wide_int(l, c->u.a.o[1])) {
            uint32_t sw = int_width(l, c->u.a.o[1]);
            if (const_scalar(e, c->u.a.o[2], &lo)) return -1;
            lo = truncate_bits(sw, lo);
            if (c->u.a.o[0] == 2 && sw < 64 && (lo >> (sw - 1) & 1)) lo |= ~0ull << sw;
            sg = c->u.a.o[0] == 2;
            break;
        }
        return fail_bitcode("bitcode: unsupported %u-bit constant expression in '%.*s'", w, (int)l->f->nlen, l->f->name);
    default: return fail_bitcode("bitcode: unsupported %u-bit constant in '%.*s'", w, (int)l->f->nlen, l->f->name);
    }
    if (c->k != V_CWIDE) { x[0] = (uint32_t)lo; x[1] = (uint32_t)(lo >> 32); if (sg && (int64_t)lo < 0) x[2] = x[3] = ~0u; }
    for (uint32_t i = 0; i < 4; i++) {
        if (w <= 32 * i) x[i] = 0;
        else if (w < 32 * i + 32) x[i] &= (1u << (w - 32 * i)) - 1;
    }
    return 0;
}

/* operand for element i of value v */
int lower_operand(L *l, uint32_t v, uint32_t i, Operand *o) {
    memset(o, 0, sizeof *o);
    if (v >= l->e->nv) return fail_bitcode("bitcode: bad operand %u", v);
    if (is_const(l, v)) {
        uint32_t et = scalar_type(l, value_type(l, v));
        if (is_wide_int(l, et) && type_of(l, value_type(l, v))->k != TK_VEC) {
            uint32_t x[4];
            if (const_wide(l, v, x)) return -1;
            o->off = lower_const_slot(l, x, 16);
            return 0;
        }
        if (type_of(l, et)->k == TK_FP80) {                 /* its 10 bytes in a 16-byte constant slot */
            uint8_t x[16] = { 0 };
            if (const_bytes(l->e, v, x, 16)) return -1;
            o->off = lower_const_slot(l, x, 16);
            return 0;
        }
        o->imm = 1;
        if (lower_elem_const(l, v, i, &o->v)) return -1;
        if (type_of(l, et)->k == TK_INT) o->v = truncate_bits(type_of(l, et)->w, o->v);
        return 0;
    }
    if (!l->loc[v - l->base]) {
        if (l->fa[v - l->base] || l->gb[v - l->base]) return fail_bitcode("bitcode: internal: unmaterialised address");
        return fail_bitcode("bitcode: use of value %u before its definition in '%.*s'", v, (int)l->f->nlen, l->f->name);
    }
    o->off = l->loc[v - l->base] + 8 * i;
    return 0;
}
/* force an operand into a slot */
int32_t lower_operand_slot(L *l, Operand *o) {
    if (!o->imm) return o->off;
    int32_t s = lower_const_slot(l, &o->v, 8);
    o->imm = 0; o->off = s;
    return s;
}

int32_t lower_dest_slot(L *l, uint32_t v) {
    uint32_t k = v - l->base;
    if (v < l->base || k >= l->nloc) { fail_bitcode("bitcode: instruction without a valid result in '%.*s'", (int)l->f->nlen, l->f->name); return 24; }
    if (!l->loc[k]) l->loc[k] = lower_frame_region(l, lower_value_size(l, value_type(l, v)));
    return l->loc[k];
}

/* move src operand to dst slot, scalar type t */
int lower_emit_move(L *l, int32_t d, Operand *s, uint32_t t) {
    int c = lower_type_class(l, t);
    if (s->imm) {
        if (c < 0) return fail_bitcode("bitcode: internal: immediate for a %u-byte value in '%.*s'", lower_value_size(l, t), (int)l->f->nlen, l->f->name);
        if (c == 1 || c == 3) return E4(OP(movi64), d, (uint32_t)s->v, (uint32_t)(s->v >> 32));
        return E3(OP(movi), d, (uint32_t)s->v);
    }
    if (s->off == d) return 0;
    if (c == 1 || c == 3) return E3(OP(mov64), d, s->off);
    if (c >= 0) return E3(OP(mov32), d, s->off);
    uint32_t n = lower_value_size(l, t);
    return E4(OP(movn), d, s->off, n);
}
/* move whole value v into slot d (any type) */
int lower_move_value(L *l, int32_t d, uint32_t v) {
    uint32_t t = value_type(l, v);
    if (type_of(l, t)->k == TK_VEC) {
        for (uint32_t i = 0; i < type_of(l, t)->w; i++) { Operand o; if (lower_operand(l, v, i, &o) || lower_emit_move(l, d + 8 * i, &o, type_of(l, t)->elt)) return -1; }
        return 0;
    }
    if (lower_type_class(l, t) < 0 && is_const(l, v) && !is_wide_int(l, t)) {    /* aggregate constant */
        uint32_t n = lower_value_size(l, t);
        uint8_t *buf = ealloc(l->e, n + 8); if (!buf) return -1;
        if (const_bytes(l->e, v, buf, n)) { efree(l->e, buf); return -1; }
        int32_t s = lower_const_slot(l, buf, n); efree(l->e, buf);
        return E4(OP(movn), d, s, n);
    }
    Operand o; if (lower_operand(l, v, 0, &o)) return -1;
    return lower_emit_move(l, d, &o, t);
}
/* sign-extend a narrow int operand into a temp slot */
int32_t lower_sext_to_temp(L *l, Operand *o, uint32_t w) {
    if (o->imm) { uint64_t x = o->v; if (w < 64) x = (uint64_t)((int64_t)(x << (64 - w)) >> (64 - w)); o->v = x; return 0; }
    int32_t t = temp_slot(l);
    if (w < 32) { if (E4(OP(sext), t, o->off, 32 - w)) return -1; }
    else if (E4(OP(sext64), t, o->off, 64 - w)) return -1;
    o->off = t;
    return 0;
}
