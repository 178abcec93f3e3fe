/* strtod/atof: decimal and "inf"/"nan" (no hex floats). Up to 19 significant
 * digits are kept. When the digits fit in 53 bits and the power of ten is at
 * most 1e22, both are exact doubles and one multiply or divide rounds
 * correctly (Clinger's fast path), which covers option values like "0.9" or
 * "1e-5". Other inputs are scaled by repeated multiplication: a few ulps off. */
#include <stdint.h>
#include "libc.h"

static const double exact_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static int lower(char c) { return c | 0x20; }

static int match_word(const char *p, const char *word)
{
    int n = 0;
    while (word[n] && lower(p[n]) == word[n])
        n++;
    return word[n] ? 0 : n;
}

static double scale10(double v, int e)
{
    if (e >= -22 && e <= 22)
        return e >= 0 ? v * exact_pow10[e] : v / exact_pow10[-e];
    while (e > 22) {
        v *= 1e22;
        e -= 22;
        if (v == INFINITY)
            return v;
    }
    while (e < -22) {
        v /= 1e22;
        e += 22;
        if (v == 0)
            return v;
    }
    return e >= 0 ? v * exact_pow10[e] : v / exact_pow10[-e];
}

double strtod(const char *s, char **end)
{
    const char *p = s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        p++;
    int negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;

    int n;
    double special = 0;
    if ((n = match_word(p, "infinity")) || (n = match_word(p, "inf")))
        special = INFINITY;
    else if ((n = match_word(p, "nan")))
        special = NAN;
    if (n) {
        if (end)
            *end = (char *)(p + n);
        return negative ? -special : special;
    }

    uint64_t mant = 0;
    int kept = 0, exp10 = 0, any = 0;
    for (; *p >= '0' && *p <= '9'; p++, any = 1) {
        if (kept < 19) {
            mant = mant * 10 + (uint64_t)(*p - '0');
            kept += mant != 0;
        } else {
            exp10++; /* digit dropped: scale instead */
        }
    }
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++, any = 1) {
            if (kept < 19) {
                mant = mant * 10 + (uint64_t)(*p - '0');
                kept += mant != 0;
                exp10--;
            }
        }
    }
    if (!any) {
        if (end)
            *end = (char *)s;
        return 0;
    }
    if (lower(*p) == 'e') {
        const char *q = p + 1;
        int eneg = *q == '-';
        if (*q == '-' || *q == '+')
            q++;
        if (*q >= '0' && *q <= '9') {
            int e = 0;
            for (; *q >= '0' && *q <= '9'; q++)
                if (e < 100000)
                    e = e * 10 + (*q - '0');
            exp10 += eneg ? -e : e;
            p = q;
        }
    }
    if (end)
        *end = (char *)p;
    double v = mant == 0 ? 0 : scale10((double)mant, exp10);
    return negative ? -v : v;
}

double atof(const char *s) { return strtod(s, 0); }
