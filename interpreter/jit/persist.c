/* The persisted native cache, engine side (engine.h: bf_cache_*; the slot
 * format is cache/format.c). Saving: every function the JIT compiled keeps
 * its code as emitted and its relocation records (JitInfo.code), which go
 * into one record each. Loading: cache/format.c checks the slot (header,
 * key, payload checksum, structure); then every record is checked against
 * this engine (function index, not a declaration, name, every relocation
 * target and addend); only then is code placed (jit_place applies the
 * relocations) and, once every function is placed, installed in the entry
 * slots. Nothing from a slot runs before all of that passed. */
#include "jit.h"

static uint32_t layout_fingerprint(E *e);

void bf_cache_key(bf_engine *e, BfcKey *k) {
    memset(k, 0, sizeof *k);
    k->module = e->cfg.module_crc32 ? e->cfg.module_crc32 : crc32_update(0, e->buf, e->len);
    k->module_len = e->len;
    k->jit_version = BFC_JIT_VERSION;
    k->jit_options = e->jit_hot ? e->jit_at : 0xffffffffu;     /* the call threshold; all ones: the JIT is off */
    k->cpu = BFC_CPU_SSE2;
    k->layout = layout_fingerprint(e);     /* a save keeps it only when a record needs it */
}

#define ADDEND_SLACK (1u << 20)
/* why record r cannot be installed in this engine, or 0 */
static const char *check_record(E *e, const BfcFunc *r) {
    if (r->index >= e->nfn) return "function index out of range";
    Fn *f = &e->fn[r->index];
    if (f->isdecl || f->intr) return "function is a declaration";
    if (f->nlen != r->name_len || memcmp(f->name, r->name, r->name_len)) return "function name mismatch";
    if (f->native || f->jit) return "function already compiled";
    for (uint32_t i = 0; i < r->nrel; i++) {
        BfcReloc x; bfc_reloc(r, i, &x);
        switch (x.kind) {
        case RELOC_GLOBAL:
            if (x.target >= e->ngv || !e->gv[x.target].addr) return "relocation: global out of range";
            /* a constant GEP may point outside its global (gep(@a, -1)); this far out is corruption, not code */
            if (x.addend < -(int32_t)ADDEND_SLACK || x.addend > (int32_t)(ty_size(e, e->gv[x.target].vty) + ADDEND_SLACK))
                return "relocation: address outside its global";
            break;
        case RELOC_FUNCTION:
            if (x.target >= e->nfn || x.addend) return "relocation: function out of range";
            if (e->fn[x.target].isdecl ? !e->fn[x.target].native : !e->stubs) return "relocation: function has no address";
            break;
        case RELOC_HELPER:
            if (x.target >= jit_helper_count() || x.addend) return "relocation: helper out of range";
            break;
        case RELOC_FN_RECORD:
            if (x.target != r->index || x.addend) return "relocation: another function's record";
            break;
        case RELOC_SYMBOL:
            if (x.target >= (uint32_t)e->cfg.nsyms || !e->cfg.syms[x.target].addr || x.addend) return "relocation: symbol out of range";
            break;
        case RELOC_CODE:
            if (x.target || x.addend < 0 || (uint32_t)x.addend >= r->code_len) return "relocation: outside its code";
            break;
        default: return "relocation: unknown kind";
        }
    }
    return 0;
}

/* "rejected: what in 'name'" */
static void rejected(char *why, size_t whylen, const char *what, const BfcFunc *r) {
    char t[160];
    bfc_why(t, sizeof t, "rejected: ", what);
    size_t n = strlen(t);
    if (r && n + 8 < sizeof t) {
        uint32_t k = r->name_len < sizeof t - n - 8 ? r->name_len : (uint32_t)(sizeof t - n - 8);
        memcpy(t + n, " in '", 5); n += 5;
        memcpy(t + n, r->name, k); n += k;
        t[n++] = '\''; t[n] = 0;
    }
    bfc_why(why, whylen, t, "");
}

static void info_free(E *e, JitInfo *j) { if (j) { jit_code_free(e, &j->code); efree(e, j); } }

