/* Verifier: checks a function's IR (run by fn_parse on what it read) before anything
 * consumes it, as LLVM's own Verifier does, so that lowering (and a JIT that
 * reads the same FnIR) can trust it: operand counts and kinds per opcode,
 * operand and result types, value references, block references, phis, calls
 * against the callee's type, and intrinsics against the signatures the engine
 * implements. The reader checks what it needs to build the IR (record
 * lengths, type ids, forward references); everything about what the IR means
 * is checked here. An error names the function and the problem:
 *   bitcode: function 'f': call: argument 2 has type double, callee expects i32 */
#include "internal.h"

typedef struct V { E *e; Fn *f; FnIR *ir; uint32_t nlocal; } V;

/* ---- types ------------------------------------------------------------ */
static Ty *ty(V *v, uint32_t t) { return &v->e->ty[t]; }
static int is_int(V *v, uint32_t t) { return ty(v, t)->k == TK_INT; }
static int is_fp(V *v, uint32_t t) { return ty(v, t)->k == TK_FLT || ty(v, t)->k == TK_DBL || ty(v, t)->k == TK_FP80; }
static int is_ptr(V *v, uint32_t t) { return ty(v, t)->k == TK_PTR; }
static int is_vec(V *v, uint32_t t) { return ty(v, t)->k == TK_VEC; }
/* the element type of a vector, the type itself otherwise */
static uint32_t scalar(V *v, uint32_t t) { return is_vec(v, t) ? ty(v, t)->elt : t; }
static uint32_t lanes(V *v, uint32_t t) { return is_vec(v, t) ? ty(v, t)->w : 0; }
static int is_i1(V *v, uint32_t t) { return is_int(v, scalar(v, t)) && ty(v, scalar(v, t))->w == 1; }
/* a type an SSA value can have (LLVM's "first class" minus label and metadata) */
static int is_value_type(V *v, uint32_t t) {
    uint8_t k = ty(v, t)->k;
    return k != TK_VOID && k != TK_FN && k != TK_LABEL && k != TK_META;
}

/* Same type? Pointers are all one type to the engine (the reader gives
 * globals, functions and GEP results one pointer type whatever their pointee),
 * and the reader makes its own {T, i1} for cmpxchg, so compare structurally. */
static int same(V *v, uint32_t a, uint32_t b, int depth) {
    if (a == b) return 1;
    Ty *x = ty(v, a), *y = ty(v, b);
    if (x->k != y->k || depth > 8) return 0;
    switch (x->k) {
    case TK_PTR: case TK_FLT: case TK_DBL: case TK_FP80: case TK_VOID: return 1;
    case TK_INT: return x->w == y->w;
    case TK_ARR: case TK_VEC: return x->w == y->w && same(v, x->elt, y->elt, depth + 1);
    case TK_ST:
        if (x->w != y->w || x->packed != y->packed || !x->elts || !y->elts) return 0;
        for (uint32_t i = 0; i < x->w; i++) if (!same(v, x->elts[i], y->elts[i], depth + 1)) return 0;
        return 1;
    }
    return 0;
}

/* LLVM's spelling of a type, for messages (pointers are "ptr") */
typedef struct { char s[64]; uint32_t n; } Name;
static void put(Name *o, const char *s) { while (*s && o->n + 1 < sizeof o->s) o->s[o->n++] = *s++; o->s[o->n] = 0; }
static void put_u(Name *o, uint32_t x) { char d[12]; int k = 0; do d[k++] = (char)('0' + x % 10); while (x /= 10); while (k) { char c[2] = { d[--k], 0 }; put(o, c); } }
static void name_into(V *v, uint32_t t, Name *o, int depth) {
    Ty *y = ty(v, t);
    if (depth > 3) { put(o, "..."); return; }
    switch (y->k) {
    case TK_VOID: put(o, "void"); return;
    case TK_INT: put(o, "i"); put_u(o, y->w); return;
    case TK_FLT: put(o, "float"); return;
    case TK_DBL: put(o, "double"); return;
    case TK_FP80: put(o, "x86_fp80"); return;
    case TK_PTR: put(o, "ptr"); return;
    case TK_FN: put(o, "function"); return;
    case TK_LABEL: put(o, "label"); return;
    case TK_META: put(o, "metadata"); return;
    case TK_VEC: case TK_ARR:
        put(o, y->k == TK_VEC ? "<" : "["); put_u(o, y->w); put(o, " x ");
        name_into(v, y->elt, o, depth + 1); put(o, y->k == TK_VEC ? ">" : "]"); return;
    case TK_ST:
        if (!y->elts) { put(o, "opaque"); return; }
        put(o, "{");
        for (uint32_t i = 0; i < y->w; i++) { if (i) put(o, ", "); name_into(v, y->elts[i], o, depth + 1); }
        put(o, "}"); return;
    }
    put(o, "type#"); put_u(o, y->w);
}
static const char *tname(V *v, uint32_t t, Name *o) { o->n = 0; o->s[0] = 0; name_into(v, t, o, 0); return o->s; }

