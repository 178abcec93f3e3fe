/* volatile loads and stores must each happen: counters, polling loops, volatile struct fields, volatile pointers */
#include <stdio.h>
#include <stdint.h>
struct regs { volatile uint32_t status; volatile uint32_t data; uint32_t plain; volatile uint8_t bytes[4]; volatile uint64_t wide; };
static struct regs dev;
static volatile int counter;
int main(void) {
    for (int i = 0; i < 1000; i++) counter++;
    for (int i = 0; i < 1000; i++) counter += counter & 1;
    dev.status = 0;
    int polls = 0;
    while (dev.status < 50) { dev.status = dev.status + 3; polls++; }
    volatile uint32_t *p = &dev.data;
    for (int i = 0; i < 10; i++) *p = *p * 3 + (uint32_t)i;
    for (int i = 0; i < 4; i++) dev.bytes[i] = (uint8_t)(dev.data >> (8 * i));
    dev.wide = 0xfffffffffull; dev.wide += 5; dev.wide <<= 3;
    volatile double d = 0.1; double acc = 0; for (int i = 0; i < 10; i++) acc += d;
    printf("counter %d polls %d status %u data %u bytes %u %u %u %u wide %llx acc %.17g\n", counter, polls, dev.status, dev.data,
           dev.bytes[0], dev.bytes[1], dev.bytes[2], dev.bytes[3], (unsigned long long)dev.wide, acc);
    return counter & 0x7f;
}
