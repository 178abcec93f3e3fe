/* Paging, for one reason: to make NULL dereferences trap. The 4 GiB address
 * space is identity-mapped (4 MiB pages, plus one table of 4 KiB pages for the
 * first 4 MiB) with page 0 left out. kmain copies what stage2 left in low
 * memory before this runs. Without PSE (4 MiB pages) paging stays off. */
#include "kernel.h"
#include "libc.h"

#define PRESENT 0x001
#define WRITABLE 0x002
#define LARGE 0x080 /* 4 MiB page */
#define CR0_WP (1u << 16)
#define CR0_PG (1u << 31)
#define CR4_PSE (1u << 4)
#define CPUID_PSE (1u << 3)

static uint32_t directory[1024] __attribute__((aligned(4096)));
static uint32_t first_table[1024] __attribute__((aligned(4096)));

static int has_pse(void)
{
    uint32_t a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1));
    return (d & CPUID_PSE) != 0;
}

void paging_init(void)
{
    if (!has_pse()) {
        printf("note: no PSE, paging off: NULL dereferences will not trap\n");
        return;
    }
    first_table[0] = 0; /* page 0: not present */
    for (uint32_t i = 1; i < 1024; i++)
        first_table[i] = (i << 12) | PRESENT | WRITABLE;
    directory[0] = (uint32_t)first_table | PRESENT | WRITABLE;
    for (uint32_t i = 1; i < 1024; i++)
        directory[i] = (i << 22) | PRESENT | WRITABLE | LARGE;
    uint32_t cr0, cr4;
    __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
    __asm__ volatile("mov %0, %%cr4" : : "r"(cr4 | CR4_PSE));
    __asm__ volatile("mov %0, %%cr3" : : "r"(directory) : "memory");
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | CR0_PG | CR0_WP) : "memory");
}
