/* Executor: threaded dispatch over the decoded form. Each handler reads its
 * operands as frame offsets (fp + cell) or immediates, does one thing, and
 * jumps to the next handler. Calls between interpreted functions push a
 * frame on the engine's own stack (no C recursion); native calls go through
 * ffi.c with the i386 cdecl ABI. */
#include "internal.h"

typedef uint8_t u8u __attribute__((may_alias));
typedef uint16_t u16u __attribute__((aligned(1), may_alias));
typedef int16_t i16u __attribute__((aligned(1), may_alias));
typedef uint32_t u32u __attribute__((aligned(1), may_alias));
typedef uint64_t u64u __attribute__((aligned(1), may_alias));
typedef float f32u __attribute__((aligned(1), may_alias));
typedef double f64u __attribute__((aligned(1), may_alias));

#define A(k) (fp + (intptr_t)(int32_t)ip[k])
#define U32(k) (*(u32u *)A(k))
#define I32(k) (*(int32_t *)(u32u *)A(k))
#define U64(k) (*(u64u *)A(k))
#define I64(k) ((int64_t)U64(k))
#define F32(k) (*(f32u *)A(k))
#define F64(k) (*(f64u *)A(k))
#define IM(k) ((uint32_t)ip[k])
#define H ((Hdr *)fp)
#ifdef BF_OPPROF
uint64_t bf_opcount[OP__N + 1];
const void *const *bf_oplabels;
static unsigned opidx(const void *p) { for (unsigned i = 0; i < OP__N; i++) if (bf_oplabels[i] == p) return i; return OP__N; }
#define DISPATCH() do { bf_opcount[opidx((void *)ip[0])]++; goto *(void *)ip[0]; } while (0)
#else
#define DISPATCH() goto *(void *)ip[0]
#endif
#define NEXT(n) do { ip += (n); DISPATCH(); } while (0)
#define JMP(t) do { ip = (W *)(t); DISPATCH(); } while (0)

static uint32_t clz32(uint32_t x) { return x ? (uint32_t)__builtin_clz(x) : 32; }
static uint32_t ctz32(uint32_t x) { return x ? (uint32_t)__builtin_ctz(x) : 32; }
static uint32_t pop32(uint32_t x) { x = x - ((x >> 1) & 0x55555555); x = (x & 0x33333333) + ((x >> 2) & 0x33333333); return (((x + (x >> 4)) & 0x0f0f0f0f) * 0x01010101) >> 24; }

static void trace(E *e, Fn *f, int isret, uint8_t *fp, int32_t src) {
    if (!e->cfg.print) return;
    if (!isret) {
        e->cfg.print("[trace] -> %.*s(", (int)f->nlen, f->name);
        for (uint32_t i = 0; i < e->ty[f->ty].w && i < 6; i++)
            e->cfg.print("%s0x%x", i ? ", " : "", *(uint32_t *)(fp + HDR + 8 * i));
        e->cfg.print(")\n");
    } else if (src) e->cfg.print("[trace] <- %.*s = 0x%x\n", (int)f->nlen, f->name, *(uint32_t *)(fp + src));
    else e->cfg.print("[trace] <- %.*s\n", (int)f->nlen, f->name);
}

/* ---- wide integers (65..128 bits, see internal.h) -------------------- *
 * Out of line: little-endian 32-bit limbs, worked in WL limbs (256 bits) so
 * products and overflow checks are exact. Division is shift-subtract. */
#define WL 8
static void wext(uint32_t *x, uint32_t w, int sg) {      /* bits >= w: copies of bit w-1 (sg) or 0 */
    uint32_t fill = sg && w && (x[(w - 1) / 32] >> ((w - 1) % 32) & 1) ? ~0u : 0;
    for (uint32_t i = 0; i < WL; i++) {
        if (w <= 32 * i) x[i] = fill;
        else if (w < 32 * i + 32) { uint32_t m = (1u << (w - 32 * i)) - 1; x[i] = (x[i] & m) | (fill & ~m); }
    }
}
static void wget(uint32_t *x, const uint8_t *p, uint32_t w, int sg) {
    memcpy(x, p, 16);
    for (uint32_t i = 4; i < WL; i++) x[i] = 0;
    wext(x, w, sg);
}
static void wput(uint8_t *p, uint32_t *x, uint32_t w) { wext(x, w, 0); memcpy(p, x, 16); }
static void wadd(uint32_t *r, const uint32_t *a, const uint32_t *b, int sub) {   /* a + b or a + ~b + 1 */
    uint64_t c = (uint64_t)sub;
    for (uint32_t i = 0; i < WL; i++) { c += (uint64_t)a[i] + (sub ? ~b[i] : b[i]); r[i] = (uint32_t)c; c >>= 32; }
}
static void wneg(uint32_t *x) { uint32_t z[WL] = { 0 }; wadd(x, z, x, 1); }
static void wmul(uint32_t *r, const uint32_t *a, const uint32_t *b) {
    uint32_t t[WL] = { 0 };
    for (uint32_t i = 0; i < WL; i++) {
        uint64_t c = 0;
        if (!a[i]) continue;
        for (uint32_t j = 0; i + j < WL; j++) { c += (uint64_t)a[i] * b[j] + t[i + j]; t[i + j] = (uint32_t)c; c >>= 32; }
    }
    memcpy(r, t, sizeof t);
}
static void wshl(uint32_t *r, const uint32_t *a, uint32_t n) {
    uint32_t t[WL], q = n / 32, b = n % 32;
    for (uint32_t i = 0; i < WL; i++) {
        uint32_t x = i >= q ? a[i - q] : 0, y = i >= q + 1 ? a[i - q - 1] : 0;
        t[i] = b ? x << b | y >> (32 - b) : x;
    }
    memcpy(r, t, sizeof t);
}
static void wshr(uint32_t *r, const uint32_t *a, uint32_t n) {    /* logical over WL limbs */
    uint32_t t[WL], q = n / 32, b = n % 32;
    for (uint32_t i = 0; i < WL; i++) {
        uint32_t x = i + q < WL ? a[i + q] : 0, y = i + q + 1 < WL ? a[i + q + 1] : 0;
        t[i] = b ? x >> b | y << (32 - b) : x;
    }
    memcpy(r, t, sizeof t);
}
static int wcmp(const uint32_t *a, const uint32_t *b, int sg) {
    if (sg && a[WL - 1] != b[WL - 1]) return (int32_t)a[WL - 1] < (int32_t)b[WL - 1] ? -1 : 1;
    for (uint32_t i = WL; i-- > 0;) if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}
static int wtop(const uint32_t *x) {                    /* index of the highest set bit, -1 for 0 */
    for (int i = WL; i-- > 0;) if (x[i]) return 32 * i + 31 - (int)clz32(x[i]);
    return -1;
}
static void wdivu(uint32_t *q, uint32_t *r, const uint32_t *a, const uint32_t *b) {
    uint32_t Q[WL] = { 0 }, R[WL] = { 0 };
    for (int i = wtop(a); i >= 0; i--) {
        wshl(R, R, 1); R[0] |= a[i / 32] >> (i % 32) & 1;
        if (wcmp(R, b, 0) >= 0) { wadd(R, R, b, 1); Q[i / 32] |= 1u << (i % 32); }
    }
    memcpy(q, Q, sizeof Q); memcpy(r, R, sizeof R);
}
static uint64_t wnorm(const uint32_t *x, int *ex) {      /* x ~ m * 2^ex, m 64 bits with a sticky bit */
    int h = wtop(x);
    *ex = 0;
    if (h < 64) return (uint64_t)x[1] << 32 | x[0];
    uint32_t t[WL], u[WL];
    *ex = h - 63;
    wshr(t, x, (uint32_t)*ex); wshl(u, t, (uint32_t)*ex);
    return ((uint64_t)t[1] << 32 | t[0]) | (wcmp(u, x, 0) != 0);
}
static void dtow(uint32_t *r, double d) {                /* truncating, 0 <= d < 2^128 */
    const double two64 = 18446744073709551616.0;
    memset(r, 0, 4 * WL);
    if (!(d >= 1) || !(d < two64 * two64)) return;
    uint64_t hi = d < two64 ? 0 : (uint64_t)(d / two64), lo = (uint64_t)(d - (double)hi * two64);
    r[0] = (uint32_t)lo; r[1] = (uint32_t)(lo >> 32); r[2] = (uint32_t)hi; r[3] = (uint32_t)(hi >> 32);
}
/* returns 0, or 1 on division by zero */
static int wide(uint8_t *fp, const W *ip) {
    uint32_t sub = IM(5), w = IM(6), a[WL], b[WL], c[WL], r[WL];
    uint8_t *d = A(1);
    if (sub <= 12) {
        int sg = sub == 4 || sub == 6 || sub == 9;
        wget(a, A(2), w, sg); wget(b, A(3), w, sg);
        switch (sub) {
        case 0: wadd(r, a, b, 0); break;
        case 1: wadd(r, a, b, 1); break;
        case 2: wmul(r, a, b); break;
        case 3: case 5:
            if (wtop(b) < 0) return 1;
            wdivu(c, r, a, b);
            if (sub == 3) memcpy(r, c, sizeof c);
            break;
        case 4: case 6: {
            int na = (int32_t)a[WL - 1] < 0, nb = (int32_t)b[WL - 1] < 0;
            if (wtop(b) < 0) return 1;
            if (na) wneg(a);
            if (nb) wneg(b);
            wdivu(c, r, a, b);
            if (sub == 4) { memcpy(r, c, sizeof c); if (na != nb) wneg(r); }
            else if (na) wneg(r);
            break;
        }
        case 7: case 8: case 9:                             /* shift >= width: poison (0) */
            if (wtop(b) >= 0 && (wtop(b) >= 8 || b[0] >= w)) { memset(r, 0, sizeof r); break; }
            if (sub == 7) wshl(r, a, b[0]); else wshr(r, a, b[0]);
            break;
        default:
            for (uint32_t i = 0; i < WL; i++) r[i] = sub == 10 ? a[i] & b[i] : sub == 11 ? a[i] | b[i] : a[i] ^ b[i];
        }
        wput(d, r, w);
        return 0;
    }
    if (sub >= WO_CMP && sub < WO_CMP + 10) {
        uint32_t p = sub - WO_CMP;
        int sg = p >= 6;
        wget(a, A(2), w, sg); wget(b, A(3), w, sg);
        int k = wcmp(a, b, sg), v;
        switch (p) {
        case 0: v = k == 0; break; case 1: v = k != 0; break;
        case 2: case 6: v = k > 0; break; case 3: case 7: v = k >= 0; break;
        case 4: case 8: v = k < 0; break; default: v = k <= 0; break;
        }
        *(u32u *)d = (uint32_t)v;
        return 0;
    }
    switch (sub) {
    case WO_ZEXT: case WO_SEXT: {
        uint32_t sw = IM(3);
        uint64_t x = sw <= 32 ? U32(2) : U64(2);
        memset(a, 0, sizeof a); a[0] = (uint32_t)x; a[1] = (uint32_t)(x >> 32);
        wext(a, sw, sub == WO_SEXT);
        wput(d, a, w);
        return 0;
    }
    case WO_TRUNC: {
        wget(a, A(2), 128, 0);
        uint64_t x = (uint64_t)a[1] << 32 | a[0];
        *(u64u *)d = w >= 64 ? x : x & ((1ull << w) - 1);
        return 0;
    }
    case WO_WEXT: case WO_WSEXT: case WO_MASK:
        wget(a, A(2), sub == WO_MASK ? w : IM(3), sub == WO_WSEXT);
        wput(d, a, w);
        return 0;
    case WO_UI2F: case WO_SI2F: case WO_UI2D: case WO_SI2D: {
        int sg = sub == WO_SI2F || sub == WO_SI2D, neg, ex;
        wget(a, A(2), w, sg);
        neg = sg && (int32_t)a[WL - 1] < 0;
        if (neg) wneg(a);
        uint64_t m = wnorm(a, &ex);
        double p = 1;
        while (ex-- > 0) p *= 2;
        if (sub == WO_UI2F || sub == WO_SI2F) { float f = (float)m * (float)p; *(f32u *)d = neg ? -f : f; }
        else { double x = (double)m * p; *(f64u *)d = neg ? -x : x; }
        return 0;
    }
    case WO_F2UI: case WO_F2SI: case WO_D2UI: case WO_D2SI: {
        double x = sub <= WO_F2SI ? (double)*(f32u *)A(2) : *(f64u *)A(2);
        int neg = x < 0;
        dtow(r, neg ? -x : x);
        if (neg) wneg(r);
        wput(d, r, w);
        return 0;
    }
    case WO_CTPOP: case WO_CTLZ: case WO_CTTZ: {
        wget(a, A(2), w, 0);
        uint32_t n = 0;
        if (sub == WO_CTPOP) for (uint32_t i = 0; i < 4; i++) n += pop32(a[i]);
        else if (sub == WO_CTLZ) n = w - 1 - (uint32_t)wtop(a);     /* wtop -1 for 0: n = w */
        else { n = w; for (uint32_t i = 0; i < 4; i++) if (a[i]) { n = 32 * i + ctz32(a[i]); break; } if (n > w) n = w; }
        memset(r, 0, sizeof r); r[0] = n;
        wput(d, r, w);
        return 0;
    }
    case WO_BSWAP: case WO_BITREV: {
        wget(a, A(2), w, 0);
        memset(r, 0, sizeof r);
        for (uint32_t i = 0; i < 128; i++)
            if (a[i / 32] >> (i % 32) & 1) {
                uint32_t j = sub == WO_BITREV ? 127 - i : (15 - i / 8) * 8 + i % 8;
                r[j / 32] |= 1u << (j % 32);
            }
        wshr(r, r, 128 - w);
        wput(d, r, w);
        return 0;
    }
    case WO_ABS:
        wget(a, A(2), w, 1);
        if ((int32_t)a[WL - 1] < 0) wneg(a);
        wput(d, a, w);
        return 0;
    case WO_SMIN: case WO_SMAX: case WO_UMIN: case WO_UMAX: {
        int sg = sub <= WO_SMAX, k;
        wget(a, A(2), w, sg); wget(b, A(3), w, sg);
        k = wcmp(a, b, sg);
        wput(d, (sub == WO_SMIN || sub == WO_UMIN) == (k < 0) ? a : b, w);
        return 0;
    }
    case WO_FSHL: case WO_FSHR: {
        wget(a, A(2), w, 0); wget(b, A(3), w, 0); wget(c, A(4), w, 0);
        uint32_t n[WL] = { w }, q[WL];
        wdivu(q, c, c, n);
        uint32_t s = c[0];
        if (!s) { wput(d, sub == WO_FSHL ? a : b, w); return 0; }
        if (sub == WO_FSHL) { wshl(a, a, s); wshr(b, b, w - s); }
        else { wshr(b, b, s); wshl(a, a, w - s); }
        for (uint32_t i = 0; i < WL; i++) r[i] = a[i] | b[i];
        wput(d, r, w);
        return 0;
    }
    case WO_SADDO: case WO_UADDO: case WO_SSUBO: case WO_USUBO: case WO_SMULO: case WO_UMULO: {
        uint32_t k = sub - WO_SADDO;
        int sg = !(k & 1);
        wget(a, A(2), w, sg); wget(b, A(3), w, sg);
        if (k >= 4) wmul(r, a, b); else wadd(r, a, b, k >= 2);
        memcpy(c, r, sizeof r);
        wext(c, w, sg);
        uint8_t o = wcmp(c, r, 0) != 0;
        wput(d, r, w);                                   /* 16 bytes: may cover the flag's offset (i65: 12) */
        *(d + IM(4)) = o;
        return 0;
    }
    }
    return 2;
}
/* Called through `ncall` (no handler in the dispatch loop for these rare
 * operations): frame pointer, then the cells of internal.h's `wide d a b c sub w`. */