#define BADF(fmt, ...) fail(v->e, BFE_BITCODE, "bitcode: function '%.*s': " fmt, (int)v->f->nlen, v->f->name, ##__VA_ARGS__)

/* ---- per-opcode rules ------------------------------------------------- */
/* What an operand position holds and the rule its type meets. */
enum {
    O_VALUE = 1,  /* any value */
    O_RESULT,     /* a value of the result's type */
    O_TY2,        /* a value of the instruction's operand type (Ins.ty2) */
    O_OP0,        /* a value of operand 0's type */
    O_PTR,        /* a pointer, or a vector of pointers */
    O_INT,        /* an integer, or a vector of integers */
    O_COND,       /* i1, or a vector of i1 */
    O_VEC,        /* a vector */
    O_BLOCK,      /* a block number */
    O_INDEX,      /* an aggregate index (extractvalue/insertvalue; the reader walked them) */
    O_CASE,       /* switch: case value, block, case value, block ... */
    O_INCOMING,   /* phi: value, block, value, block ... */
    O_ARG,        /* call: checked against the callee's type */
};
#define ANY 255
enum { R_NONE, R_VALUE, R_CALL };   /* result: none, a value, the callee's return type (void: none) */
static const struct Rule { const char *name; uint8_t min, max, res; uint8_t pos[3], rest; } rules[] = {
    [I_BIN]     = { "binary operator", 2, 2, R_VALUE, { O_RESULT, O_RESULT }, 0 },
    [I_FNEG]    = { "fneg", 1, 1, R_VALUE, { O_RESULT }, 0 },
    [I_CAST]    = { "cast", 1, 1, R_VALUE, { O_TY2 }, 0 },
    [I_GEP]     = { "getelementptr", 1, ANY, R_VALUE, { O_PTR, O_INT, O_INT }, O_INT },
    [I_SEL]     = { "select", 3, 3, R_VALUE, { O_COND, O_RESULT, O_RESULT }, 0 },
    [I_EXTELT]  = { "extractelement", 2, 2, R_VALUE, { O_VEC, O_INT }, 0 },
    [I_INSELT]  = { "insertelement", 3, 3, R_VALUE, { O_RESULT, O_VALUE, O_INT }, 0 },
    [I_SHUF]    = { "shufflevector", 3, 3, R_VALUE, { O_VEC, O_OP0, O_VEC }, 0 },
    [I_CMP]     = { "compare", 2, 2, R_VALUE, { O_TY2, O_TY2 }, 0 },
    [I_RET]     = { "ret", 0, 1, R_NONE, { O_VALUE }, 0 },
    [I_BR]      = { "br", 1, 3, R_NONE, { O_BLOCK, O_BLOCK, O_COND }, 0 },
    [I_SWITCH]  = { "switch", 2, ANY, R_NONE, { O_TY2, O_BLOCK, O_CASE }, O_CASE },
    [I_IBR]     = { "indirectbr", 1, ANY, R_NONE, { O_PTR, O_BLOCK, O_BLOCK }, O_BLOCK },
    [I_UNREACH] = { "unreachable", 0, 0, R_NONE, { 0 }, 0 },
    [I_PHI]     = { "phi", 0, ANY, R_VALUE, { O_INCOMING, O_INCOMING, O_INCOMING }, O_INCOMING },
    [I_ALLOCA]  = { "alloca", 1, 1, R_VALUE, { O_INT }, 0 },
    [I_LOAD]    = { "load", 1, 1, R_VALUE, { O_PTR }, 0 },
    [I_STORE]   = { "store", 2, 2, R_NONE, { O_PTR, O_VALUE }, 0 },
    [I_CMPXCHG] = { "cmpxchg", 3, 3, R_VALUE, { O_PTR, O_TY2, O_TY2 }, 0 },
    [I_RMW]     = { "atomicrmw", 2, 2, R_VALUE, { O_PTR, O_TY2 }, 0 },
    [I_FENCE]   = { "fence", 0, 0, R_NONE, { 0 }, 0 },
    [I_CALL]    = { "call", 1, ANY, R_CALL, { O_PTR, O_ARG, O_ARG }, O_ARG },
    [I_VAARG]   = { "va_arg", 1, 1, R_VALUE, { O_VALUE }, 0 },
    [I_EXTVAL]  = { "extractvalue", 2, ANY, R_VALUE, { O_TY2, O_INDEX, O_INDEX }, O_INDEX },
    [I_INSVAL]  = { "insertvalue", 3, ANY, R_VALUE, { O_TY2, O_VALUE, O_INDEX }, O_INDEX },
    [I_FREEZE]  = { "freeze", 1, 1, R_VALUE, { O_RESULT }, 0 },
};

