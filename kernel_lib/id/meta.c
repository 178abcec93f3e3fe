/* Which kernel this is (see aot.c): the meta kernel, which runs the engine as
 * bitcode (runtime.bc) under the native engine. */
const char bf_kernel_name[] = "meta";
