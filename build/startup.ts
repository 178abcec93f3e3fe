// The CLI's start-up, for the benchmark: how long `bareflow --help` takes, and
// how much `bareflow run` adds, with the engine up to date, to a program that
// does next to nothing (against running bfi directly). Medians of a few runs:
// the machines are shared and single runs are noisy.
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEngine } from './engine.ts';
import { fromRoot } from './paths.ts';
import { runTool, tools } from './toolchain.ts';

export interface StartupTimes {
  runs: number;
  helpMs: number;
  runMs: number;
  bfiMs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function medianMs(file: string, args: string[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await execa(file, args);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Times the CLI in `dir` (a scratch folder for the test program). */
export async function startupTimes(dir: string, runs = 5): Promise<StartupTimes> {
  const src = join(dir, 'hello.c');
  const bc = join(dir, 'hello.bc');
  writeFileSync(src, '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n');
  await runTool('clang hello.c', tools.clang, ['-m32', '-O2', '-emit-llvm', '-c', src, '-o', bc]);
  const { bfi } = await buildEngine();
  const cli = fromRoot('bin', 'bareflow.js');
  await execa(process.execPath, [cli, '--help']); // recompiles dist/ if a source changed: not start-up
  return {
    runs,
    helpMs: await medianMs(process.execPath, [cli, '--help'], runs),
    runMs: await medianMs(process.execPath, [cli, 'run', bc], runs),
    bfiMs: await medianMs(bfi, [bc], runs),
  };
}
