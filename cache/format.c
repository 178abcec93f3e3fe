/* The cache slot format (cache.h): header encode/decode, key comparison,
 * the payload record iterator with full structural validation, choosing a
 * slot among two, and the writer. Freestanding: no libc, every read of a
 * slot bounds-checked with 64-bit arithmetic (a length near 2^32 cannot wrap
 * a check). */
#include "cache.h"

static uint32_t rd32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static void wr32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); }
static void zero(uint8_t *p, uint32_t n) { while (n--) *p++ = 0; }
static void copy(uint8_t *d, const uint8_t *s, uint32_t n) { while (n--) *d++ = *s++; }
static uint32_t pad4(uint32_t n) { return (n + 3) & ~3u; }

const char *bfc_status_text(int s) {
    switch (s) {
    case BFC_OK: return "ok";
    case BFC_EMPTY: return "empty";
    case BFC_TRUNCATED: return "corrupt: truncated";
    case BFC_BAD_MAGIC: return "corrupt: wrong magic";
    case BFC_BAD_HEADER_CRC: return "corrupt: header checksum mismatch";
    case BFC_BAD_VERSION: return "stale: format version";
    case BFC_STALE: return "stale";
    case BFC_BAD_PAYLOAD_CRC: return "corrupt: payload checksum mismatch";
    case BFC_BAD_PAYLOAD: return "corrupt: bad payload";
    case BFC_REJECTED: return "rejected";
    }
    return "unknown";
}

void bfc_why(char *why, size_t whylen, const char *a, const char *b) {
    if (!why || !whylen) return;
    size_t n = 0;
    for (const char *s = a; s && *s && n + 1 < whylen; s++) why[n++] = *s;
    for (const char *s = b; s && *s && n + 1 < whylen; s++) why[n++] = *s;
    why[n] = 0;
}
/* a, then the decimal v, then b */
static void why_num(char *why, size_t whylen, const char *a, uint32_t v, const char *b) {
    char num[16]; int k = 15; num[k] = 0;
    do { num[--k] = (char)('0' + v % 10); v /= 10; } while (v);
    char head[96]; size_t n = 0;
    for (const char *s = a; *s && n + 1 < sizeof head; s++) head[n++] = *s;
    for (const char *s = num + k; *s && n + 1 < sizeof head; s++) head[n++] = *s;
    head[n] = 0;
    bfc_why(why, whylen, head, b);
}

uint32_t bfc_header_encode(const BfcHeader *h, uint8_t sector[BFC_HEADER_BYTES]) {
    zero(sector, BFC_HEADER_BYTES);
    copy(sector, (const uint8_t *)BFC_MAGIC, 8);
    wr32(sector + 8, h->version);
    wr32(sector + 12, h->seq);
    const uint32_t *k = &h->key.engine;
    for (int i = 0; i < BFC_KEY_FIELDS; i++) wr32(sector + 16 + 4 * i, k[i]);
    wr32(sector + 48, h->payload_len);
    wr32(sector + 52, h->payload_crc);
    wr32(sector + 56, h->nfunctions);
    wr32(sector + 60, h->code_bytes);
    uint32_t crc = crc32_update(0, sector, 64);
    wr32(sector + 64, crc);
    return crc;
}

int bfc_header_decode(const void *slot, uint32_t len, BfcHeader *h) {
    const uint8_t *p = slot;
    zero((uint8_t *)h, sizeof *h);
    if (!p || len < BFC_HEADER_BYTES) {
        if (p) { uint32_t z = 1; for (uint32_t i = 0; i < len && i < 64; i++) if (p[i]) z = 0; if (z) return BFC_EMPTY; }
        else return BFC_EMPTY;
        return BFC_TRUNCATED;
    }
    uint32_t nz = 0;
    for (uint32_t i = 0; i < 64; i++) nz |= p[i];
    if (!nz) return BFC_EMPTY;
    const uint8_t *m = (const uint8_t *)BFC_MAGIC;
    for (int i = 0; i < 8; i++) if (p[i] != m[i]) return BFC_BAD_MAGIC;
    h->version = rd32(p + 8);
    h->seq = rd32(p + 12);
    uint32_t *k = &h->key.engine;
    for (int i = 0; i < BFC_KEY_FIELDS; i++) k[i] = rd32(p + 16 + 4 * i);
    h->payload_len = rd32(p + 48);
    h->payload_crc = rd32(p + 52);
    h->nfunctions = rd32(p + 56);
    h->code_bytes = rd32(p + 60);
    h->header_crc = rd32(p + 64);
    if (crc32_update(0, p, 64) != h->header_crc) return BFC_BAD_HEADER_CRC;
    for (uint32_t i = BFC_HEADER_USED; i < BFC_HEADER_BYTES; i++) if (p[i]) return BFC_BAD_HEADER_CRC;
    if (h->version != BFC_VERSION) return BFC_BAD_VERSION;
    return BFC_OK;
}

