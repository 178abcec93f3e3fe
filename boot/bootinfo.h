/* The contract between the boot chain (stage1/stage2, NASM), the kernel and the
 * host-side image packer (build/image.ts). Every offset here is mirrored in
 * boot/stage2.asm and build/image.ts: change all three together. */
#ifndef BF_BOOTINFO_H
#define BF_BOOTINFO_H
#include <stdint.h>

/* Disk layout, in 512-byte sectors. */
#define BF_SECTOR           512
#define BF_STAGE2_LBA       1     /* stage2 occupies LBA 1..8 (4 KiB at most) */
#define BF_STAGE2_SECTORS   8
#define BF_HEADER_LBA       9     /* the image header sector */

/* Low-memory layout while booting (real mode). */
#define BF_BOOTINFO_ADDR    0x0500
#define BF_HEADER_ADDR      0x0600 /* stage2 copies the header sector here */
#define BF_E820_ADDR        0x1000 /* up to BF_E820_MAX entries of 24 bytes */
#define BF_E820_MAX         128
#define BF_STAGE2_ADDR      0x7E00
#define BF_KERNEL_ADDR      0x100000

#define BF_IMAGE_MAGIC      "BAREFLOW"
#define BF_IMAGE_VERSION    2     /* 2: stage1/stage2 CRCs in the header */
#define BF_MAX_PARTS        8

/* One region of the image: a kernel ("aot", "bootstrap"), the data volume
 * ("data") or the cache region ("cache"). */
struct bf_part {
    char     name[16];   /* NUL-padded */
    uint32_t lba;        /* first sector */
    uint32_t sectors;
    uint32_t bytes;      /* exact payload size */
    uint32_t crc32;      /* CRC-32 (IEEE) of the payload bytes */
    uint32_t load_addr;  /* kernels: physical load address; 0 otherwise */
    uint32_t entry;      /* kernels: entry point; 0 otherwise */
    uint32_t reserved[2];
};                       /* 48 bytes */

struct bf_image_header {
    char     magic[8];       /* "BAREFLOW" */
    uint32_t version;        /* BF_IMAGE_VERSION */
    uint32_t header_crc32;   /* CRC-32 of the 512-byte sector with this field zero */
    uint32_t image_sectors;  /* total size of the image */
    uint32_t part_count;
    uint32_t stage1_crc32;   /* CRC-32 of sector 0 */
    uint32_t stage2_crc32;   /* CRC-32 of LBA 1..8, padding included (stage1 checks it) */
    struct bf_part parts[BF_MAX_PARTS];
    uint8_t  pad[BF_SECTOR - 32 - 48 * BF_MAX_PARTS];
};                           /* exactly 512 bytes */

/* The data volume: a directory sector(s) followed by sector-aligned files. */
#define BF_VOLUME_MAGIC     "BFVOLUME"
struct bf_volume_entry {
    char     name[48];       /* NUL-padded, e.g. "model.bin", "tokenizer.bin", "boot.cfg" */
    uint32_t offset;         /* bytes from the start of the volume, sector-aligned */
    uint32_t size;           /* bytes */
    uint32_t crc32;
    uint32_t reserved;
};                           /* 64 bytes */
struct bf_volume_header {
    char     magic[8];       /* "BFVOLUME" */
    uint32_t version;        /* 1 */
    uint32_t count;          /* entries that follow this 64-byte header */
    uint32_t dir_bytes;      /* header + entries, rounded up to a sector */
    uint32_t reserved[11];
};                           /* 64 bytes; entries follow */

/* What stage2 hands the kernel: EAX = BF_BOOTINFO_MAGIC, EBX = &bf_boot_info. */
#define BF_BOOTINFO_MAGIC   0x49424642u /* "BFBI" */
struct bf_e820_entry { uint64_t base, length; uint32_t type, ext; };
struct bf_boot_info {
    uint32_t magic;
    uint32_t version;        /* 1 */
    uint32_t boot_drive;     /* BIOS drive number (DL at boot) */
    uint32_t header_addr;    /* BF_HEADER_ADDR */
    uint32_t kernel_part;    /* index of the loaded kernel in header->parts */
    uint32_t e820_count;
    uint32_t e820_addr;      /* BF_E820_ADDR */
    uint32_t reserved;
    uint64_t tsc_stage1;     /* rdtsc at stage1 entry */
    uint64_t tsc_stage2;     /* rdtsc at stage2 entry */
    uint64_t tsc_loaded;     /* rdtsc once the kernel is in memory */
    uint64_t tsc_kernel;     /* rdtsc just before the jump to the kernel */
    char     mode[16];       /* the boot mode that selected the kernel */
};
#endif
