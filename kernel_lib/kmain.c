/* The kernel's C entry, called by boot/entry.asm: brings kernel_lib up, runs
 * the application's app_main and exits with its return value. Boot stages are
 * reported on COM2 from the TSC stamps the boot chain left in bf_boot_info. */
#include "bf.h"
#include "io.h"
#include "kernel.h"
#include "libc.h"

int app_main(void);

extern char __kernel_end[]; /* boot/linker.ld */

static struct bf_boot_info boot; /* a copy: low memory is unmapped later */

static void boot_event(const char *stage, uint64_t tsc)
{
    bf_event("{\"ev\":\"boot\",\"stage\":\"%s\",\"tsc\":%llu}", stage, tsc);
}

/* The first event: the kernel this was built as and the mode stage2 booted,
 * so the host can refuse a run whose kernel is not the one its mode asked for
 * (a wrong alias in the header, a damaged stage2). */
static void identity_event(const char *mode)
{
    event_write("{\"ev\":\"kernel\",\"kernel\":");
    event_json_string(bf_kernel_name);
    event_write(",\"mode\":");
    event_json_string(mode);
    event_write("}\n");
}

static void memory_init(void)
{
    uint32_t start, end, heap_start = (uint32_t)__kernel_end;
    if (!memmap_region(heap_start, &start, &end) || end <= heap_start + 4096)
        bf_fail(BF_EXIT_NO_MEMORY, "no usable RAM above the kernel image (ends at 0x%08x)",
                heap_start);
    heap_init(heap_start, end);
    bf_event("{\"ev\":\"memory\",\"total\":%llu,\"heap_start\":%u,\"heap_end\":%u}",
             memmap_total(), heap_start, end);
}

void kmain(struct bf_boot_info *info)
{
    uint64_t entered = rdtsc();
    int valid = info && info->magic == BF_BOOTINFO_MAGIC && info->version == 1;

    serial_init(COM1);
    serial_init(COM2);
    if (valid) {
        boot = *info;
        boot.mode[sizeof boot.mode - 1] = 0;
    }
    identity_event(boot.mode);
    vga_init();
    if (!valid)
        bf_fail(BF_EXIT_ERROR, "kmain: no boot info from BareFlow stage2");
    traps_init();
    irq_init();
    memmap_init(info);
    image_init(info);
    paging_init();

    boot_event("stage1", boot.tsc_stage1);
    boot_event("stage2", boot.tsc_stage2);
    boot_event("loaded", boot.tsc_loaded);
    boot_event("kernel", boot.tsc_kernel);
    boot_event("kmain", entered);

    memory_init();
    printf("BareFlow kernel (mode %s), %llu MiB RAM\n", boot.mode, memmap_total() >> 20);
    fwcfg_init();
#ifndef BF_BOOTSTRAP /* the meta kernel's bootstrap leaves the test hook out (its trap report is every kernel's): fault= is unknown there */
    fault_inject();
#endif

    boot_event("app", rdtsc());
    bf_exit(app_main());
}
