/* LLVM bitstream reader: blocks, abbreviations, records, blobs. Every read is
 * bounds-checked; a malformed stream yields BS_ERR with a message naming the
 * bit position, never a crash. */
#include "internal.h"

static int bad(BS *b, const char *what) {
    (void)what;                                  /* the bootstrap's bitcode_error has no message */
    bitcode_error(b->e, "bitcode: %s in block %u at bit %u", what,
                  b->depth ? b->stk[b->depth - 1].id : 0xffffffffu, (uint32_t)b->pos);
    return BS_ERR;
}

/* n bits (n <= 32) at the read position, 0 past the end, byte by byte (the
 * last three bytes of the buffer, where no whole word lies, and wider fields). */
static __attribute__((noinline)) uint32_t rd_bytes(BS *b, unsigned n) {
    if (n == 0) return 0;
    if (b->pos + n > b->nbits) { b->pos = b->nbits + 1; return 0; }
    const uint8_t *p = b->buf + (b->pos >> 3);
    unsigned sh = b->pos & 7;
    b->pos += n;
    uint64_t w = 0;
    for (unsigned i = 0; i < (sh + n + 7) >> 3; i++) w |= (uint64_t)p[i] << (8 * i);
    return (uint32_t)(w >> sh) & (n == 32 ? 0xffffffffu : (1u << n) - 1);
}
/* n bits (n <= 32) at the read position. Fields of up to 25 bits with a whole
 * word after them, nearly all, are read as the little-endian word holding
 * them: a load, a shift and a mask, inlined where a field is read (the
 * reader's inner loop); the rest as rd_bytes. */
static inline uint32_t rd(BS *b, unsigned n) {
    if (n > 25 || b->pos + 32 > b->nbits) return rd_bytes(b, n);   /* pos < 2^31: no wrap */
    const uint8_t *p = b->buf + (b->pos >> 3);
    uint32_t w = p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;   /* one load once compiled */
    w >>= b->pos & 7;
    b->pos += n;
    return w & ((1u << n) - 1);
}
/* A variable-width field of n-bit chunks (2 <= n <= 32) whose first chunk
 * `first` was read: the rest of its chunks. */
static __attribute__((noinline)) uint64_t vbr_rest(BS *b, unsigned n, uint32_t first) {
    uint32_t hi = 1u << (n - 1);
    uint64_t v = first & (hi - 1); unsigned sh = n - 1;
    for (;;) {
        uint32_t p = rd(b, n);
        if (b->pos > b->nbits) return 0;
        if (sh < 64) v |= (uint64_t)(p & (hi - 1)) << sh;
        if (!(p & hi)) return v;
        sh += n - 1;
        if (sh > 70) { b->pos = b->nbits + 1; return 0; }
    }
}
/* A variable-width field of n-bit chunks; most values fit the first chunk. */
static inline uint64_t vbr(BS *b, unsigned n) {
    if (n < 2 || n > 32) { b->pos = b->nbits + 1; return 0; }
    uint32_t p = rd(b, n);                       /* 0 past the end */
    return p & (1u << (n - 1)) ? vbr_rest(b, n, p) : p;
}
static int eof(BS *b) { return b->pos > b->nbits; }
static void align32(BS *b) { b->pos = (b->pos + 31) & ~31u; if (b->pos > b->nbits) b->pos = b->nbits + 1; }

