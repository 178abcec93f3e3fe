/* a custom allocator on a static arena: first-fit free list with splitting and coalescing, stress test, fragmentation stats */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#define ARENA 65536
static uint8_t arena[ARENA] __attribute__((aligned(8)));
typedef struct blk { uint32_t size; uint32_t free; struct blk *next; } blk;
static blk *head;
static void init(void) { head = (blk *)arena; head->size = ARENA - sizeof(blk); head->free = 1; head->next = NULL; }
static void *my_alloc(uint32_t n) { n = (n + 7) & ~7u; for (blk *b = head; b; b = b->next) if (b->free && b->size >= n) { if (b->size >= n + sizeof(blk) + 8) { blk *r = (blk *)((uint8_t *)(b + 1) + n); r->size = b->size - n - sizeof(blk); r->free = 1; r->next = b->next; b->next = r; b->size = n; } b->free = 0; return b + 1; } return NULL; }
static void my_free(void *p) { if (!p) return; blk *b = (blk *)p - 1; b->free = 1; for (blk *x = head; x; x = x->next) while (x->free && x->next && x->next->free) { x->size += x->next->size + sizeof(blk); x->next = x->next->next; } }
int main(void) {
    init(); void *ptrs[256] = { 0 }; uint32_t sizes[256]; unsigned s = 77; int fails = 0, allocs = 0, corrupt = 0;
    for (int i = 0; i < 20000; i++) {
        s = s * 1103515245 + 12345; int k = (s >> 16) % 256;
        if (ptrs[k]) { for (uint32_t j = 0; j < sizes[k]; j++) if (((uint8_t *)ptrs[k])[j] != (uint8_t)(k + j)) { corrupt++; break; } my_free(ptrs[k]); ptrs[k] = NULL; }
        else { s = s * 1103515245 + 12345; sizes[k] = 1 + (s >> 16) % 700; ptrs[k] = my_alloc(sizes[k]); if (!ptrs[k]) fails++; else { allocs++; for (uint32_t j = 0; j < sizes[k]; j++) ((uint8_t *)ptrs[k])[j] = (uint8_t)(k + j); } }
    }
    int nblk = 0, nfree = 0; uint32_t freebytes = 0, largest = 0; for (blk *b = head; b; b = b->next) { nblk++; if (b->free) { nfree++; freebytes += b->size; if (b->size > largest) largest = b->size; } }
    printf("allocs %d fails %d corrupt %d blocks %d free %d freebytes %u largest %u\n", allocs, fails, corrupt, nblk, nfree, freebytes, largest);
    for (int k = 0; k < 256; k++) my_free(ptrs[k]);
    printf("after free-all: head size %u free %u next %p\n", head->size, head->free, (void *)head->next);
    return corrupt;
}
