/* The x86 SSE/SSE2 intrinsics (`llvm.x86.sse.*`, `llvm.x86.sse2.*`) that
 * clang's xmmintrin.h and emmintrin.h leave in bitcode (the full set those
 * headers produce at -O0..-O3, MMX's `__m64` forms excepted: they need the
 * x86_mmx type). Each runs as the very instruction native code would run (the
 * header's own function), so NaN and signed-zero choices of max/min, the
 * saturation of packs, the MXCSR rounding mode of cvt, the approximations of
 * rcp/rsqrt are those of the machine (or of the emulator) running the engine,
 * exactly as for the native program. Lowering calls simd_run through `ncall`
 * with every operand in frame slots (a vector one 8-byte slot per lane). */
#include "internal.h"
#include <emmintrin.h>      /* the compiler's header: inline functions only when freestanding */

/* operand and result shapes: vectors (lanes x bytes), scalars, pointers */
enum { T_NONE, T_F4, T_D2, T_B16, T_W8, T_I4, T_Q2, T_I32, T_I8, T_PTR };
static const struct { uint8_t lanes, bytes, kind, width; } shape[] = {
    [T_F4] = { 4, 4, TK_FLT, 32 }, [T_D2] = { 2, 8, TK_DBL, 64 }, [T_B16] = { 16, 1, TK_INT, 8 },
    [T_W8] = { 8, 2, TK_INT, 16 }, [T_I4] = { 4, 4, TK_INT, 32 }, [T_Q2] = { 2, 8, TK_INT, 64 },
    [T_I32] = { 0, 4, TK_INT, 32 }, [T_I8] = { 0, 1, TK_INT, 8 }, [T_PTR] = { 0, 4, TK_PTR, 32 },
};

