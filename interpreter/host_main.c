/* Host glue: the `bareflow run` CLI. Reads a bitcode file, builds the FFI
 * table from the host C library, runs main(argc, argv) and exits with its
 * return value. Built with -m32 so interpreted pointers are host pointers.
 *
 *   bfi [run] [--stats] [--trace FUNC] [--lazy] [--mem MB] [--stack MB]
 *       [--depth N] [--opt name=value]... [--file NAME=PATH]... [--data DIR]
 *       [--events FILE] [--entry FUNC] prog.bc [args...]
 *
 * Exit codes: the program's, or 9 malformed bitcode, 10 unresolved symbol,
 * 6 memory budget, 1 other engine errors (stack overflow, trap...), 7 the
 * program faulted (a signal), 11 the engine faulted (a bug): see "faults". */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <math.h>
#include <complex.h>
#include <time.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <assert.h>
#include <setjmp.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <malloc.h>
#include <inttypes.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/random.h>
#include <sched.h>
#include <sys/wait.h>
#include <locale.h>
#include <sys/stat.h>
#include <sys/select.h>
#include <fcntl.h>
#include <getopt.h>
#include <wchar.h>
#include <wctype.h>
#include <fenv.h>
#include <search.h>
#include <dirent.h>
#include <err.h>
#include <error.h>
#include <libgen.h>
#undef basename          /* "basename" is string.h's GNU one; libgen.h's POSIX one is __xpg_basename */
#include <fnmatch.h>
#include <glob.h>
#include <regex.h>
#include <pwd.h>
#include <grp.h>
#include <poll.h>
#include <utime.h>
#include <sys/stat.h>
#include <fcntl.h>
#include "engine.h"
#ifdef BF_OPPROF
#include "internal.h"
#endif

/* bf.h platform API for programs run on the host (tinyllama's hosted shim). */
#include "../kernel_lib/bf.h"
static char **g_opts; static int g_nopts;
int bf_option(const char *name, char *buf, int len) {
    size_t n = strlen(name);
    for (int i = 0; i < g_nopts; i++)
        if (!strncmp(g_opts[i], name, n) && g_opts[i][n] == '=') {
            const char *v = g_opts[i] + n + 1; int l = (int)strlen(v);
            if (len > 0) { int k = l < len - 1 ? l : len - 1; memcpy(buf, v, k); buf[k] = 0; }
            return l;
        }
    return -1;
}
void bf_options_check(const char *const *known) {
    for (int i = 0; i < g_nopts; i++) {
        int ok = 0;
        for (int k = 0; known[k]; k++) { size_t n = strlen(known[k]); if (!strncmp(g_opts[i], known[k], n) && g_opts[i][n] == '=') ok = 1; }
        if (!ok) { printf("error: unknown option '%s'\n", g_opts[i]); fflush(stdout); exit(BF_EXIT_BAD_OPTION); }
    }
}
static const char *g_datadir = ".";
static char **g_files; static int g_nfiles;          /* NAME=PATH */
const void *bf_file(const char *name, uint32_t *size) {
    char p[4096]; snprintf(p, sizeof p, "%s/%s", g_datadir, name);
    size_t nl = strlen(name);
    for (int i = 0; i < g_nfiles; i++)
        if (!strncmp(g_files[i], name, nl) && g_files[i][nl] == '=') snprintf(p, sizeof p, "%s", g_files[i] + nl + 1);
    FILE *f = fopen(p, "rb");
    *size = 0;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
    void *m = malloc(n + 1);
    if (!m || fread(m, 1, n, f) != (size_t)n) { fclose(f); free(m); return NULL; }
    fclose(f); *size = (uint32_t)n;
    return m;
}
uint64_t bf_cycles(void) { return __builtin_ia32_rdtsc(); }
static FILE *g_events;
void bf_event(const char *fmt, ...) {
    if (!g_events) return;
    va_list ap; va_start(ap, fmt); vfprintf(g_events, fmt, ap); va_end(ap); fputc('\n', g_events);
}
void bf_fail(int code, const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    fflush(stdout);
    printf("error: "); vprintf(fmt, ap); printf("\n"); fflush(stdout);
    va_end(ap);
    exit(code);
}
void bf_exit(int code) { fflush(stdout); exit(code); }

