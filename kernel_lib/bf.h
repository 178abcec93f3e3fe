/* The BareFlow platform API: what an application (tinyllama) may call besides
 * the C library subset in kernel_lib/libc.h. kernel_lib implements it on bare
 * metal; tinyllama/host.c implements it on a hosted -m32 build, so the same
 * application source runs in both places, and as bitcode under the engine. */
#ifndef BF_H
#define BF_H
#include <stdint.h>
#include <stddef.h>

/* Exit codes shared by the guest and the host runner (build/exitcodes.ts). */
enum bf_exit {
    BF_EXIT_OK = 0,
    BF_EXIT_ERROR = 1,        /* generic failure */
    BF_EXIT_BAD_OPTION = 2,   /* unknown boot option or invalid value */
    BF_EXIT_BAD_MODEL = 3,    /* model missing, truncated or inconsistent */
    BF_EXIT_BAD_TOKENIZER = 4,
    BF_EXIT_DISK = 5,         /* no disk, read error, bad image header or volume */
    BF_EXIT_NO_MEMORY = 6,
    BF_EXIT_TRAP = 7,         /* CPU exception: a trap report was printed */
    BF_EXIT_BAD_PROMPT = 8,   /* prompt longer than the context */
    BF_EXIT_BAD_BITCODE = 9,  /* engine: malformed or unsupported bitcode */
    BF_EXIT_UNRESOLVED = 10,  /* engine: external symbol not in the FFI table */
    BF_EXIT_CORRUPT_IMAGE = 12, /* boot chain: stage2, the header or a kernel fails its CRC-32 */
    BF_EXIT_CACHE_STOP = 13,  /* jit kernel, test option cache_stop_after=K: stopped after K sectors of a cache slot */
};

/* Boot option `name` (e.g. "steps"): like snprintf, copies as much of its value
 * as fits into buf (NUL-terminated) and returns the value's full length, or -1
 * when the option is not set. Values come from
 * fw_cfg "opt/bareflow/<name>", else from the image's boot.cfg defaults. */
int bf_option(const char *name, char *buf, int len);

/* Fails with BF_EXIT_BAD_OPTION naming the culprit if any option given at boot
 * is not in the NULL-terminated list `known`. */
void bf_options_check(const char *const *known);

/* A whole file of the data volume, loaded into memory (checksum verified).
 * Returns NULL and sets *size = 0 when there is no such file. */
const void *bf_file(const char *name, uint32_t *size);

/* Time stamp counter. */
uint64_t bf_cycles(void);

/* One JSON object on the event channel (COM2 in the guest), one per line.
 * printf-style; the caller writes the braces. */
void bf_event(const char *fmt, ...);

/* Prints "error: <message>" on the console, an {"ev":"error"} event, and
 * exits with `code`. Never returns. */
void bf_fail(int code, const char *fmt, ...) __attribute__((noreturn));

/* Ends the program with `code` (isa-debug-exit in the guest). */
void bf_exit(int code) __attribute__((noreturn));
#endif
