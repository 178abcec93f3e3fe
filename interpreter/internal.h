/* Internal declarations shared by the engine's stages. Freestanding: the few
 * libc functions used are declared here; host libc and kernel_lib provide them. */
#ifndef BF_INTERNAL_H
#define BF_INTERNAL_H
#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>
#include "engine.h"

void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
void *malloc(size_t n);
void *realloc(void *p, size_t n);
void free(void *p);

/* BF_BOOTSTRAP: the meta kernel's bootstrap (build/image-build.ts), which runs
 * runtime.bc's IR with ir_exec.c instead of lowering it (lower*.c and exec.c are
 * not linked there). BF_FULL is 0 there, 1 in every other build: what the
 * bootstrap leaves out of the reader, the verifier and the FFI (module.c,
 * verify.c, ffi.c, guest_syms.c). */
#ifdef BF_BOOTSTRAP
#define BF_FULL 0
#else
#define BF_FULL 1
#endif

typedef uintptr_t W;
#define NOTY 0xffffffffu     /* no type / no result */
typedef struct bf_engine E;
struct JitCode; struct JitWhy;   /* jit/jit.h */
struct IrCode;                   /* ir_exec.c */

/* ---- bitstream.c ---------------------------------------------------- */
typedef struct Abbrev { uint32_t n; struct { uint8_t enc; uint32_t val; } op[]; } Abbrev;
enum { AB_LIT, AB_FIXED, AB_VBR, AB_ARRAY, AB_CHAR6, AB_BLOB };
typedef struct BInfo { uint32_t id, n; Abbrev **ab; } BInfo;
typedef struct BS {
    E *e;
    const uint8_t *buf;
    uint32_t nbits, pos;        /* bits: bs_init takes files under 256 MiB */
    int depth;
    struct { uint32_t id, width, nab, cap; Abbrev **ab; uint32_t end; } stk[24];
    BInfo *info; uint32_t ninfo;
    /* current record */
    uint32_t code, n, cap;
    uint64_t *ops;
    const uint8_t *blob; uint32_t bloblen;
    uint32_t sub_id;            /* for BS_SUB */
} BS;
enum { BS_END = 1, BS_SUB, BS_REC, BS_ERR };
int bs_init(BS *b, E *e, const uint8_t *buf, uint32_t len);
int bs_next(BS *b);                 /* returns BS_END/BS_SUB/BS_REC/BS_ERR */
int bs_enter(BS *b, uint32_t id);   /* after BS_SUB: enter it (0 ok) */
int bs_skip(BS *b);                 /* after BS_SUB: skip it */
void bs_free(BS *b);

/* ---- types ---------------------------------------------------------- */
enum { TK_VOID, TK_INT, TK_FLT, TK_DBL, TK_PTR, TK_FN, TK_ST, TK_ARR, TK_VEC,
       TK_LABEL, TK_META, TK_OTHER, TK_FP80 /* x86_fp80, long double: fp80.c */ };
typedef struct Ty {
    uint8_t k, packed, vararg, done;
    uint32_t w;          /* int width; array/vector length; struct/fn: #elts */
    uint32_t elt;        /* array/vector element, fn return type */
    uint32_t *elts;      /* struct elements / fn params */
    uint32_t *offs;      /* struct field offsets */
    uint32_t size, align;
} Ty;

/* ---- values --------------------------------------------------------- */
enum { V_NONE, V_GVAR, V_FN, V_ALIAS, V_CINT, V_CFP, V_CNULL, V_CUNDEF, V_CAGG,
       V_CDATA, V_CSTR, V_CE, V_BADDR, V_ARG, V_INST, V_CWIDE };
typedef struct Val {
    uint8_t k, op, fl, pad;
    uint32_t ty;
    union {
        uint64_t i;                    /* CINT (zero-extended), CFP bits */
        struct { uint32_t n; uint32_t *o; } a;   /* AGG, CE ops, WIDE limbs */
        struct { uint32_t n; uint64_t *d; } d;   /* DATA, STR */
        uint32_t idx;                  /* GVAR/FN/ALIAS index */
    } u;
} Val;