/* ---- intrinsics ------------------------------------------------------- */
/* The intrinsics lowering implements and their signatures: the result, then
 * one letter per argument; a final '*' allows more arguments (any values), a
 * final '~' anything at all, metadata included (intrinsics lowering drops).
 *   result: v void, x any value, i integer, f float/double, p pointer (scalars
 *     or vectors of them), o {arg 0's type, i1}, e the last argument's element
 *   argument: r the result's type, a argument 0's type, p pointer, i integer,
 *     b i1, I integer or vector of integers, f floating point, V vector, x any */
static const struct { const char *name, *sig; } intrinsics[] = {
    { "dbg", "v~" }, { "lifetime", "v~" }, { "assume", "v~" }, { "va_end", "v~" },
    { "experimental.noalias.scope.decl", "v~" }, { "invariant", "x~" }, { "sideeffect", "v~" },
    { "var.annotation", "v~" }, { "donothing", "v~" }, { "prefetch", "v~" },
    { "expect", "xr*" }, { "ssa.copy", "xr" }, { "launder.invariant.group", "pr" },
    { "strip.invariant.group", "pr" }, { "annotation", "xr*" }, { "ptr.annotation", "pr*" },
    { "memcpy", "vppi*" }, { "memmove", "vppi*" }, { "memset", "vpii*" },
    { "stacksave", "p" }, { "stackrestore", "vp" }, { "va_start", "vp" }, { "va_copy", "vpp" },
    { "eh.sjlj.setjmp", "ip" }, { "eh.sjlj.longjmp", "vp" }, { "trap", "v" }, { "debugtrap", "v" }, { "ubsantrap", "vi" },
    { "objectsize", "ip*" }, { "is.constant", "ix" }, { "returnaddress", "pi" }, { "frameaddress", "pi" },
    { "flt.rounds", "i" },
    { "vector.reduce.fadd", "erV" }, { "vector.reduce.fmul", "erV" },
    { "vector.reduce.add", "eV" }, { "vector.reduce.mul", "eV" }, { "vector.reduce.and", "eV" },
    { "vector.reduce.or", "eV" }, { "vector.reduce.xor", "eV" }, { "vector.reduce.fmax", "eV" },
    { "vector.reduce.fmin", "eV" }, { "vector.reduce.smax", "eV" }, { "vector.reduce.smin", "eV" },
    { "vector.reduce.umax", "eV" }, { "vector.reduce.umin", "eV" },
    { "fabs", "fr" }, { "sqrt", "fr" }, { "copysign", "frr" }, { "minnum", "frr" }, { "minimum", "frr" },
    { "maxnum", "frr" }, { "maximum", "frr" }, { "fmuladd", "frrr" }, { "fma", "frrr" },
    { "ctpop", "ir" }, { "bswap", "ir" }, { "bitreverse", "ir" }, { "ctlz", "irb" }, { "cttz", "irb" },
    { "fshl", "irrr" }, { "fshr", "irrr" }, { "abs", "irb" },
    { "smin", "irr" }, { "smax", "irr" }, { "umin", "irr" }, { "umax", "irr" },
    { "uadd.sat", "irr" }, { "usub.sat", "irr" }, { "sadd.sat", "irr" }, { "ssub.sat", "irr" },
    { "sadd.with.overflow", "oIa" }, { "uadd.with.overflow", "oIa" }, { "ssub.with.overflow", "oIa" },
    { "usub.with.overflow", "oIa" }, { "smul.with.overflow", "oIa" }, { "umul.with.overflow", "oIa" },
    { "floor", "fr" }, { "ceil", "fr" }, { "trunc", "fr" }, { "round", "fr" }, { "rint", "fr" },
    { "nearbyint", "fr" }, { "exp2", "fr" }, { "exp", "fr" }, { "log10", "fr" }, { "log2", "fr" },
    { "log", "fr" }, { "sin", "fr" }, { "cos", "fr" }, { "roundeven", "fr" }, { "pow", "frr" },
    { "powi", "fri" }, { "lround", "if" }, { "llround", "if" }, { "lrint", "if" }, { "llrint", "if" },
};

