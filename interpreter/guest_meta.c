/* The meta kernel's application (issue 12): the engine runs the engine. This
 * bootstrap is the engine's interpreter without an emitter (build/image-build.ts):
 * it loads runtime.bc from the data volume, the guest flavour of the engine as
 * one bitcode module (engine core + JIT + cache + guest.c + guest_jit.c +
 * guest_self.c), with kernel_lib as its FFI table (guest_syms.c's, plus the
 * few kernel_lib functions runtime.bc itself imports), and interprets its
 * app_main: that engine loads tinyllama.bc and runs it with its own JIT, as
 * the jit kernel does natively, so tinyllama's hot functions run native.
 *
 * The bootstrap's JIT is runtime.bc's: at start runtime.bc registers its
 * compiler (guest_self.c, bf_meta_register below), and from then on the
 * bootstrap's JIT driver hands it each function of runtime.bc called
 * RUNTIME_THRESHOLD times (or a loop taken RUNTIME_LOOP_THRESHOLD times: OSR), places
 * the code it returns against the bootstrap's instance of runtime.bc (its
 * relocations) and calls it from then on. So runtime.bc's JIT compiles its
 * own hot functions, first running interpreted, then, once they are compiled,
 * native. Boot option jit_layers (guest_run.c) turns either layer off.
 *
 * Events: each compile event says its layer ("runtime": a function of
 * runtime.bc, "app": of tinyllama.bc, both compiled by runtime.bc's JIT) and
 * by which JIT: "interpreted" while the JIT's compile function still runs in
 * the bootstrap's interpreter, "native" once it was compiled itself. */
#include "bf.h"
#include "guest.h"
#include "kernel.h"
#include "libc.h"

#define RUNTIME "runtime.bc"
#define TOKEN_EVENT "{\"ev\":\"token\""

/* Calls of a function of runtime.bc before runtime.bc's JIT compiles it, and
 * back-edges of one of its loops before the bootstrap enters it compiled (OSR;
 * boot option runtime_loop_threshold). The loops that get there are the JIT's
 * own (regalloc's liveness, while it compiles forward) and the dispatch loop
 * (exec.c's run: one loop, each dispatch counted), entered once: compiled, the
 * rest of tinyllama's interpreted work runs native. Compiling run (8,040 IR
 * instructions) with the interpreted JIT costs ~1.7G instructions, more than
 * it saves in a boot: a stories260K boot dispatches between 100,000 (by its
 * first token) and 300,000 (64 steps) times, so by default it is not reached.
 * The app layer's thresholds are the jit kernel's (boot option jit_threshold). */
#define RUNTIME_THRESHOLD 10000
#define RUNTIME_LOOP_THRESHOLD (30 * RUNTIME_THRESHOLD)

/* The CRC-32 of the runtime.bc this kernel was built with (build/image-build.ts generates it). */
extern const uint32_t bf_runtime_crc32;

static bf_engine *engine;   /* the bootstrap's, running runtime.bc */
static uint32_t tokens;     /* token events the program sent */

/* Which JIT compiles: runtime.bc's emitter (its compile function), interpreted or compiled. */
static const char *compiled_by(void) { return engine && bf_jit_compiled(engine, "compile") ? "native" : "interpreted"; }

/* bf_vevent as runtime.bc calls it for tinyllama: counts the token events. */
static void meta_vevent(const char *fmt, va_list ap)
{
    int token = strncmp(fmt, TOKEN_EVENT, sizeof TOKEN_EVENT - 1) == 0;
    bf_vevent(fmt, ap);
    if (!token)
        return;
    tokens++;
    if (engine) {              /* the bootstrap's split: runtime.bc interpreted, or native */
        uint64_t interpreting, native;
        bf_time_split(engine, &interpreting, &native);
        event_split("runtime", tokens, interpreting, native);
    }
}

/* Compile events say which layer's function went native and which JIT
 * compiled it: runtime.bc's emitter running interpreted, or compiled. */
static void layered_compile_event(const char *layer, const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes,
                                  uint32_t cycles, int osr, uint32_t token)
{
    char fields[64];
    snprintf(fields, sizeof fields, "\"layer\":\"%s\",\"by\":\"%s\",", layer, compiled_by());
    event_compile(fields, name, nlen, ins, bytes, cycles, osr, token);
}

