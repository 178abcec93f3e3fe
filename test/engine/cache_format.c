/* Unit test of cache/format.c (the slot format, cache/cache.h), built with
 * clang -m32 -fsanitize=undefined with cache/format.c and kernel_lib/crc32.c
 * (test/engine/cache.test.ts does; ASan works too but is far too slow where
 * 32-bit programs run under qemu-user, as on the build machines). Prints "ok
 * N checks" and exits 0, or names the first failed check and exits 1.
 *
 * Beyond the round trip: every single-bit flip of a slot and every truncation
 * is rejected; and 200,000 seeded random mutations of a payload whose
 * checksums are recomputed (so only the structural checks stand between the
 * bytes and the reader) never yield a record that breaks the invariants the
 * engine relies on (every record, name, relocation and code byte inside the
 * payload). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../cache/cache.h"

#ifndef ITERS
#define ITERS 200000
#endif
static int checks;
#define CHECK(c) do { checks++; if (!(c)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

static uint32_t seed = 11;
static uint32_t rnd(void) { seed ^= seed << 13; seed ^= seed >> 17; seed ^= seed << 5; return seed; }

static const BfcKey key = { 0x11111111, 0x22222222, 1234, 0, BFC_JIT_VERSION, 100, BFC_CPU_SSE2, 0x88888888 };

/* a slot of three functions with relocations; returns its length */
static uint32_t make_slot(uint8_t *buf, uint32_t cap, uint32_t seq) {
    BfcWriter w;
    bfc_writer_init(&w, buf, cap);
    static uint8_t code[3][64];
    for (int f = 0; f < 3; f++) for (int i = 0; i < 64; i++) code[f][i] = (uint8_t)(0x90 + f + i);
    BfcReloc rel[3][3] = {
        { { 1, 0, 5, 8 }, { 10, 2, 3, 0 }, { 30, 1, 2, 0 } },
        { { 4, 4, 7, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } },
        { { 0, 3, 9, 0 }, { 60, 0, 1, 0 }, { 0, 0, 0, 0 } },
    };
    const char *names[3] = { "alpha", "be", "gamma_delta" };
    uint32_t idx[3] = { 2, 5, 9 }, nrel[3] = { 3, 1, 2 }, len[3] = { 64, 33, 64 };
    for (int f = 0; f < 3; f++) {
        BfcFunc r;
        memset(&r, 0, sizeof r);
        r.index = idx[f]; r.name = names[f]; r.name_len = (uint32_t)strlen(names[f]);
        r.code = code[f]; r.code_len = len[f]; r.nrel = nrel[f];
        r.ir_ins = 10 + f; r.calls = 100; r.backedges = 7 * f;
        r.osr_entry = f == 2 ? 17 : 0;
        if (bfc_put(&w, &r, rel[f])) return 0;
    }
    return bfc_writer_finish(&w, &key, seq);
}

static uint8_t slot[4096], other[4096], bad[4096];