/* "llvm.NAME" or "llvm.NAME.<type suffixes>" */
static int named(const char *s, uint32_t len, const char *name) {
    uint32_t k = (uint32_t)strlen(name);
    return len >= k && !memcmp(s, name, k) && (len == k || s[k] == '.');
}

static int fits(V *v, char c, uint32_t t, uint32_t result, uint32_t arg0) {
    switch (c) {
    case 'x': return 1;
    case 'r': return result != NOTY && same(v, t, result, 0);
    case 'a': return same(v, t, arg0, 0);
    case 'p': return is_ptr(v, t);
    case 'i': return is_int(v, t);
    case 'b': return is_int(v, t) && ty(v, t)->w == 1;
    case 'I': return is_int(v, scalar(v, t));
    case 'f': return is_fp(v, scalar(v, t));
    case 'V': return is_vec(v, t);
    }
    return 0;
}

static int check_intrinsic(V *v, Ins *I, Fn *callee) {
    E *e = v->e;
    const char *n = callee->name + 5; uint32_t len = callee->nlen - 5, k;
    int simd = BF_FULL ? simd_find(n, len) : -1;      /* the bootstrap's subset has no SIMD builtins (internal.h) */
    if (simd >= 0) {
        int bad = simd_check(e, simd, I->ty, I->n - 1, I->o + 1);
        if (bad == 1) return BADF("call: 'llvm.%.*s' cannot return this type", (int)len, n);
        if (bad) return BADF("call: argument %d of 'llvm.%.*s' has the wrong type or is missing", bad - 1, (int)len, n);
        return 0;
    }
    for (k = 0; k < sizeof intrinsics / sizeof intrinsics[0]; k++) if (named(n, len, intrinsics[k].name)) break;
    if (k == sizeof intrinsics / sizeof intrinsics[0]) return BADF("unsupported intrinsic 'llvm.%.*s'", (int)len, n);
    const char *sig = intrinsics[k].sig, *args = sig + 1;
    uint32_t na = I->n - 1, fixed = 0;
    while (args[fixed] && args[fixed] != '*' && args[fixed] != '~') fixed++;
    char more = args[fixed];
    if (more == '~') return 0;
    if (na < fixed || (na > fixed && !more))
        return BADF("call: 'llvm.%.*s' with %u arguments (its signature has %u)", (int)len, n, na, fixed);
    for (uint32_t i = 0; i < na; i++)
        if (I->o[1 + i] >= e->nv) return BADF("call: argument %u of 'llvm.%.*s' is metadata", i + 1, (int)len, n);
    uint32_t rt = I->ty, arg0 = na ? e->v[I->o[1]].ty : NOTY, last = na ? e->v[I->o[na]].ty : NOTY;
    int ok;
    Name a, b;
    switch (sig[0]) {
    case 'v': ok = rt == NOTY; break;
    case 'x': ok = rt != NOTY; break;
    case 'i': ok = rt != NOTY && is_int(v, scalar(v, rt)); break;
    case 'f': ok = rt != NOTY && is_fp(v, scalar(v, rt)); break;
    case 'p': ok = rt != NOTY && is_ptr(v, rt); break;
    case 'o': ok = rt != NOTY && ty(v, rt)->k == TK_ST && ty(v, rt)->w == 2 && ty(v, rt)->elts
                   && same(v, ty(v, rt)->elts[0], arg0, 0) && is_int(v, ty(v, rt)->elts[1]) && ty(v, ty(v, rt)->elts[1])->w == 1; break;
    case 'e': ok = rt != NOTY && is_vec(v, last) && same(v, ty(v, last)->elt, rt, 0); break;
    default: ok = 0;
    }
    if (!ok) return BADF("call: 'llvm.%.*s' cannot return %s", (int)len, n, rt == NOTY ? "void" : tname(v, rt, &a));
    for (uint32_t i = 0; i < fixed; i++) {
        uint32_t t = e->v[I->o[1 + i]].ty;
        if (!fits(v, args[i], t, rt, arg0))
            return BADF("call: argument %u of 'llvm.%.*s' has type %s%s%s", i + 1, (int)len, n, tname(v, t, &a),
                        args[i] == 'r' ? ", the result is " : "", args[i] == 'r' ? tname(v, rt, &b) : "");
    }
    return 0;
}

