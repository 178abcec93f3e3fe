/* Which kernel this is, fixed when it is built (build/image-build.ts links
 * kernel_lib/id/<kernel>.c into each kernel): kmain names it in the first
 * event, so the host can tell when stage2 ran another kernel than the boot
 * mode asks for. */
const char bf_kernel_name[] = "jit";
