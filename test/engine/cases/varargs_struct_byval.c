/* @O3 structs passed by value through `...` and read back with va_arg(ap, S): clang -m32
   passes each as a byval pointer in the call and the callee reads the bytes in place on the
   argument stack (size rounded up to 4); sizes 1, 3, 8, 12, 20 and one holding a double,
   mixed with ints, doubles and long longs; read directly, through a va_list handed on
   (vprintf-style), after va_copy, and through a function pointer */
#include <stdio.h>
#include <stdarg.h>
typedef struct { char c; } One;
typedef struct { char a, b, c; } Three;
typedef struct { int n; char c; } DWord;
typedef struct { short s; int i; char c; } Twelve;
typedef struct { double d; short s; char name[7]; } Big;
static void vshow(const char *tag, va_list ap) {
    DWord w = va_arg(ap, DWord);
    int k = va_arg(ap, int);
    Big b = va_arg(ap, Big);
    double x = va_arg(ap, double);
    One o = va_arg(ap, One);
    Three t = va_arg(ap, Three);
    long long ll = va_arg(ap, long long);
    Twelve tw = va_arg(ap, Twelve);
    printf("%s DWord { %d, %c } %d Big { %g %d %s } %g One { %c } Three { %c%c%c } %lld Twelve { %d %d %c }\n",
           tag, w.n, w.c, k, b.d, b.s, b.name, x, o.c, t.a, t.b, t.c, ll, tw.s, tw.i, tw.c);
}
static void show(const char *tag, ...) {
    va_list ap, ap2;
    va_start(ap, tag);
    va_copy(ap2, ap);
    vshow(tag, ap);
    vshow("copy", ap2);
    va_end(ap2);
    va_end(ap);
}
static int sum_words(int cnt, ...) {
    va_list ap; va_start(ap, cnt);
    int s = 0;
    for (int i = 0; i < cnt; i++) {
        DWord w = va_arg(ap, DWord);
        printf("direct %d: DWord { %d, %c }\n", i, w.n, w.c);
        s += w.n + w.c;
    }
    va_end(ap);
    return s;
}
static int (*volatile through)(int, ...) = sum_words;
int main(void) {
    DWord w = { 18, 'a' }, v = { 19, 'b' };
    Big b = { 2.5, -7, "hello" };
    One o = { 'z' };
    Three t = { 'x', 'y', 'w' };
    Twelve tw = { -3, 123456, 'q' };
    show("via", w, 42, b, 3.25, o, t, -5000000000LL, tw);
    printf("sum %d\n", sum_words(2, w, v));
    printf("sum %d\n", through(3, v, w, v));
    return 0;
}