/* name after "llvm.x86.", result, arguments */
#define SIMD_OPS(X) \
    X(CMPSS, "sse.cmp.ss", F4, F4, F4, I8) X(CMPSD, "sse2.cmp.sd", D2, D2, D2, I8) \
    X(COMIEQ_SS, "sse.comieq.ss", I32, F4, F4, NONE) X(COMIGE_SS, "sse.comige.ss", I32, F4, F4, NONE) \
    X(COMIGT_SS, "sse.comigt.ss", I32, F4, F4, NONE) X(COMILE_SS, "sse.comile.ss", I32, F4, F4, NONE) \
    X(COMILT_SS, "sse.comilt.ss", I32, F4, F4, NONE) X(COMINEQ_SS, "sse.comineq.ss", I32, F4, F4, NONE) \
    X(UCOMIEQ_SS, "sse.ucomieq.ss", I32, F4, F4, NONE) X(UCOMIGE_SS, "sse.ucomige.ss", I32, F4, F4, NONE) \
    X(UCOMIGT_SS, "sse.ucomigt.ss", I32, F4, F4, NONE) X(UCOMILE_SS, "sse.ucomile.ss", I32, F4, F4, NONE) \
    X(UCOMILT_SS, "sse.ucomilt.ss", I32, F4, F4, NONE) X(UCOMINEQ_SS, "sse.ucomineq.ss", I32, F4, F4, NONE) \
    X(COMIEQ_SD, "sse2.comieq.sd", I32, D2, D2, NONE) X(COMIGE_SD, "sse2.comige.sd", I32, D2, D2, NONE) \
    X(COMIGT_SD, "sse2.comigt.sd", I32, D2, D2, NONE) X(COMILE_SD, "sse2.comile.sd", I32, D2, D2, NONE) \
    X(COMILT_SD, "sse2.comilt.sd", I32, D2, D2, NONE) X(COMINEQ_SD, "sse2.comineq.sd", I32, D2, D2, NONE) \
    X(UCOMIEQ_SD, "sse2.ucomieq.sd", I32, D2, D2, NONE) X(UCOMIGE_SD, "sse2.ucomige.sd", I32, D2, D2, NONE) \
    X(UCOMIGT_SD, "sse2.ucomigt.sd", I32, D2, D2, NONE) X(UCOMILE_SD, "sse2.ucomile.sd", I32, D2, D2, NONE) \
    X(UCOMILT_SD, "sse2.ucomilt.sd", I32, D2, D2, NONE) X(UCOMINEQ_SD, "sse2.ucomineq.sd", I32, D2, D2, NONE) \
    X(CVTSS2SI, "sse.cvtss2si", I32, F4, NONE, NONE) X(CVTTSS2SI, "sse.cvttss2si", I32, F4, NONE, NONE) \
    X(CVTSD2SI, "sse2.cvtsd2si", I32, D2, NONE, NONE) X(CVTTSD2SI, "sse2.cvttsd2si", I32, D2, NONE, NONE) \
    X(CVTPD2DQ, "sse2.cvtpd2dq", I4, D2, NONE, NONE) X(CVTTPD2DQ, "sse2.cvttpd2dq", I4, D2, NONE, NONE) \
    X(CVTPS2DQ, "sse2.cvtps2dq", I4, F4, NONE, NONE) X(CVTTPS2DQ, "sse2.cvttps2dq", I4, F4, NONE, NONE) \
    X(CVTPD2PS, "sse2.cvtpd2ps", F4, D2, NONE, NONE) X(CVTSD2SS, "sse2.cvtsd2ss", F4, F4, D2, NONE) \
    X(MAXPS, "sse.max.ps", F4, F4, F4, NONE) X(MAXSS, "sse.max.ss", F4, F4, F4, NONE) \
    X(MINPS, "sse.min.ps", F4, F4, F4, NONE) X(MINSS, "sse.min.ss", F4, F4, F4, NONE) \
    X(MAXPD, "sse2.max.pd", D2, D2, D2, NONE) X(MAXSD, "sse2.max.sd", D2, D2, D2, NONE) \
    X(MINPD, "sse2.min.pd", D2, D2, D2, NONE) X(MINSD, "sse2.min.sd", D2, D2, D2, NONE) \
    X(RCPPS, "sse.rcp.ps", F4, F4, NONE, NONE) X(RCPSS, "sse.rcp.ss", F4, F4, NONE, NONE) \
    X(RSQRTPS, "sse.rsqrt.ps", F4, F4, NONE, NONE) X(RSQRTSS, "sse.rsqrt.ss", F4, F4, NONE, NONE) \
    X(MOVMSKPS, "sse.movmsk.ps", I32, F4, NONE, NONE) X(MOVMSKPD, "sse2.movmsk.pd", I32, D2, NONE, NONE) \
    X(PMOVMSKB, "sse2.pmovmskb.128", I32, B16, NONE, NONE) \
    X(PACKSSDW, "sse2.packssdw.128", W8, I4, I4, NONE) X(PACKSSWB, "sse2.packsswb.128", B16, W8, W8, NONE) \
    X(PACKUSWB, "sse2.packuswb.128", B16, W8, W8, NONE) \
    X(PAVGB, "sse2.pavg.b", B16, B16, B16, NONE) X(PAVGW, "sse2.pavg.w", W8, W8, W8, NONE) \
    X(PMADDWD, "sse2.pmadd.wd", I4, W8, W8, NONE) X(PMULHW, "sse2.pmulh.w", W8, W8, W8, NONE) \
    X(PMULHUW, "sse2.pmulhu.w", W8, W8, W8, NONE) X(PSADBW, "sse2.psad.bw", Q2, B16, B16, NONE) \
    X(PSLLW, "sse2.psll.w", W8, W8, W8, NONE) X(PSLLD, "sse2.psll.d", I4, I4, I4, NONE) \
    X(PSLLQ, "sse2.psll.q", Q2, Q2, Q2, NONE) X(PSRLW, "sse2.psrl.w", W8, W8, W8, NONE) \
    X(PSRLD, "sse2.psrl.d", I4, I4, I4, NONE) X(PSRLQ, "sse2.psrl.q", Q2, Q2, Q2, NONE) \
    X(PSRAW, "sse2.psra.w", W8, W8, W8, NONE) X(PSRAD, "sse2.psra.d", I4, I4, I4, NONE) \
    X(PSLLWI, "sse2.pslli.w", W8, W8, I32, NONE) X(PSLLDI, "sse2.pslli.d", I4, I4, I32, NONE) \
    X(PSLLQI, "sse2.pslli.q", Q2, Q2, I32, NONE) X(PSRLWI, "sse2.psrli.w", W8, W8, I32, NONE) \
    X(PSRLDI, "sse2.psrli.d", I4, I4, I32, NONE) X(PSRLQI, "sse2.psrli.q", Q2, Q2, I32, NONE) \
    X(PSRAWI, "sse2.psrai.w", W8, W8, I32, NONE) X(PSRADI, "sse2.psrai.d", I4, I4, I32, NONE) \
    X(MASKMOVDQU, "sse2.maskmov.dqu", NONE, B16, B16, PTR) \
    X(LDMXCSR, "sse.ldmxcsr", NONE, PTR, NONE, NONE) X(STMXCSR, "sse.stmxcsr", NONE, PTR, NONE, NONE) \
    X(CLFLUSH, "sse2.clflush", NONE, PTR, NONE, NONE) X(SFENCE, "sse.sfence", NONE, NONE, NONE, NONE) \
    X(LFENCE, "sse2.lfence", NONE, NONE, NONE, NONE) X(MFENCE, "sse2.mfence", NONE, NONE, NONE, NONE) \
    X(PAUSE, "sse2.pause", NONE, NONE, NONE, NONE)

