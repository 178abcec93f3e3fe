/* Module reader: types, attributes, globals, constants (and constant
 * expressions), function declarations; function bodies are parsed into a
 * small IR on demand (fn_parse) and lowered by lower.c. Metadata, debug info,
 * value symbol tables and use-lists are skipped. */
#include "internal.h"

/* ---- memory and errors ---------------------------------------------- */
/* Every engine allocation carries a header linking it into the engine's
 * list, so bf_free releases everything and the budget is exact. */
typedef struct AH { uint32_t n; struct AH *prev, *next; uint32_t pad; } AH;
void *ealloc(E *e, uint32_t n) {
    void *p = ealloc_untouched(e, n);
    if (p) memset(p, 0, n);
    return p;
}
void *ealloc_untouched(E *e, uint32_t n) {
    uint32_t hs = (uint32_t)sizeof(AH);
    if (n > 0x7fffff00u || e->mem + n + hs > e->cfg.mem_budget || e->mem + n + hs < e->mem) {
        fail(e, BFE_NOMEM, "engine: memory budget exceeded (%u bytes in use, %u requested, budget %u)",
             e->mem, n, e->cfg.mem_budget);
        return 0;
    }
    AH *h = malloc(n + hs);
    if (!h) { fail(e, BFE_NOMEM, "engine: out of memory (%u bytes)", n); return 0; }
    h->n = n; h->prev = 0; h->next = e->allocs; if (e->allocs) ((AH *)e->allocs)->prev = h; e->allocs = h;
    e->mem += n + hs; if (e->mem > e->peak) e->peak = e->mem;
    return h + 1;
}
void efree(E *e, void *q) {
    if (!q) return;
    AH *h = (AH *)q - 1;
    if (h->prev) h->prev->next = h->next; else e->allocs = h->next;
    if (h->next) h->next->prev = h->prev;
    e->mem -= h->n + (uint32_t)sizeof(AH);
    free(h);
}
void *erealloc(E *e, void *q, uint32_t n) {
    if (!q) return ealloc(e, n);
    uint32_t old = ((AH *)q - 1)->n;
    if (n <= old) return q;
    void *r = ealloc(e, n);
    if (!r) return 0;
    memcpy(r, q, old); efree(e, q);
    return r;
}
/* Room for n elements in an array that grows one element at a time and
 * keeps no capacity: its block is sized in powers of two, so erealloc finds
 * room in place for all but log2(n) of the calls (a copy per call made
 * reading a module's globals, functions and attributes quadratic). */
void *grow_array(E *e, void *p, uint32_t n, uint32_t esz) {
    uint32_t room = 8;
    while (room < n) room *= 2;
    if ((uint64_t)room * esz > 0x7fffff00u) { fail(e, BFE_NOMEM, "engine: array of %u elements too large", n); return 0; }
    return erealloc(e, p, room * esz);
}
int grow(E *e, void **p, uint32_t *cap, uint32_t need, uint32_t esz) {
    if (need <= *cap) return 0;
    uint32_t nc = *cap ? *cap : 8;
    while (nc < need) nc *= 2;
    void *q = erealloc(e, *p, nc * esz);
    if (!q) return -1;
    *p = q; *cap = nc;
    return 0;
}

#ifdef BF_BOOTSTRAP
/* the kernel's vsnprintf formats the bootstrap's messages */
int vsnprintf(char *out, size_t cap, const char *f, va_list ap);
#define fmt(out, cap, f, ap) vsnprintf(out, cap, f, ap)
int bitcode_unexpected(E *e) {
    return fail(e, BFE_BITCODE, "bitcode: runtime.bc is not what the bootstrap reads (a build bug: see bitcode_unexpected in interpreter/internal.h)");
}
#else
/* %s %.*s %d %u %x: the engine's messages, in hosts without a C library */
static void fmt(char *out, uint32_t cap, const char *f, va_list ap) {
    uint32_t k = 0;
#define PUT(c) do { if (k + 1 < cap) out[k++] = (c); } while (0)
    for (; *f; f++) {
        if (*f != '%') { PUT(*f); continue; }
        f++;
        if (*f == 's') { const char *s = va_arg(ap, const char *); if (!s) s = "(null)"; while (*s) PUT(*s++); }
        else if (*f == '.' && f[1] == '*' && f[2] == 's') {
            int n = va_arg(ap, int); const char *s = va_arg(ap, const char *);
            for (int i = 0; i < n && s[i]; i++) PUT(s[i]);
            f += 2;
        } else if (*f == 'd' || *f == 'u' || *f == 'x') {
            uint32_t v = va_arg(ap, uint32_t); char t[12]; int n = 0;
            if (*f == 'd' && (int32_t)v < 0) { PUT('-'); v = -v; }
            uint32_t base = *f == 'x' ? 16 : 10;
            do { t[n++] = "0123456789abcdef"[v % base]; v /= base; } while (v);
            while (n) PUT(t[--n]);
        } else if (*f == '%') PUT('%');
        else if (!*f) break;
    }
    if (cap) out[k] = 0;
#undef PUT
}
#endif
int fail(E *e, int code, const char *f, ...) {
    if (e->errc) return e->errc;       /* keep the first error */
    va_list ap; va_start(ap, f); fmt(e->err, sizeof e->err, f, ap); va_end(ap);
    e->errc = code;
    return code;
}
#define BAD(...) bitcode_error(e, __VA_ARGS__)

/* ---- types ---------------------------------------------------------- */
static uint32_t alignup(uint32_t v, uint32_t a) { return (v + a - 1) & ~(a - 1); }

static void ty_layout(E *e, uint32_t t, int depth) {
    Ty *y = &e->ty[t];
    if (y->done) return;
    if (depth > 64) { BAD("bitcode: recursive type %u", t); y->done = 1; y->size = 0; y->align = 1; return; }
    uint32_t s = 0, a = 1;
    switch (y->k) {
    case TK_INT: s = y->w <= 8 ? 1 : y->w <= 16 ? 2 : y->w <= 32 ? 4 : y->w <= 64 ? 8 : (y->w + 7) / 8;
        a = s > 4 ? e->i64align : s; if (s == 3) { s = 4; a = 4; }
        if (y->w > 64) s = alignup(s, a);    /* wider ints: the largest int alignment (i64's), as LLVM */
        break;
    case TK_FLT: s = 4; a = 4; break;
    case TK_DBL: s = 8; a = e->f64align; break;
    case TK_FP80: s = 12; a = 4; break;              /* i386: 10 bytes, size 12, align 4 */
    case TK_PTR: case TK_FN: s = 4; a = 4; break;
    case TK_ARR: {
        if (y->elt >= e->nty) break;
        ty_layout(e, y->elt, depth + 1);
        Ty *el = &e->ty[y->elt]; y = &e->ty[t];
        uint64_t ss = (uint64_t)el->size * y->w;
        if (ss > 0x7fffffff) { BAD("bitcode: array type too large"); ss = 0; }
        s = (uint32_t)ss; a = el->align; break;
    }
    case TK_VEC: {
        if (y->elt >= e->nty) break;
        ty_layout(e, y->elt, depth + 1);
        Ty *el = &e->ty[y->elt]; y = &e->ty[t];
        uint32_t es = el->k == TK_INT && el->w == 1 ? 0 : el->size;
        s = es * y->w; if (el->k == TK_INT && el->w == 1) s = (y->w + 7) / 8;
        a = 1; while (a < s) a *= 2; if (a > 16) a = 16;
        s = alignup(s, a);
        break;
    }
    case TK_ST: {
        y->offs = ealloc(e, 4 * (y->w + 1)); if (!y->offs) break;
        for (uint32_t i = 0; i < y->w; i++) {
            uint32_t f = y->elts[i];
            if (f >= e->nty) { BAD("bitcode: bad struct field type"); break; }
            ty_layout(e, f, depth + 1);
            y = &e->ty[t];
            Ty *el = &e->ty[f];
            uint32_t fa = y->packed ? 1 : el->align;
            if (fa == 0) fa = 1;
            s = alignup(s, fa); y->offs[i] = s; s += el->size; if (fa > a) a = fa;
        }
        s = alignup(s, a);
        break;
    }
    default: s = 0; a = 1;
    }
    y = &e->ty[t];
    y->size = s; y->align = a ? a : 1; y->done = 1;
}
uint32_t ty_size(E *e, uint32_t t) { if (t >= e->nty) return 0; ty_layout(e, t, 0); return e->ty[t].size; }
uint32_t ty_align(E *e, uint32_t t) { if (t >= e->nty) return 1; ty_layout(e, t, 0); return e->ty[t].align; }