static const char *const key_names[BFC_KEY_FIELDS] = { "engine", "module", "module_len", "data", "jit_version", "jit_options", "cpu", "layout" };
const char *bfc_key_field(int i) { return i >= 0 && i < BFC_KEY_FIELDS ? key_names[i] : "?"; }
int bfc_key_diff(const BfcKey *have, const BfcKey *want) {
    const uint32_t *a = &have->engine, *b = &want->engine;
    for (int i = 0; i < BFC_KEY_FIELDS; i++)
        if (a[i] != b[i] && !(&a[i] == &have->layout && a[i] == 0)) return i;   /* layout 0: assumes none */
    return -1;
}
/* what a changed field means, for "stale: ..." */
static const char *const key_changes[BFC_KEY_FIELDS] = {
    "engine changed", "module changed", "module changed (length)", "data changed", "jit version changed",
    "jit options changed", "cpu features changed", "memory layout changed" };

void bfc_reloc(const BfcFunc *f, uint32_t i, BfcReloc *r) {
    const uint8_t *p = f->rel + (size_t)BFC_RELOC_BYTES * i;
    r->at = rd32(p); r->kind = rd32(p + 4); r->target = rd32(p + 8); r->addend = (int32_t)rd32(p + 12);
}

static int zeros(const uint8_t *p, uint64_t from, uint64_t to) {
    for (uint64_t i = from; i < to; i++) if (p[i]) return 0;
    return 1;
}

int bfc_next(const uint8_t *payload, uint32_t len, uint32_t *off, BfcFunc *f, const char **what) {
    static const char *dummy;
    if (!what) what = &dummy;
    uint64_t o = *off;
    if (o == len) return 0;
    if (o > len || o % 4) { *what = "record misaligned"; return -1; }
    if (len - o < BFC_RECORD_FIXED) { *what = "record truncated"; return -1; }
    const uint8_t *p = payload + o;
    uint32_t rlen = rd32(p);
    f->index = rd32(p + 4);
    f->name_len = rd32(p + 8);
    f->code_len = rd32(p + 12);
    f->nrel = rd32(p + 16);
    f->ir_ins = rd32(p + 20);
    f->calls = rd32(p + 24);
    f->backedges = rd32(p + 28);
    f->flags = rd32(p + 32);
    f->osr_entry = rd32(p + 36);
    if (rlen % 4 || rlen < BFC_RECORD_FIXED || rlen > len - o) { *what = "record length out of bounds"; return -1; }
    if (f->name_len == 0 || f->name_len > BFC_MAX_NAME) { *what = "function name length out of bounds"; return -1; }
    if (f->code_len == 0 || f->code_len > BFC_MAX_CODE) { *what = "code length out of bounds"; return -1; }
    if (f->nrel > f->code_len / 4) { *what = "relocation count out of bounds"; return -1; }
    if (f->flags & ~(uint32_t)BFC_F_OSR) { *what = "unknown flags"; return -1; }
    if (f->osr_entry >= f->code_len || (f->osr_entry && !(f->flags & BFC_F_OSR))) { *what = "osr entry out of bounds"; return -1; }
    uint64_t name_at = BFC_RECORD_FIXED, rel_at = name_at + pad4(f->name_len);
    uint64_t code_at = rel_at + (uint64_t)f->nrel * BFC_RELOC_BYTES, end = code_at + pad4(f->code_len);
    if (end != rlen) { *what = "record length does not match its contents"; return -1; }
    if (!zeros(p, name_at + f->name_len, rel_at) || !zeros(p, code_at + f->code_len, end)) { *what = "padding not zero"; return -1; }
    for (uint32_t i = 0; i < f->name_len; i++) if (!p[name_at + i]) { *what = "function name holds a NUL"; return -1; }
    f->name = (const char *)(p + name_at);
    f->rel = p + rel_at;
    f->code = p + code_at;
    uint64_t next_free = 0;
    for (uint32_t i = 0; i < f->nrel; i++) {
        BfcReloc r; bfc_reloc(f, i, &r);
        if (r.kind >= BFC_RELOC_KINDS) { *what = "unknown relocation kind"; return -1; }
        if ((uint64_t)r.at + 4 > f->code_len) { *what = "relocation beyond the code"; return -1; }
        if (r.at < next_free) { *what = "relocations out of order or overlapping"; return -1; }
        next_free = (uint64_t)r.at + 4;
        if (f->code[r.at] | f->code[r.at + 1] | f->code[r.at + 2] | f->code[r.at + 3]) { *what = "relocated field not zero"; return -1; }
    }
    *off = (uint32_t)end + (uint32_t)o;
    return 1;
}