uint32_t bf_wide(uint8_t *fp, int32_t d, int32_t a, int32_t b, int32_t c, uint32_t sub, uint32_t w) {
    W ip[7] = { 0, (W)d, (W)a, (W)b, (W)c, (W)sub, (W)w };
    return (uint32_t)wide(fp, ip);
}

static int run(E *e, uint8_t *fp, W *ip, uint64_t *ret, const void *const **labels);

/* A call from run() into compiled code records where it stands (the native frame,
 * through __builtin_setjmp, which needs no C library), so that a longjmp made under
 * it, in an interpreted function the compiled code called back, to a setjmp of that
 * run(), can drop the native frames in between (__builtin_longjmp back here) and
 * finish the jump on run()'s own frames. run_id tells the run() apart (word 4 of the jump buffer). */
typedef struct Transit { struct Transit *prev; void *run_id; uint8_t *sp; uint32_t depth; void *jb[5]; } Transit;
typedef uint64_t (*Enter)(E *e, const void *how);
static __attribute__((noinline)) uint64_t call_compiled(E *e, Enter enter, const void *how, void *run_id, int *jumped) {
    Transit t = { e->transit, run_id, e->sp, e->depth, { 0 } };
    if (__builtin_setjmp(t.jb)) {
        e->transit = t.prev; e->sp = t.sp; e->depth = t.depth;
        *jumped = 1;
        return 0;
    }
    e->transit = &t;
    uint64_t r = enter(e, how);
    e->transit = t.prev;
    return r;
}
/* Back to call_compiled's setjmp in t, out of line: run() itself then holds no
 * __builtin_longjmp, which the JIT cannot compile (run() in runtime.bc, the meta
 * kernel's, turns native by OSR; this call, interpreted, unwinds through it). */
static __attribute__((noinline, noreturn)) void leave_through(Transit *t) { __builtin_longjmp(t->jb, 1); }
typedef struct { void *code; const W *w; uint32_t nw; int rk; } NativeCall;
static uint64_t enter_call(E *e, const void *how) { const NativeCall *c = how; (void)e; return ncall(c->code, c->w, c->nw, c->rk); }
typedef struct { Fn *f; uint8_t *fp; W *ip; uint64_t *result; } OsrEntry;
static uint64_t enter_osr(E *e, const void *how) { const OsrEntry *o = how; return (uint64_t)(int64_t)e->jit_osr(e, o->f, o->fp, o->ip, o->result); }

/* an interpreted function the JIT has not seen yet, called often enough to compile */
#define HOT(e, f) ((e)->jit_hot && !(f)->native && (f)->calls >= (e)->jit_at && !(f)->jit)

const void *const *exec_labels(void) {
    const void *const *l = 0;
    run(0, 0, 0, 0, &l);
    return l;
}

int exec_run(E *e, Fn *f, const uint32_t *argw, uint32_t nw, uint64_t *ret) {
    *ret = 0;
    if (f->isdecl && !f->native) return fail(e, BFE_UNRESOLVED, "bitcode: unresolved external '%.*s'", (int)f->nlen, f->name);
    if (HOT(e, f) && e->jit_hot(e, f)) return e->errc;
    if (!f->code && !f->native && lower(e, f)) return e->errc;
    if (f->native) { *ret = call_native(e, f, argw, nw); return 0; }
    uint8_t *top = (uint8_t *)(((W)e->sp + 15) & ~(W)15);
    uint8_t *fp = top + f->clen;
    if (fp + f->frame > e->stack_end || e->depth >= e->cfg.max_depth)
        return fail(e, BFE_ERROR, "engine: stack overflow calling '%.*s' (depth %u)", (int)f->nlen, f->name, e->depth);
    memcpy(top, f->cdata, f->clen);
    memset(fp, 0, HDR);
    Hdr *h = (Hdr *)fp;
    h->fn = f; h->dyn = fp + f->frame;
    uint32_t used = unpack_params(e, f, fp, argw);
    h->va = (uint8_t *)(argw + used);
    f->calls++;
    uint8_t *save = e->sp, *caller = e->fp;      /* caller: an interpreted function, when native code calls back */
    uint32_t sdepth = e->depth++;
    e->fp = fp;
    int r = run(e, fp, f->code, ret, 0);
    e->sp = save; e->depth = sdepth; e->fp = caller;
    return r;
}

int bf_prepare(bf_engine *e) {
    for (uint32_t i = 0; i < e->nfn; i++) {
        Fn *f = &e->fn[i];
        if (f->isdecl || f->code) continue;
        if (lower(e, f)) return e->errc;
    }
    return 0;
}

/* The passes of a dot-product loop (dotl/dotld: patterns.h) that the
 * handler does not make inline (an unroll other than 4 or 1, a loop that
 * leaves when n differs from N, or strided: dotls/dotlds), sa and sb bytes
 * from one element of a and b to the next:
 *   for k < u: s = s + a[k] * b[k]   (each product and sum rounded);  a += u; b += u; n += c
 *   until (n == N) == le
 * returns the number of passes, the sum in *acc. In the dispatch section:
 * a fault here is the program's. */
#ifdef BF_DISPATCH_SECTION
#define DOT_SECTION __attribute__((section("bf_dispatch")))
#else
#define DOT_SECTION
#endif
#define DOTP(k) t = pa[k] * pb[k]; s = t + s;
/* the passes unrolled by U: a constant for the usual factors, so that the compiler unrolls them */
#define DOT_PASSES(TU, U) do { \
        for (uint32_t k = 0; k < (U); k++) { t = *(TU *)(a + k * sa) * *(TU *)(b + k * sb); s = t + s; } \
        a += (U) * sa; b += (U) * sb; n += c; it++; \
    } while ((n == N) != le)
#define DOT_FN(name, T, TU) \
DOT_SECTION __attribute__((noinline)) static uint32_t name(uint8_t *a, uint8_t *b, uint32_t sa, uint32_t sb, uint32_t n, uint32_t c, uint32_t N, uint32_t u, uint32_t le, T *acc) { \
    T s = *acc, t; \
    uint32_t it = 0; \
    if (u == 1) DOT_PASSES(TU, 1); \
    else if (u == 2) DOT_PASSES(TU, 2); \
    else if (u == 4) DOT_PASSES(TU, 4); \
    else DOT_PASSES(TU, u); \
    *acc = s; \
    return it; \
}
DOT_FN(dotf, float, f32u)
DOT_FN(dotd, double, f64u)

/* The elements of a multiply-add loop (axpyl/axpyld: patterns.h AxpyLoop)
 * one after another, when the arrays do not overlap:
 *   y[j] = a[j % lanes] * x[j] + y[j]   (the product and the sum each rounded), j < count
 * In the dispatch section: a fault here is the program's. */
