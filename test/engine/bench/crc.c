#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
int main(void) { uint32_t t[256]; for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; t[i] = c; }
  int n = 1 << 22; uint8_t *b = malloc(n); for (int i = 0; i < n; i++) b[i] = (uint8_t)(i * 131 + (i >> 7));
  uint32_t c = 0xffffffffu; for (int r = 0; r < 4; r++) for (int i = 0; i < n; i++) c = t[(c ^ b[i]) & 255] ^ (c >> 8);
  printf("%08x\n", c); return 0; }