int bs_init(BS *b, E *e, const uint8_t *buf, uint32_t len) {
    memset(b, 0, sizeof *b);
    b->e = e; b->buf = buf;
    if (len < 8 || (len & 3)) return bitcode_error(e, "bitcode: file too short or not a multiple of 4 bytes (%u)", len);
    if (len >= 1u << 28) return bitcode_error(e, "bitcode: file of %u bytes is larger than the reader's 256 MiB", len);
    b->nbits = len * 8;
    uint32_t m = buf[0] | buf[1] << 8 | buf[2] << 16 | (uint32_t)buf[3] << 24;
    if (m == 0x0B17C0DE) {                       /* wrapper header */
        if (len < 20) return bitcode_error(e, "bitcode: truncated wrapper header");
        uint32_t off = buf[8] | buf[9] << 8 | buf[10] << 16 | (uint32_t)buf[11] << 24;
        uint32_t sz = buf[12] | buf[13] << 8 | buf[14] << 16 | (uint32_t)buf[15] << 24;
        if (off > len || sz > len - off || (sz & 3)) return bitcode_error(e, "bitcode: bad wrapper header");
        b->buf = buf + off; b->nbits = sz * 8;
        m = b->buf[0] | b->buf[1] << 8 | b->buf[2] << 16 | (uint32_t)b->buf[3] << 24;
    }
    if (m != 0xdec04342) return bitcode_error(e, "bitcode: wrong magic 0x%x (not an LLVM bitcode file)", m);
    b->pos = 32;
    b->stk[0].width = 2; b->depth = 0;
    return 0;
}

static uint32_t cur_width(BS *b) { return b->depth ? b->stk[b->depth - 1].width : 2; }

static Abbrev *read_abbrev(BS *b) {
    uint32_t n = (uint32_t)vbr(b, 5);
    if (eof(b) || n == 0 || n > 1024) return 0;
    Abbrev *a = ealloc(b->e, sizeof(Abbrev) + n * sizeof a->op[0]);
    if (!a) return 0;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        int lit = (int)rd(b, 1);
        if (lit) { a->op[k].enc = AB_LIT; a->op[k].val = (uint32_t)vbr(b, 8); k++; continue; }
        uint32_t enc = (uint32_t)rd(b, 3);
        if (enc == 1 || enc == 2) {
            uint32_t w = (uint32_t)vbr(b, 5);
            if (w > 32 || (enc == 2 && w < 2 && w != 0)) { efree(b->e, a); return 0; }
            if (w == 0) { a->op[k].enc = AB_LIT; a->op[k].val = 0; k++; continue; }
            a->op[k].enc = enc == 1 ? AB_FIXED : AB_VBR; a->op[k].val = w; k++;
        } else if (enc == 3) {
            if (i != n - 2) { efree(b->e, a); return 0; }
            a->op[k++].enc = AB_ARRAY;
        } else if (enc == 4) a->op[k++].enc = AB_CHAR6;
        else if (enc == 5) {
            if (i != n - 1) { efree(b->e, a); return 0; }
            a->op[k++].enc = AB_BLOB;
        } else { efree(b->e, a); return 0; }
        if (eof(b)) { efree(b->e, a); return 0; }
    }
    a->n = k;
    if (eof(b)) { efree(b->e, a); return 0; }
    return a;
}

static int push_ab(BS *b, uint32_t *n, uint32_t *cap, Abbrev ***ab, Abbrev *a) {
    if (*n >= 4096) return -1;
    if (grow(b->e, (void **)ab, cap, *n + 1, sizeof(Abbrev *))) return -1;
    (*ab)[(*n)++] = a;
    return 0;
}

static BInfo *info_for(BS *b, uint32_t id, int create) {
    for (uint32_t i = 0; i < b->ninfo; i++) if (b->info[i].id == id) return &b->info[i];
    if (!create) return 0;
    BInfo *ni = erealloc(b->e, b->info, (b->ninfo + 1) * sizeof *ni);
    if (!ni) return 0;
    b->info = ni; ni = &b->info[b->ninfo++]; memset(ni, 0, sizeof *ni); ni->id = id;
    return ni;
}

/* Room for n more operands: one check per record or array, not one per
 * operand (a call per operand was 0.15M instructions of a warm jit boot). */
static int reserve_ops(BS *b, uint32_t n) {
    if (n <= b->cap - b->n) return 0;
    uint64_t nc = b->cap ? b->cap : 64;
    while (nc < (uint64_t)b->n + n) nc *= 2;
    if (nc > 0x7fffff00u / 8) return bad(b, "oversized record");
    uint64_t *p = erealloc(b->e, b->ops, (uint32_t)nc * 8);
    if (!p) return BS_ERR;
    b->ops = p; b->cap = (uint32_t)nc;
    return 0;
}