/* the payload's records: counts and order against the header */
static int check_payload(const uint8_t *payload, const BfcHeader *h, const char **what) {
    uint32_t off = 0, n = 0; uint64_t code = 0; int64_t last = -1;
    BfcFunc f; int r;
    while ((r = bfc_next(payload, h->payload_len, &off, &f, what)) == 1) {
        if ((int64_t)f.index <= last) { *what = "function indexes not increasing"; return -1; }
        last = f.index; n++; code += f.code_len;
    }
    if (r < 0) return -1;
    if (n != h->nfunctions) { *what = "function count does not match the header"; return -1; }
    if (code != h->code_bytes) { *what = "code bytes do not match the header"; return -1; }
    return 0;
}

int bfc_check(const void *slot, uint32_t len, const BfcKey *want, BfcHeader *h, char *why, size_t whylen) {
    BfcHeader local;
    if (!h) h = &local;
    int s = bfc_header_decode(slot, len, h);
    if (s == BFC_BAD_VERSION) { why_num(why, whylen, "stale: format version ", h->version, ""); return s; }
    if (s) { bfc_why(why, whylen, bfc_status_text(s), ""); return s; }
    int d = bfc_key_diff(&h->key, want);
    if (d >= 0) { bfc_why(why, whylen, "stale: ", key_changes[d]); return BFC_STALE; }
    if (h->payload_len % 4 || (uint64_t)BFC_HEADER_BYTES + h->payload_len > len) {
        bfc_why(why, whylen, h->payload_len % 4 ? "corrupt: payload length not a multiple of 4" : "corrupt: truncated", "");
        return h->payload_len % 4 ? BFC_BAD_PAYLOAD : BFC_TRUNCATED;
    }
    const uint8_t *payload = (const uint8_t *)slot + BFC_HEADER_BYTES;
    if (crc32_update(0, payload, h->payload_len) != h->payload_crc) { bfc_why(why, whylen, bfc_status_text(BFC_BAD_PAYLOAD_CRC), ""); return BFC_BAD_PAYLOAD_CRC; }
    const char *what = "";
    if (check_payload(payload, h, &what)) { bfc_why(why, whylen, "corrupt: ", what); return BFC_BAD_PAYLOAD; }
    bfc_why(why, whylen, "ok", "");
    return BFC_OK;
}

int bfc_choose(const void *a, uint32_t alen, const void *b, uint32_t blen, const BfcKey *want, char *why, size_t whylen) {
    BfcHeader ha, hb;
    char wa[96], wb[96];
    int sa = bfc_check(a, alen, want, &ha, wa, sizeof wa);
    int sb = bfc_check(b, blen, want, &hb, wb, sizeof wb);
    if (!sa && (sb || ha.seq >= hb.seq)) { bfc_why(why, whylen, "A", ""); return 0; }
    if (!sb) { bfc_why(why, whylen, "B", ""); return 1; }
    char t[120];
    bfc_why(t, sizeof t, "A: ", wa);
    size_t n = 0;
    while (t[n]) n++;
    bfc_why(t + n, sizeof t - n, "; B: ", "");
    char t2[240];
    bfc_why(t2, sizeof t2, t, "");
    n = 0;
    while (t2[n]) n++;
    bfc_why(t2 + n, sizeof t2 - n, wb, "");
    bfc_why(why, whylen, t2, "");
    return -1;
}

