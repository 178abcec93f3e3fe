// The TypeScript (build, CLI, tests) type-checks: tsx runs it without checking,
// so a type error would otherwise only show in an editor.
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { fromRoot } from '../../build/paths.ts';

it('tsc --noEmit reports no errors', async () => {
  const r = await execa(fromRoot('node_modules', '.bin', 'tsc'), ['--noEmit', '-p', fromRoot('tsconfig.json')], { reject: false, timeout: 120_000 });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
}, 120_000);
