import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/full holds the long runs: `npm run test:full` (BAREFLOW_FULL=1) adds them.
    include: ['test/**/*.test.ts'],
    exclude: process.env.BAREFLOW_FULL ? [] : ['test/full/**'],
    // QEMU boots and toolchain runs are slow under TCG; each test sets its own
    // guest timeout well inside this.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // Files run in parallel on both cores; QEMU tests use -snapshot overlays.
    fileParallelism: true,
  },
});
