/* The jit kernel's addition to guest.c: the JIT on, and one `compile` event
 * per function it compiles, saying what it cost and during which token, so the
 * warm-up shows in the events next to the cost of each token.
 *
 * The native-code cache (phase 4; cache/cache.h, the image's `cache` part:
 * two slots A and B per layer, CacheLayer below). Before tinyllama runs: both
 * slot headers are read, the valid slot with the highest seq whose key is this
 * boot's (engine = the kernel part's CRC-32, module = tinyllama.bc's,
 * data = model.bin's, the JIT's version, threshold and CPU features) is read
 * whole and handed to bf_cache_load, which checks everything again (header,
 * key, payload checksum, every record) before it installs anything; one
 * `cache` event says what happened (empty, loaded, stale, corrupt, and why).
 * After app_main returns, what ran interpreted is compiled too (guest_jit_finish),
 * then, if the JIT compiled anything new: the engine's
 * compiled functions go into the slot bf_cache_load did not load (A when
 * neither is valid), payload sectors first, FLUSH CACHE, then the header
 * sector, FLUSH CACHE: a write torn anywhere leaves a slot whose header does
 * not match its payload (or the old header), never one that loads. A write
 * that fails says so in its `cache_write` event and the run ends normally.
 * Test option cache_stop_after=K: the write stops after K sectors of the slot
 * (payload first, then the header) and the run exits BF_EXIT_CACHE_STOP.
 * Test option cache_write_pause=M: each sector is written on its own, then M
 * million TSC cycles pass, so that QEMU killed at an instant of the host's
 * choosing lands inside the write. */
#include "bf.h"
#include "engine.h"
#include "kernel.h"
#include "libc.h"

/* As bfi --jit on the host: a function called this often is compiled, and a
 * loop taken ten times as often is entered compiled (OSR). The boot option
 * jit_threshold overrides it (0: compile every function at its first call). */
#define JIT_THRESHOLD 100

#define TOKEN_EVENT "{\"ev\":\"token\""

static uint32_t tokens;      /* token events the program has sent: forward passes done */
static bf_engine *engine;   /* the one running the program */

/* bf_event as the program calls it: counts its token events on the way, and
 * follows each with the engine's time split (interpreting, native code). */
static void program_event(const char *fmt, ...)
{
    int token = strncmp(fmt, TOKEN_EVENT, sizeof TOKEN_EVENT - 1) == 0;
    va_list ap;
    va_start(ap, fmt);
    bf_vevent(fmt, ap);
    va_end(ap);
    if (!token)
        return;
    tokens++;
    if (engine) {
        uint64_t interpreting, native;
        bf_time_split(engine, &interpreting, &native);
        event_split("app", tokens, interpreting, native);
    }
}

static void on_compile(const char *name, uint32_t nlen, uint32_t ins, uint32_t bytes, uint32_t cycles, int osr)
{
    event_compile("", name, nlen, ins, bytes, cycles, osr, tokens);
}

void guest_jit_config(bf_config *cfg)
{
    bf_sym *syms = malloc(cfg->nsyms * sizeof *syms);
    if (!syms)
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory for the FFI table");
    for (int i = 0; i < cfg->nsyms; i++) {
        syms[i] = cfg->syms[i];
        if (strcmp(syms[i].name, "bf_event") == 0)
            syms[i].addr = (void *)program_event;
    }
    cfg->syms = syms;
    cfg->on_compile = on_compile;
    cfg->time_split = 1;
}

static uint32_t threshold(void)
{
    char text[16], *end;
    int len = bf_option("jit_threshold", text, sizeof text);
    if (len < 0)
        return JIT_THRESHOLD;
    unsigned long n = strtoul(text, &end, 10);
    if (len == 0 || len >= (int)sizeof text || *end || text[0] == '-' || text[0] == '+' || n > 0xffffffffu / 10)
        bf_fail(BF_EXIT_BAD_OPTION, "option jit_threshold: '%s' is not a whole number in [0, 429496729]", text);
    return (uint32_t)n;
}

/* Boot option `name`, a whole number in [least, 2^32); dflt when not given. */
static uint32_t option_u32(const char *name, uint32_t dflt, uint32_t least)
{
    char text[16], *end;
    int len = bf_option(name, text, sizeof text);
    if (len < 0)
        return dflt;
    unsigned long n = strtoul(text, &end, 10);
    if (len == 0 || len >= (int)sizeof text || *end || text[0] == '-' || text[0] == '+' || n < least || n > 0xffffffffu)
        bf_fail(BF_EXIT_BAD_OPTION, "option %s: '%s' is not a whole number in [%u, 4294967295]", name, text, (unsigned)least);
    return (uint32_t)n;
}

