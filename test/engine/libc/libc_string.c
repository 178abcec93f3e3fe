/* string.h and strings.h: one call of each function the engine provides (interpreter/LIBC.md),
   printed so native and engine runs compare; not called: strcoll_l, strxfrm_l, strerror_l,
   strcasecmp_l, strncasecmp_l (they need a locale_t from newlocale, outside these headers) */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <strings.h>
int main(void) {
    char a[64] = "hello, world", b[64], c[64];
    printf("memcpy %s\n", (char *)memcpy(b, a, 13));
    memmove(b + 2, b, 5); printf("memmove %s\n", b);
    memset(c, 'x', 5); c[5] = 0; printf("memset %s\n", c);
    printf("memcmp %d memchr %s\n", memcmp(a, "hellp", 5) < 0, (char *)memchr(a, 'w', 12));
    printf("memccpy %d\n", (int)((char *)memccpy(c, a, ',', 12) - c));
    printf("strlen %zu strnlen %zu\n", strlen(a), strnlen(a, 4));
    printf("strcmp %d strncmp %d strcoll %d\n", strcmp(a, "hello") > 0, strncmp(a, "help", 3), strcoll("a", "b") < 0);
    strcpy(c, "abc"); strcat(c, "def"); strncat(c, "ghijk", 2); printf("strcpy/strcat/strncat %s\n", c);
    strncpy(c, "xy", 5); printf("strncpy %s %d\n", c, c[4]);
    printf("stpcpy %d stpncpy %d\n", (int)(stpcpy(c, "four") - c), (int)(stpncpy(c, "ab", 6) - c));
    printf("strchr %s strrchr %s strstr %s strpbrk %s\n", strchr(a, 'o'), strrchr(a, 'o'), strstr(a, "wor"), strpbrk(a, " ,"));
    printf("strspn %zu strcspn %zu\n", strspn(a, "hel"), strcspn(a, ","));
    char *d = strdup(a), *e = strndup(a, 5); printf("strdup %s strndup %s\n", d, e);
    char t[] = "a b  c", *save, *tok = strtok(t, " "); printf("strtok %s", tok); while ((tok = strtok(0, " "))) printf(" %s", tok); printf("\n");
    char t2[] = "1;2;;3"; printf("strtok_r"); for (tok = strtok_r(t2, ";", &save); tok; tok = strtok_r(0, ";", &save)) printf(" %s", tok); printf("\n");
    char t3[] = "x:y::z", *p = t3; printf("strsep"); while ((tok = strsep(&p, ":"))) printf(" [%s]", tok); printf("\n");
    printf("strxfrm %zu\n", strxfrm(c, "abc", sizeof c));
    printf("strerror %s\n", strerror(2));
    char eb[64]; printf("strerror_r %s\n", strerror_r(2, eb, sizeof eb));
    printf("strsignal %s\n", strsignal(11));
    explicit_bzero(c, 4); printf("explicit_bzero %d%d\n", c[0], c[3]);
    printf("memmem %s strcasestr %s\n", (char *)memmem(a, 12, "lo,", 3), strcasestr(a, "WORLD"));
    printf("mempcpy %d strchrnul %d\n", (int)((char *)mempcpy(c, "abc", 3) - c), (int)(strchrnul(a, 'Q') - a));
    /* strings.h */
    printf("bcmp %d\n", bcmp(a, "hello", 5)); bcopy(a, c, 6); c[6] = 0; printf("bcopy %s\n", c);
    bzero(c, 3); printf("bzero %d\n", c[2]);
    printf("index %s rindex %s\n", index(a, 'l'), rindex(a, 'l'));
    printf("ffs %d %d ffsl %d ffsll %d\n", ffs(0), ffs(0x50), ffsl(1L << 20), ffsll(1LL << 40));
    printf("strcasecmp %d strncasecmp %d\n", strcasecmp("HeLLo", "hello"), strncasecmp("ABCx", "abcy", 3));
    return 0;
}
