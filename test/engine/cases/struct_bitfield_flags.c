/* @O3 bitfields: packed flags, signed narrow fields, fields straddling bytes, a bitfield-encoded instruction format round trip */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
typedef struct { unsigned op : 6; unsigned rd : 5; unsigned rs : 5; signed imm : 16; } insn;
typedef struct { uint8_t a : 1, b : 2, c : 3, d : 2; int8_t e : 4; uint16_t f : 9, g : 7; uint64_t big : 40, rest : 24; } mix;
int main(void) {
    insn prog[32]; uint32_t h = 0;
    for (int i = 0; i < 32; i++) { prog[i].op = i * 5; prog[i].rd = i; prog[i].rs = 31 - i; prog[i].imm = (i - 16) * 1000; }
    for (int i = 0; i < 32; i++) { uint32_t w; memcpy(&w, &prog[i], 4); h = h * 33 ^ w; if (i % 8 == 0) printf("op %u rd %u rs %u imm %d raw %08x\n", prog[i].op, prog[i].rd, prog[i].rs, prog[i].imm, w); }
    mix m; memset(&m, 0, sizeof m); long sum = 0;
    for (int i = 0; i < 100; i++) { m.a += 1; m.b += i; m.c -= 3; m.d ^= i; m.e += 5; m.f += 77; m.g = m.g * 3 + 1; m.big += 0x123456789ull; m.rest -= 7;
        sum += m.a + m.b + m.c + m.d + m.e + m.f + m.g + (long)(m.big & 0xffff) + (long)(m.rest & 0xff); }
    printf("a %u b %u c %u d %u e %d f %u g %u big %llx rest %llx sum %ld size %u h %08x\n", m.a, m.b, m.c, m.d, m.e, m.f, m.g, (unsigned long long)m.big, (unsigned long long)m.rest, sum, (unsigned)sizeof m, h);
    return (int)(sum & 0x7f);
}
