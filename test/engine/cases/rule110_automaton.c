/* elementary cellular automata (rules 30, 90, 110, 184) with bit-packed 64-bit rows, printed and hashed */
#include <stdio.h>
#include <stdint.h>
static uint64_t step(uint64_t row, int rule) { uint64_t l = row << 1 | row >> 63, r = row >> 1 | row << 63, out = 0; for (int i = 0; i < 64; i++) { int pat = (int)((l >> i & 1) << 2 | (row >> i & 1) << 1 | (r >> i & 1)); out |= (uint64_t)(rule >> pat & 1) << i; } return out; }
int main(void) {
    int rules[] = { 30, 90, 110, 184 }; uint64_t total = 0;
    for (int k = 0; k < 4; k++) {
        uint64_t row = k == 3 ? 0x5a5a00ff00f0f00full : 1ull << 32; uint64_t h = 0;
        for (int g = 0; g < 64; g++) { if (g < 12) { for (int i = 63; i >= 0; i--) putchar(row >> i & 1 ? '#' : ' '); putchar('\n'); } h = h * 1000003 ^ row; row = step(row, rules[k]); }
        printf("rule %d hash %016llx pop %d\n", rules[k], (unsigned long long)h, __builtin_popcountll(row)); total ^= h;
    }
    return (int)(total & 0x7f);
}