typedef struct GVar {
    uint32_t vid, vty, init, align;
    uint8_t isconst, ext, weak;       /* weak: extern_weak, null when nothing defines it */
    uint8_t *addr;
    const char *name; uint32_t nlen;
} GVar;
typedef struct Alias { uint32_t vid, target; const char *name; uint32_t nlen; } Alias;

typedef struct Fn {
    void *native;        /* entry slot: native/compiled cdecl code, or 0 */
    union {              /* 0 until the function first runs: */
        W *code;         /* its decoded form (lower.c), or */
        struct IrCode *ir;   /* in the meta bootstrap, its prepared IR (ir_exec.c) */
    };
    uint32_t frame;      /* frame bytes */
    uint32_t nparam;     /* parameter chunk count */
    uint8_t *cdata; uint32_t cbase, clen;    /* constant slots image */
    uint32_t ty, vid, attr, idx;
    const char *name; uint32_t nlen;
    uint32_t body, body_end, abw;  /* function block: bit positions, abbreviation width */
    uint32_t calls;      /* call counter */
    struct JitInfo *jit; /* what the JIT did with this function (jit/jit.c), or 0 */
    struct FrameMap *map;    /* where lowering put each value (kept when the JIT is on, for OSR), or 0 */
    uint8_t isdecl, traced, varg, intr, failed, weak;   /* weak: an extern_weak declaration (null when unresolved) */
    uint8_t byval;       /* some parameter is passed by value (byval_param) */
    uint32_t *loops; uint32_t nloops;       /* back-edge counters */
    uint32_t ncode;
    E *e;
} Fn;

/* Where lowering left each local SSA value of a function in its interpreter
 * frame (local index = value id - the IR's base), and where each block's code
 * starts: what the JIT needs to enter compiled code mid-function (OSR). A
 * value is fp + fa when fa != 0 (a static alloca); else value(gb - 1) + go
 * when gb != 0; else value(xb - 1) + value(xi) * xs + go when xb != 0 (GEPs
 * folded into the loads and stores that use them); else the slot at fp + loc. */
typedef struct FrameMap {
    uint32_t nloc, nbb;
    int32_t *loc, *fa, *go;
    uint32_t *gb, *xb, *xi, *xs;
    W **block;
} FrameMap;

typedef struct Attr { uint32_t idx, kind, ty; } Attr;
typedef struct AttrList { uint32_t n; Attr *a; } AttrList;

