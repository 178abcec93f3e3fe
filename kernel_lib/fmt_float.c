/* printf's %f %e %g, exact like glibc: a double is M * 2^E, so its decimal
 * expansion is finite. The digits are computed exactly with a small base-1e9
 * big number, then rounded half-to-even at the requested precision (the
 * default rounding mode, as glibc does). */
#include <stdint.h>
#include "kernel.h"

#define LIMB_BASE 1000000000u
#define MAX_LIMBS 96   /* 2^53 * 5^1074 has 767 decimal digits */
#define MAX_DIGITS (MAX_LIMBS * 9)

struct digits {
    char d[MAX_DIGITS]; /* values 0..9, most significant first */
    int n;              /* digit count; 0 means the value is zero */
    int exp;            /* value = d[0].d[1]d[2]... * 10^exp */
};

static int mul_small(uint32_t *limb, int n, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t v = (uint64_t)limb[i] * m + carry;
        limb[i] = (uint32_t)(v % LIMB_BASE);
        carry = v / LIMB_BASE;
    }
    while (carry) {
        limb[n++] = (uint32_t)(carry % LIMB_BASE);
        carry /= LIMB_BASE;
    }
    return n;
}

/* Exact decimal digits of a finite, positive double. */
static void to_digits(double x, struct digits *out)
{
    union { double f; uint64_t u; } v = { x };
    int biased = (int)(v.u >> 52) & 0x7FF;
    uint64_t mant = v.u & ((1ull << 52) - 1);
    int e2 = biased ? biased - 1075 : -1074;
    if (biased)
        mant |= 1ull << 52;

    uint32_t limb[MAX_LIMBS];
    int n = 0;
    while (mant) {
        limb[n++] = (uint32_t)(mant % LIMB_BASE);
        mant /= LIMB_BASE;
    }
    /* M * 2^e2 = M * 5^-e2 / 10^-e2 when e2 < 0. */
    int point = 0;
    if (e2 >= 0) {
        for (int left = e2; left > 0; left -= 29)
            n = mul_small(limb, n, 1u << (left < 29 ? left : 29));
    } else {
        point = -e2;
        for (int left = -e2; left > 0; left -= 13) {
            uint32_t p = 1;
            for (int i = 0; i < (left < 13 ? left : 13); i++)
                p *= 5;
            n = mul_small(limb, n, p);
        }
    }

    int nd = 0;
    for (int i = n - 1; i >= 0; i--) {
        char chunk[9];
        uint32_t l = limb[i];
        for (int k = 8; k >= 0; k--, l /= 10)
            chunk[k] = (char)(l % 10);
        int k = 0;
        if (i == n - 1)
            while (k < 8 && chunk[k] == 0)
                k++;
        for (; k < 9; k++)
            out->d[nd++] = chunk[k];
    }
    while (nd > 1 && out->d[nd - 1] == 0) { /* trailing zeros carry nothing */
        nd--;
        point--;
    }
    out->n = nd;
    out->exp = nd - 1 - point;
}

/* Keeps the first `keep` significant digits, rounding half to even. */
static void round_to(struct digits *g, int keep)
{
    if (keep >= g->n)
        return;
    if (keep < 0) {
        g->n = 0;
        return;
    }
    int first = g->d[keep], rest = 0;
    for (int i = keep + 1; i < g->n; i++)
        rest |= g->d[i];
    int odd = keep > 0 && (g->d[keep - 1] & 1);
    int up = first > 5 || (first == 5 && (rest || odd));
    g->n = keep;
    if (!up) {
        while (g->n > 0 && g->d[g->n - 1] == 0)
            g->n--;
        return;
    }
    int i = keep - 1;
    while (i >= 0 && g->d[i] == 9)
        i--;
    if (i < 0) { /* 99.9 -> 100, or nothing kept -> 1 */
        g->d[0] = 1;
        g->n = 1;
        g->exp++;
        return;
    }
    g->d[i]++;
    g->n = i + 1;
}

