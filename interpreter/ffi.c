/* FFI: native symbols by name, calls into native code with the i386 cdecl
 * ABI, and trampolines that let native code call interpreted functions
 * (each defined function has a STUB_BYTES x86 stub; its address is the
 * function's pointer value everywhere, so pointers compare and round-trip). */
#include "internal.h"

typedef uint32_t u32u __attribute__((aligned(1), may_alias));

void *ffi_lookup(E *e, const char *name, uint32_t nlen) {
    if (nlen && name[0] == 1) { name++; nlen--; }
    if (!nlen) return 0;
    for (int i = 0; i < e->cfg.nsyms; i++) {
        const char *s = e->cfg.syms[i].name;   /* the first byte rejects nearly all: no strlen */
        if (s[0] == name[0] && strlen(s) == nlen && !memcmp(s, name, nlen)) return e->cfg.syms[i].addr;
    }
    return 0;
}

#if BF_FULL
/* cdecl call with up to 64 argument words; extra words are harmless under
 * cdecl (the caller pops them). */
#define W4(o) a[o], a[o + 1], a[o + 2], a[o + 3]
#define W16(o) W4(o), W4(o + 4), W4(o + 8), W4(o + 12)
#define T4 W, W, W, W
#define T16 T4, T4, T4, T4
#define CALLS(N, TYPES, ARGS) \
    if (nw <= N) { \
        switch (rk) { \
        case RK_F32: { float r = ((float (*)(TYPES))fn)(ARGS); uint32_t x; memcpy(&x, &r, 4); return x; } \
        case RK_F64: { double r = ((double (*)(TYPES))fn)(ARGS); uint64_t x; memcpy(&x, &r, 8); return x; } \
        case RK_VOID: ((void (*)(TYPES))fn)(ARGS); return 0; \
        case RK_F80: { long double r = ((long double (*)(TYPES))fn)(ARGS); uint64_t lo; memcpy(out, &r, 10); memcpy(&lo, &r, 8); return lo; } \
        default: return ((uint64_t (*)(TYPES))fn)(ARGS); \
        } \
    }
/* A struct result through the hidden pointer w[0], which the callee pops (ret 4):
 * called as a function returning a struct big enough, the compiler passes a hidden
 * pointer of its own and expects the pop; the result is then copied to w[0]. */
typedef struct { W w[16]; } Ret64;
#define B4(o) b[o], b[o + 1], b[o + 2], b[o + 3]
#define B16(o) B4(o), B4(o + 4), B4(o + 8), B4(o + 12)
#define B64 B16(1), B16(17), B16(33), B16(49)
#define T64S T16, T16, T16, T16
#define SCALL(N, TYPES, ARGS) \
    if (nw <= N + 1) { Ret64 r = ((Ret64 (*)(TYPES))fn)(ARGS); memcpy((void *)b[0], &r, size); return b[0]; }
static uint64_t ncall_sret(void *fn, const W *w, uint32_t nw, uint32_t size) {
    W b[65];
    if (nw > 65) nw = 65;
    if (size > sizeof(Ret64)) size = sizeof(Ret64);
    for (uint32_t i = 0; i < nw; i++) b[i] = w[i];
    for (uint32_t i = nw; i < 65; i++) b[i] = 0;
    SCALL(4, T4, B4(1))
    SCALL(16, T16, B16(1))
    SCALL(64, T64S, B64)
    return 0;
}
uint64_t ncall(void *fn, const W *w, uint32_t nw, int rk) {
    W a[64];
    void *out = 0;                                   /* RK_F80: where the result goes, the last word; the result's */
    if ((rk & 0xff) == RK_SRET) return ncall_sret(fn, w, nw, (uint32_t)rk >> 8);
    if (rk == RK_F80 && nw) out = (void *)w[--nw];   /* first 8 bytes are returned too, for the handler that stores them there */
    if (nw <= 4 && rk <= RK_F64) {
        for (uint32_t i = 0; i < 4; i++) a[i] = i < nw ? w[i] : 0;
        return call_short(fn, a, rk);
    }
    if (nw > 64) nw = 64;
    uint32_t passed = nw <= 16 ? 16 : 64;            /* the words the call below passes: the rest need no zeroing */
    for (uint32_t i = 0; i < nw; i++) a[i] = w[i];
    for (uint32_t i = nw; i < passed; i++) a[i] = 0;
    CALLS(4, T4, W4(0))
    CALLS(16, T16, W16(0))
    #define T64 T16, T16, T16, T16
#define A64 W16(0), W16(16), W16(32), W16(48)
    CALLS(64, T64, A64)
    return 0;
}