static void *exec_alloc(uint32_t n) {
    void *p = mmap(0, n, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? 0 : p;
}
/* --jit-dump DIR: each compiled function's code as DIR/NAME.bin, for
 * `objdump -D -b binary -mi386 DIR/NAME.bin` */
static const char *g_dump_dir;
static void dump_code(const char *name, uint32_t nlen, const uint8_t *code, uint32_t len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%.*s.bin", g_dump_dir, (int)nlen, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(code, 1, len, f) != len) fprintf(stderr, "warning: --jit-dump: cannot write '%s': %s\n", path, strerror(errno));
    if (f) fclose(f);
}
static void fatal(int code, const char *msg) { fflush(stdout); fprintf(stderr, "error: %s\n", msg); exit(code); }

/* The program needs more stack than its native build: an interpreted frame keeps every SSA
 * value in an 8-byte slot (about 6x a native -O0 frame) and compiled code's frames are alike,
 * so a recursion 100,000 deep that the native build survives in its 8 MiB overflowed. bfi
 * gives the program 8x that: the interpreter stack (bf_config.stack_size) and the native
 * stack bf_call runs on (compiled code, native callbacks) are PROGRAM_STACK each, touched only
 * as deep as the program goes, and the call-depth limit is no lower than that allows. Below
 * the native one, a PROT_NONE gap as Linux leaves below a thread's stack, so an overflow
 * faults (a stack overflow report) instead of writing into whatever is mapped there. */
#define PROGRAM_STACK (64u << 20)

/* ---- faults -------------------------------------------------------------
 * A signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL) is reported like the guest's
 * trap report, never as the program's own exit status. It is the program's
 * fault (exit 7, as the guest's CPU trap) when it arrives while the program
 * runs, the engine is not reading or lowering a function (lazily, at a first
 * call), and the faulting instruction is in the dispatch loop (a handler doing
 * the program's load, store or division) or outside bfi's own code (a C
 * library function the program called, native or compiled code it reached).
 * A stack overflow in that state is the program's wherever it lands (its
 * recursion through native callbacks). Anything else is a bug in the engine
 * (exit 11): a fault in the reader, verifier, lowering, FFI glue, JIT or this
 * host, or any fault while loading. The handler runs on its own stack
 * (sigaltstack), so a stack overflow is reported too. */
#ifndef BF_INTERPRETED
#include <signal.h>
#include <ucontext.h>
extern const char __executable_start[], etext[];              /* bfi's code (GNU ld) */
extern const char __start_bf_dispatch[], __stop_bf_dispatch[]; /* the dispatch loop (exec.c) */
static bf_engine *g_engine;   /* the loaded engine */
static int g_running;         /* the program is running (inside bf_call) */

/* force_align_arg_pointer: the handler may be entered with ESP not 16-byte
 * aligned (QEMU's user-mode emulator, which runs bfi where the kernel cannot
 * run i386 programs, sets the frame up so), and -msse2 code keeps aligned SSE
 * temporaries on the stack: a #GP inside the handler, and no report at all. */
__attribute__((force_align_arg_pointer))
static void on_fault(int sig, siginfo_t *si, void *context) {
    const ucontext_t *uc = context;
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_EIP], sp = (uintptr_t)uc->uc_mcontext.gregs[REG_ESP];
    uintptr_t addr = (uintptr_t)si->si_addr;
    uint32_t len = 0; int lowering = 0;
    const char *fn = g_engine ? bf_running_function(g_engine, &len, &lowering) : NULL;
    int in_dispatch = pc >= (uintptr_t)__start_bf_dispatch && pc < (uintptr_t)__stop_bf_dispatch;
    int in_bfi = pc >= (uintptr_t)__executable_start && pc < (uintptr_t)etext;
    int overflow = (sig == SIGSEGV || sig == SIGBUS) && addr < sp + 4096 && addr + 65536 > sp;
    int program = g_running && !lowering && (overflow || in_dispatch || !in_bfi);
    const char *what = sig == SIGSEGV ? "SIGSEGV (invalid memory access)" : sig == SIGBUS ? "SIGBUS (bus error)"
                     : sig == SIGILL ? "SIGILL (illegal instruction)"
                     : si->si_code == FPE_INTDIV ? "SIGFPE (integer division by zero)"
                     : si->si_code == FPE_INTOVF ? "SIGFPE (integer overflow)" : "SIGFPE (arithmetic exception)";
    char at[64] = "", where[160] = "";                   /* SIGFPE and SIGILL: the address is the pc */
    if (sig == SIGSEGV || sig == SIGBUS) snprintf(at, sizeof at, " at address 0x%08x", (unsigned)addr);
    if (fn) snprintf(where, sizeof where, " in '%.*s'", (int)len, fn);
    char line[512];
    int n = program && overflow
        ? snprintf(line, sizeof line, "error: program fault: stack overflow (SIGSEGV%s)%s (pc 0x%08x)\n", at, where, (unsigned)pc)
        : program ? snprintf(line, sizeof line, "error: program fault: %s%s%s (pc 0x%08x)\n", what, at, where, (unsigned)pc)
        : snprintf(line, sizeof line, "error: engine bug: %s%s (pc 0x%08x %s)%s\n", what, at, (unsigned)pc,
                   !g_engine ? "while loading" : lowering ? "while lowering a function" : "in the engine's code", where);
    if (n > 0) { if (n > (int)sizeof line - 1) n = sizeof line - 1; if (write(2, line, (size_t)n) < 0) n = 0; }
    _exit(program ? BFE_PROGRAM_FAULT : BFE_ENGINE_BUG);
}

static void catch_faults(void) {
    static char altstack[1 << 16];
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
}
#define STACK_GAP (1u << 20)
static struct { bf_engine *e; const char *entry; uint32_t *w; int nw; uint64_t *ret; int r; } g_entry;
static void call_entry(void) { g_entry.r = bf_call(g_entry.e, g_entry.entry, g_entry.w, g_entry.nw, g_entry.ret); }
static int call_on_program_stack(bf_engine *e, const char *entry, uint32_t *w, int nw, uint64_t *ret) {
    g_entry.e = e; g_entry.entry = entry; g_entry.w = w; g_entry.nw = nw; g_entry.ret = ret;
    uint8_t *m = mmap(0, STACK_GAP + PROGRAM_STACK, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    ucontext_t back, prog;
    if (m == MAP_FAILED || mprotect(m + STACK_GAP, PROGRAM_STACK, PROT_READ | PROT_WRITE) || getcontext(&prog)) {
        call_entry();                                   /* no address space for it: the process's own stack */
        return g_entry.r;
    }
    prog.uc_stack.ss_sp = m + STACK_GAP; prog.uc_stack.ss_size = PROGRAM_STACK; prog.uc_link = &back;
    makecontext(&prog, call_entry, 0);
    swapcontext(&back, &prog);
    return g_entry.r;
}
#else
/* Run by the engine itself (interpreter.bc): signals are the outer engine's. */
static bf_engine *g_engine;
static int g_running;
static void catch_faults(void) {}
static int call_on_program_stack(bf_engine *e, const char *entry, uint32_t *w, int nw, uint64_t *ret) { return bf_call(e, entry, w, nw, ret); }
#endif
static int eprint(const char *fmt, ...) { va_list ap; va_start(ap, fmt); int r = vfprintf(stderr, fmt, ap); va_end(ap); return r; }
static uint64_t now_us(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return (uint64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000; }

/* ---- the persisted native cache (--cache DIR) ----------------------------
 * DIR/<module CRC-32 in hex>.bfc holds one slot (cache/cache.h) for that
 * module: read and loaded (every check in bf_cache_load) before the program
 * runs, written back when the run compiled something new (a temporary file,
 * fsync, rename: a reader sees the old file or the new one, never half of
 * one). The key's engine field is the CRC-32 of bfi's own executable, so a
 * rebuilt bfi never runs code another build compiled. Any problem with the
 * cache (missing, stale, corrupt, rejected) means a cold run with the same
 * output; a problem with DIR (not a directory, unwritable, disk full) is a
 * warning on stderr naming the path, and the run goes on without the cache
 * or without saving it: the exit status stays the program's. */
#ifndef BF_INTERPRETED
static const char *g_cache_dir;
static char g_cache_path[4096];
static BfcKey g_cache_key;
static uint32_t g_cache_seq;
static int g_cache_stats, g_cache_done;
static bf_engine *g_cache_engine;

/* CRC-32 of bfi's executable: the engine + JIT build the cached code belongs to */
static uint32_t self_crc(void) {
    FILE *f = fopen("/proc/self/exe", "rb");
    if (!f) return 0;
    static unsigned char b[1 << 16];
    uint32_t crc = 0; size_t n;
    while ((n = fread(b, 1, sizeof b, f)) > 0) crc = crc32_update(crc, b, n);
    fclose(f);
    return crc;
}

static void cache_save(void);

static void cache_open(bf_engine *e, const char *dir, int stats) {
    struct stat st;
    if (stat(dir, &st) && errno == ENOENT && mkdir(dir, 0777) == 0) stat(dir, &st);
    if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "warning: --cache: '%s' %s; running without the cache\n", dir,
                stat(dir, &st) ? strerror(errno) : "is not a directory");
        return;
    }
    bf_cache_key(e, &g_cache_key);
    g_cache_key.engine = self_crc();
    snprintf(g_cache_path, sizeof g_cache_path, "%s/%08x.bfc", dir, (unsigned)g_cache_key.module);
    g_cache_dir = dir; g_cache_stats = stats; g_cache_engine = e;
    atexit(cache_save);                   /* also when the program calls exit() */
    char why[256] = "empty";
    int r = BFC_EMPTY;
    uint64_t t0 = now_us();
    FILE *f = fopen(g_cache_path, "rb");
    if (f) {
        fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
        void *slot = n > 0 && n < (1l << 30) ? malloc((size_t)n) : NULL;
        if (slot && fread(slot, 1, (size_t)n, f) == (size_t)n) {
            BfcHeader h;
            if (bfc_header_decode(slot, (uint32_t)n, &h) == BFC_OK) g_cache_seq = h.seq;
            r = bf_cache_load(e, slot, (uint32_t)n, &g_cache_key, why, sizeof why);
        } else if (n > 0) { r = BFC_TRUNCATED; snprintf(why, sizeof why, "corrupt: cannot read '%s'", g_cache_path); }
        free(slot);
        fclose(f);
    } else if (errno != ENOENT) fprintf(stderr, "warning: --cache: cannot read '%s': %s; running cold\n", g_cache_path, strerror(errno));
    uint64_t t1 = now_us();
    if (!stats) return;
    if (r == BFC_OK) fprintf(stderr, "[cache] %s, in %llu us (%s)\n", why, (unsigned long long)(t1 - t0), g_cache_path);
    else fprintf(stderr, "[cache] %s (%s)\n", why, g_cache_path);
}

