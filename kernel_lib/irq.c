/* Hardware interrupts, for one purpose: a disk wait sleeps (hlt) until the
 * drive's interrupt instead of polling its status. Under QEMU -icount every
 * poll is a counted instruction while the host completes the I/O in real time,
 * so polling made two boots of the same image differ by millions of
 * instructions; a halted CPU counts none.
 * - The PICs are remapped to IRQ_VECTOR_BASE (the BIOS leaves the master on
 *   vectors 8..15, the CPU's exceptions), all lines masked but the IDE channels
 *   (IRQ 14, 15), the RTC (IRQ 8) and the cascade. The stubs in boot/entry.asm
 *   only acknowledge the PIC: the waiting code reads the device's status.
 * - The PIT is stopped: with -icount sleep=off a halted CPU moves the virtual
 *   clock, and so the TSC, to the next virtual timer's deadline (the BIOS's
 *   18.2 Hz tick), which would add up to 55 ms to the count per wait.
 * - The RTC, which QEMU drives by host time, is the watchdog: its periodic
 *   interrupt, on only while the CPU sleeps, bounds a wait for a drive that
 *   never answers. */
#include "bf.h"
#include "io.h"
#include "kernel.h"

enum { PIC1_CMD = 0x20, PIC1_DATA = 0x21, PIC2_CMD = 0xA0, PIC2_DATA = 0xA1 };
enum { PIC_INIT = 0x11, PIC_8086 = 0x01, PIC_CASCADE_IRQ = 2 };
enum { PIT_CH0 = 0x40, PIT_CMD = 0x43, PIT_CH0_ONE_SHOT = 0x30 };
enum { RTC_INDEX = 0x70, RTC_DATA = 0x71, RTC_A = 0x0A, RTC_B = 0x0B, RTC_C = 0x0C };
enum { RTC_RATE_MASK = 0x0F, RTC_B_INTERRUPTS = 0x70, RTC_B_PERIODIC = 0x40, RTC_C_PERIODIC = 0x40 };
/* Rate r gives 32768 >> (r - 1) Hz. */
#define RTC_RATE (16 - __builtin_ctz(IRQ_WATCHDOG_HZ))

static uint8_t rtc_read(uint8_t reg)
{
    outb(RTC_INDEX, reg);
    return inb(RTC_DATA);
}

static void rtc_write(uint8_t reg, uint8_t v)
{
    outb(RTC_INDEX, reg);
    outb(RTC_DATA, v);
}

void irq_init(void)
{
    outb(PIC1_CMD, PIC_INIT);
    outb(PIC2_CMD, PIC_INIT);
    outb(PIC1_DATA, IRQ_VECTOR_BASE);
    outb(PIC2_DATA, IRQ_VECTOR_BASE + 8);
    outb(PIC1_DATA, 1 << PIC_CASCADE_IRQ); /* where the slave is */
    outb(PIC2_DATA, PIC_CASCADE_IRQ);      /* the slave's identity */
    outb(PIC1_DATA, PIC_8086);
    outb(PIC2_DATA, PIC_8086);
    outb(PIC1_DATA, (uint8_t) ~(1 << PIC_CASCADE_IRQ));
    outb(PIC2_DATA, (uint8_t) ~(1 << (IRQ_RTC - 8) | 1 << (IRQ_IDE_PRIMARY - 8) | 1 << (IRQ_IDE_SECONDARY - 8)));

    /* A one-shot count of 1: it expires at once and the PIT arms no timer after. */
    outb(PIT_CMD, PIT_CH0_ONE_SHOT);
    outb(PIT_CH0, 1);
    outb(PIT_CH0, 0);

    rtc_write(RTC_A, (uint8_t)((rtc_read(RTC_A) & ~RTC_RATE_MASK) | RTC_RATE));
    rtc_write(RTC_B, rtc_read(RTC_B) & ~RTC_B_INTERRUPTS);
}

/* Sleeps until an interrupt: a device's or the watchdog's. Returns 1 if the
 * watchdog ticked (1 / IRQ_WATCHDOG_HZ seconds of host time passed). */
int irq_sleep(void)
{
    rtc_read(RTC_C); /* forgets a tick from before the sleep */
    uint8_t b = rtc_read(RTC_B);
    rtc_write(RTC_B, b | RTC_B_PERIODIC);
    __asm__ volatile("sti; hlt; cli" : : : "memory"); /* sti takes effect after hlt: no lost wake-up */
    rtc_write(RTC_B, b);
    return (rtc_read(RTC_C) & RTC_C_PERIODIC) != 0;
}
