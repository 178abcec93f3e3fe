/* The human console: COM1 (what the host runner shows) mirrored on VGA text.
 * Lines end in a bare '\n' so the host sees the same text a hosted build prints. */
#include "kernel.h"

void console_putc(char c)
{
    serial_putc(COM1, c);
    vga_putc(c);
}
