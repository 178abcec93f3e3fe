/* The printf family. One formatting engine, format(), writes characters to a
 * sink: the console for printf, a buffer for vsnprintf, COM2 for bf_event.
 * Supports flags "-+ #0", width and precision (also '*'), length modifiers
 * hh h l ll z j t, and conversions d i u o x X p s c f F e E g G %. The meta
 * kernel's bootstrap (BF_BOOTSTRAP) leaves out f F e E g G and fmt_float.c:
 * runtime.bc links this file as bitcode for the programs it runs (build/image-build.ts). */
#include <stdarg.h>
#include <stdint.h>
#include "kernel.h"
#include "libc.h"

struct out {
    format_sink sink;
    void *ctx;
    int count;
};

static void put(struct out *o, const char *s, int n)
{
    for (int i = 0; i < n; i++)
        o->sink(s[i], o->ctx);
    o->count += n;
}

static void pad(struct out *o, char c, int n)
{
    for (int i = 0; i < n; i++)
        o->sink(c, o->ctx);
    if (n > 0)
        o->count += n;
}

struct spec {
    int left, plus, space, alt, zero;
    int width, prec; /* prec < 0: not given */
    int size;        /* -2 hh, -1 h, 0 int, 1 long (both 32-bit), 2 long long */
};

/* Emits prefix + zeros + body inside the field width. */
static void put_field(struct out *o, const struct spec *s, const char *prefix, int plen,
                      int zeros, const char *body, int blen)
{
    int len = plen + zeros + blen;
    int fill = s->width > len ? s->width - len : 0;
    if (!s->left && !s->zero)
        pad(o, ' ', fill);
    put(o, prefix, plen);
    if (!s->left && s->zero)
        pad(o, '0', fill);
    pad(o, '0', zeros);
    put(o, body, blen);
    if (s->left)
        pad(o, ' ', fill);
}

static void put_integer(struct out *o, struct spec s, uint64_t v, int negative, char conv)
{
    const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
    char buf[24], prefix[3];
    int n = 0, plen = 0;
    while (v) {
        buf[sizeof buf - 1 - n++] = digits[v % base];
        v /= base;
    }
    if (negative)
        prefix[plen++] = '-';
    else if (s.plus)
        prefix[plen++] = '+';
    else if (s.space)
        prefix[plen++] = ' ';
    if ((s.alt && n > 0 && base == 16) || conv == 'p') {
        prefix[plen++] = '0';
        prefix[plen++] = conv == 'X' ? 'X' : 'x';
    }
    int zeros = 0;
    if (s.prec >= 0) {
        s.zero = 0;
        zeros = s.prec > n ? s.prec - n : 0;
    } else if (n == 0) {
        zeros = 1; /* "0" */
    }
    if (s.alt && base == 8 && zeros == 0 && (n == 0 || buf[sizeof buf - n] != '0'))
        zeros = 1;
    put_field(o, &s, prefix, plen, zeros, buf + sizeof buf - n, n);
}

#ifndef BF_BOOTSTRAP
static void put_float(struct out *o, struct spec s, double x, char conv)
{
    char buf[FMT_FLOAT_BUF];
    char sign = s.plus ? '+' : s.space ? ' ' : 0;
    int n = fmt_float(buf, x, conv, s.prec < 0 ? 6 : s.prec, s.alt, sign);
    int plen = (buf[0] == '-' || buf[0] == '+' || buf[0] == ' ') ? 1 : 0;
    char last = buf[n - 1];
    if (last == 'f' || last == 'F' || last == 'n' || last == 'N') /* inf, nan */
        s.zero = 0;
    put_field(o, &s, buf, plen, 0, buf + plen, n - plen);
}
#endif

static int parse_int(const char **p)
{
    int v = 0;
    while (**p >= '0' && **p <= '9')
        v = v * 10 + (*(*p)++ - '0');
    return v;
}

