/* VGA text mode (80x25 at 0xB8000): a mirror of the COM1 console for runs with
 * a screen. QEMU -nodefaults has no VGA card; the probe in vga_init then turns
 * the mirror off, which also spares slow writes to unassigned memory. */
#include "kernel.h"

#define COLS 80
#define ROWS 25
#define ATTR 0x0700 /* light grey on black */

static volatile uint16_t *const screen = (volatile uint16_t *)0xB8000;
static int enabled, row, col;

void vga_init(void)
{
    volatile uint16_t *probe = &screen[COLS * ROWS - 1];
    *probe = 0x1234;
    if (*probe != 0x1234)
        return;
    for (int i = 0; i < COLS * ROWS; i++)
        screen[i] = ATTR | ' ';
    enabled = 1;
}

static void scroll(void)
{
    for (int i = 0; i < COLS * (ROWS - 1); i++)
        screen[i] = screen[i + COLS];
    for (int i = COLS * (ROWS - 1); i < COLS * ROWS; i++)
        screen[i] = ATTR | ' ';
    row = ROWS - 1;
}

void vga_putc(char c)
{
    if (!enabled)
        return;
    if (c == '\n') {
        col = 0;
        row++;
    } else if (c == '\r') {
        col = 0;
    } else if (c == '\t') {
        col = (col + 8) & ~7;
    } else {
        screen[row * COLS + col] = ATTR | (uint8_t)c;
        col++;
    }
    if (col >= COLS) {
        col = 0;
        row++;
    }
    if (row >= ROWS)
        scroll();
}
