/* Ending a run. QEMU's isa-debug-exit device (port 0xf4) turns a write of v into
 * a process exit status of (v << 1) | 1, so status 0 (a triple fault under
 * -no-reboot) never means success. Without the device, the CPU halts. */
#include <stdarg.h>
#include "bf.h"
#include "io.h"
#include "kernel.h"
#include "libc.h"

#define DEBUG_EXIT_PORT 0xF4
#define MAX_CODE 127 /* (v << 1) | 1 must fit in a process exit status */

void machine_exit(int code)
{
    serial_flush(COM1);
    serial_flush(COM2);
    outb(DEBUG_EXIT_PORT, (uint8_t)code);
    for (;;)
        __asm__ volatile("cli; hlt");
}

void bf_exit(int code)
{
    if (code < 0 || code > MAX_CODE) {
        printf("exit code %d is outside 0..%d; exiting with %d\n", code, MAX_CODE, BF_EXIT_ERROR);
        code = BF_EXIT_ERROR;
    }
    bf_event("{\"ev\":\"exit\",\"code\":%d,\"tsc\":%llu}", code, bf_cycles());
    machine_exit(code);
}

void bf_fail(int code, const char *fmt, ...)
{
    static int failing;
    if (failing++) /* failed while reporting a failure */
        machine_exit(code);
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    printf("error: %s\n", msg);
    char head[48];
    snprintf(head, sizeof head, "{\"ev\":\"error\",\"code\":%d,\"message\":", code);
    event_write(head);
    event_json_string(msg);
    event_write("}\n");
    bf_exit(code);
}
