/* A switch-based bytecode VM over an array of { u8 op, u8 reg, i16 imm } instructions with registers: a sieve and a checksum loop */
#include <stdio.h>
#include <stdint.h>
enum { LI, ADDI, ADD, MUL, AND, SHR, LOADB, STOREB, BLT, BNE, JMP, HALT };
struct ins { uint8_t op, a, b; int16_t imm; };
static uint8_t mem[8192];
static int32_t run(const struct ins *code) {
  int32_t r[8] = { 0 };
  for (int pc = 0;;) {
    const struct ins *i = &code[pc++];
    switch (i->op) {
    case LI: r[i->a] = i->imm; break;
    case ADDI: r[i->a] = r[i->b] + i->imm; break;
    case ADD: r[i->a] += r[i->b]; break;
    case MUL: r[i->a] *= r[i->b]; break;
    case AND: r[i->a] &= r[i->b]; break;
    case SHR: r[i->a] = (uint32_t)r[i->b] >> i->imm; break;
    case LOADB: r[i->a] = mem[r[i->b] & 8191]; break;
    case STOREB: mem[r[i->b] & 8191] = (uint8_t)r[i->a]; break;
    case BLT: if (r[i->a] < r[i->b]) pc += i->imm; break;
    case BNE: if (r[i->a] != r[i->b]) pc += i->imm; break;
    case JMP: pc += i->imm; break;
    case HALT: return r[i->a];
    }
  }
}
int main(void) {
  /* r1 = n; for (r2 = 2; r2 < n; r2++) if (!mem[r2]) for (r3 = r2 + r2; r3 < n; r3 += r2) mem[r3] = 1;
     then r5 = sum over r2 < n of (mem[r2] ? 0 : r2) * 3 */
  static const struct ins code[] = {
    { LI, 1, 0, 8000 }, { LI, 2, 0, 2 }, { LI, 6, 0, 1 }, { LI, 0, 0, 0 },
    /* 4 outer */ { LOADB, 4, 2, 0 }, { BNE, 4, 0, 4 }, { ADD, 3, 2, 0 }, { AND, 3, 0, 0 }, { ADD, 3, 2, 0 },
    /* 9 (r3 = 2*r2: r3 was zeroed by AND with r0) */ { ADD, 3, 2, 0 }, { BLT, 3, 1, 1 }, { JMP, 0, 0, 3 },
    /* 12 */ { STOREB, 6, 3, 0 }, { ADD, 3, 2, 0 }, { BLT, 3, 1, -3 },
    /* 15 */ { ADD, 2, 6, 0 }, { BLT, 2, 1, -13 },
    /* 17 sum */ { LI, 2, 0, 2 }, { LI, 5, 0, 0 }, { LI, 7, 0, 3 },
    /* 20 */ { LOADB, 4, 2, 0 }, { BNE, 4, 0, 3 }, { ADDI, 4, 2, 0 }, { MUL, 4, 7, 0 }, { ADD, 5, 4, 0 },
    /* 25 */ { ADD, 2, 6, 0 }, { BLT, 2, 1, -7 }, { HALT, 5, 0, 0 },
  };
  uint32_t h = 0;
  for (int k = 0; k < 40; k++) { for (int j = 0; j < 8192; j++) mem[j] = 0; h = h * 31 + (uint32_t)run(code); }
  printf("%u\n", h);
  return 0;
}