static void cache_save(void) {
    bf_engine *e = g_cache_engine;
    if (!e || g_cache_done) return;
    g_cache_done = 1;
    bf_jit_compile_ran(e);                /* the next run's start-up runs compiled too */
    uint32_t fresh = bf_cache_new(e);
    if (!fresh) return;
    uint32_t cap = bf_cache_bytes(e);
    void *buf = malloc(cap);
    uint32_t n = buf ? bf_cache_save(e, &g_cache_key, g_cache_seq + 1, buf, cap) : 0;
    if (!n) { fprintf(stderr, "warning: --cache: cannot serialise the compiled code (%u bytes); '%s' not written\n", cap, g_cache_path); free(buf); return; }
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.%d.tmp", g_cache_path, (int)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    const char *step = "create";
    int ok = fd >= 0;
    for (uint32_t off = 0; ok && off < n; ) {
        ssize_t w = write(fd, (char *)buf + off, n - off);
        if (w <= 0) { ok = 0; step = "write"; break; }
        off += (uint32_t)w;
    }
    if (ok && fsync(fd)) { ok = 0; step = "sync"; }
    if (fd >= 0 && close(fd) && ok) { ok = 0; step = "close"; }
    if (ok && rename(tmp, g_cache_path)) { ok = 0; step = "rename"; }
    if (!ok) {
        fprintf(stderr, "warning: --cache: cannot %s '%s': %s; cache not saved\n", step, !strcmp(step, "rename") ? g_cache_path : tmp, strerror(errno));
        if (fd >= 0) unlink(tmp);
    } else if (g_cache_stats) {
        BfcHeader h; bfc_header_decode(buf, n, &h);
        fprintf(stderr, "[cache] saved %u functions (%u new), %u bytes of code, %u bytes (%s)\n", h.nfunctions, fresh, h.code_bytes, n, g_cache_path);
    }
    free(buf);
}
#else
/* Run by the engine itself (interpreter.bc): no cache (its file calls are not in the FFI table). */
static void cache_open(bf_engine *e, const char *dir, int stats) { (void)e; (void)stats; fprintf(stderr, "warning: --cache: '%s' not used: no cache in a self-hosted bfi\n", dir); }
static void cache_save(void) {}
#endif

/* ---- the meta-circular run (bareflow run --meta) -------------------------
 * bfi --jit-by-program: the JIT counts calls and back-edges but compiles
 * nothing until the program hands over a compiler. interpreter.bc (the engine
 * as bitcode, with guest_self.c) does at start, through bf_meta_register, as
 * runtime.bc does in the meta kernel: from then on its JIT, interpreted until
 * it compiled itself, compiles bfi's hot functions of interpreter.bc, the
 * dispatch loop by OSR. Another program calling it changes nothing. Loops
 * go native at ten times the call threshold unless the program asks for its
 * own loop_threshold (runtime.bc does from a boot option; interpreter.bc, 0). */
#ifndef BF_INTERPRETED
static uint32_t g_program_jit_threshold = 0xffffffffu;   /* --jit-by-program's threshold, or none */
static void bf_meta_register(bf_compiler compile, uint32_t layout, uint32_t loop_threshold) {
    if (g_program_jit_threshold == 0xffffffffu) return;
    if (layout != bf_engine_layout()) {
        fprintf(stderr, "error: bf_meta_register: the program's engine structures (layout %08x) are not bfi's (%08x)\n", layout, bf_engine_layout());
        exit(9);
    }
    uint32_t t = g_program_jit_threshold;
    bf_jit_enable_by(g_engine, t, loop_threshold ? loop_threshold : t ? 10 * t : 1, compile);
}
#define META_SYMS S(bf_meta_register),
#else
void guest_self_start(void);                 /* guest_self.c: hands this engine's JIT to the outer bfi */
#define META_SYMS
#endif

extern const unsigned short **__ctype_b_loc(void);
extern const int32_t **__ctype_tolower_loc(void);
extern const int32_t **__ctype_toupper_loc(void);
extern int __isoc99_sscanf(const char *, const char *, ...);
extern int __isoc99_fscanf(FILE *, const char *, ...);
extern int __isoc99_scanf(const char *, ...);
extern void __assert_fail(const char *, const char *, unsigned, const char *);
extern void __stack_chk_fail(void);
extern int _IO_getc(FILE *); extern int _IO_putc(int, FILE *);
extern FILE *fopen64(const char *, const char *);
/* the compiler's runtime (libgcc here, as native programs link it): what clang -m32 emits calls to
   in bitcode (complex multiply and divide), and the i386 helpers its backend uses, for programs
   that declare them */
