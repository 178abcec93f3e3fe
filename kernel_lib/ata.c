/* ATA PIO on the legacy IDE channels (QEMU -machine pc; q35 has none). LBA28.
 * A wait for the drive sleeps until its interrupt (irq.c: under -icount a
 * polled wait counted host I/O time as instructions), bounded by the watchdog:
 * a drive busy for WAIT_SECONDS fails with a named error. READ/WRITE MULTIPLE
 * with blocks of 16 sectors when the drive supports it (one wait per 8 KiB
 * instead of per sector), else READ/WRITE SECTORS; FLUSH CACHE after writes. A status of 0xFF is a floating bus: no
 * device, an error, never a spin. Every wait is bounded. A read that fails ends
 * the run with BF_EXIT_DISK; a write or flush that fails returns an error with
 * the reason (the cache writer then gives up: the slot it was writing is not
 * valid, the other slot and the rest of the disk are untouched). */
#include "bf.h"
#include "io.h"
#include "kernel.h"
#include "libc.h"

enum { REG_DATA = 0, REG_COUNT = 2, REG_LBA0 = 3, REG_LBA1 = 4, REG_LBA2 = 5, REG_DRIVE = 6,
       REG_STATUS = 7, REG_COMMAND = 7 };
enum { ST_ERR = 0x01, ST_DRQ = 0x08, ST_DF = 0x20, ST_BSY = 0x80, NO_DEVICE = 0xFF };
enum { CMD_READ_SECTORS = 0x20, CMD_WRITE_SECTORS = 0x30, CMD_READ_MULTIPLE = 0xC4,
       CMD_WRITE_MULTIPLE = 0xC5, CMD_SET_MULTIPLE = 0xC6, CMD_FLUSH_CACHE = 0xE7, CMD_IDENTIFY = 0xEC };
#define BLOCK 16       /* sectors per READ MULTIPLE block */
#define WAIT_SECONDS 10
#define LBA28_LIMIT (1u << 28)
/* Reads' and writes' messages, "read" or "write" the first argument: one string each in the kernel. */
#define PAST_THE_END "disk %s of %u sectors at LBA %u is past the end of the disk (%u sectors)"
#define FAILED_AT "disk %s failed at LBA %u (ATA %s%u, status 0x%02x%s)"

struct disk {
    uint16_t io, ctrl; /* command block and control ports */
    uint8_t slave;
    uint8_t block;     /* sectors per data request: BLOCK or 1 */
    uint32_t sectors;  /* LBA28 capacity */
};

static const struct disk candidates[] = {
    { 0x1F0, 0x3F6, 0, 1, 0 }, { 0x1F0, 0x3F6, 1, 1, 0 },
    { 0x170, 0x376, 0, 1, 0 }, { 0x170, 0x376, 1, 1, 0 },
};
static struct disk disk;
static int have_disk;
int ata_fault_hang;

/* The alternate status register: reading it does not acknowledge anything. */
static uint8_t status(const struct disk *d) { return inb(d->ctrl); }

/* Waits for BSY to clear. Returns the status: NO_DEVICE if there is no drive,
 * BSY still set on timeout. Reading the status register (not the alternate)
 * acknowledges the drive's interrupt, so that its next one is a new edge. */
static uint8_t wait_ready(const struct disk *d)
{
    uint32_t ticks = 0;
    for (;;) {
        uint8_t s = inb(d->io + REG_STATUS) | (ata_fault_hang ? ST_BSY : 0);
        if (s == NO_DEVICE || !(s & ST_BSY) || ticks == WAIT_SECONDS * IRQ_WATCHDOG_HZ)
            return s;
        ticks += irq_sleep();
    }
}

/* Waits for the interrupt the drive raises when a command or a block is done,
 * then as wait_ready. It sleeps first even when the interrupt has come already
 * (pending, it ends the sleep at once), so the instructions run do not depend
 * on how long the host took; and no interrupt is left pending for a later wait. */
static uint8_t wait_interrupt(const struct disk *d)
{
    irq_sleep();
    return wait_ready(d);
}

