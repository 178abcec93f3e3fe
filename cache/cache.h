/* BareFlow's persisted native-code cache (phase 4): the slot format, shared
 * by the guest (jit kernel, a two-slot `cache` part of the image) and the host
 * (bfi --cache DIR: one slot per file). Freestanding C: only <stdint.h> and
 * <stddef.h>. The checks here are structural (nothing in a slot is trusted
 * before they pass); what a record means for one engine (relocation targets
 * in range, names matching the module) is checked by interpreter/jit/persist.c
 * before anything is installed. See cache/README.md (threat model).
 *
 * Slot layout, little-endian. A slot is one 512-byte header sector followed by
 * the payload, which starts at byte 512 of the slot:
 *
 *    0  char magic[8] = "BFCACHE1"
 *    8  u32 version (BFC_VERSION)
 *   12  u32 seq           sequence number: the reader takes the valid matching slot with the highest seq
 *   16  BfcKey key        8 x u32: engine, module, module_len, data, jit_version, jit_options, cpu, layout
 *   48  u32 payload_len   bytes of payload after the header sector (a multiple of 4)
 *   52  u32 payload_crc   CRC-32 of the payload
 *   56  u32 nfunctions    records in the payload
 *   60  u32 code_bytes    sum of the records' code_len
 *   64  u32 header_crc    CRC-32 of bytes 0..63
 *   68..511               zero
 *
 * CRC-32 is IEEE 802.3 (reflected, as zlib.crc32 and the image packer):
 * kernel_lib/crc32.c's crc32_update, linked into every engine build (the host
 * builds compile that file too; there is no second copy).
 *
 * Payload: nfunctions records, back to back, in increasing function index,
 * each 4-byte aligned:
 *
 *    0  u32 record_len    bytes of this record, this field included (a multiple of 4)
 *    4  u32 index         the function's index in the module (the engine's e->fn[])
 *    8  u32 name_len      1..BFC_MAX_NAME; the name is checked against the module on load
 *   12  u32 code_len      1..BFC_MAX_CODE
 *   16  u32 nrel          relocation records
 *   20  u32 ir_ins        IR instructions compiled        } the profile that chose it,
 *   24  u32 calls         calls when it was compiled      } reported by --stats and
 *   28  u32 backedges     loop back-edges when compiled   } `cache show`
 *   32  u32 flags         BFC_F_OSR: compiled because a loop in it got hot (on-stack replacement)
 *   36  u32 osr_entry     offset of the OSR entry in the code, 0: none (always < code_len)
 *   40  name bytes, zero-padded to 4
 *       nrel x { u32 at, u32 kind, u32 target, i32 addend }   (16 bytes each)
 *       code bytes, UNRELOCATED (every relocated 32-bit field is 0), zero-padded to 4
 *
 * A relocation's 32-bit field at `at` receives the address of `target` (of
 * kind `kind`, interpreter/jit/jit.h's RELOC_*) plus `addend`. Structurally:
 * kind < BFC_RELOC_KINDS, at + 4 <= code_len, and records sorted by `at`
 * without overlap. */
#ifndef BF_CACHE_H
#define BF_CACHE_H
#include <stdint.h>
#include <stddef.h>

#define BFC_MAGIC "BFCACHE1"
enum {
    BFC_VERSION = 1,
    BFC_HEADER_BYTES = 512,     /* the header sector; the payload starts here */
    BFC_HEADER_USED = 68,       /* bytes 68..511 of the header sector are zero */
    BFC_RECORD_FIXED = 40,      /* a record's fixed part, before the name */
    BFC_RELOC_BYTES = 16,
    BFC_RELOC_KINDS = 6,        /* jit.h: RELOC_GLOBAL .. RELOC_CODE */
    BFC_MAX_NAME = 4096,
    BFC_MAX_CODE = 1u << 24,
};
enum { BFC_F_OSR = 1 };
/* The image's cache part (guest): one region of two slots (A, B) per engine
 * layer that keeps code, in this order, each slot 1/(2 * BFC_REGIONS) of the
 * part (build/cache-slots.ts: the host's side). The jit kernel's layer is
 * tinyllama's; a meta boot has two, runtime.bc's (the bootstrap's engine,
 * compiled by runtime.bc's JIT) and tinyllama's (runtime.bc's engine). */
enum { BFC_REGION_JIT, BFC_REGION_META_RUNTIME, BFC_REGION_META_APP, BFC_REGIONS };
/* cpu key bits: the CPU features the compiled code uses */
enum { BFC_CPU_SSE2 = 1 };
/* jit_version: bump when the code generator's output changes meaning
 * (interpreter/jit/emit.c, x86.c, regalloc.c, the relocation kinds). */
enum { BFC_JIT_VERSION = 1 };

/* Everything the code depends on. A slot is used only when all eight match
 * (a slot's layout 0 matches any). */
typedef struct BfcKey {
    uint32_t engine;       /* build id of the engine + JIT code: guest, CRC-32 of the jit kernel part; host, CRC-32 of bfi's executable */
    uint32_t module;       /* CRC-32 of the bitcode module's bytes */
    uint32_t module_len;   /* its length */
    uint32_t data;         /* CRC-32 of other inputs that shaped the profile (guest: the model file; host: 0) */
    uint32_t jit_version;  /* BFC_JIT_VERSION */
    uint32_t jit_options;  /* the JIT's options: its call threshold */
    uint32_t cpu;          /* BFC_CPU_* bits */
    /* 0: no record assumes where this run put things. Else a fingerprint of the
     * addresses compiled code may embed (globals, stubs, function records, FFI
     * symbols; persist.c): some record holds, outside its relocations, a value
     * that looks like one of them (most likely a constant that happens to, but
     * it cannot tell), so the slot is used only where they are all the same (a
     * guest boot of the same key: its allocations before the cache load are). */
    uint32_t layout;
} BfcKey;
enum { BFC_KEY_FIELDS = 8 };

