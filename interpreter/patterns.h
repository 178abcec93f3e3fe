/* IR patterns: whole loops a backend runs as one unit, recognised on the
 * function IR (fn_parse's output) so that the interpreter's lowering and the
 * JIT fuse exactly the same code. A pattern names the IR values it reads and
 * writes; each backend decides how to run it. */
#ifndef BF_PATTERNS_H
#define BF_PATTERNS_H
#include "internal.h"

/* A dot-product loop: block `bb` branches to itself and to `exit`, and each
 * pass is
 *     for k in 0 .. unroll-1:  acc = acc + a[x + k + off] * b[x + k]
 *     x += unroll;  n += step;  leave when (n == end) == leave_if_equal
 * with each product and sum rounded on its own, in this order (fmul then
 * fadd, or llvm.fmuladd, which LLVM leaves unfused without FMA hardware).
 * `x + k` is `or x, k` or `add x, k` in the IR (or only when x stays a
 * multiple of unroll). Nothing else happens in the block: no stores, no
 * calls, and no value of the block is used elsewhere except x_next, n_next
 * and acc_next: a backend only has to write those three when it leaves.
 * n is x (and step is unroll) when the exit test reads the index. */
typedef struct DotLoop {
    uint32_t bb, exit;
    uint32_t unroll;
    int dbl;                    /* double elements (8 bytes), else float (4) */
    uint32_t a, off, b;         /* the arrays (invariant pointers) and a's offset (invariant i32, or NOTY) */
    uint32_t x, x_next;         /* the index: the phi and its value after a pass */
    uint32_t n, n_next;         /* the counter the exit test reads */
    uint32_t step;              /* n's increment (a constant) */
    uint32_t end;               /* what n_next is compared with (invariant) */
    int leave_if_equal;
    uint32_t acc, acc_next;     /* the sum: the phi and its value after a pass */
} DotLoop;

/* 1 when block bb of ir is a dot-product loop (filled in *d), else 0. */
int match_dot_loop(E *e, const FnIR *ir, uint32_t bb, DotLoop *d);
/* Every block of ir at once (d: ir->nbb entries): d[bb].unroll is 0 unless
 * block bb is a dot-product loop; what is used after the loops is found in
 * one scan of the function (match_dot_loop makes one per block). Returns
 * how many blocks are, or -1 (out of memory). */
int match_dot_loops(E *e, const FnIR *ir, DotLoop *d);

#endif
