/* BareFlow bitcode engine: public API.
 * Freestanding: only <stdint.h>/<stddef.h>. The same engine runs as a host
 * program (host_main.c), inside the bootstrap kernel, and as bitcode run by
 * itself (interpreter.bc). */
#ifndef BF_ENGINE_H
#define BF_ENGINE_H
#include <stdint.h>
#include <stddef.h>
#include "../cache/cache.h"

/* Error codes (match kernel_lib/bf.h exit codes). */
enum { BFE_OK = 0, BFE_ERROR = 1, BFE_NOMEM = 6, BFE_BITCODE = 9, BFE_UNRESOLVED = 10 };
/* Exit codes of a host's fault report (bfi): the program faulted (like the
   guest's CPU trap), or the engine itself did (a bug in the engine). */
enum { BFE_PROGRAM_FAULT = 7, BFE_ENGINE_BUG = 11 };

typedef struct bf_sym { const char *name; void *addr; } bf_sym;

typedef struct bf_config {
    const bf_sym *syms;        /* FFI table: native functions/data by name */
    int nsyms;
    uint32_t mem_budget;       /* bytes the engine may allocate (0: 256 MiB) */
    uint32_t stack_size;       /* interpreter stack bytes (0: 8 MiB) */
    uint32_t max_depth;        /* call depth limit (0: 100000) */
    int lazy_bind;             /* unresolved externals fail at first call, not load */
    int stats;                 /* count instructions executed (slower) */
    int time_split;            /* with the JIT on: keep the now_us time split between
                                  interpreting and native code (bf_time_split) */
    const char *trace;         /* function name to trace calls of, or NULL */
    /* memory that can hold x86 code (trampolines for function pointers
       passed to native code); NULL: use malloc'd memory */
    void *(*exec_alloc)(uint32_t size);
    /* where --trace / stats text goes (printf-like); NULL: no output */
    int (*print)(const char *fmt, ...);
    /* called on an error inside a callback from native code, which cannot
       be unwound (the host prints it and exits); NULL: loops forever */
    void (*fatal)(int code, const char *msg);
    /* microsecond clock for --stats decode time; NULL: not measured */
    uint64_t (*now_us)(void);
    /* called when the JIT has compiled and installed a function: its name
       (nlen bytes, not NUL-terminated), IR instructions, code bytes, time
       taken in now_us units, and osr 1 for code entered from a hot loop;
       NULL: not called */
    void (*on_compile)(const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes, uint32_t time, int osr);
    /* called with the code of each function the JIT places in executable
       memory, relocated (bfi --jit-dump writes it out for objdump); NULL: not called */
    void (*on_code)(const char *name, uint32_t nlen, const uint8_t *code, uint32_t len);
    /* the module's CRC-32 (IEEE) when the caller has checked it already (the
       guest, against the image's directory), for bf_cache_key; 0: computed */
    uint32_t module_crc32;
} bf_config;

typedef struct bf_engine bf_engine;

/* Loads a module. On failure returns NULL, *err = error code and msg holds the
   message (e.g. "bitcode: unresolved external 'foo'"). */
bf_engine *bf_load(const void *bc, uint32_t len, const bf_config *cfg,
                   int *err, char *msg, uint32_t msglen);
/* Calls a function by name with cdecl argument words (i386 stack layout).
   Returns 0 or an error code (message in bf_error). */
int bf_call(bf_engine *e, const char *name, const uint32_t *argw, uint32_t nwords,
            uint64_t *ret);
const char *bf_error(bf_engine *e);
/* Reads and lowers every function now (instead of at first call), so that
   malformed function bodies are reported before anything runs. */
int bf_prepare(bf_engine *e);
/* Prints statistics through cfg->print. */
void bf_print_stats(bf_engine *e, uint32_t decode_us_unused);
void bf_free(bf_engine *e);
/* For fault reports (safe in a signal handler): the interpreted function
   running now (its name, *len bytes, not NUL-terminated), or NULL when none
   (loading, or no call yet); *lowering: the engine is reading, verifying or
   lowering a function at this moment (a fault then is the engine's). */
const char *bf_running_function(bf_engine *e, uint32_t *len, int *lowering);

