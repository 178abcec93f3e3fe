/* The disk image as the kernel sees it: the header sector stage2 left at
 * 0x600 (verified here: magic, version, CRC) and the data volume, whose files
 * bf_file loads into memory with their CRC checked. The kernel's own CRC is
 * stage2's to check, before it jumps here. Layout: boot/bootinfo.h. */
#include "bf.h"
#include "kernel.h"
#include "libc.h"

static struct bf_image_header header;
static const struct bf_part *data_part;
static struct bf_volume_header *volume; /* header + directory, in memory */
static const void **loaded;             /* per entry: the file in memory, once read */
static int volume_opened;

static uint32_t sectors_for(uint32_t bytes) { return (bytes + BF_SECTOR - 1) / BF_SECTOR; }

void image_init(const struct bf_boot_info *info)
{
    memcpy(&header, (const void *)info->header_addr, sizeof header);
    struct bf_image_header zeroed = header;
    zeroed.header_crc32 = 0;
    if (memcmp(header.magic, BF_IMAGE_MAGIC, 8) || header.version != BF_IMAGE_VERSION ||
        header.part_count > BF_MAX_PARTS)
        bf_fail(BF_EXIT_DISK, "bad image header (magic, version or part count)");
    if (crc32_update(0, &zeroed, sizeof zeroed) != header.header_crc32)
        bf_fail(BF_EXIT_DISK, "image header checksum mismatch");
}

const struct bf_image_header *image_header(void) { return &header; }

/* Finds the boot disk and reads the volume directory, on first use. */
static void open_volume(void)
{
    if (volume_opened)
        return;
    volume_opened = 1;
    for (uint32_t i = 0; i < header.part_count; i++)
        if (strcmp(header.parts[i].name, "data") == 0)
            data_part = &header.parts[i];
    if (!data_part)
        return;
    if (ata_find_disk(&header, BF_HEADER_LBA))
        bf_fail(BF_EXIT_DISK, "boot disk not found on the IDE channels (-machine pc, if=ide?)");
    struct bf_volume_header first[BF_SECTOR / sizeof(struct bf_volume_header)];
    ata_read(data_part->lba, 1, first);
    uint32_t dir = first[0].dir_bytes;
    if (memcmp(first[0].magic, BF_VOLUME_MAGIC, 8) || first[0].version != 1 ||
        dir < sizeof first[0] + first[0].count * sizeof(struct bf_volume_entry) ||
        dir > data_part->bytes)
        bf_fail(BF_EXIT_DISK, "bad data volume header (magic, version or directory size)");
    volume = malloc(sectors_for(dir) * BF_SECTOR);
    loaded = calloc(first[0].count, sizeof *loaded);
    if (!volume || !loaded)
        bf_fail(BF_EXIT_NO_MEMORY, "no memory for the volume directory");
    ata_read(data_part->lba, sectors_for(dir), volume);
}

const void *bf_file(const char *name, uint32_t *size)
{
    *size = 0;
    open_volume();
    if (!volume)
        return 0;
    const struct bf_volume_entry *e = (const struct bf_volume_entry *)(volume + 1);
    for (uint32_t i = 0; i < volume->count; i++, e++) {
        if (strncmp(e->name, name, sizeof e->name) != 0)
            continue;
        if (e->offset % BF_SECTOR || e->offset > data_part->bytes ||
            e->size > data_part->bytes - e->offset)
            bf_fail(BF_EXIT_DISK, "volume entry '%s' lies outside the data volume", name);
        if (!loaded[i]) {
            uint32_t sectors = sectors_for(e->size);
            void *p = malloc(sectors ? sectors * BF_SECTOR : 1);
            if (!p)
                bf_fail(BF_EXIT_NO_MEMORY, "not enough memory to load '%s' (%u bytes)", name, e->size);
            ata_read(data_part->lba + e->offset / BF_SECTOR, sectors, p);
            if (crc32_update(0, p, e->size) != e->crc32)
                bf_fail(BF_EXIT_DISK, "file '%s' is corrupt (checksum mismatch)", name);
            loaded[i] = p;
        }
        *size = e->size;
        return loaded[i];
    }
    return 0;
}

int image_file_crc(const char *name, uint32_t *crc, uint32_t *size)
{
    open_volume();
    if (!volume)
        return -1;
    const struct bf_volume_entry *e = (const struct bf_volume_entry *)(volume + 1);
    for (uint32_t i = 0; i < volume->count; i++, e++)
        if (strncmp(e->name, name, sizeof e->name) == 0) {
            *crc = e->crc32;
            *size = e->size;
            return 0;
        }
    return -1;
}