struct bf_engine {
    bf_config cfg;
    const uint8_t *buf; uint32_t len;
    BS bs;
    Ty *ty; uint32_t nty, capty;
    uint32_t ptrty, i1ty, i32ty, i8ty;
    Val *v; uint32_t nv, capv, nmodv;
    Fn *fn; uint32_t nfn;
    GVar *gv; uint32_t ngv;
    Alias *al; uint32_t nal;
    const char *strtab; uint32_t strtablen;
    AttrList *grp; uint32_t ngrp;        /* attribute groups by id */
    AttrList *attrs; uint32_t nattrs;    /* PARAMATTR lists */
    uint8_t *stubs; uint32_t nstub;
    uint8_t *stack, *stack_end;
    uint8_t *sp;                         /* free stack top when inside native code */
    struct Transit *transit;             /* innermost interpreter -> compiled call (exec.c: longjmp through compiled code) */
    W *lj_buf; uint32_t lj_val;          /* a longjmp unwinding native frames to that transition */
    uint32_t depth;
    uint32_t mem, peak;
    void *allocs;                        /* list of every allocation (module.c) */
    uint32_t lowered, fused;              /* functions lowered; loops lowered as one unit (patterns.h) */
    uint64_t insns, lower_us;
    int errc; char err[256];
    uint8_t *fp;                          /* frame of the interpreted function running now, or 0 (fault reports) */
    uint32_t lowering;                    /* > 0 while reading, verifying or lowering a function */
    const void *const *lab;               /* exec handler addresses */
    uint32_t i64align, f64align;
    int version;
    void *tramp_disp[4];
    /* the JIT, when on (bf_jit_enable): a function called jit_at times is handed to jit_hot */
    uint32_t jit_at;
    int (*jit_hot)(E *e, Fn *f);
    /* ... and a loop whose back-edge is taken osr_at times enters compiled code
       there: jit_osr runs the rest of f's activation (0, result in *ret), or
       cannot (1: keep interpreting) */
    uint32_t osr_at;
    int (*jit_osr)(E *e, Fn *f, uint8_t *fp, W *header, uint64_t *ret);
    /* what compiles for them (jit.c): emit.c, or in the meta kernel's bootstrap
       runtime.bc's JIT, interpreted (guest_meta.c); null: nothing yet. jit_busy:
       1 a compile is running, so what gets hot meanwhile (the interpreted
       compiler's own functions) waits until it is done; 2 something waits */
    int (*jit_compiler)(E *e, Fn *f, uint32_t block, struct JitCode *out, struct JitWhy *why);
    uint8_t jit_busy;
    /* what places code in this engine (jit_place: copies it to executable
       memory, applies its relocations): this build's, set with the JIT. The
       cache loads through it, so runtime.bc's bitcode loading the meta
       bootstrap's functions places them with the bootstrap's own helpers. */
    uint8_t *(*jit_place)(E *e, Fn *f, const struct JitCode *c);
    /* --stats with the JIT: time on each side (run_as), in now_us units */
    int timing; uint8_t side; uint64_t side_at, side_time[2];
};

/* ---- util (module.c) ------------------------------------------------ */
void *ealloc(E *e, uint32_t n);          /* zeroed; NULL + error when over budget */
void *ealloc_untouched(E *e, uint32_t n); /* not zeroed: malloc's fresh pages stay unmapped until used */
void *erealloc(E *e, void *p, uint32_t n);
void efree(E *e, void *p);
int fail(E *e, int code, const char *fmt, ...);
/* A module the reader cannot read: fail() with BFE_BITCODE and the message. The meta
 * kernel's bootstrap reads only the runtime.bc it was built with (guest_meta.c checks its
 * CRC-32; LLVM's verifier passed it), so there the error is a build bug (runtime.bc uses
 * something the bootstrap's reader leaves out, BF_FULL 0): one message for every check, so
 * that a check is a compare and a branch to its function's one error call (784 bytes less than
 * naming the source line at each); a breakpoint on bitcode_unexpected (`boot --gdb`, the
 * kernel's ELF has line tables) names the place. */
#ifdef BF_BOOTSTRAP
#define bitcode_error(e, ...) bitcode_unexpected(e)
int bitcode_unexpected(E *e);
#else
#define bitcode_error(e, ...) fail(e, BFE_BITCODE, __VA_ARGS__)
#endif
void *grow_array(E *e, void *p, uint32_t n, uint32_t esz);   /* room for n; no capacity kept */
int grow(E *e, void **p, uint32_t *cap, uint32_t need, uint32_t esz);
uint32_t ty_size(E *e, uint32_t t);
uint32_t ty_align(E *e, uint32_t t);
uint32_t ty_get(E *e, uint8_t k, uint32_t w, uint32_t elt);
uint32_t ty_struct2(E *e, uint32_t a, uint32_t b);
int const_bytes(E *e, uint32_t vid, uint8_t *out, uint32_t size);
int const_scalar(E *e, uint32_t vid, uint64_t *out);
/* llvm.minnum/maxnum with a constant other than NaN as the second operand: LLVM's x86 lowering
 * puts minss/maxss's operands the other way round, so that operand wins a tie (-0 against +0);
 * lowering and the JIT swap them the same way (the handlers compute b < a ? b : a) */
