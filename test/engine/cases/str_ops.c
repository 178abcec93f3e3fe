/* @O3 string routines: hand-written strlen/strcpy/strrev/strstr (naive and KMP), word counting, case folding, palindromes */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
static size_t my_strlen(const char *s) { const char *p = s; while (*p) p++; return (size_t)(p - s); }
static void rev(char *s) { for (size_t i = 0, j = my_strlen(s); i + 1 < j; i++, j--) { char t = s[i]; s[i] = s[j - 1]; s[j - 1] = t; } }
static int kmp(const char *t, const char *p) {
    int m = (int)strlen(p), f[64] = { 0 }, n = (int)strlen(t), count = 0;
    for (int i = 1, k = 0; i < m; i++) { while (k && p[i] != p[k]) k = f[k - 1]; if (p[i] == p[k]) k++; f[i] = k; }
    for (int i = 0, k = 0; i < n; i++) { while (k && t[i] != p[k]) k = f[k - 1]; if (t[i] == p[k]) k++; if (k == m) { count++; k = f[k - 1]; } }
    return count;
}
static int naive(const char *t, const char *p) { int c = 0; for (const char *q = t; (q = strstr(q, p)); q++) c++; return c; }
static int is_pal(const char *s) { int i = 0, j = (int)strlen(s) - 1; while (i < j) { while (i < j && !isalpha((unsigned char)s[i])) i++; while (i < j && !isalpha((unsigned char)s[j])) j--; if (tolower((unsigned char)s[i]) != tolower((unsigned char)s[j])) return 0; i++; j--; } return 1; }
int main(void) {
    char text[4096] = "";
    for (int i = 0; i < 60; i++) strcat(text, i % 3 ? "abracadabra " : "Alakazam abab ");
    printf("len %u %u\n", (unsigned)my_strlen(text), (unsigned)strlen(text));
    const char *pats[] = { "abra", "aba", "a", "zam ab", "cadabra abr", "xyz", "abab" };
    for (int i = 0; i < 7; i++) printf("%s: kmp %d naive %d\n", pats[i], kmp(text, pats[i]), naive(text, pats[i]));
    int words = 0, in = 0, upper = 0; for (char *p = text; *p; p++) { if (isspace((unsigned char)*p)) in = 0; else if (!in) { in = 1; words++; } if (isupper((unsigned char)*p)) upper++; }
    char small[64]; strcpy(small, "Hello, World"); rev(small); printf("words %d upper %d rev '%s'\n", words, upper, small);
    for (char *p = small; *p; p++) *p = (char)(islower((unsigned char)*p) ? toupper((unsigned char)*p) : tolower((unsigned char)*p));
    const char *pal[] = { "A man, a plan, a canal: Panama", "racecar", "hello", "Was it a car or a cat I saw?", "ab" };
    for (int i = 0; i < 5; i++) printf("%d", is_pal(pal[i]));
    printf(" swapped '%s' chr %d rchr %d spn %u cspn %u cmp %d ncmp %d\n", small, (int)(strchr(text, 'z') - text), (int)(strrchr(text, 'z') - text), (unsigned)strspn("aaabbc", "ab"), (unsigned)strcspn("hello world", " "), strcmp("abc", "abd") < 0, strncmp("abcdef", "abcxyz", 3));
    return words & 0x7f;
}
