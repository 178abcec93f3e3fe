/* The bootstrap and jit kernels' application (and runtime.bc's): runs
 * tinyllama.bc under the engine, with kernel_lib as the FFI table. The jit
 * kernel runs the same code plus guest_jit.c, which turns the JIT on. */
#include "guest.h"

int app_main(void) { return guest_run("tinyllama.bc", bf_kernel_syms, bf_kernel_nsyms, 0); }
