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

void bf_cache_key(bf_engine *e, BfcKey *k) {
    memset(k, 0, sizeof *k);
    k->module = crc32_update(0, e->buf, e->len);
    k->module_len = e->len;
    k->jit_version = BFC_JIT_VERSION;
    k->jit_options = e->jit_hot ? e->jit_at : 0xffffffffu;     /* the call threshold; all ones: the JIT is off */
    k->cpu = BFC_CPU_SSE2;
}

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
            if (x.addend < 0 || (uint32_t)x.addend > ty_size(e, e->gv[x.target].vty)) return "relocation: address outside its global";
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
        if (!(placed[n] = jit_place(e, &e->fn[r.index], &j->code))) { fail_what = "no executable memory"; n++; break; }
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

/* the functions a save writes: compiled, with their code kept */
static int saveable(Fn *f) { return f->jit && !f->jit->skipped.what && f->jit->code.code && f->native; }

uint32_t bf_cache_new(bf_engine *e) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < e->nfn; i++) if (saveable(&e->fn[i]) && !e->fn[i].jit->saved) n++;
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
    for (uint32_t i = 0; i < e->nfn && !w.bad; i++) {
        Fn *f = &e->fn[i];
        if (!saveable(f)) continue;
        JitInfo *j = f->jit;
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
    uint32_t n = bfc_writer_finish(&w, key, seq);
    if (n)
        for (uint32_t i = 0; i < e->nfn; i++) if (saveable(&e->fn[i])) e->fn[i].jit->saved = 1;
    return n;
}