typedef struct bf_stats_t {
    uint64_t insns;            /* executed IR instructions (cfg.stats only) */
    uint32_t lowered;          /* functions lowered so far */
    uint32_t mem_used, mem_peak;
    uint32_t nfuncs;
    uint64_t lower_us;         /* time spent reading bodies and lowering */
} bf_stats_t;
void bf_get_stats(bf_engine *e, bf_stats_t *s);
/* With the JIT on and cfg.time_split (or cfg.stats): the now_us time spent so
   far interpreting, and in native code (compiled functions and the native
   functions interpreted code calls), up to this call. 0, 0 otherwise. */
void bf_time_split(bf_engine *e, uint64_t *interpreting, uint64_t *native);

/* The JIT (interpreter/jit/): from now on, a function called `threshold`
   times (0: at its first call) is compiled to x86 and runs compiled from its
   next call on; what the JIT cannot compile stays interpreted. */
void bf_jit_enable(bf_engine *e, uint32_t threshold);
/* The same with a loop's back-edges before it is entered compiled (OSR;
   0: never, and loops are not counted) and another compiler than the JIT's
   own (the meta kernel's bootstrap: runtime.bc's JIT, guest_meta.c), or none
   yet (0: what gets hot waits). A compiler is jit.h's JitCompiler: fills *out
   with code and relocations (ealloc'd in e) for f, with an OSR entry at
   `block` unless it is ~0. */
typedef int (*bf_compiler)(bf_engine *e, void *f, uint32_t block, void *out, void *why);
void bf_jit_enable_by(bf_engine *e, uint32_t threshold, uint32_t loop_threshold, bf_compiler compiler);
/* A fingerprint of the structures a bf_compiler shares with the engine that
   calls it: the meta bootstrap and runtime.bc check they were built alike. */
uint32_t bf_engine_layout(void);
/* 1: the function of that name runs code the JIT compiled. */
int bf_jit_compiled(bf_engine *e, const char *name);
/* Per compiled function: IR instructions, code bytes, compile time; and the
   functions left interpreted, with the reason (through cfg->print). */
void bf_jit_print_stats(bf_engine *e);
/* Compiles every function that ran interpreted (it was lowered) and is not
   compiled yet; returns how many. Before saving the cache: the next start
   then runs its start-up code (the model load, the tokenizer) compiled too,
   not only what got hot. */
uint32_t bf_jit_compile_ran(bf_engine *e);
/* The persisted native cache (cache/cache.h: the slot format; jit/persist.c).
   Call after bf_jit_enable and before running anything.
   bf_cache_key fills what the engine knows: module, module_len (CRC-32 and
   length of the module given to bf_load; the CRC is bf_config.module_crc32
   when that is not 0), jit_version, jit_options (the call
   threshold), cpu; engine and data are set to 0 for the caller to fill.
   bf_cache_load checks slot (its bytes, len) completely before anything in
   it is used: header, key against *want, payload checksum, every record's
   structure, then every relocation target, function index and name against
   this engine; only when all of that passes is any code placed and installed
   in the functions' entry slots (all or nothing). 0: loaded (why: "loaded N
   functions, B bytes"); else a BFC_* status (why: "empty", "stale: module
   changed", "corrupt: payload checksum mismatch", "rejected: ..."), the
   engine untouched and running cold. bf_cache_new: functions compiled since
   the last load or save (0: nothing to save). bf_cache_bytes: the slot size
   bf_cache_save needs now. bf_cache_save writes a slot (header + every
   compiled function, loaded ones included) into buf with the given key and
   seq; returns its bytes, 0 when it does not fit in cap. */
void bf_cache_key(bf_engine *e, BfcKey *key);
int bf_cache_load(bf_engine *e, const void *slot, uint32_t len, const BfcKey *want, char *why, size_t whylen);
uint32_t bf_cache_new(bf_engine *e);
uint32_t bf_cache_bytes(bf_engine *e);
/* Compiling held off (no function of e gets compiled or entered by OSR) until
   bf_jit_resume with what bf_jit_hold returned. A save holds it from
   bf_cache_bytes to the end of bf_cache_save: in meta mode the save is
   runtime.bc code the bootstrap runs, and a function of it getting hot in
   between would be saved without having been counted (the slot overflows). */
typedef struct BfJitHold { uint32_t jit_at, osr_at; } BfJitHold;
BfJitHold bf_jit_hold(bf_engine *e);
void bf_jit_resume(bf_engine *e, BfJitHold h);
uint32_t bf_cache_save(bf_engine *e, const BfcKey *key, uint32_t seq, void *buf, uint32_t cap);
#endif
