/* global aggregate initialisers: nested structs, arrays of structs, unions, designated initialisers, zero fill, strings */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
struct point { int16_t x, y; };
struct shape { char name[12]; uint8_t kind; struct point pts[3]; union { float radius; uint32_t bits; } u; double scale; int64_t id; };
static const struct shape shapes[] = {
    { "tri", 1, { { 0, 0 }, { 10, 0 }, { 5, 8 } }, { .radius = 0.0f }, 1.5, -1 },
    { "circle", 2, { { 3, 4 } }, { .radius = 2.5f }, 0.25, 0x123456789abcLL },
    { .name = "sparse", .kind = 9, .pts[2] = { -7, 7 }, .u.bits = 0xdeadbeef, .id = 42 },
    [4] = { "last", 4, { { 1, 2 }, { 3, 4 }, { 5, 6 } }, { 1.0f }, -2.0, 4 },
};
static int matrix[3][4][2] = { { { 1, 2 }, { 3, 4 } }, [2] = { [3] = { 9, 10 } } };
static struct { const char *s; int n; } table[] = { { "alpha", 1 }, { "beta", 22 }, { "gamma", 333 }, { 0, 0 } };
static char text[] = "mutable global string";
static const uint8_t bytes[16] = { 1, 2, 3, [10] = 0xff };
static union { uint64_t u; uint8_t b[8]; double d; } un = { .b = { 1, 2, 3, 4, 5, 6, 7, 8 } };
static struct { struct { struct { int deep[2]; } c; } b; char tail; } nest = { { { { 11, 22 } } }, 'z' };
int main(void) {
    uint32_t h = 0;
    for (unsigned i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        const struct shape *s = &shapes[i];
        printf("%-7s k%u p(%d,%d)(%d,%d)(%d,%d) u%08x %.2f %lld\n", s->name, s->kind, s->pts[0].x, s->pts[0].y, s->pts[1].x, s->pts[1].y,
               s->pts[2].x, s->pts[2].y, s->u.bits, s->scale, (long long)s->id);
        for (unsigned k = 0; k < sizeof *s; k++) h = h * 31 + ((const uint8_t *)s)[k] * (k != 13 && k != 14 && k != 15);
    }
    int ms = 0; for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 2; k++) ms = ms * 3 + matrix[i][j][k];
    for (int i = 0; table[i].s; i++) printf("%s=%d ", table[i].s, table[i].n);
    text[0] = 'M'; strcat(text + 10, "");
    printf("\nms %d text '%s' bytes %u %u %u un %llx nest %d %d %c\n", ms, text, bytes[2], bytes[10], bytes[15], (unsigned long long)un.u, nest.b.c.deep[0], nest.b.c.deep[1], nest.tail);
    printf("sizeof shape %u\n", (unsigned)sizeof(struct shape));
    return ms & 0x7f;
}