/* A meta boot (guest_self.c): boot option runtime_loop_threshold, the
 * back-edges of a loop of runtime.bc before the bootstrap enters it compiled,
 * for the bootstrap, which has no strtoul of its own; 0 when not given (the
 * bootstrap's default, guest_meta.c). */
uint32_t guest_runtime_loop_threshold(void)
{
    return option_u32("runtime_loop_threshold", 0, 1);
}

static const char *const slot_name[2] = { "A", "B" };

/* One engine layer's compiled code in the image's cache part: the two slots
 * of its region (cache/cache.h BFC_REGION_*). The jit kernel has one layer,
 * tinyllama's; a meta boot two, both kept by runtime.bc (this file is in it):
 * tinyllama's (runtime.bc's engine) and runtime.bc's own (the bootstrap's
 * engine, whose functions runtime.bc's JIT compiled for it). */
typedef struct CacheLayer {
    const char *name;           /* in the events of a meta boot: "app" or "runtime"; 0 in the jit kernel */
    bf_engine *e;               /* the engine the code runs in; 0: the layer has no cache this boot */
    uint32_t region;            /* BFC_REGION_* */
    BfcKey key;                 /* this boot's */
    uint8_t header[2][BFC_HEADER_BYTES];
    int loaded;                 /* the slot bf_cache_load installed, -1 none */
} CacheLayer;

static const struct bf_part *cache_part;   /* the image's cache part; null: none */
static uint32_t slot_sectors;              /* sectors per slot, header included */
static CacheLayer app = { .loaded = -1 }, runtime = { .loaded = -1, .name = "runtime", .region = BFC_REGION_META_RUNTIME };

static uint32_t slot_lba(const CacheLayer *L, int i) { return cache_part->lba + (L->region * 2 + (uint32_t)i) * slot_sectors; }

static int meta_boot(void) { return strcmp(bf_kernel_name, "meta") == 0; }

static uint32_t part_crc(const char *name)
{
    const struct bf_image_header *h = image_header();
    for (uint32_t i = 0; i < h->part_count && i < BF_MAX_PARTS; i++)
        if (strncmp(h->parts[i].name, name, sizeof h->parts[i].name) == 0)
            return h->parts[i].crc32;
    return 0;
}

/* The key fields only the kernel knows: the build that made and links the
 * code (the kernel part; for tinyllama's code in a meta boot also runtime.bc,
 * whose JIT made it and whose engine it calls into) and the model. */
static void boot_key(CacheLayer *L)
{
    bf_cache_key(L->e, &L->key);
    L->key.engine = part_crc(bf_kernel_name);
    uint32_t crc, size;
    if (L->region == BFC_REGION_META_APP && image_file_crc("runtime.bc", &crc, &size) == 0)
        L->key.engine = crc32_update(L->key.engine, &crc, sizeof crc);
    if (image_file_crc("model.bin", &crc, &size) == 0)
        L->key.data = crc;
}

/* `{"ev":"NAME",` and, in a meta boot, the layer. */
static void event_start(const char *ev, const CacheLayer *L)
{
    char head[64];
    snprintf(head, sizeof head, "{\"ev\":\"%s\",", ev);
    event_write(head);
    if (L->name) {
        snprintf(head, sizeof head, "\"layer\":\"%s\",", L->name);
        event_write(head);
    }
}

static const char *state_of(int status)
{
    switch (status) {
    case BFC_EMPTY: return "empty";
    case BFC_STALE: case BFC_BAD_VERSION: return "stale";
    default: return "corrupt";
    }
}

/* Finds the image's cache part (once); 0 when it has none fit for the regions. */
static int find_cache_part(void)
{
    if (cache_part)
        return 1;
    const struct bf_image_header *h = image_header();
    for (uint32_t i = 0; i < h->part_count && i < BF_MAX_PARTS; i++)
        if (strncmp(h->parts[i].name, "cache", sizeof h->parts[i].name) == 0 && h->parts[i].sectors >= 4 * BFC_REGIONS) {
            cache_part = &h->parts[i];
            slot_sectors = cache_part->sectors / (2 * BFC_REGIONS);
        }
    return cache_part != 0;
}

