/* printf-heavy formatting: widths, precisions, flags, * arguments, all integer sizes, floats, strings, snprintf truncation */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
int main(void) {
    char buf[64]; int total = 0;
    total += printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%#x] [%X] [%#o] [%u]\n", -42, 42, 42, 42, 42, 42, 3054, 3054, 3054, 8, 4000000000u);
    total += printf("[%hhd] [%hhu] [%hd] [%hu] [%ld] [%lu] [%lld] [%llu] [%llx]\n", (char)-1, (unsigned char)255, (short)-32768, (unsigned short)65535, -123456789L, 4294967295UL, -9223372036854775807LL - 1, 18446744073709551615ULL, 0xdeadbeefcafebabeULL);
    total += printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%e] [%.3E] [%g] [%g] [%g] [%G] [%.0f] [%#.0f]\n", 3.14159265, 2.675, -1.0005, 99.95, 123456.789, 0.000123, 1e-5, 123456789.0, 0.0001, 1e20, 0.5, 1.0);
    total += printf("[%s] [%10s] [%-10s] [%.3s] [%*d] [%-*d] [%.*f] [%c%c%c] [%%] [%5c]\n", "str", "right", "left", "truncate", 6, 7, 6, 7, 2, 3.14159, 'a', 'b', 'c', 'z');
    for (int n = 0; n < 12; n += 3) { int r = snprintf(buf, n, "%s-%d", "hello", 12345); printf("snprintf(%d) = %d '%s'\n", n, r, n ? buf : "(none)"); }
    int r = sprintf(buf, "%08.3f|%+.2e|%x", -3.5, 6.02e23, 255u); printf("%d %s\n", r, buf);
    long long big = 1; for (int i = 0; i < 19; i++) { total += printf("%20lld|%-20llu|%llo\n", big, (unsigned long long)big * 9, (unsigned long long)big); big *= 10; }
    double vals[] = { 0, -0.0, 1.5, -2.25, 1e300, 1e-300, 12345.6789 };
    for (int i = 0; i < 7; i++) total += printf("%.4g %.10g %12.4e %a\n", vals[i], vals[i], vals[i], vals[i]);
    printf("total chars %d\n", total);
    return total & 0xff;
}
