/* The meta kernel's application (issue 12): the engine runs the engine. The
 * native engine (the same objects as the bootstrap and jit kernels) loads
 * runtime.bc from the data volume: the guest flavour of the engine as one
 * bitcode module (engine core + JIT + cache + guest.c + guest_jit.c, built by
 * build/image-build.ts), with kernel_lib as its FFI table (guest_syms.c's, plus
 * the few kernel_lib functions runtime.bc itself imports), turns its own JIT on
 * and calls runtime.bc's app_main: that engine, interpreted and compiled by
 * this one, loads tinyllama.bc and runs it with its own JIT, as the jit kernel
 * does natively.
 *
 * Events: this (outer) engine's compiles are `compile` events with
 * "layer":"runtime" (a function of runtime.bc); the inner engine's, which
 * guest_jit.c inside runtime.bc writes, get "layer":"app" on the way through
 * event_write. */
#include "bf.h"
#include "engine.h"
#include "kernel.h"
#include "libc.h"

#define RUNTIME "runtime.bc"
#define ENTRY "app_main"
#define JIT_THRESHOLD 100 /* as guest_jit.c: the boot option jit_threshold overrides it, for both engines */

extern const bf_sym bf_kernel_syms[];
extern const int bf_kernel_nsyms;

#define TOKEN_EVENT "{\"ev\":\"token\""
#define COMPILE_EVENT "{\"ev\":\"compile\","

static uint32_t tokens; /* token events tinyllama has sent so far */

/* bf_vevent as runtime.bc calls it (guest_jit.c's program_event passes
 * tinyllama's events on through it): counts the token events. */
static void meta_vevent(const char *fmt, va_list ap)
{
    if (strncmp(fmt, TOKEN_EVENT, sizeof TOKEN_EVENT - 1) == 0)
        tokens++;
    bf_vevent(fmt, ap);
}

/* event_write as runtime.bc calls it: the inner engine's compile events say
 * which layer compiled (this engine's say "runtime"). */
static void meta_event_write(const char *s)
{
    if (strncmp(s, COMPILE_EVENT, sizeof COMPILE_EVENT - 1) == 0) {
        event_write(COMPILE_EVENT "\"layer\":\"app\",");
        s += sizeof COMPILE_EVENT - 1;
    }
    event_write(s);
}

/* What runtime.bc imports beyond what a program may call: guest_jit.c's event
 * helpers, the image's cache part and the disk, and the kernel's name. */
static const bf_sym runtime_syms[] = {
    { "bf_vevent", (void *)meta_vevent },
    { "event_write", (void *)meta_event_write },
    { "event_json_string", (void *)event_json_string },
    { "image_header", (void *)image_header },
    { "image_file_crc", (void *)image_file_crc },
    { "ata_read", (void *)ata_read },
    { "ata_write", (void *)ata_write },
    { "ata_flush", (void *)ata_flush },
    { "crc32_update", (void *)crc32_update },
    { "bf_kernel_name", (void *)bf_kernel_name },
};

static void fatal(int code, const char *msg) { bf_fail(code, "engine: %s", msg); }
static void *exec_alloc(uint32_t size) { return malloc(size); }
static uint64_t cycles(void) { return bf_cycles(); }

static void on_compile(const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes, uint32_t cyc, int osr)
{
    char text[128];
    if (nlen >= sizeof text)
        nlen = sizeof text - 1;
    memcpy(text, name, nlen);
    text[nlen] = 0;
    event_write(COMPILE_EVENT "\"layer\":\"runtime\",\"name\":");
    event_json_string(text);
    bf_event(",\"ins\":%u,\"bytes\":%u,\"cycles\":%u,\"osr\":%s,\"token\":%u,\"tsc\":%llu}", ins, bytes, cyc,
             osr ? "true" : "false", tokens, (unsigned long long)bf_cycles());
}

static uint32_t threshold(void)
{
    char text[16], *end;
    int len = bf_option("jit_threshold", text, sizeof text);
    if (len < 0)
        return JIT_THRESHOLD;
    unsigned long n = strtoul(text, &end, 10);
    if (len == 0 || len >= (int)sizeof text || *end || text[0] == '-' || text[0] == '+' || n > 0xffffffffu / 10)
        bf_fail(BF_EXIT_BAD_OPTION, "option jit_threshold: '%s' is not a whole number in [0, 429496729]", text);
    return (uint32_t)n;
}

int app_main(void)
{
    uint32_t size;
    const void *bc = bf_file(RUNTIME, &size);
    if (!bc)
        bf_fail(BF_EXIT_BAD_BITCODE, "the data volume has no %s", RUNTIME);

    /* One table: guest_syms.c's, then runtime.bc's own imports (the first
     * match wins, so bf_vevent and event_write resolve to the wrappers). */
    int n = sizeof runtime_syms / sizeof runtime_syms[0];
    bf_sym *syms = malloc((uint32_t)(n + bf_kernel_nsyms) * sizeof *syms);
    if (!syms)
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory for the FFI table");
    memcpy(syms, runtime_syms, sizeof runtime_syms);
    memcpy(syms + n, bf_kernel_syms, (uint32_t)bf_kernel_nsyms * sizeof *syms);

    bf_config cfg = { 0 };
    cfg.syms = syms;
    cfg.nsyms = n + bf_kernel_nsyms;
    cfg.exec_alloc = exec_alloc;
    cfg.fatal = fatal;
    cfg.now_us = cycles;
    cfg.on_compile = on_compile;
    int err;
    char msg[256];
    uint64_t t0 = bf_cycles();
    bf_engine *e = bf_load(bc, size, &cfg, &err, msg, sizeof msg);
    uint64_t t1 = bf_cycles();
    if (!e)
        bf_fail(err, "%s: %s", RUNTIME, msg);
    bf_stats_t st;
    bf_get_stats(e, &st);
    bf_event("{\"ev\":\"bitcode\",\"name\":\"%s\",\"bytes\":%u,\"functions\":%u,\"tsc_start\":%llu,\"tsc_end\":%llu}",
             RUNTIME, size, st.nfuncs, (unsigned long long)t0, (unsigned long long)t1);
    bf_jit_enable(e, threshold());

    uint64_t ret = 0;
    int rc = bf_call(e, ENTRY, 0, 0, &ret);
    if (rc != 0)
        bf_fail(rc, "%s: %s", RUNTIME, bf_error(e));
    bf_get_stats(e, &st);
    bf_event("{\"ev\":\"decode\",\"layer\":\"runtime\",\"functions\":%u,\"cycles\":%llu,\"memory_peak\":%u}", st.lowered,
             (unsigned long long)st.lower_us, st.mem_peak);
    return (int)(uint32_t)ret;
}
