/* kernel_lib internals: what the files of kernel_lib provide to each other.
 * Applications use bf.h and libc.h only. */
#ifndef BF_KERNEL_H
#define BF_KERNEL_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "bootinfo.h"

/* serial.c: 16550 UARTs, polled. COM1 is the human console, COM2 the events. */
#define COM1 0x3F8
#define COM2 0x2F8
void serial_init(uint16_t port);
void serial_putc(uint16_t port, char c);
void serial_write(uint16_t port, const char *s, size_t n);
void serial_flush(uint16_t port);

/* vga.c: 80x25 text mode mirror of the console (absent under -nodefaults). */
void vga_init(void);
void vga_putc(char c);

/* console.c: one character to the human console (COM1 + VGA). */
void console_putc(char c);

/* printf.c: the formatting engine behind printf, snprintf and bf_event. */
typedef void (*format_sink)(char c, void *ctx);
int format(format_sink sink, void *ctx, const char *fmt, va_list ap);
/* fmt_float.c: %f %e %g of one double into buf (>= FMT_FLOAT_BUF bytes). */
#define FMT_FLOAT_BUF 1400
#define FMT_FLOAT_MAX_PREC 1000
int fmt_float(char *buf, double x, char conv, int prec, int alt, char sign);

/* events.c: the COM2 event stream, a whole line at a time. */
void bf_vevent(const char *fmt, va_list ap); /* bf_event with a va_list (for wrappers) */
void event_write(const char *s);
void event_json_string(const char *s);
void event_compile(const char *fields, const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes,
                   uint32_t cycles, int osr, uint32_t token);
void event_split(const char *layer, uint32_t token, uint64_t interpreting, uint64_t native);
void event_line_rescue(void);
extern uint32_t event_fault_at; /* fault=event: the next line faults part-way out */

/* kernel_lib/id/<kernel>.c, one per kernel: the name it was built as. */
extern const char bf_kernel_name[];

/* memmap.c: the E820 map handed over by stage2. */
void memmap_init(const struct bf_boot_info *info);
uint64_t memmap_total(void);
/* The usable RAM region containing `addr`: [*start, *end). 0 if none. */
int memmap_region(uint32_t addr, uint32_t *start, uint32_t *end);

/* malloc.c */
void heap_init(uint32_t start, uint32_t end);

/* crc32.c: CRC-32 (IEEE 802.3, as zlib.crc32). Pass 0 to start. */
uint32_t crc32_update(uint32_t crc, const void *data, size_t n);

/* ata.c: ATA PIO disks on the legacy IDE ports. */
int ata_find_disk(const void *sector, uint32_t lba);
int ata_read(uint32_t lba, uint32_t count, void *buf);
/* Writes and flushes never end the run: 0, or -1 with the reason in why[len]. */
int ata_write(uint32_t lba, uint32_t count, const void *buf, char *why, uint32_t len);
int ata_flush(char *why, uint32_t len);
extern int ata_fault_hang; /* fault=disk-hang: the drive reads as busy from now on */

/* fwcfg.c: QEMU firmware configuration files. */
struct fwcfg_file {
    uint32_t size;
    uint16_t select;
    char name[56];
};
void fwcfg_init(void);
int fwcfg_count(void);
const struct fwcfg_file *fwcfg_entry(int i);
const struct fwcfg_file *fwcfg_find(const char *name);
void fwcfg_read(const struct fwcfg_file *f, void *buf, uint32_t len);

/* image.c: the image header (from stage2) and the data volume. */
void image_init(const struct bf_boot_info *info);
const struct bf_image_header *image_header(void);
/* The CRC-32 the data volume's directory records for file `name` (bf_file
 * checks the file against it when it loads it): 0, or -1 if there is none. */
int image_file_crc(const char *name, uint32_t *crc, uint32_t *size);

/* options.c */
#define OPTION_PREFIX "opt/bareflow/"

/* traps.c, irq.c, paging.c, fault.c */
extern int trap_fault_armed; /* fault=nested: trap_handler faults mid-report */
void traps_init(void);
#define IRQ_VECTOR_BASE 32 /* IRQ n arrives on vector IRQ_VECTOR_BASE + n */
enum { IRQ_RTC = 8, IRQ_IDE_PRIMARY = 14, IRQ_IDE_SECONDARY = 15 };
#define IRQ_WATCHDOG_HZ 2  /* a power of two */
void irq_init(void);
int irq_sleep(void);
void paging_init(void);
void fault_inject(void);

/* exit.c: isa-debug-exit. */
void machine_exit(int code) __attribute__((noreturn));
#endif
