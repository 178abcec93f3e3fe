/* The physical memory map: stage2's E820 entries, copied into the kernel at
 * boot (low memory is not kept mapped). Only RAM below 4 GiB is usable by a
 * 32-bit kernel without PAE. */
#include "kernel.h"
#include "libc.h"

#define E820_RAM 1
#define LIMIT_4G 0x100000000ull

static struct bf_e820_entry map[BF_E820_MAX];
static int count;

void memmap_init(const struct bf_boot_info *info)
{
    count = info->e820_count < BF_E820_MAX ? (int)info->e820_count : BF_E820_MAX;
    memcpy(map, (const void *)info->e820_addr, count * sizeof map[0]);
}

/* Usable RAM in bytes (below 4 GiB). */
uint64_t memmap_total(void)
{
    uint64_t total = 0;
    for (int i = 0; i < count; i++) {
        if (map[i].type != E820_RAM || map[i].base >= LIMIT_4G)
            continue;
        uint64_t end = map[i].base + map[i].length;
        total += (end > LIMIT_4G ? LIMIT_4G : end) - map[i].base;
    }
    return total;
}

/* The RAM region containing addr, ended early by any reserved entry that
 * overlaps it (BIOS maps may overlap), and kept below 4 GiB. */
int memmap_region(uint32_t addr, uint32_t *start, uint32_t *end)
{
    for (int i = 0; i < count; i++) {
        uint64_t base = map[i].base, top = map[i].base + map[i].length;
        if (map[i].type != E820_RAM || addr < base || addr >= top)
            continue;
        for (int j = 0; j < count; j++)
            if (map[j].type != E820_RAM && map[j].base > addr && map[j].base < top)
                top = map[j].base;
        if (top > 0xFFFFF000ull)
            top = 0xFFFFF000ull;
        *start = (uint32_t)base;
        *end = (uint32_t)top;
        return 1;
    }
    return 0;
}