uint32_t ty_get(E *e, uint8_t k, uint32_t w, uint32_t elt) {
    for (uint32_t i = 0; i < e->nty; i++) {
        Ty *y = &e->ty[i];
        if (y->k == k && y->w == w && (k == TK_INT || k == TK_PTR || y->elt == elt)) return i;
    }
    if (grow(e, (void **)&e->ty, &e->capty, e->nty + 1, sizeof(Ty))) return 0;
    Ty *y = &e->ty[e->nty]; memset(y, 0, sizeof *y);
    y->k = k; y->w = w; y->elt = elt;
    return e->nty++;
}
uint32_t ty_struct2(E *e, uint32_t a, uint32_t b) {
    for (uint32_t i = 0; i < e->nty; i++) {
        Ty *y = &e->ty[i];
        if (y->k == TK_ST && y->w == 2 && !y->packed && y->elts[0] == a && y->elts[1] == b) return i;
    }
    if (grow(e, (void **)&e->ty, &e->capty, e->nty + 1, sizeof(Ty))) return 0;
    uint32_t *el = ealloc(e, 8); if (!el) return 0;
    el[0] = a; el[1] = b;
    Ty *y = &e->ty[e->nty]; memset(y, 0, sizeof *y);
    y->k = TK_ST; y->w = 2; y->elts = el;
    return e->nty++;
}

static int read_types(E *e) {
    BS *b = &e->bs;
    uint32_t cap = 0;
    for (;;) {
        int r = bs_next(b);
        if (r == BS_END) break;
        if (r == BS_ERR) return -1;
        if (r == BS_SUB) { if (bs_skip(b)) return -1; continue; }
        if (b->code == 1) {                               /* NUMENTRY */
            if (b->n < 1 || b->ops[0] > 1000000) return BAD("bitcode: bad type table size");
            if (grow(e, (void **)&e->ty, &e->capty, (uint32_t)b->ops[0] + 8, sizeof(Ty))) return -1;
            cap = (uint32_t)b->ops[0];
            continue;
        }
        if (b->code == 19) continue;                      /* STRUCT_NAME */
        if (grow(e, (void **)&e->ty, &e->capty, e->nty + 1, sizeof(Ty))) return -1;
        Ty *y = &e->ty[e->nty]; memset(y, 0, sizeof *y);
        uint64_t *o = b->ops; uint32_t n = b->n;
        switch (b->code) {
        case 2: y->k = TK_VOID; break;
        case 3: y->k = TK_FLT; break;
        case 4: y->k = TK_DBL; break;
        case 5: y->k = TK_LABEL; break;
        case 6: y->k = TK_ST; y->w = 0; break;            /* opaque */
        case 7: if (n < 1 || o[0] < 1 || o[0] > 8388608) return BAD("bitcode: bad integer type");
            y->k = TK_INT; y->w = (uint32_t)o[0]; break;
        case 8: if (n < 1) return BAD("bitcode: bad pointer type");
            y->k = TK_PTR; y->elt = (uint32_t)o[0]; break;
        case 25: y->k = TK_PTR; y->elt = 0xffffffff; break; /* opaque pointer */
        case 11: case 12:
            if (n < 2 || o[0] > 0x7fffffff) return BAD("bitcode: bad array/vector type");
            y->k = b->code == 11 ? TK_ARR : TK_VEC; y->w = (uint32_t)o[0]; y->elt = (uint32_t)o[1];
            if (b->code == 12 && (y->w == 0 || y->w > 1024)) return BAD("bitcode: unsupported vector length %u", y->w);
            break;
        case 18: case 20: case 21: {
            uint32_t skip = b->code == 21 ? 2 : 1;
            if (n < skip) return BAD("bitcode: bad struct/function type");
            y->k = b->code == 21 ? TK_FN : TK_ST;
            y->w = n - skip;
            if (b->code == 21) { y->vararg = (uint8_t)o[0]; y->elt = (uint32_t)o[1]; }
            else y->packed = (uint8_t)o[0];
            y->elts = ealloc(e, 4 * (y->w + 1)); if (!y->elts) return -1;
            y = &e->ty[e->nty];
            for (uint32_t i = 0; i < y->w; i++) y->elts[i] = (uint32_t)o[skip + i];
            break;
        }
        case 16: y->k = TK_META; break;
        case 13: y->k = TK_FP80; break;
        case 10: case 14: case 15: case 17: case 22: case 23: case 24: y->k = TK_OTHER; y->w = b->code; break;
        default: return BAD("bitcode: unknown type code %u", b->code);
        }
        e->nty++;
    }
    if (cap && e->nty != cap) return BAD("bitcode: type table has %u entries, expected %u", e->nty, cap);
    for (uint32_t i = 0; i < e->nty; i++) {
        Ty *y = &e->ty[i];
#if BF_FULL   /* the bootstrap's runtime.bc passed LLVM's verifier (guest_meta.c checks its CRC-32) */
        if ((y->k == TK_ARR || y->k == TK_VEC) && y->elt >= e->nty) return BAD("bitcode: bad element type");
        if (y->k == TK_FN && y->elt >= e->nty) return BAD("bitcode: bad return type");
        if ((y->k == TK_ST || y->k == TK_FN) && y->elts)
            for (uint32_t j = 0; j < y->w; j++) if (y->elts[j] >= e->nty) return BAD("bitcode: bad element type");
#endif
        if (y->k == TK_INT && y->w == 1) e->i1ty = i;
        if (y->k == TK_INT && y->w == 32) e->i32ty = i;
        if (y->k == TK_INT && y->w == 8) e->i8ty = i;
    }
    e->ptrty = ty_get(e, TK_PTR, 0, 0);
    if (!e->i1ty) e->i1ty = ty_get(e, TK_INT, 1, 0);
    if (!e->i32ty) e->i32ty = ty_get(e, TK_INT, 32, 0);
    return e->errc ? -1 : 0;
}

/* ---- attributes ----------------------------------------------------- */
static int read_attr_groups(E *e) {
    BS *b = &e->bs;
    for (;;) {
        int r = bs_next(b);
        if (r == BS_END) return 0;
        if (r == BS_ERR) return -1;
        if (r == BS_SUB) { if (bs_skip(b)) return -1; continue; }
        if (b->code != 3 || b->n < 2) continue;
        uint32_t id = (uint32_t)b->ops[0];
        if (id > 100000) return BAD("bitcode: bad attribute group id");
        if (id >= e->ngrp) {
            AttrList *g = grow_array(e, e->grp, id + 1, sizeof *g); if (!g) return -1;
            e->grp = g; e->ngrp = id + 1;
        }
        AttrList *g = &e->grp[id];
        uint32_t idx = (uint32_t)b->ops[1];
        for (uint32_t i = 2; i < b->n;) {
            uint64_t k = b->ops[i++];
            uint32_t kind = 0, ty = 0xffffffff;
            if (k == 0) { if (i >= b->n) break; kind = (uint32_t)b->ops[i++]; }
            else if (k == 1) { if (i + 1 >= b->n) break; kind = (uint32_t)b->ops[i]; ty = (uint32_t)b->ops[i + 1]; i += 2; }
            else if (k == 3 || k == 4) {
                while (i < b->n && b->ops[i]) i++;
                i++;
                if (k == 4) { while (i < b->n && b->ops[i]) i++; i++; }
                continue;
            } else if (k == 5 || k == 6) {
                if (i >= b->n) break; kind = (uint32_t)b->ops[i++];
                if (k == 6) { if (i >= b->n) break; ty = (uint32_t)b->ops[i++]; }
            } else break;
            Attr *na = grow_array(e, g->a, g->n + 1, sizeof *na); if (!na) return -1;
            g->a = na; g->a[g->n].idx = idx; g->a[g->n].kind = kind; g->a[g->n].ty = ty; g->n++;
        }
    }
}
static int read_attrs(E *e) {
    BS *b = &e->bs;
    for (;;) {
        int r = bs_next(b);
        if (r == BS_END) return 0;
        if (r == BS_ERR) return -1;
        if (r == BS_SUB) { if (bs_skip(b)) return -1; continue; }
        if (b->code != 2) continue;
        AttrList *l = grow_array(e, e->attrs, e->nattrs + 1, sizeof *l); if (!l) return -1;
        e->attrs = l; l = &e->attrs[e->nattrs++]; l->n = 0; l->a = 0;
        for (uint32_t i = 0; i < b->n; i++) {
            uint32_t g = (uint32_t)b->ops[i];
            if (g >= e->ngrp) continue;
            for (uint32_t j = 0; j < e->grp[g].n; j++) {
                Attr *na = grow_array(e, l->a, l->n + 1, sizeof *na); if (!na) return -1;
                l->a = na; l->a[l->n++] = e->grp[g].a[j];
            }
        }
    }
}
/* Whether attribute kind is anywhere in list (1-based PARAMATTR index, 0 none). */
static int attr_kind_in(E *e, uint32_t list, uint32_t kind) {
    if (!list || list > e->nattrs) return 0;
    AttrList *l = &e->attrs[list - 1];
    for (uint32_t i = 0; i < l->n; i++)
        if (l->a[i].kind == kind) return 1;
    return 0;
}
/* list: 1-based PARAMATTR index (0 none); idx: 0 return, i+1 param i */
int attr_has(E *e, uint32_t list, uint32_t idx, uint32_t kind, uint32_t *ty) {
    if (!list || list > e->nattrs) return 0;
    AttrList *l = &e->attrs[list - 1];
    for (uint32_t i = 0; i < l->n; i++)
        if (l->a[i].idx == idx && l->a[i].kind == kind) { if (ty) *ty = l->a[i].ty; return 1; }
    return 0;
}

