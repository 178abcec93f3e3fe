/* libFuzzer target for the engine's reader: bitstream, module reader, verifier
 * and lowering of every function body (nothing is executed).
 *   clang-14 -m32 -g -O1 -fsanitize=fuzzer,address -I interpreter \
 *     test/engine/fuzz_reader.c interpreter/{bitstream,module,verify,lower,exec,ffi}.c -o fuzz_reader
 * (test/engine/fuzz.sh builds it, seeds it with the suite's .bc files and runs it.)
 * Every 10,000 inputs it prints a digest of all the inputs so far (FNV-1a over
 * each input's length and bytes), so two runs can show they ran the same inputs
 * in the same order. */
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include "engine.h"

static int sink(void) { return 0; }
static const bf_sym syms[] = { { "printf", (void *)sink }, { "puts", (void *)sink }, { "malloc", (void *)sink },
                               { "free", (void *)sink }, { "memcpy", (void *)sink }, { "stdout", (void *)syms } };

static uint64_t digest = 0xcbf29ce484222325ull, inputs;
static void mix(const uint8_t *p, size_t n) { for (size_t i = 0; i < n; i++) digest = (digest ^ p[i]) * 0x100000001b3ull; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint64_t len = size;
    mix((const uint8_t *)&len, sizeof len);
    mix(data, size);
    if (++inputs % 10000 == 0) fprintf(stderr, "fuzz inputs: %llu digest: %016llx\n", (unsigned long long)inputs, (unsigned long long)digest);
    bf_config cfg = { 0 };
    cfg.syms = syms; cfg.nsyms = 6;
    cfg.lazy_bind = 1; cfg.mem_budget = 64u << 20; cfg.stack_size = 1u << 16;
    int err = 0; char msg[256];
    bf_engine *e = bf_load(data, (uint32_t)size, &cfg, &err, msg, sizeof msg);
    if (e) { bf_prepare(e); bf_free(e); }
    return 0;
}
