// A kernel source's compile step lists every header directory as its input, so
// a changed header recompiles it. A header in a directory the list misses left
// stale objects in the kernels (jit/jit.h's JitCode grew; exec.c's object kept
// the old layout and the jit kernel trapped).
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { headerDirs } from '../../build/kernel.ts';
import { fromRoot } from '../../build/paths.ts';

it('every C header of the kernels and the engine is in a directory whose headers are compile inputs', () => {
  const tracked = execFileSync('git', ['ls-files', '*.h'], { cwd: fromRoot(), encoding: 'utf8' }).split('\n').filter(Boolean);
  const sourceHeaders = tracked.filter((h) => !h.startsWith('test/'));
  expect(sourceHeaders.length).toBeGreaterThan(10);
  expect(sourceHeaders.filter((h) => !headerDirs.includes(dirname(h)))).toEqual([]);
});