#else
/* The meta bootstrap's: the same call in a few instructions (the C version's 64-argument
 * calls of each result kind were 3.4 KB of its 64 KiB): the words copied to a 16-aligned
 * stack, the call, the stack pointer back (which also undoes a callee's `ret 4` of a
 * struct result's pointer), the result from EAX:EDX or st(0). Native only: runtime.bc,
 * which the bootstrap interprets, has the C version (no inline assembly in its IR). */
uint64_t ncall(void *fn, const W *w, uint32_t nw, int rk) {
    uint32_t result[4] = { 0 }, kind = rk == RK_F32 ? 1 : rk == RK_F64 ? 2 : rk == RK_F80 ? 3 : 0;
    void *f80 = 0;                                   /* RK_F80: where the result goes, the last word */
    if (rk == RK_F80 && nw) f80 = (void *)w[--nw];
    if (nw > 64) nw = 64;
    uint32_t *out = result;
    W first = nw ? w[0] : 0;                         /* RK_SRET: the struct result's pointer, returned */
    __asm__ volatile(
        "pushl %%edi\n\t"                        /* the result's kind and place, where EBX finds them after the call */
        "pushl %%eax\n\t"
        "movl %%esp, %%ebx\n\t"
        "leal 0(,%%ecx,4), %%eax\n\t"
        "subl %%eax, %%esp\n\t"
        "andl $-16, %%esp\n\t"
        "movl %%esp, %%edi\n\t"
        "cld\n\t"
        "rep movsl\n\t"
        "call *%%edx\n\t"
        "movl %%ebx, %%esp\n\t"
        "popl %%esi\n\t"
        "popl %%edi\n\t"
        "cmpl $1, %%edi\n\t" "je 1f\n\t"
        "cmpl $2, %%edi\n\t" "je 2f\n\t"
        "cmpl $3, %%edi\n\t" "je 3f\n\t"
        "movl %%eax, (%%esi)\n\t" "movl %%edx, 4(%%esi)\n\t" "jmp 4f\n"
        "1:\tfstps (%%esi)\n\t" "jmp 4f\n"
        "2:\tfstpl (%%esi)\n\t" "jmp 4f\n"
        "3:\tfstpt (%%esi)\n"
        "4:"
        : "+a"(out), "+D"(kind), "+S"(w), "+c"(nw), "+d"(fn)
        :
        : "ebx", "memory", "cc", "st", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7");
    if (f80) memcpy(f80, result, 10);
    if ((rk & 0xff) == RK_SRET) return first;
    return result[0] | (uint64_t)result[1] << 32;
}
#endif

/* Entry from native code through a stub: f is pushed by the stub, args
 * points at the caller's cdecl argument words. */
static uint64_t enter(Fn *f, uint32_t *args) {
    E *e = f->e;
    uint64_t r = 0;
    int was = run_as(e, SIDE_INTERP);
    int c = exec_run(e, f, args, 0, &r);
    run_as(e, was);
    if (c) {
        if (e->cfg.fatal) e->cfg.fatal(c, e->err);
        for (;;) { }
    }
    return r;
}
uint64_t tramp_entry(Fn *f, uint32_t *args) { return enter(f, args); }
static float tramp_f(Fn *f, uint32_t *args) { uint64_t r = enter(f, args); float x; uint32_t b = (uint32_t)r; memcpy(&x, &b, 4); return x; }
static double tramp_d(Fn *f, uint32_t *args) { uint64_t r = enter(f, args); double x; memcpy(&x, &r, 8); return x; }
#if BF_FULL
/* native code expects a long double in st(0), which enter's 8-byte result cannot carry: a clear stop */
static long double tramp_ld(Fn *f, uint32_t *args) {
    E *e = f->e;
    (void)args;
    int c = fail(e, BFE_ERROR, "engine: native code called '%.*s', which returns long double, through its pointer (not supported)", (int)f->nlen, f->name);
    if (e->cfg.fatal) e->cfg.fatal(c, e->err);
    for (;;) { }
}
#else   /* the meta kernel's bootstrap: its interpreter stops at the long double itself, with a named error (ir_exec.c) */
#define tramp_ld tramp_entry
#endif

/* words of a cdecl argument list from (frame offset, kind) pairs: kind 0 one word, 1 two,
 * else a struct by value of kind >> 2 bytes (its address at the offset); writes the first
 * cap words, returns how many there are */
uint32_t pack_args(uint8_t *fp, const W *p, uint32_t n, uint32_t *w, uint32_t cap) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t *s = fp + (intptr_t)(int32_t)p[2 * i];
        W kind = p[2 * i + 1];
        if (kind == 0) { if (k < cap) w[k] = *(u32u *)s; k++; }
        else if (kind == 1) { if (k + 1 < cap) { w[k] = *(u32u *)s; w[k + 1] = *(u32u *)(s + 4); } k += 2; }
        else {                                  /* byval: copy the struct */
            uint32_t sz = (uint32_t)(kind >> 2);
            uint8_t *src = (uint8_t *)(W)*(u32u *)s;
            if (k + sz / 4 <= cap) memcpy(&w[k], src, sz);
            k += sz / 4;
        }
    }
    return k;
}