typedef struct BfcHeader {
    uint32_t version, seq;
    BfcKey key;
    uint32_t payload_len, payload_crc, nfunctions, code_bytes, header_crc;
} BfcHeader;

/* Why a slot is (not) used. bfc_status_text: the reason's text. */
enum {
    BFC_OK = 0,
    BFC_EMPTY,             /* "empty": the header's first 64 bytes are zero (never written) */
    BFC_TRUNCATED,         /* "corrupt: truncated": shorter than its header, or than 512 + payload_len */
    BFC_BAD_MAGIC,         /* "corrupt: wrong magic" */
    BFC_BAD_HEADER_CRC,    /* "corrupt: header checksum mismatch" (bytes 68..511 not zero counts too) */
    BFC_BAD_VERSION,       /* "stale: format version N" (a checksummed header of another format version) */
    BFC_STALE,             /* "stale: <field> changed": the key differs (bfc_key_diff names the field) */
    BFC_BAD_PAYLOAD_CRC,   /* "corrupt: payload checksum mismatch" */
    BFC_BAD_PAYLOAD,       /* "corrupt: <what>": a record's structure (lengths, bounds, order, kinds) */
    BFC_REJECTED,          /* "rejected: <what>": the engine refused a record (persist.c: target out of range, name mismatch) */
};
const char *bfc_status_text(int status);

/* kernel_lib/crc32.c. Pass 0 to start. */
uint32_t crc32_update(uint32_t crc, const void *data, size_t n);

/* Header sector <-> struct. encode writes all 512 bytes (magic, fields, the
 * header CRC, zeros) and returns the header CRC. decode checks, in order:
 * length, empty, magic, header CRC (and zero tail), version. */
uint32_t bfc_header_encode(const BfcHeader *h, uint8_t sector[BFC_HEADER_BYTES]);
int bfc_header_decode(const void *slot, uint32_t len, BfcHeader *h);

/* -1 when the slot's key `have` is good for `want`, else the index of the
 * first field that differs (a slot's layout 0 differs from none); the name of
 * field i ("engine", "module", "module_len", "data", "jit_version",
 * "jit_options", "cpu", "layout"). */
int bfc_key_diff(const BfcKey *have, const BfcKey *want);
const char *bfc_key_field(int i);

/* One record, as read from a payload. name and code point into the payload;
 * relocation i is bfc_reloc(f, i). */
typedef struct BfcReloc { uint32_t at, kind, target; int32_t addend; } BfcReloc;
typedef struct BfcFunc {
    uint32_t index;
    const char *name; uint32_t name_len;
    const uint8_t *code; uint32_t code_len;
    const uint8_t *rel; uint32_t nrel;
    uint32_t ir_ins, calls, backedges, flags, osr_entry;
} BfcFunc;
void bfc_reloc(const BfcFunc *f, uint32_t i, BfcReloc *r);

/* Iterates a payload's records, validating each fully (every length in
 * bounds without overflow, padding zero, index strictly increasing,
 * relocations known, in bounds, sorted, not overlapping; osr_entry in
 * bounds). *off starts at 0. Returns 1 with *f filled, 0 at the end (off ==
 * len), -1 malformed (*what says how, e.g. "relocation beyond the code"). */
int bfc_next(const uint8_t *payload, uint32_t len, uint32_t *off, BfcFunc *f, const char **what);

/* Everything about one slot that needs no engine: header, key, payload
 * length, payload CRC, and every record's structure (with the counts in the
 * header). BFC_OK or the reason; why gets its text ("stale: module changed",
 * "corrupt: payload checksum mismatch", ...), h the header when it decoded. */
int bfc_check(const void *slot, uint32_t len, const BfcKey *want, BfcHeader *h, char *why, size_t whylen);

/* Two slots (guest): the one to load, 0 or 1: bfc_check passes and its seq is
 * the higher; -1 neither (why: both reasons, "A: empty; B: stale: module changed"). */
int bfc_choose(const void *a, uint32_t alen, const void *b, uint32_t blen, const BfcKey *want, char *why, size_t whylen);
/* Two slots (guest): the one to write next (never the one bfc_choose would
 * load: the other one, or the one with the lower seq when neither is loadable)
 * and the seq to give it (one more than any valid header's). */
int bfc_write_target(const void *a, uint32_t alen, const void *b, uint32_t blen, const BfcKey *want, uint32_t *seq);

/* Writing a slot into buf (cap bytes): init, one bfc_put per function in
 * increasing index, finish. bfc_put copies the code and zeroes each
 * relocation's field. finish writes the header sector and returns the slot's
 * total bytes (512 + payload), or 0 when something did not fit or was out
 * of order. Guest: write the payload sectors, flush, then the header sector,
 * flush (a torn write leaves a header that does not match its payload). */
typedef struct BfcWriter { uint8_t *buf; uint32_t cap, off, n, code_bytes, last_index; int bad; } BfcWriter;
void bfc_writer_init(BfcWriter *w, void *buf, uint32_t cap);
int bfc_put(BfcWriter *w, const BfcFunc *f, const BfcReloc *rel);
uint32_t bfc_writer_finish(BfcWriter *w, const BfcKey *key, uint32_t seq);

/* Text helper for why buffers (freestanding: no snprintf). */
void bfc_why(char *why, size_t whylen, const char *a, const char *b);
#endif
