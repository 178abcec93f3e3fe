/* integer <-> Roman numeral conversion for 1..3999 with round-trip validation; number to English words */
#include <stdio.h>
#include <string.h>
static void to_roman(int n, char *out) { static const int v[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 }; static const char *s[] = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" }; *out = 0; for (int i = 0; i < 13; i++) while (n >= v[i]) { strcat(out, s[i]); n -= v[i]; } }
static int val(char c) { switch (c) { case 'I': return 1; case 'V': return 5; case 'X': return 10; case 'L': return 50; case 'C': return 100; case 'D': return 500; case 'M': return 1000; } return 0; }
static int from_roman(const char *s) { int t = 0; for (int i = 0; s[i]; i++) { int a = val(s[i]), b = val(s[i + 1]); t += a < b ? -a : a; } return t; }
static const char *ones[] = { "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen" };
static const char *tens[] = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" };
static void words(int n, char *out) {
    if (n >= 1000) { words(n / 1000, out); strcat(out, " thousand"); n %= 1000; if (n) strcat(out, " "); }
    if (n >= 100) { strcat(out, ones[n / 100]); strcat(out, " hundred"); n %= 100; if (n) strcat(out, " and "); }
    if (n >= 20) { strcat(out, tens[n / 10]); n %= 10; if (n) { strcat(out, "-"); strcat(out, ones[n]); } } else if (n) strcat(out, ones[n]);
}
int main(void) {
    char buf[64]; int bad = 0; long len = 0;
    for (int n = 1; n < 4000; n++) { to_roman(n, buf); len += strlen(buf); if (from_roman(buf) != n) bad++; }
    int show[] = { 1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999 };
    for (int i = 0; i < 10; i++) { to_roman(show[i], buf); printf("%d=%s ", show[i], buf); }
    printf("\nbad %d total length %ld\n", bad, len);
    int w[] = { 0, 7, 13, 21, 99, 100, 115, 342, 1000, 2024, 90017 }; long letters = 0;
    for (int i = 0; i < 11; i++) { buf[0] = 0; char big[200] = ""; words(w[i], big); printf("%d: %s\n", w[i], w[i] ? big : "zero"); }
    for (int n = 1; n <= 1000; n++) { char big[200] = ""; words(n, big); for (char *p = big; *p; p++) letters += *p >= 'a' && *p <= 'z'; }
    printf("letters 1..1000: %ld\n", letters);
    return bad;
}