int bf_cache_load(bf_engine *e, const void *slot, uint32_t len, const BfcKey *want, char *why, size_t whylen) {
    BfcHeader h;
    int s = bfc_check(slot, len, want, &h, why, whylen);
    if (s) return s;
    if (!e->jit_place) { bfc_why(why, whylen, "rejected: the JIT is off", ""); return BFC_REJECTED; }
    const uint8_t *payload = (const uint8_t *)slot + BFC_HEADER_BYTES;
    BfcFunc r; uint32_t off = 0; const char *what = 0;
    while ((s = bfc_next(payload, h.payload_len, &off, &r, &what)) == 1)
        if ((what = check_record(e, &r))) { rejected(why, whylen, what, &r); return BFC_REJECTED; }
    if (s < 0) { bfc_why(why, whylen, "corrupt: ", what); return BFC_BAD_PAYLOAD; }
    /* every record checked: place them all, then install them all */
    JitInfo **info = h.nfunctions ? ealloc(e, h.nfunctions * (uint32_t)sizeof *info) : 0;
    uint8_t **placed = h.nfunctions ? ealloc(e, h.nfunctions * (uint32_t)sizeof *placed) : 0;
    uint32_t n = 0;
    const char *fail_what = 0;
    if (h.nfunctions && (!info || !placed)) fail_what = "out of memory";
    for (off = 0; !fail_what && bfc_next(payload, h.payload_len, &off, &r, &what) == 1; n++) {
        JitInfo *j = info[n] = ealloc(e, sizeof *j);
        if (!j || !(j->code.code = ealloc(e, r.code_len)) || (r.nrel && !(j->code.rel = ealloc(e, r.nrel * (uint32_t)sizeof(Reloc))))) {
            fail_what = "out of memory"; n++; break;
        }
        memcpy(j->code.code, r.code, r.code_len);
        j->code.len = r.code_len; j->code.nrel = r.nrel; j->code.nins = r.ir_ins; j->code.osr_entry = r.osr_entry;
        for (uint32_t i = 0; i < r.nrel; i++) {
            BfcReloc x; bfc_reloc(&r, i, &x);
            Reloc y = { x.at, (uint8_t)x.kind, x.target, x.addend };
            j->code.rel[i] = y;
        }
        j->ins = r.ir_ins; j->bytes = r.code_len; j->calls = r.calls; j->backedges = r.backedges;
        j->osr = 0; j->from_cache = 1; j->saved = 1;
        if (!(placed[n] = e->jit_place(e, &e->fn[r.index], &j->code))) { fail_what = "no executable memory"; n++; break; }
    }
    if (fail_what) {               /* nothing installed (executable memory placed so far is not reclaimed) */
        for (uint32_t i = 0; i < n; i++) info_free(e, info[i]);
        efree(e, info); efree(e, placed);
        e->errc = 0;
        rejected(why, whylen, fail_what, 0);
        return BFC_REJECTED;
    }
    n = 0;
    for (off = 0; bfc_next(payload, h.payload_len, &off, &r, &what) == 1; n++) {
        Fn *f = &e->fn[r.index];
        info[n]->us = 0;
        f->jit = info[n];
        f->native = placed[n];     /* installed: every call of f runs the loaded code from now on */
    }
    efree(e, info); efree(e, placed);
    /* "loaded N functions, B bytes" */
    char t[96]; size_t k = 0;
    const char *parts[] = { "loaded ", 0, " functions, ", 0, " bytes" };
    uint32_t nums[] = { 0, h.nfunctions, 0, h.code_bytes, 0 };
    for (int p = 0; p < 5; p++) {
        if (parts[p]) { for (const char *c = parts[p]; *c && k + 1 < sizeof t; c++) t[k++] = *c; continue; }
        char d[12]; int m = 11; d[m] = 0; uint32_t v = nums[p];
        do { d[--m] = (char)('0' + v % 10); v /= 10; } while (v);
        for (const char *c = d + m; *c && k + 1 < sizeof t; c++) t[k++] = *c;
    }
    t[k] = 0;
    bfc_why(why, whylen, t, "");
    return BFC_OK;
}

/* A safety net under emit.c's contract (every absolute address in the code is
 * a relocation record): a function whose code holds, in a 32-bit immediate or
 * displacement that is not relocated (the encoder lists every one:
 * JitCode.fields), a value within 64 bytes of one of this run's globals,
 * inside its trampolines or function records, or equal to a declaration's or
 * FFI symbol's address, might point at this run's memory. Most such values
 * are constants that happen to look like an address (tinyllama's
 * build_tokenizer stores the i16 pairs 0x00XX00YY, one of which lay 0x9D009C
 * next to a global), but the scan cannot tell: such a function is saved with
 * the slot's key holding this run's layout fingerprint (BfcKey.layout: the
 * addresses the scan compares against), so it loads only where every one of
 * them is the same, which a guest boot of the same key is (its allocations
 * before the cache load are the same), and elsewhere the slot is stale
 * ("memory layout changed"). Until this, such a function was left out of the
 * slot and compiled again on every warm boot, and whether one was depended on
 * where the heap happened to put the globals. Only the fields are read: at
 * every byte offset, opcode and ModRM bytes next to a small displacement look
 * like addresses too often. */
