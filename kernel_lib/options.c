/* Boot options. A value comes from QEMU fw_cfg file "opt/bareflow/<name>"
 * (the runner's -fw_cfg), else from the data volume's boot.cfg, the image's
 * defaults: one "key=value" per line, '#' starts a comment line, spaces around
 * key and value are ignored. "mode" (read by stage2), "fault" (kmain's test
 * hook, not in the meta kernel), "jit_threshold", "jit_layers", "runtime_loop_threshold" and
 * "cache_stop_after", "cache_write_pause" (the jit and meta kernels', ignored by the others) are
 * always known. */
#include "bf.h"
#include "kernel.h"
#include "libc.h"

static const char *cfg;
static uint32_t cfg_size;
static int cfg_loaded;

static void load_cfg(void)
{
    if (!cfg_loaded) {
        cfg = bf_file("boot.cfg", &cfg_size);
        cfg_loaded = 1;
    }
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

struct cfg_line {
    const char *key, *value;
    int key_len, value_len;
};

/* Parses the next "key=value" line at *pos; 0 at the end of boot.cfg. */
static int next_line(uint32_t *pos, struct cfg_line *line)
{
    while (*pos < cfg_size) {
        uint32_t start = *pos, end = start;
        while (end < cfg_size && cfg[end] != '\n')
            end++;
        *pos = end + 1;
        while (start < end && is_blank(cfg[start]))
            start++;
        uint32_t eq = start;
        while (eq < end && cfg[eq] != '=')
            eq++;
        if (start == end || cfg[start] == '#' || eq == end)
            continue;
        uint32_t key_end = eq, value = eq + 1;
        while (key_end > start && is_blank(cfg[key_end - 1]))
            key_end--;
        while (value < end && is_blank(cfg[value]))
            value++;
        while (end > value && is_blank(cfg[end - 1]))
            end--;
        line->key = cfg + start;
        line->key_len = (int)(key_end - start);
        line->value = cfg + value;
        line->value_len = (int)(end - value);
        return 1;
    }
    return 0;
}

static int key_is(const struct cfg_line *l, const char *name)
{
    return (int)strlen(name) == l->key_len && strncmp(l->key, name, l->key_len) == 0;
}

/* Like snprintf: as much as fits, NUL-terminated; the caller learns the full
 * length from the return value and can ask again with a larger buffer. */
static uint32_t fitting(uint32_t n, int len)
{
    if (len <= 0)
        return 0;
    return n < (uint32_t)len ? n : (uint32_t)len - 1;
}

int bf_option(const char *name, char *buf, int len)
{
    char path[64];
    snprintf(path, sizeof path, OPTION_PREFIX "%s", name);
    const struct fwcfg_file *f = fwcfg_find(path);
    if (f) {
        uint32_t n = fitting(f->size, len);
        fwcfg_read(f, buf, n);
        if (len > 0)
            buf[n] = 0;
        return (int)f->size;
    }
    load_cfg();
    struct cfg_line line;
    for (uint32_t pos = 0; next_line(&pos, &line);) {
        if (key_is(&line, name)) {
            uint32_t n = fitting((uint32_t)line.value_len, len);
            memcpy(buf, line.value, n);
            if (len > 0)
                buf[n] = 0;
            return line.value_len;
        }
    }
    return -1;
}

/* Known to every kernel but the meta kernel's bootstrap (BF_BOOTSTRAP), which has no fault hook:
 * there fault= is an unknown option (kmain.c). */
static const char *const implicit[] = { "mode",
#ifndef BF_BOOTSTRAP
                                        "fault",
#endif
                                        "jit_threshold", "jit_layers", "runtime_loop_threshold", "cache_stop_after",
                                        "cache_write_pause", 0 };

static int is_known(const char *name, int n, const char *const *known)
{
    for (int k = 0; k < 2; k++)
        for (const char *const *p = k ? known : implicit; *p; p++)
            if ((int)strlen(*p) == n && strncmp(*p, name, n) == 0)
                return 1;
    return 0;
}

static void reject(const char *name, int n, const char *where, const char *const *known)
{
    char list[256] = "";
    size_t used = 0;
    for (int k = 0; k < 2; k++)
        for (const char *const *p = k ? implicit : known; *p; p++)
            used += snprintf(list + used, used < sizeof list ? sizeof list - used : 0, "%s%s", used ? ", " : "", *p);
    bf_fail(BF_EXIT_BAD_OPTION, "unknown boot option '%.*s' %s (known: %s)", n, name, where, list);
}

void bf_options_check(const char *const *known)
{
    size_t plen = strlen(OPTION_PREFIX);
    for (int i = 0; i < fwcfg_count(); i++) {
        const char *name = fwcfg_entry(i)->name;
        if (strncmp(name, OPTION_PREFIX, plen) == 0 &&
            !is_known(name + plen, (int)strlen(name + plen), known))
            reject(name + plen, (int)strlen(name + plen), "given to QEMU", known);
    }
    load_cfg();
    struct cfg_line line;
    for (uint32_t pos = 0; next_line(&pos, &line);)
        if (!is_known(line.key, line.key_len, known))
            reject(line.key, line.key_len, "in boot.cfg", known);
}
