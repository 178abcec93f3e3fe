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

/* the compiler's runtime: complex multiply/divide from kernel_lib/compiler_rt.c, the
   i386 helpers from libclang_rt.builtins-i386.a (linked into every kernel) */
typedef struct { double re, im; } cdouble;
typedef struct { float re, im; } cfloat;
extern cdouble __muldc3(double, double, double, double), __divdc3(double, double, double, double);
extern cfloat __mulsc3(float, float, float, float), __divsc3(float, float, float, float);
extern int64_t __divdi3(int64_t, int64_t), __moddi3(int64_t, int64_t), __divmoddi4(int64_t, int64_t, int64_t *);
extern uint64_t __udivdi3(uint64_t, uint64_t), __umoddi3(uint64_t, uint64_t), __udivmoddi4(uint64_t, uint64_t, uint64_t *);
extern int64_t __muldi3(int64_t, int64_t), __ashldi3(int64_t, int), __ashrdi3(int64_t, int), __lshrdi3(int64_t, int);
extern int64_t __negdi2(int64_t), __mulvdi3(int64_t, int64_t), __mulodi4(int64_t, int64_t, int *);
extern int32_t __mulosi4(int32_t, int32_t, int *);
extern int __cmpdi2(int64_t, int64_t), __ucmpdi2(uint64_t, uint64_t);
extern int __clzdi2(uint64_t), __ctzdi2(uint64_t), __ffsdi2(int64_t), __popcountdi2(uint64_t), __paritydi2(uint64_t);
extern int64_t __bswapdi2(int64_t);
extern double __powidf2(double, int);
extern float __powisf2(float, int);
extern int64_t __fixdfdi(double), __fixsfdi(float);
extern uint64_t __fixunsdfdi(double), __fixunssfdi(float);
extern double __floatdidf(int64_t), __floatundidf(uint64_t);
extern float __floatdisf(int64_t), __floatundisf(uint64_t);

#define S(n) { #n, (void *)&n }
static const bf_sym kernel_syms[] = {
    /* the platform API */
    S(bf_option), S(bf_options_check), S(bf_file), S(bf_cycles), S(bf_event), S(bf_fail), S(bf_exit),
    /* stdio */
    S(printf), S(vprintf), S(snprintf), S(vsnprintf), S(puts), S(putchar),
    /* string */
    S(memcpy), S(memmove), S(memset), S(memcmp), S(strlen), S(strcmp), S(strncmp), S(strcpy),
    S(strncpy), S(strchr), S(strstr),
    /* stdlib */
    S(malloc), S(calloc), S(realloc), S(free), S(atoi), S(strtol), S(strtoul), S(strtod), S(atof),
    S(qsort), S(abs), S(exit),
    S(strrchr), S(strcat), S(strncat), S(stpcpy), S(memchr), S(strnlen), S(strspn), S(strcspn), S(strpbrk),
    S(strtok), S(strtok_r), S(strdup), S(strndup), S(strcasecmp), S(strncasecmp), S(ffs), S(ffsl), S(ffsll),
    S(labs), S(llabs), S(atol), S(div), S(ldiv), S(lldiv), S(bsearch), S(abort), S(rand), S(srand), S(random), S(srandom),
    /* ctype, and glibc's tables that the ctype macros of glibc-compiled programs read */
    S(isalnum), S(isalpha), S(isblank), S(iscntrl), S(isdigit), S(isgraph), S(islower), S(isprint), S(ispunct),
    S(isspace), S(isupper), S(isxdigit), S(isascii), S(tolower), S(toupper), S(__ctype_b_loc),
    S(__ctype_tolower_loc), S(__ctype_toupper_loc),
    /* math */
    S(sqrtf), S(sqrt), S(expf), S(exp), S(logf), S(log), S(powf), S(pow), S(sinf), S(sin), S(cosf),
    S(cos), S(tanhf), S(fabsf), S(fabs), S(floorf), S(floor), S(ceilf), S(ceil), S(roundf),
    S(fmodf), S(fmod),
    /* the compiler's runtime */
    S(__muldc3), S(__divdc3), S(__mulsc3), S(__divsc3), S(__divdi3), S(__moddi3), S(__divmoddi4), S(__udivdi3),
    S(__umoddi3), S(__udivmoddi4), S(__muldi3), S(__ashldi3), S(__ashrdi3), S(__lshrdi3), S(__negdi2), S(__mulvdi3),
    S(__mulodi4), S(__mulosi4), S(__cmpdi2), S(__ucmpdi2), S(__clzdi2), S(__ctzdi2), S(__ffsdi2), S(__popcountdi2),
    S(__paritydi2), S(__bswapdi2), S(__powidf2), S(__powisf2), S(__fixdfdi), S(__fixsfdi), S(__fixunsdfdi),
    S(__fixunssfdi), S(__floatdidf), S(__floatundidf), S(__floatdisf), S(__floatundisf),
};

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
    cfg.syms = kernel_syms;
    cfg.nsyms = sizeof kernel_syms / sizeof kernel_syms[0];
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
