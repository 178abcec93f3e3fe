; BareFlow stage2 (LBA 1..8, loaded at 0x7E00 by stage1, DL = boot drive).
; Real mode: A20, E820 map, image header, boot mode from QEMU fw_cfg, kernel
; load above 1 MiB straight from the disk (its own ATA PIO reader, unreal mode),
; bf_boot_info; then protected mode and a jump to the kernel entry with
; EAX = BF_BOOTINFO_MAGIC, EBX = &bf_boot_info. Offsets mirror boot/bootinfo.h.
; The header and the loaded kernel are checked against their CRC-32s first: a
; corrupt image must stop here with a message, not run a damaged kernel.
; Errors go to COM1 and end the run through isa-debug-exit.

bits 16
org 0x7E00

; --- bf_boot_info (bootinfo.h) -------------------------------------------
BOOTINFO          equ 0x0500
BI_MAGIC          equ BOOTINFO + 0
BI_VERSION        equ BOOTINFO + 4
BI_DRIVE          equ BOOTINFO + 8
BI_HEADER_ADDR    equ BOOTINFO + 12
BI_KERNEL_PART    equ BOOTINFO + 16
BI_E820_COUNT     equ BOOTINFO + 20
BI_E820_ADDR      equ BOOTINFO + 24
BI_TSC_STAGE2     equ BOOTINFO + 40
BI_TSC_LOADED     equ BOOTINFO + 48
BI_TSC_KERNEL     equ BOOTINFO + 56
BI_MODE           equ BOOTINFO + 64
MODE_MAX          equ 15            ; mode[16] keeps a NUL
BOOTINFO_MAGIC    equ 0x49424642    ; "BFBI"

; --- image header (bootinfo.h) -------------------------------------------
HEADER_ADDR       equ 0x0600
HEADER_LBA        equ 9
HDR_VERSION       equ HEADER_ADDR + 8
HDR_CRC           equ HEADER_ADDR + 12
HDR_PART_COUNT    equ HEADER_ADDR + 20
IMAGE_VERSION     equ 2
HDR_PARTS         equ HEADER_ADDR + 32
MAX_PARTS         equ 8
PART_SIZE         equ 48
PART_LBA          equ 16
PART_SECTORS      equ 20
PART_BYTES        equ 24
PART_CRC          equ 28
PART_LOAD_ADDR    equ 32
PART_ENTRY        equ 36

E820_ADDR         equ 0x1000
E820_MAX          equ 128
E820_ENTRY        equ 24
SMAP              equ 0x534D4150

CRC_TABLE         equ 0x3000        ; 16 KiB, above the E820 map (0x1000..0x1C00), below the stack (0x7C00 down)
CRC_SLICES        equ 16
%define CRC_T(k)  (CRC_TABLE + (k) * 1024)

%include "disk.inc"
SECTOR_DWORDS     equ 128

COM1              equ 0x3F8
DEBUG_EXIT_PORT   equ 0xF4
FW_CFG_SELECT     equ 0x510
FW_CFG_DATA       equ 0x511
FW_CFG_SIGNATURE  equ 0x0000
FW_CFG_FILE_DIR   equ 0x0019

EXIT_ERROR        equ 1             ; enum bf_exit (kernel_lib/bf.h)
EXIT_BAD_OPTION   equ 2
EXIT_DISK         equ 5
EXIT_CORRUPT      equ 12            ; BF_EXIT_CORRUPT_IMAGE

CODE_SEL          equ 0x08
DATA_SEL          equ 0x10

stage2:
    mov [boot_drive], dl
    rdtsc
    mov [BI_TSC_STAGE2], eax
    mov [BI_TSC_STAGE2 + 4], edx

    call serial_init
    call enable_a20
    call read_e820
    call crc32_init
    call disk_init
    call read_header
    call read_mode
    call find_kernel
    call load_kernel
    call disk_done
    call verify_kernel
    rdtsc
    mov [BI_TSC_LOADED], eax
    mov [BI_TSC_LOADED + 4], edx
    call fill_bootinfo
    jmp enter_kernel

