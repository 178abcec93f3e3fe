/* weak undefined symbols resolve to null, as the native linker makes them: a weak function
   declaration and weak data nothing defines (tested before use, never called), a weak
   declaration the C library does define (it resolves), and a weak definition */
#include <stdio.h>
#include <string.h>
extern int bf_no_such_function(int) __attribute__((weak));
extern void bf_no_such_hook(const char *) __attribute__((weak));
extern int bf_no_such_data __attribute__((weak));
extern int bf_no_such_table[] __attribute__((weak));
extern size_t strlen(const char *) __attribute__((weak));
int answer(void) __attribute__((weak));
int answer(void) { return 42; }
static int (*volatile pick)(int) = bf_no_such_function;
int main(void) {
    printf("function: %s\n", bf_no_such_function ? "defined" : "null");
    if (bf_no_such_function) printf("called %d\n", bf_no_such_function(1));
    if (bf_no_such_hook) bf_no_such_hook("never");
    printf("data: %s\n", &bf_no_such_data ? "defined" : "null");
    printf("table: %s\n", bf_no_such_table ? "defined" : "null");
    printf("pointer: %s\n", pick ? "defined" : "null");
    printf("strlen: %s %zu\n", strlen ? "defined" : "null", strlen ? strlen("weak") : 0);
    printf("answer: %d\n", answer ? answer() : -1);
    return 0;
}
