// Long runs (npm run test:full): the engine running its own bitcode with the JIT on,
// over the whole conformance suite (npm test runs a few cases of it).
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../../build/engine.ts';
import { fromRoot } from '../../build/paths.ts';

let bfi: string;
let interpreterBc: string;
beforeAll(async () => {
  ({ bfi, interpreterBc } = await buildEngine());
});

describe('self-hosting with the JIT', () => {
  it.each([['--jit'], ['--jit-threshold 1']])('bfi %s interpreter.bc case.bc: every case at O2, like native', async (flags) => {
    const r = await execa(process.execPath, [fromRoot('test', 'engine', 'run-suite.mjs'), '--engine', bfi, '--levels', 'O2',
      '--self', interpreterBc, '--engine-args', flags], { reject: false, all: true, timeout: 1_800_000 });
    const failures = (r.all ?? '').split('\n').filter((l) => l.startsWith('FAIL')).join('\n');
    expect(r.all, failures).toMatch(/engine suite: (\d+) passed, 0 failed of \1 /);
    expect(r.exitCode, failures).toBe(0);
  });
});
