/* unistd.h, fcntl.h, sys/mman.h, sys/stat.h, time.h: files, descriptors, processes and clocks,
   one call each (interpreter/LIBC.md); argv[1] is a scratch directory. Not called (they change
   the machine or the session): sethostname, setdomainname, sethostid, acct, profil, vhangup,
   chroot, daemon, setsid, setuid/setgid and friends beyond a no-op, brk/sbrk, sync, pause, getpass. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <time.h>
#include <getopt.h>
#include <locale.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <sys/syscall.h>
int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    char p[512], q[512], buf[256];
    snprintf(p, sizeof p, "%s/u.bin", dir); snprintf(q, sizeof q, "%s/u.lnk", dir);
    int fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0644);
    printf("open %d write %zd", fd > 2, write(fd, "0123456789abcdef", 16));
    printf(" lseek %ld", (long)lseek(fd, 4, SEEK_SET)); printf(" read %zd %.4s", read(fd, buf, 4), buf);
    printf(" pread %zd %.2s pwrite %zd\n", pread(fd, buf, 2, 10), buf, pwrite(fd, "XY", 2, 0));
    struct stat st; fstat(fd, &st); printf("fstat %ld", (long)st.st_size); stat(p, &st); printf(" stat %o", st.st_mode & 0777);
    printf(" fcntl %d", fcntl(fd, F_GETFL) & O_ACCMODE); printf(" fsync %d fdatasync %d", fsync(fd), fdatasync(fd));
    printf(" ftruncate %d", ftruncate(fd, 8)); printf(" posix_fallocate %d posix_fadvise %d", posix_fallocate(fd, 0, 8), posix_fadvise(fd, 0, 8, POSIX_FADV_NORMAL));
    printf(" lockf %d\n", lockf(fd, F_TLOCK, 0));
    char *m = mmap(0, 8, PROT_READ, MAP_PRIVATE, fd, 0); printf("mmap %.8s", m); printf(" munmap %d\n", munmap(m, 8));
    int d2 = dup(fd), d3 = dup2(fd, 20); printf("dup %d dup2 %d close %d %d\n", d2 > 2, d3, close(d2), close(d3));
    close(fd);
    printf("truncate %d access %d faccessat %d\n", truncate(p, 4), access(p, R_OK), faccessat(AT_FDCWD, p, W_OK, 0));
    printf("symlink %d readlink %zd lstat %d", symlink(p, q), readlink(q, buf, sizeof buf), lstat(q, &st)); printf(" S_ISLNK %d unlink %d", S_ISLNK(st.st_mode), unlink(q));
    printf(" link %d unlinkat %d", link(p, q), unlinkat(AT_FDCWD, q, 0));
    printf(" linkat %d", linkat(AT_FDCWD, p, AT_FDCWD, q, 0)); unlink(q);
    printf(" symlinkat %d readlinkat %zd", symlinkat(p, AT_FDCWD, q), readlinkat(AT_FDCWD, q, buf, sizeof buf)); unlink(q);
    fd = openat(AT_FDCWD, p, O_RDONLY); printf(" openat %d", fd > 2); close(fd);
    fd = creat(q, 0600); printf(" creat %d", fd > 2); close(fd); unlink(q); unlink(p);
    snprintf(q, sizeof q, "%s/sub", dir); printf(" mkdir %d rmdir %d\n", mkdir(q, 0755), rmdir(q));
    char cwd[512]; getcwd(cwd, sizeof cwd); printf("chdir %d", chdir(dir)); char c2[512]; printf(" getcwd %d", strcmp(getcwd(c2, sizeof c2), cwd) != 0);
    fd = open(cwd, O_RDONLY); printf(" fchdir %d", fchdir(fd)); close(fd);
    printf(" chown %d fchownat %d lchown %d", chown(dir, getuid(), getgid()), fchownat(AT_FDCWD, dir, -1, -1, 0), lchown(dir, -1, -1));
    fd = open(dir, O_RDONLY); printf(" fchown %d", fchown(fd, -1, -1)); close(fd); printf("\n");
    int pf[2]; printf("pipe %d", pipe(pf)); pid_t pid = fork();
    if (pid == 0) { close(pf[0]); write(pf[1], "child", 5); _exit(3); }
    close(pf[1]); ssize_t n = read(pf[0], buf, 5); int status; waitpid(pid, &status, 0); close(pf[0]);
    printf(" fork/read %zd %.5s waitpid exit %d\n", n, buf, WEXITSTATUS(status));
    pid = fork(); if (pid == 0) { char *av[] = { "sh", "-c", "exit 5", 0 }; execv("/bin/sh", av); _exit(99); }
    waitpid(pid, &status, 0); printf("execv %d", WEXITSTATUS(status));
    pid = fork(); if (pid == 0) { execl("/bin/sh", "sh", "-c", "exit 6", (char *)0); _exit(99); } waitpid(pid, &status, 0); printf(" execl %d", WEXITSTATUS(status));
    pid = fork(); if (pid == 0) { execlp("sh", "sh", "-c", "exit 7", (char *)0); _exit(99); } waitpid(pid, &status, 0); printf(" execlp %d", WEXITSTATUS(status));
    pid = fork(); if (pid == 0) { char *av[] = { "sh", "-c", "exit 8", 0 }; execvp("sh", av); _exit(99); } waitpid(pid, &status, 0); printf(" execvp %d", WEXITSTATUS(status));
    pid = fork(); if (pid == 0) { char *av[] = { "sh", "-c", "exit 9", 0 }; char *ev[] = { 0 }; execve("/bin/sh", av, ev); _exit(99); } waitpid(pid, &status, 0); printf(" execve %d", WEXITSTATUS(status));
    pid = fork(); if (pid == 0) { execle("/bin/sh", "sh", "-c", "exit 10", (char *)0, (char *[]){ 0 }); _exit(99); } waitpid(pid, &status, 0); printf(" execle %d\n", WEXITSTATUS(status));
    printf("getpid %d getppid %d getpgrp %d getpgid %d getsid %d setpgid %d\n", getpid() > 0, getppid() > 0, getpgrp() > 0, getpgid(0) > 0, getsid(0) > 0, setpgid(0, 0));
    printf("ids %d %d %d %d getgroups %d setuid %d seteuid %d setgid %d setegid %d setreuid %d setregid %d\n", getuid() == geteuid(), getgid() == getegid(), 1, 1,
           getgroups(0, 0) >= 0, setuid(getuid()), seteuid(geteuid()), setgid(getgid()), setegid(getegid()), setreuid(-1, -1), setregid(-1, -1));
    printf("sysconf %d pathconf %d fpathconf %d confstr %d getpagesize %d getdtablesize %d\n", sysconf(_SC_PAGESIZE) == 4096, pathconf("/", _PC_NAME_MAX) > 0,
           fpathconf(0, _PC_PIPE_BUF) > 0, confstr(_CS_PATH, buf, sizeof buf) > 0, getpagesize(), getdtablesize() > 0);
    printf("isatty %d ttyname %d ttyname_r %d ttyslot %d tcgetpgrp %d tcsetpgrp %d\n", isatty(0), ttyname(0) == 0, ttyname_r(0, buf, sizeof buf) != 0, ttyslot() <= 0,
           tcgetpgrp(0) == -1, tcsetpgrp(0, getpgrp()) == -1);
    printf("getlogin %d getlogin_r %d gethostname %d getdomainname %d gethostid %d\n", 1, getlogin_r(buf, sizeof buf) >= 0 || 1, gethostname(buf, sizeof buf), getdomainname(buf, sizeof buf), gethostid() == gethostid());
    setusershell(); printf("getusershell %d", getusershell() != 0); endusershell();
    printf(" nice %d alarm %u ualarm %u sleep %u usleep %d getentropy %d syscall %d closefrom ok\n", nice(0) >= 0, alarm(0), ualarm(0, 0), sleep(0), usleep(1), getentropy(buf, 16), (int)syscall(SYS_getpid) == getpid());
    closefrom(30);
    char *av[] = { "prog", "-a", "-b", "val", "--long", "x", 0 }; int c; opterr = 0;
    printf("getopt"); while ((c = getopt(4, av, "ab:")) != -1) printf(" %c%s", c, c == 'b' ? optarg : ""); printf(" optind %d", optind);
    static struct option lo[] = { { "long", 1, 0, 'L' }, { 0, 0, 0, 0 } }; optind = 1;
    printf(" getopt_long"); while ((c = getopt_long(6, av, "ab:", lo, 0)) != -1) printf(" %c", c); optind = 1;
    while ((c = getopt_long_only(6, av, "ab:", lo, 0)) != -1) { } printf(" getopt_long_only %d optopt %d\n", optind, optopt);
    extern char **environ; printf("environ %d\n", environ && environ[0] != 0);
    fd_set rs; FD_ZERO(&rs); struct timeval tv = { 0, 0 }; struct timespec ts = { 0, 0 };
    printf("select %d pselect %d\n", select(0, &rs, 0, 0, &tv), pselect(0, &rs, 0, 0, &ts, 0));
    time_t t0 = 86400 * 365 + 3600; struct tm tm, *g = gmtime(&t0); char tb[64];
    strftime(tb, sizeof tb, "%Y-%m-%d %H:%M:%S", g); printf("gmtime/strftime %s", tb); gmtime_r(&t0, &tm); printf(" gmtime_r %d", tm.tm_year);
    setenv("TZ", "UTC", 1); printf(" mktime %ld localtime %d localtime_r %d", (long)mktime(&tm), localtime(&t0)->tm_hour, localtime_r(&t0, &tm)->tm_mday);
    printf(" difftime %g asctime %s", difftime(10, 4), asctime(&tm)); printf("ctime %s", ctime(&t0));
    struct timespec sl = { 0, 1000 }; printf("nanosleep %d time %d clock_gettime %d\n", nanosleep(&sl, 0), time(0) > 1600000000, clock_gettime(CLOCK_REALTIME, &ts));
    return 0;
}
