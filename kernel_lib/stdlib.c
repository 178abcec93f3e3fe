/* <stdlib.h> functions other than the allocator and strtod. */
#include "bf.h"
#include "libc.h"

static int is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Shared by strtol and strtoul: magnitude in *mag (saturated at `limit`), sign. */
static const char *parse_integer(const char *s, int base, unsigned long limit,
                                 unsigned long *mag, int *negative)
{
    const char *p = s;
    while (is_space(*p))
        p++;
    *negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 0x20) == 'x' && digit_value(p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = *p == '0' ? 8 : 10;
    }
    const char *digits = p;
    unsigned long v = 0;
    int overflow = 0;
    for (; digit_value(*p) < base; p++) {
        unsigned d = (unsigned)digit_value(*p);
        if (v > (limit - d) / (unsigned)base)
            overflow = 1;
        else
            v = v * (unsigned)base + d;
    }
    *mag = overflow ? limit : v;
    return p == digits ? s : p; /* no digits: nothing consumed */
}

long strtol(const char *s, char **end, int base)
{
    unsigned long mag;
    int neg;
    /* LONG_MAX, or one more for LONG_MIN */
    const char *p = parse_integer(s, base, 0x7fffffffUL, &mag, &neg);
    if (neg && mag == 0x7fffffffUL) {
        unsigned long wide;
        parse_integer(s, base, 0x80000000UL, &wide, &neg);
        mag = wide;
    }
    if (end)
        *end = (char *)p;
    return neg ? (long)(0 - mag) : (long)mag;
}

unsigned long strtoul(const char *s, char **end, int base)
{
    unsigned long mag;
    int neg;
    const char *p = parse_integer(s, base, 0xffffffffUL, &mag, &neg);
    if (end)
        *end = (char *)p;
    return neg ? 0 - mag : mag;
}

int atoi(const char *s) { return (int)strtol(s, 0, 10); }

int abs(int x) { return x < 0 ? -x : x; }
long labs(long x) { return x < 0 ? -x : x; }
long long llabs(long long x) { return x < 0 ? -x : x; }
long atol(const char *s) { return strtol(s, 0, 10); }

/* struct results: returned through a hidden pointer the callee pops (i386), as glibc's */
div_t div(int n, int d) { div_t r = { n / d, n % d }; return r; }
ldiv_t ldiv(long n, long d) { ldiv_t r = { n / d, n % d }; return r; }
lldiv_t lldiv(long long n, long long d) { lldiv_t r = { n / d, n % d }; return r; }

/* random/rand: glibc's generator, the same numbers for the same seed (an additive feedback
 * generator over 31 words, x[i] = x[i-3] + x[i-31], seeded by a Park-Miller sequence and run
 * 310 steps; each result drops the lowest bit). Without a seed it is seeded with 1, as glibc. */
static int32_t rnd_state[31];
static int rnd_f, rnd_r, rnd_seeded;

static int32_t rnd_next(void)
{
    uint32_t v = (uint32_t)rnd_state[rnd_f] + (uint32_t)rnd_state[rnd_r];
    rnd_state[rnd_f] = (int32_t)v;
    rnd_f = rnd_f + 1 == 31 ? 0 : rnd_f + 1;
    rnd_r = rnd_r + 1 == 31 ? 0 : rnd_r + 1;
    return (int32_t)(v >> 1);
}

void srandom(unsigned seed)
{
    int32_t word = seed ? (int32_t)seed : 1;
    rnd_state[0] = word;
    for (int i = 1; i < 31; i++) {                /* 16807 * word mod 2^31 - 1, without overflow */
        int32_t hi = word / 127773, lo = word % 127773;
        word = 16807 * lo - 2836 * hi;
        if (word < 0)
            word += 2147483647;
        rnd_state[i] = word;
    }
    rnd_f = 3;
    rnd_r = 0;
    rnd_seeded = 1;
    for (int i = 0; i < 310; i++)
        rnd_next();
}

long random(void)
{
    if (!rnd_seeded)
        srandom(1);
    return rnd_next();
}

void srand(unsigned seed) { srandom(seed); }
int rand(void) { return (int)random(); }

void *bsearch(const void *key, const void *base, size_t count, size_t size, int (*cmp)(const void *, const void *))
{
    const char *lo = base;
    while (count) {                              /* glibc's order of probes: the middle, then a half */
        const char *mid = lo + (count / 2) * size;
        int c = cmp(key, mid);
        if (c == 0)
            return (void *)mid;
        if (c > 0) {
            lo = mid + size;
            count = count - count / 2 - 1;
        } else
            count /= 2;
    }
    return 0;
}

void exit(int code) { bf_exit(code); }

/* abort(): the run ends with an error (compiler-rt's overflow traps land here too) */
void abort(void) { bf_fail(BF_EXIT_ERROR, "abort() called"); }

/* qsort is a stable merge sort, like glibc's (which merges when it can get
 * memory): with ties (equal probabilities in top-p sampling) the guest then
 * orders elements exactly as a hosted build does. */
static void merge(char *dst, const char *a, size_t na, const char *b, size_t nb, size_t size,
                  int (*cmp)(const void *, const void *))
{
    while (na && nb) {
        if (cmp(b, a) < 0) {
            memcpy(dst, b, size);
            b += size;
            nb--;
        } else {
            memcpy(dst, a, size);
            a += size;
            na--;
        }
        dst += size;
    }
    memcpy(dst, a, na * size);
    memcpy(dst + na * size, b, nb * size);
}

/* Without memory for merging: insertion sort, also stable. */
static void insertion_sort(char *base, size_t count, size_t size,
                           int (*cmp)(const void *, const void *))
{
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
            for (size_t k = 0; k < size; k++) {
                char t = base[(j - 1) * size + k];
                base[(j - 1) * size + k] = base[j * size + k];
                base[j * size + k] = t;
            }
}

void qsort(void *base, size_t count, size_t size, int (*cmp)(const void *, const void *))
{
    if (count < 2 || size == 0)
        return;
    char *tmp = malloc(count * size);
    if (!tmp) {
        insertion_sort(base, count, size, cmp);
        return;
    }
    char *src = base, *dst = tmp;
    for (size_t width = 1; width < count; width *= 2) {
        for (size_t i = 0; i < count; i += 2 * width) {
            size_t na = width < count - i ? width : count - i;
            size_t nb = width < count - i - na ? width : count - i - na;
            merge(dst + i * size, src + i * size, na, src + (i + na) * size, nb, size, cmp);
        }
        char *t = src;
        src = dst;
        dst = t;
    }
    if (src != base)
        memcpy(base, src, count * size);
    free(tmp);
}
