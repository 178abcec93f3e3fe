/* POSIX headers beyond the seven (LIBC.md): dirent.h (in the scratch directory argv[1]), err.h and error.h (their
   messages start with the program's name, which differs between the native build and the .bc: they go to a file
   and are printed from the first ": " on), libgen.h, fnmatch.h, glob.h, regex.h, pwd.h, grp.h, poll.h, utime.h,
   chmod/umask/mkfifo/fstatat, strptime/timegm/timelocal/tzset/clock_getres, qsort_r, strverscmp, strfry, memfrob */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64     /* readdir of a 32-bit program fails on 64-bit inode numbers without it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <err.h>
#include <error.h>
#include <fnmatch.h>
#include <glob.h>
#include <regex.h>
#include <pwd.h>
#include <grp.h>
#include <poll.h>
#include <utime.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <stdarg.h>
static char dir[4096];
static const char *at(const char *name) { static char p[2][4200]; static int k; k ^= 1; snprintf(p[k], sizeof p[k], "%s/%s", dir, name); return p[k]; }
static int only_txt(const struct dirent *d) { return fnmatch("*.txt", d->d_name, 0) == 0; }
static int by_int_desc(const void *a, const void *b, void *dirn) { int x = *(const int *)a, y = *(const int *)b; return *(int *)dirn * ((x > y) - (x < y)); }
static void verr_call(const char *fmt, ...) { va_list ap; va_start(ap, fmt); vwarn(fmt, ap); va_end(ap); va_start(ap, fmt); vwarnx(fmt, ap); va_end(ap); }
int main(int argc, char **argv) {
    snprintf(dir, sizeof dir, "%s", argv[1]);
    const char *files[] = { "b.txt", "a.txt", "c.dat", "file10.txt", "file9.txt" };
    for (int i = 0; i < 5; i++) { FILE *f = fopen(at(files[i]), "w"); fputs(files[i], f); fclose(f); }
    DIR *d = opendir(dir); int n = 0, dots = 0; struct dirent *e; long pos = telldir(d);
    while ((e = readdir(d))) { n++; dots += e->d_name[0] == '.'; }
    rewinddir(d); seekdir(d, pos); printf("readdir %d entries (%d dot) dirfd %d", n, dots, dirfd(d) >= 0); closedir(d);
    int fd = open(dir, O_RDONLY | O_DIRECTORY); DIR *d2 = fdopendir(fd); printf(" fdopendir %d\n", readdir(d2) != NULL); closedir(d2);
    struct dirent **list = NULL; int m = scandir(dir, &list, only_txt, alphasort); printf("scandir alphasort");
    for (int i = 0; i < m; i++) { printf(" %s", list[i]->d_name); free(list[i]); } free(list);
    m = scandir(dir, &list, only_txt, versionsort); printf(" | versionsort"); for (int i = 0; i < m; i++) { printf(" %s", list[i]->d_name); free(list[i]); } free(list); printf("\n");
    glob_t g; char pat[4200]; snprintf(pat, sizeof pat, "%s/*.t?t", dir); printf("glob %d", glob(pat, 0, NULL, &g)); for (size_t i = 0; i < g.gl_pathc; i++) printf(" %s", strrchr(g.gl_pathv[i], '/') + 1); globfree(&g);
    printf(" fnmatch %d %d %d\n", fnmatch("a*[0-9]?", "abc12", 0), fnmatch("*.C", "x.c", FNM_CASEFOLD), fnmatch("a/*", "a/b/c", FNM_PATHNAME) != 0);
    regex_t re; regmatch_t mt[3]; char eb[64];
    printf("regcomp %d", regcomp(&re, "([a-z]+)-([0-9]+)", REG_EXTENDED)); printf(" regexec %d", regexec(&re, "xx abc-123 yy", 3, mt, 0));
    printf(" [%d,%d) [%d,%d)", (int)mt[1].rm_so, (int)mt[1].rm_eo, (int)mt[2].rm_so, (int)mt[2].rm_eo); regfree(&re);
    int rc = regcomp(&re, "a[", 0); regerror(rc, &re, eb, sizeof eb); printf(" regerror %s\n", eb);
    char p1[] = "/usr/lib/libc.so", p2[] = "/usr/lib/libc.so"; printf("dirname %s basename %s\n", dirname(p1), basename(p2));
    struct passwd *pw = getpwuid(0), pwb, *pwr; char pbuf[1024]; struct group *gr = getgrgid(0);
    printf("getpwuid %s getpwnam %d getpwuid_r %d getpwnam_r %d getgrgid %s getgrnam %d\n", pw ? pw->pw_name : "?", getpwnam("root") != NULL, getpwuid_r(0, &pwb, pbuf, sizeof pbuf, &pwr) == 0 && pwr, getpwnam_r("root", &pwb, pbuf, sizeof pbuf, &pwr) == 0 && pwr, gr ? gr->gr_name : "?", getgrnam("root") != NULL);
    int pfd[2]; pipe(pfd); write(pfd[1], "x", 1); struct pollfd pf = { pfd[0], POLLIN, 0 }; printf("poll %d revents %d\n", poll(&pf, 1, 0), pf.revents & POLLIN); close(pfd[0]); close(pfd[1]);
    struct utimbuf ub = { 1000000000, 1000000000 }; struct stat st; utime(at("a.txt"), &ub); stat(at("a.txt"), &st); printf("utime %ld", (long)st.st_mtime);
    struct timeval tv[2] = { { 1100000000, 0 }, { 1100000000, 0 } }; utimes(at("a.txt"), tv); stat(at("a.txt"), &st); printf(" utimes %ld", (long)st.st_mtime);
    struct timespec ts[2] = { { 1200000000, 0 }, { 1200000000, 0 } }; int afd = open(at("a.txt"), O_RDONLY); futimens(afd, ts); fstatat(AT_FDCWD, at("a.txt"), &st, 0); printf(" futimens %ld", (long)st.st_mtime);
    ts[1].tv_sec = 1300000000; utimensat(AT_FDCWD, at("a.txt"), ts, 0); stat(at("a.txt"), &st); printf(" utimensat %ld\n", (long)st.st_mtime);
    mode_t old = umask(022); chmod(at("b.txt"), 0640); stat(at("b.txt"), &st); printf("umask %03o chmod %03o", (unsigned)old & 0777 ? 1 : 1, (unsigned)st.st_mode & 0777);
    fchmod(afd, 0600); fstat(afd, &st); printf(" fchmod %03o", (unsigned)st.st_mode & 0777); fchmodat(AT_FDCWD, at("a.txt"), 0644, 0); stat(at("a.txt"), &st); printf(" fchmodat %03o", (unsigned)st.st_mode & 0777); close(afd);
    printf(" mkfifo %d mknod %d\n", mkfifo(at("fifo"), 0600), mknod(at("node"), S_IFREG | 0600, 0)); umask(old);
    struct tm tm; memset(&tm, 0, sizeof tm); char *rest = strptime("2024-02-29 13:45:10 rest", "%Y-%m-%d %H:%M:%S", &tm);
    setenv("TZ", "UTC", 1); tzset(); struct timespec tres;
    printf("strptime %d-%d-%d %d:%d:%d [%s] timegm %lld timelocal %lld clock_getres %d\n", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, rest, (long long)timegm(&tm), (long long)timelocal(&tm), clock_getres(CLOCK_MONOTONIC, &tres));
    int v[] = { 3, 1, 4, 1, 5, 9, 2, 6 }, dirn = -1; qsort_r(v, 8, sizeof *v, by_int_desc, &dirn); printf("qsort_r"); for (int i = 0; i < 8; i++) printf(" %d", v[i]);
    printf(" strverscmp %d %d", strverscmp("file9", "file10") < 0, strverscmp("a", "a")); char fr[] = "abcdef"; strfry(fr); char mf[] = "hide"; memfrob(mf, 4); memfrob(mf, 4); printf(" strfry %zu memfrob %s\n", strlen(fr), mf);
    fflush(stderr); FILE *saved = fdopen(dup(2), "w"); freopen(at("stderr.txt"), "w", stderr);
    warn("warn %d", 1); warnx("warnx %d", 2); verr_call("v %s", "args"); error(0, 0, "error %d", 3); error_at_line(0, 0, "file.c", 7, "at line");
    fflush(stderr); FILE *r = fopen(at("stderr.txt"), "r"); char line[256];
    while (fgets(line, sizeof line, r)) { char *c = strstr(line, ": "); printf("stderr:%s", c ? c + 1 : line); } fclose(r); fclose(saved);
    printf("err, errx, verr, verrx: not called (they exit)\n");
    return 0;
}
