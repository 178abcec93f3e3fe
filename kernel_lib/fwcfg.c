/* QEMU fw_cfg through I/O ports: a 16-bit selector at 0x510, data bytes at
 * 0x511. The file directory (selector 0x19) is read once and kept; its fields
 * are big-endian. Without QEMU (no "QEMU" signature) there are no files. */
#include "io.h"
#include "kernel.h"
#include "libc.h"

#define FW_CFG_SELECT 0x510
#define FW_CFG_DATA 0x511
#define FW_CFG_SIGNATURE 0x0000
#define FW_CFG_FILE_DIR 0x0019
#define MAX_FILES 128

static struct fwcfg_file files[MAX_FILES];
static int count;

static void select_item(uint16_t item) { outw(FW_CFG_SELECT, item); }

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

void fwcfg_init(void)
{
    uint8_t buf[64];
    select_item(FW_CFG_SIGNATURE);
    insb(FW_CFG_DATA, buf, 4);
    if (memcmp(buf, "QEMU", 4) != 0)
        return;
    select_item(FW_CFG_FILE_DIR);
    insb(FW_CFG_DATA, buf, 4);
    uint32_t n = be32(buf);
    for (uint32_t i = 0; i < n && count < MAX_FILES; i++) {
        insb(FW_CFG_DATA, buf, 64); /* {be32 size, be16 select, u16, char name[56]} */
        struct fwcfg_file *f = &files[count++];
        f->size = be32(buf);
        f->select = (uint16_t)(buf[4] << 8 | buf[5]);
        memcpy(f->name, buf + 8, 56);
        f->name[55] = 0;
    }
}

int fwcfg_count(void) { return count; }

const struct fwcfg_file *fwcfg_entry(int i) { return &files[i]; }

const struct fwcfg_file *fwcfg_find(const char *name)
{
    for (int i = 0; i < count; i++)
        if (strcmp(files[i].name, name) == 0)
            return &files[i];
    return 0;
}

/* The first `len` bytes of file f. */
void fwcfg_read(const struct fwcfg_file *f, void *buf, uint32_t len)
{
    select_item(f->select);
    insb(FW_CFG_DATA, buf, len);
}
