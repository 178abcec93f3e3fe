/* libFuzzer target for the engine's reader: bitstream, module reader and
 * lowering of every function body (nothing is executed).
 *   clang-14 -m32 -g -O1 -fsanitize=fuzzer,address -I interpreter \
 *     test/engine/fuzz_reader.c interpreter/{bitstream,module,lower,exec,ffi}.c -o fuzz_reader
 * (test/engine/fuzz.sh builds it, seeds it with the suite's .bc files and runs it.) */
#include <stdint.h>
#include <stddef.h>
#include "engine.h"

static int sink(void) { return 0; }
static const bf_sym syms[] = { { "printf", (void *)sink }, { "puts", (void *)sink }, { "malloc", (void *)sink },
                               { "free", (void *)sink }, { "memcpy", (void *)sink }, { "stdout", (void *)syms } };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    bf_config cfg = { 0 };
    cfg.syms = syms; cfg.nsyms = 6;
    cfg.lazy_bind = 1; cfg.mem_budget = 64u << 20; cfg.stack_size = 1u << 16;
    int err = 0; char msg[256];
    bf_engine *e = bf_load(data, (uint32_t)size, &cfg, &err, msg, sizeof msg);
    if (e) { bf_prepare(e); bf_free(e); }
    return 0;
}