int main(void) {
    char why[256];
    BfcHeader h;
    /* the CRC is IEEE's: the standard check value */
    CHECK(crc32_update(0, "123456789", 9) == 0xCBF43926u);
    CHECK(crc32_update(crc32_update(0, "1234", 4), "56789", 5) == 0xCBF43926u);

    uint32_t n = make_slot(slot, sizeof slot, 7);
    CHECK(n > BFC_HEADER_BYTES && n % 4 == 0);
    CHECK(bfc_check(slot, n, &key, &h, why, sizeof why) == BFC_OK);
    CHECK(h.seq == 7 && h.nfunctions == 3 && h.code_bytes == 64 + 33 + 64 && h.payload_len == n - BFC_HEADER_BYTES);
    CHECK(!memcmp(slot, "BFCACHE1", 8));
    for (uint32_t i = BFC_HEADER_USED; i < BFC_HEADER_BYTES; i++) CHECK(slot[i] == 0);

    /* the records come back as written, relocated fields zeroed */
    {
        uint32_t off = 0, k = 0; BfcFunc r; const char *what;
        while (bfc_next(slot + BFC_HEADER_BYTES, h.payload_len, &off, &r, &what) == 1) {
            if (k == 0) {
                CHECK(r.index == 2 && r.name_len == 5 && !memcmp(r.name, "alpha", 5) && r.code_len == 64 && r.nrel == 3);
                BfcReloc x; bfc_reloc(&r, 0, &x);
                CHECK(x.at == 1 && x.kind == 0 && x.target == 5 && x.addend == 8);
                CHECK(r.code[0] == 0x90 && r.code[1] == 0 && r.code[4] == 0 && r.code[5] == 0x95);
            }
            if (k == 2) CHECK(r.flags == BFC_F_OSR && r.osr_entry == 17 && r.backedges == 14);
            k++;
        }
        CHECK(k == 3 && off == h.payload_len);
    }

    /* the writer refuses what the reader would refuse */
    {
        BfcWriter w; uint8_t small[600];
        bfc_writer_init(&w, small, sizeof small);
        BfcFunc r; memset(&r, 0, sizeof r);
        uint8_t code[200] = { 0 };
        r.index = 1; r.name = "f"; r.name_len = 1; r.code = code; r.code_len = 200;
        CHECK(bfc_put(&w, &r, 0) < 0 && bfc_writer_finish(&w, &key, 1) == 0);       /* does not fit */
        bfc_writer_init(&w, bad, sizeof bad);
        CHECK(bfc_put(&w, &r, 0) == 0);
        CHECK(bfc_put(&w, &r, 0) < 0);                                               /* index not increasing */
        bfc_writer_init(&w, bad, sizeof bad);
        BfcReloc x = { 198, 0, 0, 0 };
        r.nrel = 1;
        CHECK(bfc_put(&w, &r, &x) < 0);                                              /* beyond the code */
    }

    /* every single-bit flip anywhere in the slot is rejected, with the reason its place implies */
    for (uint32_t i = 0; i < n; i++)
        for (int b = 0; b < 8; b++) {
            memcpy(bad, slot, n);
            bad[i] ^= (uint8_t)(1 << b);
            int s = bfc_check(bad, n, &key, &h, why, sizeof why);
            CHECK(s == (i < 8 ? BFC_BAD_MAGIC : i < BFC_HEADER_BYTES ? BFC_BAD_HEADER_CRC : BFC_BAD_PAYLOAD_CRC));
        }
    /* every truncation */
    for (uint32_t len = 0; len < n; len++) {
        int s = bfc_check(slot, len, &key, &h, why, sizeof why);
        CHECK(s == (len == 0 ? BFC_EMPTY : BFC_TRUNCATED));
    }
    /* each key field: stale, named */
    for (int f = 0; f < BFC_KEY_FIELDS; f++) {
        BfcKey k2 = key;
        (&k2.engine)[f] ^= 1;
        CHECK(bfc_check(slot, n, &k2, &h, why, sizeof why) == BFC_STALE && !strncmp(why, "stale: ", 7));
        CHECK(bfc_key_diff(&key, &k2) == f);
    }
    /* a slot whose layout is 0 assumes no address of the run that wrote it: good for any layout */
    {
        BfcKey none = key; none.layout = 0;
        CHECK(bfc_key_diff(&none, &key) == -1 && bfc_key_diff(&key, &none) == 7);
    }
    CHECK(bfc_check(slot, n, &key, 0, why, sizeof why) == BFC_OK);
    {
        BfcKey k2 = key; k2.module ^= 1;
        bfc_check(slot, n, &k2, 0, why, sizeof why);
        CHECK(!strcmp(why, "stale: module changed"));
        memcpy(bad, slot, n); memset(bad + 52, 0, 4);
        bfc_check(bad, n, &key, 0, why, sizeof why);
        CHECK(!strcmp(why, "corrupt: header checksum mismatch"));
    }

    /* two slots: the valid one with the higher seq; never a bad one */
    {
        uint32_t m = make_slot(other, sizeof other, 8);
        uint8_t zero[BFC_HEADER_BYTES] = { 0 };
        uint32_t seq;
        CHECK(bfc_choose(slot, n, other, m, &key, why, sizeof why) == 1);
        CHECK(bfc_choose(other, m, slot, n, &key, why, sizeof why) == 0);
        CHECK(bfc_write_target(slot, n, other, m, &key, &seq) == 0 && seq == 9);
        memcpy(bad, other, m); bad[600] ^= 1;                      /* the newer one torn */
        CHECK(bfc_choose(slot, n, bad, m, &key, why, sizeof why) == 0);
        CHECK(bfc_write_target(slot, n, bad, m, &key, &seq) == 1 && seq == 9);
        CHECK(bfc_choose(zero, sizeof zero, bad, m, &key, why, sizeof why) == -1);
        CHECK(!strcmp(why, "A: empty; B: corrupt: payload checksum mismatch"));
        CHECK(bfc_write_target(zero, sizeof zero, zero, sizeof zero, &key, &seq) == 0 && seq == 1);
        CHECK(bfc_write_target(slot, n, zero, sizeof zero, &key, &seq) == 1 && seq == 8);
    }

    /* random structural damage with valid checksums: never out of bounds, never an invariant broken */
    uint32_t accepted = 0;
    for (int it = 0; it < ITERS; it++) {
        memcpy(bad, slot, n);
        int edits = 1 + (int)(rnd() % 4);
        for (int e = 0; e < edits; e++) {
            uint32_t at = BFC_HEADER_BYTES + rnd() % (n - BFC_HEADER_BYTES);
            switch (rnd() % 4) {
            case 0: bad[at] ^= (uint8_t)(1 << (rnd() % 8)); break;
            case 1: bad[at] = (uint8_t)rnd(); break;
            case 2: at &= ~3u; { uint32_t v = rnd() % 3 == 0 ? 0xffffffffu - rnd() % 8 : rnd() % 128; memcpy(bad + at, &v, 4); } break;
            case 3: { uint32_t v = rnd() % 8; memcpy(bad + 56 + 4 * (rnd() % 2), &v, rnd() % 4 ? 0 : 4); } break;
            }
        }
        uint32_t plen = bad[48] | bad[49] << 8 | bad[50] << 16 | (uint32_t)bad[51] << 24;
        uint32_t pcrc = crc32_update(0, bad + BFC_HEADER_BYTES, plen), hcrc;
        memcpy(bad + 52, &pcrc, 4);
        hcrc = crc32_update(0, bad, 64);
        memcpy(bad + 64, &hcrc, 4);
        uint32_t len = rnd() % 8 ? n : BFC_HEADER_BYTES + rnd() % (n - BFC_HEADER_BYTES);
        if (bfc_check(bad, len, &key, &h, why, sizeof why) != BFC_OK) continue;
        accepted++;
        uint32_t off = 0, cnt = 0; BfcFunc r; const char *what; uint64_t code = 0; int s;
        while ((s = bfc_next(bad + BFC_HEADER_BYTES, h.payload_len, &off, &r, &what)) == 1) {
            CHECK(r.name_len >= 1 && r.code_len >= 1 && r.osr_entry < r.code_len);
            CHECK(r.code + r.code_len <= bad + BFC_HEADER_BYTES + h.payload_len);
            for (uint32_t i = 0; i < r.nrel; i++) { BfcReloc x; bfc_reloc(&r, i, &x); CHECK(x.kind < BFC_RELOC_KINDS && x.at + 4 <= r.code_len); }
            cnt++; code += r.code_len;
        }
        CHECK(s == 0 && cnt == h.nfunctions && code == h.code_bytes);
    }
    printf("ok %d checks (%u of %d resealed mutations still well-formed)\n", checks, accepted, ITERS);
    return 0;
}