#define AXPY_FN(name, T, TU) \
DOT_SECTION __attribute__((noinline)) static void name(uint8_t *x, uint8_t *y, uint32_t count, const T *a, uint32_t lanes) { \
    TU *px = (TU *)x, *py = (TU *)y; \
    for (uint32_t j = 0; j < count; j++) { T t = a[j & (lanes - 1)] * px[j]; py[j] = t + py[j]; } \
}
AXPY_FN(axpyf, float, f32u)
AXPY_FN(axpyd, double, f64u)

/* A strided dot-product loop's cell (dotls, kind DOTLS_F32/DOTLS_F64: a
 * column or a row of a two-dimensional array, patterns.h), its passes by
 * dotf/dotd; cells from the kind on: kind, acc_next x_next n_next acc x n, a
 * a_row a_row_size a_stride, b b_row b_row_size b_stride, end step unroll
 * leave_if_equal, the IR instructions of a pass (with --stats) and its
 * back-edge counter. Returns the next cell. (Inline in dot_strided.) */
#define DOTLS_FN(name, T, TU, passes) \
static inline __attribute__((always_inline)) W *name(E *e, uint8_t *fp, W *ip) { \
    uint32_t x = U32(5), n = U32(6), u = IM(17), it; \
    uint8_t *pa = (uint8_t *)(W)U32(7) + U32(8) * IM(9) + x * IM(10), *pb = (uint8_t *)(W)U32(11) + U32(12) * IM(13) + x * IM(14); \
    T s = *(TU *)A(4); \
    it = passes(pa, pb, IM(10), IM(14), n, IM(16), U32(15), u, IM(18), &s); \
    *(TU *)A(1) = s; U32(2) = x + u * it; U32(3) = n + IM(16) * it; \
    if (IM(20)) { H->fn->loops[IM(20) - 1] += it - 1; e->insns += (uint64_t)it * IM(19); } \
    return ip + 21; \
}
DOTLS_FN(dotls, float, f32u, dotf)
DOTLS_FN(dotlds, double, f64u, dotd)

/* An integer dot-product loop's passes until its exit test is met: the
 * smallest p >= 1 with (n + p * c == N) == le (mod 2^32), 0 when there is none
 * under 2^32 (the loop reads on until it faults). With le: p * c = N - n, c =
 * 2^t * odd, p = ((N - n) / 2^t) * odd^-1 mod 2^(32 - t). */
DOT_SECTION __attribute__((noinline)) static uint32_t passes_to_exit(uint32_t n, uint32_t c, uint32_t N, uint32_t le) {
    if (!le) return n + c != N ? 1 : n + 2 * c != N ? 2 : 0;
    uint32_t d = N - n;
    if (!c) return d == 0;
    if (d && d % c == 0) return d / c;                          /* (the usual case) */
    uint32_t t = (uint32_t)__builtin_ctz(c), odd = c >> t, inv = odd, bits = 32 - t;
    if (d & ((1u << t) - 1)) return 0;
    for (int i = 0; i < 4; i++) inv *= 2 - odd * inv;          /* Newton: 3, 6, 12, 24, 48 bits */
    uint32_t p = (d >> t) * inv & (bits == 32 ? ~0u : (1u << bits) - 1);
    return p ? p : bits == 32 ? 0 : 1u << bits;
}
/* an i8, i16 or i32 element as an i32 (elt: its size, | 8 when sign-extended) */
static inline uint32_t int_element(const uint8_t *p, uint32_t elt) {
    switch (elt) {
    case 1: return *p;
    case 9: return (uint32_t)(int32_t)(int8_t)*p;
    case 2: return *(const u16u *)p;
    case 10: return (uint32_t)(int32_t)(int16_t)*(const u16u *)p;
    default: return *(const u32u *)p;
    }
}
/* s + the sum of count products a[i] * b[i], sa and sb bytes apart (wrapping) */
DOT_SECTION __attribute__((noinline)) static uint32_t int_dot(const uint8_t *a, const uint8_t *b, uint32_t sa, uint32_t sb,
                                                            uint32_t count, uint32_t ea, uint32_t eb, uint32_t s) {
    if (ea == 4 && eb == 4) for (; count; count--, a += sa, b += sb) s += *(const u32u *)a * *(const u32u *)b;
    else for (; count; count--, a += sa, b += sb) s += int_element(a, ea) * int_element(b, eb);
    return s;
}
/* An integer dot-product loop's cell (dotls, kind DOTLS_INT: patterns.h):
 * every pass at once. The sums wrap, so any order is exact: each accumulator
 * lane (lane l of acc j, w = j * lanes + l) sums every (nsums * lanes)-th
 * product from element w on, a strided dot product of its own. Cells from
 * the kind on: kind, x_next n_next x n, a a_row a_row_size a_off a_stride
 * a_elt (element i of a at a + a_row * a_row_size + (i + a_off) * a_stride),
 * b b_row b_row_size b_stride b_elt (elt: int_element's), end step unroll
 * leave_if_equal nsums lanes, the accumulators (4), their values after the
 * loop (4), the IR instructions of a pass (with --stats) and its back-edge
 * counter. Returns the next cell. */
DOT_SECTION __attribute__((noinline)) static W *dotli(E *e, uint8_t *fp, W *ip) {
    uint32_t x = U32(3), n = U32(4), step = IM(17), u = IM(18), lanes = IM(21), width = IM(20) * lanes;
    uint32_t sa = IM(9), sb = IM(14), it = passes_to_exit(n, step, U32(16), IM(19));
    const uint8_t *pa = (uint8_t *)(W)U32(5) + U32(6) * IM(7) + (x + U32(8)) * sa, *pb = (uint8_t *)(W)U32(11) + U32(12) * IM(13) + x * sb;
    uint64_t per_lane = (uint64_t)(it ? it : 0xffffffffu) * (u / width);
    uint32_t count = per_lane > 0xffffffffu ? 0xffffffffu : (uint32_t)per_lane;    /* (more: it faults first) */
    for (uint32_t j = 0, w = 0; j < IM(20); j++)
        for (uint32_t at = 0; at < 8 * lanes; at += 8, w++)
            *(u32u *)(A(26 + j) + at) = int_dot(pa + w * sa, pb + w * sb, width * sa, width * sb, count, IM(10), IM(15), *(u32u *)(A(22 + j) + at));
    U32(1) = x + u * it; U32(2) = n + step * it;
    if (IM(31)) { H->fn->loops[IM(31) - 1] += it - 1; e->insns += (uint64_t)it * IM(30); }
    return ip + 32;
}

/* A multiply-add loop's cell (axpyl/axpyld: patterns.h AxpyLoop, lower_fuse.c
 * lower_axpy_loop): every pass at once, then the exit edge, when the elements
 * it reads and writes do not overlap (or are the same) and the exit test is
 * met in fewer than 2^32 steps; else on to the loop block's own cells (one
 * pass, which comes back here). Cells: x_next n_next x n, a's lanes (4
 * slots), xs xs_row xs_row_size, ys ys_row ys_row_size, end step unroll
 * lanes, the IR instructions of a pass (with --stats), its back-edge counter,
 * the exit edge. Returns the next cell. */
#define AXPYL_FN(name, T, TU, elements) \
DOT_SECTION __attribute__((noinline)) static W *name(E *e, uint8_t *fp, W *ip) { \
    uint32_t x = U32(3), n = U32(4), step = IM(16), u = IM(17), left = U32(15) - n, passes = left / step; \
    uint8_t *px = (uint8_t *)(W)U32(9) + U32(10) * IM(11) + x * sizeof(T), *py = (uint8_t *)(W)U32(12) + U32(13) * IM(14) + x * sizeof(T); \
    uint64_t bytes = (uint64_t)passes * u * sizeof(T), xa = (uint32_t)(W)px, ya = (uint32_t)(W)py; \
    if (!passes || left % step || xa + bytes > 0x100000000ull || ya + bytes > 0x100000000ull \
        || (xa != ya && xa < ya + bytes && ya < xa + bytes)) return ip + 22; \
    T a[4] = { *(TU *)A(5), *(TU *)A(6), *(TU *)A(7), *(TU *)A(8) }; \
    elements(px, py, passes * u, a, IM(18)); \
    U32(1) = x + u * passes; U32(2) = n + step * passes; \
    if (IM(20)) { H->fn->loops[IM(20) - 1] += passes - 1; e->insns += (uint64_t)passes * IM(19); } \
    return (W *)ip[21]; \
}
AXPYL_FN(axpyl, float, f32u, axpyf)
AXPYL_FN(axpyld, double, f64u, axpyd)

/* The strided and the integer dot-product loops' cells (dotls, then the
 * kind: DOTLS_*), one handler: each call and dispatch in run() weighs on its
 * register allocation (a fifth one for these loops made llc keep fp in two
 * registers; a function more between them cost 14 instructions a loop).
 * Each function takes the cells from the kind on. */
DOT_SECTION __attribute__((noinline)) static W *dot_strided_other(E *e, uint8_t *fp, W *ip) {
    return IM(1) == DOTLS_F64 ? dotlds(e, fp, ip + 1) : dotli(e, fp, ip + 1);
}
DOT_SECTION __attribute__((noinline)) static W *dot_strided(E *e, uint8_t *fp, W *ip) {
    return IM(1) == DOTLS_F32 ? dotls(e, fp, ip + 1) : dot_strided_other(e, fp, ip);
}

/* Handlers' work that clang turns into intrinsics the JIT does not compile
 * (i64 bswap, bitreverse, i64 multiply with overflow), out of line so that
 * run() itself compiles: the meta kernel's runtime.bc turns its run() native
 * by OSR. Rare operations: the call does not show. */
static __attribute__((noinline)) uint64_t byte_swap64(uint64_t x) {
    uint64_t r = 0;
    for (int i = 0; i < 8; i++) { r = r << 8 | (x & 255); x >>= 8; }
    return r;
}
static __attribute__((noinline)) uint32_t bit_reverse32(uint32_t x) {
    x = (x & 0x55555555u) << 1 | (x >> 1 & 0x55555555u); x = (x & 0x33333333u) << 2 | (x >> 2 & 0x33333333u);
    x = (x & 0x0f0f0f0fu) << 4 | (x >> 4 & 0x0f0f0f0fu);
    return x >> 24 | (x >> 8 & 0xff00) | (x << 8 & 0xff0000) | x << 24;
}
/* does a * b overflow 64 bits, signed (sg) or unsigned */
static __attribute__((noinline)) uint32_t mul64_overflows(uint64_t a, uint64_t b, int sg) {
    uint64_t r = a * b;
    if (!sg) return a != 0 && r / a != b;
    int64_t x = (int64_t)a, y = (int64_t)b, min = (int64_t)0x8000000000000000ull;
    return x != 0 && ((int64_t)r / x != y || (x == -1 && y == min) || (y == -1 && x == min));
}

/* Handlers whose bodies are functions of their own: rare operations with many
 * values live at once. In run() they would need more registers than the hot
 * handlers do, and llc's register allocator, which chooses where fp lives for
 * every handler boundary at once (one edge bundle through the indirect jumps),
 * weighs each handler's pressure: with these inline it spilled fp to a stack
 * slot, one reload in every handler (interpreter/README.md, session 9). Each
 * takes the frame and the handler's cells and returns the next cell (0: trap).
 * In the dispatch section: a fault on the program's memory here is the program's. */