/* ---- calls ------------------------------------------------------------ */
/* the function a callee value names (directly, through an alias or a
 * bitcast constant expression), or 0 for an indirect call */
Fn *direct_callee(E *e, uint32_t callee) {
    if (callee >= e->nv) return 0;
    Val *x = &e->v[callee];
    if (x->k == V_ALIAS && e->al[x->u.idx].target < e->nv) x = &e->v[e->al[x->u.idx].target];
    if (x->k == V_CE && x->op == 11 && x->u.a.n >= 3 && x->u.a.o[2] < e->nv && e->v[x->u.a.o[2]].k == V_FN)
        x = &e->v[x->u.a.o[2]];
    return x->k == V_FN ? &e->fn[x->u.idx] : 0;
}

static int check_call(V *v, Ins *I) {
    E *e = v->e;
    Ty *ft = ty(v, I->ty2);
    uint32_t na = I->n - 1;
    Name a, b;
    if (na < ft->w || (!ft->vararg && na != ft->w))
        return BADF("call: %u arguments, callee takes %u", na, ft->w);
    Fn *callee = direct_callee(e, I->o[0]);
    int intrinsic = callee && callee->intr;
    for (uint32_t i = 0; i < na; i++) {
        uint32_t want = i < ft->w ? ft->elts[i] : NOTY, x = I->o[1 + i];
        if (want != NOTY && ty(v, want)->k == TK_META) {
            if (!intrinsic) return BADF("call: argument %u is metadata, which only intrinsics take", i + 1);
            continue;
        }
        if (want != NOTY && !is_value_type(v, want)) return BADF("call: argument %u has type %s", i + 1, tname(v, want, &a));
        if (x >= e->nv) return BADF("call: argument %u refers to value %u of %u", i + 1, x, e->nv);
        uint32_t t = e->v[x].ty;
        if (!is_value_type(v, t)) return BADF("call: argument %u has type %s", i + 1, tname(v, t, &a));
        if (want != NOTY && !same(v, t, want, 0))
            return BADF("call: argument %u has type %s, callee expects %s", i + 1, tname(v, t, &a), tname(v, want, &b));
    }
    uint32_t rt = ty(v, ft->elt)->k == TK_VOID ? NOTY : ft->elt;
    if (rt != NOTY && !is_value_type(v, rt)) return BADF("call: callee returns %s", tname(v, rt, &a));
    if (intrinsic) return check_intrinsic(v, I, callee);
    return 0;
}

/* ---- casts ------------------------------------------------------------ */
enum { C_TRUNC, C_ZEXT, C_SEXT, C_FPTOUI, C_FPTOSI, C_UITOFP, C_SITOFP, C_FPTRUNC, C_FPEXT,
       C_PTRTOINT, C_INTTOPTR, C_BITCAST, C_ADDRSPACECAST };
static const char *const cast_names[] = { "trunc", "zext", "sext", "fptoui", "fptosi", "uitofp", "sitofp",
    "fptrunc", "fpext", "ptrtoint", "inttoptr", "bitcast", "addrspacecast" };
/* source and destination kinds per cast opcode: i integer, f floating point, p pointer */
static const char cast_kinds[][3] = { "ii", "ii", "ii", "fi", "fi", "if", "if", "ff", "ff", "pi", "ip", "", "pp" };
static char kind_of(V *v, uint32_t t) { uint32_t s = scalar(v, t); return is_int(v, s) ? 'i' : is_fp(v, s) ? 'f' : is_ptr(v, s) ? 'p' : 0; }

static int check_cast(V *v, Ins *I) {
    uint32_t from = I->ty2, to = I->ty;
    Name a, b;
    if (I->sub > C_ADDRSPACECAST) return BADF("cast: bad opcode %u", I->sub);
    const char *nm = cast_names[I->sub];
    if (I->sub == C_BITCAST) {
        if (!kind_of(v, from) || !kind_of(v, to) || (kind_of(v, from) == 'p') != (kind_of(v, to) == 'p')
            || ty_size(v->e, from) != ty_size(v->e, to))
            return BADF("cast: bitcast from %s to %s", tname(v, from, &a), tname(v, to, &b));
        return 0;
    }
    if (kind_of(v, from) != cast_kinds[I->sub][0] || kind_of(v, to) != cast_kinds[I->sub][1] || lanes(v, from) != lanes(v, to))
        return BADF("cast: %s from %s to %s", nm, tname(v, from, &a), tname(v, to, &b));
    return 0;
}

/* ---- instructions ----------------------------------------------------- */
static int is_local(V *v, uint32_t x) { return x >= v->ir->base && x < v->ir->base + v->nlocal; }
/* an argument or an instruction's result (not one of the function's constants) */
static int is_ssa(V *v, uint32_t x) { return is_local(v, x) && (v->e->v[x].k == V_ARG || v->e->v[x].k == V_INST); }

/* operand k of I (position rule p) */
static int check_operand(V *v, Ins *I, uint32_t k, uint8_t p) {
    E *e = v->e;
    const char *op = rules[I->op].name;
    uint32_t x = I->o[k];
    Name a, b;
    if (p == O_BLOCK || (p == O_INCOMING && (k & 1)) || (p == O_CASE && (k & 1)))
        return x < v->ir->nbb ? 0 : BADF("%s: block %u of %u", op, x, v->ir->nbb);
    if (p == O_INDEX || p == O_ARG) return 0;             /* the reader walked them / check_call */
    if (x >= e->nv) return BADF("%s: operand %u refers to value %u of %u", op, k + 1, x, e->nv);
    uint32_t t = e->v[x].ty;
    if (t >= e->nty || !is_value_type(v, t))
        return BADF("%s: operand %u has type %s", op, k + 1, t >= e->nty ? "none" : tname(v, t, &a));
    uint32_t want = NOTY;
    switch (p) {
    case O_VALUE: return 0;
    case O_RESULT: case O_INCOMING: want = I->ty; break;
    case O_TY2: want = I->ty2; break;
    case O_OP0: want = e->v[I->o[0]].ty; break;
    case O_CASE:
        if (is_ssa(v, x) || (e->v[x].k != V_CINT && e->v[x].k != V_CWIDE && e->v[x].k != V_CNULL))   /* NULL: zero */
            return BADF("switch: case value %u is not an integer constant", k / 2);
        want = I->ty2; break;
    case O_PTR: if (is_ptr(v, scalar(v, t))) return 0; break;
    case O_INT: if (is_int(v, scalar(v, t))) return 0; break;
    case O_VEC: if (is_vec(v, t)) return 0; break;
    case O_COND: if (is_i1(v, t)) return 0; break;
    }
    if (want != NOTY && same(v, t, want, 0)) return 0;
    static const char *const what[] = { [O_PTR] = "a pointer", [O_INT] = "an integer", [O_VEC] = "a vector", [O_COND] = "i1" };
    if (want == NOTY) return BADF("%s: operand %u has type %s, expected %s", op, k + 1, tname(v, t, &a), what[p]);
    return BADF("%s: operand %u has type %s, expected %s", op, k + 1, tname(v, t, &a), tname(v, want, &b));
}

