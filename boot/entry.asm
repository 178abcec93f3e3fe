; Kernel entry (_start, first in the image at 0x100000), reached from stage2 in
; 32-bit protected mode with EAX = BF_BOOTINFO_MAGIC and EBX = &bf_boot_info.
; Sets up what C code needs before it runs (own GDT, stack, zeroed .bss, SSE,
; x87), then calls kmain(info). Also holds the CPU exception entry stubs, which
; push a uniform frame (struct trap_frame in kernel_lib/traps.c) and call
; trap_handler.

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

extern kmain
extern trap_handler
extern __bss_start
extern __bss_end
global _start
global trap_stubs
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

section .bss
align 16
__stack_bottom:
    resb STACK_SIZE
__stack_top:
