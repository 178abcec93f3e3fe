; Kernel entry (_start, first in the image at 0x100000), reached from stage2 in
; 32-bit protected mode with EAX = BF_BOOTINFO_MAGIC and EBX = &bf_boot_info.
; Sets up what C code needs before it runs (own GDT, stack, zeroed .bss, SSE,
; x87), then calls kmain(info). Also holds the CPU exception entry stubs, which
; push a uniform frame (struct trap_frame in kernel_lib/traps.c) and call
; trap_handler, once: an exception inside it ends the run from here; and the
; hardware interrupt stubs (kernel_lib/irq.c).

bits 32

BOOTINFO_MAGIC equ 0x49424642
CODE_SEL       equ 0x08
DATA_SEL       equ 0x10
STACK_SIZE     equ 256 * 1024

CR0_MP         equ 1 << 1
CR0_EM         equ 1 << 2
CR0_TS         equ 1 << 3
CR4_OSFXSR     equ 1 << 9
CR4_OSXMMEXCPT equ 1 << 10

COM1           equ 0x3F8
COM2           equ 0x2F8
UART_LSR       equ 5
LSR_THR_EMPTY  equ 0x20
LSR_IDLE       equ 0x40
UART_WAIT      equ 1 << 16          ; polls per character before giving up
DEBUG_EXIT_PORT equ 0xF4
PIC1_CMD       equ 0x20
PIC2_CMD       equ 0xA0
PIC_EOI        equ 0x20
EXIT_TRAP      equ 7                ; BF_EXIT_TRAP

extern kmain
extern trap_handler
extern __bss_start
extern __bss_end
global _start
global trap_stubs
global irq_from_master
global irq_from_slave
global __stack_bottom
global __stack_top

section .text.entry
_start:
    cli
    mov esi, ebx
    cmp eax, BOOTINFO_MAGIC
    je .own_gdt
    xor esi, esi                    ; not stage2's hand-over: kmain reports it
.own_gdt:
    lgdt [gdt_desc]                 ; the kernel keeps no pointer into stage2
    jmp CODE_SEL:.reload
.reload:
    mov ax, DATA_SEL
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    mov esp, __stack_top

    ; .bss is not in the flat binary (and the stack lives there).
    cld
    mov edi, __bss_start
    mov ecx, __bss_end
    sub ecx, edi
    shr ecx, 2
    xor eax, eax
    rep stosd

    ; clang emits SSE for ordinary code, and doubles still return in x87 ST0.
    mov eax, cr0
    and eax, ~(CR0_EM | CR0_TS)
    or eax, CR0_MP
    mov cr0, eax
    mov eax, cr4
    or eax, CR4_OSFXSR | CR4_OSXMMEXCPT
    mov cr4, eax
    fninit
    ldmxcsr [mxcsr_default]

    sub esp, 12                     ; ESP is 16-byte aligned at the call
    push esi
    call kmain
.halt:                              ; kmain never returns
    cli
    hlt
    jmp .halt

section .text
; Exception stubs: vectors that push no error code get a 0, so every frame
; looks the same: pushad registers, vector, error code, EIP, CS, EFLAGS.
%macro TRAP 1
trap_stub_%1:
    push 0
    push %1
    jmp trap_common
%endmacro
%macro TRAP_WITH_ERROR 1
trap_stub_%1:
    push %1
    jmp trap_common
%endmacro

TRAP 0
TRAP 1
TRAP 2
TRAP 3
TRAP 4
TRAP 5
TRAP 6
TRAP 7
TRAP_WITH_ERROR 8
TRAP 9
TRAP_WITH_ERROR 10
TRAP_WITH_ERROR 11
TRAP_WITH_ERROR 12
TRAP_WITH_ERROR 13
TRAP_WITH_ERROR 14
TRAP 15
TRAP 16
TRAP_WITH_ERROR 17
TRAP 18
TRAP 19
TRAP 20
TRAP_WITH_ERROR 21
TRAP 22
TRAP 23
TRAP 24
TRAP 25
TRAP 26
TRAP 27
TRAP 28
TRAP_WITH_ERROR 29
TRAP_WITH_ERROR 30
TRAP 31

trap_common:
    inc dword [trap_depth]          ; never decremented: nothing resumes
    cmp dword [trap_depth], 1
    jne nested_trap
    pushad
    mov eax, esp                    ; struct trap_frame *
    and esp, -16
    sub esp, 12
    push eax
    call trap_handler
.halt:                              ; trap_handler never returns
    cli
    hlt
    jmp .halt

; A hardware interrupt only wakes the CPU from a `hlt` (irq_sleep): the code
; after it reads the device's status. The stub acknowledges the PIC(s) and
; returns; an IRQ from the slave PIC needs both acknowledged.
irq_from_slave:
    push eax
    mov al, PIC_EOI
    out PIC2_CMD, al
    jmp eoi_master
irq_from_master:
    push eax
    mov al, PIC_EOI
eoi_master:
    out PIC1_CMD, al
    pop eax
    iretd

; An exception while trap_handler runs: its report, the stack or the kernel
; itself is broken, so no C code runs again. A fixed line goes to COM1 and one
; to COM2 (after a newline, so it starts a line of its own even if an event was
; cut short) by raw port I/O, then isa-debug-exit ends the run with 7.
nested_trap:
    mov dx, COM1
    mov esi, nested_text
    call raw_puts
    call raw_vector
    mov esi, nested_text_end
    call raw_puts
    mov dx, COM2
    mov esi, nested_event
    call raw_puts
    call raw_vector
    mov esi, nested_event_end
    call raw_puts
    mov dx, COM1 + UART_LSR
    call raw_drain
    mov dx, COM2 + UART_LSR
    call raw_drain
    mov al, EXIT_TRAP
    out DEBUG_EXIT_PORT, al
.halt:
    cli
    hlt
    jmp .halt

; The NUL-terminated string at ESI to the UART at DX.
raw_puts:
    lodsb
    test al, al
    jz .done
    call raw_putc
    jmp raw_puts
.done:
    ret

; AL to the UART at DX, once it can take it (a bounded wait: no UART, no hang).
raw_putc:
    push eax
    add dx, UART_LSR
    mov ecx, UART_WAIT
.wait:
    in al, dx
    test al, LSR_THR_EMPTY
    loopz .wait
    sub dx, UART_LSR
    pop eax
    out dx, al
    ret

; The nested exception's vector (pushed by its stub, 0..31), in decimal.
raw_vector:
    movzx eax, byte [esp + 4]       ; above this call's return address
    mov bl, 10
    div bl                          ; AL = tens, AH = units
    test al, al
    jz .units
    push eax
    add al, '0'
    call raw_putc
    pop eax
.units:
    mov al, ah
    add al, '0'
    jmp raw_putc

; Waits (bounded) until the UART whose LSR is at DX has sent everything.
raw_drain:
    mov ecx, UART_WAIT
.wait:
    in al, dx
    test al, LSR_IDLE
    loopz .wait
    ret

section .rodata
trap_stubs:                         ; entry points, indexed by vector
%assign v 0
%rep 32
    dd trap_stub_ %+ v
%assign v v + 1
%endrep

align 8
gdt:                                ; "accessed" bits preset: the CPU would
    dq 0                            ; otherwise write them, changing the image
    dq 0x00CF9B000000FFFF           ; 0x08: code, base 0, 4 GiB, 32-bit
    dq 0x00CF93000000FFFF           ; 0x10: data, base 0, 4 GiB
gdt_desc:
    dw gdt_desc - gdt - 1
    dd gdt

mxcsr_default:
    dd 0x1F80                       ; all SSE exceptions masked, round to nearest

nested_text:      db 10, "trap: exception inside the trap handler (vector ", 0
nested_text_end:  db "): stopping", 10, 0
nested_event:     db 10, '{"ev":"trap","vector":', 0
nested_event_end: db ',"nested":true}', 10, 0

section .bss
trap_depth:
    resd 1                          ; exceptions entered (zeroed with .bss)
alignb 16
__stack_bottom:
    resb STACK_SIZE
__stack_top:
