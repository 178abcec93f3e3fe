/* exit() called from deep inside nested calls and a callback invoked by native qsort; atexit handlers run; stdout flushed */
#include <stdio.h>
#include <stdlib.h>
static int depth_reached;
static void handler1(void) { printf("atexit handler 1 (depth %d)\n", depth_reached); }
static void handler2(void) { printf("atexit handler 2\n"); }
static int cmp(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    if (x == 13 || y == 13) { printf("unlucky 13 seen inside comparator, exiting\n"); exit(42); }
    return x - y;
}
static void dive(int d) { depth_reached = d; if (d == 50) { int arr[] = { 5, 3, 9, 13, 1, 7 }; qsort(arr, 6, sizeof *arr, cmp); printf("not reached\n"); } dive(d + 1); }
int main(void) {
    atexit(handler1); atexit(handler2);
    printf("start\n");
    int arr[] = { 4, 2, 8, 6 }; qsort(arr, 4, sizeof *arr, cmp); printf("sorted %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);
    dive(0);
    return 0;
}