static inline int fp_bits_nan(uint64_t bits, int isf) {
    return isf ? (bits & 0x7f800000u) == 0x7f800000u && (bits & 0x7fffffu)
               : (bits & 0x7ff0000000000000ull) == 0x7ff0000000000000ull && (bits & 0xfffffffffffffull);
}
Fn *fn_by_name(E *e, const char *name);
int attr_has(E *e, uint32_t list, uint32_t idx, uint32_t kind, uint32_t *ty);
/* LLVM's attribute kind numbers (bitcode ATTR_KIND_*) the engine reads; attribute index 0 is the return value */
enum { ATTR_BYVAL = 3, ATTR_SIGNEXT = 24, ATTR_SRET = 29 };
/* Parameter i (from 0) of f passed by value: its struct type in *bt. Fn.byval
 * first: a list holds every function and string attribute too, and each call
 * through an entry slot asks this for each argument. */
static inline int byval_param(E *e, Fn *f, uint32_t i, uint32_t *bt) {
    return f->byval && attr_has(e, f->attr, i + 1, ATTR_BYVAL, bt) && *bt < e->nty;
}
int sj_kind(const char *name, uint32_t nlen);  /* 1: a setjmp (_setjmp, __sigsetjmp...), 2: a longjmp, 0: neither */
void *ffi_lookup(E *e, const char *name, uint32_t nlen);

/* ---- function IR (module.c -> lower.c) ------------------------------ */
enum { I_BIN, I_FNEG, I_CAST, I_GEP, I_SEL, I_EXTELT, I_INSELT, I_SHUF, I_CMP,
       I_RET, I_BR, I_SWITCH, I_IBR, I_UNREACH, I_PHI, I_ALLOCA, I_LOAD, I_STORE,
       I_CMPXCHG, I_RMW, I_FENCE, I_CALL, I_VAARG, I_EXTVAL, I_INSVAL, I_FREEZE };
typedef struct Ins {
    uint8_t op, sub, vol, pad;
    uint32_t ty, ty2, id, aux;
    uint32_t n; uint32_t *o;
} Ins;
typedef struct FnIR {
    Ins *ins; uint32_t nins, capins;
    uint32_t *bb; uint32_t nbb;          /* first instruction of each block */
    uint32_t base;                       /* first local value id (args) */
    uint32_t *pool; uint32_t npool, cappool;
} FnIR;
/* operand k of I is a value id: not a block number (br, switch, indirectbr,
   a phi's incoming block), not a literal index (extractvalue, insertvalue),
   not a switch's case constant. Block numbers are small and overlap the ids
   of a function's locals: reading one as a value misreads it as some local. */
static inline int is_value_operand(const Ins *in, uint32_t k) {
    return !((in->op == I_BR && k < 2) || (in->op == I_SWITCH && k >= 1) || (in->op == I_IBR && k >= 1)
             || (in->op == I_PHI && (k & 1)) || (in->op == I_EXTVAL && k >= 1) || (in->op == I_INSVAL && k >= 2));
}
int fn_parse(E *e, Fn *f, FnIR *ir);    /* reads a body and verifies it (fn_verify) */
int fn_verify(E *e, Fn *f, FnIR *ir);    /* verify.c: the IR checked before anything reads it */
Fn *direct_callee(E *e, uint32_t callee);
void fn_ir_free(E *e, FnIR *ir);
int lower(E *e, Fn *f);
/* simd.c: the llvm.x86.sse* intrinsics; simd_run is called through ncall, vectors one slot per lane */
int simd_find(const char *name, uint32_t len);                 /* name after "llvm.": op index, or -1 */
int simd_check(E *e, int k, uint32_t rt, uint32_t na, const uint32_t *args);   /* 0, or 1 + the value at fault (0 the result) */
void simd_run(uint8_t *fp, int32_t d, uint32_t k, int32_t a, int32_t b, int32_t c);
/* fp80.c: long double on the x87; fp80_run is called through ncall, values in 16-byte slots */
enum { F80_ADD, F80_SUB, F80_MUL, F80_DIV, F80_NEG, F80_ABS,
       F80_FROM_F32, F80_FROM_F64, F80_FROM_S32, F80_FROM_U32, F80_FROM_S64, F80_FROM_U64,
       F80_TO_F32, F80_TO_F64, F80_TO_S32, F80_TO_U32, F80_TO_S64, F80_TO_U64,
       F80_CMP /* + fcmp predicate 1..14 */ };