typedef struct { double re, im; } cplx_d;
extern cplx_d __muldc3(double, double, double, double), __divdc3(double, double, double, double);
extern uint64_t __mulsc3(float, float, float, float), __divsc3(float, float, float, float);
extern int64_t __divdi3(int64_t, int64_t), __moddi3(int64_t, int64_t), __divmoddi4(int64_t, int64_t, int64_t *);
extern uint64_t __udivdi3(uint64_t, uint64_t), __umoddi3(uint64_t, uint64_t), __udivmoddi4(uint64_t, uint64_t, uint64_t *);
extern int64_t __muldi3(int64_t, int64_t), __ashldi3(int64_t, int), __ashrdi3(int64_t, int), __lshrdi3(int64_t, int);
extern int64_t __negdi2(int64_t), __mulvdi3(int64_t, int64_t);
extern int __cmpdi2(int64_t, int64_t), __ucmpdi2(uint64_t, uint64_t);
extern int __clzdi2(uint64_t), __ctzdi2(uint64_t), __ffsdi2(int64_t), __popcountdi2(uint64_t), __paritydi2(uint64_t);
extern int64_t __bswapdi2(int64_t);
extern double __powidf2(double, int); extern float __powisf2(float, int);
extern int64_t __fixdfdi(double), __fixsfdi(float); extern uint64_t __fixunsdfdi(double), __fixunssfdi(float);
extern double __floatdidf(int64_t), __floatundidf(uint64_t); extern float __floatdisf(int64_t), __floatundisf(uint64_t);
/* compiler-rt's overflow-checking multiply (libgcc has none): clang's i386 backend may call it */
static int64_t mulodi4(int64_t a, int64_t b, int *overflow) { int64_t r; *overflow = __builtin_mul_overflow(a, b, &r); return r; }
static int32_t mulosi4(int32_t a, int32_t b, int *overflow) { int32_t r; *overflow = __builtin_mul_overflow(a, b, &r); return r; }
extern int __xpg_strerror_r(int, char *, size_t);
extern int __isoc99_vfscanf(FILE *, const char *, va_list), __isoc99_vscanf(const char *, va_list), __isoc99_vsscanf(const char *, const char *, va_list);
extern int __isoc99_fwscanf(FILE *, const wchar_t *, ...), __isoc99_wscanf(const wchar_t *, ...), __isoc99_swscanf(const wchar_t *, const wchar_t *, ...);
extern int __isoc99_vfwscanf(FILE *, const wchar_t *, va_list), __isoc99_vwscanf(const wchar_t *, va_list), __isoc99_vswscanf(const wchar_t *, const wchar_t *, va_list);
/* what glibc's headers call from their inline functions at -O2 (getline, getc_unlocked,
   putc_unlocked, MB_CUR_MAX) and with -D_FORTIFY_SOURCE (the __*_chk checks) */
extern int __uflow(FILE *), __overflow(FILE *, int);
extern size_t __ctype_get_mb_cur_max(void);
extern void *__memcpy_chk(void *, const void *, size_t, size_t), *__memmove_chk(void *, const void *, size_t, size_t);
extern void *__memset_chk(void *, int, size_t, size_t);
extern char *__strcpy_chk(char *, const char *, size_t), *__strcat_chk(char *, const char *, size_t);
extern char *__strncpy_chk(char *, const char *, size_t, size_t), *__strncat_chk(char *, const char *, size_t, size_t);
extern char *__stpcpy_chk(char *, const char *, size_t);
extern int __sprintf_chk(char *, int, size_t, const char *, ...), __snprintf_chk(char *, size_t, int, size_t, const char *, ...);
extern int __vsprintf_chk(char *, int, size_t, const char *, va_list), __vsnprintf_chk(char *, size_t, int, size_t, const char *, va_list);
extern int __printf_chk(int, const char *, ...), __fprintf_chk(FILE *, int, const char *, ...);
extern int __vprintf_chk(int, const char *, va_list), __vfprintf_chk(FILE *, int, const char *, va_list);
extern char *__fgets_chk(char *, size_t, int, FILE *);
extern ssize_t __read_chk(int, void *, size_t, size_t);
extern size_t __fread_chk(void *, size_t, size_t, size_t, FILE *);
extern char *__realpath_chk(const char *, char *, size_t), *__getcwd_chk(char *, size_t, size_t);

