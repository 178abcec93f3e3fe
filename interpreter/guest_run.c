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

/* Defined by guest_jit.c, which only the jit kernel and runtime.bc link, and
 * in the meta kernel by guest_meta.c (its JIT is runtime.bc's); null elsewhere. */
void guest_jit_config(bf_config *cfg) __attribute__((weak));
void guest_jit_start(bf_engine *e) __attribute__((weak));
void guest_jit_finish(bf_engine *e) __attribute__((weak));
/* guest_self.c, in runtime.bc only: hands runtime.bc's JIT to the meta kernel's bootstrap. */
void guest_self_start(void) __attribute__((weak));

/* Boot option jit_layers: the comma-separated layers whose functions get
 * compiled, of "runtime" (runtime.bc's, in a meta boot) and "app"
 * (tinyllama's); all of them when it is not given. */
static int jit_layer_on(const char *layer)
{
    char text[64];
    int len = bf_option("jit_layers", text, sizeof text);
    if (len < 0)
        return 1;
    if (len >= (int)sizeof text)
        bf_fail(BF_EXIT_BAD_OPTION, "option jit_layers: longer than %u bytes", (unsigned)sizeof text - 1);
    int on = 0;
    for (char *name = text, *end; *name; name = *end ? end + 1 : end) {
        end = strchr(name, ',');
        if (!end)
            end = name + strlen(name);
        uint32_t n = (uint32_t)(end - name);
        if (!((n == 3 && strncmp(name, "app", 3) == 0) || (n == 7 && strncmp(name, "runtime", 7) == 0)))
            bf_fail(BF_EXIT_BAD_OPTION, "option jit_layers: '%s' is not a list of runtime, app", text);
        on |= n == strlen(layer) && strncmp(name, layer, n) == 0;
    }
    return on;
}

int guest_run(const char *program, const bf_sym *syms, int nsyms, const char *layer)
{
    uint32_t size;
    const void *bc = bf_file(program, &size);
    if (!bc)
        bf_fail(BF_EXIT_BAD_BITCODE, "the data volume has no %s", program);

    int jit = jit_layer_on(layer ? layer : "app");
    bf_config cfg = { 0 };
    cfg.syms = syms;
    cfg.nsyms = nsyms;
    cfg.exec_alloc = exec_alloc;
    cfg.fatal = fatal;
    cfg.now_us = bf_cycles;   /* "microseconds" of the engine's timers: TSC cycles here, reported as such (in runtime.bc: a
                                 native call, no interpreted wrapper around it at each switch of the time split) */
    uint32_t checked_size;                 /* bf_file checked the bytes against this CRC: the cache key need not recompute it */
    if (image_file_crc(program, &cfg.module_crc32, &checked_size) != 0 || checked_size != size)
        cfg.module_crc32 = 0;
    if (guest_jit_config && jit)
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
    if (guest_jit_start && jit)
        guest_jit_start(e);
    /* Only now, in a meta boot, the bootstrap gets runtime.bc's compiled code and
       its JIT: until tinyllama's engine has taken its memory and its cache key
       (whose layout field holds where its globals are), cold and warm boots
       allocate alike, so code cached for this layout loads in the warm one. */
    if (guest_self_start)
        guest_self_start();

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
    if (guest_jit_finish && jit)
        guest_jit_finish(e); /* saves what the JIT compiled to the image's cache */
    return (int)(uint32_t)ret;
}