void fp80_run(uint8_t *fp, int32_t d, int32_t a, int32_t b, uint32_t op);

/* ---- exec.c / ffi.c ------------------------------------------------- */
/* The run's time split between the interpreter (with the engine: lowering,
 * compiling) and native code: compiled functions, and the native functions
 * interpreted code calls (libc, the FFI table; in the meta kernel also the
 * code runtime.bc's JIT compiled for tinyllama). At each switch, run_as
 * charges the time since the last one to the side that was running and
 * returns that side, for the caller to switch back to after. Reads the clock
 * only when e->timing (the JIT on, with cfg.stats or cfg.time_split). */
enum { SIDE_INTERP, SIDE_COMPILED };
static inline int run_as(E *e, int side) {
    int was = e->side;
    if (!e->timing || side == was) return was;
    uint64_t t = e->cfg.now_us();
    e->side_time[was] += t - e->side_at;
    e->side_at = t; e->side = (uint8_t)side;
    return was;
}
int exec_run(E *e, Fn *f, const uint32_t *argw, uint32_t nw, uint64_t *ret);   /* exec.c, or ir_exec.c in the meta bootstrap */
/* ffi.c: the cdecl side of calls, for both interpreters */
uint32_t param_words(E *e, Fn *f);       /* cdecl argument words of f's fixed parameters */
int rk_of(E *e, uint32_t t);             /* how a value of type t comes back from a cdecl call (RK_*) */
uint32_t pack_args(uint8_t *fp, const W *p, uint32_t n, uint32_t *w, uint32_t cap);
uint32_t unpack_params(E *e, Fn *f, uint8_t *fp, const uint32_t *w);   /* f's parameter slots at fp from cdecl words; the words used */
uint64_t call_native(E *e, Fn *f, const uint32_t *argw, uint32_t nw);  /* f's entry slot, with the time split */
const void *const *exec_labels(void);
uint64_t ncall(void *fn, const W *w, uint32_t nw, int rk);
/* Every defined function has a trampoline: its pointer value everywhere. It
 * jumps to the function's entry slot (Fn.native) when that holds code (JIT
 * output), else enters the interpreter; native code, compiled code and
 * indirect calls all go through it. */
#define STUB_BYTES 36
int stubs_make(E *e);
Fn *stub_fn(E *e, W addr);
uint64_t tramp_entry(Fn *f, uint32_t *args);
uint32_t bf_wide(uint8_t *fp, int32_t d, int32_t a, int32_t b, int32_t c, uint32_t sub, uint32_t w);

