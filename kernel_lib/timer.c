/* Time stamps: the TSC. Under QEMU TCG it follows host time, or counts guest
 * instructions exactly with -icount (see DESIGN.md, "Running and measuring"). */
#include "bf.h"
#include "io.h"

uint64_t bf_cycles(void) { return rdtsc(); }
