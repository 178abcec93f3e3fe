/* Found by the JIT differential fuzzer: seed 10015 at -O3 (engine 3228cac), line-reduced.
 * An interpreter bug (lower.c), not the JIT's: plain `bfi` differs from native.
 *
 *   clang-14 -m32 -msse2 -mfpmath=sse -O3 [-emit-llvm -c] gep_fold_store_before_def.c
 *   native (and -fsanitize=undefined):  exit 0, no output
 *   bfi (interpreted):  exit 7, "error: program fault: SIGSEGV (invalid memory access)
 *                       at address 0x00000000 in 'main'"
 *   bfi --jit=all:      exit 0 (main is compiled, the interpreter's lowering is not used)
 *   -O0, -O1, -O2: all agree.
 *
 * In main at -O3 (llvm-dis), LLVM lays out the loop's latch block before the
 * block that computes the store's address:
 *
 *   6:                                   ; preds = %134, %159   <- first in block order
 *     store i8 %148, i8* %155            ; g_uint8[...] = (uint8_t)(... >= ...)
 *   ...
 *   134:
 *     %154 = select i1 %151, i32 %153, i32 7
 *     %155 = getelementptr inbounds [8 x i8], [8 x i8]* @g_uint8, i32 0, i32 %154
 *
 * The faulting instruction is the dispatch loop's indexed byte store
 * (`mov %cl, (%edx,%esi,1)`) with base 0 (read from a frame slot) and index 0.
 * lower_mem.c, GEP lowering (lower_emit_gep): a GEP whose indices are constant but the
 * last is not materialised; it records l->xb/xi/xs[k] and emits nothing, and
 * its loads/stores read base and index through ptr_of() (~line 879). The store
 * in block 6 is lowered before block 134, when l->xb[k] is still 0, so ptr_of()
 * falls back to `*base = sl(l, p, 0)`: %155's own slot, which nothing ever
 * writes (the GEP, lowered later, is folded): address 0. The fold must be
 * decided before any user is lowered (a pre-pass over the function, or fold
 * only when every use comes later in lowering order); the constant-offset fold
 * (l->gb / l->go) looks exposed the same way.
 */
