/* @O3 __atomic_* builtins on 1, 2, 4 and 8 byte objects, _Atomic compound assignment (integers, pointers, floats),
   compare-exchange success and failure paths, test_and_set, fences, C11 stdatomic on one thread */
#include <stdio.h>
#include <stdint.h>
#include <stdatomic.h>
#include <stdbool.h>
static uint8_t a8 = 250; static uint16_t a16 = 65530; static uint32_t a32 = 0xfffffff0u; static uint64_t a64 = 0xfffffffffffffff0ull;
static _Atomic int ai = 5; static _Atomic long long all = -3; static _Atomic float af = 1.5f; static _Atomic double ad = 0.25;
static _Atomic(int *) ap; static int arr[8] = { 0, 1, 2, 3, 4, 5, 6, 7 };
struct big { int x, y; }; static _Atomic struct big ab;
int main(void) {
    printf("fetch_add %u %u %u %llu\n", __atomic_fetch_add(&a8, 10, __ATOMIC_SEQ_CST), __atomic_fetch_add(&a16, 10, __ATOMIC_RELAXED), __atomic_fetch_add(&a32, 32, __ATOMIC_ACQ_REL), (unsigned long long)__atomic_fetch_add(&a64, 32, __ATOMIC_SEQ_CST));
    printf("now %u %u %u %llu\n", a8, a16, a32, (unsigned long long)a64);
    printf("sub_fetch %u %u %u %llx\n", __atomic_sub_fetch(&a8, 5, 5), __atomic_sub_fetch(&a16, 20, 5), __atomic_sub_fetch(&a32, 100, 5), (unsigned long long)__atomic_sub_fetch(&a64, 1, 5));
    printf("and/or/xor/nand %x %x %x %x %llx %llx\n", __atomic_fetch_and(&a32, 0xf0f0f0f0u, 5), __atomic_or_fetch(&a32, 0x0f, 5), __atomic_xor_fetch(&a16, 0xffff, 5), __atomic_nand_fetch(&a8, 0x3c, 5),
        (unsigned long long)__atomic_fetch_nand(&a64, 0xff00ff00ff00ff00ull, 5), (unsigned long long)__atomic_load_n(&a64, 5));
    uint64_t exp = 12345, got = __atomic_exchange_n(&a64, 777, 5);
    bool ok1 = __atomic_compare_exchange_n(&a64, &exp, 999, false, 5, 5);
    printf("xchg %llx cas-fail %d exp=%llu", (unsigned long long)got, ok1, (unsigned long long)exp);
    bool ok2 = __atomic_compare_exchange_n(&a64, &exp, 999, true, 5, 5); printf(" cas %d now=%llu\n", ok2, (unsigned long long)a64);
    uint16_t e16 = 1; printf("cas16 %d %u\n", __atomic_compare_exchange_n(&a16, &e16, 2, 0, 5, 5), e16);
    ai += 10; ai *= 3; ai -= 1; ai <<= 2; ai |= 1; ai /= 7; int pre = ai++; int post = ++ai;
    printf("_Atomic int %d %d %d\n", (int)ai, pre, post);
    all -= 0x100000000LL; all *= -2; all++; printf("_Atomic ll %lld\n", (long long)all);
    af += 2.25f; af *= 2; ad -= 1; ad /= 3; printf("_Atomic float %g double %.17g\n", (double)af, (double)ad);
    atomic_store(&ap, arr); int *p = atomic_fetch_add(&ap, 3); atomic_fetch_add(&ap, 2); printf("_Atomic ptr %d %d\n", *p, *atomic_load(&ap));
    int expected = 1000; printf("c11 cas %d %d", atomic_compare_exchange_strong(&ai, &expected, 1), expected);
    printf(" %d %d\n", atomic_compare_exchange_weak(&ai, &expected, 1), (int)ai);
    printf("c11 ops %d %d %d %d\n", atomic_fetch_or(&ai, 6), atomic_fetch_and(&ai, 3), atomic_fetch_xor(&ai, 9), atomic_exchange(&ai, -4));
    struct big nb = { 3, 4 }; atomic_store(&ab, nb); struct big rb = atomic_load(&ab); printf("struct atomic %d %d lockfree %d %d\n", rb.x, rb.y, (int)atomic_is_lock_free(&ab), (int)atomic_is_lock_free(&all));
    atomic_flag fl = ATOMIC_FLAG_INIT; printf("flag %d %d", atomic_flag_test_and_set(&fl), atomic_flag_test_and_set(&fl)); atomic_flag_clear(&fl); printf(" %d\n", atomic_flag_test_and_set(&fl));
    atomic_thread_fence(memory_order_seq_cst); atomic_signal_fence(memory_order_acquire); __atomic_thread_fence(__ATOMIC_RELEASE);
    long long v = 0; for (int i = 0; i < 1000; i++) __atomic_add_fetch(&v, i * 0x1000000LL, __ATOMIC_SEQ_CST);
    uint64_t st; __atomic_store_n(&a64, 0x1122334455667788ull, 5); __atomic_load(&a64, &st, 5);
    printf("loop %lld st %llx tas %d\n", v, (unsigned long long)st, __atomic_test_and_set(&a8, 5));
    return 0;
}