static char digit_at(const struct digits *g, int index)
{
    return (char)('0' + (index >= 0 && index < g->n ? g->d[index] : 0));
}

static int put_fixed(char *p, struct digits *g, int prec, int alt)
{
    round_to(g, g->exp + 1 + prec);
    if (g->n == 0)
        g->exp = 0;
    char *start = p;
    if (g->exp < 0)
        *p++ = '0';
    for (int i = 0; i <= g->exp; i++)
        *p++ = digit_at(g, i);
    if (prec > 0 || alt)
        *p++ = '.';
    for (int i = 1; i <= prec; i++)
        *p++ = digit_at(g, g->exp + i);
    return (int)(p - start);
}

static int put_exponent(char *p, struct digits *g, int prec, int alt, char e)
{
    round_to(g, prec + 1);
    if (g->n == 0)
        g->exp = 0;
    char *start = p;
    *p++ = digit_at(g, 0);
    if (prec > 0 || alt)
        *p++ = '.';
    for (int i = 1; i <= prec; i++)
        *p++ = digit_at(g, i);
    *p++ = e;
    int x = g->exp;
    *p++ = x < 0 ? '-' : '+';
    if (x < 0)
        x = -x;
    if (x >= 100)
        *p++ = (char)('0' + x / 100);
    *p++ = (char)('0' + x / 10 % 10);
    *p++ = (char)('0' + x % 10);
    return (int)(p - start);
}

/* %g: %e or %f by the decimal exponent; trailing zeros go unless '#'. */
static int put_general(char *p, struct digits *g, int prec, int alt, char e)
{
    int P = prec == 0 ? 1 : prec;
    round_to(g, P);
    int x = g->n ? g->exp : 0;
    int len = (x < -4 || x >= P) ? put_exponent(p, g, P - 1, alt, e)
                                 : put_fixed(p, g, P - 1 - x, alt);
    if (alt)
        return len;
    char *dot = 0, *end = p + len, *exp_at = end;
    for (char *q = p; q < end; q++) {
        if (*q == '.')
            dot = q;
        if (*q == e)
            exp_at = q;
    }
    if (!dot)
        return len;
    char *cut = exp_at;
    while (cut > dot + 1 && cut[-1] == '0')
        cut--;
    if (cut == dot + 1)
        cut = dot;
    int tail = (int)(end - exp_at);
    for (int i = 0; i < tail; i++)
        cut[i] = exp_at[i];
    return (int)(cut - p) + tail;
}

/* Formats x for conversion `conv` (f F e E g G) into buf, with sign ('+', ' '
 * or 0 for none on positives). Returns the length; buf is not terminated. */
int fmt_float(char *buf, double x, char conv, int prec, int alt, char sign)
{
    int upper = conv == 'F' || conv == 'E' || conv == 'G';
    char *p = buf;
    union { double f; uint64_t u; } v = { x };
    if (v.u >> 63) {
        *p++ = '-';
        v.u &= ~(1ull << 63);
    } else if (sign) {
        *p++ = sign;
    }
    if (((v.u >> 52) & 0x7FF) == 0x7FF) {
        const char *s = (v.u << 12) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        for (int i = 0; i < 3; i++)
            *p++ = s[i];
        return (int)(p - buf);
    }
    struct digits g;
    if (v.f == 0) {
        g.n = 0;
        g.exp = 0;
    } else {
        to_digits(v.f, &g);
    }
    if (prec > FMT_FLOAT_MAX_PREC)
        prec = FMT_FLOAT_MAX_PREC;
    char e = upper ? 'E' : 'e';
    switch (conv | 0x20) {
    case 'f': p += put_fixed(p, &g, prec, alt); break;
    case 'e': p += put_exponent(p, &g, prec, alt, e); break;
    default: p += put_general(p, &g, prec, alt, e); break;
    }
    return (int)(p - buf);
}
