/* The jit kernel's addition to guest.c: the JIT on, and one `compile` event
 * per function it compiles, saying what it cost and during which token, so the
 * warm-up shows in the events next to the cost of each token. */
#include "bf.h"
#include "engine.h"
#include "kernel.h"
#include "libc.h"

/* As bfi --jit on the host: a function called this often is compiled, and a
 * loop taken ten times as often is entered compiled (OSR). The boot option
 * jit_threshold overrides it (0: compile every function at its first call). */
#define JIT_THRESHOLD 100

#define TOKEN_EVENT "{\"ev\":\"token\""

static uint32_t tokens; /* token events the program has sent: forward passes done */

/* bf_event as the program calls it: counts its token events on the way. */
static void program_event(const char *fmt, ...)
{
    if (strncmp(fmt, TOKEN_EVENT, sizeof TOKEN_EVENT - 1) == 0)
        tokens++;
    va_list ap;
    va_start(ap, fmt);
    bf_vevent(fmt, ap);
    va_end(ap);
}

static void on_compile(const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes, uint32_t cycles, int osr)
{
    char text[128];
    if (nlen >= sizeof text)
        nlen = sizeof text - 1;
    memcpy(text, name, nlen);
    text[nlen] = 0;
    event_write("{\"ev\":\"compile\",\"name\":");
    event_json_string(text);
    bf_event(",\"ins\":%u,\"bytes\":%u,\"cycles\":%u,\"osr\":%s,\"token\":%u,\"tsc\":%llu}", ins, bytes, cycles,
             osr ? "true" : "false", tokens, (unsigned long long)bf_cycles());
}

void guest_jit_config(bf_config *cfg)
{
    bf_sym *syms = malloc(cfg->nsyms * sizeof *syms);
    if (!syms)
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory for the FFI table");
    for (int i = 0; i < cfg->nsyms; i++) {
        syms[i] = cfg->syms[i];
        if (strcmp(syms[i].name, "bf_event") == 0)
            syms[i].addr = (void *)program_event;
    }
    cfg->syms = syms;
    cfg->on_compile = on_compile;
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

void guest_jit_start(bf_engine *e) { bf_jit_enable(e, threshold()); }
