/* The meta kernel's application (issue 12): the engine runs the engine. This
 * bootstrap is the engine's interpreter without its JIT (build/image-build.ts):
 * it loads runtime.bc from the data volume, the guest flavour of the engine as
 * one bitcode module (engine core + JIT + cache + guest.c + guest_jit.c), with
 * kernel_lib as its FFI table (guest_syms.c's, plus the few kernel_lib
 * functions runtime.bc itself imports), and interprets its app_main: that
 * engine loads tinyllama.bc and runs it with its own JIT, as the jit kernel
 * does natively, so tinyllama's hot functions run native.
 *
 * Events: the compile events runtime.bc's JIT writes (through event_write,
 * below) get "layer":"app" (a function of tinyllama.bc compiled). */
#include "bf.h"
#include "guest.h"
#include "kernel.h"
#include "libc.h"

#define RUNTIME "runtime.bc"
#define COMPILE_EVENT "{\"ev\":\"compile\","

/* event_write as runtime.bc calls it: the inner engine's compile events say
 * which layer compiled. */
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
    { "bf_vevent", (void *)bf_vevent },
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

int app_main(void)
{
    /* One table: runtime.bc's own imports, then guest_syms.c's. */
    int n = sizeof runtime_syms / sizeof runtime_syms[0];
    bf_sym *syms = malloc((uint32_t)(n + bf_kernel_nsyms) * sizeof *syms);
    if (!syms)
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory for the FFI table");
    memcpy(syms, runtime_syms, sizeof runtime_syms);
    memcpy(syms + n, bf_kernel_syms, (uint32_t)bf_kernel_nsyms * sizeof *syms);
    return guest_run(RUNTIME, syms, n + bf_kernel_nsyms, "runtime");
}