typedef struct Addrs { W lo[2], hi[2]; W *gv; uint32_t ngv; W *exact; uint32_t nexact; } Addrs;
enum { SLACK = 64 };              /* bytes around each global: catches @g - 4, @g + size + 8 */
static void sortw(W *a, uint32_t n, uint32_t stride) {     /* insertion sort by the first word of each stride-word entry */
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t k = i; k > 0 && a[(k - 1) * stride] > a[k * stride]; k--)
            for (uint32_t w = 0; w < stride; w++) { W t = a[k * stride + w]; a[k * stride + w] = a[(k - 1) * stride + w]; a[(k - 1) * stride + w] = t; }
}
static void addrs_init(E *e, Addrs *a) {
    memset(a, 0, sizeof *a);
    a->lo[0] = (W)e->stubs; a->hi[0] = e->stubs ? (W)(e->stubs + STUB_BYTES * e->nfn) : 0;
    a->lo[1] = (W)e->fn; a->hi[1] = (W)(e->fn + e->nfn);
    if (e->ngv && (a->gv = ealloc(e, 2 * e->ngv * (uint32_t)sizeof(W)))) {
        for (uint32_t i = 0; i < e->ngv; i++) {
            W at = (W)e->gv[i].addr;
            if (!at) continue;
            a->gv[2 * a->ngv] = at > SLACK ? at - SLACK : 0;
            a->gv[2 * a->ngv + 1] = at + ty_size(e, e->gv[i].vty) + SLACK;
            a->ngv++;
        }
        sortw(a->gv, a->ngv, 2);
        uint32_t m = 0;                                       /* merge overlaps: ends increase too */
        for (uint32_t i = 0; i < a->ngv; i++) {
            if (m && a->gv[2 * i] <= a->gv[2 * m - 1]) { if (a->gv[2 * i + 1] > a->gv[2 * m - 1]) a->gv[2 * m - 1] = a->gv[2 * i + 1]; continue; }
            a->gv[2 * m] = a->gv[2 * i]; a->gv[2 * m + 1] = a->gv[2 * i + 1]; m++;
        }
        a->ngv = m;
    }
    uint32_t n = (uint32_t)e->cfg.nsyms;
    for (uint32_t i = 0; i < e->nfn; i++) n += e->fn[i].isdecl;
    if (n && (a->exact = ealloc(e, n * (uint32_t)sizeof(W)))) {
        for (int i = 0; i < e->cfg.nsyms; i++) if (e->cfg.syms[i].addr) a->exact[a->nexact++] = (W)e->cfg.syms[i].addr;
        for (uint32_t i = 0; i < e->nfn; i++) if (e->fn[i].isdecl && e->fn[i].native) a->exact[a->nexact++] = (W)e->fn[i].native;
        sortw(a->exact, a->nexact, 1);
    }
    e->errc = 0;                  /* out of memory here: fewer checks, never a failure */
}
static void addrs_free(E *e, Addrs *a) { efree(e, a->gv); efree(e, a->exact); }
static int is_address(const Addrs *a, W v) {
    for (int k = 0; k < 2; k++) if (v >= a->lo[k] && v < a->hi[k]) return 1;
    uint32_t lo = 0, hi = a->ngv;                     /* the last range starting at or below v */
    while (lo < hi) { uint32_t m = (lo + hi) / 2; if (a->gv[2 * m] <= v) lo = m + 1; else hi = m; }
    if (lo && v < a->gv[2 * (lo - 1) + 1]) return 1;
    lo = 0; hi = a->nexact;
    while (lo < hi) { uint32_t m = (lo + hi) / 2; if (a->exact[m] < v) lo = m + 1; else hi = m; }
    return lo < a->nexact && a->exact[lo] == v;
}
/* 1: the code holds no unrelocated address (JitInfo.unreloc: 1 checked clean, 2 not, with the offset in unreloc_at) */
static int clean(const Addrs *a, JitInfo *j) {
    if (j->unreloc) return j->unreloc == 1;
    const JitCode *c = &j->code;
    uint32_t r = 0;
    j->unreloc = 1;
    for (uint32_t k = 0; k < c->nfields; k++) {
        uint32_t at = c->fields[k];
        if (at + 4 > c->len) break;
        while (r < c->nrel && c->rel[r].at < at) r++;
        if (r < c->nrel && c->rel[r].at == at) continue;                      /* relocated */
        W v = (W)c->code[at] | (W)c->code[at + 1] << 8 | (W)c->code[at + 2] << 16 | (W)c->code[at + 3] << 24;
        if (is_address(a, v)) { j->unreloc = 2; j->unreloc_at = at; break; }
    }
    return j->unreloc == 1;
}

