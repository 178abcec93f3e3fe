/* atomics: __atomic and __sync builtins on 8/16/32/64-bit values: rmw, cmpxchg loops, exchange, fences */
#include <stdio.h>
#include <stdint.h>
static uint8_t a8; static uint16_t a16; static int32_t a32; static uint64_t a64; static int flag;
int main(void) {
    for (int i = 0; i < 100; i++) {
        __atomic_fetch_add(&a8, 3, __ATOMIC_SEQ_CST); __atomic_fetch_sub(&a16, 7, __ATOMIC_RELAXED);
        __atomic_fetch_xor(&a32, i * 0x1111, __ATOMIC_ACQ_REL); __atomic_fetch_add(&a64, 0x100000001ull, __ATOMIC_SEQ_CST);
        __sync_fetch_and_or(&a32, 1 << (i % 31)); __sync_fetch_and_and(&a16, 0xfff7);
    }
    printf("%u %u %d %llx\n", a8, a16, a32, (unsigned long long)a64);
    int32_t old = __atomic_exchange_n(&a32, 42, __ATOMIC_SEQ_CST);
    int32_t exp = 41; int ok1 = __atomic_compare_exchange_n(&a32, &exp, 50, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    int ok2 = __atomic_compare_exchange_n(&a32, &exp, 50, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    printf("old %d ok1 %d exp %d ok2 %d now %d\n", old, ok1, exp, ok2, __atomic_load_n(&a32, __ATOMIC_ACQUIRE));
    uint64_t e64 = a64; while (!__atomic_compare_exchange_n(&a64, &e64, e64 * 3 + 1, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {}
    printf("a64 %llx\n", (unsigned long long)a64);
    int v = __sync_val_compare_and_swap(&flag, 0, 7); int b = __sync_bool_compare_and_swap(&flag, 7, 9);
    __atomic_thread_fence(__ATOMIC_SEQ_CST); __sync_synchronize();
    int32_t mx = 0; for (int i = 0; i < 50; i++) { int32_t cur = __atomic_load_n(&mx, __ATOMIC_RELAXED); int32_t want = (i * 37) % 101; while (want > cur && !__atomic_compare_exchange_n(&mx, &cur, want, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {} }
    int nv = __atomic_add_fetch(&flag, 5, __ATOMIC_SEQ_CST); __atomic_store_n(&a8, 200, __ATOMIC_RELEASE);
    printf("v %d b %d flag %d mx %d nv %d a8 %u test_and_set %d\n", v, b, flag, mx, nv, a8, __atomic_test_and_set(&a16, __ATOMIC_SEQ_CST));
    return flag;
}
