/* Beyond the seven headers: malloc.h (memalign, pvalloc, malloc_usable_size), inttypes.h
   (imaxabs, imaxdiv: a struct result, strtoimax, strtoumax), sys/resource.h, sys/times.h,
   sys/utsname.h, sys/random.h, sched.h; values that differ from run to run are printed as
   properties */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <inttypes.h>
#include <malloc.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/random.h>
int main(void) {
    void *a = memalign(128, 40), *b = pvalloc(10);
    printf("memalign %d pvalloc %d malloc_usable_size %d\n", (int)((uintptr_t)a % 128), (int)((uintptr_t)b % 4096), malloc_usable_size(a) >= 40);
    free(a); free(b);
    imaxdiv_t d = imaxdiv(-1000000000007LL, 13);
    char *end;
    printf("imaxabs %jd imaxdiv %jd %jd strtoimax %jd strtoumax %ju %s\n", imaxabs(-INTMAX_C(5000000000)), d.quot, d.rem,
           strtoimax("-9223372036854775807", 0, 10), strtoumax("0xffffffffffffffff", &end, 16), end);
    struct rusage ru; struct tms t; struct utsname u; unsigned char buf[16];
    printf("getrusage %d times %d uname %d %s getrandom %zd sched_yield %d\n", getrusage(RUSAGE_SELF, &ru), times(&t) != (clock_t)-1,
           uname(&u), u.sysname, getrandom(buf, sizeof buf, 0), sched_yield());
    return 0;
}
