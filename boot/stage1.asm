; BareFlow stage1: the MBR (sector 0). The BIOS loads it at 0x7C00 with DL = boot
; drive. It stamps the TSC into bf_boot_info, loads stage2 (LBA 1..8) and the
; image header (LBA 9) behind it to 0x7E00 by ATA PIO, checks
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
%include "disk.inc"

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

    call read_stage2

    ; A flipped byte in stage2 must stop here, not boot a wrong kernel.
    mov si, STAGE2_ADDR
    mov cx, STAGE2_BYTES
    call crc32
    cmp eax, [HDR_STAGE2_CRC]
    jne .corrupt

    mov dl, [boot_drive]
    jmp 0:STAGE2_ADDR

.corrupt:
    push EXIT_CORRUPT
    mov si, msg_corrupt
    jmp fail

; Stage2 and the header sector by ATA PIO from the primary master, as stage2
; reads the kernel (boot/README.md): a wait sleeps until the drive's IRQ 14
; instead of polling, the PIT stopped, so that under -icount the count does not
; depend on how long the host takes (SeaBIOS's int 13h polls: 40K..270K
; instructions of noise). The RTC's periodic interrupt (2 Hz, host time) is
; the watchdog; a missing drive (status 0xFF), a failed read or a drive busy
; for 10 s is a disk error. stage2 sets up the vectors and the RTC its own way.
read_stage2:
    cli
    xor ax, ax
    mov word [IVT_RTC], irq_rtc
    mov word [IVT_RTC + 2], ax
    mov word [IVT_IDE], irq_ide
    mov word [IVT_IDE + 2], ax
    mov al, PIC1_ONLY_CASCADE
    out PIC1_DATA, al
    mov al, PIC2_RTC_AND_IDE
    out PIC2_DATA, al
    mov ax, (0x20 | RTC_RATE_2HZ) << 8 | RTC_A  ; 32.768 kHz base, 2 Hz
    call rtc_write
    mov ax, (RTC_B_PERIODIC | 0x02) << 8 | RTC_B ; periodic interrupt, 24-hour, BCD
    call rtc_write
    mov al, PIT_CH0_ONE_SHOT       ; count 1: expires at once, arms nothing after
    out PIT_CMD, al
    mov al, 1
    out PIT_CH0, al
    xor al, al
    out PIT_CH0, al
    mov dx, ATA_CONTROL
    out dx, al                     ; AL = 0: the drive's interrupt on
    mov dx, ATA_STATUS
    in al, dx
    test al, ST_BSY | ST_DRQ       ; busy, or 0xFF: no drive
    jnz .error
    mov si, ata_registers
    mov dl, ATA_COUNT & 0xFF
.register:                         ; 0x1F2..0x1F7, the command last
    lodsb
    out dx, al
    inc dx
    cmp dl, (ATA_COMMAND + 1) & 0xFF
    jb .register
    dec dx                         ; ATA_STATUS
    mov di, STAGE2_ADDR
    mov bl, STAGE2_SECTORS + 1
.sector:                           ; DX = ATA_STATUS
    sti                            ; takes effect after hlt: no lost wake-up
    hlt
    cli
    in al, dx                      ; reading the status acknowledges the drive
    test al, ST_BSY
    jz .ready
    cmp byte [ticks], WATCHDOG_TICKS
    jb .sector
    jmp .error
.ready:
    test al, ST_ERR | ST_DF
    jnz .error
    test al, ST_DRQ
    jz .error
    mov dl, ATA_DATA & 0xFF
    mov cx, 256
    rep insw
    mov dl, ATA_STATUS & 0xFF
    dec bl
    jnz .sector
    sti
    ret
.error:
    mov si, msg_disk
    jmp fail_disk

%include "disk_irq.inc"

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

msg_disk:   db "stage1: disk error reading stage2", 13, 10, 0
msg_corrupt: db "stage1: stage2 does not match its CRC-32 in the image header", 13, 10, 0

ata_registers:                     ; count, LBA 0..7, 8..15, 16..23, drive, command
    db STAGE2_SECTORS + 1, STAGE2_LBA, 0, 0, 0xE0, ATA_READ_SECTORS

boot_drive: db 0
ticks:      db 0

%if ($ - $$) > 446
%error "stage1 code overlaps the partition table"
%endif
    times 510 - ($ - $$) db 0
    dw 0xAA55