/* rules beyond each operand's own type */
static int check_rest(V *v, Ins *I, uint32_t index, uint32_t block) {
    E *e = v->e;
    FnIR *ir = v->ir;
    uint8_t p0 = rules[I->op].pos[0];
    uint32_t t = I->ty, o0 = I->n && p0 != O_BLOCK && p0 != O_INCOMING ? e->v[I->o[0]].ty : NOTY;   /* operand 0's type, when a value */
    Name a, b;
    switch (I->op) {
    case I_BIN: {
        /* fp: fadd fsub fmul fdiv frem (LLVM's binop codes 0 1 2 4 6) */
        int fp = is_fp(v, scalar(v, t));
        if (!fp && !is_int(v, scalar(v, t))) return BADF("binary operator on %s", tname(v, t, &a));
        if (I->sub > 12 || (fp && I->sub != 0 && I->sub != 1 && I->sub != 2 && I->sub != 4 && I->sub != 6))
            return BADF("binary operator %u on %s", I->sub, tname(v, t, &a));
        return 0;
    }
    case I_FNEG: return is_fp(v, scalar(v, t)) ? 0 : BADF("fneg on %s", tname(v, t, &a));
    case I_CAST: return check_cast(v, I);
    case I_GEP:
        if (!is_ptr(v, scalar(v, t))) return BADF("getelementptr: result type %s", tname(v, t, &a));
        if (I->ty2 >= e->nty || !is_value_type(v, I->ty2)) return BADF("getelementptr: bad source element type %u", I->ty2);
        return 0;
    case I_SEL:
        if (is_vec(v, o0) && lanes(v, o0) != lanes(v, t)) return BADF("select: %s condition for %s", tname(v, o0, &a), tname(v, t, &b));
        return 0;
    case I_EXTELT:
        return same(v, ty(v, o0)->elt, t, 0) ? 0 : BADF("extractelement: %s from %s", tname(v, t, &a), tname(v, o0, &b));
    case I_INSELT:
        if (!is_vec(v, t) || !same(v, e->v[I->o[1]].ty, ty(v, t)->elt, 0))
            return BADF("insertelement: %s into %s", tname(v, e->v[I->o[1]].ty, &a), tname(v, t, &b));
        return 0;
    case I_SHUF: {
        uint32_t m = e->v[I->o[2]].ty;
        if (is_ssa(v, I->o[2]) || !is_int(v, ty(v, m)->elt)) return BADF("shufflevector: the mask is not a constant integer vector");
        if (!is_vec(v, t) || lanes(v, t) != lanes(v, m) || !same(v, ty(v, t)->elt, ty(v, o0)->elt, 0))
            return BADF("shufflevector: result %s from %s", tname(v, t, &a), tname(v, o0, &b));
        return 0;
    }
    case I_CMP: {
        uint32_t s = scalar(v, I->ty2);
        int fp = is_fp(v, s);
        if (!fp && !is_int(v, s) && !is_ptr(v, s)) return BADF("compare of %s", tname(v, I->ty2, &a));
        if (fp ? I->sub > 15 : (I->sub < 32 || I->sub > 41)) return BADF("compare: predicate %u on %s", I->sub, tname(v, I->ty2, &a));
        if (!is_i1(v, t) || lanes(v, t) != lanes(v, I->ty2)) return BADF("compare: result %s for %s", tname(v, t, &a), tname(v, I->ty2, &b));
        return 0;
    }
    case I_RET: {
        uint32_t rt = ty(v, v->f->ty)->elt;
        int isvoid = ty(v, rt)->k == TK_VOID;
        if (isvoid != (I->n == 0) || (I->n && !same(v, o0, rt, 0)))
            return BADF("ret %s in a function returning %s", I->n ? tname(v, o0, &a) : "void", tname(v, rt, &b));
        return 0;
    }
    case I_BR:
        if (I->n == 2) return BADF("br with 2 operands");
        return I->n == 3 && is_vec(v, e->v[I->o[2]].ty) ? BADF("br on a vector condition") : 0;
    case I_SWITCH:
        if (!is_int(v, I->ty2)) return BADF("switch on %s", tname(v, I->ty2, &a));
        return I->n % 2 ? BADF("switch: a case without a block") : 0;
    case I_PHI:
        if (I->n % 2) return BADF("phi: a value without a block");
        if (index > ir->bb[block] && ir->ins[index - 1].op != I_PHI) return BADF("phi after a non-phi instruction in block %u", block);
        return 0;
    case I_ALLOCA: return is_value_type(v, I->ty2) ? 0 : BADF("alloca of %s", tname(v, I->ty2, &a));
    case I_CMPXCHG:
        return is_int(v, I->ty2) || is_ptr(v, I->ty2) ? 0 : BADF("cmpxchg of %s", tname(v, I->ty2, &a));
    case I_RMW:
        if (I->sub > 12) return BADF("atomicrmw: operation %u", I->sub);
        return is_int(v, I->ty2) || is_ptr(v, I->ty2) || is_fp(v, I->ty2) ? 0 : BADF("atomicrmw of %s", tname(v, I->ty2, &a));
    case I_EXTVAL: case I_INSVAL: {
        uint32_t at = I->ty2;                             /* the reader checked every index against the type */
        for (uint32_t k = I->op == I_EXTVAL ? 1 : 2; k < I->n; k++)
            at = ty(v, at)->k == TK_ST ? ty(v, at)->elts[I->o[k]] : ty(v, at)->elt;
        if (I->op == I_INSVAL && !same(v, e->v[I->o[1]].ty, at, 0))
            return BADF("insertvalue: %s into a field of type %s", tname(v, e->v[I->o[1]].ty, &a), tname(v, at, &b));
        return 0;
    }
    case I_CALL: return check_call(v, I);
    }
    return 0;
}

