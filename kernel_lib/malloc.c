/* The heap allocator: one contiguous region of RAM above the kernel image.
 * Blocks carry a header {size of the previous block, own size | in-use bit},
 * so freeing merges with both neighbours in O(1). Free blocks sit in bins:
 * one per 16-byte size up to 1 KiB (exact fit, fast for the many small
 * objects of the bitcode engine), then one per power of two (first fit).
 * A bitmap of the bins that hold a block finds the next larger one in a few
 * instructions (a scan of the empty bins cost the engine's allocations ~250
 * instructions each, 0.14M of a warm jit boot). Payloads are 16-byte
 * aligned (SSE). Out of memory returns NULL. */
#include "bf.h"
#include "kernel.h"
#include "libc.h"

#define ALIGN 16
#define HEADER 8          /* blocks start at 8 mod 16, payloads at 0 mod 16 */
#define MIN_BLOCK 16
#define IN_USE 1u
#define SMALL_LIMIT 1024  /* exact bins below this block size */
#define SMALL_BINS (SMALL_LIMIT / ALIGN)
#define BINS (SMALL_BINS + 22)

struct block {
    uint32_t prev_size; /* 0 for the first block */
    uint32_t size;      /* bytes including the header, | IN_USE */
    struct block *next, *prev; /* free-list links, valid when free */
};

static struct block *bins[BINS];
static uint32_t nonempty[(BINS + 31) / 32]; /* bit i: bins[i] holds a block */
static uintptr_t heap_lo, heap_hi; /* first block, end sentinel */

static uint32_t size_of(const struct block *b) { return b->size & ~IN_USE; }
static struct block *after(struct block *b) { return (struct block *)((char *)b + size_of(b)); }
static struct block *before(struct block *b) { return (struct block *)((char *)b - b->prev_size); }

static int bin_of(uint32_t size)
{
    if (size < SMALL_LIMIT)
        return (int)(size / ALIGN);
    int log2 = 31 - __builtin_clz(size); /* >= 10 */
    int bin = SMALL_BINS + log2 - 10;
    return bin < BINS ? bin : BINS - 1;
}

static void bin_insert(struct block *b)
{
    int i = bin_of(size_of(b));
    b->prev = 0;
    b->next = bins[i];
    if (bins[i])
        bins[i]->prev = b;
    bins[i] = b;
    nonempty[i / 32] |= 1u << (i % 32);
}

static void bin_remove(struct block *b)
{
    if (b->prev) {
        b->prev->next = b->next;
    } else {
        int i = bin_of(size_of(b));
        bins[i] = b->next;
        if (!b->next)
            nonempty[i / 32] &= ~(1u << (i % 32));
    }
    if (b->next)
        b->next->prev = b->prev;
}

/* The first bin from `i` on that holds a block, or BINS. */
static int nonempty_from(int i)
{
    for (int w = i / 32; w < (BINS + 31) / 32; w++) {
        uint32_t bits = nonempty[w] & (w == i / 32 ? ~0u << (i % 32) : ~0u);
        if (bits)
            return w * 32 + __builtin_ctz(bits);
    }
    return BINS;
}

/* Sets b's size, keeping the next block's back link in step. */
static void set_size(struct block *b, uint32_t size, uint32_t used)
{
    b->size = size | used;
    after(b)->prev_size = size;
}

void heap_init(uint32_t start, uint32_t end)
{
    uintptr_t lo = ((start + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1)) + ALIGN - HEADER;
    uintptr_t hi = ((end - HEADER) & ~(uintptr_t)(ALIGN - 1)) - HEADER; /* sentinel */
    struct block *first = (struct block *)lo, *sentinel = (struct block *)hi;
    sentinel->size = IN_USE; /* size 0, never merged */
    first->prev_size = 0;
    set_size(first, (uint32_t)(hi - lo), 0);
    heap_lo = lo;
    heap_hi = hi;
    bin_insert(first);
}

/* Block size for a request of n bytes, or 0 if it cannot exist. */
static uint32_t block_size(size_t n)
{
    if (n > 0xFFFFFF00u)
        return 0;
    uint32_t s = (uint32_t)(n + HEADER + ALIGN - 1) & ~(uint32_t)(ALIGN - 1);
    return s < MIN_BLOCK ? MIN_BLOCK : s;
}

/* Marks b used with `size` bytes, returning the tail to the bins. */
static void take(struct block *b, uint32_t size)
{
    uint32_t have = size_of(b);
    if (have - size >= MIN_BLOCK) {
        set_size(b, size, IN_USE);
        struct block *rest = after(b);
        set_size(rest, have - size, 0);
        bin_insert(rest);
    } else {
        set_size(b, have, IN_USE);
    }
}

static struct block *find_free(uint32_t size)
{
    int i = bin_of(size);
    if (i >= SMALL_BINS) /* mixed sizes: first fit within the bin */
        for (struct block *b = bins[i]; b; b = b->next)
            if (size_of(b) >= size)
                return b;
    if (i < SMALL_BINS && bins[i])
        return bins[i];
    i = nonempty_from(i + 1); /* any block of a larger bin fits */
    return i < BINS ? bins[i] : 0;
}

void *malloc(size_t n)
{
    uint32_t size = block_size(n);
    struct block *b = size ? find_free(size) : 0;
    if (!b)
        return 0;
    bin_remove(b);
    take(b, size);
    return (char *)b + HEADER;
}

static struct block *block_of(void *p)
{
    struct block *b = (struct block *)((char *)p - HEADER);
    uintptr_t a = (uintptr_t)b;
    if (a < heap_lo || a >= heap_hi || (a & (ALIGN - 1)) != ALIGN - HEADER || !(b->size & IN_USE))
        bf_fail(BF_EXIT_ERROR, "free/realloc of a pointer not from malloc, or freed twice: %p", p);
    return b;
}

void free(void *p)
{
    if (!p)
        return;
    struct block *b = block_of(p);
    uint32_t size = size_of(b);
    struct block *next = after(b);
    if (!(next->size & IN_USE)) {
        bin_remove(next);
        size += size_of(next);
    }
    if (b->prev_size && !(before(b)->size & IN_USE)) {
        b = before(b);
        bin_remove(b);
        size += size_of(b);
    }
    set_size(b, size, 0);
    bin_insert(b);
}

void *calloc(size_t count, size_t size)
{
    if (size && count > 0xFFFFFFFFu / size)
        return 0;
    void *p = malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *realloc(void *p, size_t n)
{
    if (!p)
        return malloc(n);
    if (n == 0) {
        free(p);
        return 0;
    }
    struct block *b = block_of(p);
    uint32_t size = block_size(n);
    if (!size)
        return 0;
    uint32_t old = size_of(b);
    struct block *next = after(b);
    if (!(next->size & IN_USE)) {
        /* Absorb the free neighbour: room to grow in place, and a tail split
         * off below then never touches another free block. */
        bin_remove(next);
        set_size(b, old + size_of(next), IN_USE);
    }
    if (size_of(b) >= size) {
        take(b, size);
        return p;
    }
    void *q = malloc(n);
    if (!q)
        return 0;
    memcpy(q, p, old - HEADER);
    free(p);
    return q;
}
