/* CRC-32 (IEEE 802.3, reflected, as zlib.crc32 and the image packer compute
 * it). Slicing-by-8: eight bytes per step, which matters when verifying a
 * model file of tens of megabytes under emulation. */
#include "kernel.h"
#include "libc.h"

/* An unaligned 32-bit load. memcpy(&a, p, 4) would do, but the kernels are
 * freestanding, and there a 4-byte memcpy became `rep movsl` + `rep movsb`:
 * 46 instructions per 8 bytes instead of 30, 6.1M for stories260K's model. */
typedef uint32_t unaligned_u32 __attribute__((aligned(1), may_alias));

static uint32_t table[8][256];
static int ready;

static void make_tables(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[0][i] = c;
    }
    for (int t = 1; t < 8; t++)
        for (int i = 0; i < 256; i++)
            table[t][i] = (table[t - 1][i] >> 8) ^ table[0][table[t - 1][i] & 0xFF];
    ready = 1;
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t n)
{
    if (!ready)
        make_tables();
    const uint8_t *p = data;
    crc = ~crc;
    for (; n >= 8; p += 8, n -= 8) {
        uint32_t a = *(const unaligned_u32 *)p ^ crc, b = *(const unaligned_u32 *)(p + 4);
        crc = table[7][a & 0xFF] ^ table[6][(a >> 8) & 0xFF] ^ table[5][(a >> 16) & 0xFF] ^
              table[4][a >> 24] ^ table[3][b & 0xFF] ^ table[2][(b >> 8) & 0xFF] ^
              table[1][(b >> 16) & 0xFF] ^ table[0][b >> 24];
    }
    for (; n; n--)
        crc = table[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