static uint64_t scalar(BS *b, int enc, uint32_t val) {
    switch (enc) {
    case AB_LIT: return val;
    case AB_FIXED: return rd(b, val);
    case AB_VBR: return vbr(b, val);
    case AB_CHAR6: {
        uint32_t c = (uint32_t)rd(b, 6);
        return c < 26 ? 'a' + c : c < 52 ? 'A' + c - 26 : c < 62 ? '0' + c - 52 : c == 62 ? '.' : '_';
    }
    }
    return 0;
}

static int read_record(BS *b, uint32_t id) {
    b->n = 0; b->blob = 0; b->bloblen = 0;
    if (id == 3) {
        b->code = (uint32_t)vbr(b, 6);
        uint32_t n = (uint32_t)vbr(b, 6);
        if (eof(b)) return bad(b, "truncated record");
        if ((uint64_t)n > b->nbits - b->pos) return bad(b, "oversized record");
        if (reserve_ops(b, n)) return BS_ERR;
        for (uint32_t i = 0; i < n; i++) b->ops[b->n++] = vbr(b, 6);
        if (eof(b)) return bad(b, "truncated record");
        return BS_REC;
    }
    uint32_t k = id - 4, d = b->depth - 1;
    BInfo *bi = info_for(b, b->stk[d].id, 0);
    uint32_t ni = bi ? bi->n : 0;
    Abbrev *a;
    if (k < ni) a = bi->ab[k];
    else if (k - ni < b->stk[d].nab) a = b->stk[d].ab[k - ni];
    else return bad(b, "undefined abbreviation");
    /* the code first, as LLVM reads it: a scalar (not an array or a blob) */
    if (a->n == 0) return bad(b, "record without code");
    if (a->op[0].enc == AB_ARRAY || a->op[0].enc == AB_BLOB) return bad(b, "abbreviation starts with an array or a blob");
    b->code = (uint32_t)scalar(b, a->op[0].enc, a->op[0].val);
    if (eof(b)) return bad(b, "truncated record");
    /* room for the scalars; an array (read_abbrev: only second to last, its
     * element encoding last) reserves its own elements */
    if (reserve_ops(b, a->n - 1)) return BS_ERR;
    for (uint32_t i = 1; i < a->n; i++) {
        int enc = a->op[i].enc;
        if (enc == AB_ARRAY) {
            uint32_t n = (uint32_t)vbr(b, 6);
            int ee = a->op[i + 1].enc; uint32_t ev = a->op[i + 1].val;
            if (eof(b)) return bad(b, "truncated record");
            if ((uint64_t)n > b->nbits - b->pos) return bad(b, "oversized array in record");
            if (ee == AB_ARRAY || ee == AB_BLOB) return bad(b, "bad array element encoding");
            if (reserve_ops(b, n)) return BS_ERR;
            for (uint32_t j = 0; j < n; j++) b->ops[b->n++] = scalar(b, ee, ev);
            i++;
        } else if (enc == AB_BLOB) {
            uint32_t n = (uint32_t)vbr(b, 6);
            align32(b);
            if (eof(b) || (uint64_t)n * 8 > b->nbits - b->pos) return bad(b, "truncated blob");
            b->blob = b->buf + (b->pos >> 3); b->bloblen = n;
            b->pos += n * 8; align32(b);
        } else b->ops[b->n++] = scalar(b, enc, a->op[i].val);
        if (eof(b)) return bad(b, "truncated record");
    }
    return BS_REC;
}

static int read_blockinfo(BS *b);

