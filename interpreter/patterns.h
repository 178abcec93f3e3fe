/* IR patterns: whole loops a backend runs as one unit, recognised on the
 * function IR (fn_parse's output) so that the interpreter's lowering and the
 * JIT fuse exactly the same code. A pattern names the IR values it reads and
 * writes; each backend decides how to run it. */
#ifndef BF_PATTERNS_H
#define BF_PATTERNS_H
#include "internal.h"

/* A dot-product loop: block `bb` branches to itself and to `exit`, and each
 * pass is
 *     for k in 0 .. unroll-1:  sum(k) = sum(k) + a[x + k + off] * b[x + k]
 *     x += unroll;  n += step;  leave when (n == end) == leave_if_equal
 * where a[i] and b[i] may also be a column or a row of a two-dimensional
 * array (strided: b[i][j] with j invariant, a[r][i] with r invariant; a
 * matrix product's inner loop): element i of a is at
 *     a + a_row * a_row_size + (i + off) * a_stride
 * and the same for b (b has no off; a has none when it is strided).
 * Floats and doubles: one sum (sum(k) = acc[0]), each product and sum
 * rounded on its own, in this order (fmul then fadd, or llvm.fmuladd, which
 * LLVM leaves unfused without FMA hardware).
 * Integers: elements of 1, 2 or 4 bytes (i8 and i16 sign- or zero-extended to
 * i32), products and sums wrapping mod 2^32, so that any order gives the same
 * sums; the vectoriser's shape: nsums accumulators (phis) of `lanes` i32
 * lanes each (i32 or <lanes x i32>), element k of a pass summed in lane
 * k % lanes of acc[(k / lanes) % nsums] (unroll a multiple of nsums * lanes).
 * An operand is a scalar load, a vector load of consecutive elements, or a
 * vector built by insertelements of scalar loads (a gathered column).
 * `x + k` is `or x, k` or `add x, k` in the IR (or only when x stays a
 * multiple of unroll). Nothing else happens in the block: no stores, no
 * calls, and no value of the block is used elsewhere except x_next, n_next
 * and acc_next: a backend only has to write those when it leaves.
 * n is x (and step is unroll) when the exit test reads the index. */
#define MAX_DOT_SUMS 4
typedef struct DotLoop {
    uint32_t bb, exit;
    uint32_t unroll;
    int dbl;                    /* double elements (8 bytes), else float (4) or integer */
    int integer;                /* integer elements and sums (i32 lanes) */
    uint32_t a_size, b_size;    /* bytes per element: 4 or 8 (floats), 1, 2 or 4 (integers) */
    int a_signed, b_signed;     /* an i8/i16 element is sign-extended (else zero-extended) */
    uint32_t a, off, b;         /* the arrays (invariant pointers) and a's offset (invariant i32, or NOTY) */
    uint32_t a_stride, b_stride;        /* bytes from element i to i + 1: the element's size, or a row's */
    uint32_t a_row, b_row;              /* the invariant other index of a two-dimensional access, or NOTY */
    uint32_t a_row_size, b_row_size;    /* bytes per unit of a_row / b_row */
    uint32_t x, x_next;         /* the index: the phi and its value after a pass */
    uint32_t n, n_next;         /* the counter the exit test reads */
    uint32_t step;              /* n's increment (a constant) */
    uint32_t end;               /* what n_next is compared with (invariant) */
    int leave_if_equal;
    uint32_t nsums, lanes;      /* accumulators, and lanes of each (floats: 1 and 1) */
    uint32_t acc[MAX_DOT_SUMS], acc_next[MAX_DOT_SUMS];   /* the sums: the phis and their values after a pass */
} DotLoop;

/* Is d's every element next to the one before (no strides, no rows)? */
static inline int dot_loop_contiguous(const DotLoop *d) {
    return d->a_stride == d->a_size && d->b_stride == d->b_size && d->a_row == NOTY && d->b_row == NOTY;
}
/* which dot-product loops a backend takes (match_dot_loop(s)' `only`) */
enum { DOT_CONTIGUOUS_ONLY = 1, DOT_FLOATS_ONLY = 2 };
/* 1 when block bb of ir is a dot-product loop (filled in *d), else 0;
 * `only`: DOT_* flags leaving out the loops a backend does not take. */
int match_dot_loop(E *e, const FnIR *ir, uint32_t bb, DotLoop *d, int only);
/* Every block of ir at once (d: ir->nbb entries): d[bb].unroll is 0 unless
 * block bb is a dot-product loop; what is used after the loops is found in
 * one scan of the function (match_dot_loop makes one per block). Returns
 * how many blocks are, or -1 (out of memory). */
int match_dot_loops(E *e, const FnIR *ir, DotLoop *d, int only);

/* A multiply-add loop over two arrays (BLAS's axpy: y[i] += a * x[i]):
 * block bb branches to itself and to `exit`, and each pass is
 *     for k in 0 .. unroll-1:  ys[x + k] = a[k % lanes] * xs[x + k] + ys[x + k]
 *     x += unroll;  n += step;  leave when n == end
 * each product and sum rounded on its own (fmul then fadd, or llvm.fmuladd),
 * in groups of `lanes` elements (scalars, or vectors of `lanes` floats or
 * doubles, each group loading its two elements before storing one). a is
 * invariant (a scalar, or a vector whose lane l multiplies the group's lane
 * l). Element i of xs is at xs + xs_row * xs_row_size + i * size (size 4 or
 * 8), the same for ys. The IR orders the loads and stores of a pass in its
 * own way: a backend may run the elements one after another only when the
 * elements xs and ys cover in the whole loop do not overlap (or are the
 * same), and must run the IR's order otherwise. Nothing else happens in the
 * block, and only x_next and n_next are used after it. */
typedef struct AxpyLoop {
    uint32_t bb, exit;
    uint32_t unroll, lanes;
    int dbl;                            /* double elements (8 bytes), else float (4) */
    uint32_t a;                         /* the factor (invariant) */
    uint32_t xs, xs_row, xs_row_size;   /* the array read: base, invariant row index (NOTY: none) and bytes per row */
    uint32_t ys, ys_row, ys_row_size;   /* the array updated */
    uint32_t x, x_next;                 /* the index: the phi and its value after a pass */
    uint32_t n, n_next, step, end;      /* the counter the exit test reads, its increment (constant) and bound */
} AxpyLoop;
/* Every block of ir (d: ir->nbb entries): d[bb].unroll is 0 unless block bb
 * is a multiply-add loop. Returns how many blocks are. */
int match_axpy_loops(E *e, const FnIR *ir, AxpyLoop *d);

#endif
