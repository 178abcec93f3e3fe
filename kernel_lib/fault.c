/* Test hook: boot option fault=ud|gp|div0|pf-null raises that CPU exception
 * on purpose after kernel init, so tests can check the trap report. nested
 * raises #UD and another inside the trap handler's report; event makes the
 * next event line raise #UD with part of it sent; disk-hang makes the boot
 * disk read as busy forever from the first file read on, which must time out
 * with a named error. The faults are written in
 * assembly: in C, a NULL read or a division by zero is undefined behaviour the
 * compiler may remove. */
#include "bf.h"
#include "kernel.h"
#include "libc.h"

void fault_inject(void)
{
    char what[16];
    if (bf_option("fault", what, sizeof what) < 0)
        return;
    if (strcmp(what, "ud") && strcmp(what, "gp") && strcmp(what, "div0") && strcmp(what, "pf-null") &&
        strcmp(what, "nested") && strcmp(what, "event") && strcmp(what, "disk-hang"))
        bf_fail(BF_EXIT_BAD_OPTION,
                "boot option fault='%s' is not one of: ud, gp, div0, pf-null, nested, event, disk-hang", what);
    printf("fault: raising '%s' on purpose (boot option fault)\n", what);
    if (strcmp(what, "event") == 0) {
        event_fault_at = 10;
        return; /* kmain's next event faults */
    }
    if (strcmp(what, "disk-hang") == 0) {
        uint32_t crc, size;
        image_file_crc("", &crc, &size); /* finds the disk and reads the directory first */
        ata_fault_hang = 1;
        return;
    }
    trap_fault_armed = strcmp(what, "nested") == 0;
    if (strcmp(what, "ud") == 0 || trap_fault_armed)
        __asm__ volatile("ud2");
    else if (strcmp(what, "gp") == 0) /* selector 0x28 is past the end of the GDT */
        __asm__ volatile("mov %0, %%ds" : : "r"(0x28));
    else if (strcmp(what, "div0") == 0)
        __asm__ volatile("xor %%edx, %%edx; xor %%ecx, %%ecx; mov $1, %%eax; div %%ecx"
                         : : : "eax", "ecx", "edx");
    else
        __asm__ volatile("mov 0, %%eax" : : : "eax", "memory");
    bf_fail(BF_EXIT_ERROR, "fault '%s' did not trap", what);
}