int format(format_sink sink, void *ctx, const char *fmt, va_list ap)
{
    struct out o = { sink, ctx, 0 };
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            put(&o, p, 1);
            continue;
        }
        const char *start = p++;
        struct spec s = { 0 };
        s.prec = -1;
        for (;; p++) {
            if (*p == '-') s.left = 1;
            else if (*p == '+') s.plus = 1;
            else if (*p == ' ') s.space = 1;
            else if (*p == '#') s.alt = 1;
            else if (*p == '0') s.zero = 1;
            else break;
        }
        if (*p == '*') {
            s.width = va_arg(ap, int);
            if (s.width < 0) {
                s.left = 1;
                s.width = -s.width;
            }
            p++;
        } else {
            s.width = parse_int(&p);
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                s.prec = va_arg(ap, int);
                p++;
            } else {
                s.prec = parse_int(&p);
            }
        }
        if (s.left)
            s.zero = 0;
        for (;; p++) { /* size_t and ptrdiff_t are 32-bit like int on i386 */
            if (*p == 'l') s.size++;
            else if (*p == 'j') s.size = 2;
            else if (*p == 'h') s.size--;
            else if (*p != 'z' && *p != 't') break;
        }
        switch (*p) {
        case 'd':
        case 'i': {
            int64_t v = s.size >= 2 ? va_arg(ap, long long) : va_arg(ap, int);
            if (s.size < 0)
                v = s.size == -1 ? (short)v : (signed char)v;
            put_integer(&o, s, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0, 'd');
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            uint64_t v = s.size >= 2 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
            if (s.size < 0)
                v = s.size == -1 ? (unsigned short)v : (unsigned char)v;
            s.plus = s.space = 0;
            put_integer(&o, s, v, 0, *p);
            break;
        }
        case 'p': {
            void *v = va_arg(ap, void *);
            if (!v) {
                put_field(&o, &(struct spec){ .left = s.left, .width = s.width }, "", 0, 0, "(nil)", 5);
                break;
            }
            s.plus = s.space = 0;
            put_integer(&o, s, (uintptr_t)v, 0, 'p');
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            s.zero = 0;
            put_field(&o, &s, "", 0, 0, &c, 1);
            break;
        }
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str)
                str = "(null)";
            int n = 0;
            while (str[n] && (s.prec < 0 || n < s.prec))
                n++;
            s.zero = 0;
            put_field(&o, &s, "", 0, 0, str, n);
            break;
        }
#ifndef BF_BOOTSTRAP
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
            put_float(&o, s, va_arg(ap, double), *p);
            break;
#else   /* the meta kernel's bootstrap formats no floats (its messages and events have none): as written, the argument skipped */
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
            (void)va_arg(ap, double);
            put(&o, start, (int)(p - start) + 1);
            break;
#endif
        case '%':
            put(&o, "%", 1);
            break;
        default: /* unknown conversion: print it as it was written */
            put(&o, start, (int)(p - start) + (*p != 0));
            if (!*p)
                p--;
            break;
        }
    }
    return o.count;
}

static void console_sink(char c, void *ctx)
{
    (void)ctx;
    console_putc(c);
}

int vprintf(const char *fmt, va_list ap) { return format(console_sink, 0, fmt, ap); }

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

struct buffer {
    char *buf;
    size_t size, used;
};

static void buffer_sink(char c, void *ctx)
{
    struct buffer *b = ctx;
    if (b->used + 1 < b->size)
        b->buf[b->used] = c;
    b->used++;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buffer b = { buf, size, 0 };
    int n = format(buffer_sink, &b, fmt, ap);
    if (size)
        buf[b.used < size ? b.used : size - 1] = 0;
    return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int putchar(int c)
{
    console_putc((char)c);
    return (unsigned char)c;
}

int puts(const char *s)
{
    while (*s)
        console_putc(*s++);
    console_putc('\n');
    return 1;
}