/* ---- values --------------------------------------------------------- */
static Val *newval(E *e) {
    if (grow(e, (void **)&e->v, &e->capv, e->nv + 1, sizeof(Val))) return 0;
    Val *v = &e->v[e->nv];
    uint32_t ty = v->ty;                      /* forward-referenced type */
    memset(v, 0, sizeof *v); v->ty = ty;
    e->nv++;
    return v;
}

static int read_constants(E *e) {
    BS *b = &e->bs;
    uint32_t cur = e->i32ty;
    for (;;) {
        int r = bs_next(b);
        if (r == BS_END) return 0;
        if (r == BS_ERR) return -1;
        if (r == BS_SUB) { if (bs_skip(b)) return -1; continue; }
        uint64_t *o = b->ops; uint32_t n = b->n;
        if (b->code == 1) {
            if (n < 1 || o[0] >= e->nty) return BAD("bitcode: bad constant type");
            cur = (uint32_t)o[0]; continue;
        }
        Val *v = newval(e); if (!v) return -1;
        v->ty = cur;
        Ty *t = &e->ty[cur];
        switch (b->code) {
        case 2: v->k = V_CNULL; break;
        case 3: case 26: v->k = V_CUNDEF; break;
        case 4: {
            if (n < 1 || t->k != TK_INT) return BAD("bitcode: bad integer constant");
            uint64_t x = o[0]; int64_t s = (int64_t)(x >> 1); if (x & 1) s = s ? -s : (int64_t)0x8000000000000000ull;
            uint64_t u = (uint64_t)s;
            if (t->w < 64) u &= (1ull << t->w) - 1;
            v->k = V_CINT; v->u.i = u; break;
        }
#if BF_FULL   /* runtime.bc has no integer constant over 64 bits */
        case 5: {
            if (n < 1 || t->k != TK_INT) return BAD("bitcode: bad wide integer constant");
            v->k = V_CWIDE; v->u.a.n = n * 2; v->u.a.o = ealloc(e, 8 * n); if (!v->u.a.o) return -1;
            for (uint32_t i = 0; i < n; i++) {
                uint64_t x = o[i]; int64_t s = (int64_t)(x >> 1); if (x & 1) s = s ? -s : (int64_t)0x8000000000000000ull;
                v->u.a.o[2 * i] = (uint32_t)s; v->u.a.o[2 * i + 1] = (uint32_t)((uint64_t)s >> 32);
            }
            break;
        }
#endif
        case 6:
            if (n < 1) return BAD("bitcode: bad float constant");
            if (t->k == TK_FP80) {                       /* [sign+exponent << 48 | mantissa >> 16, mantissa & 0xffff] */
                if (n < 2) return BAD("bitcode: bad x86_fp80 constant");
                uint64_t m = o[0] << 16 | (o[1] & 0xffff);
                v->k = V_CWIDE; v->u.a.n = 4; v->u.a.o = ealloc(e, 16); if (!v->u.a.o) return -1;
                v->u.a.o[0] = (uint32_t)m; v->u.a.o[1] = (uint32_t)(m >> 32); v->u.a.o[2] = (uint32_t)(o[0] >> 48); v->u.a.o[3] = 0;
                break;
            }
            if (t->k != TK_FLT && t->k != TK_DBL)
                return BAD("bitcode: unsupported floating-point constant (only float, double and x86_fp80)");
            v->k = V_CFP; v->u.i = o[0]; break;
        case 7: case 8: case 9: case 22: {
            uint32_t cnt = n + (b->code == 9);
            if (b->code == 7) {
                v->k = V_CAGG; v->u.a.n = n; v->u.a.o = ealloc(e, 4 * n + 4); if (!v->u.a.o) return -1;
                for (uint32_t i = 0; i < n; i++) v->u.a.o[i] = (uint32_t)o[i];
            } else {
                v->k = b->code == 22 ? V_CDATA : V_CSTR; v->u.d.n = cnt; v->u.d.d = ealloc(e, 8 * cnt + 8);
                if (!v->u.d.d) return -1;
                for (uint32_t i = 0; i < n; i++) v->u.d.d[i] = o[i];
            }
            break;
        }
        case 10: case 11: case 12: case 20: case 24: case 13: case 14: case 15: case 16: case 17:
        case 25: case 27: case 29: case 19: {
            v->k = V_CE; v->op = (uint8_t)b->code;
            if (n > 4096) return BAD("bitcode: constant expression too large");
            v->u.a.n = n; v->u.a.o = ealloc(e, 4 * n + 4); if (!v->u.a.o) return -1;
            for (uint32_t i = 0; i < n; i++) v->u.a.o[i] = (uint32_t)o[i];
            if ((b->code == 12 || b->code == 20) && (n & 1) == 0) {   /* no explicit source type */
                return BAD("bitcode: GEP constant without source type");
            }
            break;
        }
        case 21:
            if (n < 3) return BAD("bitcode: bad blockaddress");
            v->k = V_BADDR; v->u.a.n = 2; v->u.a.o = ealloc(e, 8); if (!v->u.a.o) return -1;
            v->u.a.o[0] = (uint32_t)o[1]; v->u.a.o[1] = (uint32_t)o[2]; break;
        default: v->k = V_NONE; break;    /* inline asm etc.: an error if used */
        }
    }
}

/* ---- constant evaluation -------------------------------------------- */
/* Not inlined: a 64-bit shift by a variable is some 40 bytes of i386 code, and these have a dozen uses. */
static __attribute__((noinline)) uint64_t mask(uint32_t w, uint64_t x) { return w >= 64 ? x : x & ((1ull << w) - 1); }
static __attribute__((noinline)) int64_t sx(uint32_t w, uint64_t x) { return w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w); }
static int cdepth;

static int ce_scalar(E *e, Val *v, uint64_t *out);
int const_scalar(E *e, uint32_t vid, uint64_t *out) {
    *out = 0;
    if (vid >= e->nv) return BAD("bitcode: bad constant reference %u", vid);
    Val *v = &e->v[vid];
    switch (v->k) {
    case V_CINT: case V_CFP: *out = v->u.i; return 0;
    case V_CNULL: case V_CUNDEF: return 0;
    case V_CWIDE: *out = v->u.a.o[0] | (uint64_t)v->u.a.o[1] << 32; return 0;
    case V_GVAR: *out = (W)e->gv[v->u.idx].addr; return 0;
    case V_FN: {
        Fn *f = &e->fn[v->u.idx];
        if (!f->isdecl) *out = (W)(e->stubs + STUB_BYTES * f->idx);
        else *out = (W)f->native;
        return 0;
    }
#if BF_FULL
    case V_ALIAS: {
        if (++cdepth > 64) { cdepth--; return BAD("bitcode: constant nesting too deep"); }
        int r = const_scalar(e, e->al[v->u.idx].target, out); cdepth--; return r;
    }
#endif
    case V_BADDR: *out = 0x10000u * (v->u.a.o[0] + 1) + v->u.a.o[1] + 1; /* token: fn+bb */
        { uint32_t fv = v->u.a.o[0]; if (fv < e->nv && e->v[fv].k == V_FN) *out = ((uint64_t)(e->v[fv].u.idx + 1) << 16) | (v->u.a.o[1] + 1); }
        return 0;
    case V_CE: {
        if (++cdepth > 64) { cdepth--; return BAD("bitcode: constant nesting too deep"); }
        int r = ce_scalar(e, v, out); cdepth--; return r;
    }
    }
    return BAD("bitcode: unsupported constant kind %u used as scalar", v->k);
}