/* the functions a save writes: compiled, with their code kept */
static int saveable(Fn *f) { return f->jit && !f->jit->skipped.what && f->jit->code.code && f->native; }

/* What the scan compares code against, hashed: equal only where globals,
 * stubs, function records, FFI symbols and declarations are all where this
 * run has them. Never 0 (the key's "no layout assumed"). */
static uint32_t layout_fingerprint(E *e) {
    uint32_t crc = 0;
    W words[3] = { (W)e->stubs, (W)e->fn, (W)e->nfn };
    crc = crc32_update(crc, words, sizeof words);
    for (uint32_t i = 0; i < e->ngv; i++) crc = crc32_update(crc, &e->gv[i].addr, sizeof e->gv[i].addr);
    for (int i = 0; i < e->cfg.nsyms; i++) crc = crc32_update(crc, &e->cfg.syms[i].addr, sizeof e->cfg.syms[i].addr);
    for (uint32_t i = 0; i < e->nfn; i++) if (e->fn[i].isdecl) crc = crc32_update(crc, &e->fn[i].native, sizeof e->fn[i].native);
    return crc ? crc : 1;
}

uint32_t bf_cache_new(bf_engine *e) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < e->nfn; i++) if (e->fn[i].jit && !e->fn[i].jit->saved && saveable(&e->fn[i])) n++;
    return n;
}

uint32_t bf_cache_bytes(bf_engine *e) {
    uint64_t n = BFC_HEADER_BYTES;
    for (uint32_t i = 0; i < e->nfn; i++) {
        Fn *f = &e->fn[i];
        if (!saveable(f)) continue;
        n += BFC_RECORD_FIXED + ((f->nlen + 3) & ~3u) + (uint64_t)f->jit->code.nrel * BFC_RELOC_BYTES + ((f->jit->code.len + 3) & ~3u);
    }
    return n > 0xffffffffu ? 0xffffffffu : (uint32_t)n;
}

uint32_t bf_cache_save(bf_engine *e, const BfcKey *key, uint32_t seq, void *buf, uint32_t cap) {
    BfcWriter w;
    bfc_writer_init(&w, buf, cap);
    BfcReloc *rel = 0; uint32_t caprel = 0;
    Addrs a; addrs_init(e, &a);
    BfcKey k = *key;
    k.layout = 0;
    for (uint32_t i = 0; i < e->nfn && !w.bad; i++) {
        Fn *f = &e->fn[i];
        if (!saveable(f)) continue;
        JitInfo *j = f->jit;
        if (!clean(&a, j)) k.layout = key->layout;
        if (j->code.nrel > caprel) {
            efree(e, rel);
            caprel = j->code.nrel;
            if (!(rel = ealloc(e, caprel * (uint32_t)sizeof *rel))) { e->errc = 0; return 0; }
        }
        for (uint32_t k = 0; k < j->code.nrel; k++) {
            BfcReloc x = { j->code.rel[k].at, j->code.rel[k].kind, j->code.rel[k].target, j->code.rel[k].addend };
            rel[k] = x;
        }
        BfcFunc r;
        memset(&r, 0, sizeof r);
        r.index = i; r.name = f->name; r.name_len = f->nlen;
        r.code = j->code.code; r.code_len = j->code.len; r.nrel = j->code.nrel;
        r.ir_ins = j->ins; r.calls = j->calls; r.backedges = j->backedges;
        r.flags = j->code.osr_entry ? BFC_F_OSR : 0; r.osr_entry = j->code.osr_entry;
        bfc_put(&w, &r, rel);
    }
    efree(e, rel);
    uint32_t n = bfc_writer_finish(&w, &k, seq);
    if (n)
        for (uint32_t i = 0; i < e->nfn; i++) if (saveable(&e->fn[i])) e->fn[i].jit->saved = 1;
    addrs_free(e, &a);
    return n;
}