int bfc_write_target(const void *a, uint32_t alen, const void *b, uint32_t blen, const BfcKey *want, uint32_t *seq) {
    BfcHeader ha, hb;
    int va = bfc_header_decode(a, alen, &ha) == BFC_OK, vb = bfc_header_decode(b, blen, &hb) == BFC_OK;
    uint32_t qa = va ? ha.seq : 0, qb = vb ? hb.seq : 0;
    *seq = (qa > qb ? qa : qb) + 1;
    int load = bfc_choose(a, alen, b, blen, want, 0, 0);
    if (load >= 0) return !load;
    if (!va) return 0;
    if (!vb) return 1;
    return qa <= qb ? 0 : 1;
}

void bfc_writer_init(BfcWriter *w, void *buf, uint32_t cap) {
    w->buf = buf; w->cap = cap; w->off = BFC_HEADER_BYTES; w->n = 0; w->code_bytes = 0; w->last_index = 0;
    w->bad = !buf || cap < BFC_HEADER_BYTES;
}

int bfc_put(BfcWriter *w, const BfcFunc *f, const BfcReloc *rel) {
    if (w->bad) return -1;
    uint64_t rlen = BFC_RECORD_FIXED + pad4(f->name_len) + (uint64_t)f->nrel * BFC_RELOC_BYTES + pad4(f->code_len);
    if ((w->n && f->index <= w->last_index) || !f->name_len || f->name_len > BFC_MAX_NAME || !f->code_len || f->code_len > BFC_MAX_CODE
        || f->osr_entry >= f->code_len || (uint64_t)w->off + rlen > w->cap) { w->bad = 1; return -1; }
    uint8_t *p = w->buf + w->off;
    zero(p, (uint32_t)rlen);
    wr32(p, (uint32_t)rlen);
    wr32(p + 4, f->index); wr32(p + 8, f->name_len); wr32(p + 12, f->code_len); wr32(p + 16, f->nrel);
    wr32(p + 20, f->ir_ins); wr32(p + 24, f->calls); wr32(p + 28, f->backedges);
    wr32(p + 32, f->flags | (f->osr_entry ? BFC_F_OSR : 0)); wr32(p + 36, f->osr_entry);
    copy(p + BFC_RECORD_FIXED, (const uint8_t *)f->name, f->name_len);
    uint8_t *r = p + BFC_RECORD_FIXED + pad4(f->name_len), *code = r + (size_t)f->nrel * BFC_RELOC_BYTES;
    copy(code, f->code, f->code_len);
    for (uint32_t i = 0; i < f->nrel; i++) {
        if (rel[i].kind >= BFC_RELOC_KINDS || (uint64_t)rel[i].at + 4 > f->code_len) { w->bad = 1; return -1; }
        wr32(r + 16 * i, rel[i].at); wr32(r + 16 * i + 4, rel[i].kind); wr32(r + 16 * i + 8, rel[i].target); wr32(r + 16 * i + 12, (uint32_t)rel[i].addend);
        zero(code + rel[i].at, 4);
    }
    w->off += (uint32_t)rlen; w->n++; w->code_bytes += f->code_len; w->last_index = f->index;
    return 0;
}

uint32_t bfc_writer_finish(BfcWriter *w, const BfcKey *key, uint32_t seq) {
    if (w->bad) return 0;
    BfcHeader h;
    zero((uint8_t *)&h, sizeof h);
    h.version = BFC_VERSION; h.seq = seq; h.key = *key;
    h.payload_len = w->off - BFC_HEADER_BYTES;
    h.payload_crc = crc32_update(0, w->buf + BFC_HEADER_BYTES, h.payload_len);
    h.nfunctions = w->n; h.code_bytes = w->code_bytes;
    bfc_header_encode(&h, w->buf);
    /* what a reader checks, checked now: a writer bug must not produce a slot the reader rejects */
    const char *what;
    if (check_payload(w->buf + BFC_HEADER_BYTES, &h, &what)) return 0;
    return w->off;
}