#define ENUM(id, name, r, a, b, c) S_##id,
enum { SIMD_OPS(ENUM) S_COUNT };
#define SIG(id, name, r, a, b, c) { name, { T_##r, T_##a, T_##b, T_##c } },
static const struct { const char *name; uint8_t t[4]; } sig[] = { SIMD_OPS(SIG) };

int simd_find(const char *n, uint32_t len) {
    if (len < 4 || memcmp(n, "x86.", 4)) return -1;
    for (int k = 0; k < S_COUNT; k++)
        if (strlen(sig[k].name) == len - 4 && !memcmp(sig[k].name, n + 4, len - 4)) return k;
    return -1;
}

static int fits(E *e, uint32_t t, uint8_t want) {
    if (want == T_NONE) return t == NOTY;
    if (t == NOTY || t >= e->nty) return 0;
    Ty *y = &e->ty[t];
    if (shape[want].lanes) {
        if (y->k != TK_VEC || y->w != shape[want].lanes || y->elt >= e->nty) return 0;
        y = &e->ty[y->elt];
    } else if (y->k == TK_VEC) return 0;
    return y->k == shape[want].kind && (y->k != TK_INT || y->w == shape[want].width);
}

/* 0 when the call's types are op k's; else 1 + the argument at fault (0: the result) */
int simd_check(E *e, int k, uint32_t rt, uint32_t na, const uint32_t *args) {
    if (!fits(e, rt, sig[k].t[0])) return 1;
    for (uint32_t i = 0; i < 3 || i < na; i++) {
        uint32_t t = i >= na ? NOTY : args[i] < e->nv ? e->v[args[i]].ty : e->nty;   /* metadata: no type */
        if (i >= 3 || !fits(e, t, sig[k].t[1 + i])) return 2 + (int)i;
    }
    return 0;
}

typedef union { __m128 f; __m128d d; __m128i i; uint8_t b[16]; } V;

static void gather(V *v, const uint8_t *p, uint8_t t) {
    if (!shape[t].lanes) { memset(v, 0, sizeof *v); memcpy(v->b, p, shape[t].bytes); return; }
    for (uint32_t i = 0; i < shape[t].lanes; i++) memcpy(v->b + i * shape[t].bytes, p + 8 * i, shape[t].bytes);
}
static void scatter(uint8_t *p, const V *v, uint8_t t) {
    if (!shape[t].lanes) { memcpy(p, v->b, shape[t].bytes); return; }
    for (uint32_t i = 0; i < shape[t].lanes; i++) {
        uint64_t lane = 0;                               /* narrow lanes zero-extended in their slots */
        memcpy(&lane, v->b + i * shape[t].bytes, shape[t].bytes);
        memcpy(p + 8 * i, &lane, 8);
    }
}

/* the header's functions need SSE2 enabled where they are inlined (the engine's build has it; the fuzz build does not) */
#define SSE2 __attribute__((target("sse2")))
SSE2 static __m128 cmpss(__m128 a, __m128 b, int imm) {
    switch (imm & 7) {                                   /* CMPSS reads bits 2:0 of its immediate */
    case 0: return _mm_cmpeq_ss(a, b);  case 1: return _mm_cmplt_ss(a, b);
    case 2: return _mm_cmple_ss(a, b);  case 3: return _mm_cmpunord_ss(a, b);
    case 4: return _mm_cmpneq_ss(a, b); case 5: return _mm_cmpnlt_ss(a, b);
    case 6: return _mm_cmpnle_ss(a, b); default: return _mm_cmpord_ss(a, b);
    }
}
SSE2 static __m128d cmpsd(__m128d a, __m128d b, int imm) {
    switch (imm & 7) {
    case 0: return _mm_cmpeq_sd(a, b);  case 1: return _mm_cmplt_sd(a, b);
    case 2: return _mm_cmple_sd(a, b);  case 3: return _mm_cmpunord_sd(a, b);
    case 4: return _mm_cmpneq_sd(a, b); case 5: return _mm_cmpnlt_sd(a, b);
    case 6: return _mm_cmpnle_sd(a, b); default: return _mm_cmpord_sd(a, b);
    }
}