static uint32_t vty(E *e, uint32_t vid) { return vid < e->nv ? e->v[vid].ty : 0; }
static uint32_t iw(E *e, uint32_t t) { return t < e->nty && e->ty[t].k == TK_INT ? e->ty[t].w : 32; }

static int ce_scalar(E *e, Val *v, uint64_t *out) {
    uint32_t *o = v->u.a.o, n = v->u.a.n;
    uint64_t a = 0, c = 0;
    switch (v->op) {
    case 11: {                                     /* cast [opc, opty, opval] */
        if (n < 3 || o[1] >= e->nty) return BAD("bitcode: bad cast constant");
        if (const_scalar(e, o[2], &a)) return -1;
        uint32_t sw = iw(e, o[1]), dw = iw(e, v->ty);
        Ty *st = &e->ty[o[1]], *dt = &e->ty[v->ty];
        switch (o[0]) {
#if BF_FULL   /* runtime.bc's constant casts are ptrtoint, inttoptr and bitcast */
        case 0: *out = mask(dw, a); return 0;
        case 1: *out = mask(sw, a); return 0;
        case 2: *out = mask(dw, (uint64_t)sx(sw, a)); return 0;
#endif
        case 9: case 10: case 11: case 12:
            *out = mask(dt->k == TK_INT ? dw : (dt->k == TK_DBL ? 64 : 32), a);
            (void)st; (void)sw; return 0;   /* both used by the casts BF_FULL reads */
#ifndef BF_BOOTSTRAP    /* runtime.bc's constant expressions are GEPs, integer or pointer casts and compares (a weak function's address with null): LLVM folds the rest */
        case 3: case 4: case 5: case 6: case 7: case 8: {
            double d; float f;
            if (o[0] <= 4) { if (st->k == TK_FLT) { uint32_t x = (uint32_t)a; memcpy(&f, &x, 4); d = f; } else memcpy(&d, &a, 8);
                *out = mask(dw, o[0] == 3 ? (uint64_t)d : (uint64_t)(int64_t)d); return 0; }
            if (o[0] <= 6) d = o[0] == 5 ? (double)mask(sw, a) : (double)sx(sw, a);
            else if (st->k == TK_FLT) { uint32_t x = (uint32_t)a; memcpy(&f, &x, 4); d = f; } else memcpy(&d, &a, 8);
            if (dt->k == TK_FLT) { f = (float)d; uint32_t x; memcpy(&x, &f, 4); *out = x; } else memcpy(out, &d, 8);
            return 0;
        }
#endif
        }
        return BAD("bitcode: bad cast constant opcode %u", o[0]);
    }
#ifndef BF_BOOTSTRAP
    case 10: {                                     /* binop [opc, lhs, rhs] */
        if (n < 3) return BAD("bitcode: bad binop constant");
        if (const_scalar(e, o[1], &a) || const_scalar(e, o[2], &c)) return -1;
        uint32_t w = iw(e, v->ty);
        if (e->ty[v->ty].k != TK_INT) return BAD("bitcode: unsupported floating-point constant expression");
        uint64_t r;
        switch (o[0]) {
        case 0: r = a + c; break; case 1: r = a - c; break; case 2: r = a * c; break;
        case 3: r = c ? mask(w, a) / mask(w, c) : 0; break;
        case 4: r = c ? (uint64_t)(sx(w, a) / sx(w, c)) : 0; break;
        case 5: r = c ? mask(w, a) % mask(w, c) : 0; break;
        case 6: r = c ? (uint64_t)(sx(w, a) % sx(w, c)) : 0; break;
        case 7: r = c < 64 ? a << c : 0; break; case 8: r = c < 64 ? mask(w, a) >> c : 0; break;
        case 9: r = c < 64 ? (uint64_t)(sx(w, a) >> c) : 0; break;
        case 10: r = a & c; break; case 11: r = a | c; break; case 12: r = a ^ c; break;
        default: return BAD("bitcode: bad binop constant opcode %u", o[0]);
        }
        *out = mask(w, r); return 0;
    }
#endif
    case 12: case 20: case 24: {                   /* gep [srcty, (flags), (ty, val)*] */
        uint32_t k = 0, t = o[k++];
        if (v->op == 24) k++;
        if (n < k + 2 || t >= e->nty) return BAD("bitcode: bad GEP constant");
        if (const_scalar(e, o[k + 1], &a)) return -1;
        uint64_t addr = a;
        for (uint32_t i = k + 2, first = 1; i + 1 < n; i += 2, first = 0) {
            if (const_scalar(e, o[i + 1], &c)) return -1;
            int64_t idx = sx(iw(e, o[i]), c);
            if (first) { addr += (uint64_t)(idx * (int64_t)ty_size(e, t)); continue; }
            Ty *y = &e->ty[t];
            if (y->k == TK_ST) {
                if ((uint64_t)idx >= y->w) return BAD("bitcode: bad struct index in GEP constant");
                ty_size(e, t); addr += e->ty[t].offs[idx]; t = e->ty[t].elts[idx];
            } else if (y->k == TK_ARR || y->k == TK_VEC) {
                t = y->elt; addr += (uint64_t)(idx * (int64_t)ty_size(e, t));
            } else return BAD("bitcode: bad GEP constant type");
        }
        *out = (uint32_t)addr; return 0;
    }
#ifndef BF_BOOTSTRAP
    case 13:                                       /* select [c, t, f] */
        if (n < 3 || const_scalar(e, o[0], &a)) return -1;
        return const_scalar(e, (a & 1) ? o[1] : o[2], out);
#endif
    case 17: {                                     /* cmp [opty, lhs, rhs, pred] */
        if (n < 4 || const_scalar(e, o[1], &a) || const_scalar(e, o[2], &c)) return -1;
        uint32_t w = iw(e, vty(e, o[1]));
        if (e->ty[vty(e, o[1])].k == TK_FLT || e->ty[vty(e, o[1])].k == TK_DBL)
            return BAD("bitcode: unsupported fcmp constant expression");
#if BF_FULL
        int64_t sa = sx(w, a), sc = sx(w, c);
#endif
        a = mask(w, a); c = mask(w, c);
        int r;
        switch (o[3]) {
        case 32: r = a == c; break; case 33: r = a != c; break;
#if BF_FULL   /* runtime.bc's are eq and ne (a weak function's address against null) */
        case 34: r = a > c; break; case 35: r = a >= c; break;
        case 36: r = a < c; break; case 37: r = a <= c; break; case 38: r = sa > sc; break; case 39: r = sa >= sc; break;
        case 40: r = sa < sc; break; case 41: r = sa <= sc; break;
#endif
        default: return BAD("bitcode: bad cmp constant predicate");
        }
        *out = r; return 0;
    }
    case 27: case 29:                              /* dso_local_equivalent / no_cfi [ty, gv] */
        if (n < 2) return BAD("bitcode: bad constant");
        return const_scalar(e, o[1], out);
    }
    return BAD("bitcode: unsupported constant expression (code %u)", v->op);
}

int const_bytes(E *e, uint32_t vid, uint8_t *out, uint32_t size) {
    if (vid >= e->nv) return BAD("bitcode: bad constant reference %u", vid);
    Val *v = &e->v[vid];
    uint32_t t = v->ty;
    if (t >= e->nty) return BAD("bitcode: bad constant type");
    uint32_t ts = ty_size(e, t);
    if (ts > size) return BAD("bitcode: initialiser larger than its global");
    Ty *y = &e->ty[t];
    switch (v->k) {
    case V_CNULL: case V_CUNDEF: memset(out, 0, ts); return 0;
    case V_CWIDE: {
        uint32_t nb = v->u.a.n * 4; if (nb > ts) nb = ts;
        memset(out, 0, ts); memcpy(out, v->u.a.o, nb); return 0;
    }
    case V_CAGG: {
        if (++cdepth > 64) { cdepth--; return BAD("bitcode: constant nesting too deep"); }
        for (uint32_t i = 0; i < v->u.a.n; i++) {
            uint32_t off, es;
            if (y->k == TK_ST) { if (i >= y->w) break; off = y->offs[i]; es = ty_size(e, y->elts[i]); }
            else { if (i >= y->w) break; es = ty_size(e, y->elt); off = i * es; }
            if (off + es > ts) break;
            if (const_bytes(e, v->u.a.o[i], out + off, es)) { cdepth--; return -1; }
        }
        cdepth--;
        return 0;
    }
    case V_CDATA: case V_CSTR: {
        uint32_t es = (y->k == TK_ARR || y->k == TK_VEC) ? ty_size(e, y->elt) : 1;
        if (es == 1) {   /* strings: a store per byte, not a memcpy call */
            for (uint32_t i = 0; i < v->u.d.n && i < ts; i++) out[i] = (uint8_t)v->u.d.d[i];
            return 0;
        }
        for (uint32_t i = 0; i < v->u.d.n && (i + 1) * es <= ts; i++) {
            uint64_t x = v->u.d.d[i];
            memcpy(out + i * es, &x, es > 8 ? 8 : es);
        }
        return 0;
    }
    }
    uint64_t x;
    if (const_scalar(e, vid, &x)) return -1;
    if (y->k == TK_VEC || y->k == TK_ARR || y->k == TK_ST) return BAD("bitcode: unsupported aggregate constant");
    memcpy(out, &x, ts > 8 ? 8 : ts);
    return 0;
}

