#include <stdio.h>
#include <stdint.h>
int counter; long long big; unsigned char flag; short sh;
int main(void) {
    for (int i = 0; i < 100; i++) __atomic_fetch_add(&counter, i, __ATOMIC_SEQ_CST);
    int old = __sync_fetch_and_sub(&counter, 50);
    int exp = counter; int ok = __atomic_compare_exchange_n(&counter, &exp, 7, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    int exp2 = 1234; int ok2 = __atomic_compare_exchange_n(&counter, &exp2, 8, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    printf("%d %d %d %d %d\n", old, ok, ok2, exp2, counter);
    __atomic_store_n(&big, 1LL << 40, __ATOMIC_SEQ_CST);
    long long b = __atomic_fetch_add(&big, 5, __ATOMIC_SEQ_CST);
    long long b2 = __sync_val_compare_and_swap(&big, (1LL << 40) + 5, 99);
    printf("%lld %lld %lld\n", b, b2, __atomic_load_n(&big, __ATOMIC_SEQ_CST));
    printf("%d %d\n", __atomic_exchange_n(&flag, 1, __ATOMIC_SEQ_CST), __atomic_test_and_set(&flag, __ATOMIC_SEQ_CST));
    __atomic_fetch_or(&counter, 0x100, __ATOMIC_RELAXED); __atomic_fetch_and(&counter, 0x10f, __ATOMIC_RELAXED);
    __atomic_fetch_xor(&counter, 3, __ATOMIC_RELAXED);
    __atomic_fetch_add(&sh, -3, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    printf("%d %d\n", counter, sh);
    return counter & 0x7f;
}
