/* The IDT. CPU exceptions: all 32 vectors go through stubs in boot/entry.asm to
 * trap_handler, which prints a report on COM1 (vector, name, EIP, error code,
 * CS, EFLAGS, general registers, CR2), emits {"ev":"trap",...} on COM2 and ends
 * the run with BF_EXIT_TRAP. Nothing resumes after an exception. An exception
 * inside trap_handler never reaches it again: entry.asm's trap_common reports
 * it with raw port I/O and exits. Hardware interrupts (irq.c) go to stubs that
 * only acknowledge the PIC. */
#include "bf.h"
#include "io.h"
#include "kernel.h"
#include "libc.h"

/* Pushed by trap_common: pushad, then the stub's vector and error code, then
 * the CPU's EIP, CS, EFLAGS (no stack switch: everything runs in ring 0). */
struct trap_frame {
    uint32_t edi, esi, ebp, esp_at_pushad, ebx, edx, ecx, eax;
    uint32_t vector, error;
    uint32_t eip, cs, eflags;
};

struct idt_gate {
    uint16_t offset_lo, selector;
    uint8_t zero, type;
    uint16_t offset_hi;
} __attribute__((packed));

#define VECTORS 32
#define IRQS 16
#define CODE_SEL 0x08
#define INTERRUPT_GATE 0x8E /* present, ring 0, 32-bit, interrupts off */

extern const uint32_t trap_stubs[VECTORS]; /* boot/entry.asm */
extern const char irq_from_master[], irq_from_slave[];
static struct idt_gate idt[IRQ_VECTOR_BASE + IRQS];

static const char *const names[VECTORS] = {
    "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow",
    "#BR bound range exceeded", "#UD invalid opcode", "#NM device not available",
    "#DF double fault", "coprocessor segment overrun", "#TS invalid TSS",
    "#NP segment not present", "#SS stack-segment fault", "#GP general protection fault",
    "#PF page fault", "reserved (15)", "#MF x87 floating-point error", "#AC alignment check",
    "#MC machine check", "#XM SIMD floating-point exception", "#VE virtualization exception",
    "#CP control protection exception", "reserved (22)", "reserved (23)", "reserved (24)",
    "reserved (25)", "reserved (26)", "reserved (27)", "#HV hypervisor injection exception",
    "#VC VMM communication exception", "#SX security exception", "reserved (31)",
};

static void set_gate(int vector, uint32_t stub)
{
    idt[vector].offset_lo = (uint16_t)stub;
    idt[vector].offset_hi = (uint16_t)(stub >> 16);
    idt[vector].selector = CODE_SEL;
    idt[vector].zero = 0;
    idt[vector].type = INTERRUPT_GATE;
}

void traps_init(void)
{
    for (int v = 0; v < VECTORS; v++)
        set_gate(v, trap_stubs[v]);
    for (int irq = 0; irq < IRQS; irq++)
        set_gate(IRQ_VECTOR_BASE + irq, (uint32_t)(irq < 8 ? irq_from_master : irq_from_slave));
    struct {
        uint16_t limit;
        uint32_t base;
    } __attribute__((packed)) desc = { sizeof idt - 1, (uint32_t)idt };
    __asm__ volatile("lidt %0" : : "m"(desc));
}

int trap_fault_armed;

void trap_handler(struct trap_frame *f)
{
    event_line_rescue(); /* the fault may have cut an event line short */
    uint32_t esp = (uint32_t)&f->eflags + 4; /* the stack before the CPU's push */
    uint32_t cr2 = read_cr2();
    const char *name = f->vector < VECTORS ? names[f->vector] : "unknown";
    printf("\ntrap: %s (vector %u), error code 0x%08x\n", name, f->vector, f->error);
    if (trap_fault_armed) /* test hook (fault.c): a fault in the middle of the report */
        __asm__ volatile("ud2");
    printf("  eip 0x%08x  cs 0x%04x  eflags 0x%08x  cr2 0x%08x\n", f->eip, f->cs, f->eflags, cr2);
    printf("  eax 0x%08x  ebx 0x%08x  ecx 0x%08x  edx 0x%08x\n", f->eax, f->ebx, f->ecx, f->edx);
    printf("  esi 0x%08x  edi 0x%08x  ebp 0x%08x  esp 0x%08x\n", f->esi, f->edi, f->ebp, esp);
    bf_event("{\"ev\":\"trap\",\"vector\":%u,\"name\":\"%s\",\"eip\":%u,\"error_code\":%u,\"cr2\":%u}",
             f->vector, name, f->eip, f->error, cr2);
    bf_exit(BF_EXIT_TRAP);
}
