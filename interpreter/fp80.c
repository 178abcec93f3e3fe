/* long double (x86_fp80): 10 bytes (64-bit mantissa, 15-bit exponent, sign) in a
 * 16-byte frame slot, 12 bytes in memory (i386: size 12, align 4). This file's C
 * `long double` is the same type, so clang computes it with the same x87 instructions
 * (and precision control) it uses for the native program: results are bit-identical.
 * Lowering calls fp80_run through `ncall`; frem is the C library's fmodl, as natively. */
#include "internal.h"

static long double get(const uint8_t *p) { long double x = 0; memcpy(&x, p, 10); return x; }
static void put(uint8_t *p, long double x) { memset(p, 0, 16); memcpy(p, &x, 10); }

/* op on the slots at fp + a, b; the result to fp + d (a compare: b2 is the fcmp predicate) */
void fp80_run(uint8_t *fp, int32_t d, int32_t a, int32_t b, uint32_t op) {
    uint8_t *r = fp + d, *x = fp + a, *y = fp + b;
    switch (op) {
    case F80_ADD: put(r, get(x) + get(y)); return;
    case F80_SUB: put(r, get(x) - get(y)); return;
    case F80_MUL: put(r, get(x) * get(y)); return;
    case F80_DIV: put(r, get(x) / get(y)); return;
    case F80_NEG: put(r, -get(x)); return;
    case F80_ABS: put(r, __builtin_fabsl(get(x))); return;
    case F80_FROM_F32: { float f; memcpy(&f, x, 4); put(r, f); return; }
    case F80_FROM_F64: { double f; memcpy(&f, x, 8); put(r, f); return; }
    case F80_FROM_S32: { int32_t i; memcpy(&i, x, 4); put(r, i); return; }
    case F80_FROM_U32: { uint32_t i; memcpy(&i, x, 4); put(r, i); return; }
    case F80_FROM_S64: { int64_t i; memcpy(&i, x, 8); put(r, i); return; }
    case F80_FROM_U64: { uint64_t i; memcpy(&i, x, 8); put(r, i); return; }
    }
    uint64_t out = 0;                                    /* scalar results, zero-extended in their 8-byte slots */
    switch (op) {
    case F80_TO_F32: { float f = (float)get(x); memcpy(&out, &f, 4); break; }
    case F80_TO_F64: { double f = (double)get(x); memcpy(&out, &f, 8); break; }
    case F80_TO_S32: out = (uint32_t)(int32_t)get(x); break;
    case F80_TO_U32: out = (uint32_t)get(x); break;
    case F80_TO_S64: out = (uint64_t)(int64_t)get(x); break;
    case F80_TO_U64: out = (uint64_t)get(x); break;
    default: {                                           /* F80_CMP + fcmp predicate (1..14) */
        long double p = get(x), q = get(y);
        int uno = p != p || q != q, rel;
        switch ((op - F80_CMP) & 7) {
        case 1: rel = p == q; break;  case 2: rel = p > q; break;  case 3: rel = p >= q; break;
        case 4: rel = p < q; break;   case 5: rel = p <= q; break; case 6: rel = p != q; break;
        default: rel = 0; break;                         /* ord (7) and uno (8, 0 mod 8) test only uno */
        }
        int pred = (int)(op - F80_CMP);
        out = pred == 7 ? !uno : pred == 8 ? uno : pred < 8 ? !uno && rel : uno || rel;
    }
    }
    memcpy(r, &out, 8);
}