static int failed(uint8_t st) { return st == NO_DEVICE || (st & (ST_BSY | ST_ERR | ST_DF)); }

/* 0 if the drive offers (reads) or asks for (writes) a block of data. */
static int no_data(uint8_t st) { return failed(st) || !(st & ST_DRQ); }

/* What a failing status means, for an error message. */
static const char *status_meaning(uint8_t st)
{
    if (st == NO_DEVICE)
        return ": no device";
    if (st & ST_BSY)
        return ": timeout, the drive stayed busy";
    return "";
}

static void select_drive(const struct disk *d, uint32_t lba)
{
    outb(d->io + REG_DRIVE, (uint8_t)(0xE0 | (d->slave << 4) | ((lba >> 24) & 0x0F)));
    for (int i = 0; i < 4; i++) /* the 400 ns the drive needs to answer */
        status(d);
}

static void issue(const struct disk *d, uint32_t lba, uint8_t count, uint8_t cmd)
{
    outb(d->io + REG_COUNT, count);
    outb(d->io + REG_LBA0, (uint8_t)lba);
    outb(d->io + REG_LBA1, (uint8_t)(lba >> 8));
    outb(d->io + REG_LBA2, (uint8_t)(lba >> 16));
    outb(d->io + REG_COMMAND, cmd);
}

/* IDENTIFY DEVICE: fills capacity and block size. 0 if an ATA disk answers. */
static int identify(struct disk *d)
{
    if (inb(d->io + REG_STATUS) == NO_DEVICE)
        return -1;
    outb(d->ctrl, 0); /* interrupts on (nIEN clear) */
    select_drive(d, 0);
    if (wait_ready(d) & ST_BSY)
        return -1;
    issue(d, 0, 0, CMD_IDENTIFY);
    if (inb(d->io + REG_STATUS) == 0) /* nobody there */
        return -1;
    uint8_t st = wait_interrupt(d);
    if (inb(d->io + REG_LBA1) || inb(d->io + REG_LBA2)) /* ATAPI or SATA signature */
        return -1;
    if (no_data(st))
        return -1;
    uint16_t id[256];
    insl(d->io + REG_DATA, id, sizeof id / 4);
    d->sectors = id[60] | (uint32_t)id[61] << 16;
    if (d->sectors == 0) /* no LBA support */
        return -1;
    d->block = 1;
    if ((id[47] & 0xFF) >= BLOCK) {
        issue(d, 0, BLOCK, CMD_SET_MULTIPLE);
        if (!failed(wait_interrupt(d)))
            d->block = BLOCK;
    }
    return 0;
}

/* One command of at most 256 sectors. Returns 0, or the failing status. */
static int read_command(const struct disk *d, uint32_t lba, uint32_t count, uint8_t *buf,
                        uint8_t *st)
{
    *st = wait_ready(d);
    if (failed(*st))
        return -1;
    select_drive(d, lba);
    issue(d, lba, (uint8_t)count, d->block > 1 ? CMD_READ_MULTIPLE : CMD_READ_SECTORS);
    for (uint32_t done = 0; done < count;) {
        uint32_t n = count - done < d->block ? count - done : d->block;
        *st = wait_interrupt(d);
        if (no_data(*st))
            return -1;
        insl(d->io + REG_DATA, buf + done * BF_SECTOR, n * BF_SECTOR / 4);
        done += n;
    }
    *st = wait_ready(d);
    return failed(*st) ? -1 : 0;
}

static void read_or_fail(const struct disk *d, uint32_t lba, uint32_t count, void *buf)
{
    uint8_t *p = buf;
    if (lba >= d->sectors || count > d->sectors - lba)
        bf_fail(BF_EXIT_DISK, PAST_THE_END, "read", count, lba, d->sectors);
    while (count) {
        uint32_t n = count < 256 ? count : 256; /* a count of 0 means 256 */
        uint8_t st;
        if (read_command(d, lba, n, p, &st))
            bf_fail(BF_EXIT_DISK, FAILED_AT, "read", lba,
                    d->io == 0x1F0 ? "primary " : "secondary ", d->slave, st, status_meaning(st));
        lba += n;
        count -= n;
        p += n * BF_SECTOR;
    }
}