#define OUTLINED DOT_SECTION __attribute__((noinline)) static W *
/* i8, i16, i32: the pair {old, ok} has ok right after old */
OUTLINED compare_exchange(uint8_t *fp, W *ip) {
    uint8_t *p = (uint8_t *)(W)U32(2); uint32_t sz = IM(5), old = 0, nv = U32(4);
    memcpy(&old, p, sz);
    uint32_t ok = old == (U32(3) & (sz == 4 ? ~0u : (1u << 8 * sz) - 1));
    if (ok) memcpy(p, &nv, sz);
    U32(1) = old; *(u32u *)(A(1) + sz) = ok;
    return ip + 6;
}
OUTLINED compare_exchange64(uint8_t *fp, W *ip) {
    u64u *p = (u64u *)(W)U32(2); uint64_t old = *p; uint32_t ok = old == U64(3);
    if (ok) *p = U64(4);
    U64(1) = old; *(u32u *)(A(1) + 8) = ok;
    return ip + 5;
}
OUTLINED atomic_rmw(uint8_t *fp, W *ip) {
    uint8_t *p = (uint8_t *)(W)U32(2); uint32_t sz = IM(5), v = U32(3), old = 0, nv;
    memcpy(&old, p, sz);
    uint32_t sh = 32 - 8 * sz;
    int32_t so = sz == 4 ? (int32_t)old : (int32_t)(old << sh) >> sh, sv = sz == 4 ? (int32_t)v : (int32_t)(v << sh) >> sh;
    switch (IM(4)) {
    case 0: nv = v; break; case 1: nv = old + v; break; case 2: nv = old - v; break; case 3: nv = old & v; break;
    case 4: nv = ~(old & v); break; case 5: nv = old | v; break; case 6: nv = old ^ v; break;
    case 7: nv = so > sv ? old : v; break; case 8: nv = so < sv ? old : v; break;
    case 9: nv = old > v ? old : v; break; case 10: nv = old < v ? old : v; break;
    default: return 0;
    }
    memcpy(p, &nv, sz);
    U32(1) = old;
    return ip + 6;
}
OUTLINED atomic_rmw64(uint8_t *fp, W *ip) {
    u64u *p = (u64u *)(W)U32(2); uint64_t v = U64(3), old = *p, nv;
    switch (IM(4)) {
    case 0: nv = v; break; case 1: nv = old + v; break; case 2: nv = old - v; break; case 3: nv = old & v; break;
    case 4: nv = ~(old & v); break; case 5: nv = old | v; break; case 6: nv = old ^ v; break;
    case 7: nv = (int64_t)old > (int64_t)v ? old : v; break; case 8: nv = (int64_t)old < (int64_t)v ? old : v; break;
    case 9: nv = old > v ? old : v; break; case 10: nv = old < v ? old : v; break;
    default: return 0;
    }
    *p = nv; U64(1) = old;
    return ip + 6;
}
/* llvm.fshl.i64 (left) or llvm.fshr.i64 */
OUTLINED funnel_shift64(uint8_t *fp, W *ip, int left) {
    uint32_t s = U32(4) & 63;
    if (left) U64(1) = s ? (U64(2) << s) | (U64(3) >> (64 - s)) : U64(2);
    else U64(1) = s ? (U64(3) >> s) | (U64(2) << (64 - s)) : U64(3);
    return ip + 5;
}
OUTLINED bit_reverse64(uint8_t *fp, W *ip) {
    uint64_t x = U64(2), r = 0;
    for (int i = 0; i < 64; i++) { r = r << 1 | (x & 1); x >>= 1; }
    U64(1) = r;
    return ip + 3;
}
/* llvm.frameaddress/returnaddress N: an interpreter frame, the cell its caller resumes at
 * (called from native or compiled code: its Fn, never 0), 0 past that */
OUTLINED frame_address(uint8_t *fp, W *ip) {
    uint8_t *f = fp; uint32_t n = IM(2);
    for (; n && ((Hdr *)f)->rip; n--) f = ((Hdr *)f)->rfp;
    Hdr *fh = (Hdr *)f;
    U32(1) = n ? 0 : !IM(3) ? (W)f : fh->rip ? (W)fh->rip : (W)fh->fn;
    return ip + 4;
}

/* Calls out of run() that pack arguments (with their 128-word buffer: out of
 * run()'s frame too), for the same reason as OUTLINED's handlers. Each returns
 * the next cell, 0 after an error (fail() called); *jumped: a longjmp came back
 * through the compiled code called (run_id: run()'s, see Transit), which run()
 * finishes at longjmp_landed. */
static int stack_overflow(E *e) { return fail(e, BFE_ERROR, "engine: stack overflow (call depth %u, limit %u)", e->depth, e->cfg.max_depth); }
/* `call dst f n args` to f's entry slot (FFI or compiled code): the chunks as cdecl words */
static __attribute__((noinline)) W *call_entry(E *e, Fn *f, uint8_t *fp, W *ip, void *run_id, int *jumped) {
    uint32_t wbuf[128], n = IM(3), k = 0;
    *jumped = 0;
    Ty *ft = &e->ty[f->ty];
    for (uint32_t i = 0; i < n && i < ft->w && k < 126; i++) {
        uint32_t t = e->ty[f->ty].elts[i], bt;
        Ty *y = &e->ty[t];
        if (byval_param(e, f, i, &bt)) {                             /* the bytes themselves, as cdecl passes them */
            uint32_t nb = (ty_size(e, bt) + 3) / 4;
            if (k + nb > 126) break;
            memcpy(&wbuf[k], (void *)(W)U32(4 + i), 4 * nb);
            k += nb;
            continue;
        }
        wbuf[k++] = U32(4 + i);
        if ((y->k == TK_INT && y->w > 32) || y->k == TK_DBL) wbuf[k++] = *(u32u *)(A(4 + i) + 4);
    }
    e->sp = H->dyn;
    f->calls++;
    int was = run_as(e, SIDE_COMPILED);
    NativeCall c = { f->native, (W *)wbuf, k, rk_of(e, ft->elt) };
    uint64_t r = f->jit ? call_compiled(e, enter_call, &c, run_id, jumped) : ncall(c.code, c.w, c.nw, c.rk);
    run_as(e, was);
    Ty *rt = &e->ty[ft->elt];
    if (rt->k == TK_INT && rt->w < 32) r &= (1u << rt->w) - 1;      /* slots hold narrow integers zero-extended */
    if (!*jumped) U64(1) = r;
    return ip + 4 + n;
}
/* `calli dst target rk n (arg kind)...` to native code at t, or to f, a function the JIT compiled */
static __attribute__((noinline)) W *call_pointer(E *e, Fn *f, W t, uint8_t *fp, W *ip, void *run_id, int *jumped) {
    uint32_t wbuf[128], n = IM(4);
    *jumped = 0;
    uint32_t nw = pack_args(fp, ip + 5, n, wbuf, 128);
    if (nw > 64) { fail(e, BFE_ERROR, "engine: too many argument words (%u) for a native call", nw); return 0; }
    e->sp = H->dyn;
    int was = run_as(e, SIDE_COMPILED);
    NativeCall c = { (void *)t, (W *)wbuf, nw, f && IM(3) > RK_F64 ? RK_VOID : (int)IM(3) };   /* compiled code: a plain ret */
    uint64_t r = f && f->jit ? call_compiled(e, enter_call, &c, run_id, jumped) : ncall(c.code, c.w, c.nw, c.rk);
    run_as(e, was);
    if (*jumped) return ip;
    if (IM(3) == RK_I64 || IM(3) == RK_F64) U64(1) = r; else if (IM(3) != RK_VOID) U32(1) = (uint32_t)r;
    return ip + 5 + 2 * n;
}
/* `ncall dst fn rk n (arg kind)...`: a native function (FFI) */
static __attribute__((noinline)) W *call_ffi(E *e, uint8_t *fp, W *ip) {
    uint32_t wbuf[128], n = IM(4);
    uint32_t nw = pack_args(fp, ip + 5, n, wbuf, 128);
    if (nw > 64) { fail(e, BFE_ERROR, "engine: too many argument words (%u) for a native call", nw); return 0; }
    e->sp = H->dyn;
    uint64_t r;
    if (nw <= 4 && IM(3) <= RK_F64) {   /* short cdecl call (expf, sqrtf, ...): no 64-word frame */
        for (uint32_t i = nw; i < 4; i++) wbuf[i] = 0;
        r = call_short((void *)ip[2], (W *)wbuf, (int)IM(3));
    } else r = ncall((void *)ip[2], (W *)wbuf, nw, (int)IM(3));
    if (IM(3) == RK_I64 || IM(3) == RK_F64) U64(1) = r; else if (IM(3) != RK_VOID) U32(1) = (uint32_t)r;
    return ip + 5 + 2 * n;
}
/* `calli` to a variadic interpreted function f: its frame above the cdecl words of the
 * arguments (va_start's list). Returns the new frame, 0 after an error. */
static __attribute__((noinline)) uint8_t *enter_variadic(E *e, Fn *f, uint8_t *fp, W *ip) {
    uint32_t n = IM(4);
    if (!f->code) { e->sp = H->dyn; if (lower(e, f)) return 0; }
    uint8_t *top = H->dyn;
    uint32_t nw = pack_args(fp, ip + 5, n, (uint32_t *)top, 0x7fffffff);
    if (top + nw * 4 + 64 > e->stack_end) { stack_overflow(e); return 0; }
    nw = pack_args(fp, ip + 5, n, (uint32_t *)top, nw);
    uint8_t *base = (uint8_t *)(((W)top + nw * 4 + 15) & ~(W)15);
    uint8_t *nfp = base + f->clen;
    if (nfp + f->frame > e->stack_end || e->depth >= e->cfg.max_depth) { stack_overflow(e); return 0; }
    memcpy(base, f->cdata, f->clen);
    Hdr *h = (Hdr *)nfp;
    h->rip = ip + 5 + 2 * n; h->rfp = fp; h->dst = ip[1]; h->fn = f; h->dyn = nfp + f->frame;
    uint32_t used = unpack_params(e, f, nfp, (uint32_t *)top);
    h->va = top + 4 * used;
    f->calls++; e->depth++;
    e->fp = nfp;
    return nfp;
}

/* bfi's fault handler tells the program's faults from the engine's by whether
 * the faulting instruction is in the dispatch loop: it has a section of its own */
