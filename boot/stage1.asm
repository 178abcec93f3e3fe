; BareFlow stage1: the MBR (sector 0). The BIOS loads it at 0x7C00 with DL = boot
; drive. It stamps the TSC into bf_boot_info, loads stage2 (LBA 1..8) to 0x7E00
; with int 13h extensions and jumps to it with DL unchanged.
; Offsets mirror boot/bootinfo.h.

bits 16
org 0x7C00

BOOTINFO        equ 0x0500
BI_TSC_STAGE1   equ BOOTINFO + 32
BI_SIZE_WORDS   equ 128            ; stage1 clears 0x500..0x5FF for stage2
STAGE2_ADDR     equ 0x7E00
STAGE2_LBA      equ 1
STAGE2_SECTORS  equ 8
DEBUG_EXIT_PORT equ 0xF4
EXIT_DISK       equ 5              ; BF_EXIT_DISK
COM1            equ 0x3F8

start:
    cli
    xor ax, ax
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov sp, 0x7C00
    jmp 0:.canonical               ; some BIOSes enter at 07C0:0000
.canonical:
    sti
    cld
    mov [boot_drive], dl

    mov di, BOOTINFO               ; ax = 0
    mov cx, BI_SIZE_WORDS
    rep stosw
    rdtsc
    mov [BI_TSC_STAGE1], eax
    mov [BI_TSC_STAGE1 + 4], edx

    ; int 13h extensions present and usable for packet reads?
    mov ah, 0x41
    mov bx, 0x55AA
    mov dl, [boot_drive]
    int 0x13
    jc .no_ext
    cmp bx, 0xAA55
    jne .no_ext
    test cl, 1
    jz .no_ext

    mov si, dap
    mov ah, 0x42
    mov dl, [boot_drive]
    int 0x13
    jc .disk_error

    mov dl, [boot_drive]
    jmp 0:STAGE2_ADDR

.no_ext:
    mov si, msg_no_ext
    jmp fail
.disk_error:
    mov si, msg_disk

; Prints the message at SI on the screen (BIOS teletype) and on COM1 (raw port
; write: enough under QEMU, and the BIOS has usually set the UART up), then
; leaves through isa-debug-exit so QEMU never hangs; halts if that is absent.
fail:
    lodsb
    test al, al
    jz .exit
    mov dx, COM1
    out dx, al
    mov ah, 0x0E
    mov bx, 0x0007
    int 0x10
    jmp fail
.exit:
    mov al, EXIT_DISK
    out DEBUG_EXIT_PORT, al
.halt:
    cli
    hlt
    jmp .halt

msg_no_ext: db "stage1: BIOS has no int 13h extensions", 13, 10, 0
msg_disk:   db "stage1: disk error loading stage2", 13, 10, 0

align 4
dap:                               ; int 13h AH=42h disk address packet
    db 16, 0
    dw STAGE2_SECTORS
    dw STAGE2_ADDR, 0              ; offset, segment
    dq STAGE2_LBA

boot_drive: db 0

%if ($ - $$) > 446
%error "stage1 code overlaps the partition table"
%endif
    times 510 - ($ - $$) db 0
    dw 0xAA55