/* ---- module --------------------------------------------------------- */
static const char *sname(E *e, uint64_t off, uint64_t len, uint32_t *nlen) {
    if (!e->strtab || off > e->strtablen || len > e->strtablen - off) { *nlen = 0; return ""; }
    *nlen = (uint32_t)len;
    return e->strtab + off;
}

#if BF_FULL
/* a record of characters as a C string (cut at cap - 1) */
static uint32_t record_text(const uint64_t *o, uint32_t n, char *out, uint32_t cap) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < n && k + 1 < cap; i++) out[k++] = (char)o[i];
    out[k] = 0;
    return k;
}
static uint32_t decimal(const char *s) {
    uint32_t x = 0;
    while (*s >= '0' && *s <= '9' && x < 100000) x = x * 10 + (uint32_t)(*s++ - '0');
    return x;
}
#endif

static int read_module(E *e) {
    BS *b = &e->bs;
    uint32_t nbody = 0;
    for (;;) {
        int r = bs_next(b);
        if (r == BS_END) break;
        if (r == BS_ERR) return -1;
        if (r == BS_SUB) {
            uint32_t id = b->sub_id;
            if (id == 17) { if (bs_enter(b, id) || read_types(e)) return -1; }
            else if (id == 10) { if (bs_enter(b, id) || read_attr_groups(e)) return -1; }
            else if (id == 9) { if (bs_enter(b, id) || read_attrs(e)) return -1; }
            else if (id == 11) { if (bs_enter(b, id) || read_constants(e)) return -1; }
            else if (id == 12) {                     /* function body: remember, parse lazily */
                if (bs_enter(b, id)) return -1;
                uint32_t w = b->stk[b->depth - 1].width;
                uint32_t start = b->pos, end = b->stk[b->depth - 1].end;
                b->depth--;
                b->pos = end;
                while (nbody < e->nfn && e->fn[nbody].isdecl) nbody++;
                if (nbody >= e->nfn) return BAD("bitcode: function body without a declaration");
                e->fn[nbody].body = start; e->fn[nbody].body_end = end; e->fn[nbody].abw = w;
                nbody++;
            } else { if (bs_skip(b)) return -1; }
            continue;
        }
        uint64_t *o = b->ops; uint32_t n = b->n;
        switch (b->code) {
        case 1: if (n < 1) return BAD("bitcode: bad version record");
            e->version = (int)o[0];
            if (o[0] != 2) return BAD("bitcode: unsupported module version %u (need 2, LLVM >= 5 with strtab)", (uint32_t)o[0]);
            break;
#if BF_FULL   /* the bootstrap's runtime.bc is built for i386-unknown-none-elf, whose data layout is bf_load's default */
        /* The engine is i386: a triple, when there is one, must be i386..i686, and
         * a data layout, when there is one, must give 32-bit pointers (without a
         * "p:" entry LLVM's default is 64). A module with neither (hand-written
         * IR) is run with i386's layout. */
        case 2: {                                    /* triple */
            char t[128];
            uint32_t k = record_text(o, n, t, sizeof t);
            int is_i386 = k >= 4 && t[0] == 'i' && t[1] >= '3' && t[1] <= '6' && t[2] == '8' && t[3] == '6' && (k == 4 || t[4] == '-');
            if (k && !is_i386) return BAD("bitcode: target %s is not i386: compile with clang -m32 (--target=i386-...)", t);
            break;
        }
        case 3: {                                    /* datalayout */
            char dl[256];
            uint32_t k = record_text(o, n, dl, sizeof dl), pointer_bits = 64;
            for (uint32_t i = 0; i < k; i++) {
                if (i && dl[i - 1] != '-') continue;          /* the start of an entry */
                if ((dl[i] == 'i' || dl[i] == 'f') && i + 3 < k && dl[i + 1] == '6' && dl[i + 2] == '4' && dl[i + 3] == ':') {
                    uint32_t a = decimal(dl + i + 4);
                    if (a == 32 || a == 64) { if (dl[i] == 'i') e->i64align = a / 8; else e->f64align = a / 8; }
                }
                if (dl[i] == 'p' && (dl[i + 1] == ':' || (dl[i + 1] == '0' && dl[i + 2] == ':')))
                    pointer_bits = decimal(dl + i + (dl[i + 1] == ':' ? 2 : 3));
            }
            if (k && pointer_bits != 32)
                return BAD("bitcode: data layout '%s' has %u-bit pointers, not i386's 32: compile with clang -m32 (--target=i386-...)", dl, pointer_bits);
            break;
        }
#endif
        case 7: {                                    /* GLOBALVAR */
            if (n < 5) return BAD("bitcode: bad global variable record");
            Val *v = newval(e); if (!v) return -1;
            GVar *g = grow_array(e, e->gv, e->ngv + 1, sizeof *g); if (!g) return -1;
            e->gv = g; g = &e->gv[e->ngv]; memset(g, 0, sizeof *g);
            g->vid = e->nv - 1; g->name = sname(e, o[0], o[1], &g->nlen);
            uint32_t t = (uint32_t)o[2];
            if (t >= e->nty) return BAD("bitcode: bad global type");
            if (!(o[3] & 2)) { if (e->ty[t].k != TK_PTR) return BAD("bitcode: bad global type"); t = e->ty[t].elt; }
            if (t >= e->nty) return BAD("bitcode: bad global type");
            g->vty = t; g->isconst = o[3] & 1; g->init = (uint32_t)o[4];
            g->align = n > 6 && o[6] ? (1u << ((o[6] - 1) & 31)) : 0;
            if (g->align > 4096) g->align = 4096;
            g->ext = g->init == 0;
            g->weak = n > 5 && o[5] == 7;            /* extern_weak linkage */
            v = &e->v[e->nv - 1];
            v->k = V_GVAR; v->ty = e->ptrty; v->u.idx = e->ngv++;
            break;
        }
        case 8: {                                    /* FUNCTION */
            if (n < 7) return BAD("bitcode: bad function record");
            Val *v = newval(e); if (!v) return -1;
            Fn *f = grow_array(e, e->fn, e->nfn + 1, sizeof *f); if (!f) return -1;
            e->fn = f; f = &e->fn[e->nfn]; memset(f, 0, sizeof *f);
            f->vid = e->nv - 1; f->idx = e->nfn; f->e = e; f->name = sname(e, o[0], o[1], &f->nlen);
            f->ty = (uint32_t)o[2];
            if (f->ty >= e->nty) return BAD("bitcode: bad function type");
            if (e->ty[f->ty].k == TK_PTR) f->ty = e->ty[f->ty].elt;
            if (f->ty >= e->nty || e->ty[f->ty].k != TK_FN) return BAD("bitcode: bad function type");
            f->isdecl = o[4] != 0; f->attr = (uint32_t)o[6];
            f->byval = attr_kind_in(e, f->attr, ATTR_BYVAL);   /* the PARAMATTR blocks come first */
            f->varg = e->ty[f->ty].vararg;
            f->weak = o[5] == 7;                     /* extern_weak linkage */
            if (f->nlen > 5 && !memcmp(f->name, "llvm.", 5)) f->intr = 1;
            v = &e->v[e->nv - 1];
            v->k = V_FN; v->ty = e->ptrty; v->u.idx = e->nfn++;
            break;
        }
#if BF_FULL   /* runtime.bc has no alias */
        case 14: {                                   /* ALIAS [strtab, ty, addrspace, aliasee, linkage] */
            if (n < 6) return BAD("bitcode: bad alias record");
            Val *v = newval(e); if (!v) return -1;
            Alias *a = grow_array(e, e->al, e->nal + 1, sizeof *a); if (!a) return -1;
            e->al = a; a = &e->al[e->nal];
            a->vid = e->nv - 1; a->target = (uint32_t)o[5]; a->name = sname(e, o[0], o[1], &a->nlen);
            v = &e->v[e->nv - 1]; v->k = V_ALIAS; v->ty = e->ptrty; v->u.idx = e->nal++;
            break;
        }
        case 18: return BAD("bitcode: ifunc is not supported");
#endif
        }
    }
    while (nbody < e->nfn && e->fn[nbody].isdecl) nbody++;
    if (nbody != e->nfn) return BAD("bitcode: function '%.*s' has no body", (int)e->fn[nbody].nlen, e->fn[nbody].name);
    e->nmodv = e->nv;
    return 0;
}

Fn *fn_by_name(E *e, const char *name) {
    uint32_t n = (uint32_t)strlen(name);
    for (uint32_t i = 0; i < e->nfn; i++)
        if (e->fn[i].nlen == n && !memcmp(e->fn[i].name, name, n)) return &e->fn[i];
#if BF_FULL
    for (uint32_t i = 0; i < e->nal; i++)
        if (e->al[i].nlen == n && !memcmp(e->al[i].name, name, n)) {
            uint32_t t = e->al[i].target;
            if (t < e->nv && e->v[t].k == V_FN) return &e->fn[e->v[t].u.idx];
        }
#endif
    return 0;
}

static int is_intrinsic_ok(Fn *f) { return f->intr; }

/* setjmp and longjmp are the engine's own (exec.c unwinds its interpreter frames): never FFI */
int sj_kind(const char *name, uint32_t nlen) {
#if BF_FULL   /* runtime.bc calls neither by name (the engine's own use llvm.eh.sjlj): build/runtime-check.ts would name one */
    static const char *const set[] = { "_setjmp", "setjmp", "__sigsetjmp", "sigsetjmp", 0 };
    static const char *const jump[] = { "longjmp", "_longjmp", "siglongjmp", "__longjmp_chk", 0 };
    for (int i = 0; set[i]; i++) if (strlen(set[i]) == nlen && !memcmp(set[i], name, nlen)) return 1;
    for (int i = 0; jump[i]; i++) if (strlen(jump[i]) == nlen && !memcmp(jump[i], name, nlen)) return 2;
#else
    (void)name; (void)nlen;
#endif
    return 0;
}

static int link_module(E *e) {
    if (e->cfg.trace)
        for (uint32_t i = 0; i < e->nfn; i++) {
            uint32_t n = (uint32_t)strlen(e->cfg.trace);
            if (e->fn[i].nlen == n && !memcmp(e->fn[i].name, e->cfg.trace, n)) e->fn[i].traced = 1;
        }
#if BF_FULL
    for (uint32_t i = 0; i < e->nal; i++)
        if (e->al[i].target >= e->nmodv) return BAD("bitcode: bad alias target");
#endif
    /* externals */
    for (uint32_t i = 0; i < e->nfn; i++) {
        Fn *f = &e->fn[i];
        if (!f->isdecl || is_intrinsic_ok(f) || sj_kind(f->name, f->nlen)) continue;
        f->native = ffi_lookup(e, f->name, f->nlen);
        if (!f->native && !e->cfg.lazy_bind && !f->weak)      /* a weak one nothing defines is null, as ld makes it */
            return fail(e, BFE_UNRESOLVED, "bitcode: unresolved external '%.*s'", (int)f->nlen, f->name);
    }
    if (stubs_make(e)) return -1;
    for (uint32_t i = 0; i < e->ngv; i++) {
        GVar *g = &e->gv[i];
        if (g->ext) {
            g->addr = ffi_lookup(e, g->name, g->nlen);
            if (!g->addr && !g->weak) return fail(e, BFE_UNRESOLVED, "bitcode: unresolved external '%.*s'", (int)g->nlen, g->name);
            continue;
        }
        uint32_t sz = ty_size(e, g->vty), al = ty_align(e, g->vty);
        if (g->align > al) al = g->align;
        if (al < 8) al = 8;
        if (e->errc) return -1;
        uint8_t *p = ealloc(e, sz + al + 8); if (!p) return -1;
        g->addr = (uint8_t *)(((W)p + al - 1) & ~(W)(al - 1));
    }
    for (uint32_t i = 0; i < e->ngv; i++) {
        GVar *g = &e->gv[i];
        if (g->ext || !g->init) continue;
        if (g->init - 1 >= e->nmodv) return BAD("bitcode: bad initialiser for '%.*s'", (int)g->nlen, g->name);
        if (const_bytes(e, g->init - 1, g->addr, ty_size(e, g->vty))) return -1;
    }
    return e->errc ? -1 : 0;
}

void bf_free(bf_engine *e);

bf_engine *bf_load(const void *bc, uint32_t len, const bf_config *cfg, int *err, char *msg, uint32_t msglen) {
    E tmp; memset(&tmp, 0, sizeof tmp);
    tmp.cfg = *cfg;
    if (!tmp.cfg.mem_budget) tmp.cfg.mem_budget = 256u << 20;
    if (!tmp.cfg.stack_size) tmp.cfg.stack_size = 8u << 20;
    if (!tmp.cfg.max_depth) tmp.cfg.max_depth = 100000;
    E *e = malloc(sizeof *e);
    if (!e) { *err = BFE_NOMEM; if (msglen) { memcpy(msg, "engine: out of memory", 22 < msglen ? 22 : msglen); msg[msglen - 1] = 0; } return 0; }
    *e = tmp;
    e->mem = sizeof *e;
    e->allocs = 0;
    cdepth = 0;
    e->i64align = 4; e->f64align = 4;
    e->buf = bc; e->len = len;
    BS *b = &e->bs;
    if (bs_init(b, e, bc, len)) goto out;
    /* pass 1: find the string table (it follows the module block) */
    {
        uint32_t start = b->pos;
        for (;;) {
            int r = bs_next(b);
            if (r == BS_END) break;
            if (r != BS_SUB) goto out;
            if (b->sub_id == 23) {
                if (bs_enter(b, 23)) goto out;
                for (;;) {
                    r = bs_next(b);
                    if (r == BS_END) break;
                    if (r == BS_ERR) goto out;
                    if (r == BS_SUB) { if (bs_skip(b)) goto out; continue; }
                    if (b->code == 1 && b->blob) { e->strtab = (const char *)b->blob; e->strtablen = b->bloblen; }
                }
            } else if (bs_skip(b)) goto out;
        }
        b->pos = start;
    }
    int seen = 0;
    for (;;) {
        int r = bs_next(b);
        if (r == BS_END) break;
        if (r != BS_SUB) goto out;
        if (b->sub_id == 8 && !seen) {
            seen = 1;
            if (bs_enter(b, 8) || read_module(e)) goto out;
        } else if (bs_skip(b)) goto out;
    }
    if (!seen) { BAD("bitcode: no module block"); goto out; }
    if (!e->version) { BAD("bitcode: missing module version"); goto out; }
    /* frames need no zeroes: a page of the stack is touched when a frame first reaches it */
    e->stack = ealloc_untouched(e, e->cfg.stack_size + 64);
    if (!e->stack) goto out;
    e->stack = (uint8_t *)(((W)e->stack + 31) & ~(W)31);
    e->stack_end = e->stack + e->cfg.stack_size;
    e->sp = e->stack;
    if (link_module(e)) goto out;
    return e;
out:
    *err = e->errc ? e->errc : BFE_BITCODE;
    if (msglen) {
        uint32_t n = (uint32_t)strlen(e->err);
        if (n >= msglen) n = msglen - 1;
        memcpy(msg, e->err, n); msg[n] = 0;
    }
    bf_free(e);
    return 0;
}

const char *bf_error(bf_engine *e) { return e->err; }
void bf_get_stats(bf_engine *e, bf_stats_t *s) {
    s->insns = e->insns; s->lowered = e->lowered; s->mem_used = e->mem; s->mem_peak = e->peak; s->nfuncs = e->nfn; s->lower_us = e->lower_us;
}
void bf_free(bf_engine *e) {
    /* memory is process-owned in the hosts we run in; release the big blocks */
    if (!e) return;
    AH *h = e->allocs;
    while (h) { AH *n = h->next; free(h); h = n; }
    free(e);
}

/* ---- function bodies ------------------------------------------------- */
static int fwd(E *e, uint32_t id, uint32_t ty) {
    if (id >= e->nv + 1000000) return BAD("bitcode: value reference %u out of range", id);
    uint32_t old = e->capv;
    if (grow(e, (void **)&e->v, &e->capv, id + 1, sizeof(Val))) return -1;
    if (e->capv > old) memset(e->v + old, 0, (e->capv - old) * sizeof(Val));
    if (id >= e->nv && !e->v[id].fl) { e->v[id].ty = ty; e->v[id].fl = 1; }
    return 0;
}

static int getenv_dbg = 0;
typedef struct RD { E *e; uint64_t *o; uint32_t n, i, inst; } RD;
static int vt(RD *r, uint32_t *id, uint32_t *ty) {          /* value + type */
    E *e = r->e;
    if (r->i >= r->n) return BAD("bitcode: truncated instruction record");
    uint32_t v = r->inst - (uint32_t)r->o[r->i++];
    if (v < r->inst) { *id = v; *ty = r->e->v[v].ty; return 0; }
    if (r->i >= r->n) return BAD("bitcode: truncated instruction record");
    *ty = (uint32_t)r->o[r->i++];
    if (*ty >= r->e->nty) return BAD("bitcode: bad type %u in instruction (value %u, next %u)", *ty, v, r->inst);
    *id = v;
    return fwd(r->e, v, *ty);
}
static int vv(RD *r, uint32_t *id, uint32_t ty) {           /* value, type known */
    E *e = r->e;
    if (r->i >= r->n) return BAD("bitcode: truncated instruction record");
    uint32_t v = r->inst - (uint32_t)r->o[r->i++];
    *id = v;
    if (v >= r->inst) return fwd(r->e, v, ty);
    return 0;
}
static int num(RD *r, uint32_t *x) {
    E *e = r->e;
    if (r->i >= r->n) return BAD("bitcode: truncated instruction record");
    *x = (uint32_t)r->o[r->i++]; return 0;
}

static uint32_t *pool(E *e, FnIR *ir, uint32_t n) {
    if (grow(e, (void **)&ir->pool, &ir->cappool, ir->npool + n + 1, 4)) return 0;
    uint32_t *p = (uint32_t *)(W)(ir->npool + 1);   /* offset, fixed up later */
    ir->npool += n;
    return p;
}

