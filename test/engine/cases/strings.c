#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <ctype.h>
static void reverse(char *s) { for (size_t i = 0, j = strlen(s); i + 1 < j; i++, j--) { char t = s[i]; s[i] = s[j - 1]; s[j - 1] = t; } }
static int is_pal(const char *s) { size_t n = strlen(s); for (size_t i = 0; i < n / 2; i++) if (tolower(s[i]) != tolower(s[n - 1 - i])) return 0; return 1; }
int main(void) {
    char buf[128] = "The quick brown fox jumps over the lazy dog";
    int words = 0, upper = 0, vowels = 0;
    for (char *t = strtok(buf, " "); t; t = strtok(0, " ")) { words++; if (isupper((unsigned char)t[0])) upper++; for (char *c = t; *c; c++) if (strchr("aeiou", *c)) vowels++; }
    printf("%d %d %d\n", words, upper, vowels);
    char s[64]; strcpy(s, "hello"); strcat(s, ", world"); reverse(s); printf("%s %zu\n", s, strlen(s));
    printf("%d %d\n", is_pal("Racecar"), is_pal("abca"));
    char *d = strdup("duplicate me"); d[0] = toupper(d[0]); printf("%s %d\n", d, strncmp(d, "Dup", 3)); free(d);
    printf("%ld %lu %.3f %d\n", strtol("-1234xyz", 0, 10), strtoul("ff", 0, 16), atof("3.5e2"), atoi("  42"));
    const char *hay = "needle in a haystack with needles"; printf("%d %d\n", (int)(strstr(hay, "hay") - hay), (int)(strrchr(hay, 'n') - hay));
    char out[100]; int n = sprintf(out, "%5s|%-6s|%c%c|%%", "ab", "cd", 'x', 'y'); printf("%s %d\n", out, n);
    printf("%d %d\n", (int)strspn("abcabcxyz", "abc"), (int)strcspn("hello world", " "));
    return words;
}