int bs_next(BS *b) {
    for (;;) {
        if (b->e->errc) return BS_ERR;
        if (b->depth && b->pos >= b->stk[b->depth - 1].end) return bad(b, "block overruns its length");
        if (!b->depth && b->pos + 32 > b->nbits) return BS_END;  /* top level: end of file */
        uint32_t id = (uint32_t)rd(b, cur_width(b));
        if (eof(b)) return bad(b, "truncated stream");
        if (id == 0) {                         /* END_BLOCK */
            if (!b->depth) return bad(b, "END_BLOCK at top level");
            align32(b);
            if (eof(b)) return bad(b, "truncated END_BLOCK");
            b->depth--;
            for (uint32_t j = 0; j < b->stk[b->depth].nab; j++) efree(b->e, b->stk[b->depth].ab[j]);
            efree(b->e, b->stk[b->depth].ab); b->stk[b->depth].ab = 0; b->stk[b->depth].nab = 0;
            return BS_END;
        }
        if (id == 1) {                         /* ENTER_SUBBLOCK */
            b->sub_id = (uint32_t)vbr(b, 8);
            if (eof(b)) return bad(b, "truncated block header");
            if (b->sub_id == 0) { if (read_blockinfo(b)) return BS_ERR; continue; }
            return BS_SUB;
        }
        if (id == 2) {                         /* DEFINE_ABBREV */
            if (!b->depth) return bad(b, "abbreviation at top level");
            Abbrev *a = read_abbrev(b);
            if (!a) return bad(b, "malformed abbreviation");
            int d = b->depth - 1;
            if (push_ab(b, &b->stk[d].nab, &b->stk[d].cap, &b->stk[d].ab, a)) return bad(b, "too many abbreviations");
            continue;
        }
        if (!b->depth) return bad(b, "record at top level");
        return read_record(b, id);
    }
}

int bs_enter(BS *b, uint32_t id) {
    uint32_t w = (uint32_t)vbr(b, 4);
    align32(b);
    uint32_t len = (uint32_t)rd(b, 32);
    if (eof(b)) return bad(b, "truncated block header"), -1;
    if (w < 2 || w > 32) return bad(b, "bad abbreviation width"), -1;
    if ((uint64_t)len * 32 > b->nbits - b->pos) return bad(b, "block length past end of file"), -1;
    if (b->depth >= 23) return bad(b, "blocks nested too deeply"), -1;
    int d = b->depth++;
    b->stk[d].id = id; b->stk[d].width = w; b->stk[d].nab = 0; b->stk[d].cap = 0; b->stk[d].ab = 0;
    b->stk[d].end = b->pos + len * 32;
    return 0;
}

int bs_skip(BS *b) {
    vbr(b, 4); align32(b);
    uint32_t len = (uint32_t)rd(b, 32);
    if (eof(b) || (uint64_t)len * 32 > b->nbits - b->pos) return bad(b, "block length past end of file"), -1;
    b->pos += len * 32;
    return 0;
}

static int read_blockinfo(BS *b) {
    if (bs_enter(b, 0)) return -1;
    BInfo *cur = 0;
    for (;;) {
        if (b->pos >= b->stk[b->depth - 1].end) return bad(b, "block overruns its length"), -1;
        uint32_t id = (uint32_t)rd(b, cur_width(b));
        if (eof(b)) return bad(b, "truncated BLOCKINFO"), -1;
        if (id == 0) { align32(b); b->depth--; return eof(b) ? -1 : 0; }
        if (id == 1) { vbr(b, 8); if (bs_skip(b)) return -1; continue; }
        if (id == 2) {
            if (!cur) return bad(b, "abbreviation before SETBID"), -1;
            Abbrev *a = read_abbrev(b);
            if (!a) return bad(b, "malformed abbreviation"), -1;
            uint32_t cap = cur->n;   /* grow exactly */
            if (push_ab(b, &cur->n, &cap, &cur->ab, a)) return -1;
            continue;
        }
        if (read_record(b, id) != BS_REC) return -1;
        if (b->code == 1) {              /* SETBID */
            if (b->n < 1) return bad(b, "bad SETBID"), -1;
            cur = info_for(b, (uint32_t)b->ops[0], 1);
            if (!cur) return -1;
        }
    }
}

void bs_free(BS *b) {
    for (uint32_t i = 0; i < b->ninfo; i++) {
        for (uint32_t j = 0; j < b->info[i].n; j++) efree(b->e, b->info[i].ab[j]);
        efree(b->e, b->info[i].ab);
    }
    efree(b->e, b->info); efree(b->e, b->ops);
    while (b->depth) {
        int d = --b->depth;
        for (uint32_t j = 0; j < b->stk[d].nab; j++) efree(b->e, b->stk[d].ab[j]);
        efree(b->e, b->stk[d].ab);
    }
}