#define S(n) { #n, (void *)&n }
static const bf_sym host_syms[] = {
    /* stdio */
    S(printf), S(fprintf), S(sprintf), S(snprintf), S(vprintf), S(vfprintf), S(vsprintf), S(vsnprintf),
    S(puts), S(putchar), S(fputs), S(fputc), S(putc), S(fwrite), S(fread), S(fopen), S(fopen64), S(fclose),
    S(fflush), S(fgets), S(fgetc), S(getc), S(getchar), S(fseek), S(ftell), S(rewind), S(feof), S(ferror),
    S(perror), S(remove), S(sscanf), S(fscanf), S(scanf), S(__isoc99_sscanf), S(__isoc99_fscanf), S(__isoc99_scanf),
    S(stdout), S(stderr), S(stdin), S(setvbuf), S(ungetc), S(_IO_getc), S(_IO_putc), S(fileno), S(write), S(read),
    /* string */
    S(memcpy), S(memmove), S(memset), S(memcmp), S(memchr), S(strlen), S(strnlen), S(strcmp), S(strncmp), S(strcpy),
    S(strncpy), S(strcat), S(strncat), S(strchr), S(strrchr), S(strstr), S(strdup), S(strndup), S(strtok), S(strspn),
    S(strcspn), S(strpbrk), S(strerror), S(strcasecmp), S(strncasecmp), S(stpcpy), S(bcmp), S(bzero),
    /* stdlib */
    S(malloc), S(calloc), S(realloc), S(free), S(qsort), S(bsearch), S(exit), S(abort), S(atexit), S(_Exit),
    S(strtol), S(strtoul), S(strtoll), S(strtoull), S(strtod), S(strtof), S(atoi), S(atol), S(atoll), S(atof),
    S(abs), S(labs), S(llabs), S(div), S(ldiv), S(lldiv), S(rand), S(srand), S(getenv), S(aligned_alloc), S(posix_memalign),
    /* ctype */
    S(toupper), S(tolower), S(isalpha), S(isdigit), S(isalnum), S(isspace), S(isupper), S(islower), S(isprint),
    S(ispunct), S(isxdigit), S(iscntrl), S(isgraph), S(__ctype_b_loc), S(__ctype_tolower_loc), S(__ctype_toupper_loc),
    /* time */
    S(time), S(clock), S(clock_gettime), S(gettimeofday),
    /* errors */
    S(__errno_location), S(__assert_fail), S(__stack_chk_fail),
    /* math */
    S(sqrt), S(sqrtf), S(fabs), S(fabsf), S(exp), S(expf), S(exp2), S(exp2f), S(log), S(logf), S(log2), S(log2f),
    S(log10), S(log10f), S(pow), S(powf), S(sin), S(sinf), S(cos), S(cosf), S(tan), S(tanf), S(asin), S(asinf),
    S(acos), S(acosf), S(atan), S(atanf), S(atan2), S(atan2f), S(sinh), S(sinhf), S(cosh), S(coshf), S(tanh), S(tanhf),
    S(floor), S(floorf), S(ceil), S(ceilf), S(trunc), S(truncf), S(round), S(roundf), S(rint), S(rintf),
    S(nearbyint), S(nearbyintf), S(fmod), S(fmodf), S(fma), S(fmaf), S(fmin), S(fminf), S(fmax), S(fmaxf),
    S(lround), S(lroundf), S(llround), S(llroundf), S(lrint), S(lrintf), S(llrint), S(llrintf), S(hypot), S(hypotf),
    S(cbrt), S(cbrtf), S(expm1), S(expm1f), S(log1p), S(log1pf), S(ldexp), S(ldexpf), S(frexp), S(frexpf),
    S(modf), S(modff), S(copysign), S(copysignf), S(roundeven), S(roundevenf),
    S(cabs), S(cabsf), S(carg), S(cargf),
    /* the rest of math.h (interpreter/LIBC.md), each in double, float and long double */
#define M3(n) S(n), S(n##f), S(n##l)
    M3(acosh), M3(asinh), M3(atanh), M3(logb), M3(ilogb), M3(significand), M3(drem), M3(gamma), M3(lgamma),
    S(lgamma_r), S(lgammaf_r), S(lgammal_r), M3(tgamma), M3(erf), M3(erfc), M3(nextafter), M3(nexttoward), M3(nextup), M3(nextdown),
    M3(remainder), M3(remquo), M3(scalbn), M3(scalbln), M3(scalb), M3(fdim), M3(nan), M3(j0), M3(j1), M3(jn),
    M3(y0), M3(y1), M3(yn), M3(sincos), M3(exp10), M3(finite), M3(isinf), M3(isnan), M3(fmaxmag), M3(fminmag),
    S(roundevenl),
#undef M3
    /* long double (results in st(0): RK_F80; 12-byte arguments) */
    S(sqrtl), S(fabsl), S(expl), S(exp2l), S(logl), S(log2l), S(log10l), S(powl), S(sinl), S(cosl), S(tanl),
    S(asinl), S(acosl), S(atanl), S(atan2l), S(sinhl), S(coshl), S(tanhl), S(floorl), S(ceill), S(truncl),
    S(roundl), S(rintl), S(nearbyintl), S(fmodl), S(fmal), S(fminl), S(fmaxl), S(lroundl), S(llroundl),
    S(lrintl), S(llrintl), S(hypotl), S(cbrtl), S(expm1l), S(log1pl), S(ldexpl), S(frexpl), S(modfl),
    S(copysignl), S(strtold), S(qecvt), S(qfcvt), S(qgcvt), S(qecvt_r), S(qfcvt_r),
    /* complex.h (struct results through sret, complex arguments byval) */
    S(cexp), S(cexpf), S(clog), S(clogf), S(csqrt), S(csqrtf), S(cpow), S(cpowf), S(csin), S(csinf), S(ccos),
    S(ccosf), S(ctan), S(ctanf), S(casin), S(casinf), S(cacos), S(cacosf), S(catan), S(catanf), S(csinh), S(csinhf),
    S(ccosh), S(ccoshf), S(ctanh), S(ctanhf), S(casinh), S(casinhf), S(cacosh), S(cacoshf), S(catanh), S(catanhf),
    S(cproj), S(cprojf), S(conj), S(conjf), S(creal), S(crealf), S(cimag), S(cimagf),
    /* memory for a self-hosted engine's trampolines */
    S(mmap), S(munmap),
    /* string.h, strings.h (interpreter/LIBC.md) */
    S(memccpy), S(strcoll), S(strxfrm), S(strcoll_l), S(strxfrm_l), S(strtok_r), S(strerror_r), S(strerror_l),
    S(explicit_bzero), S(strsep), S(strsignal), S(stpncpy), S(bcopy), S(index), S(rindex), S(ffs), S(ffsl), S(ffsll),
    S(strcasecmp_l), S(strncasecmp_l), S(__xpg_strerror_r), S(memmem), S(strcasestr), S(mempcpy), S(strchrnul),
    /* stdlib.h */
    S(strtoq), S(strtouq), S(l64a), S(a64l), S(random), S(srandom), S(initstate), S(setstate), S(random_r),
    S(srandom_r), S(initstate_r), S(setstate_r), S(rand_r), S(drand48), S(erand48), S(lrand48), S(nrand48),
    S(mrand48), S(jrand48), S(srand48), S(seed48), S(lcong48), S(drand48_r), S(erand48_r), S(lrand48_r), S(nrand48_r),
    S(mrand48_r), S(jrand48_r), S(srand48_r), S(seed48_r), S(lcong48_r), S(arc4random), S(arc4random_buf),
    S(arc4random_uniform), S(reallocarray), S(valloc), S(at_quick_exit), S(on_exit), S(quick_exit), S(putenv),
    S(setenv), S(unsetenv), S(clearenv), S(mkstemp), S(mkstemps), S(mkdtemp), S(system), S(realpath), S(ecvt),
    S(fcvt), S(gcvt), S(ecvt_r), S(fcvt_r), S(mblen), S(mbtowc), S(wctomb), S(mbstowcs), S(wcstombs), S(rpmatch),
    S(getsubopt), S(getloadavg), S(mkstemp64), S(mkstemps64),
    /* stdio.h */
    S(rename), S(renameat), S(tmpfile), S(fflush_unlocked), S(freopen), S(fdopen), S(fmemopen), S(open_memstream),
    S(setbuf), S(setbuffer), S(setlinebuf), S(vdprintf), S(dprintf), S(vfscanf), S(vscanf), S(vsscanf),
    S(getc_unlocked), S(getchar_unlocked), S(fgetc_unlocked), S(fputc_unlocked), S(putc_unlocked),
    S(putchar_unlocked), S(getw), S(putw), S(getdelim), S(getline), S(fread_unlocked), S(fwrite_unlocked), S(fseeko),
    S(ftello), S(fgetpos), S(fsetpos), S(clearerr), S(clearerr_unlocked), S(feof_unlocked), S(ferror_unlocked),
    S(fileno_unlocked), S(pclose), S(popen), S(ctermid), S(flockfile), S(ftrylockfile), S(funlockfile),
    S(__isoc99_vfscanf), S(__isoc99_vscanf), S(__isoc99_vsscanf), S(asprintf), S(vasprintf), S(freopen64),
    S(tmpfile64), S(fseeko64), S(ftello64), S(fgetpos64), S(fsetpos64),
    /* ctype.h */
    S(isblank), S(isascii), S(toascii), S(_toupper), S(_tolower), S(isalnum_l), S(isalpha_l), S(iscntrl_l),
    S(isdigit_l), S(islower_l), S(isgraph_l), S(isprint_l), S(ispunct_l), S(isspace_l), S(isupper_l), S(isxdigit_l),
    S(isblank_l), S(tolower_l), S(toupper_l),
    /* unistd.h, getopt and its variables, environ */
    S(access), S(faccessat), S(lseek), S(close), S(closefrom), S(pread), S(pwrite), S(pipe), S(alarm), S(sleep),
    S(ualarm), S(usleep), S(pause), S(chown), S(fchown), S(lchown), S(fchownat), S(chdir), S(fchdir), S(getcwd),
    S(dup), S(dup2), S(execve), S(fexecve), S(execv), S(execle), S(execl), S(execvp), S(execlp), S(nice), S(_exit),
    S(pathconf), S(fpathconf), S(sysconf), S(confstr), S(getpid), S(getppid), S(getpgrp), S(getpgid), S(setpgid),
    S(setpgrp), S(setsid), S(getsid), S(getuid), S(geteuid), S(getgid), S(getegid), S(getgroups), S(setuid),
    S(setreuid), S(seteuid), S(setgid), S(setregid), S(setegid), S(fork), S(ttyname), S(ttyname_r), S(isatty),
    S(ttyslot), S(link), S(linkat), S(symlink), S(readlink), S(symlinkat), S(readlinkat), S(unlink), S(unlinkat),
    S(rmdir), S(tcgetpgrp), S(tcsetpgrp), S(getlogin), S(getlogin_r), S(gethostname), S(sethostname), S(sethostid),
    S(getdomainname), S(setdomainname), S(vhangup), S(profil), S(acct), S(getusershell), S(endusershell),
    S(setusershell), S(daemon), S(chroot), S(getpass), S(fsync), S(gethostid), S(sync), S(getpagesize),
    S(getdtablesize), S(truncate), S(ftruncate), S(brk), S(sbrk), S(syscall), S(lockf), S(fdatasync), S(getentropy),
    S(getopt), S(lseek64), S(pread64), S(pwrite64), S(truncate64), S(ftruncate64), S(lockf64), S(getopt_long),
    S(getopt_long_only), S(optarg), S(optind), S(opterr), S(optopt), S(environ), S(program_invocation_name),
    S(program_invocation_short_name),
    /* fcntl.h, sys/select.h, sys/mman.h */
    S(fcntl), S(open), S(openat), S(creat), S(posix_fadvise), S(posix_fallocate), S(open64), S(openat64), S(creat64),
    S(posix_fadvise64), S(posix_fallocate64), S(mmap64), S(select), S(pselect),
    /* time.h, sys/stat.h */
    S(localtime), S(localtime_r), S(gmtime), S(gmtime_r), S(mktime), S(strftime), S(difftime), S(ctime), S(asctime),
    S(nanosleep), S(stat), S(fstat), S(lstat), S(mkdir), S(stat64), S(fstat64), S(lstat64),
    S(waitpid), S(wait), S(newlocale), S(freelocale), S(uselocale), S(setlocale), S(localeconv), S(fcntl64),
    /* malloc.h, inttypes.h, sys/resource.h, sys/times.h, sys/utsname.h, sys/random.h, sched.h */
    S(memalign), S(pvalloc), S(malloc_usable_size), S(imaxabs), S(imaxdiv), S(strtoimax), S(strtoumax),
    S(getrusage), S(times), S(uname), S(getrandom), S(sched_yield),
    /* fenv.h: the rounding mode and exception flags are the machine's, which the engine's handlers and compiled code use */
    S(feclearexcept), S(fegetexceptflag), S(feraiseexcept), S(fesetexceptflag), S(fetestexcept), S(fegetround),
    S(fesetround), S(fegetenv), S(feholdexcept), S(fesetenv), S(feupdateenv), S(feenableexcept), S(fedisableexcept),
    S(fegetexcept),
    /* search.h (comparators and twalk's action are trampolines; hsearch's ENTRY goes by value) */
    S(tsearch), S(tfind), S(tdelete), S(twalk), S(twalk_r), S(tdestroy), S(hcreate), S(hdestroy), S(hsearch),
    S(hcreate_r), S(hdestroy_r), S(hsearch_r), S(lsearch), S(lfind), S(insque), S(remque),
    /* dirent.h, err.h, error.h, libgen.h, fnmatch.h, glob.h, regex.h, pwd.h, grp.h, poll.h, utime.h, more of
       sys/stat.h, time.h and stdlib.h (interpreter/LIBC.md) */
    S(opendir), S(fdopendir), S(readdir), S(readdir64), S(rewinddir), S(closedir), S(dirfd), S(telldir),
    S(seekdir), S(scandir), S(scandir64), S(alphasort), S(alphasort64), S(versionsort), S(versionsort64), S(err), S(errx), S(warn), S(warnx),
    S(verr), S(verrx), S(vwarn), S(vwarnx), S(error), S(error_at_line), S(basename), S(__xpg_basename), S(dirname),
    S(fnmatch), S(glob), S(glob64), S(globfree), S(globfree64), S(regcomp), S(regexec), S(regerror), S(regfree),
    S(getpwuid), S(getpwnam), S(getpwuid_r), S(getpwnam_r), S(getgrgid), S(getgrnam), S(poll), S(utime), S(utimes),
    S(futimens), S(utimensat), S(chmod), S(fchmod), S(fchmodat), S(umask), S(mkfifo), S(mknod), S(fstatat), S(fstatat64),
    S(strptime), S(timegm), S(timelocal), S(tzset), S(clock_getres), S(qsort_r), S(strverscmp), S(strfry), S(memfrob),
    /* wchar.h, wctype.h */
    S(wcscpy), S(wcsncpy), S(wcscat), S(wcsncat), S(wcscmp), S(wcsncmp), S(wcscasecmp), S(wcsncasecmp), S(wcscoll),
    S(wcsxfrm), S(wcsdup), S(wcschr), S(wcsrchr), S(wcschrnul), S(wcscspn), S(wcsspn), S(wcspbrk), S(wcsstr), S(wcstok),
    S(wcslen), S(wcsnlen), S(wmemchr), S(wmemcmp), S(wmemcpy), S(wmemmove), S(wmemset), S(wmempcpy), S(btowc), S(wctob),
    S(mbsinit), S(mbrtowc), S(wcrtomb), S(mbrlen), S(mbsrtowcs), S(wcsrtombs), S(mbsnrtowcs), S(wcsnrtombs), S(wcwidth),
    S(wcswidth), S(wcstod), S(wcstof), S(wcstold), S(wcstol), S(wcstoul), S(wcstoll), S(wcstoull), S(wcstoq), S(wcstouq),
    S(wcpcpy), S(wcpncpy), S(open_wmemstream), S(fwide), S(fwprintf), S(wprintf), S(swprintf), S(vfwprintf),
    S(vwprintf), S(vswprintf), S(fwscanf), S(wscanf), S(swscanf), S(vfwscanf), S(vwscanf), S(vswscanf), S(__isoc99_fwscanf), S(__isoc99_wscanf), S(__isoc99_swscanf), S(__isoc99_vfwscanf),
    S(__isoc99_vwscanf), S(__isoc99_vswscanf), S(fgetwc), S(getwc), S(getwchar), S(fputwc), S(putwc), S(putwchar),
    S(fgetws), S(fputws), S(ungetwc), S(getwc_unlocked), S(getwchar_unlocked), S(fgetwc_unlocked), S(fputwc_unlocked),
    S(putwc_unlocked), S(putwchar_unlocked), S(fgetws_unlocked), S(fputws_unlocked), S(wcsftime),
    S(iswalnum), S(iswalpha), S(iswcntrl), S(iswdigit), S(iswgraph), S(iswlower), S(iswprint), S(iswpunct), S(iswspace),
    S(iswupper), S(iswxdigit), S(iswblank), S(wctype), S(iswctype), S(towlower), S(towupper), S(wctrans), S(towctrans),
    /* glibc's inline functions and _FORTIFY_SOURCE checks */
    S(__getdelim), S(__uflow), S(__overflow), S(__ctype_get_mb_cur_max), S(__memcpy_chk), S(__memmove_chk), S(__memset_chk),
    S(__strcpy_chk), S(__strcat_chk), S(__strncpy_chk), S(__strncat_chk), S(__stpcpy_chk), S(__sprintf_chk), S(__snprintf_chk),
    S(__vsprintf_chk), S(__vsnprintf_chk), S(__printf_chk), S(__fprintf_chk), S(__vprintf_chk), S(__vfprintf_chk),
    S(__fgets_chk), S(__read_chk), S(__fread_chk), S(__realpath_chk), S(__getcwd_chk),
    /* the compiler's runtime */
    S(__muldc3), S(__divdc3), S(__mulsc3), S(__divsc3), S(__divdi3), S(__moddi3), S(__divmoddi4), S(__udivdi3),
    S(__umoddi3), S(__udivmoddi4), S(__muldi3), S(__ashldi3), S(__ashrdi3), S(__lshrdi3), S(__negdi2), S(__mulvdi3),
    S(__cmpdi2), S(__ucmpdi2), S(__clzdi2), S(__ctzdi2), S(__ffsdi2), S(__popcountdi2), S(__paritydi2), S(__bswapdi2),
    S(__powidf2), S(__powisf2), S(__fixdfdi), S(__fixsfdi), S(__fixunsdfdi), S(__fixunssfdi), S(__floatdidf),
    S(__floatundidf), S(__floatdisf), S(__floatundisf), { "__mulodi4", (void *)&mulodi4 }, { "__mulosi4", (void *)&mulosi4 },
    /* BareFlow platform API (bf.h) */
    S(bf_option), S(bf_options_check), S(bf_file), S(bf_cycles), S(bf_event), S(bf_fail), S(bf_exit),
    META_SYMS
};

