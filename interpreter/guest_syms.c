/* The FFI table of the engine kernels: every kernel_lib function (and the
 * compiler's runtime) a program's bitcode may call, by name. One table, used
 * by guest.c (the bootstrap and jit kernels, and runtime.bc: the engine as
 * bitcode, which the meta kernel runs) and by guest_meta.c (the meta kernel,
 * which adds the names runtime.bc itself imports).
 *
 * The meta kernel's bootstrap (BF_BOOTSTRAP) lists only what runtime.bc takes
 * from it: runtime.bc links kernel_lib's stdlib.c, strtod.c, ctype.c, printf.c,
 * fmt_float.c, string_extra.c, compiler_rt.c and three math files as bitcode
 * (build/image-build.ts runtimeLibSources), so those run as runtime.bc's own
 * functions (interpreted, then compiled by its JIT when hot) and the bootstrap
 * carries no native copy of them (its own printf.c formats no floats). So are
 * the maths no kernel code calls (math_exp.c, math_log.c, math_round.c). The
 * rest of the maths stay native: tinyllama calls expf, powf, sinf and cosf every
 * token, and as runtime.bc's code compiled by its JIT they cost 1.64M -> 2.90M
 * instructions per token (stories260K, fewest after the prompt) for 7.9 KB less
 * kernel; fmod is the JIT's compiled frem's (jit/emit.c helpers). */
#include "bf.h"
#include "engine.h"
#include "libc.h"

/* the compiler's runtime: complex multiply/divide from kernel_lib/compiler_rt.c, the
   i386 helpers from libclang_rt.builtins-i386.a (linked into every kernel). runtime.bc
   (BF_RUNTIME_BC) takes the i386 helpers weak: the meta kernel's bootstrap lists none of
   them (what its own code calls stays private to it, the rest is not linked: 2 KB), so
   they are null in runtime.bc's table, and a program calling one in a meta boot stops
   with `unresolved external` (tinyllama calls none: clang emits these calls for i386
   machine code, never in bitcode) */
#ifdef BF_RUNTIME_BC
#define HELPER extern __attribute__((weak))
#else
#define HELPER extern
#endif
typedef struct { double re, im; } cdouble;
typedef struct { float re, im; } cfloat;
extern cdouble __muldc3(double, double, double, double), __divdc3(double, double, double, double);
extern cfloat __mulsc3(float, float, float, float), __divsc3(float, float, float, float);
HELPER int64_t __divdi3(int64_t, int64_t), __moddi3(int64_t, int64_t), __divmoddi4(int64_t, int64_t, int64_t *);
HELPER uint64_t __udivdi3(uint64_t, uint64_t), __umoddi3(uint64_t, uint64_t), __udivmoddi4(uint64_t, uint64_t, uint64_t *);
HELPER int64_t __muldi3(int64_t, int64_t), __ashldi3(int64_t, int), __ashrdi3(int64_t, int), __lshrdi3(int64_t, int);
HELPER int64_t __negdi2(int64_t), __mulvdi3(int64_t, int64_t), __mulodi4(int64_t, int64_t, int *);
HELPER int32_t __mulosi4(int32_t, int32_t, int *);
HELPER int __cmpdi2(int64_t, int64_t), __ucmpdi2(uint64_t, uint64_t);
HELPER int __clzdi2(uint64_t), __ctzdi2(uint64_t), __ffsdi2(int64_t), __popcountdi2(uint64_t), __paritydi2(uint64_t);
HELPER int64_t __bswapdi2(int64_t);
HELPER double __powidf2(double, int);
HELPER float __powisf2(float, int);
HELPER int64_t __fixdfdi(double), __fixsfdi(float);
HELPER uint64_t __fixunsdfdi(double), __fixunssfdi(float);
HELPER double __floatdidf(int64_t), __floatundidf(uint64_t);
HELPER float __floatdisf(int64_t), __floatundisf(uint64_t);

#define S(n) { #n, (void *)&n }
const bf_sym bf_kernel_syms[] = {
    /* the platform API */
    S(bf_option), S(bf_options_check), S(bf_file), S(bf_cycles), S(bf_event), S(bf_fail), S(bf_exit),
    /* string */
    S(memcpy), S(memmove), S(memset), S(memcmp), S(strlen), S(strcmp), S(strncmp), S(strcpy),
    S(strncpy), S(strchr), S(strstr),
    /* the allocator */
    S(malloc), S(calloc), S(realloc), S(free),
#ifndef BF_BOOTSTRAP
    /* string_extra.c */
    S(strrchr), S(strcat), S(strncat), S(stpcpy), S(memchr), S(strnlen), S(strspn), S(strcspn), S(strpbrk),
    S(strtok), S(strtok_r), S(strdup), S(strndup), S(strcasecmp), S(strncasecmp), S(ffs), S(ffsl), S(ffsll),
    /* stdio */
    S(printf), S(vprintf), S(snprintf), S(vsnprintf), S(puts), S(putchar),
    /* stdlib */
    S(atoi), S(strtol), S(strtoul), S(strtod), S(atof), S(qsort), S(abs), S(exit),
    S(labs), S(llabs), S(atol), S(div), S(ldiv), S(lldiv), S(bsearch), S(abort), S(rand), S(srand), S(random), S(srandom),
    /* ctype, and glibc's tables that the ctype macros of glibc-compiled programs read */
    S(isalnum), S(isalpha), S(isblank), S(iscntrl), S(isdigit), S(isgraph), S(islower), S(isprint), S(ispunct),
    S(isspace), S(isupper), S(isxdigit), S(isascii), S(tolower), S(toupper), S(__ctype_b_loc),
    S(__ctype_tolower_loc), S(__ctype_toupper_loc),
#endif
    /* math */
    S(sqrtf), S(sqrt), S(expf), S(powf), S(pow), S(sinf), S(sin), S(cosf), S(cos), S(fabsf), S(fabs), S(floor),
    S(fmodf), S(fmod),
#ifndef BF_BOOTSTRAP
    /* math_exp.c, math_log.c, math_round.c */
    S(exp), S(tanhf), S(logf), S(log), S(floorf), S(ceilf), S(ceil), S(roundf),
#endif
#ifndef BF_BOOTSTRAP
    /* the compiler's runtime */
    S(__muldc3), S(__divdc3), S(__mulsc3), S(__divsc3), S(__divdi3), S(__moddi3), S(__divmoddi4), S(__udivdi3),
    S(__umoddi3), S(__udivmoddi4), S(__muldi3), S(__ashldi3), S(__ashrdi3), S(__lshrdi3), S(__negdi2), S(__mulvdi3),
    S(__mulodi4), S(__mulosi4), S(__cmpdi2), S(__ucmpdi2), S(__clzdi2), S(__ctzdi2), S(__ffsdi2), S(__popcountdi2),
    S(__paritydi2), S(__bswapdi2), S(__powidf2), S(__powisf2), S(__fixdfdi), S(__fixsfdi), S(__fixunsdfdi),
    S(__fixunssfdi), S(__floatdidf), S(__floatundidf), S(__floatdisf), S(__floatundisf),
#endif
};

const int bf_kernel_nsyms = sizeof bf_kernel_syms / sizeof bf_kernel_syms[0];