#ifdef BF_DISPATCH_SECTION
__attribute__((section("bf_dispatch")))
#endif
static int run(E *e, uint8_t *fp, W *ip, uint64_t *ret, const void *const **labels) {
#define X_LAB(n) &&l_##n,
    static const void *const L[] = { OPS(X_LAB) 0 };
#undef X_LAB
    if (labels) { *labels = L; return 0; }
#ifdef BF_OPPROF
    bf_oplabels = L;
#endif
    Fn *f;
    uint64_t osr_result;
    int jumped;                                 /* set by call_entry, call_pointer */
    DISPATCH();
#define H_(n) l_##n:
/* back to the caller's frame. What the caller needs of the returning frame h
 * (its result slot) is read or written before fp changes: were the old frame
 * used after the new fp is set (osr_return did), the compiler keeps fp in two
 * registers across the dispatch, and every handler pays a copy between them
 * (353 `mov %ebp,%edi` in run(), one per dispatch) */
#define POP_FRAME(h) do { W *rip_ = (h)->rip; uint8_t *rfp_ = (h)->rfp; ip = rip_; fp = rfp_; e->fp = fp; e->depth--; } while (0)
    H_(nop) NEXT(1);
    H_(jmp) JMP(ip[1]);
    H_(jmpb) {                                           /* a back-edge: counted, and hot loops go native */
        if (++*(uint32_t *)ip[2] == e->osr_at && e->jit_osr) {
            e->sp = H->dyn;
            OsrEntry o = { H->fn, fp, (W *)ip[1], &osr_result };
            int jumped = 0, r = (int)call_compiled(e, enter_osr, &o, &osr_result, &jumped);
            if (jumped) goto longjmp_landed;
            if (r < 0) goto fail;
            if (r == 0) goto osr_return;
        }
        JMP(ip[1]);
    }
    H_(brif) if (U32(1)) JMP(ip[2]); NEXT(3);
#define B3(n, expr) H_(n) U32(1) = (expr); NEXT(4);
    B3(add, U32(2) + U32(3)) B3(sub, U32(2) - U32(3)) B3(mul, U32(2) * U32(3))
    B3(udiv, U32(2) / U32(3)) B3(sdiv, (uint32_t)(I32(2) / I32(3))) B3(urem, U32(2) % U32(3)) B3(srem, (uint32_t)(I32(2) % I32(3)))
    B3(shl, U32(2) << (U32(3) & 31)) B3(lshr, U32(2) >> (U32(3) & 31)) B3(ashr, (uint32_t)(I32(2) >> (U32(3) & 31)))
    B3(and, U32(2) & U32(3)) B3(or, U32(2) | U32(3)) B3(xor, U32(2) ^ U32(3))
    B3(addi, U32(2) + IM(3)) B3(subi, U32(2) - IM(3)) B3(muli, U32(2) * IM(3))
    B3(udivi, U32(2) / IM(3)) B3(sdivi, (uint32_t)(I32(2) / (int32_t)IM(3))) B3(uremi, U32(2) % IM(3)) B3(sremi, (uint32_t)(I32(2) % (int32_t)IM(3)))
    B3(shli, U32(2) << (IM(3) & 31)) B3(lshri, U32(2) >> (IM(3) & 31)) B3(ashri, (uint32_t)(I32(2) >> (IM(3) & 31)))
    B3(andi, U32(2) & IM(3)) B3(ori, U32(2) | IM(3)) B3(xori, U32(2) ^ IM(3))
    /* a op (b shift C), a op (b & C), a + b * c: the shift, mask or product folded into its one use (lower_fuse_into_users) */
#define SHIFTED(n, expr) H_(n) U32(1) = (expr); NEXT(5);
    SHIFTED(addshl, U32(2) + (U32(3) << IM(4))) SHIFTED(addshr, U32(2) + (U32(3) >> IM(4)))
    SHIFTED(orshl, U32(2) | (U32(3) << IM(4))) SHIFTED(orshr, U32(2) | (U32(3) >> IM(4)))
    SHIFTED(xorshl, U32(2) ^ (U32(3) << IM(4))) SHIFTED(xorshr, U32(2) ^ (U32(3) >> IM(4)))
    SHIFTED(addand, U32(2) + (U32(3) & IM(4))) SHIFTED(orand, U32(2) | (U32(3) & IM(4))) SHIFTED(xorand, U32(2) ^ (U32(3) & IM(4)))
    SHIFTED(addmuli, U32(2) + U32(3) * IM(4)) SHIFTED(addmul, U32(2) + U32(3) * U32(4))
#define D3(n, expr) H_(n) U64(1) = (expr); NEXT(4);
    D3(add64, U64(2) + U64(3)) D3(sub64, U64(2) - U64(3)) D3(mul64, U64(2) * U64(3))
    D3(udiv64, U64(2) / U64(3)) D3(sdiv64, (uint64_t)(I64(2) / I64(3))) D3(urem64, U64(2) % U64(3)) D3(srem64, (uint64_t)(I64(2) % I64(3)))
    D3(shl64, U64(2) << (U32(3) & 63)) D3(lshr64, U64(2) >> (U32(3) & 63)) D3(ashr64, (uint64_t)(I64(2) >> (U32(3) & 63)))
    D3(and64, U64(2) & U64(3)) D3(or64, U64(2) | U64(3)) D3(xor64, U64(2) ^ U64(3))
    B3(eq, U32(2) == U32(3)) B3(ne, U32(2) != U32(3)) B3(ugt, U32(2) > U32(3)) B3(uge, U32(2) >= U32(3))
    B3(ult, U32(2) < U32(3)) B3(ule, U32(2) <= U32(3)) B3(sgt, I32(2) > I32(3)) B3(sge, I32(2) >= I32(3))
    B3(slt, I32(2) < I32(3)) B3(sle, I32(2) <= I32(3))
    B3(eqi, U32(2) == IM(3)) B3(nei, U32(2) != IM(3)) B3(ugti, U32(2) > IM(3)) B3(ugei, U32(2) >= IM(3))
    B3(ulti, U32(2) < IM(3)) B3(ulei, U32(2) <= IM(3)) B3(sgti, I32(2) > (int32_t)IM(3)) B3(sgei, I32(2) >= (int32_t)IM(3))
    B3(slti, I32(2) < (int32_t)IM(3)) B3(slei, I32(2) <= (int32_t)IM(3))
    B3(eq64, U64(2) == U64(3)) B3(ne64, U64(2) != U64(3)) B3(ugt64, U64(2) > U64(3)) B3(uge64, U64(2) >= U64(3))
    B3(ult64, U64(2) < U64(3)) B3(ule64, U64(2) <= U64(3)) B3(sgt64, I64(2) > I64(3)) B3(sge64, I64(2) >= I64(3))
    B3(slt64, I64(2) < I64(3)) B3(sle64, I64(2) <= I64(3))
#define BR(n, expr) H_(n) if (expr) JMP(ip[3]); NEXT(4);
    BR(beq, U32(1) == U32(2)) BR(bne, U32(1) != U32(2)) BR(bult, U32(1) < U32(2)) BR(bule, U32(1) <= U32(2))
    BR(bslt, I32(1) < I32(2)) BR(bsle, I32(1) <= I32(2)) BR(bugt, U32(1) > U32(2)) BR(buge, U32(1) >= U32(2))
    BR(bsgt, I32(1) > I32(2)) BR(bsge, I32(1) >= I32(2))
    BR(beqi, U32(1) == IM(2)) BR(bnei, U32(1) != IM(2)) BR(bulti, U32(1) < IM(2)) BR(bulei, U32(1) <= IM(2))
    BR(bslti, I32(1) < (int32_t)IM(2)) BR(bslei, I32(1) <= (int32_t)IM(2)) BR(bugti, U32(1) > IM(2)) BR(bugei, U32(1) >= IM(2))
    BR(bsgti, I32(1) > (int32_t)IM(2)) BR(bsgei, I32(1) >= (int32_t)IM(2))
    /* loop latches: addi [addi] bne */
    /* the sum kept in v: read back from its slot, it would be read again (and its cell: a store
     * to the frame may alias the code, for all the compiler knows) */
    H_(addbne) { uint32_t v = U32(1) + IM(2); U32(1) = v; if (v != U32(3)) JMP(ip[4]); NEXT(5); }
    H_(addbnei) { uint32_t v = U32(1) + IM(2); U32(1) = v; if (v != IM(3)) JMP(ip[4]); NEXT(5); }
    H_(incbeq) { uint32_t v = U32(2) + IM(3); U32(1) = v; if (U32(2) == U32(4)) JMP(ip[5]); U32(2) = v; JMP(ip[6]); }
    H_(incbeqn) { uint32_t v = U32(2) + IM(3); U32(1) = v; if (v == U32(4)) JMP(ip[5]); U32(2) = v; JMP(ip[6]); }
    H_(add2bne) { U32(1) += IM(2); uint32_t v = U32(3) + IM(4); U32(3) = v; if (v != U32(5)) JMP(ip[6]); NEXT(7); }
    BR(band, (U32(1) & U32(2)) != 0) BR(bandz, (U32(1) & U32(2)) == 0)
#define FF(n, expr) H_(n) F32(1) = (expr); NEXT(4);
#define DD(n, expr) H_(n) F64(1) = (expr); NEXT(4);
    FF(fadd, F32(2) + F32(3)) FF(fsub, F32(2) - F32(3)) FF(fmul, F32(2) * F32(3)) FF(fdiv, F32(2) / F32(3))
    DD(dadd, F64(2) + F64(3)) DD(dsub, F64(2) - F64(3)) DD(dmul, F64(2) * F64(3)) DD(ddiv, F64(2) / F64(3))
    /* fmul then fadd, two roundings (fmuladd, or an fmul feeding one fadd) */
    H_(fmad) { float t = F32(2) * F32(3); F32(1) = t + F32(4); NEXT(5); }
    H_(dmad) { double t = F64(2) * F64(3); F64(1) = t + F64(4); NEXT(5); }
    /* a whole dot-product loop (patterns.h, lower_fuse.c lower_dot_loop): its passes inline (dotl1/dotl4,
     * dotld1/dotld4: unrolled by 1 or 4, leaving when n reaches N), or by dotf/dotd
     * cells: acc_next x_next n_next acc x n a off b end step unroll leave_if_equal,
     * then its back-edge counter (f->loops[k - 1], 0: none; with --stats or the JIT's OSR on) and
     * the IR instructions of a pass (with --stats) */
#define DOTL(T, TU, U, passes) { \
        uint32_t x = U32(5), n = U32(6), u = U ? U : IM(12), it; \
        TU *pa = (TU *)((uint8_t *)(W)U32(7) + (x + U32(8)) * sizeof(T)), *pb = (TU *)((uint8_t *)(W)U32(9) + x * sizeof(T)), *p0 = pb; \
        T s = *(TU *)A(4), t; \
        if (U) {                                /* unrolled by U (4 or 1), leaving when n reaches N: inline */ \
            uint32_t N = U32(10), c = IM(11); \
            do { DOTP(0) if (U == 4) { DOTP(1) DOTP(2) DOTP(3) } pa += U; pb += U; n += c; } while (n != N); \
            it = (uint32_t)((W)pb - (W)p0) / (U * sizeof(T)); \
        } else { it = passes((uint8_t *)pa, (uint8_t *)pb, sizeof(T), sizeof(T), n, IM(11), U32(10), u, IM(13), &s); n += IM(11) * it; } \
        *(TU *)A(1) = s; U32(2) = x + u * it; U32(3) = n; \
        if (IM(15)) { H->fn->loops[IM(15) - 1] += it - 1; e->insns += (uint64_t)it * IM(14); } \
        NEXT(16); }
    H_(dotl) DOTL(float, f32u, 0, dotf)
    H_(dotl1) DOTL(float, f32u, 1, dotf)
    H_(dotl4) DOTL(float, f32u, 4, dotf)
    H_(dotld) DOTL(double, f64u, 0, dotd)
    H_(dotld1) DOTL(double, f64u, 1, dotd)
    H_(dotld4) DOTL(double, f64u, 4, dotd)
    /* whole loops the heavier patterns make one cell of: out of line (their locals would cost the hot handlers registers) */
    H_(dotls) JMP(dot_strided(e, fp, ip));
    H_(axpyl) JMP(axpyl(e, fp, ip));
    H_(axpyld) JMP(axpyld(e, fp, ip));
    H_(frem) H_(drem) goto trap;
    H_(fneg) F32(1) = -F32(2); NEXT(3);
    H_(dneg) F64(1) = -F64(2); NEXT(3);