/* Finds the ATA disk whose sector `lba` equals `sector` (the boot disk: the
 * BIOS drive number does not say which channel it is on). 0 if found. */
int ata_find_disk(const void *sector, uint32_t lba)
{
    uint8_t buf[BF_SECTOR];
    for (unsigned i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        struct disk d = candidates[i];
        uint8_t st;
        if (identify(&d) || lba >= d.sectors || read_command(&d, lba, 1, buf, &st))
            continue;
        if (memcmp(buf, sector, BF_SECTOR) == 0) {
            disk = d;
            have_disk = 1;
            return 0;
        }
    }
    return -1;
}

/* Reads `count` sectors from the boot disk; failures end the run. */
int ata_read(uint32_t lba, uint32_t count, void *buf)
{
    if (!have_disk)
        bf_fail(BF_EXIT_DISK, "no boot disk found on the IDE channels");
    if (lba >= LBA28_LIMIT || count > LBA28_LIMIT - lba)
        bf_fail(BF_EXIT_DISK, "LBA %u is beyond LBA28", lba);
    read_or_fail(&disk, lba, count, buf);
    return 0;
}

/* One write command of at most 256 sectors: the data of each block once the
 * drive asks for it (DRQ), then the final status. Returns 0, or the failing status. */
static int write_command(const struct disk *d, uint32_t lba, uint32_t count, const uint8_t *buf,
                         uint8_t *st)
{
    *st = wait_ready(d);
    if (failed(*st))
        return -1;
    select_drive(d, lba);
    issue(d, lba, (uint8_t)count, d->block > 1 ? CMD_WRITE_MULTIPLE : CMD_WRITE_SECTORS);
    for (uint32_t done = 0; done < count;) {
        uint32_t n = count - done < d->block ? count - done : d->block;
        *st = done ? wait_interrupt(d) : wait_ready(d); /* the first block is asked for without one */
        if (no_data(*st))
            return -1;
        outsl(d->io + REG_DATA, buf + done * BF_SECTOR, n * BF_SECTOR / 4);
        done += n;
    }
    *st = wait_interrupt(d);
    return failed(*st) || (*st & ST_DRQ) ? -1 : 0;
}

static int write_error(char *why, uint32_t len, const char *fmt, ...)
{
    if (why && len) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, len, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Writes `count` sectors to the boot disk. 0, or -1 with the reason in `why`
 * (the sectors from the failing command on are in an unknown state). */
int ata_write(uint32_t lba, uint32_t count, const void *buf, char *why, uint32_t len)
{
    const uint8_t *p = buf;
    if (!have_disk)
        return write_error(why, len, "no boot disk found on the IDE channels");
    if (lba >= disk.sectors || count > disk.sectors - lba)
        return write_error(why, len, PAST_THE_END, "write", count, lba, disk.sectors);
    while (count) {
        uint32_t n = count < 256 ? count : 256;
        uint8_t st;
        if (write_command(&disk, lba, n, p, &st))
            return write_error(why, len, FAILED_AT, "write", lba,
                               disk.io == 0x1F0 ? "primary " : "secondary ", disk.slave, st,
                               status_meaning(st));
        lba += n;
        count -= n;
        p += n * BF_SECTOR;
    }
    return 0;
}

/* FLUSH CACHE: what was written is on the medium (the image file) when it
 * returns 0; -1 with the reason otherwise. */
int ata_flush(char *why, uint32_t len)
{
    if (!have_disk)
        return write_error(why, len, "no boot disk found on the IDE channels");
    uint8_t st = wait_ready(&disk);
    if (!failed(st)) {
        select_drive(&disk, 0);
        issue(&disk, 0, 0, CMD_FLUSH_CACHE);
        st = wait_interrupt(&disk);
    }
    if (failed(st))
        return write_error(why, len, "disk flush failed (ATA %s%u, status 0x%02x%s)",
                           disk.io == 0x1F0 ? "primary " : "secondary ", disk.slave, st,
                           status_meaning(st));
    return 0;
}
