/* Loading and running a bitcode file from the data volume, for every engine
 * kernel: the bootstrap and jit kernels run tinyllama.bc (guest.c), the meta
 * kernel runs runtime.bc (guest_meta.c), and runtime.bc, which holds this file
 * too, runs tinyllama.bc. Everything the bitcode calls resolves by name; an
 * unknown name fails the load (BF_EXIT_UNRESOLVED) before anything runs. */
#include "bf.h"
#include "guest.h"
#include "kernel.h"
#include "libc.h"

#define ENTRY "app_main"

/* An engine error inside a callback from native code (qsort's comparator)
 * cannot unwind through the native frames: end the run with the message. */
static void fatal(int code, const char *msg) { bf_fail(code, "engine: %s", msg); }

/* Paging maps all memory writable and executable (32-bit paging without PAE
 * has no NX bit), so trampolines and the JIT's code live in the kernel heap. */
static void *exec_alloc(uint32_t size) { return malloc(size); }

/* "Microseconds" for the engine's lowering timer: TSC cycles here, reported as such. */
static uint64_t cycles(void) { return bf_cycles(); }

/* Defined by guest_jit.c, which only the jit kernel and runtime.bc link; null elsewhere. */
void guest_jit_config(bf_config *cfg) __attribute__((weak));
void guest_jit_start(bf_engine *e) __attribute__((weak));
void guest_jit_finish(bf_engine *e) __attribute__((weak));

int guest_run(const char *program, const bf_sym *syms, int nsyms, const char *layer)
{
    uint32_t size;
    const void *bc = bf_file(program, &size);
    if (!bc)
        bf_fail(BF_EXIT_BAD_BITCODE, "the data volume has no %s", program);

    bf_config cfg = { 0 };
    cfg.syms = syms;
    cfg.nsyms = nsyms;
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
        bf_fail(err, "%s: %s", program, msg);
    bf_stats_t st;
    bf_get_stats(e, &st);
    bf_event("{\"ev\":\"bitcode\",\"name\":\"%s\",\"bytes\":%u,\"functions\":%u,\"tsc_start\":%llu,\"tsc_end\":%llu}",
             program, size, st.nfuncs, (unsigned long long)t0, (unsigned long long)t1);
    if (guest_jit_start)
        guest_jit_start(e);

    uint64_t ret = 0;
    int rc = bf_call(e, ENTRY, 0, 0, &ret);
    if (rc != 0)
        bf_fail(rc, "%s: %s", program, bf_error(e));
    bf_get_stats(e, &st);
    event_write("{\"ev\":\"decode\",");
    if (layer) {
        event_write("\"layer\":");
        event_json_string(layer);
        event_write(",");
    }
    bf_event("\"functions\":%u,\"cycles\":%llu,\"memory_peak\":%u}", st.lowered, (unsigned long long)st.lower_us, st.mem_peak);
    if (guest_jit_finish)
        guest_jit_finish(e); /* saves what the JIT compiled to the image's cache */
    return (int)(uint32_t)ret;
}