#define FC(n, T, expr) H_(n) { T a = *(T *)A(2), b = *(T *)A(3); U32(1) = (expr); NEXT(4); }
#define FCS(s, T) FC(foeq##s, T, a == b) FC(fogt##s, T, a > b) FC(foge##s, T, a >= b) FC(folt##s, T, a < b) \
    FC(fole##s, T, a <= b) FC(fone##s, T, a < b || a > b) FC(ford##s, T, a == a && b == b) FC(funo##s, T, a != a || b != b) \
    FC(fueq##s, T, !(a < b || a > b)) FC(fugt##s, T, !(a <= b)) FC(fuge##s, T, !(a < b)) FC(fult##s, T, !(a >= b)) \
    FC(fule##s, T, !(a > b)) FC(fune##s, T, !(a == b))
    FCS(f, f32u) FCS(d, f64u)
    H_(mov32) U32(1) = U32(2); NEXT(3);
    H_(mov64) U64(1) = U64(2); NEXT(3);
    H_(movn) memmove(A(1), A(2), IM(3)); NEXT(4);
    H_(movi) U32(1) = IM(2); NEXT(3);
    H_(mov2) U32(1) = U32(2); U32(3) = U32(4); NEXT(5);
    H_(movj) U32(1) = U32(2); JMP(ip[3]);
    H_(movij) U32(1) = IM(2); JMP(ip[3]);
    H_(movj64) U64(1) = U64(2); JMP(ip[3]);
    H_(movi2) U32(1) = IM(2); U32(3) = IM(4); NEXT(5);
    H_(movi64) U64(1) = IM(2) | (uint64_t)IM(3) << 32; NEXT(4);
    H_(sext) I32(1) = (int32_t)(U32(2) << IM(3)) >> IM(3); NEXT(4);
    H_(sext64) U64(1) = (uint64_t)((int64_t)(U64(2) << IM(3)) >> IM(3)); NEXT(4);
    H_(zx64) U64(1) = U32(2); NEXT(3);
    H_(sx64) U64(1) = (uint64_t)(int64_t)I32(2); NEXT(3);
    H_(and64i) U64(1) = U64(2) & (IM(3) | (uint64_t)IM(4) << 32); NEXT(5);
#define CV(n, D, expr) H_(n) D = (expr); NEXT(3);
    CV(f2d, F64(1), (double)F32(2)) CV(d2f, F32(1), (float)F64(2))
    CV(si2f, F32(1), (float)I32(2)) CV(si2d, F64(1), (double)I32(2)) CV(ui2f, F32(1), (float)U32(2)) CV(ui2d, F64(1), (double)U32(2))
    CV(f2si, U32(1), (uint32_t)(int32_t)F32(2)) CV(f2ui, U32(1), (uint32_t)F32(2)) CV(d2si, U32(1), (uint32_t)(int32_t)F64(2)) CV(d2ui, U32(1), (uint32_t)F64(2))
    CV(sl2f, F32(1), (float)I64(2)) CV(sl2d, F64(1), (double)I64(2)) CV(ul2f, F32(1), (float)U64(2)) CV(ul2d, F64(1), (double)U64(2))
    CV(f2sl, U64(1), (uint64_t)(int64_t)F32(2)) CV(f2ul, U64(1), (uint64_t)F32(2)) CV(d2sl, U64(1), (uint64_t)(int64_t)F64(2)) CV(d2ul, U64(1), (uint64_t)F64(2))
#define P(k) ((uint8_t *)(W)U32(k) + (intptr_t)(int32_t)ip[(k) + 1])
    H_(ld8) U32(1) = *(u8u *)P(2); NEXT(4);
    H_(ld16) U32(1) = *(u16u *)P(2); NEXT(4);
    /* i8/i16 loads followed by a sext to i32 (lower_extend_in_place) */
    H_(ld8s) U32(1) = (uint32_t)*(int8_t *)P(2); NEXT(4);
    H_(ld16s) U32(1) = (uint32_t)(int32_t)*(i16u *)P(2); NEXT(4);
    H_(ld32) U32(1) = *(u32u *)P(2); NEXT(4);
    H_(ld64) U64(1) = *(u64u *)P(2); NEXT(4);
    H_(ldn) memcpy(A(1), P(2), IM(4)); NEXT(5);
    H_(st8) *(u8u *)P(1) = (uint8_t)U32(3); NEXT(4);
    H_(st16) *(u16u *)P(1) = (uint16_t)U32(3); NEXT(4);
    H_(st32) *(u32u *)P(1) = U32(3); NEXT(4);
    H_(st64) *(u64u *)P(1) = U64(3); NEXT(4);
    H_(stn) memmove(P(1), A(3), IM(4)); NEXT(5);
    H_(st32i) *(u32u *)P(1) = IM(3); NEXT(4);
/* indexed: base + index * scale + displacement */
#define PX(k) ((uint8_t *)(W)U32(k) + U32((k) + 1) * IM((k) + 2) + (int32_t)IM((k) + 3))
    /* <4 x float/i32> element by element: slots 8 apart, memory 4 apart */
#define V4(S) S(0) S(8) S(16) S(24)
#define LDV(k) *(u32u *)(d + k) = *(u32u *)(p + k / 2);
#define STV(k) *(u32u *)(p + k / 2) = *(u32u *)(x + k);
#define ADDV(k) *(f32u *)(d + k) = *(f32u *)(x + k) + *(f32u *)(y + k);
#define SUBV(k) *(f32u *)(d + k) = *(f32u *)(x + k) - *(f32u *)(y + k);
#define MULV(k) *(f32u *)(d + k) = *(f32u *)(x + k) * *(f32u *)(y + k);
#define DIVV(k) *(f32u *)(d + k) = *(f32u *)(x + k) / *(f32u *)(y + k);
#define MADV(k) { float t = *(f32u *)(x + k) * *(f32u *)(y + k); *(f32u *)(d + k) = t + *(f32u *)(z + k); }
    H_(splat4) { uint32_t v = U32(2); uint8_t *d = A(1); *(u32u *)d = v; *(u32u *)(d + 8) = v; *(u32u *)(d + 16) = v; *(u32u *)(d + 24) = v; NEXT(3); }
    H_(ldv4) { uint8_t *d = A(1), *p = P(2); V4(LDV) NEXT(4); }
    /* the pointer computed (and kept) first: p = b + x * s or p = b + C, then ldv4 d p off */
    H_(gepldv4) { uint8_t *d = A(1); uint32_t q = U32(3) + (uint32_t)I32(4) * IM(5); U32(2) = q; uint8_t *p = (uint8_t *)(W)q + (int32_t)IM(6); V4(LDV) NEXT(7); }
    H_(addildv4) { uint8_t *d = A(1); uint32_t q = U32(3) + IM(4); U32(2) = q; uint8_t *p = (uint8_t *)(W)q + (int32_t)IM(5); V4(LDV) NEXT(6); }
    H_(stv4) { uint8_t *p = P(1), *x = A(3); V4(STV) NEXT(4); }
    H_(faddv4) { uint8_t *d = A(1), *x = A(2), *y = A(3); V4(ADDV) NEXT(4); }
    H_(fsubv4) { uint8_t *d = A(1), *x = A(2), *y = A(3); V4(SUBV) NEXT(4); }
    H_(fmulv4) { uint8_t *d = A(1), *x = A(2), *y = A(3); V4(MULV) NEXT(4); }
    H_(fdivv4) { uint8_t *d = A(1), *x = A(2), *y = A(3); V4(DIVV) NEXT(4); }
    H_(fmadv4) { uint8_t *d = A(1), *x = A(2), *y = A(3), *z = A(4); V4(MADV) NEXT(5); }
    H_(lix1) U32(1) = *(u8u *)PX(2); NEXT(6);
    H_(lix2) U32(1) = *(u16u *)PX(2); NEXT(6);
    H_(lix1s) U32(1) = (uint32_t)*(int8_t *)PX(2); NEXT(6);
    H_(lix2s) U32(1) = (uint32_t)(int32_t)*(i16u *)PX(2); NEXT(6);
    H_(lix4) U32(1) = *(u32u *)PX(2); NEXT(6);
    H_(lix8) U64(1) = *(u64u *)PX(2); NEXT(6);
/* an array's element: the index scaled by the element's size (no scale cell to read): base + i * size + displacement */
#define PXE(k, size) ((uint8_t *)(W)U32(k) + (int32_t)IM((k) + 2) + U32((k) + 1) * (size))
#define LXE(n, T, size) H_(n) { uint8_t *p = PXE(2, size); uint32_t v = *(T *)p; U32(1) = v; NEXT(5); }
    LXE(lxe1, u8u, 1) LXE(lxe2, u16u, 2) LXE(lxe4, u32u, 4)
    H_(lxe8) { uint8_t *p = PXE(2, 8); uint64_t v = *(u64u *)p; U64(1) = v; NEXT(5); }
    H_(sxe1) *(u8u *)PXE(1, 1) = (uint8_t)U32(4); NEXT(5);
    H_(sxe2) *(u16u *)PXE(1, 2) = (uint16_t)U32(4); NEXT(5);
    H_(sxe4) *(u32u *)PXE(1, 4) = U32(4); NEXT(5);
    H_(sxe8) *(u64u *)PXE(1, 8) = U64(4); NEXT(5);
/* the index computed here, scaled by the element's size: a ^ (b & C) (lower_fuse_into_users'
 * masked_index: `t[(c & 255) ^ b]`, `t[h & mask]`) */
#define LIXM(n, T, size) H_(n) { uint32_t i = U32(3) ^ (U32(4) & IM(5)); uint8_t *p = (uint8_t *)(W)U32(2) + (int32_t)IM(6); \
        uint32_t v = *(T *)(p + i * (size)); U32(1) = v; NEXT(7); }
    LIXM(lixm1, u8u, 1) LIXM(lixm2, u16u, 2) LIXM(lixm4, u32u, 4)
    H_(six1) *(u8u *)PX(1) = (uint8_t)U32(5); NEXT(6);
    H_(six2) *(u16u *)PX(1) = (uint16_t)U32(5); NEXT(6);
    H_(six4) *(u32u *)PX(1) = U32(5); NEXT(6);
    H_(six8) *(u64u *)PX(1) = U64(5); NEXT(6);
/* two variable indices (a[i][j]): base + i * si + j * sj + displacement */
#define PX2(k) ((uint8_t *)(W)U32(k) + U32((k) + 1) * IM((k) + 2) + U32((k) + 3) * IM((k) + 4) + (int32_t)IM((k) + 5))
    H_(ljx1) U32(1) = *(u8u *)PX2(2); NEXT(8);
    H_(ljx2) U32(1) = *(u16u *)PX2(2); NEXT(8);
    H_(ljx1s) U32(1) = (uint32_t)*(int8_t *)PX2(2); NEXT(8);
    H_(ljx2s) U32(1) = (uint32_t)(int32_t)*(i16u *)PX2(2); NEXT(8);
    H_(ljx4) U32(1) = *(u32u *)PX2(2); NEXT(8);
    H_(ljx8) U64(1) = *(u64u *)PX2(2); NEXT(8);
    H_(sjx1) *(u8u *)PX2(1) = (uint8_t)U32(7); NEXT(8);
    H_(sjx2) *(u16u *)PX2(1) = (uint16_t)U32(7); NEXT(8);
    H_(sjx4) *(u32u *)PX2(1) = U32(7); NEXT(8);
    H_(sjx8) *(u64u *)PX2(1) = U64(7); NEXT(8);
    H_(lf8) U32(1) = *(u8u *)A(2); NEXT(3);
    H_(lf16) U32(1) = *(u16u *)A(2); NEXT(3);
    H_(lf8s) U32(1) = (uint32_t)*(int8_t *)A(2); NEXT(3);
    H_(lf16s) U32(1) = (uint32_t)(int32_t)*(i16u *)A(2); NEXT(3);
    H_(sf8) *(u8u *)A(1) = (uint8_t)U32(2); NEXT(3);
    H_(sf16) *(u16u *)A(1) = (uint16_t)U32(2); NEXT(3);
    H_(sf32i) U32(1) = IM(2); NEXT(3);
    H_(lea) U32(1) = (uint32_t)(W)A(2); NEXT(3);
    H_(gep) U32(1) = U32(2) + (uint32_t)I32(3) * IM(4); NEXT(5);
    H_(gep2) U32(1) = U32(2) + (uint32_t)I32(3) * IM(4) + (uint32_t)I32(5) * IM(6); NEXT(7);
    H_(sel32) U32(1) = U32(2) ? U32(3) : U32(4); NEXT(5);
    H_(sel64) U64(1) = U32(2) ? U64(3) : U64(4); NEXT(5);
    H_(fselgt) U32(1) = F32(2) > F32(3) ? U32(4) : U32(5); NEXT(6);
    H_(fsellt) U32(1) = F32(2) < F32(3) ? U32(4) : U32(5); NEXT(6);
    H_(seln) memmove(A(1), U32(2) ? A(3) : A(4), IM(5)); NEXT(6);
    H_(call) {
        f = (Fn *)ip[2];
        if (f->native) goto call_native;               /* the entry slot: FFI or compiled code */
        if (HOT(e, f)) {
            e->sp = H->dyn;
            if (e->jit_hot(e, f)) goto fail;
            if (f->native) goto call_native;
        }
        if (!f->code) {
            e->sp = H->dyn;
            if (lower(e, f)) goto fail;
        }
        uint8_t *top = H->dyn;
        uint8_t *nfp = top + f->clen;
        if (nfp + f->frame > e->stack_end || e->depth >= e->cfg.max_depth) goto overflow;
        for (uint32_t k = 0; k < f->clen; k += 8) *(u64u *)(top + k) = *(u64u *)(f->cdata + k);
        uint32_t n = IM(3);
        for (uint32_t i = 0; i < n; i++) *(u64u *)(nfp + HDR + 8 * i) = U64(4 + i);
        Hdr *h = (Hdr *)nfp;
        h->rip = ip + 4 + n; h->rfp = fp; h->dst = ip[1]; h->fn = f; h->dyn = nfp + f->frame;
        f->calls++; e->depth++;
        e->fp = fp = nfp; ip = f->code;
        DISPATCH();
    call_native:
        ip = call_entry(e, f, fp, ip, &osr_result, &jumped);
        if (jumped) goto longjmp_landed;
        DISPATCH();
    }
    H_(calli) {
        W t = U32(2);
        uint32_t n = IM(4);
        f = stub_fn(e, t);
        if (f && HOT(e, f)) {
            e->sp = H->dyn;
            if (e->jit_hot(e, f)) goto fail;
        }
        if (f && !f->native) {
            if (!f->varg) {
                if (!f->code) { e->sp = H->dyn; if (lower(e, f)) goto fail; }
                uint8_t *top = H->dyn;
                uint8_t *nfp = top + f->clen;
                if (nfp + f->frame > e->stack_end || e->depth >= e->cfg.max_depth) goto overflow;
                for (uint32_t k = 0; k < f->clen; k += 8) *(u64u *)(top + k) = *(u64u *)(f->cdata + k);
                uint32_t np = n < f->nparam ? n : f->nparam;
                for (uint32_t i = 0; i < np; i++) *(u64u *)(nfp + HDR + 8 * i) = U64(5 + 2 * i);
                Hdr *h = (Hdr *)nfp;
                h->rip = ip + 5 + 2 * n; h->rfp = fp; h->dst = ip[1]; h->fn = f; h->dyn = nfp + f->frame;
                f->calls++; e->depth++;
                e->fp = fp = nfp; ip = f->code;
                DISPATCH();
            }
            fp = enter_variadic(e, f, fp, ip);
            if (!fp) goto fail;
            ip = f->code;
            DISPATCH();
        }
        if (f) t = (W)f->native;
        if (!t) { fail(e, BFE_ERROR, "engine: call through a null function pointer"); goto fail; }
        ip = call_pointer(e, f, t, fp, ip, &osr_result, &jumped);
        if (jumped) goto longjmp_landed;
        if (!ip) goto fail;
        DISPATCH();
    }
    H_(ncall) ip = call_ffi(e, fp, ip); if (!ip) goto fail; DISPATCH();
    /* float f(float) / double f(double) native callees (expf, sqrtf, ...) */
    H_(ncallf) e->sp = H->dyn; F32(1) = ((float (*)(float))ip[2])(F32(3)); NEXT(4);
    H_(ncalld) e->sp = H->dyn; F64(1) = ((double (*)(double))ip[2])(F64(3)); NEXT(4);
    /* <2 x double>: both lanes (adjacent slots) */
#define V2(op) { f64u *d = (f64u *)A(1), *x = (f64u *)A(2), *y = (f64u *)A(3); \
        double d0 = x[0] op y[0], d1 = x[1] op y[1]; d[0] = d0; d[1] = d1; NEXT(4); }
    H_(daddv2) V2(+)
    H_(dsubv2) V2(-)
    H_(dmulv2) V2(*)
    H_(ddivv2) V2(/)
#undef V2
    H_(dnegv2) { f64u *d = (f64u *)A(1), *x = (f64u *)A(2); double d0 = -x[0], d1 = -x[1]; d[0] = d0; d[1] = d1; NEXT(3); }
    H_(dmadv2) {                    /* llvm.fmuladd unfused, as dmad: the product rounded, then the sum */
        f64u *d = (f64u *)A(1), *x = (f64u *)A(2), *y = (f64u *)A(3), *z = (f64u *)A(4);
        double p0 = x[0] * y[0], p1 = x[1] * y[1], d0 = p0 + z[0], d1 = p1 + z[1];
        d[0] = d0; d[1] = d1; NEXT(5);
    }
    H_(splatd2) { uint64_t v = U64(2); uint8_t *d = A(1); *(u64u *)d = v; *(u64u *)(d + 8) = v; NEXT(3); }
    /* both lanes as 16 bytes: one load and one store (SSE) where the compiler can */
#define MOV2(d, s) __builtin_memcpy(d, s, 16)
    H_(ldv2) MOV2(A(1), P(2)); NEXT(4);
    H_(stv2) MOV2(P(1), A(3)); NEXT(4);
    /* ... at base + index * scale + displacement, and with two indices (PX2) */
    H_(ldv2x) MOV2(A(1), PX(2)); NEXT(6);
    H_(stv2x) MOV2(PX(1), A(5)); NEXT(6);
    H_(ldv2j) MOV2(A(1), PX2(2)); NEXT(8);
    H_(stv2j) MOV2(PX2(1), A(7)); NEXT(8);
#undef MOV2
    /* d = a op the <2 x double> at base + index * scale + displacement (a load its one user makes) */
#define V2X(op) { f64u *d = (f64u *)A(1), *x = (f64u *)A(2), *y = (f64u *)PX(3); \
        double d0 = x[0] op y[0], d1 = x[1] op y[1]; d[0] = d0; d[1] = d1; NEXT(7); }
    H_(daddv2x) V2X(+)
    H_(dsubv2x) V2X(-)
    H_(dmulv2x) V2X(*)
