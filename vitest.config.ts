import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // QEMU boots and toolchain runs are slow under TCG; each test sets its own
    // guest timeout well inside this.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // Files run in parallel on both cores; QEMU tests use -snapshot overlays.
    fileParallelism: true,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