static void usage(void) {
    fprintf(stderr, "usage: bfi [run] [--check] [--stats] [--jit | --jit=all | --jit-threshold N] [--jit-by-program] [--jit-dump DIR] [--trace FUNC] [--lazy] [--mem MB] [--stack MB] [--depth N]\n"
                    "           [--opt name=value]... [--data DIR] [--file NAME=PATH]... [--events FILE]\n"
                    "           [--entry FUNC] prog.bc [args...]\n"
                    "  --opt/--data/--file/--events feed the bf.h platform API (bf_option, bf_file, bf_event);\n"
                    "  --entry calls FUNC() instead of main(argc, argv) (e.g. app_main for tinyllama)\n"
                    "  --jit compiles a function to x86 once it has been called 100 times (--jit-threshold N;\n"
                    "    --jit=all: at its first call); what the JIT cannot compile stays interpreted\n"
                    "  --jit-by-program: the same thresholds, but compiled by the program's JIT once it hands it over\n"
                    "    (interpreter.bc does: bareflow run --meta); until then nothing is compiled\n"
                    "  --cache DIR (with --jit): load the code compiled by earlier runs of this module and this bfi\n"
                    "    from DIR/<module crc>.bfc, save it back when the run compiled something new\n");
    exit(2);
}

int main(int argc, char **argv) {
    bf_config cfg; memset(&cfg, 0, sizeof cfg);
    cfg.stack_size = PROGRAM_STACK; cfg.max_depth = PROGRAM_STACK / 32;
    int i = 1, stats = 0, check = 0, jit = 0, by_program = 0;
    uint32_t jit_threshold = 100;
    const char *entry = "main", *cache_dir = NULL;
    g_files = malloc(sizeof(char *) * (argc + 1));
    if (i < argc && !strcmp(argv[i], "run")) i++;
    g_opts = malloc(sizeof(char *) * (argc + 1));
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--stats")) stats = 1;
        else if (!strcmp(a, "--jit")) jit = 1;
        else if (!strcmp(a, "--jit=all")) { jit = 1; jit_threshold = 0; }
        else if (!strcmp(a, "--jit-by-program")) by_program = 1;
        else if (!strcmp(a, "--jit-threshold") && i + 1 < argc) { jit = 1; jit_threshold = (uint32_t)atoi(argv[++i]); }
        else if (!strcmp(a, "--jit-dump") && i + 1 < argc) { g_dump_dir = argv[++i]; cfg.on_code = dump_code; }
        else if (!strcmp(a, "--trace") && i + 1 < argc) cfg.trace = argv[++i];
        else if (!strcmp(a, "--lazy")) cfg.lazy_bind = 1;
        else if (!strcmp(a, "--check")) check = 1;
        else if (!strcmp(a, "--mem") && i + 1 < argc) cfg.mem_budget = (uint32_t)atoi(argv[++i]) << 20;
        else if (!strcmp(a, "--stack") && i + 1 < argc) cfg.stack_size = (uint32_t)atoi(argv[++i]) << 20;
        else if (!strcmp(a, "--depth") && i + 1 < argc) cfg.max_depth = (uint32_t)atoi(argv[++i]);
        else if (!strcmp(a, "--opt") && i + 1 < argc) g_opts[g_nopts++] = argv[++i];
        else if (!strcmp(a, "--data") && i + 1 < argc) g_datadir = argv[++i];
        else if (!strcmp(a, "--file") && i + 1 < argc) g_files[g_nfiles++] = argv[++i];
        else if (!strcmp(a, "--entry") && i + 1 < argc) entry = argv[++i];
        else if (!strcmp(a, "--events") && i + 1 < argc) { g_events = fopen(argv[++i], "w"); if (!g_events) { perror(argv[i]); return 1; } }
        else if (!strcmp(a, "--cache") && i + 1 < argc) cache_dir = argv[++i];
        else if (!strcmp(a, "--")) { i++; break; }
        else { fprintf(stderr, "error: run: unknown option '%s'\n", a); usage(); }
    }
    if (i >= argc) usage();
    const char *path = argv[i];
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "error: cannot open '%s': %s\n", path, strerror(errno)); return 1; }
    fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
    void *buf = malloc(n + 4);
    if (!buf || fread(buf, 1, n, f) != (size_t)n) { fprintf(stderr, "error: cannot read '%s'\n", path); return 1; }
    fclose(f);
    cfg.syms = host_syms; cfg.nsyms = sizeof host_syms / sizeof host_syms[0];
    cfg.stats = stats; cfg.exec_alloc = exec_alloc; cfg.print = eprint; cfg.fatal = fatal; cfg.now_us = now_us;
    int err = 0; char msg[256];
    uint64_t t0 = now_us();
    catch_faults();
    bf_engine *e = bf_load(buf, (uint32_t)n, &cfg, &err, msg, sizeof msg);
    uint64_t t1 = now_us();
    if (!e) { fprintf(stderr, "error: %s\n", msg); return err; }
    g_engine = e;
    if (getenv("BFI_TEST_ENGINE_FAULT")) {          /* test hook: a fault in bfi's own code (the engine-bug report) */
        static int *volatile nowhere;
        *nowhere = 1;
    }
    if (check) {                       /* load and lower everything, run nothing */
        int r = bf_prepare(e);
        if (r) { fprintf(stderr, "error: %s\n", bf_error(e)); return r; }
        bf_free(e);
        return 0;
    }