#undef V2X
    H_(sqrtd_libm) {                /* libm's sqrt sets errno for a negative input: only those call it */
        double x = F64(3);
        if (x < 0) { e->sp = H->dyn; F64(1) = ((double (*)(double))ip[2])(x); } else F64(1) = __builtin_sqrt(x);
        NEXT(4);
    }
    H_(ret) {
        uint64_t v = U64(1);
        Hdr *h = H;
        if (!h->rip) { *ret = v; return 0; }
        W dst = h->dst;
        POP_FRAME(h);
        *(u64u *)(fp + (intptr_t)(int32_t)dst) = v;
        DISPATCH();
    }
    osr_return: {                                        /* compiled code ran the rest of this activation */
        Hdr *h = H;
        int has_value = e->ty[e->ty[h->fn->ty].elt].k != TK_VOID;
        if (!h->rip) { if (has_value) *ret = osr_result; return 0; }
        if (has_value) *(u64u *)(h->rfp + (intptr_t)(int32_t)h->dst) = osr_result;
        POP_FRAME(h);
        DISPATCH();
    }
    H_(retv) {
        Hdr *h = H;
        if (!h->rip) return 0;
        POP_FRAME(h);
        DISPATCH();
    }
    H_(retn) {
        Hdr *h = H;
        if (!h->rip) { memcpy(ret, A(1), IM(2) < 8 ? IM(2) : 8); return 0; }
        memmove(h->rfp + (intptr_t)(int32_t)h->dst, A(1), IM(2));
        POP_FRAME(h);
        DISPATCH();
    }
    /* setjmp/longjmp over the engine's own frames. The jump buffer (glibc's, 156 bytes, or
       __builtin_setjmp's 5 words) records the activation: a mark, its frame, where to resume (the
       setjmp's result is that op's cell 1), its function, and this run()'s C frame. A longjmp from
       under another run() (compiled code called back into the interpreter) goes back through the
       transition (call_compiled) its run() made; one through native code (a callback) is an error */
    H_(setjmp) {
        W *jb = (W *)(W)U32(2);
        jb[0] = 0x4a4d5042; jb[1] = (W)fp; jb[2] = (W)(ip + 3); jb[3] = (W)H->fn; jb[4] = (W)&osr_result;
        U32(1) = 0;
        NEXT(3);
    }
    H_(longjmp) {
        W *jb = (W *)(W)U32(1);
        uint32_t v = U32(2);
        if (jb[0] != 0x4a4d5042) { fail(e, BFE_ERROR, "engine: longjmp with a jump buffer no setjmp filled"); goto fail; }
        if (jb[4] != (W)&osr_result) {                   /* the setjmp is in an outer run(): through compiled code to it */
            Transit *t = e->transit;
            while (t && t->run_id != (void *)jb[4]) t = t->prev;
            if (!t) { fail(e, BFE_ERROR, "engine: longjmp across native code (a callback) is not supported"); goto fail; }
            e->lj_buf = jb; e->lj_val = v;
            leave_through(t);
        }
        goto longjmp_here;
    longjmp_landed:
        jb = e->lj_buf; v = e->lj_val;
    longjmp_here: ;
        uint8_t *p = fp;
        uint32_t popped = 0;
        while (p && p != (uint8_t *)jb[1]) { p = ((Hdr *)p)->rfp; popped++; }
        if (!p || ((Hdr *)p)->fn != (Fn *)jb[3]) { fail(e, BFE_ERROR, "engine: longjmp to a function that has returned"); goto fail; }
        e->fp = fp = p; e->depth -= popped; ip = (W *)jb[2];
        *(u32u *)(fp + (intptr_t)(int32_t)ip[-2]) = v ? v : 1;
        DISPATCH();
    }
    H_(sw) {
        uint32_t v = U32(1), n = IM(2);
        for (uint32_t i = 0; i < n; i++) if (IM(4 + 2 * i) == v) JMP(ip[5 + 2 * i]);
        JMP(ip[3]);
    }
    H_(sw64) {
        uint64_t v = U64(1); uint32_t n = IM(2);
        for (uint32_t i = 0; i < n; i++) if ((IM(4 + 3 * i) | (uint64_t)IM(5 + 3 * i) << 32) == v) JMP(ip[6 + 3 * i]);
        JMP(ip[3]);
    }
    H_(swt) {
        uint32_t k = U32(1) - IM(2);
        if (k < IM(3)) JMP(ip[5 + k]);
        JMP(ip[4]);
    }
    H_(ibr) {
        uint32_t v = U32(1), k = (v & 0xffff) - 1;
        if ((v >> 16) == IM(2) && k < IM(3) && ip[4 + k]) JMP(ip[4 + k]);
        fail(e, BFE_ERROR, "engine: indirectbr to an address not in its list (in '%.*s')", (int)H->fn->nlen, H->fn->name);
        goto fail;
    }
    H_(unreach) fail(e, BFE_ERROR, "engine: unreachable executed in '%.*s'", (int)H->fn->nlen, H->fn->name); goto fail;
    H_(alloca) {
        uint32_t al = IM(3);
        uint8_t *p = (uint8_t *)(((W)H->dyn + al - 1) & ~(W)(al - 1));
        if (p + U32(2) + 64 > e->stack_end || U32(2) > 0x40000000) goto overflow;
        H->dyn = p + ((U32(2) + 15) & ~15u);
        U32(1) = (uint32_t)(W)p;
        NEXT(4);
    }
    H_(stsave) U32(1) = (uint32_t)(W)H->dyn; NEXT(2);
    H_(strest) H->dyn = (uint8_t *)(W)U32(1); NEXT(2);
    H_(vastart) *(u32u *)(W)U32(1) = (uint32_t)(W)H->va; NEXT(2);
    H_(vacopy) *(u32u *)(W)U32(1) = *(u32u *)(W)U32(2); NEXT(3);
    H_(memcpy) memcpy((void *)(W)U32(1), (void *)(W)U32(2), U32(3)); NEXT(4);
    H_(memmove) memmove((void *)(W)U32(1), (void *)(W)U32(2), U32(3)); NEXT(4);
    H_(memset) memset((void *)(W)U32(1), (int)(U32(2) & 255), U32(3)); NEXT(4);
    H_(ctpop) U32(1) = pop32(U32(2)); NEXT(3);
    H_(ctlz) U32(1) = clz32(U32(2)); NEXT(3);
    H_(cttz) U32(1) = ctz32(U32(2)); NEXT(3);
    H_(bswap) { uint32_t x = U32(2); U32(1) = x >> 24 | (x >> 8 & 0xff00) | (x << 8 & 0xff0000) | x << 24; NEXT(3); }
    H_(ctpop64) U64(1) = pop32((uint32_t)U64(2)) + pop32((uint32_t)(U64(2) >> 32)); NEXT(3);
    H_(ctlz64) { uint64_t x = U64(2); U64(1) = (x >> 32) ? clz32((uint32_t)(x >> 32)) : 32 + clz32((uint32_t)x); NEXT(3); }
    H_(cttz64) { uint64_t x = U64(2); U64(1) = (uint32_t)x ? ctz32((uint32_t)x) : 32 + ctz32((uint32_t)(x >> 32)); NEXT(3); }
    H_(bswap64) U64(1) = byte_swap64(U64(2)); NEXT(3);
    H_(bswap16) { uint32_t x = U32(2); U32(1) = (x >> 8 & 0xff) | (x << 8 & 0xff00); NEXT(3); }
    H_(fshl) { uint32_t s = U32(4) & 31; U32(1) = s ? (U32(2) << s) | (U32(3) >> (32 - s)) : U32(2); NEXT(5); }
    H_(fshr) { uint32_t s = U32(4) & 31; U32(1) = s ? (U32(3) >> s) | (U32(2) << (32 - s)) : U32(3); NEXT(5); }
    H_(fshl64) JMP(funnel_shift64(fp, ip, 1));
    H_(fshr64) JMP(funnel_shift64(fp, ip, 0));
    B3(smin, I32(2) < I32(3) ? U32(2) : U32(3)) B3(smax, I32(2) > I32(3) ? U32(2) : U32(3))
    B3(umin, U32(2) < U32(3) ? U32(2) : U32(3)) B3(umax, U32(2) > U32(3) ? U32(2) : U32(3))
    D3(smin64, I64(2) < I64(3) ? U64(2) : U64(3)) D3(smax64, I64(2) > I64(3) ? U64(2) : U64(3))
    D3(umin64, U64(2) < U64(3) ? U64(2) : U64(3)) D3(umax64, U64(2) > U64(3) ? U64(2) : U64(3))
    H_(sqrtf) F32(1) = __builtin_sqrtf(F32(2)); NEXT(3);
    H_(sqrtd) F64(1) = __builtin_sqrt(F64(2)); NEXT(3);
    H_(fabsf) U32(1) = U32(2) & 0x7fffffffu; NEXT(3);
    H_(fabsd) U64(1) = U64(2) & 0x7fffffffffffffffull; NEXT(3);
    /* minnum/maxnum as LLVM's x86 code computes them (a NaN a gives b; a tie, -0 against +0, gives a) */
    H_(minf) { float a = F32(2), b = F32(3); F32(1) = a != a ? b : (b < a ? b : a); NEXT(4); }
    H_(maxf) { float a = F32(2), b = F32(3); F32(1) = a != a ? b : (b > a ? b : a); NEXT(4); }
    H_(mind) { double a = F64(2), b = F64(3); F64(1) = a != a ? b : (b < a ? b : a); NEXT(4); }
    H_(maxd) { double a = F64(2), b = F64(3); F64(1) = a != a ? b : (b > a ? b : a); NEXT(4); }
    H_(cpsgnf) U32(1) = (U32(2) & 0x7fffffffu) | (U32(3) & 0x80000000u); NEXT(4);
    H_(cpsgnd) U64(1) = (U64(2) & 0x7fffffffffffffffull) | (U64(3) & 0x8000000000000000ull); NEXT(4);
    H_(saddo) { int32_t r; uint32_t o = __builtin_add_overflow(I32(2), I32(3), &r); U32(1) = (uint32_t)r; *(u32u *)(A(1) + 4) = o; NEXT(4); }
    H_(uaddo) { uint32_t r; uint32_t o = __builtin_add_overflow(U32(2), U32(3), &r); U32(1) = r; *(u32u *)(A(1) + 4) = o; NEXT(4); }
    H_(ssubo) { int32_t r; uint32_t o = __builtin_sub_overflow(I32(2), I32(3), &r); U32(1) = (uint32_t)r; *(u32u *)(A(1) + 4) = o; NEXT(4); }
    H_(usubo) { uint32_t r; uint32_t o = __builtin_sub_overflow(U32(2), U32(3), &r); U32(1) = r; *(u32u *)(A(1) + 4) = o; NEXT(4); }
    H_(smulo) { int64_t r = (int64_t)I32(2) * I32(3); U32(1) = (uint32_t)r; *(u32u *)(A(1) + 4) = r != (int32_t)r; NEXT(4); }
    H_(umulo) { uint64_t r = (uint64_t)U32(2) * U32(3); U32(1) = (uint32_t)r; *(u32u *)(A(1) + 4) = (r >> 32) != 0; NEXT(4); }
    H_(saddo64) { uint64_t r = U64(2) + U64(3); uint32_t o = (int64_t)((U64(2) ^ r) & (U64(3) ^ r)) < 0; U64(1) = r; *(u32u *)(A(1) + 8) = o; NEXT(4); }
    H_(uaddo64) { uint64_t r = U64(2) + U64(3); uint32_t o = r < U64(2); U64(1) = r; *(u32u *)(A(1) + 8) = o; NEXT(4); }
    H_(ssubo64) { uint64_t r = U64(2) - U64(3); uint32_t o = (int64_t)((U64(2) ^ U64(3)) & (U64(2) ^ r)) < 0; U64(1) = r; *(u32u *)(A(1) + 8) = o; NEXT(4); }
    H_(usubo64) { uint64_t r = U64(2) - U64(3); uint32_t o = U64(2) < U64(3); U64(1) = r; *(u32u *)(A(1) + 8) = o; NEXT(4); }
    H_(smulo64) { uint64_t a = U64(2), b = U64(3); U64(1) = a * b; *(u32u *)(A(1) + 8) = mul64_overflows(a, b, 1); NEXT(4); }
    H_(umulo64) { uint64_t a = U64(2), b = U64(3); U64(1) = a * b; *(u32u *)(A(1) + 8) = mul64_overflows(a, b, 0); NEXT(4); }
    H_(movx) U64(1) = *(u64u *)(A(2) + 8 * U32(3)); NEXT(4);
    H_(stx) *(u64u *)(A(1) + 8 * U32(2)) = U64(3); NEXT(4);
    H_(cnt) e->insns += IM(1); NEXT(2);
    H_(trace) trace(e, (Fn *)ip[1], (int)IM(2), fp, (int32_t)IM(3)); NEXT(4);
    H_(cmpxchg) JMP(compare_exchange(fp, ip));
    H_(cmpxchg64) JMP(compare_exchange64(fp, ip));
    H_(rmw) ip = atomic_rmw(fp, ip); if (!ip) goto trap; DISPATCH();
    H_(rmw64) ip = atomic_rmw64(fp, ip); if (!ip) goto trap; DISPATCH();
    H_(bitrev) U32(1) = bit_reverse32(U32(2)); NEXT(3);
    H_(frameaddr) JMP(frame_address(fp, ip));
    H_(fltrounds) {                                 /* FLT_ROUNDS: how the machine rounds an addition now (fesetround) */
        volatile double one = 1.0, tiny = 0x1p-60;
        U32(1) = one + tiny > 1.0 ? 2 : -one - tiny < -1.0 ? 3 : one - tiny < 1.0 ? 0 : 1; NEXT(2);
    }
    H_(bitrev64) JMP(bit_reverse64(fp, ip));
    H_(trap)
/* also reached straight from other handlers (frem, drem, switch defaults): the
 * frame is read through e->fp (always fp here), so that no second copy of fp
 * flows into this block. With one, clang kept that copy live across every
 * dispatch, a `mov %ebp,%ecx` and moves of ip in most handlers. */
trap:
    fail(e, BFE_ERROR, "engine: trap executed in '%.*s'", (int)((Hdr *)e->fp)->fn->nlen, ((Hdr *)e->fp)->fn->name);
    goto fail;
overflow:
    stack_overflow(e);
fail:
    return e->errc ? e->errc : BFE_ERROR;
}
