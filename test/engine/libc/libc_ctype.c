/* ctype.h: every classification and case function over all of 0..255 and EOF (a checksum per
   function), plus the _l variants with the C locale from newlocale. */
#define _GNU_SOURCE
#include <stdio.h>
#include <ctype.h>
#include <locale.h>
static unsigned sum(int (*f)(int)) { unsigned s = 0; for (int c = -1; c < 256; c++) s = s * 31 + (unsigned)f(c) + (f(c) != 0); return s; }
static unsigned sum_l(int (*f)(int, locale_t), locale_t l) { unsigned s = 0; for (int c = -1; c < 256; c++) s = s * 31 + (unsigned)f(c, l) + (f(c, l) != 0); return s; }
int main(void) {
    printf("isalnum %u isalpha %u iscntrl %u isdigit %u isgraph %u\n", sum(isalnum), sum(isalpha), sum(iscntrl), sum(isdigit), sum(isgraph));
    printf("islower %u isprint %u ispunct %u isspace %u isupper %u\n", sum(islower), sum(isprint), sum(ispunct), sum(isspace), sum(isupper));
    printf("isxdigit %u isblank %u isascii %u toascii %u tolower %u toupper %u\n", sum(isxdigit), sum(isblank), sum(isascii), sum(toascii), sum(tolower), sum(toupper));
    printf("_tolower %d _toupper %d\n", _tolower('Q'), _toupper('q'));
    /* the macros (through __ctype_b_loc and friends at -O2) */
    unsigned m = 0; for (int c = 0; c < 256; c++) m = m * 7 + !!isalpha(c) + 2 * !!isspace(c) + 4 * !!isprint(c) + 8 * tolower(c) + 16 * toupper(c);
    printf("macros %u\n", m);
    locale_t l = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    printf("_l: %u %u %u %u %u %u", sum_l(isalnum_l, l), sum_l(isalpha_l, l), sum_l(iscntrl_l, l), sum_l(isdigit_l, l), sum_l(isgraph_l, l), sum_l(islower_l, l));
    printf(" %u %u %u %u %u %u %u %u\n", sum_l(isprint_l, l), sum_l(ispunct_l, l), sum_l(isspace_l, l), sum_l(isupper_l, l), sum_l(isxdigit_l, l), sum_l(isblank_l, l), sum_l(tolower_l, l), sum_l(toupper_l, l));
    freelocale(l);
    return 0;
}
