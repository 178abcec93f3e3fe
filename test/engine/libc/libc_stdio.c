/* stdio.h: one call of each function the engine provides (interpreter/LIBC.md); argv[1] is a
   scratch directory, stdin holds one line ("typed on stdin 42"), stderr is compared too.
   Not called: perror's twin ctermid-like terminal calls need a tty (ctermid is called). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
static int vpr(const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vprintf(fmt, ap); va_end(ap); return n; }
static int vfpr(FILE *f, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vfprintf(f, fmt, ap); va_end(ap); return n; }
static int vspr(char *b, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vsprintf(b, fmt, ap); va_end(ap); return n; }
static int vsnpr(char *b, size_t k, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vsnprintf(b, k, fmt, ap); va_end(ap); return n; }
static int vdpr(int fd, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vdprintf(fd, fmt, ap); va_end(ap); return n; }
static int vasp(char **s, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vasprintf(s, fmt, ap); va_end(ap); return n; }
static int vssc(const char *s, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vsscanf(s, fmt, ap); va_end(ap); return n; }
static int vfsc(FILE *f, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vfscanf(f, fmt, ap); va_end(ap); return n; }
int main(int argc, char **argv) {
    char path[512], path2[512], buf[256], *line = 0; size_t cap = 0;
    snprintf(path, sizeof path, "%s/stdio.txt", argc > 1 ? argv[1] : "/tmp");
    snprintf(path2, sizeof path2, "%s/stdio2.txt", argc > 1 ? argv[1] : "/tmp");
    setvbuf(stdout, 0, _IOLBF, 0);
    printf("printf %d %s %.3f\n", 1, "two", 3.0); fprintf(stderr, "fprintf(stderr) %d\n", 4);
    sprintf(buf, "%05d", 42); printf("sprintf %s snprintf %d\n", buf, snprintf(buf, 4, "%s", "abcdef"));
    vpr("vprintf %x\n", 255); vfpr(stdout, "vfprintf %o\n", 8); vspr(buf, "%c%c", 'o', 'k'); printf("vsprintf %s", buf);
    printf(" vsnprintf %d %s\n", vsnpr(buf, 3, "%d", 12345), buf);
    fflush(stdout); dprintf(1, "dprintf %d\n", 5); vdpr(1, "vdprintf %d\n", 6);
    char *as; asprintf(&as, "%s-%d", "asprintf", 7); printf("%s", as); free(as); vasp(&as, " vasprintf %d\n", 8); printf("%s", as); free(as);
    puts("puts"); putchar('p'); putchar('\n'); fputs("fputs\n", stdout); fputc('f', stdout); putc('\n', stdout);
    fwrite("fwrite\n", 1, 7, stdout);
    FILE *f = fopen(path, "w+");
    fprintf(f, "10 20.5 word\nsecond line\n"); fflush(f); rewind(f);
    int i; double d; char w[32];
    printf("fscanf %d", fscanf(f, "%d %lf %31s", &i, &d, w)); printf(" %d %g %s\n", i, d, w);
    fseek(f, 0, SEEK_END); long n = ftell(f); printf("fseek/ftell %ld", n); fseeko(f, 3, SEEK_SET); printf(" fseeko/ftello %ld\n", (long)ftello(f));
    fpos_t pos; fgetpos(f, &pos); printf("fgetc %c getc %c", fgetc(f), getc(f)); fsetpos(f, &pos); printf(" fsetpos/fgetc %c", fgetc(f));
    ungetc('Z', f); printf(" ungetc %c\n", fgetc(f));
    rewind(f); printf("fgets %s", fgets(buf, sizeof buf, f)); printf("getline %zd %s", getline(&line, &cap, f), line);
    rewind(f); printf("getdelim %zd\n", getdelim(&line, &cap, ' ', f));
    rewind(f); char rb[8] = { 0 }; printf("fread %zu %s\n", fread(rb, 1, 5, f), rb);
    printf("feof %d", feof(f)); fgetc(f); while (fgetc(f) != EOF) { } printf(" %d ferror %d", feof(f), ferror(f)); clearerr(f); printf(" clearerr %d\n", feof(f));
    printf("fileno %d\n", fileno(f) > 2);
    fclose(f);
    printf("rename %d remove %d renameat %d\n", rename(path, path2), remove(path2), renameat(AT_FDCWD, "/nonexistent-a", AT_FDCWD, "/nonexistent-b"));
    f = tmpfile(); fputs("tmp", f); rewind(f); printf("tmpfile %s\n", fgets(buf, 8, f)); fclose(f);
    f = fmemopen("memory text", 11, "r"); printf("fmemopen %s\n", fgets(buf, sizeof buf, f)); fclose(f);
    char *ms; size_t ml; f = open_memstream(&ms, &ml); fprintf(f, "memstream %d", 9); fclose(f); printf("open_memstream %s %zu\n", ms, ml); free(ms);
    f = fopen(path, "w"); f = freopen(path, "w", f); fprintf(f, "1 2\n"); fclose(f);
    int fd = open(path, O_RDONLY); f = fdopen(fd, "r"); int a, b; printf("fdopen/vfscanf %d", vfsc(f, "%d %d", &a, &b)); printf(" %d %d\n", a, b); fclose(f); unlink(path);
    printf("sscanf %d", sscanf("7 x 8.5", "%d %s %lf", &i, w, &d)); printf(" %d %s %g vsscanf %d\n", i, w, d, vssc("3,4", "%d,%d", &a, &b));
    printf("scanf %d", scanf("%31s", w)); printf(" %s", w); printf(" getchar %c", getchar()); printf(" fgets(stdin) %s", fgets(buf, sizeof buf, stdin));
    setbuf(stdout, 0); setbuffer(stdout, 0, 0); setlinebuf(stdout);
    f = popen("echo popen", "r"); printf("popen %s", fgets(buf, sizeof buf, f)); printf("pclose %d\n", pclose(f));
    flockfile(stdout); printf("ftrylockfile %d", ftrylockfile(stdout)); funlockfile(stdout); funlockfile(stdout); printf("\n");
    f = fopen(path, "w+"); putc_unlocked('a', f); fputc_unlocked('b', f); fwrite_unlocked("cd", 1, 2, f); putw(0x41424344, f); fflush_unlocked(f); rewind(f);
    printf("unlocked %c%c", getc_unlocked(f), fgetc_unlocked(f)); fread_unlocked(buf, 1, 2, f); buf[2] = 0; printf("%s getw %x", buf, getw(f));
    printf(" feof_unlocked %d ferror_unlocked %d fileno_unlocked %d", feof_unlocked(f), ferror_unlocked(f), fileno_unlocked(f) > 2); clearerr_unlocked(f); fclose(f); unlink(path);
    putchar_unlocked('\n');
    printf("ctermid %s\n", ctermid(0));
    errno = 2; perror("perror");
    fflush(stdout);
    free(line);
    return 0;
}