/* fill parameter slots of frame fp from cdecl words; returns words used */
uint32_t unpack_params(E *e, Fn *f, uint8_t *fp, const uint32_t *w) {
    Ty *ft = &e->ty[f->ty];
    uint32_t k = 0, off = HDR;
    for (uint32_t i = 0; i < ft->w; i++) {
        uint32_t t = e->ty[f->ty].elts[i], bt;
        Ty *y = &e->ty[t];
        if (byval_param(e, f, i, &bt)) {
            *(u32u *)(fp + off) = (uint32_t)(W)&w[k];
            k += (ty_size(e, bt) + 3) / 4; off += 8; continue;
        }
        if (y->k == TK_INT && y->w > 64) { memcpy(fp + off, &w[k], 16); k += 4; off += 16; continue; }
        if (y->k == TK_FP80) { memcpy(fp + off, &w[k], 12); k += 3; off += 16; continue; }
        if ((y->k == TK_INT && y->w > 32) || y->k == TK_DBL) { memcpy(fp + off, &w[k], 8); k += 2; }
        else if (y->k == TK_INT && y->w < 32) { *(u32u *)(fp + off) = w[k] & ((1u << y->w) - 1); k++; }   /* a caller may have sign-extended it: slots hold narrow integers zero-extended */
        else { *(u32u *)(fp + off) = w[k]; k++; }
        off += 8;
    }
    return k;
}

/* cdecl argument words of f's fixed parameters */
uint32_t param_words(E *e, Fn *f) {
    Ty *ft = &e->ty[f->ty];
    uint32_t k = 0, bt;
    for (uint32_t i = 0; i < ft->w; i++) {
        Ty *y = &e->ty[ft->elts[i]];
        if (byval_param(e, f, i, &bt)) k += (ty_size(e, bt) + 3) / 4;
        else if (y->k == TK_INT && y->w > 64) k += 4;
        else if (y->k == TK_FP80) k += 3;
        else if ((y->k == TK_INT && y->w > 32) || y->k == TK_DBL) k += 2;
        else k++;
    }
    return k;
}

int rk_of(E *e, uint32_t t) {
    Ty *y = &e->ty[t];
    if (y->k == TK_VOID) return RK_VOID;
    if (y->k == TK_FLT) return RK_F32;
    if (y->k == TK_DBL) return RK_F64;
    if (y->k == TK_INT && y->w > 32) return RK_I64;
    return RK_I32;
}

/* f's native or compiled code called with cdecl words (a trampoline passes no count: the type
 * says; a variadic callee's extra words are unknown here: all ncall can pass, reading the
 * caller's stack beyond them is harmless) */
uint64_t call_native(E *e, Fn *f, const uint32_t *argw, uint32_t nw) {
    uint32_t need = e->ty[f->ty].vararg ? 64 : param_words(e, f);
    int was = run_as(e, SIDE_COMPILED);
    uint64_t r = ncall(f->native, (const W *)argw, nw > need ? nw : need, rk_of(e, e->ty[f->ty].elt));
    run_as(e, was);
    return r;
}

/* e->fp follows calls and returns (one store each), so a fault can name the function */
const char *bf_running_function(bf_engine *e, uint32_t *len, int *lowering) {
    *lowering = e->lowering != 0;
    *len = 0;
    if (!e->fp) return 0;
    Fn *f = ((Hdr *)e->fp)->fn;
    *len = f->nlen;
    return f->name;
}

