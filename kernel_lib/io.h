/* x86 port I/O and a few privileged instructions, as inline functions. */
#ifndef BF_IO_H
#define BF_IO_H
#include <stdint.h>

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}
/* Reads `dwords` 32-bit values from `port` (the ATA data register, which
 * takes 32-bit transfers: each rep iteration counts under -icount, so half the
 * instructions of 16-bit ones). */
static inline void insl(uint16_t port, void *dst, uint32_t dwords)
{
    __asm__ volatile("cld; rep insl" : "+D"(dst), "+c"(dwords) : "d"(port) : "memory");
}
/* Writes `dwords` 32-bit values to `port` (the ATA data register). */
static inline void outsl(uint16_t port, const void *src, uint32_t dwords)
{
    __asm__ volatile("cld; rep outsl" : "+S"(src), "+c"(dwords) : "d"(port) : "memory");
}
/* Reads `n` bytes from `port` (fw_cfg data register). */
static inline void insb(uint16_t port, void *dst, uint32_t n)
{
    __asm__ volatile("cld; rep insb" : "+D"(dst), "+c"(n) : "d"(port) : "memory");
}
static inline uint64_t rdtsc(void)
{
    uint64_t v;
    __asm__ volatile("rdtsc" : "=A"(v));
    return v;
}
static inline uint32_t read_cr2(void)
{
    uint32_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}
#endif
