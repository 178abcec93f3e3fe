/* The event channel: one JSON object per line on COM2, read by the host
 * runner and validated against its schemas. */
#include <stdarg.h>
#include "bf.h"
#include "kernel.h"

static void com2_sink(char c, void *ctx)
{
    (void)ctx;
    serial_putc(COM2, c);
}

void bf_event(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    format(com2_sink, 0, fmt, ap);
    va_end(ap);
    serial_putc(COM2, '\n');
}

void event_write(const char *s)
{
    while (*s)
        serial_putc(COM2, *s++);
}

/* s as a JSON string literal, quotes included. */
void event_json_string(const char *s)
{
    static const char hex[] = "0123456789abcdef";
    serial_putc(COM2, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            serial_putc(COM2, '\\');
            serial_putc(COM2, (char)c);
        } else if (c == '\n') {
            event_write("\\n");
        } else if (c == '\t') {
            event_write("\\t");
        } else if (c < 0x20 || c == 0x7F) {
            event_write("\\u00");
            serial_putc(COM2, hex[c >> 4]);
            serial_putc(COM2, hex[c & 15]);
        } else {
            serial_putc(COM2, (char)c);
        }
    }
    serial_putc(COM2, '"');
}
