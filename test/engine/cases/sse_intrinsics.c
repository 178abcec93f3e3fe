/* @O3 every xmmintrin.h/emmintrin.h function that clang leaves as an llvm.x86.sse* call
 * (MMX's __m64 forms aside), on NaNs, signed zeros, infinities, halfway and out-of-range
 * values, saturating lanes and shift counts past the width; cvt under each MXCSR rounding mode */
#include <emmintrin.h>
#include <stdio.h>
#include <string.h>
#include <math.h>

static volatile float F[] = { 1.5f, -2.5f, NAN, -0.0f, 0.0f, INFINITY, -INFINITY, 3e9f, -3e9f, 2.5f, 0.5f, -1e-40f };
static volatile double D[] = { 2.5, -3.5, NAN, -0.0, 0.0, INFINITY, 1e10, -2147483648.5, 0.5, 1.5, -0.5, 5e-324 };
static volatile int I[] = { 0, 1, -1, 32767, -32768, 65535, 70000, -70000, 127, -128, 255, 0x7fffffff, (int)0x80000000, 12345 };
static volatile int counts[] = { 0, 1, 7, 15, 16, 31, 32, 63, 64, 1000 };
static unsigned h = 2166136261u;

static void mix(const void *p, size_t n) { const unsigned char *b = p; while (n--) h = (h ^ *b++) * 16777619u; }
static void show(const char *what, __m128i v) {
    unsigned w[4]; memcpy(w, &v, 16); mix(w, 16);
    printf("%-10s %08x %08x %08x %08x\n", what, w[0], w[1], w[2], w[3]);
}
#define SHOW(what, v) show(what, (__m128i)(v))
static void showi(const char *what, int x) { mix(&x, 4); printf("%-10s %d\n", what, x); }

static __m128 f4(int i) { return _mm_setr_ps(F[i % 12], F[(i + 1) % 12], F[(i + 5) % 12], F[(i + 7) % 12]); }
static __m128d d2(int i) { return _mm_setr_pd(D[i % 12], D[(i + 3) % 12]); }
static __m128i i4(int i) { return _mm_setr_epi32(I[i % 14], I[(i + 3) % 14], I[(i + 6) % 14], I[(i + 9) % 14]); }
static __m128i w8(int i) { return _mm_setr_epi16(I[i % 14], I[(i + 1) % 14], I[(i + 3) % 14], I[(i + 4) % 14], I[(i + 5) % 14], I[(i + 8) % 14], I[(i + 9) % 14], I[(i + 10) % 14]); }

static void floats(int i, int j) {
    __m128 a = f4(i), b = f4(j);
    __m128d c = d2(i), d = d2(j);
    SHOW("max_ps", _mm_max_ps(a, b)); SHOW("min_ps", _mm_min_ps(a, b));
    SHOW("max_ss", _mm_max_ss(a, b)); SHOW("min_ss", _mm_min_ss(a, b));
    SHOW("max_pd", _mm_max_pd(c, d)); SHOW("min_pd", _mm_min_pd(c, d));
    SHOW("max_sd", _mm_max_sd(c, d)); SHOW("min_sd", _mm_min_sd(c, d));
    SHOW("cmpeq_ss", _mm_cmpeq_ss(a, b)); SHOW("cmplt_ss", _mm_cmplt_ss(a, b)); SHOW("cmple_ss", _mm_cmple_ss(a, b));
    SHOW("cmpgt_ss", _mm_cmpgt_ss(a, b)); SHOW("cmpge_ss", _mm_cmpge_ss(a, b)); SHOW("cmpneq_ss", _mm_cmpneq_ss(a, b));
    SHOW("cmpnlt_ss", _mm_cmpnlt_ss(a, b)); SHOW("cmpnle_ss", _mm_cmpnle_ss(a, b)); SHOW("cmpngt_ss", _mm_cmpngt_ss(a, b));
    SHOW("cmpnge_ss", _mm_cmpnge_ss(a, b)); SHOW("cmpord_ss", _mm_cmpord_ss(a, b)); SHOW("cmpunord_ss", _mm_cmpunord_ss(a, b));
    SHOW("cmpeq_sd", _mm_cmpeq_sd(c, d)); SHOW("cmplt_sd", _mm_cmplt_sd(c, d)); SHOW("cmple_sd", _mm_cmple_sd(c, d));
    SHOW("cmpgt_sd", _mm_cmpgt_sd(c, d)); SHOW("cmpge_sd", _mm_cmpge_sd(c, d)); SHOW("cmpneq_sd", _mm_cmpneq_sd(c, d));
    SHOW("cmpnlt_sd", _mm_cmpnlt_sd(c, d)); SHOW("cmpnle_sd", _mm_cmpnle_sd(c, d)); SHOW("cmpngt_sd", _mm_cmpngt_sd(c, d));
    SHOW("cmpnge_sd", _mm_cmpnge_sd(c, d)); SHOW("cmpord_sd", _mm_cmpord_sd(c, d)); SHOW("cmpunord_sd", _mm_cmpunord_sd(c, d));
    int m = _mm_comieq_ss(a, b) | _mm_comige_ss(a, b) << 1 | _mm_comigt_ss(a, b) << 2 | _mm_comile_ss(a, b) << 3
          | _mm_comilt_ss(a, b) << 4 | _mm_comineq_ss(a, b) << 5 | _mm_ucomieq_ss(a, b) << 6 | _mm_ucomige_ss(a, b) << 7
          | _mm_ucomigt_ss(a, b) << 8 | _mm_ucomile_ss(a, b) << 9 | _mm_ucomilt_ss(a, b) << 10 | _mm_ucomineq_ss(a, b) << 11
          | _mm_comieq_sd(c, d) << 12 | _mm_comige_sd(c, d) << 13 | _mm_comigt_sd(c, d) << 14 | _mm_comile_sd(c, d) << 15
          | _mm_comilt_sd(c, d) << 16 | _mm_comineq_sd(c, d) << 17 | _mm_ucomieq_sd(c, d) << 18 | _mm_ucomige_sd(c, d) << 19
          | _mm_ucomigt_sd(c, d) << 20 | _mm_ucomile_sd(c, d) << 21 | _mm_ucomilt_sd(c, d) << 22 | _mm_ucomineq_sd(c, d) << 23;
    showi("comi", m);
    showi("movmsk", _mm_movemask_ps(a) | _mm_movemask_pd(c) << 4 | _mm_movemask_epi8(_mm_castps_si128(b)) << 8);
    SHOW("rcp_ps", _mm_rcp_ps(a)); SHOW("rcp_ss", _mm_rcp_ss(b));
    SHOW("rsqrt_ps", _mm_rsqrt_ps(a)); SHOW("rsqrt_ss", _mm_rsqrt_ss(b));
}