/* op k on the slots at fp + a, b, c; the result to fp + d */
SSE2 void simd_run(uint8_t *fp, int32_t d, uint32_t k, int32_t a, int32_t b, int32_t c) {
    V x, y, r = { .i = _mm_setzero_si128() };
    int32_t s = 0;                                       /* scalar results */
    void *p = 0;                                         /* the pointer argument */
    gather(&x, fp + a, sig[k].t[1]);
    gather(&y, fp + b, sig[k].t[2]);
    if (sig[k].t[1] == T_PTR) memcpy(&p, fp + a, sizeof p);
    if (sig[k].t[3] == T_PTR) memcpy(&p, fp + c, sizeof p);
    int32_t n = (int32_t)_mm_cvtsi128_si32(y.i);        /* an i32 or i8 second operand */
    switch (k) {
    case S_CMPSS: { V z; gather(&z, fp + c, T_I8); r.f = cmpss(x.f, y.f, z.b[0]); break; }
    case S_CMPSD: { V z; gather(&z, fp + c, T_I8); r.d = cmpsd(x.d, y.d, z.b[0]); break; }
    case S_COMIEQ_SS: s = _mm_comieq_ss(x.f, y.f); break;    case S_COMIGE_SS: s = _mm_comige_ss(x.f, y.f); break;
    case S_COMIGT_SS: s = _mm_comigt_ss(x.f, y.f); break;    case S_COMILE_SS: s = _mm_comile_ss(x.f, y.f); break;
    case S_COMILT_SS: s = _mm_comilt_ss(x.f, y.f); break;    case S_COMINEQ_SS: s = _mm_comineq_ss(x.f, y.f); break;
    case S_UCOMIEQ_SS: s = _mm_ucomieq_ss(x.f, y.f); break;  case S_UCOMIGE_SS: s = _mm_ucomige_ss(x.f, y.f); break;
    case S_UCOMIGT_SS: s = _mm_ucomigt_ss(x.f, y.f); break;  case S_UCOMILE_SS: s = _mm_ucomile_ss(x.f, y.f); break;
    case S_UCOMILT_SS: s = _mm_ucomilt_ss(x.f, y.f); break;  case S_UCOMINEQ_SS: s = _mm_ucomineq_ss(x.f, y.f); break;
    case S_COMIEQ_SD: s = _mm_comieq_sd(x.d, y.d); break;    case S_COMIGE_SD: s = _mm_comige_sd(x.d, y.d); break;
    case S_COMIGT_SD: s = _mm_comigt_sd(x.d, y.d); break;    case S_COMILE_SD: s = _mm_comile_sd(x.d, y.d); break;
    case S_COMILT_SD: s = _mm_comilt_sd(x.d, y.d); break;    case S_COMINEQ_SD: s = _mm_comineq_sd(x.d, y.d); break;
    case S_UCOMIEQ_SD: s = _mm_ucomieq_sd(x.d, y.d); break;  case S_UCOMIGE_SD: s = _mm_ucomige_sd(x.d, y.d); break;
    case S_UCOMIGT_SD: s = _mm_ucomigt_sd(x.d, y.d); break;  case S_UCOMILE_SD: s = _mm_ucomile_sd(x.d, y.d); break;
    case S_UCOMILT_SD: s = _mm_ucomilt_sd(x.d, y.d); break;  case S_UCOMINEQ_SD: s = _mm_ucomineq_sd(x.d, y.d); break;
    case S_CVTSS2SI: s = _mm_cvtss_si32(x.f); break;         case S_CVTTSS2SI: s = _mm_cvttss_si32(x.f); break;
    case S_CVTSD2SI: s = _mm_cvtsd_si32(x.d); break;         case S_CVTTSD2SI: s = _mm_cvttsd_si32(x.d); break;
    case S_CVTPD2DQ: r.i = _mm_cvtpd_epi32(x.d); break;      case S_CVTTPD2DQ: r.i = _mm_cvttpd_epi32(x.d); break;
    case S_CVTPS2DQ: r.i = _mm_cvtps_epi32(x.f); break;      case S_CVTTPS2DQ: r.i = _mm_cvttps_epi32(x.f); break;
    case S_CVTPD2PS: r.f = _mm_cvtpd_ps(x.d); break;         case S_CVTSD2SS: r.f = _mm_cvtsd_ss(x.f, y.d); break;
    case S_MAXPS: r.f = _mm_max_ps(x.f, y.f); break;         case S_MAXSS: r.f = _mm_max_ss(x.f, y.f); break;
    case S_MINPS: r.f = _mm_min_ps(x.f, y.f); break;         case S_MINSS: r.f = _mm_min_ss(x.f, y.f); break;
    case S_MAXPD: r.d = _mm_max_pd(x.d, y.d); break;         case S_MAXSD: r.d = _mm_max_sd(x.d, y.d); break;
    case S_MINPD: r.d = _mm_min_pd(x.d, y.d); break;         case S_MINSD: r.d = _mm_min_sd(x.d, y.d); break;
    case S_RCPPS: r.f = _mm_rcp_ps(x.f); break;              case S_RCPSS: r.f = _mm_rcp_ss(x.f); break;
    case S_RSQRTPS: r.f = _mm_rsqrt_ps(x.f); break;          case S_RSQRTSS: r.f = _mm_rsqrt_ss(x.f); break;
    case S_MOVMSKPS: s = _mm_movemask_ps(x.f); break;        case S_MOVMSKPD: s = _mm_movemask_pd(x.d); break;
    case S_PMOVMSKB: s = _mm_movemask_epi8(x.i); break;
    case S_PACKSSDW: r.i = _mm_packs_epi32(x.i, y.i); break; case S_PACKSSWB: r.i = _mm_packs_epi16(x.i, y.i); break;
    case S_PACKUSWB: r.i = _mm_packus_epi16(x.i, y.i); break;
    case S_PAVGB: r.i = _mm_avg_epu8(x.i, y.i); break;       case S_PAVGW: r.i = _mm_avg_epu16(x.i, y.i); break;
    case S_PMADDWD: r.i = _mm_madd_epi16(x.i, y.i); break;   case S_PMULHW: r.i = _mm_mulhi_epi16(x.i, y.i); break;
    case S_PMULHUW: r.i = _mm_mulhi_epu16(x.i, y.i); break;  case S_PSADBW: r.i = _mm_sad_epu8(x.i, y.i); break;
    case S_PSLLW: r.i = _mm_sll_epi16(x.i, y.i); break;      case S_PSLLD: r.i = _mm_sll_epi32(x.i, y.i); break;
    case S_PSLLQ: r.i = _mm_sll_epi64(x.i, y.i); break;      case S_PSRLW: r.i = _mm_srl_epi16(x.i, y.i); break;
    case S_PSRLD: r.i = _mm_srl_epi32(x.i, y.i); break;      case S_PSRLQ: r.i = _mm_srl_epi64(x.i, y.i); break;
    case S_PSRAW: r.i = _mm_sra_epi16(x.i, y.i); break;      case S_PSRAD: r.i = _mm_sra_epi32(x.i, y.i); break;
    case S_PSLLWI: r.i = _mm_slli_epi16(x.i, n); break;      case S_PSLLDI: r.i = _mm_slli_epi32(x.i, n); break;
    case S_PSLLQI: r.i = _mm_slli_epi64(x.i, n); break;      case S_PSRLWI: r.i = _mm_srli_epi16(x.i, n); break;
    case S_PSRLDI: r.i = _mm_srli_epi32(x.i, n); break;      case S_PSRLQI: r.i = _mm_srli_epi64(x.i, n); break;
    case S_PSRAWI: r.i = _mm_srai_epi16(x.i, n); break;      case S_PSRADI: r.i = _mm_srai_epi32(x.i, n); break;
    case S_MASKMOVDQU: _mm_maskmoveu_si128(x.i, y.i, p); break;
    case S_LDMXCSR: { uint32_t w; memcpy(&w, p, 4); _mm_setcsr(w); break; }
    case S_STMXCSR: { uint32_t w = _mm_getcsr(); memcpy(p, &w, 4); break; }
    case S_CLFLUSH: _mm_clflush(p); break;
    case S_SFENCE: _mm_sfence(); break;
    case S_LFENCE: _mm_lfence(); break;
    case S_MFENCE: _mm_mfence(); break;
    case S_PAUSE: _mm_pause(); break;
    }
    if (sig[k].t[0] == T_I32) memcpy(fp + d, &s, 4);
    else if (sig[k].t[0] != T_NONE) scatter(fp + d, &r, sig[k].t[0]);
}
