/* The bootstrap kernel's application: loads tinyllama.bc from the data volume
 * and runs its app_main() under the engine, with kernel_lib as the FFI table.
 * Everything the bitcode calls resolves here by name; an unknown name fails the
 * load (BF_EXIT_UNRESOLVED) before anything runs. The jit kernel runs the same
 * code plus guest_jit.c, which turns the JIT on. */
#include "bf.h"
#include "engine.h"
#include "libc.h"

#define PROGRAM "tinyllama.bc"
#define ENTRY "app_main"

/* The FFI table: kernel_lib by name (guest_syms.c). */
extern const bf_sym bf_kernel_syms[];
extern const int bf_kernel_nsyms;

/* An engine error inside a callback from native code (qsort's comparator)
 * cannot unwind through the native frames: end the run with the message. */
static void fatal(int code, const char *msg) { bf_fail(code, "engine: %s", msg); }

/* Paging maps all memory writable and executable (32-bit paging without PAE
 * has no NX bit), so trampolines and the JIT's code live in the kernel heap. */
static void *exec_alloc(uint32_t size) { return malloc(size); }

/* "Microseconds" for the engine's lowering timer: TSC cycles here, reported as such. */
static uint64_t cycles(void) { return bf_cycles(); }

/* Defined by guest_jit.c, which only the jit kernel links; null in the bootstrap. */
void guest_jit_config(bf_config *cfg) __attribute__((weak));
void guest_jit_start(bf_engine *e) __attribute__((weak));
void guest_jit_finish(bf_engine *e) __attribute__((weak));

int app_main(void)
{
    uint32_t size;
    const void *bc = bf_file(PROGRAM, &size);
    if (!bc)
        bf_fail(BF_EXIT_BAD_BITCODE, "the data volume has no %s", PROGRAM);

    bf_config cfg = { 0 };
    cfg.syms = bf_kernel_syms;
    cfg.nsyms = bf_kernel_nsyms;
    cfg.exec_alloc = exec_alloc;
    cfg.fatal = fatal;
    cfg.now_us = cycles;
    if (guest_jit_config)
        guest_jit_config(&cfg);
    int err;
    char msg[256];
    uint64_t t0 = bf_cycles();
    bf_engine *e = bf_load(bc, size, &cfg, &err, msg, sizeof msg);
    uint64_t t1 = bf_cycles();
    if (!e)
        bf_fail(err, "%s: %s", PROGRAM, msg);
    bf_stats_t st;
    bf_get_stats(e, &st);
    bf_event("{\"ev\":\"bitcode\",\"name\":\"%s\",\"bytes\":%u,\"functions\":%u,\"tsc_start\":%llu,\"tsc_end\":%llu}",
             PROGRAM, size, st.nfuncs, (unsigned long long)t0, (unsigned long long)t1);
    if (guest_jit_start)
        guest_jit_start(e);

    uint64_t ret = 0;
    int rc = bf_call(e, ENTRY, 0, 0, &ret);
    if (rc != 0)
        bf_fail(rc, "%s: %s", PROGRAM, bf_error(e));
    bf_get_stats(e, &st);
    bf_event("{\"ev\":\"decode\",\"functions\":%u,\"cycles\":%llu,\"memory_peak\":%u}", st.lowered,
             (unsigned long long)st.lower_us, st.mem_peak);
    if (guest_jit_finish)
        guest_jit_finish(e); /* saves what the JIT compiled to the image's cache */
    return (int)(uint32_t)ret;
}
