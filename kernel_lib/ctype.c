/* <ctype.h> in the C locale, as glibc's: the functions, and glibc's tables for the macros
 * of programs compiled against glibc's headers (isalpha(c) there reads
 * (*__ctype_b_loc())[c] & _ISalpha; tolower(c) reads (*__ctype_tolower_loc())[c]). The
 * tables cover -128..255 (EOF and signed chars index below 0), as glibc's do; the upper
 * half has no classes in the C locale, and the case tables map a negative signed char to
 * its unsigned value (EOF to itself). */
#include <stdint.h>
#include "libc.h"

/* glibc's class bits as stored on a little-endian machine (_ISbit in <ctype.h>) */
#define BIT(b) ((b) < 8 ? (1 << (b)) << 8 : (1 << (b)) >> 8)
enum {
    UPPER = BIT(0), LOWER = BIT(1), ALPHA = BIT(2), DIGIT = BIT(3), XDIGIT = BIT(4), SPACE = BIT(5),
    PRINT = BIT(6), GRAPH = BIT(7), BLANK = BIT(8), CNTRL = BIT(9), PUNCT = BIT(10), ALNUM = BIT(11)
};

static unsigned short classes[384];
static int32_t lowers[384], uppers[384];
static const unsigned short *classes_at = classes + 128;
static const int32_t *lowers_at = lowers + 128, *uppers_at = uppers + 128;

static unsigned short class_of(int c)
{
    unsigned short k = 0;
    if (c >= 'A' && c <= 'Z') k |= UPPER | ALPHA | ALNUM;
    if (c >= 'a' && c <= 'z') k |= LOWER | ALPHA | ALNUM;
    if (c >= '0' && c <= '9') k |= DIGIT | XDIGIT | ALNUM;
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) k |= XDIGIT;
    if (c == ' ' || (c >= '\t' && c <= '\r')) k |= SPACE;
    if (c == ' ' || c == '\t') k |= BLANK;
    if (c >= 0 && (c < 32 || c == 127)) k |= CNTRL;
    if (c >= 32 && c < 127) k |= PRINT;
    if (c > 32 && c < 127) k |= GRAPH;
    if (c > 32 && c < 127 && !(k & ALNUM)) k |= PUNCT;
    return k;
}

static void fill(void)
{
    if (classes['A' + 128])
        return;
    for (int i = 0; i < 384; i++) {
        int c = i - 128;
        classes[i] = c >= 0 && c < 128 ? class_of(c) : 0;
        int u = c < -1 ? c + 256 : c;            /* a signed char maps to its unsigned value; EOF stays */
        lowers[i] = u >= 'A' && u <= 'Z' ? u + 32 : u;
        uppers[i] = u >= 'a' && u <= 'z' ? u - 32 : u;
    }
}

const unsigned short **__ctype_b_loc(void) { fill(); return &classes_at; }
const int32_t **__ctype_tolower_loc(void) { fill(); return &lowers_at; }
const int32_t **__ctype_toupper_loc(void) { fill(); return &uppers_at; }

static int is(int c, int k) { return c >= -128 && c < 256 ? (*__ctype_b_loc())[c] & k : 0; }
int isalnum(int c) { return is(c, ALNUM); }
int isalpha(int c) { return is(c, ALPHA); }
int isblank(int c) { return is(c, BLANK); }
int iscntrl(int c) { return is(c, CNTRL); }
int isdigit(int c) { return is(c, DIGIT); }
int isgraph(int c) { return is(c, GRAPH); }
int islower(int c) { return is(c, LOWER); }
int isprint(int c) { return is(c, PRINT); }
int ispunct(int c) { return is(c, PUNCT); }
int isspace(int c) { return is(c, SPACE); }
int isupper(int c) { return is(c, UPPER); }
int isxdigit(int c) { return is(c, XDIGIT); }
int isascii(int c) { return (c & ~0x7f) == 0; }
int tolower(int c) { return c >= -128 && c < 256 ? (*__ctype_tolower_loc())[c] : c; }
int toupper(int c) { return c >= -128 && c < 256 ? (*__ctype_toupper_loc())[c] : c; }
