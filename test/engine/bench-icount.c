// A QEMU TCG plugin (qemu-user, plugin API version 1 as in QEMU 7.2) that counts the guest
// instructions a program executes and writes the total to the file its `out=` argument names.
// bench.mjs --icount runs each i386 program under `qemu-i386 -plugin insn_count.so,out=F`:
// the count is exact and the same on every run, where wall time under qemu-user emulation
// says little about native speed. Counting is inline (an add per translated block executed,
// of that block's instruction count), so it costs the run little.
//   cc -shared -fPIC -O2 bench-icount.c -o insn_count.so
// The few declarations of QEMU's plugin API this needs (include/qemu/qemu-plugin.h of QEMU
// 7.2; Debian ships the plugin-enabled binaries without the header):
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
typedef struct qemu_info_t qemu_info_t;
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op, void *ptr, uint64_t imm);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

static uint64_t executed;        // guest instructions (user-mode programs here are single-threaded)
static char out_path[4096];

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &executed, qemu_plugin_tb_n_insns(tb));
}

static void on_exit(qemu_plugin_id_t id, void *userdata) {
    (void)id; (void)userdata;
    FILE *f = fopen(out_path, "w");
    if (!f) { fprintf(stderr, "insn_count: cannot write %s\n", out_path); return; }
    fprintf(f, "%llu\n", (unsigned long long)executed);
    fclose(f);
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv) {
    (void)info;
    for (int i = 0; i < argc; i++)
        if (!strncmp(argv[i], "out=", 4) && strlen(argv[i] + 4) < sizeof out_path) strcpy(out_path, argv[i] + 4);
    if (!out_path[0]) { fprintf(stderr, "insn_count: give the output file as out=PATH\n"); return -1; }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_exit, NULL);
    return 0;
}
