/* @O3 bitfields within 32-bit storage units: an instruction-format encoder/decoder and narrow signed fields */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
typedef struct { unsigned op : 6; unsigned rd : 5; unsigned rs : 5; signed imm : 16; } insn;
typedef struct { uint8_t a : 1, b : 2, c : 3, d : 2; int8_t e : 4; uint16_t f : 9, g : 7; } mix;
int main(void) {
    insn prog[32]; uint32_t h = 0;
    for (int i = 0; i < 32; i++) { prog[i].op = i * 5; prog[i].rd = i; prog[i].rs = 31 - i; prog[i].imm = (i - 16) * 1000; }
    for (int i = 0; i < 32; i++) { uint32_t w; memcpy(&w, &prog[i], 4); h = h * 33 ^ w; if (i % 8 == 0) printf("op %u rd %u rs %u imm %d raw %08x\n", prog[i].op, prog[i].rd, prog[i].rs, prog[i].imm, w); }
    mix m; memset(&m, 0, sizeof m); long sum = 0;
    for (int i = 0; i < 100; i++) { m.a += 1; m.b += i; m.c -= 3; m.d ^= i; m.e += 5; m.f += 77; m.g = m.g * 3 + 1; sum += m.a + m.b + m.c + m.d + m.e + m.f + m.g; }
    printf("a %u b %u c %u d %u e %d f %u g %u sum %ld size %u h %08x\n", m.a, m.b, m.c, m.d, m.e, m.f, m.g, sum, (unsigned)sizeof m, h);
    return (int)(sum & 0x7f);
}
