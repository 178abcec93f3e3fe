/* The C library subset kernel_lib provides on bare metal, with the standard
 * names and prototypes, so application code reads like hosted C. */
#ifndef BF_LIBC_H
#define BF_LIBC_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* stdio */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int puts(const char *s);
int putchar(int c);

/* string */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
void *memchr(const void *s, int c, size_t n);
size_t strnlen(const char *s, size_t max);
char *strrchr(const char *s, int c);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
char *stpcpy(char *dst, const char *src);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **save);
char *strdup(const char *s);
char *strndup(const char *s, size_t max);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
int ffs(int x);
int ffsl(long x);
int ffsll(long long x);

/* stdlib */
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
int atoi(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
double strtod(const char *s, char **end);
double atof(const char *s);
void qsort(void *base, size_t count, size_t size, int (*cmp)(const void *, const void *));
int abs(int x);
long labs(long x);
long long llabs(long long x);
long atol(const char *s);
typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;
div_t div(int n, int d);
ldiv_t ldiv(long n, long d);
lldiv_t lldiv(long long n, long long d);
void *bsearch(const void *key, const void *base, size_t count, size_t size, int (*cmp)(const void *, const void *));
int rand(void);
void srand(unsigned seed);
long random(void);
void srandom(unsigned seed);

/* ctype (ctype.c): the C locale, as glibc's, with glibc's table layout for the macros of
   programs compiled against glibc's <ctype.h> (__ctype_b_loc and friends) */
int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int isascii(int c);
int tolower(int c);
int toupper(int c);
const unsigned short **__ctype_b_loc(void);
const int32_t **__ctype_tolower_loc(void);
const int32_t **__ctype_toupper_loc(void);
void exit(int code) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));

/* math (float versions are computed in double and rounded once) */
#define INFINITY __builtin_inff()
#define NAN __builtin_nanf("")
float sqrtf(float x);
double sqrt(double x);
float expf(float x);
double exp(double x);
float logf(float x);
double log(double x);
float powf(float x, float y);
double pow(double x, double y);
float sinf(float x);
double sin(double x);
float cosf(float x);
double cos(double x);
float tanhf(float x);
float fabsf(float x);
double fabs(double x);
float floorf(float x);
double floor(double x);
float ceilf(float x);
double ceil(double x);
float roundf(float x);
float fmodf(float x, float y);
double fmod(double x, double y);
#endif