/* Reads the layer's slots and loads the best one; one `cache` event either way. */
static void cache_load(CacheLayer *L)
{
    uint64_t t0 = bf_cycles();
    if (!find_cache_part()) {
        event_start("cache", L);
        bf_event("\"state\":\"none\",\"why\":\"the image has no cache part\",\"functions\":0,\"bytes\":0,"
                 "\"cycles\":0,\"disk_cycles\":0,\"tsc_start\":%llu,\"tsc_end\":%llu}", (unsigned long long)t0,
                 (unsigned long long)t0);
        return;
    }
    boot_key(L);
    int status[2], order[2] = { 0, 1 };
    BfcHeader hd[2];
    char why[2][96];
    for (int i = 0; i < 2; i++) {
        ata_read(slot_lba(L, i), 1, L->header[i]);
        status[i] = bfc_header_decode(L->header[i], BFC_HEADER_BYTES, &hd[i]);
        if (status[i] == BFC_OK && bfc_key_diff(&hd[i].key, &L->key) >= 0)
            status[i] = BFC_STALE;
        if (status[i] == BFC_OK && hd[i].payload_len > (slot_sectors - 1) * BF_SECTOR)
            status[i] = BFC_TRUNCATED;
        why[i][0] = 0;
        if (status[i] != BFC_OK)
            bfc_check(L->header[i], BFC_HEADER_BYTES, &L->key, &hd[i], why[i], sizeof why[i]);
    }
    if (status[0] == BFC_OK && status[1] == BFC_OK && hd[1].seq > hd[0].seq) {
        order[0] = 1;
        order[1] = 0;
    }
    uint32_t functions = 0, bytes = 0;
    uint64_t disk = 0;
    for (int k = 0; k < 2 && L->loaded < 0; k++) {
        int i = order[k];
        if (status[i] != BFC_OK)
            continue;
        uint32_t len = BFC_HEADER_BYTES + hd[i].payload_len;
        uint32_t sectors = (len + BF_SECTOR - 1) / BF_SECTOR;
        uint8_t *slot = malloc(sectors * BF_SECTOR);
        if (!slot) {
            status[i] = BFC_TRUNCATED;
            snprintf(why[i], sizeof why[i], "no memory for %u bytes", len);
            continue;
        }
        uint64_t d0 = bf_cycles();
        memcpy(slot, L->header[i], BFC_HEADER_BYTES);
        if (sectors > 1)
            ata_read(slot_lba(L, i) + 1, sectors - 1, slot + BFC_HEADER_BYTES);
        disk += bf_cycles() - d0;
        status[i] = bf_cache_load(L->e, slot, len, &L->key, why[i], sizeof why[i]);
        free(slot);
        if (status[i] == BFC_OK) {
            L->loaded = i;
            functions = hd[i].nfunctions;
            bytes = len;
        }
    }
    uint64_t t1 = bf_cycles();
    char head[96];
    event_start("cache", L);
    if (L->loaded >= 0) {
        snprintf(head, sizeof head, "\"state\":\"loaded\",\"slot\":\"%s\",\"seq\":%u,\"why\":", slot_name[L->loaded],
                 hd[L->loaded].seq);
        event_write(head);
        event_json_string(why[L->loaded]);
    } else {
        /* The state of the more telling slot: stale over corrupt over empty. */
        int s = status[0] == BFC_EMPTY ? status[1] : status[1] == BFC_EMPTY ? status[0]
              : (status[1] == BFC_STALE || status[1] == BFC_BAD_VERSION) ? status[1] : status[0];
        char text[220];
        snprintf(text, sizeof text, "A: %s; B: %s", why[0], why[1]);
        snprintf(head, sizeof head, "\"state\":\"%s\",\"why\":", state_of(s));
        event_write(head);
        event_json_string(text);
    }
    bf_event(",\"layout\":\"%08x\",\"functions\":%u,\"bytes\":%u,\"cycles\":%llu,\"disk_cycles\":%llu,\"tsc_start\":%llu,\"tsc_end\":%llu}",
             L->key.layout, functions, bytes, (unsigned long long)(t1 - t0), (unsigned long long)disk, (unsigned long long)t0,
             (unsigned long long)t1);
}

/* The test options that slow a slot's write down or cut it short. */
typedef struct {
    uint32_t stop_after;    /* sectors */
    uint32_t pause;         /* million TSC cycles after each sector */
} WriteTest;

static int write_paused(uint32_t lba, uint32_t count, const uint8_t *buf, uint32_t pause, char *why, uint32_t len)
{
    for (uint32_t i = 0; i < count; i++) {
        if (ata_write(lba + i, 1, buf + i * BF_SECTOR, why, len))
            return -1;
        for (uint64_t t = bf_cycles(); bf_cycles() - t < (uint64_t)pause * 1000000u;)
            ;
    }
    return 0;
}

/* Writes `count` sectors of the slot, stopping (and exiting) where cache_stop_after says. */
static int slot_write(uint32_t lba, uint32_t count, const uint8_t *buf, uint32_t *written, const WriteTest *test, char *why, uint32_t len)
{
    if (*written + count > test->stop_after) {
        uint32_t n = test->stop_after - *written;
        if (n && write_paused(lba, n, buf, test->pause, why, len) == 0)
            ata_flush(why, len);
        bf_fail(BF_EXIT_CACHE_STOP, "cache_stop_after=%u: stopped after %u sectors of the cache slot", test->stop_after, test->stop_after);
    }
    *written += count;
    return test->pause ? write_paused(lba, count, buf, test->pause, why, len) : ata_write(lba, count, buf, why, len);
}