int stubs_make(E *e) {
    uint32_t n = e->nfn ? e->nfn : 1;
    uint8_t *m = e->cfg.exec_alloc ? e->cfg.exec_alloc(STUB_BYTES * n) : ealloc(e, STUB_BYTES * n);
    if (!m) return fail(e, BFE_NOMEM, "engine: cannot allocate trampolines");
    e->stubs = m; e->nstub = e->nfn;
    for (uint32_t i = 0; i < e->nfn; i++) {
        Fn *f = &e->fn[i];
        uint8_t *s = m + STUB_BYTES * i;
        Ty *rt = &e->ty[e->ty[f->ty].elt];
        void *disp = rt->k == TK_FLT ? (void *)tramp_f : rt->k == TK_DBL ? (void *)tramp_d : rt->k == TK_FP80 ? (void *)tramp_ld : (void *)tramp_entry;
        uint32_t fp = (uint32_t)(W)f, dp = (uint32_t)(W)disp, slot = (uint32_t)(W)&f->native;
        static const uint8_t tpl[STUB_BYTES] = {
            0xa1, 0, 0, 0, 0,            /* mov eax, [slot]      the entry slot */
            0x85, 0xc0,                  /* test eax, eax */
            0x74, 0x02,                  /* jz interpret */
            0xff, 0xe0,                  /* jmp eax              compiled code, same stack */
            0x8d, 0x44, 0x24, 0x04,      /* interpret: lea eax, [esp+4]   the caller's argument words */
            0x83, 0xec, 0x04,            /* sub esp, 4           keep ESP 16-aligned at the call */
            0x50,                        /* push eax */
            0x68, 0, 0, 0, 0,            /* push f */
            0xb8, 0, 0, 0, 0,            /* mov eax, dispatcher */
            0xff, 0xd0,                  /* call eax */
            0x83, 0xc4, 0x0c,            /* add esp, 12 */
            0xc3,                        /* ret */
            0xcc };
        memcpy(s, tpl, STUB_BYTES);
        memcpy(s + 1, &slot, 4); memcpy(s + 20, &fp, 4); memcpy(s + 25, &dp, 4);
    }
    return 0;
}

Fn *stub_fn(E *e, W addr) {
    W d = addr - (W)e->stubs;
    if (d < STUB_BYTES * e->nstub && d % STUB_BYTES == 0) {
        Fn *f = &e->fn[d / STUB_BYTES];
        return f->isdecl ? 0 : f;
    }
    return 0;
}

int bf_call(bf_engine *e, const char *name, const uint32_t *argw, uint32_t nwords, uint64_t *ret) {
    Fn *f = fn_by_name(e, name);
    if (!f) return fail(e, BFE_UNRESOLVED, "engine: no function '%s' in the module", name);
    e->errc = 0; e->err[0] = 0;
    return exec_run(e, f, argw, nwords, ret);
}

void bf_print_stats(bf_engine *e, uint32_t unused) {
    (void)unused;
    if (!e->cfg.print) return;
    e->cfg.print("[stats] functions: %u in module, %u lowered; lowering time %u us\n", e->nfn, e->lowered, (uint32_t)e->lower_us);
    if (e->cfg.stats) e->cfg.print("[stats] instructions executed: %llu\n", (unsigned long long)e->insns);
    e->cfg.print("[stats] loops lowered as one unit: %u (dot products, multiply-add loops: patterns.h)\n", e->fused);
    e->cfg.print("[stats] engine memory: %u bytes in use, peak %u\n", e->mem, e->peak);
    /* hottest functions by calls */
    uint32_t shown[10]; uint32_t ns = 0;
    for (uint32_t k = 0; k < 10; k++) {
        uint32_t best = 0xffffffff, bc = 0;
        for (uint32_t i = 0; i < e->nfn; i++) {
            int skip = 0;
            for (uint32_t j = 0; j < ns; j++) if (shown[j] == i) skip = 1;
            if (!skip && e->fn[i].calls > bc) { bc = e->fn[i].calls; best = i; }
        }
        if (best == 0xffffffff) break;
        shown[ns++] = best;
        Fn *f = &e->fn[best];
        uint32_t be = 0;
        for (uint32_t j = 0; j < f->nloops; j++) be += f->loops[j];
        e->cfg.print("[stats] hot: %.*s calls=%u back-edges=%u loops=%u\n", (int)f->nlen, f->name, f->calls, be, f->nloops);
    }
}