#include <stdint.h>
struct S { int8_t a; uint16_t b; int32_t c; uint64_t d; float e; double f; int64_t g; uint8_t h; };
typedef uint32_t (*fn_t)(uint32_t, uint32_t);
static uint64_t ck = 0xcbf29ce484222325ULL;
static uint32_t fuel = 386u;
static void mix(uint64_t v) { ck = (ck ^ v) * 0x100000001b3ULL; ck ^= ck >> 29; }
static int16_t f2int16_d(double x) { return ((double)x > -32769.0 && (double)x < 32768.0) ? (int16_t)x : (int16_t)71; }
static int8_t f2int8_d(double x) { return ((double)x > -129.0 && (double)x < 128.0) ? (int8_t)x : (int8_t)56; }
static uint16_t f2uint16_d(double x) { return ((double)x > -1.0 && (double)x < 65536.0) ? (uint16_t)x : (uint16_t)40; }
static uint32_t f2uint32_d(double x) { return ((double)x > -1.0 && (double)x < 4294967296.0) ? (uint32_t)x : (uint32_t)95; }
static uint64_t f2uint64_f(float x) { return ((double)x > -1.0 && (double)x < 18446744073709551616.0) ? (uint64_t)x : (uint64_t)68; }
static int8_t g_int8[32] = { (int8_t)-58, (int8_t)14, (int8_t)20, (int8_t)-124, (int8_t)4, (int8_t)-76, (int8_t)-1, (int8_t)-81, (int8_t)19, (int8_t)39, (int8_t)-69, (int8_t)-67, (int8_t)-3, (int8_t)-30, (int8_t)-76, (int8_t)20, (int8_t)-74, (int8_t)-60, (int8_t)-127, (int8_t)-61, (int8_t)-54, (int8_t)-112, (int8_t)1, (int8_t)2, (int8_t)-110, (int8_t)0, (int8_t)-9, (int8_t)-117, (int8_t)22, (int8_t)-1, (int8_t)-37, (int8_t)0 };
static uint8_t g_uint8[8] = { (uint8_t)242, (uint8_t)34, (uint8_t)0, (uint8_t)233, (uint8_t)48, (uint8_t)23, (uint8_t)221, (uint8_t)242 };
static int16_t g_int16[10] = { (int16_t)16458, (int16_t)28446, (int16_t)285, (int16_t)0, (int16_t)-3185, (int16_t)26462, (int16_t)-12281, (int16_t)-7286, (int16_t)621, (int16_t)6407 };
static uint16_t g_uint16[7] = { (uint16_t)21, (uint16_t)56334, (uint16_t)23619, (uint16_t)12139, (uint16_t)37, (uint16_t)65535, (uint16_t)889 };
static int32_t g_int32[16] = { 573513206, -1152743864, 817, 278, 31, 628731766, 2147483647, 471, -13, 308431726, 78529120, 165, 643482462, -1143360071, -337874414, 401 };
static uint32_t g_uint32[8] = { 827u, 2147483648u, 664u, 855u, 621588081u, 683u, 22u, 3615297226u };
static int64_t g_int64[32] = { 6LL, 18LL, 761LL, 30LL, 2LL, 760LL, 23LL, -8LL, 177LL, 2147483648LL, 931LL, 1939446826015382733LL, 4466080063276756702LL, 9223372036854775807LL, 0LL, 0LL, 7096882156611940540LL, 33LL, -5783566499630874392LL, 786LL, 65535LL, -1622925357387406815LL, 11LL, 38LL, 1LL, 3410307438LL, -3089300640483566190LL, -9216383190459489100LL, 2147483648LL, 179LL, -5588217689315379172LL, 6LL };
static uint64_t g_uint64[8] = { 4294967295ULL, 18446744073709551603ULL, 1ULL, 343ULL, 55155079ULL, 16587802123400405413ULL, 256ULL, 449ULL };
static float g_float[32] = { -9.96875f, 3.81f, -61686.51f, -62.28125f, 1323.705f, 1033503.881f, 9.125f, 0.1f, -18.0f, -34897.39f, 0.0f, 7.78f, 17819.527f, -52.90625f, 840974.393f, -11.0f, 4.30f, -36016.91f, -46219.81f, 2.5f, 2.23f, -22.0f, -59.734375f, 6.90f, -3.5e-5f, 9.66f, -18.0f, 9.7f, 5.96f, 8.16f, 14.0f, 1.328125f };
static double g_double[7] = { 335446.800, 3.65, -9154.90, 878714.637, 1.65625, -54812.26, 65536.0 };
static uint64_t gv0 = 867116136ULL;
static double gv1 = 9.91;
static int64_t gv2 = -2153745461773084058LL;
static struct S gs[4] = {
};
static uint32_t t0(uint32_t x, uint32_t y) {
  uint32_t t = (uint32_t)(~(uint32_t)((uint32_t)__builtin_popcount((uint32_t)(x))));
  return (uint32_t)t ^ y;
}
static uint32_t t1(uint32_t x, uint32_t y) {
  int32_t t = (uint32_t)((uint32_t)((uint32_t)((y) == 0 ? (uint32_t)(y) : (uint32_t)(y) / (uint32_t)(y))) + (uint32_t)((uint32_t)((uint32_t)((uint32_t)((uint32_t)((y)) >> ((uint32_t)(gs[((uint32_t)(3415297983u) & 3u)].b) & 31u))) | (uint32_t)(y))));
  return (uint32_t)t ^ x;
}
static uint32_t t2(uint32_t x, uint32_t y) {
  uint32_t t = x;
  return (uint32_t)t ^ (uint32_t)((uint32_t)(((x) < (g_uint32[((uint32_t)(y) & 7u)]) ? (x) : (g_uint32[((uint32_t)(y) & 7u)]))) | (uint32_t)(x));
}
static fn_t tab[3] = { t0, t1, t2 };
static int64_t rec(uint32_t d, int64_t x, double z) {
  int64_t r = rec(d - 1, (int64_t)((uint64_t)((int64_t)((uint64_t)0 - (uint64_t)(x))) & (uint64_t)((int64_t)__builtin_clz((uint32_t)(g_int64[18]) | 1u))), (double)((int16_t)(((uint32_t)(g_int16[((uint32_t)(x) % 10u)]) << 30) | ((uint32_t)((uint16_t)(g_int16[((uint32_t)(x) % 10u)])) >> 2))));
  return r;
}
static float f5(int16_t a0, int16_t a1, uint64_t a2, int64_t *pa, struct S *ps) {
  int8_t v8 = (int8_t)87;
  gv1 = (double)(a0);
  if ((int8_t)__builtin_bswap32((uint32_t)((int8_t)-1)) > (int8_t)(~(uint32_t)(v8))) {
  }
  { int32_t i11 = 54; do {
    switch ((uint64_t)((uint8_t)((uint32_t)0 - (uint32_t)((uint8_t)((uint32_t)((uint8_t)25) ^ (uint32_t)((uint8_t)0))))) % 13u) {
    }
  } while (--i11 > 0 && (!((uint16_t)(~(uint32_t)((uint16_t)0)) <= (uint16_t)171))); }
  return (float)((-(g_float[3])) / (float)(g_float[24] / ps->e));
}
static int64_t f3(double a0, uint32_t a1, fn_t fp) {
  int32_t v21 = (int32_t)((gs[1].e != g_float[((uint32_t)((uint8_t)((uint32_t)(((uint8_t)33)) >> ((uint32_t)(g_int16[6]) & 31u))) & 31u)]));
  for (uint64_t i22 = 0; i22 < 570; i22 += 3) {
    for (uint64_t i23 = 0; i23 < 20; i23 += 2) {
    }
    if ((((double)(g_uint64[5]) > gs[2].f) ? g_int16[1] : (int16_t)(~(uint32_t)(f2int16_d(gv1)))) <= g_int16[((uint32_t)((uint16_t)((uint32_t)(g_uint16[6]) + (uint32_t)(g_uint16[6]))) % 10u)]) {
      mix((uint64_t)(g_int16[((uint32_t)(g_uint8[((uint32_t)((uint16_t)__builtin_ctz((uint32_t)((uint16_t)60189) | (1u << 31))) & 7u)]) % 10u)]));
    }
  }
  return (int64_t)(!(gs[((uint32_t)((int32_t)((uint32_t)(v21) * (uint32_t)(v21))) & 3u)].g <= ((9223372036854775807LL) < (gv2) ? (9223372036854775807LL) : (gv2))));
}
static uint16_t f2(void) {
  if (fuel == 0) return (uint16_t)29958;
  fuel--;
  int32_t v28 = (int32_t)((uint32_t)(g_int32[13]) | (uint32_t)(g_int32[((uint32_t)((int8_t)(((int8_t)-22) == 0 ? (g_int8[((uint32_t)(gv2) & 31u)]) : (g_int8[((uint32_t)(gv2) & 31u)]) / ((int8_t)-22))) & 15u)]));
  int64_t v29 = 2861986416736687738LL;
  double v30 = 5.85;
  if (((uint64_t)((uint64_t)(gv0) * (uint64_t)((uint64_t)(!(g_uint8[((uint32_t)((uint16_t)((g_uint16[((uint32_t)((int16_t)__builtin_bswap32((uint32_t)(g_int16[((uint32_t)((uint8_t)(((uint32_t)(g_uint8[((uint32_t)(gv2) & 7u)]) << 1) | ((uint32_t)((g_uint8[((uint32_t)(gv2) & 7u)])) >> 31))) % 10u)]))) % 7u)] < g_uint16[((uint32_t)((int16_t)(~(uint32_t)(g_int16[((uint32_t)(g_uint16[((uint32_t)(v29) % 7u)]) % 10u)]))) % 7u)]))) & 7u)] != g_uint8[((uint32_t)((int32_t)(((uint32_t)(v28) << 19) | ((uint32_t)((uint32_t)(v28)) >> 13))) & 7u)])))) == (uint64_t)((uint64_t)0 - (uint64_t)(g_uint64[((uint32_t)((uint8_t)__builtin_clz((uint32_t)((uint8_t)21) | 1u)) & 7u)]))) || (g_uint16[1] >= g_uint16[((uint32_t)((uint16_t)(((uint32_t)((uint16_t)18114) << 25) | ((uint32_t)(((uint16_t)18114)) >> 7))) % 7u)])) {
    for (int16_t i31 = 0; i31 < 38; i31 += 2) {
      { uint16_t *q32 = &g_uint16[0]; *q32 = (uint16_t)((uint32_t)*q32 + (uint32_t)(f2uint16_d(v30))); mix((uint64_t)(*q32)); }
      gv0 = f2uint64_f(f5(i31, (int16_t)(v28), g_uint64[5], g_int64, &gs[0]));
    }
  }
  switch ((uint32_t)((uint16_t)((__builtin_sqrt(v30) > (double)(v30 * g_double[((uint32_t)(g_uint16[((uint32_t)(g_int16[6]) % 7u)]) % 7u)])))) % 13u) {
  case 0: ;
    v28 = (int32_t)(f3(g_double[((uint32_t)((uint8_t)(~(uint32_t)(g_uint8[((uint32_t)(g_uint64[1]) & 7u)]))) % 7u)], (uint32_t)(((uint32_t)(1259577029u) << 31) | ((uint32_t)((1259577029u)) >> 1)), tab[1]));
  }
  return (uint16_t)(!((uint16_t)35594) || ((uint16_t)23228) > (uint16_t)57278);
}
int main(void) {
  float v45 = 50.0f;
  int8_t v46 = (int8_t)-11;
  { uint32_t i49 = 0; while (i49 < 71) {
    i49++;
    v45 = (float)(f2());
    for (uint32_t i51 = 0; i51 < 22; i51 += 1) {
      if ((uint64_t)(g_int16[((uint32_t)((int64_t)((uint64_t)(gv2) | (uint64_t)(gv2))) % 10u)]) < gv0) {
      }
      g_uint8[((uint32_t)(f2uint32_d(gv1)) & 7u)] = (uint8_t)(((uint64_t)(f2int8_d(gv1)) >= (uint64_t)((uint64_t)0 - (uint64_t)(gv0))));
      if (((double)((-(gv1)) * gv1) < (double)(g_double[4] - 0.0)) || (i49 != i49)) {
        mix(ck >> 7);
      }
    }
  } }
  if (g_uint8[((uint32_t)(g_uint8[0]) & 7u)] > (uint8_t)((uint32_t)(g_uint8[((uint32_t)((int16_t)((uint32_t)0 - (uint32_t)(g_int16[6]))) & 7u)]) ^ (uint32_t)(g_uint8[((uint32_t)((uint32_t)((uint32_t)(g_uint32[((uint32_t)((int8_t)__builtin_clzll((uint64_t)(v46) | 1ULL)) & 7u)]) << ((uint32_t)(g_uint16[((uint32_t)(gs[((uint32_t)((uint16_t)((uint32_t)((g_uint16[((uint32_t)((int16_t)((uint32_t)0 - (uint32_t)((int16_t)(gv2)))) % 7u)])) >> ((uint32_t)(gv2) & 31u))) & 3u)].d) % 7u)]) & 31u))) & 7u)]))) {
  }
}