static void cache_save(CacheLayer *L)
{
    if (!cache_part || !L->e || bf_cache_new(L->e) == 0)
        return;
    uint64_t t0 = bf_cycles();
    WriteTest test = { option_u32("cache_stop_after", 0xffffffffu, 0), option_u32("cache_write_pause", 0, 0) };
    /* Never the slot just loaded; else the one that holds nothing valid (A first), else the older. */
    int target;
    uint32_t seq = 0;
    BfcHeader hd[2];
    int ok[2];
    for (int i = 0; i < 2; i++) {
        ok[i] = bfc_header_decode(L->header[i], BFC_HEADER_BYTES, &hd[i]) == BFC_OK;
        if (ok[i] && hd[i].seq > seq)
            seq = hd[i].seq;
    }
    seq++;
    if (L->loaded >= 0)
        target = !L->loaded;
    else if (!ok[0])
        target = 0;
    else if (!ok[1])
        target = 1;
    else
        target = hd[0].seq <= hd[1].seq ? 0 : 1;
    char why[160] = "";
    BfJitHold hold = bf_jit_hold(L->e);
    uint32_t cap = bf_cache_bytes(L->e), room = slot_sectors * BF_SECTOR, bytes = 0;
    const char *result = "written";
    uint8_t *buf = 0;
    if (cap > room) {
        result = "failed";
        snprintf(why, sizeof why, "the cache needs %u bytes, a slot holds %u", cap, room);
    } else if (!(buf = malloc((cap + BF_SECTOR - 1) / BF_SECTOR * BF_SECTOR))) {
        result = "failed";
        snprintf(why, sizeof why, "no memory for %u bytes", cap);
    } else if (!(bytes = bf_cache_save(L->e, &L->key, seq, buf, cap))) {
        result = "failed";
        snprintf(why, sizeof why, "bf_cache_save: %u bytes did not fit", cap);
    } else {
        uint32_t sectors = (bytes + BF_SECTOR - 1) / BF_SECTOR, written = 0;
        memset(buf + bytes, 0, sectors * BF_SECTOR - bytes);
        if ((sectors > 1 && slot_write(slot_lba(L, target) + 1, sectors - 1, buf + BF_SECTOR, &written, &test, why, sizeof why)) ||
            ata_flush(why, sizeof why) ||
            slot_write(slot_lba(L, target), 1, buf, &written, &test, why, sizeof why) || ata_flush(why, sizeof why))
            result = "failed";
    }
    bf_jit_resume(L->e, hold);
    uint32_t functions = 0;
    BfcHeader saved;
    if (bytes && bfc_header_decode(buf, BFC_HEADER_BYTES, &saved) == BFC_OK)
        functions = saved.nfunctions;
    free(buf);
    uint64_t t1 = bf_cycles();
    char head[96];
    event_start("cache_write", L);
    snprintf(head, sizeof head, "\"state\":\"%s\",\"slot\":\"%s\",\"seq\":%u,\"why\":", result, slot_name[target], seq);
    event_write(head);
    event_json_string(why);
    bf_event(",\"functions\":%u,\"bytes\":%u,\"cycles\":%llu,\"tsc_start\":%llu,\"tsc_end\":%llu}", functions, bytes,
             (unsigned long long)(t1 - t0), (unsigned long long)t0, (unsigned long long)t1);
}

void guest_jit_start(bf_engine *e)
{
    engine = e;
    bf_jit_enable(e, threshold());
    app.e = e;
    app.name = meta_boot() ? "app" : 0;
    app.region = meta_boot() ? BFC_REGION_META_APP : BFC_REGION_JIT;
    cache_load(&app);
}

/* A meta boot, from guest_self.c before runtime.bc hands the bootstrap its
 * JIT (nothing of runtime.bc is compiled yet): runtime.bc's own functions
 * from the cache, installed in the bootstrap's engine `boot`. */
void guest_cache_runtime_layer(bf_engine *boot)
{
    runtime.e = boot;
    cache_load(&runtime);
}

/* What ran interpreted is compiled too before saving (as bfi --cache does):
 * the next boot then runs the start-up (options, the model and tokenizer
 * load, prompt encoding) compiled too, not only what got hot. runtime.bc's
 * own layer keeps what got hot (its JIT runs interpreted until it compiled
 * itself: compiling all of runtime.bc that ran would cost more than a boot). */
void guest_jit_finish(bf_engine *e)
{
    if (cache_part)
        bf_jit_compile_ran(e);
    cache_save(&app);
    cache_save(&runtime);
}
