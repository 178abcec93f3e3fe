/* 16550 UART driver, polled (interrupts stay off in BareFlow).
 * 115200 baud 8N1. A port with no UART behind it is detected at init and then
 * ignored, so writes never spin on a missing device. */
#include "io.h"
#include "kernel.h"

enum { DATA = 0, IER = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5, SCRATCH = 7 };
enum { LSR_THR_EMPTY = 0x20, LSR_IDLE = 0x40 };
#define WAIT_LIMIT (1u << 22) /* polls before giving up on one character */

static uint8_t present[2]; /* COM1, COM2 */

static int slot(uint16_t port) { return port == COM1 ? 0 : 1; }

void serial_init(uint16_t port)
{
    outb(port + SCRATCH, 0x5A);
    if (inb(port + SCRATCH) != 0x5A)
        return;
    outb(port + IER, 0x00);
    outb(port + LCR, 0x80); /* divisor latch */
    outb(port + DATA, 1);   /* 115200 / 1 */
    outb(port + IER, 0);
    outb(port + LCR, 0x03); /* 8N1 */
    outb(port + FCR, 0xC7); /* FIFO on, cleared */
    outb(port + MCR, 0x03); /* DTR, RTS */
    present[slot(port)] = 1;
}

void serial_putc(uint16_t port, char c)
{
    if (!present[slot(port)])
        return;
    for (uint32_t i = 0; i < WAIT_LIMIT; i++)
        if (inb(port + LSR) & LSR_THR_EMPTY)
            break;
    outb(port + DATA, (uint8_t)c);
}

void serial_write(uint16_t port, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        serial_putc(port, s[i]);
}

/* Waits until the transmitter has sent everything (before QEMU exits). */
void serial_flush(uint16_t port)
{
    if (!present[slot(port)])
        return;
    for (uint32_t i = 0; i < WAIT_LIMIT; i++)
        if (inb(port + LSR) & LSR_IDLE)
            return;
}