int fn_parse(E *e, Fn *f, FnIR *ir) {
    memset(ir, 0, sizeof *ir);
    BS *b = &e->bs;
    b->depth = 0; b->pos = f->body;
    b->stk[0].id = 12; b->stk[0].width = f->abw; b->stk[0].nab = 0; b->stk[0].cap = 0; b->stk[0].ab = 0;
    b->stk[0].end = f->body_end; b->depth = 1;
    Ty *ft = &e->ty[f->ty];
    ir->base = e->nv;
    for (uint32_t i = 0; i < ft->w; i++) { Val *v = newval(e); if (!v) return -1; v->k = V_ARG; v->ty = e->ty[f->ty].elts[i]; }
    uint32_t cur_bb = 0; int have_blocks = 0;
    uint32_t *tmp = 0, tcap = 0;
    for (;;) {
        int r = bs_next(b);
        if (r == BS_END) break;
        if (r == BS_ERR) return -1;
        if (r == BS_SUB) {
            if (b->sub_id == 11) { if (bs_enter(b, 11) || read_constants(e)) return -1; }
            else if (bs_skip(b)) return -1;
            continue;
        }
        uint32_t code = b->code;
        if (code == 1) {
            if (b->n < 1 || b->ops[0] == 0 || b->ops[0] > 1000000) return BAD("bitcode: bad block count");
            ir->nbb = (uint32_t)b->ops[0];
            ir->bb = ealloc(e, 4 * (ir->nbb + 1)); if (!ir->bb) return -1;
            have_blocks = 1; continue;
        }
        if (code == 33 || code == 35 || code == 55 || code == 60) continue;
        if (getenv_dbg) e->cfg.print("rec %u n=%u nv=%u ops0=%u\n", code, b->n, e->nv, b->n ? (uint32_t)b->ops[0] : 0);
        if (!have_blocks) return BAD("bitcode: instruction before DECLAREBLOCKS");
        if (cur_bb >= ir->nbb) return BAD("bitcode: instruction after the last block");
        if (grow(e, (void **)&ir->ins, &ir->capins, ir->nins + 1, sizeof(Ins))) return -1;
        Ins *I = &ir->ins[ir->nins]; memset(I, 0, sizeof *I);
        I->id = 0xffffffff;
        if (b->n + 8 > tcap) {
            uint32_t nc = b->n + 64;
            uint32_t *nt2 = erealloc(e, tmp, 4 * nc); if (!nt2) return -1;
            tmp = nt2; tcap = nc;
        }
        RD rr = { e, b->ops, b->n, 0, e->nv }, *R = &rr;
        uint32_t nt = 0, a, ta, c, tc, x;
        uint32_t rty = NOTY;  /* result type */
        int term = 0;
#define T(v) do { if (nt >= tcap) goto big; tmp[nt++] = (v); } while (0)
        switch (code) {
        case 2:                                                   /* BINOP */
            if (vt(R, &a, &ta) || vv(R, &c, ta) || num(R, &x)) return -1;
            I->op = I_BIN; I->sub = (uint8_t)x; T(a); T(c); rty = ta;
            if (R->i < R->n) I->vol = (uint8_t)R->o[R->i];      /* flags (nuw/nsw/exact) */
            break;
        case 56:
            if (vt(R, &a, &ta) || num(R, &x)) return -1;
            I->op = I_FNEG; T(a); rty = ta; break;
        case 3:                                                   /* CAST */
            if (vt(R, &a, &ta) || num(R, &rty) || num(R, &x)) return -1;
            I->op = I_CAST; I->sub = (uint8_t)x; I->ty2 = ta; T(a); break;
        case 43: {                                                /* GEP */
            if (num(R, &x) || num(R, &I->ty2) || vt(R, &a, &ta)) return -1;
            I->op = I_GEP; I->vol = (uint8_t)x; T(a); rty = e->ptrty;
            if (e->ty[ta].k == TK_VEC) rty = ty_get(e, TK_VEC, e->ty[ta].w, e->ptrty);
            while (R->i < R->n) {
                if (vt(R, &c, &tc)) return -1;
                T(c);
                if (e->ty[tc].k == TK_VEC) rty = ty_get(e, TK_VEC, e->ty[tc].w, e->ptrty);
            }
            break;
        }
        case 29:                                                  /* VSELECT [t, f, cond] */
            if (vt(R, &a, &ta) || vv(R, &c, ta) || vt(R, &x, &tc)) return -1;
            I->op = I_SEL; T(x); T(a); T(c); rty = ta; break;
        case 6:
            if (vt(R, &a, &ta) || vt(R, &c, &tc)) return -1;
            I->op = I_EXTELT; T(a); T(c); rty = e->ty[ta].elt; break;
#if BF_FULL   /* runtime.bc has no insertelement, shufflevector, atomics, va_arg nor insertvalue: the bootstrap reads only it */
        case 7: {
            uint32_t el;
            if (vt(R, &a, &ta)) return -1;
            if (e->ty[ta].k != TK_VEC) return BAD("bitcode: insertelement on non-vector");
            if (vv(R, &el, e->ty[ta].elt) || vt(R, &c, &tc)) return -1;
            I->op = I_INSELT; T(a); T(el); T(c); rty = ta; break;
        }
        case 8: {
            uint32_t m, tm;
            if (vt(R, &a, &ta) || vv(R, &c, ta) || vt(R, &m, &tm)) return -1;
            if (e->ty[ta].k != TK_VEC || e->ty[tm].k != TK_VEC) return BAD("bitcode: bad shufflevector");
            I->op = I_SHUF; T(a); T(c); T(m); rty = ty_get(e, TK_VEC, e->ty[tm].w, e->ty[ta].elt); break;
        }
#endif
        case 9: case 28:                                          /* CMP2 */
            if (vt(R, &a, &ta) || vv(R, &c, ta) || num(R, &x)) return -1;
            I->op = I_CMP; I->sub = (uint8_t)x; T(a); T(c); I->ty2 = ta;
            rty = e->ty[ta].k == TK_VEC ? ty_get(e, TK_VEC, e->ty[ta].w, e->i1ty) : e->i1ty; break;
        case 10:
            I->op = I_RET; term = 1;
            if (R->n) { if (vt(R, &a, &ta)) return -1; T(a); }
            break;
        case 11:
            I->op = I_BR; term = 1;
            if (num(R, &a)) return -1; T(a);
            if (R->n > 1) { if (num(R, &c) || vv(R, &x, e->i1ty)) return -1; T(c); T(x); }
            break;
        case 12: {
            uint32_t ot;
            if (num(R, &ot) || vv(R, &a, ot) || num(R, &c)) return -1;
            if (ot >= e->nty) return BAD("bitcode: bad switch type");
            I->op = I_SWITCH; I->ty2 = ot; term = 1; T(a); T(c);
            while (R->i + 1 < R->n) { T((uint32_t)R->o[R->i]); T((uint32_t)R->o[R->i + 1]); R->i += 2; }
            break;
        }
        case 31: {
            uint32_t ot;
            if (num(R, &ot) || vv(R, &a, ot)) return -1;
            I->op = I_IBR; term = 1; T(a);
            while (R->i < R->n) T((uint32_t)R->o[R->i++]);
            break;
        }
        case 15: I->op = I_UNREACH; term = 1; break;
        case 16: {                                                /* PHI [ty, (val, bb)*] */
            if (num(R, &rty)) return -1;
            if (rty >= e->nty) return BAD("bitcode: bad phi type");
            I->op = I_PHI;
            uint32_t cnt = R->n - 1; if (cnt & 1) cnt--;
            for (uint32_t i = 0; i < cnt; i += 2) {
                uint64_t s = R->o[1 + i]; int64_t d = (int64_t)(s >> 1); if (s & 1) d = -d;
                uint32_t v = R->inst - (uint32_t)d;
                if (v >= R->inst && fwd(e, v, rty)) return -1;
                T(v); T((uint32_t)R->o[2 + i]);
            }
            break;
        }
        case 19: {                                                /* ALLOCA [ty, opty, op, align] */
            if (R->n < 4) return BAD("bitcode: bad alloca");
            I->op = I_ALLOCA; I->ty2 = (uint32_t)R->o[0];
            if (I->ty2 >= e->nty) return BAD("bitcode: bad alloca type");
            if (!(R->o[3] & 64)) { I->ty2 = e->ty[I->ty2].elt; if (I->ty2 >= e->nty) return BAD("bitcode: bad alloca type"); }
            uint32_t sz = (uint32_t)R->o[2];
            if (sz >= e->nv + 1000000) return BAD("bitcode: bad alloca size operand");
            if (fwd(e, sz, (uint32_t)R->o[1])) return -1;
            T(sz); I->aux = (uint32_t)(R->o[3] & 31); rty = e->ptrty; break;
        }
        case 20: case 41:                                         /* LOAD */
            if (vt(R, &a, &ta) || num(R, &rty) || num(R, &x)) return -1;
            if (rty >= e->nty) return BAD("bitcode: bad load type");
            I->op = I_LOAD; T(a); if (R->i < R->n) I->vol = (uint8_t)R->o[R->i]; break;
        case 44: case 45:                                         /* STORE [ptr, val, align, vol] */
            if (vt(R, &a, &ta) || vt(R, &c, &tc)) return -1;
            I->op = I_STORE; T(a); T(c); I->ty2 = tc; break;
#if BF_FULL
        case 46: {                                                /* CMPXCHG */
            uint32_t nw;
            if (vt(R, &a, &ta) || vt(R, &c, &tc) || vv(R, &nw, tc)) return -1;
            I->op = I_CMPXCHG; T(a); T(c); T(nw); I->ty2 = tc; rty = ty_struct2(e, tc, e->i1ty); break;
        }
        case 59: case 38:                                         /* ATOMICRMW */
            if (vt(R, &a, &ta)) return -1;
            if (code == 59) { if (vt(R, &c, &tc)) return -1; }
            else { tc = e->ty[ta].elt; if (tc >= e->nty || vv(R, &c, tc)) return -1; }
            if (num(R, &x)) return -1;
            I->op = I_RMW; I->sub = (uint8_t)x; T(a); T(c); rty = tc; I->ty2 = tc; break;
        case 36: I->op = I_FENCE; break;
#endif
        case 34: {                                                /* CALL */
            uint32_t pa, cc, fty, callee, tcal;
            if (num(R, &pa) || num(R, &cc)) return -1;
            if (cc & (1u << 17)) { if (num(R, &x)) return -1; }
            if (!(cc & (1u << 15))) return BAD("bitcode: call without explicit type");
            if (num(R, &fty) || vt(R, &callee, &tcal)) return -1;
            if (fty >= e->nty || e->ty[fty].k != TK_FN) return BAD("bitcode: bad call type");
            I->op = I_CALL; I->ty2 = fty; I->aux = pa; T(callee);
            Ty *y = &e->ty[fty];
            for (uint32_t i = 0; i < y->w; i++) {
                uint32_t pt = e->ty[fty].elts[i];
                if (e->ty[pt].k == TK_LABEL) { if (num(R, &x)) return -1; T(x); }
                else if (e->ty[pt].k == TK_META) { if (num(R, &x)) return -1; T(0xffffffff); }
                else { if (vv(R, &a, pt)) return -1; T(a); }
            }
            if (e->ty[fty].vararg) while (R->i < R->n) { if (vt(R, &a, &ta)) return -1; T(a); }
            rty = e->ty[fty].elt; if (e->ty[rty].k == TK_VOID) rty = NOTY;
            break;
        }
#if BF_FULL
        case 23: {                                                /* VAARG [valistty, valist, resty] */
            uint32_t lt;
            if (num(R, &lt) || vv(R, &a, lt) || num(R, &rty)) return -1;
            I->op = I_VAARG; T(a); break;
        }
        case 27:
#endif
        case 26: {                                                /* EXTRACTVAL / INSERTVAL */
            if (vt(R, &a, &ta)) return -1;
            I->op = code == 26 ? I_EXTVAL : I_INSVAL; T(a);
            if (BF_FULL && code == 27) { if (vt(R, &c, &tc)) return -1; T(c); }
            uint32_t t = ta;
            while (R->i < R->n) {
                x = (uint32_t)R->o[R->i++]; T(x);
                if (t >= e->nty) return BAD("bitcode: bad aggregate index");
                Ty *y = &e->ty[t];
                if (y->k == TK_ST && x < y->w) t = y->elts[x];
                else if (y->k == TK_ARR && x < y->w) t = y->elt;
                else return BAD("bitcode: bad aggregate index");
            }
            rty = code == 26 ? t : ta; I->ty2 = ta;
            break;
        }
        case 58:
            if (vt(R, &a, &ta)) return -1;
            I->op = I_FREEZE; T(a); rty = ta; break;
        default:
            return BAD("bitcode: unsupported instruction (code %u) in '%.*s'", code, (int)f->nlen, f->name);
        }
        if (rty != NOTY && rty >= e->nty) return BAD("bitcode: bad result type");
        I->ty = rty;
        if (rty != NOTY && e->ty[rty].k != TK_VOID) {
            Val *v = newval(e); if (!v) return -1;
            I = &ir->ins[ir->nins];
            v->k = V_INST; v->ty = rty; I->id = e->nv - 1;
        }
        {
            uint32_t *p = pool(e, ir, nt); if (!p) return -1;
            I = &ir->ins[ir->nins];
            I->o = p; I->n = nt;
            memcpy(ir->pool + ((W)p - 1), tmp, nt * 4);
        }
        ir->nins++;
        if (term) { cur_bb++; if (cur_bb < ir->nbb) ir->bb[cur_bb] = ir->nins; }
        continue;
big:
        return BAD("bitcode: instruction with too many operands in '%.*s'", (int)f->nlen, f->name);
#undef T
    }
    if (!have_blocks || cur_bb != ir->nbb) return BAD("bitcode: function '%.*s' has %u blocks, %u terminated", (int)f->nlen, f->name, ir->nbb, cur_bb);
    ir->bb[ir->nbb] = ir->nins;
    for (uint32_t i = 0; i < ir->nins; i++) ir->ins[i].o = ir->pool + ((W)ir->ins[i].o - 1);
    /* every referenced value must be defined */
    efree(e, tmp);
    for (uint32_t i = e->nv; i < e->capv; i++)
        if (e->v[i].fl) return BAD("bitcode: undefined value %u in '%.*s'", i, (int)f->nlen, f->name);
    /* every consumer (lowering, the JIT) gets verified IR or an error; the meta kernel's
       bootstrap runs only the runtime.bc it was built with (guest_meta.c checks its CRC-32),
       which LLVM's verifier checked when it was built, and runtime.bc's JIT verifies what it
       compiles itself */
    return BF_FULL && fn_verify(e, f, ir) ? -1 : 0;
}

void fn_ir_free(E *e, FnIR *ir) {
    efree(e, ir->ins); efree(e, ir->bb); efree(e, ir->pool);
    /* drop local values */
    for (uint32_t i = ir->base; i < e->nv; i++) {
        Val *v = &e->v[i];
        if (v->k == V_CAGG || v->k == V_CE || v->k == V_CWIDE || v->k == V_BADDR) efree(e, v->u.a.o);
        if (v->k == V_CDATA || v->k == V_CSTR) efree(e, v->u.d.d);
    }
    uint32_t top = e->capv;
    if (ir->base < top) memset(e->v + ir->base, 0, (top - ir->base) * sizeof(Val));
    e->nv = ir->base;
    e->nv = e->nmodv;
}
