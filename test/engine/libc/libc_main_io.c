/* main's three parameters (argv[1] is the scratch directory, envp is environ), stdin read in several ways, and
   stdout (fully buffered into a pipe) against stderr (unbuffered) in the order each stream gets its bytes: line
   buffering, setvbuf, fflush, and the stdout left unflushed at exit */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
extern char **environ;
int main(int argc, char **argv, char **envp) {
    int n = 0; while (envp[n]) n++;
    printf("argc %d argv[1] length %zu argv[argc] %p envp is environ %d entries %d\n", argc, strlen(argv[1]), (void *)argv[argc], envp == environ, n > 0);
    setenv("BF_MAIN_IO", "set", 1); printf("getenv %s environ moved %d\n", getenv("BF_MAIN_IO"), envp != environ);
    fprintf(stderr, "stderr 1 (before stdout's first flush)\n");
    fflush(stdout);
    fprintf(stderr, "stderr 2\n");
    char word[16]; int num; int c = getchar(); ungetc(c, stdin);
    printf("scanf %d", scanf("%15s %15s %15s %d", word, word, word, &num)); printf(" last word %s number %d rest %d\n", word, num, getchar());
    printf("eof %d feof %d\n", getchar(), feof(stdin) != 0);
    static char buf[64]; setvbuf(stderr, buf, _IOLBF, sizeof buf);
    fprintf(stderr, "stderr line-buffered, "); fprintf(stderr, "one line\n");
    write(1, "write(1) goes first\n", 20);
    printf("buffered stdout then ");
    fprintf(stderr, "stderr 3\n");
    fflush(stdout);
    puts("unflushed at exit");
    return 0;
}