#ifndef BF_INTERPRETED
    if (by_program) {                  /* counting from the start, no compiler until the program gives one */
        g_program_jit_threshold = jit_threshold;
        bf_jit_enable_by(e, jit_threshold, jit_threshold ? 10 * jit_threshold : 1, 0);
        jit = 1;
    }
#else
    if (by_program) { fprintf(stderr, "error: run: --jit-by-program is the outer bfi's (bareflow run --meta)\n"); return 2; }
    guest_self_start();
#endif
    if (jit && !by_program) bf_jit_enable(e, jit_threshold);
    if (cache_dir && !jit) fprintf(stderr, "warning: --cache does nothing without --jit\n");
    else if (cache_dir) cache_open(e, cache_dir, stats);
    int pargc = argc - i;
    char **pargv = argv + i;
    /* the program's name, in its messages (assert, err, error, getopt's) as natively: its argv[0], not bfi's */
    program_invocation_name = pargv[0];
    program_invocation_short_name = strrchr(pargv[0], '/') ? strrchr(pargv[0], '/') + 1 : pargv[0];
    /* environ: main's third parameter, when it has one (a word too many is harmless in cdecl) */
    uint32_t w[3] = { (uint32_t)pargc, (uint32_t)(uintptr_t)pargv, (uint32_t)(uintptr_t)environ };
    uint64_t ret = 0;
    g_running = 1;
    int r = call_on_program_stack(e, entry, w, strcmp(entry, "main") ? 0 : 3, &ret);
    g_running = 0;
    uint64_t t2 = now_us();
    fflush(stdout);
    cache_save();
    if (stats) {
        bf_stats_t st; bf_get_stats(e, &st);
        fprintf(stderr, "[stats] load %llu us, run %llu us (lowering %llu us)\n", (unsigned long long)(t1 - t0),
                (unsigned long long)(t2 - t1), (unsigned long long)st.lower_us);
        bf_print_stats(e, 0);
        if (jit) bf_jit_print_stats(e);
    }
#ifdef BF_OPPROF
    {
        extern uint64_t bf_opcount[];
        static const char *names[] = {
#define X_NAME(n) #n,
            OPS(X_NAME)
        };
        uint64_t tot = 0; for (int k = 0; k < (int)(sizeof names / sizeof *names); k++) tot += bf_opcount[k];
        for (int round = 0; round < 25; round++) {
            int best = -1; for (int k = 0; k < (int)(sizeof names / sizeof *names); k++) if (bf_opcount[k] && (best < 0 || bf_opcount[k] > bf_opcount[best])) best = k;
            if (best < 0) break;
            fprintf(stderr, "%-10s %12llu %5.1f%%\n", names[best], (unsigned long long)bf_opcount[best], 100.0 * bf_opcount[best] / tot);
            bf_opcount[best] = 0;
        }
    }
#endif
    if (r) { fprintf(stderr, "error: %s\n", bf_error(e)); return r; }
    return (int)(uint32_t)ret & 255;
}