static void conversions(int i) {
    __m128 a = f4(i); __m128d c = d2(i);
    SHOW("cvtps_epi32", _mm_cvtps_epi32(a)); SHOW("cvttps_epi32", _mm_cvttps_epi32(a));
    SHOW("cvtpd_epi32", _mm_cvtpd_epi32(c)); SHOW("cvttpd_epi32", _mm_cvttpd_epi32(c));
    SHOW("cvtpd_ps", _mm_cvtpd_ps(c)); SHOW("cvtsd_ss", _mm_cvtsd_ss(a, c));
    showi("cvtss_si32", _mm_cvtss_si32(a)); showi("cvt_ss2si", _mm_cvt_ss2si(a)); showi("cvttss_si32", _mm_cvttss_si32(a));
    showi("cvtsd_si32", _mm_cvtsd_si32(c)); showi("cvttsd_si32", _mm_cvttsd_si32(c));
}

static void integers(int i, int j) {
    __m128i a = w8(i), b = w8(j), p = i4(i), q = i4(j);
    SHOW("packs32", _mm_packs_epi32(p, q)); SHOW("packs16", _mm_packs_epi16(a, b)); SHOW("packus16", _mm_packus_epi16(a, b));
    SHOW("avg_epu8", _mm_avg_epu8(a, b)); SHOW("avg_epu16", _mm_avg_epu16(a, b));
    SHOW("madd", _mm_madd_epi16(a, b)); SHOW("mulhi", _mm_mulhi_epi16(a, b)); SHOW("mulhi_u", _mm_mulhi_epu16(a, b));
    SHOW("sad", _mm_sad_epu8(a, b));
    showi("movemask8", _mm_movemask_epi8(a));
    for (int k = 0; k < 10; k++) {
        int n = counts[k];
        __m128i cnt = _mm_cvtsi32_si128(n);
        SHOW("sll16", _mm_sll_epi16(a, cnt)); SHOW("sll32", _mm_sll_epi32(p, cnt)); SHOW("sll64", _mm_sll_epi64(p, cnt));
        SHOW("srl16", _mm_srl_epi16(a, cnt)); SHOW("srl32", _mm_srl_epi32(p, cnt)); SHOW("srl64", _mm_srl_epi64(p, cnt));
        SHOW("sra16", _mm_sra_epi16(a, cnt)); SHOW("sra32", _mm_sra_epi32(p, cnt));
        SHOW("slli16", _mm_slli_epi16(a, n)); SHOW("slli32", _mm_slli_epi32(p, n)); SHOW("slli64", _mm_slli_epi64(p, n));
        SHOW("srli16", _mm_srli_epi16(a, n)); SHOW("srli32", _mm_srli_epi32(p, n)); SHOW("srli64", _mm_srli_epi64(p, n));
        SHOW("srai16", _mm_srai_epi16(a, n)); SHOW("srai32", _mm_srai_epi32(p, n));
    }
    SHOW("slli16c", _mm_slli_epi16(a, 3)); SHOW("srai32c", _mm_srai_epi32(p, 40)); SHOW("srli64c", _mm_srli_epi64(p, 4));
}

int main(void) {
    for (int i = 0; i < 12; i++)
        for (int j = 0; j < 12; j += 5) floats(i, j);
    static const unsigned modes[] = { _MM_ROUND_NEAREST, _MM_ROUND_DOWN, _MM_ROUND_UP, _MM_ROUND_TOWARD_ZERO };
    unsigned csr = _mm_getcsr();
    for (int r = 0; r < 4; r++) {
        _mm_setcsr((csr & ~0x6000u) | modes[r]);
        showi("mxcsr_rc", (_mm_getcsr() >> 13) & 3);
        for (int i = 0; i < 12; i++) conversions(i);
    }
    _mm_setcsr(csr);
    for (int i = 0; i < 14; i++) integers(i, i + 3);
    char buf[20] = "abcdefghijklmnopqrs";
    _mm_maskmoveu_si128(_mm_set1_epi8('X'), _mm_setr_epi8(-1, 0, 0, -128, 127, 1, -1, 0, 0, 0, 0, 0, 0, 0, -1, -2), buf + 2);
    _mm_sfence(); _mm_lfence(); _mm_mfence(); _mm_pause(); _mm_clflush(buf); _mm_prefetch(buf, _MM_HINT_T0);
    printf("maskmove %s\nhash %08x\n", buf, h);
    return (int)(h & 0x7f);
}
