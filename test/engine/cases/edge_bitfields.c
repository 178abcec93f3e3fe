/* @O3 bitfields that are easy to get wrong: signed sign-extension at every width, straddling storage units,
   packed and long long bitfields, bitfields in unions and passed by value, wraparound on ++/+=, zero-width fields */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
struct s1 { signed a : 1; signed b : 2; unsigned c : 3; signed d : 7; unsigned e : 19; };
struct straddle { unsigned char x : 5; unsigned short y : 9; unsigned z : 17; signed w : 31; };
struct __attribute__((packed)) pk { unsigned char a : 3; unsigned b : 20; signed c : 13; unsigned long long d : 33; };
struct ll { unsigned long long lo : 37; signed long long hi : 27; };
struct ll2 { signed long long s : 63; unsigned u : 1; };
struct zw { unsigned a : 3; unsigned : 0; unsigned b : 5; unsigned : 2; signed c : 4; };
union ub { struct { unsigned lo : 12, mid : 8, hi : 12; } f; uint32_t w; float fl; };
struct bool_bf { _Bool p : 1; _Bool q : 1; unsigned r : 6; };
static volatile int vone = 1;
static struct s1 bump(struct s1 v) { v.a += vone; v.b -= 3 * vone; v.c += 5; v.d -= 100; v.e += 600000; return v; }
static void show1(const char *t, struct s1 v) { printf("%s a=%d b=%d c=%u d=%d e=%u\n", t, v.a, v.b, v.c, v.d, v.e); }
static long long sx(struct ll v) { return v.hi; }
int main(void) {
    struct s1 v = { -1, 1, 7, -64, 524287 };
    show1("init", v);
    for (int i = 0; i < 4; i++) { v = bump(v); show1("bump", v); }
    struct straddle s; memset(&s, 0, sizeof s);
    for (int i = 0; i < 40; i += 7) {
        s.x = i * 3; s.y = i * 37 + 300; s.z = i * 9973u + 60000; s.w = -i * 123456789;
        printf("straddle x=%u y=%u z=%u w=%d size=%zu\n", s.x, s.y, s.z, s.w, sizeof s);
    }
    struct pk p = { 5, 1048575, -4096, 0x1FFFFFFFFull };
    printf("packed size=%zu a=%u b=%u c=%d d=%llx\n", sizeof p, p.a, p.b, p.c, (unsigned long long)p.d);
    p.d += 2; p.c -= 1; p.b++; p.a = p.a * 3;
    printf("packed' a=%u b=%u c=%d d=%llx\n", p.a, p.b, p.c, (unsigned long long)p.d);
    unsigned char raw[sizeof p]; memcpy(raw, &p, sizeof p);
    for (size_t i = 0; i < sizeof p; i++) printf("%02x", raw[i]); printf("\n");
    struct ll l = { 0x1234567890ull, -(1 << 25) };
    for (int i = 0; i < 5; i++) { l.lo = l.lo * 3 + vone; l.hi = l.hi * 2 + 12345; printf("ll lo=%llx hi=%lld sx=%lld\n", (unsigned long long)l.lo, (long long)l.hi, sx(l)); }
    struct ll2 m = { -4611686018427387904LL, 1 };
    m.s -= vone; printf("ll2 s=%lld u=%u size=%zu\n", (long long)m.s, m.u, sizeof m);
    m.s = m.s * 2; printf("ll2 wrap s=%lld\n", (long long)m.s);
    struct zw z = { 9, 33, -9 };
    printf("zw a=%u b=%u c=%d size=%zu\n", z.a, z.b, z.c, sizeof z);
    union ub u; u.w = 0xDEADBEEF;
    printf("union lo=%x mid=%x hi=%x\n", u.f.lo, u.f.mid, u.f.hi);
    u.f.mid = 0x5A; printf("union w=%08x\n", u.w);
    u.fl = -1.5f; printf("union float bits hi=%x lo=%x\n", u.f.hi, u.f.lo);
    struct bool_bf bb = { 0 }; bb.p = 5; bb.q = bb.p + 1; bb.r = 70;
    printf("bool p=%d q=%d r=%u\n", bb.p, bb.q, bb.r);
    int total = 0; struct s1 arr[16];
    for (int i = 0; i < 16; i++) { arr[i].a = i; arr[i].b = i; arr[i].c = i; arr[i].d = i * 11; arr[i].e = i * 40000; }
    for (int i = 0; i < 16; i++) total += arr[i].a + arr[i].b + arr[i].c + arr[i].d + (int)(arr[i].e >> 3);
    printf("array total %d\n", total);
    return 0;
}
