/* The event channel: one JSON object per line on COM2, read by the host
 * runner and validated against its schemas. A line is put together in a
 * buffer and sent whole when its '\n' arrives: a fault while it is being
 * formatted leaves nothing on COM2, and the trap handler finishes a line a
 * fault interrupted while it was going out (event_line_rescue), so the host
 * sees whole lines only. */
#include <stdarg.h>
#include "bf.h"
#include "kernel.h"
#include "libc.h"

static char line[8192];  /* longer lines (none so far) go out in pieces */
static uint32_t used;    /* bytes in line[] */
static uint32_t sent;    /* of those, bytes already on COM2 while sending */
static int sending;      /* line[] is going out */
static int spilled;      /* part of the current line went out early (buffer full) */
uint32_t event_fault_at = (uint32_t)-1; /* fault=event (fault.c): #UD with this many bytes out */

static void line_send(void)
{
    sending = 1;
    for (sent = 0; sent < used; sent++) {
        if (sent == event_fault_at) { /* test hook: once */
            event_fault_at = (uint32_t)-1;
            __asm__ volatile("ud2");
        }
        serial_putc(COM2, line[sent]);
    }
    sending = 0;
    used = 0;
}

static void line_putc(char c)
{
    if (used == sizeof line) {
        line_send();
        spilled = 1;
    }
    line[used++] = c;
    if (c == '\n') {
        line_send();
        spilled = 0;
    }
}

/* For the trap handler, before it writes its own event. A fault inside
 * serial_putc may repeat one character; anything else leaves the line whole. */
void event_line_rescue(void)
{
    if (sending) {
        for (; sent < used; sent++)
            serial_putc(COM2, line[sent]);
        sending = 0;
        used = 0;
    } else {
        used = 0; /* never sent: drop it */
    }
    if (spilled) /* its start is out: end it (the host reports it as a bad line) */
        serial_putc(COM2, '\n');
    spilled = 0;
}

static void line_sink(char c, void *ctx)
{
    (void)ctx;
    line_putc(c);
}

void bf_vevent(const char *fmt, va_list ap)
{
    format(line_sink, 0, fmt, ap);
    line_putc('\n');
}

void bf_event(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bf_vevent(fmt, ap);
    va_end(ap);
}

void event_write(const char *s)
{
    while (*s)
        line_putc(*s++);
}

/* s as a JSON string literal, quotes included. */
void event_json_string(const char *s)
{
    static const char hex[] = "0123456789abcdef";
    line_putc('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            line_putc('\\');
            line_putc((char)c);
        } else if (c == '\n') {
            event_write("\\n");
        } else if (c == '\t') {
            event_write("\\t");
        } else if (c < 0x20 || c == 0x7F) {
            event_write("\\u00");
            line_putc(hex[c >> 4]);
            line_putc(hex[c & 15]);
        } else {
            line_putc((char)c);
        }
    }
    line_putc('"');
}

/* One compile event of a JIT (the jit and meta kernels): `fields` are JSON
 * members that come right after "ev", each with its comma (the meta kernel's
 * layer and compiler), or "". The name is not NUL-terminated (the module's). */
/* Where the time between two token events went, for one engine: its totals so
 * far (the report takes the differences). layer: what the engine runs ("app":
 * tinyllama.bc; "runtime": runtime.bc, in the meta kernel's bootstrap). */
void event_split(const char *layer, uint32_t token, uint64_t interpreting, uint64_t native)
{
    bf_event("{\"ev\":\"split\",\"layer\":\"%s\",\"token\":%u,\"interpreting\":%llu,\"native\":%llu}", layer, token,
             (unsigned long long)interpreting, (unsigned long long)native);
}

void event_compile(const char *fields, const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes,
                   uint32_t cycles, int osr, uint32_t token)
{
    char text[128];
    if (nlen >= sizeof text)
        nlen = sizeof text - 1;
    memcpy(text, name, nlen);
    text[nlen] = 0;
    event_write("{\"ev\":\"compile\",");
    event_write(fields);
    event_write("\"name\":");
    event_json_string(text);
    bf_event(",\"ins\":%u,\"bytes\":%u,\"cycles\":%u,\"osr\":%s,\"token\":%u,\"tsc\":%llu}", ins, bytes, cycles,
             osr ? "true" : "false", token, (unsigned long long)bf_cycles());
}
