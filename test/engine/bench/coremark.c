/* A CoreMark-like mix (written for this bench, after CoreMark's four kernels): linked-list search and reversal,
   int16 matrix multiply, a number-scanning state machine, and CRC-16 over each result */
#include <stdio.h>
#include <stdint.h>
#define NODES 200
#define M 16
struct node { struct node *next; int16_t key, data; };
static struct node pool[NODES];
static uint16_t crc16(uint16_t crc, uint16_t x) {
  for (int i = 0; i < 16; i++, x >>= 1) { int bit = (crc ^ x) & 1; crc >>= 1; if (bit) crc ^= 0xa001; }
  return crc;
}
static struct node *reverse(struct node *l) { struct node *r = 0; while (l) { struct node *n = l->next; l->next = r; r = l; l = n; } return r; }
static uint16_t list_work(struct node *l, int seed) {
  uint16_t crc = 0;
  for (int k = 0; k < 8; k++) {
    int16_t want = (int16_t)((seed + k * 37) % NODES);
    int found = -1, i = 0;
    for (struct node *p = l; p; p = p->next, i++) if (p->key == want) { found = i + p->data; break; }
    crc = crc16(crc, (uint16_t)found);
    l = reverse(l);
  }
  return crc;
}
static uint16_t matrix_work(int16_t a[M][M], int16_t b[M][M], int seed) {
  int32_t c[M][M];
  for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) { int32_t s = 0; for (int k = 0; k < M; k++) s += a[i][k] * b[k][j]; c[i][j] = s + seed; }
  uint16_t crc = 0;
  for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) crc = crc16(crc, (uint16_t)(c[i][j] >> (j & 3)));
  return crc;
}
enum { START, INT, FRAC, EXP, SIGN, BAD };
static uint16_t state_work(const char *s) {            /* counts how each token of the input ends */
  int counts[BAD + 1] = { 0 }, st = START;
  for (; *s; s++) {
    char c = *s;
    if (c == ',') { counts[st]++; st = START; continue; }
    switch (st) {
    case START: st = c >= '0' && c <= '9' ? INT : c == '-' || c == '+' ? SIGN : BAD; break;
    case SIGN: st = c >= '0' && c <= '9' ? INT : BAD; break;
    case INT: st = c == '.' ? FRAC : c == 'e' ? EXP : c >= '0' && c <= '9' ? INT : BAD; break;
    case FRAC: st = c == 'e' ? EXP : c >= '0' && c <= '9' ? FRAC : BAD; break;
    case EXP: st = c >= '0' && c <= '9' ? EXP : BAD; break;
    default: break;
    }
  }
  uint16_t crc = 0;
  for (int i = 0; i <= BAD; i++) crc = crc16(crc, (uint16_t)counts[i]);
  return crc;
}
int main(void) {
  static int16_t a[M][M], b[M][M];
  static const char input[] = "123,-45.6,7e8,+,9.9.9,0.5e3,abc,42,-0,3.14159,1e,77x,5,";
  for (int i = 0; i < NODES; i++) { pool[i].next = i + 1 < NODES ? &pool[i + 1] : 0; pool[i].key = (int16_t)((i * 73) % NODES); pool[i].data = (int16_t)i; }
  for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) { a[i][j] = (int16_t)(i * 3 - j); b[i][j] = (int16_t)((i ^ j) + 1); }
  struct node *list = pool;
  uint16_t crc = 0;
  for (int it = 0; it < 400; it++) {
    crc = crc16(crc, list_work(list, it));
    list = reverse(list);
    crc = crc16(crc, matrix_work(a, b, it));
    crc = crc16(crc, state_work(input + it % 7));
  }
  printf("%04x\n", crc);
  return 0;
}
