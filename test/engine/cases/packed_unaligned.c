/* @O3 unaligned access: packed structs, memcpy-based loads at odd offsets, byte buffers reinterpreted */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
struct __attribute__((packed)) hdr { uint8_t tag; uint32_t len; uint16_t flags; uint64_t id; double val; uint8_t tail; };
struct __attribute__((packed, aligned(1))) pair { char c; int x; };
static uint32_t ld32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t ld64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static void st16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
int main(void) {
    printf("sizeof hdr %u pair %u\n", (unsigned)sizeof(struct hdr), (unsigned)sizeof(struct pair));
    struct hdr hs[5];
    for (int i = 0; i < 5; i++) { hs[i].tag = i; hs[i].len = 0x01020304u * i; hs[i].flags = 0xabcd ^ i; hs[i].id = 0x1122334455667788ull + i; hs[i].val = i * 1.25; hs[i].tail = 0xee; }
    uint64_t h = 0;
    for (int i = 0; i < 5; i++) { h = h * 131 + hs[i].len + hs[i].flags + hs[i].id + (uint64_t)(hs[i].val * 4) + hs[i].tail; hs[i].len += 7; }
    printf("h %016llx len4 %u\n", (unsigned long long)h, hs[4].len);
    uint8_t buf[64]; for (int i = 0; i < 64; i++) buf[i] = (uint8_t)(i * 29 + 3);
    uint64_t s = 0;
    for (int off = 0; off < 50; off++) s = s * 3 + ld32(buf + off) + ld64(buf + off);
    for (int off = 1; off < 60; off += 3) st16(buf + off, (uint16_t)(off * 1000));
    for (int off = 0; off < 56; off += 5) s ^= ld64(buf + off);
    printf("s %016llx\n", (unsigned long long)s);
    struct pair ps[8]; for (int i = 0; i < 8; i++) { ps[i].c = 'a' + i; ps[i].x = i * -100000; }
    int t = 0; for (int i = 0; i < 8; i++) t += ps[i].x + ps[i].c;
    int *px = &ps[3].x; int v; memcpy(&v, px, 4);
    printf("t %d v %d\n", t, v);
    return (int)(s & 0x7f);
}