/* handler list: lower.c emits, exec.c implements */
#define BIN32(X,s) X(add##s) X(sub##s) X(mul##s) X(udiv##s) X(sdiv##s) X(urem##s) \
    X(srem##s) X(shl##s) X(lshr##s) X(ashr##s) X(and##s) X(or##s) X(xor##s)
#define CMPS(X,s) X(eq##s) X(ne##s) X(ugt##s) X(uge##s) X(ult##s) X(ule##s) \
    X(sgt##s) X(sge##s) X(slt##s) X(sle##s)
#define FCMPS(X,s) X(foeq##s) X(fogt##s) X(foge##s) X(folt##s) X(fole##s) X(fone##s) \
    X(ford##s) X(funo##s) X(fueq##s) X(fugt##s) X(fuge##s) X(fult##s) X(fule##s) X(fune##s)
#define OPS(X) X(nop) X(jmp) X(jmpb) X(brif) BIN32(X,) BIN32(X,i) BIN32(X,64) \
    CMPS(X,) CMPS(X,i) CMPS(X,64) \
    X(beq) X(bne) X(bult) X(bule) X(bslt) X(bsle) X(bugt) X(buge) X(bsgt) X(bsge) \
    X(band) X(bandz) X(beqi) X(bnei) X(bulti) X(bulei) X(bslti) X(bslei) X(bugti) X(bugei) X(bsgti) X(bsgei) \
    X(fadd) X(fsub) X(fmul) X(fdiv) X(frem) X(dadd) X(dsub) X(dmul) X(ddiv) X(drem) X(fmad) X(dmad) X(dotl) X(dotl1) X(dotl4) X(dotld) X(dotld1) X(dotld4) X(addbne) X(add2bne) X(incbeq) X(incbeqn) \
    X(ldv4) X(stv4) X(faddv4) X(fsubv4) X(fmulv4) X(fdivv4) X(fmadv4) X(splat4) X(gepldv4) X(addildv4) \
    X(fneg) X(dneg) FCMPS(X,f) FCMPS(X,d) \
    X(mov32) X(mov64) X(movn) X(movi) X(mov2) X(movi2) X(movj) X(movij) X(movj64) X(movi64) X(sext) X(sext64) X(zx64) X(sx64) X(and64i) \
    X(f2d) X(d2f) X(si2f) X(si2d) X(ui2f) X(ui2d) X(f2si) X(f2ui) X(d2si) X(d2ui) \
    X(sl2f) X(sl2d) X(ul2f) X(ul2d) X(f2sl) X(f2ul) X(d2sl) X(d2ul) \
    X(ld8) X(ld16) X(ld8s) X(ld16s) X(ld32) X(ld64) X(ldn) X(st8) X(st16) X(st32) X(st64) X(stn) X(st32i) \
    X(lf8) X(lf16) X(lf8s) X(lf16s) X(sf8) X(sf16) X(sf32i) X(lea) X(gep) X(gep2) \
    X(sel32) X(sel64) X(seln) X(fselgt) X(fsellt) X(call) X(calli) X(ncall) X(ncallf) X(ncalld) X(sqrtd_libm) X(daddv2) X(dsubv2) X(dmulv2) X(ddivv2) X(dnegv2) X(dmadv2) X(splatd2) X(ldv2) X(stv2) X(ret) X(retv) X(retn) \
    X(sw) X(sw64) X(swt) X(ibr) X(unreach) X(alloca) X(stsave) X(strest) X(vastart) X(vacopy) \
    X(memcpy) X(memmove) X(memset) X(ctpop) X(ctlz) X(cttz) X(bswap) X(ctpop64) X(ctlz64) \
    X(cttz64) X(bswap64) X(bswap16) X(fshl) X(fshr) X(fshl64) X(fshr64) \
    X(smin) X(smax) X(umin) X(umax) X(smin64) X(smax64) X(umin64) X(umax64) \
    X(sqrtf) X(sqrtd) X(fabsf) X(fabsd) X(minf) X(maxf) X(mind) X(maxd) X(cpsgnf) X(cpsgnd) \
    X(saddo) X(uaddo) X(ssubo) X(usubo) X(smulo) X(umulo) \
    X(saddo64) X(uaddo64) X(ssubo64) X(usubo64) X(smulo64) X(umulo64) \
    X(movx) X(stx) X(lix1) X(lix2) X(lix1s) X(lix2s) X(lix4) X(lix8) X(lixm1) X(lixm2) X(lixm4) X(lxe1) X(lxe2) X(lxe4) X(lxe8) X(sxe1) X(sxe2) X(sxe4) X(sxe8) X(six1) X(six2) X(six4) X(six8) \
    X(ljx1) X(ljx2) X(ljx1s) X(ljx2s) X(ljx4) X(ljx8) X(sjx1) X(sjx2) X(sjx4) X(sjx8) \
    X(ldv2x) X(stv2x) X(ldv2j) X(stv2j) X(daddv2x) X(dsubv2x) X(dmulv2x) \
    X(addbnei) X(addshl) X(addshr) X(orshl) X(orshr) X(xorshl) X(xorshr) X(addand) X(orand) X(xorand) X(addmuli) X(addmul) X(cnt) X(trace) X(cmpxchg) X(cmpxchg64) X(rmw) X(rmw64) X(frameaddr) X(fltrounds) X(trap) \
    X(bitrev) X(bitrev64) X(setjmp) X(longjmp) X(dotls) X(axpyl) X(axpyld)
/* the kinds of dotls cell (its next cell: exec.c dot_strided): float, double, integer */
enum { DOTLS_F32, DOTLS_F64, DOTLS_INT };
#define X_ENUM(n) OP_##n,
enum { OPS(X_ENUM) OP__N };
#undef X_ENUM

/* integers of 65..128 bits ("wide"): 16-byte slots, little-endian 32-bit limbs,
 * bits above the width zero. Rare (_BitInt(128), i80/i96 bit-field storage
 * units), so no handler in the dispatch loop: lower.c emits an `ncall` of
 * bf_wide(fp, d, a, b, c, sub, w) (returns 1 on division by zero, then a trap).
 * sub: an LLVM binop code (0..12, a b wide), WO_CMP + icmp predicate - 32 (d an
 * i32 slot), or one of the rest. Operands are frame offsets unless noted. */
enum { WO_CMP = 16, WO_ZEXT = 32, WO_SEXT,    /* a narrow, b = its width (imm) */
       WO_TRUNC,                              /* d narrow, w = its width */
       WO_WEXT, WO_WSEXT,                     /* wide -> wide, b = source width (imm) */
       WO_UI2F, WO_SI2F, WO_UI2D, WO_SI2D,    /* a wide (width w) -> d float/double */
       WO_F2UI, WO_F2SI, WO_D2UI, WO_D2SI,    /* a float/double -> d wide */
       WO_CTPOP, WO_CTLZ, WO_CTTZ, WO_BSWAP, WO_BITREV, WO_ABS, WO_MASK,
       WO_SMIN, WO_SMAX, WO_UMIN, WO_UMAX, WO_FSHL, WO_FSHR,   /* fsh: c = shift */
       WO_SADDO, WO_UADDO, WO_SSUBO, WO_USUBO, WO_SMULO, WO_UMULO  /* flag byte at d + c (imm) */
};

/* frame header (bytes at fp) */
typedef struct Hdr { W *rip; uint8_t *rfp; W dst; Fn *fn; uint8_t *dyn; uint8_t *va; W pad[2]; } Hdr;
#define HDR 32
/* RK_SRET | bytes << 8: a native callee that writes its struct result through the hidden
   pointer in word 0 and pops that word (`ret 4`), as i386 C code does (div, __muldc3) */
enum { RK_VOID, RK_I32, RK_I64, RK_F32, RK_F64, RK_SRET,
       RK_F80 };   /* long double in st(0), stored (10 bytes) where the last word points (and its first 8 returned) */
/* A cdecl call of four words a[0..3] (the callee reads those it takes) returning rk <= RK_F64:
   ncall's common case without its 64-word frame (expf, strlen, a compiled function). */
static inline uint64_t call_short(void *fn, const W *a, int rk) {
    switch (rk) {
    case RK_F32: { union { float f; uint32_t u; } x; x.f = ((float (*)(W, W, W, W))fn)(a[0], a[1], a[2], a[3]); return x.u; }
    case RK_F64: { union { double f; uint64_t u; } x; x.f = ((double (*)(W, W, W, W))fn)(a[0], a[1], a[2], a[3]); return x.u; }
    case RK_VOID: ((void (*)(W, W, W, W))fn)(a[0], a[1], a[2], a[3]); return 0;
    default: return ((uint64_t (*)(W, W, W, W))fn)(a[0], a[1], a[2], a[3]);
    }
}
#endif
