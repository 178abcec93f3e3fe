/* The conformance suite's bytecode VM, ten times longer: a dispatch-bound benchmark. */
#define ITERATIONS 3000000
#include "../cases/vm.c"