/* event_compile as runtime.bc calls it: a function of tinyllama.bc went native. */
static void app_compile_event(const char *fields, const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes,
                              uint32_t cycles, int osr, uint32_t token)
{
    (void)fields;
    layered_compile_event("app", name, nlen, ins, bytes, cycles, osr, token);
}

/* The bootstrap's own compile events: a function of runtime.bc went native. */
static void on_runtime_compile(const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes, uint32_t cycles, int osr)
{
    layered_compile_event("runtime", name, nlen, ins, bytes, cycles, osr, tokens);
}

/* runtime.bc's engine must read and write this one's structures as they are. */
static void check_layout(uint32_t layout)
{
    if (layout != bf_engine_layout())
        bf_fail(BF_EXIT_BAD_BITCODE, RUNTIME ": its engine's structures (layout %08x) are not this bootstrap's (%08x)",
                layout, bf_engine_layout());
}

/* runtime.bc asks for the engine running it (guest_self.c): it loads its own
 * compiled functions from the image's cache into it, and saves them there. */
static bf_engine *bf_meta_engine(uint32_t layout)
{
    check_layout(layout);
    return engine;
}

/* runtime.bc hands over its JIT (guest_self.c): from now on its hot functions
 * are compiled. It reads boot option runtime_loop_threshold (guest_jit.c: its
 * strtoul is bitcode, this kernel has none); 0 when not given. */
static void bf_meta_register(bf_compiler compile, uint32_t layout, uint32_t loop_threshold)
{
    check_layout(layout);
    if (engine)
        bf_jit_enable_by(engine, RUNTIME_THRESHOLD, loop_threshold ? loop_threshold : RUNTIME_LOOP_THRESHOLD, compile);
}

/* guest_run.c's hooks, when the runtime layer is on. */
void guest_jit_config(bf_config *cfg)
{
    cfg->on_compile = on_runtime_compile;
    cfg->time_split = 1;
}

/* Before runtime.bc runs: the driver counts (and lowering keeps the frame
 * maps OSR reads), with no compiler until runtime.bc registers one. */
void guest_jit_start(bf_engine *e)
{
    engine = e;
    bf_jit_enable_by(e, RUNTIME_THRESHOLD, RUNTIME_LOOP_THRESHOLD, 0);
}

/* What runtime.bc imports beyond what a program may call: guest_jit.c's event
 * helpers, the image's cache part and the disk, the kernel's name, the
 * bootstrap's JIT hook, and the console its own printf.c writes to. */
static const bf_sym runtime_syms[] = {
    { "console_putc", (void *)console_putc },
    { "bf_vevent", (void *)meta_vevent },
    { "event_write", (void *)event_write },
    { "event_compile", (void *)app_compile_event },
    { "event_split", (void *)event_split },
    { "event_json_string", (void *)event_json_string },
    { "image_header", (void *)image_header },
    { "image_file_crc", (void *)image_file_crc },
    { "ata_read", (void *)ata_read },
    { "ata_write", (void *)ata_write },
    { "ata_flush", (void *)ata_flush },
    { "crc32_update", (void *)crc32_update },
    { "bf_kernel_name", (void *)bf_kernel_name },
    { "bf_meta_register", (void *)bf_meta_register },
    { "bf_meta_engine", (void *)bf_meta_engine },
};

int app_main(void)
{
    /* Only that runtime.bc: the bootstrap does not verify its IR (module.c), and the JIT it hands
       its frames and functions to must be this build's (bf_meta_register checks the structures). */
    uint32_t crc, size;
    if (image_file_crc(RUNTIME, &crc, &size) == 0 && crc != bf_runtime_crc32)
        bf_fail(BF_EXIT_BAD_BITCODE, RUNTIME ": not the runtime.bc this kernel was built with (CRC-32 %08x, built with %08x)",
                crc, bf_runtime_crc32);
    /* One table: runtime.bc's own imports, then guest_syms.c's. */
    int n = sizeof runtime_syms / sizeof runtime_syms[0];
    bf_sym *syms = malloc((uint32_t)(n + bf_kernel_nsyms) * sizeof *syms);
    if (!syms)
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory for the FFI table");
    memcpy(syms, runtime_syms, sizeof runtime_syms);
    memcpy(syms + n, bf_kernel_syms, (uint32_t)bf_kernel_nsyms * sizeof *syms);
    return guest_run(RUNTIME, syms, n + bf_kernel_nsyms, "runtime");
}
