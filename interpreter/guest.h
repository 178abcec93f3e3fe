/* What the engine kernels' applications share (guest_run.c). */
#ifndef GUEST_H
#define GUEST_H
#include "engine.h"

/* Loads `program` from the data volume, resolves it against `syms`, runs its
 * app_main() and returns its result; any failure ends the boot with a named
 * error (exit 9: the file is missing or malformed). `layer`, when not null,
 * names the engine in its decode event (meta mode: "runtime"). */
int guest_run(const char *program, const bf_sym *syms, int nsyms, const char *layer);

/* The FFI table: kernel_lib by name (guest_syms.c). */
extern const bf_sym bf_kernel_syms[];
extern const int bf_kernel_nsyms;

#endif
