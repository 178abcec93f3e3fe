/* Found by the JIT differential fuzzer: seed 3339 at -O1 and -O2 (engine 3228cac).
 *
 * Mixed mode: main stays interpreted (llvm.fshl.i64), f is compiled. f returns
 * int8_t -6; cdecl's `signext i8` return has it sign-extended in EAX
 * (0xfffffffa), as compiled (and native) code leave it. The interpreter stores
 * the returned word as is, but its slots hold narrow integers zero-extended, so
 * `zext i8 %call to i32` (a no-op on its slots) yields 0xfffffffa:
 *
 *   clang-14 -m32 -msse2 -mfpmath=sse -O2 [-emit-llvm -c] narrow_return_into_interpreter.c
 *   native, bfi:        "250 -248 / 250 -248", exit 16
 *   bfi --jit=all:      "-6 8 / -6 8",         exit 16 (the exit code agrees by chance)
 *   bfi --jit-threshold 1: "250 -248 / -6 8" (f is compiled at its second call)
 *   (-O0 agrees: the value goes through an i8 alloca there)
 *
 * Both the direct call (exec.c `call_native`: `U64(1) = r`) and the call through
 * a function pointer (`calli`: `U32(1) = (uint32_t)r`) keep the sign bits. The
 * mirror of 20af830 (narrow parameters masked on entry to interpreted code): mask
 * a narrow integer result to its width where the interpreter receives it from
 * native/compiled code, e.g. in call_native
 *     Ty *rt = &e->ty[ft->elt]; if (rt->k == TK_INT && rt->w < 32) r &= (1u << rt->w) - 1;
 * and likewise in calli (its cell would need the result width, or the callee's
 * type when stub_fn finds one), and in ncall for FFI functions returning char/short.
 */
#include <stdint.h>
#include <stdio.h>

static volatile int8_t src = -6;
static uint64_t r = 0x123456789abcdefULL;
__attribute__((noinline)) static int8_t f(void) { return src; }   /* compiled */
static int8_t (*volatile fp)(void) = f;

int main(void) {
    r = (r << 13) | (r >> 51);          /* llvm.fshl.i64: keeps main interpreted */
    uint8_t v = (uint8_t)f();           /* 250 */
    int d = 2 - v;                      /* -248 */
    printf("%d %d\n", v, d);
    uint8_t w = (uint8_t)fp();          /* 250, through a function pointer */
    int e = 2 - w;
    printf("%d %d\n", w, e);
    return ((d + e) & 0xff) ^ (int)(r & 1);
}