; ---------------------------------------------------------------------------
; A20: already on (QEMU), else BIOS int 15h AX=2401h, else "fast A20" (port 92h).
enable_a20:
    call a20_on
    je .done
    mov ax, 0x2401
    int 0x15
    call a20_on
    je .done
    in al, 0x92
    or al, 2
    and al, 0xFE                    ; bit 0 would reset the machine
    out 0x92, al
    call a20_on
    je .done
    mov si, msg_a20
    mov al, EXIT_ERROR
    jmp fatal
.done:
    ret

; ZF = 1 when A20 is on: 0000:7DFE (stage1's boot signature) and FFFF:7E0E are
; the same byte when address line 20 is masked.
a20_on:
    push es
    mov ax, 0xFFFF
    mov es, ax
    mov bx, [0x7DFE]
    mov word [0x7DFE], 0x1234
    mov word [es:0x7E0E], 0x4321
    cmp word [0x7DFE], 0x1234
    mov [0x7DFE], bx                ; mov keeps the flags
    pop es
    ret

; ---------------------------------------------------------------------------
; E820 memory map: up to E820_MAX 24-byte entries at E820_ADDR.
read_e820:
    xor ebx, ebx
    mov di, E820_ADDR
    xor bp, bp
.next:
    mov dword [di + 20], 1          ; ACPI 3 "valid" bit, for 20-byte BIOSes
    mov eax, 0xE820
    mov ecx, E820_ENTRY
    mov edx, SMAP
    int 0x15
    jc .done
    cmp eax, SMAP
    jne .done
    inc bp
    add di, E820_ENTRY
    cmp bp, E820_MAX
    jae .done
    test ebx, ebx
    jnz .next
.done:
    movzx eax, bp
    mov [BI_E820_COUNT], eax
    ret

; ---------------------------------------------------------------------------
; The image header sector, LBA 9 -> 0x600; checks magic, version and its CRC
; (computed with the CRC field zero), since the part table steers the load.
read_header:
    mov eax, HEADER_LBA
    mov ecx, 1
    mov edi, HEADER_ADDR
    call read_sectors
    mov si, HEADER_ADDR
    mov di, image_magic
    mov cx, 8
    repe cmpsb
    jne .bad
    cmp dword [HDR_VERSION], IMAGE_VERSION
    jne .bad
    cmp dword [HDR_PART_COUNT], MAX_PARTS
    ja .bad
    mov edi, [HDR_CRC]
    mov dword [HDR_CRC], 0
    mov esi, HEADER_ADDR
    mov ecx, 512
    call crc32
    mov [HDR_CRC], edi              ; the kernel checks it again
    cmp eax, edi
    jne .corrupt
    ret
.bad:
    mov si, msg_header
    mov al, EXIT_DISK
    jmp fatal
.corrupt:
    mov si, msg_header_crc
    mov al, EXIT_CORRUPT
    jmp fatal

; ---------------------------------------------------------------------------
; Boot mode: fw_cfg file "opt/bareflow/mode" if QEMU provides it, else "aot".
read_mode:
    mov dword [BI_MODE], 'aot'
    mov ax, FW_CFG_SIGNATURE
    call fw_cfg_select
    mov di, fw_entry
    mov cx, 4
    call fw_cfg_read
    cmp dword [fw_entry], 'QEMU'
    jne .done                       ; not QEMU: no fw_cfg

    mov ax, FW_CFG_FILE_DIR
    call fw_cfg_select
    mov di, fw_entry
    mov cx, 4
    call fw_cfg_read
    mov ecx, [fw_entry]
    bswap ecx                       ; fw_cfg is big-endian
.next_file:
    jecxz .done
    push ecx
    mov di, fw_entry
    mov cx, 64
    call fw_cfg_read                ; {u32 size, u16 select, u16, char name[56]}
    pop ecx
    dec ecx
    mov si, fw_entry + 8
    mov di, mode_file
    push cx
    mov cx, mode_file_len
    repe cmpsb
    pop cx
    jne .next_file

    mov ecx, [fw_entry]
    bswap ecx
    cmp ecx, MODE_MAX
    jbe .fits
    mov byte [mode_too_long], 1
    mov ecx, MODE_MAX
.fits:
    mov dword [BI_MODE], 0
    mov ax, [fw_entry + 4]
    xchg al, ah
    call fw_cfg_select
    mov di, BI_MODE
    call fw_cfg_read                ; cx = length; mode[] stays NUL-padded
.done:
    ret

fw_cfg_select:                      ; AX = selector
    mov dx, FW_CFG_SELECT
    out dx, ax
    ret

fw_cfg_read:                        ; CX bytes -> ES:DI
    mov dx, FW_CFG_DATA
    rep insb
    ret

; ---------------------------------------------------------------------------
; The kernel part whose name equals the mode: sets kernel_part and part_ptr.
find_kernel:
    cmp byte [mode_too_long], 0
    jne .unknown
    xor ebx, ebx
    mov bp, HDR_PARTS
.next:
    cmp ebx, [HDR_PART_COUNT]
    jae .unknown
    mov si, bp
    mov di, BI_MODE
    mov cx, 16                      ; both NUL-padded to 16 bytes
    repe cmpsb
    jne .skip
    cmp dword [bp + PART_ENTRY], 0  ; "data", "cache": not kernels
    jne .found
.skip:
    inc bx
    add bp, PART_SIZE
    jmp .next
.found:
    movzx ebx, bx
    mov [BI_KERNEL_PART], ebx
    mov [part_ptr], bp
    ret
.unknown:
    mov si, msg_mode
    call serial_puts
    mov si, BI_MODE
    call serial_puts
    mov si, msg_mode_end
    mov al, EXIT_BAD_OPTION
    jmp fatal

; ---------------------------------------------------------------------------
; Kernel load: its sectors straight to its load address (unreal mode).
load_kernel:
    mov bp, [part_ptr]
    mov eax, [bp + PART_ENTRY]
    mov [kernel_entry], eax
    mov edi, [bp + PART_LOAD_ADDR]
    mov ecx, [bp + PART_SECTORS]
    mov eax, [bp + PART_LBA]
    jmp read_sectors

; ---------------------------------------------------------------------------
; The loaded kernel against its CRC-32 in the header: a flipped byte would
; otherwise hang or fault somewhere in the kernel.
verify_kernel:
    mov bp, [part_ptr]
    mov esi, [bp + PART_LOAD_ADDR]
    mov ecx, [bp + PART_BYTES]
    call crc32
    cmp eax, [bp + PART_CRC]
    jne .corrupt
    ret
.corrupt:
    mov [crc_found], eax
    mov si, msg_kernel
    call serial_puts
    call kernel_name
    call serial_puts
    mov si, msg_kernel_crc
    call serial_puts
    mov eax, [crc_found]
    call serial_hex32
    mov si, msg_kernel_want
    call serial_puts
    mov bp, [part_ptr]
    mov eax, [bp + PART_CRC]
    call serial_hex32
    mov si, msg_newline
    mov al, EXIT_CORRUPT
    jmp fatal

; SI = the name of the kernel at part_ptr: the first part on its sectors, since
; a mode alias ("interp") names the same sectors as the kernel it stands for.
kernel_name:
    mov bx, [part_ptr]
    mov eax, [bx + PART_LBA]
    mov si, HDR_PARTS
.next:
    cmp eax, [si + PART_LBA]
    je .found                       ; part_ptr itself matches at the latest
    add si, PART_SIZE
    jmp .next
.found:
    ret

; ---------------------------------------------------------------------------
;---------------------------------------------------------------------------
; CRC-32 (IEEE, as zlib computes it), slicing-by-16: sixteen 256-entry tables
; (16 KiB, built in ~30K instructions), sixteen bytes per step: 38
; instructions, 2.375 a byte (the first four bytes, which the CRC so far
; changes, from a register; the other twelve a byte load and a table xor
; each), where taking all sixteen from registers costs 2.75, slicing-by-4 3.5,
; one lookup per byte ~7 and a bitwise loop ~35. The kernel is checked on
; every boot (the jit kernel's ~420 KB: ~1.0M instructions), and
; boot-to-first-token is benchmarked.
crc32_init:
    xor ebx, ebx
.entry:                             ; T0[i]: byte i through the polynomial
    mov eax, ebx
    mov cl, 8
.bit:
    shr eax, 1
    jnc .next_bit
    xor eax, 0xEDB88320
.next_bit:
    dec cl
    jnz .bit
    mov [CRC_T(0) + ebx * 4], eax
    inc bl
    jnz .entry                      ; BL wraps to 0 after entry 255
.slice:                             ; Tk[i] = (Tk-1[i] >> 8) ^ T0[Tk-1[i] & 0xFF]
    mov eax, [CRC_T(0) + ebx * 4]   ; EBX runs over T0..T14
    movzx edx, al
    shr eax, 8
    xor eax, [CRC_T(0) + edx * 4]
    mov [CRC_T(1) + ebx * 4], eax
    inc bx
    cmp bx, (CRC_SLICES - 1) * 256
    jb .slice
    ret

; Byte k of the block (k = 0..15) goes through table T(15 - k) into EDX.

; ECX bytes at linear address ESI (DS base 0; unreal mode above 64 KiB) -> EAX.
; Clobbers EBX, ECX, EDX, ESI.
crc32:
    push edi
    or eax, -1
    mov edi, ecx
    and edi, -16
    add edi, esi                    ; EDI: the end of the whole 16-byte blocks
    and ecx, 15                     ; ECX: the bytes after them
    cmp esi, edi
    jae .tail
.block:
    xor eax, [esi]                  ; bytes 0..3 with the CRC so far
    movzx ebx, al
    mov edx, [CRC_T(15) + ebx * 4]
    movzx ebx, ah
    xor edx, [CRC_T(14) + ebx * 4]
    shr eax, 16
    movzx ebx, al
    xor edx, [CRC_T(13) + ebx * 4]
    movzx ebx, ah
    xor edx, [CRC_T(12) + ebx * 4]
%assign k 4
%rep 12                             ; bytes 4..15 as they are
    movzx ebx, byte [esi + k]
    xor edx, [CRC_T(15 - k) + ebx * 4]
%assign k k + 1
%endrep
    mov eax, edx
    add esi, 16
    cmp esi, edi
    jb .block
.tail:                              ; the last 0..15 bytes, one at a time
    jecxz .done
    xor ebx, ebx
.byte:
    mov bl, al
    xor bl, [esi]
    shr eax, 8
    xor eax, [CRC_T(0) + ebx * 4]
    inc esi
    dec ecx
    jnz .byte
.done:
    not eax
    pop edi
    ret

; DS and ES get a 4 GiB limit (base 0) for 32-bit addressing in real mode
; (no BIOS call follows that could reset them). Interrupts stay off: the disk
; waits turn them on only to sleep.
enter_unreal:
    cli
    lgdt [gdt_desc]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    mov bx, DATA_SEL
    mov ds, bx
    mov es, bx
    and al, 0xFE
    mov cr0, eax
    xor bx, bx
    mov ds, bx
    mov es, bx
    ret

; ---------------------------------------------------------------------------
; The disk without the BIOS. A wait sleeps (hlt) until an interrupt instead of
; polling the drive: under QEMU -icount every poll is a counted instruction
; while the host completes the read in its own time (SeaBIOS's int 13h polled,
; and the boot phase varied by ~0.4M instructions from boot to boot).
disk_init:
    call enter_unreal
    mov word [IVT_RTC], irq_rtc
    mov word [IVT_RTC + 2], 0
    mov word [IVT_IDE], irq_ide
    mov word [IVT_IDE + 2], 0
    mov al, PIC1_ONLY_CASCADE
    out PIC1_DATA, al
    mov al, PIC2_RTC_AND_IDE
    out PIC2_DATA, al
    mov al, PIT_CH0_ONE_SHOT        ; a count of 1: expires at once, arms nothing after
    out PIT_CMD, al
    mov al, 1
    out PIT_CH0, al
    xor al, al
    out PIT_CH0, al
    mov al, RTC_A
    call rtc_read
    and al, 0xF0
    or al, RTC_RATE_2HZ
    mov ah, al
    mov al, RTC_A
    call rtc_write
    mov al, RTC_B
    call rtc_read
    or al, RTC_B_PERIODIC
    mov ah, al
    mov al, RTC_B
    call rtc_write
    mov dx, ATA_CONTROL
    xor al, al                      ; the BIOS may have left the drive's interrupt off
    out dx, al
    ret

; The watchdog off again (the kernel sets up interrupts its own way).
disk_done:
    mov al, RTC_B
    call rtc_read
    and al, ~RTC_B_PERIODIC
    mov ah, al
    mov al, RTC_B
    jmp rtc_write

%include "disk_irq.inc"

; Sleeps until the drive's interrupt, then until it is not busy: AL = status.
; It sleeps first even when the interrupt has come already (pending, it ends
; the sleep at once), so what runs does not depend on how long the host took.
; CF = 1 if the drive stayed busy for WATCHDOG_TICKS.
disk_wait:
    mov byte [ticks], 0
.sleep:
    sti                             ; takes effect after hlt: no lost wake-up
    hlt
    cli
    mov dx, ATA_STATUS
    in al, dx
    test al, ST_BSY
    jz .done                        ; CF = 0
    cmp byte [ticks], WATCHDOG_TICKS
    jb .sleep
    stc
.done:
    ret

; ECX sectors from LBA EAX to linear address EDI (unreal mode): READ SECTORS,
; at most 256 a command, each sector once the drive has it (DRQ).
read_sectors:
    mov [cur_lba], eax
    mov [remaining], ecx
.command:
    mov ecx, [remaining]
    test ecx, ecx
    jz .done
    cmp ecx, 256
    jbe .sized
    mov ecx, 256
.sized:
    sub [remaining], ecx
    mov dx, ATA_STATUS
    in al, dx
    test al, ST_BSY | ST_DRQ        ; idle, or 0xFF: no drive
    jnz .error
    mov eax, [cur_lba]
    mov dx, ATA_DRIVE
    shr eax, 24
    or al, 0xE0
    out dx, al
    mov dx, ATA_CONTROL             ; the 400 ns the drive needs to answer
    in al, dx
    in al, dx
    in al, dx
    in al, dx
    mov dx, ATA_COUNT
    mov al, cl                      ; 256 is 0
    out dx, al
    mov eax, [cur_lba]
    mov dx, ATA_LBA0
    out dx, al
    shr eax, 8
    mov dx, ATA_LBA1
    out dx, al
    shr eax, 8
    mov dx, ATA_LBA2
    out dx, al
    mov dx, ATA_COMMAND
    mov al, ATA_READ_SECTORS
    out dx, al
.sector:
    push ecx
    call disk_wait
    pop ecx
    jc .error
    test al, ST_ERR | ST_DF
    jnz .error
    test al, ST_DRQ
    jz .error                       ; no data for us
    push ecx
    mov dx, ATA_DATA
    mov ecx, SECTOR_DWORDS
    cld
    a32 rep insd
    pop ecx
    inc dword [cur_lba]
    loop .sector
    jmp .command
.done:
    ret
.error:                             ; AL = the drive's status
    mov [disk_status], al
    mov si, msg_disk
    call serial_puts
    mov eax, [cur_lba]
    call serial_hex32
    mov si, msg_disk_status
    call serial_puts
    mov al, [disk_status]
    call serial_hex8
    mov si, msg_disk_end
    mov al, EXIT_DISK
    jmp fatal

; ---------------------------------------------------------------------------
fill_bootinfo:
    mov dword [BI_MAGIC], BOOTINFO_MAGIC
    mov dword [BI_VERSION], 1
    movzx eax, byte [boot_drive]
    mov [BI_DRIVE], eax
    mov dword [BI_HEADER_ADDR], HEADER_ADDR
    mov dword [BI_E820_ADDR], E820_ADDR
    ret

enter_kernel:
    cli
    lgdt [gdt_desc]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    jmp dword CODE_SEL:.pm32
bits 32
.pm32:
    mov ax, DATA_SEL
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    mov esp, 0x7C00
    rdtsc
    mov [BI_TSC_KERNEL], eax
    mov [BI_TSC_KERNEL + 4], edx
    mov ecx, [kernel_entry]
    mov eax, BOOTINFO_MAGIC
    mov ebx, BOOTINFO
    jmp ecx
bits 16

; ---------------------------------------------------------------------------
; COM1, 115200 8N1, polled.
serial_init:
    mov si, uart_setup
.next:
    lodsw                           ; al = register offset, ah = value
    cmp al, 0xFF
    je .done
    movzx dx, al
    add dx, COM1
    mov al, ah
    out dx, al
    jmp .next
.done:
    ret

serial_putc:                        ; AL; gives up after a bounded wait
    push ax
    mov dx, COM1 + 5
    mov cx, 0xFFFF
.wait:
    in al, dx
    test al, 0x20
    loopz .wait
    pop ax
    mov dx, COM1
    out dx, al
    ret

serial_puts:                        ; DS:SI, NUL-terminated
    lodsb
    test al, al
    jz .done
    call serial_putc
    jmp serial_puts
.done:
    ret

serial_hex32:                       ; EAX as 0x%08x
    mov cx, 8
    jmp serial_hex
serial_hex8:                        ; AL as 0x%02x
    shl eax, 24
    mov cx, 2
serial_hex:                         ; the CX high digits of EAX
    mov ebx, eax
    push cx
    mov al, '0'
    call serial_putc
    mov al, 'x'
    call serial_putc
    pop cx
.digit:
    rol ebx, 4
    mov al, bl
    and al, 0x0F
    add al, '0'
    cmp al, '9'
    jbe .put
    add al, 'a' - '0' - 10
.put:
    push cx
    call serial_putc
    pop cx
    loop .digit
    ret

; Prints the message at SI on COM1 and exits QEMU with code AL.
fatal:
    push ax
    call serial_puts
    pop ax
    out DEBUG_EXIT_PORT, al
.halt:
    cli
    hlt
    jmp .halt

; ---------------------------------------------------------------------------
uart_setup:                         ; {register offset, value} pairs
    db 1, 0x00                      ; no interrupts
    db 3, 0x80                      ; DLAB on
    db 0, 0x01                      ; divisor 1 = 115200 baud
    db 1, 0x00
    db 3, 0x03                      ; 8N1, DLAB off
    db 2, 0xC7                      ; FIFO on, cleared
    db 4, 0x03                      ; DTR, RTS
    db 0xFF, 0

align 8
gdt:
    dq 0
    dq 0x00CF9A000000FFFF           ; 0x08: code, base 0, 4 GiB, 32-bit
    dq 0x00CF92000000FFFF           ; 0x10: data, base 0, 4 GiB
gdt_desc:
    dw gdt_desc - gdt - 1
    dd gdt

image_magic:   db "BAREFLOW"
mode_file:     db "opt/bareflow/mode", 0
mode_file_len  equ $ - mode_file
msg_a20:       db "stage2: cannot enable the A20 line", 10, 0
msg_header:    db "stage2: bad image header (magic, version or part count)", 10, 0
msg_mode:      db "stage2: unknown boot mode '", 0
msg_mode_end:  db "'", 10, 0
msg_header_crc: db "stage2: image header is corrupt (checksum mismatch)", 10, 0
msg_kernel:    db "stage2: kernel '", 0
msg_kernel_crc: db "' is corrupt: crc32 ", 0
msg_kernel_want: db ", header says ", 0
msg_disk:      db "stage2: disk read error at LBA ", 0
msg_disk_status: db " (ATA status ", 0
msg_disk_end:  db "; 0xff: no drive, 0x80 set: busy for 10 s)", 10, 0
msg_newline:   db 10, 0

boot_drive:    db 0
mode_too_long: db 0
ticks:         db 0
disk_status:   db 0
part_ptr:      dw 0
cur_lba:       dd 0
remaining:     dd 0
kernel_entry:  dd 0
crc_found:     dd 0
fw_entry:      times 64 db 0

; The packer pads stage2 to its 8 sectors, so the file's size is the code's.
%if ($ - $$) > 4096
%error "stage2 is larger than its 8 sectors"
%endif
