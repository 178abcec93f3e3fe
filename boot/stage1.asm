; BareFlow stage1: the MBR (sector 0). The BIOS loads it at 0x7C00 with DL = boot
; drive. It stamps the TSC into bf_boot_info, loads stage2 (LBA 1..8) and the
; image header (LBA 9) behind it to 0x7E00 with int 13h extensions, checks
; stage2 against the header's CRC-32 of it and jumps to it with DL unchanged.
; Offsets mirror boot/bootinfo.h.

bits 16
org 0x7C00

BOOTINFO        equ 0x0500
BI_TSC_STAGE1   equ BOOTINFO + 32
BI_SIZE_WORDS   equ 128            ; stage1 clears 0x500..0x5FF for stage2
STAGE2_ADDR     equ 0x7E00
STAGE2_LBA      equ 1
STAGE2_SECTORS  equ 8
STAGE2_BYTES    equ STAGE2_SECTORS * 512
HDR_STAGE2_CRC  equ STAGE2_ADDR + STAGE2_BYTES + 28 ; the header sector follows stage2
CRC_TABLE       equ 0x3000         ; 1 KiB, free until stage2 builds its own there
DEBUG_EXIT_PORT equ 0xF4
EXIT_DISK       equ 5              ; BF_EXIT_DISK
EXIT_CORRUPT    equ 12             ; BF_EXIT_CORRUPT_IMAGE
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

    ; A flipped byte in stage2 must stop here, not boot a wrong kernel.
    mov si, STAGE2_ADDR
    mov cx, STAGE2_BYTES
    call crc32
    cmp eax, [HDR_STAGE2_CRC]
    jne .corrupt

    mov dl, [boot_drive]
    jmp 0:STAGE2_ADDR

.no_ext:
    mov si, msg_no_ext
    jmp fail_disk
.disk_error:
    mov si, msg_disk
    jmp fail_disk
.corrupt:
    push EXIT_CORRUPT
    mov si, msg_corrupt
    jmp fail

; CRC-32 (IEEE, as zlib computes it) of CX bytes at DS:SI -> EAX. A 256-entry
; table built first makes it one lookup a byte: stage2's 4 KiB cost ~40K
; instructions this way, ~160K bit by bit, on every boot.
crc32:
    xor ebx, ebx
.entry:                            ; table[i]: byte i through the polynomial
    mov eax, ebx
    mov dl, 8
.bit:
    shr eax, 1
    jnc .next_bit
    xor eax, 0xEDB88320
.next_bit:
    dec dl
    jnz .bit
    mov [CRC_TABLE + ebx * 4], eax
    inc bl
    jnz .entry                     ; BL wraps to 0 after entry 255
    or eax, -1
.byte:
    mov bl, al
    xor bl, [si]
    shr eax, 8
    xor eax, [CRC_TABLE + ebx * 4]
    inc si
    loop .byte
    not eax
    ret

fail_disk:
    push EXIT_DISK
; Prints the message at SI on the screen (BIOS teletype) and on COM1 (raw port
; write: enough under QEMU, and the BIOS has usually set the UART up), then
; leaves through isa-debug-exit with the code on the stack (not in a register:
; some BIOSes' int 10h clobber BP) so QEMU never hangs; halts if that is absent.
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
    pop ax
    out DEBUG_EXIT_PORT, al
.halt:
    cli
    hlt
    jmp .halt

msg_no_ext: db "stage1: BIOS has no int 13h extensions", 13, 10, 0
msg_disk:   db "stage1: disk error loading stage2", 13, 10, 0
msg_corrupt: db "stage1: stage2 does not match its CRC-32 in the image header", 13, 10, 0

align 4
dap:                               ; int 13h AH=42h disk address packet
    db 16, 0
    dw STAGE2_SECTORS + 1          ; stage2 and the header sector
    dw STAGE2_ADDR, 0              ; offset, segment
    dq STAGE2_LBA

boot_drive: db 0

%if ($ - $$) > 446
%error "stage1 code overlaps the partition table"
%endif
    times 510 - ($ - $$) db 0
    dw 0xAA55
