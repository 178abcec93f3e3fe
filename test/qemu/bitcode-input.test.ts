// Both engine kernels (interp and jit) read tinyllama.bc from the data volume:
// whatever is wrong with it ends in a named error and the engine's exit code,
// never a hang or a trap.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../build/exitcodes.ts';
import { guestCFlags } from '../../build/kernel.ts';
import { tools } from '../../build/toolchain.ts';
import { bootTest } from '../helpers/guest.ts';
import { testImage, withDataFiles } from '../helpers/images.ts';
import { tempDir } from '../helpers/tempdir.ts';

let defaultImg: string;
let unresolvedBc: Buffer;

beforeAll(async () => {
  defaultImg = (await testImage('default')).image;
  const dir = tempDir('unresolved-');
  writeFileSync(join(dir, 'app.c'), 'int launch_rockets(int n);\nint app_main(void) { return launch_rockets(3); }\n');
  await execa(tools.clang, [...guestCFlags, '-emit-llvm', '-c', join(dir, 'app.c'), '-o', join(dir, 'app.bc')]);
  unresolvedBc = readFileSync(join(dir, 'app.bc'));
});

const T = 60_000;
const replaceBitcode = (image: string, data: (old: Buffer) => Buffer) =>
  withDataFiles(image, (files) => files.map((f) => (f.name === 'tinyllama.bc' ? { ...f, data: data(Buffer.from(f.data)) } : f)));

describe.each(['interp', 'jit'] as const)('%s mode: bad bitcode', (mode) => {
  it("a corrupted tinyllama.bc is the engine's clear error, exit 9", async () => {
    const image = replaceBitcode(defaultImg, (data) => {
      for (let i = 200; i < data.length; i += 97) data[i] ^= 0x5a;
      return data;
    });
    const r = await bootTest({ image, options: { mode }, timeoutMs: T });
    expect(r.outcome).toBe('exit');
    expect(r.guestCode).toBe(exitCodes.badBitcode);
    expect(r.text).toMatch(/error: tinyllama\.bc: bitcode: /);
    expect(r.events.find((e) => e.ev === 'error')).toMatchObject({ code: exitCodes.badBitcode });
  });

  it('a truncated tinyllama.bc, exit 9', async () => {
    const image = replaceBitcode(defaultImg, (data) => data.subarray(0, 1000));
    const r = await bootTest({ image, options: { mode }, timeoutMs: T });
    expect(r.guestCode).toBe(exitCodes.badBitcode);
    expect(r.text).toMatch(/error: tinyllama\.bc: bitcode: /);
  });

  it('no tinyllama.bc in the data volume, exit 9', async () => {
    const image = withDataFiles(defaultImg, (files) => files.filter((f) => f.name !== 'tinyllama.bc'));
    const r = await bootTest({ image, options: { mode }, timeoutMs: T });
    expect(r.guestCode).toBe(exitCodes.badBitcode);
    expect(r.text).toContain('error: the data volume has no tinyllama.bc');
  });

  it('an external the kernel does not provide is named, exit 10', async () => {
    const image = replaceBitcode(defaultImg, () => unresolvedBc);
    const r = await bootTest({ image, options: { mode }, timeoutMs: T });
    expect(r.guestCode).toBe(exitCodes.unresolved);
    expect(r.text).toMatch(/error: tinyllama\.bc: .*launch_rockets/);
  });
});
