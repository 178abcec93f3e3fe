/* @O3 fields of array elements through a variable index (code[pc].op, g[i].row[j].hi): GEPs with constant struct and array indices after the variable one; narrow unsigned and signed fields widened after their loads */
#include <stdio.h>
#include <stdint.h>
struct ins { uint8_t op, a, b; int16_t imm; };
struct cell { uint16_t lo; int8_t s; uint8_t hi; };
struct row { int32_t tag; struct cell row[5]; };
static struct row g[16];
static uint32_t sum_code(const struct ins *code, int n) {
    uint32_t s = 0;
    for (int pc = 0; pc < n; pc++) s = s * 33 + code[pc].op + code[pc].a * 7u + (uint32_t)code[pc].b * 3u + (uint32_t)(int32_t)code[pc].imm;
    return s;
}
int main(void) {
    struct ins code[40];
    for (int i = 0; i < 40; i++) { code[i].op = (uint8_t)(i * 37 + 200); code[i].a = (uint8_t)(255 - i); code[i].b = (uint8_t)(i * i); code[i].imm = (int16_t)(i * -997); }
    printf("%u\n", sum_code(code, 40));
    for (int i = 0; i < 16; i++) {
        g[i].tag = i - 8;
        for (int j = 0; j < 5; j++) { g[i].row[j].lo = (uint16_t)(60000 + i * 300 + j); g[i].row[j].s = (int8_t)(j * 50 - i); g[i].row[j].hi = (uint8_t)(250 - i * j); }
    }
    int64_t t = 0;
    for (int i = 0; i < 16; i++) for (int j = 0; j < 5; j++) t = t * 3 + g[i].row[j].lo + g[i].row[j].s + g[i].row[j].hi + g[i].tag;
    int k = 0;
    for (int i = 15; i >= 0; i -= 3) k += g[i].row[(i * 7) % 5].hi - g[i].row[4].s;
    printf("%lld %d\n", (long long)t, k);
    return 0;
}