static int check_ins(V *v, uint32_t index, uint32_t block) {
    E *e = v->e;
    Ins *I = &v->ir->ins[index];
    if (I->op >= sizeof rules / sizeof rules[0] || !rules[I->op].name) return BADF("unknown instruction %u", I->op);
    const struct Rule *r = &rules[I->op];
    Name a;
    if (I->n < r->min || (r->max != ANY && I->n > r->max))
        return BADF("%s with %u operands", r->name, I->n);
    int has = I->ty != NOTY && I->ty < e->nty && ty(v, I->ty)->k != TK_VOID;
    if (I->ty != NOTY && I->ty >= e->nty) return BADF("%s: bad result type %u", r->name, I->ty);
    if ((r->res == R_VALUE && !has) || (r->res == R_NONE && I->ty != NOTY))
        return BADF("%s: result type %s", r->name, I->ty == NOTY ? "none" : tname(v, I->ty, &a));
    if (has && (!is_value_type(v, I->ty) || !is_local(v, I->id) || e->v[I->id].ty != I->ty))
        return BADF("%s: bad result (value %u, type %s)", r->name, I->id, tname(v, I->ty, &a));
    if (!has && I->id != NOTY) return BADF("%s: a result without a type%s", r->name, "");
    for (uint32_t k = 0; k < I->n; k++)
        if (check_operand(v, I, k, k < 3 ? r->pos[k] : r->rest)) return -1;
    return check_rest(v, I, index, block);
}

int fn_verify(E *e, Fn *f, FnIR *ir) {
    V vs = { e, f, ir, e->nv - ir->base }, *v = &vs;
    Ty *ft = ty(v, f->ty);
    Name a;
    for (uint32_t i = 0; i < ft->w; i++)
        if (!is_value_type(v, ft->elts[i])) return BADF("parameter %u has type %s", i + 1, tname(v, ft->elts[i], &a));
    if (ty(v, ft->elt)->k != TK_VOID && !is_value_type(v, ft->elt)) return BADF("returns %s", tname(v, ft->elt, &a));
    for (uint32_t b = 0; b < ir->nbb; b++)
        for (uint32_t i = ir->bb[b]; i < ir->bb[b + 1]; i++)
            if (check_ins(v, i, b)) return -1;
    return 0;
}
