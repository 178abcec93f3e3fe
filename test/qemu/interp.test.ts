// Phase 2 in QEMU: the bootstrap kernel interprets tinyllama.bc from the data
// volume and generates exactly what the AOT kernel generates.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../build/exitcodes.ts';
import { guestCFlags } from '../../build/kernel.ts';
import { tools } from '../../build/toolchain.ts';
import { bootStages, bootTest, tokenIds } from '../helpers/guest.ts';
import { testImage, withDataFiles } from '../helpers/images.ts';
import { tempDir } from '../helpers/tempdir.ts';

let defaultImg: string;
let storiesImg: string;

beforeAll(async () => {
  defaultImg = (await testImage('default')).image;
  storiesImg = (await testImage('stories')).image;
});

const T = 240_000;

describe('interp mode: the engine on bare metal', () => {
  it('boots the bootstrap kernel, loads and decodes tinyllama.bc, in order', async () => {
    const r = await bootTest({ image: defaultImg, options: { mode: 'interp', steps: 8 }, timeoutMs: T });
    expect(r.badEvents).toEqual([]);
    expect(r.guestCode).toBe(0);
    expect(r.text).toContain('BareFlow kernel (mode interp)');
    expect(bootStages(r.events)).toEqual(['stage1', 'stage2', 'loaded', 'kernel', 'kmain', 'app']);
    const kinds = r.events.map((e) => e.ev).filter((k) => k !== 'token' && k !== 'boot' && k !== 'memory');
    expect(kinds).toEqual(['kernel', 'bitcode', 'load', 'prompt', 'done', 'decode', 'exit']);
    const bc = r.events.find((e) => e.ev === 'bitcode')!;
    expect(bc).toMatchObject({ name: 'tinyllama.bc' });
    expect(bc.bytes as number).toBeGreaterThan(10_000);
    expect(r.events.find((e) => e.ev === 'decode')!.functions as number).toBeGreaterThan(3);
  });

  it.each([
    ['default model, greedy', 'default', { prompt: 'Once upon a time', steps: 40, temperature: 0, topp: 0.9, seed: 42 }],
    ['default model, sampled', 'default', { prompt: 'Once upon a time', steps: 40, temperature: 0.8, topp: 0.9, seed: 42 }],
    ['stories260K, greedy', 'stories', { prompt: 'The little dog', steps: 40, temperature: 0, topp: 0.9, seed: 42 }],
    ['stories260K, sampled', 'stories', { prompt: 'Once upon a time', steps: 40, temperature: 0.8, topp: 0.9, seed: 7 }],
  ])('%s: same token ids and text as aot mode', async (_, which, options) => {
    const image = which === 'default' ? defaultImg : storiesImg;
    const [aot, interp] = await Promise.all([
      bootTest({ image, options: { ...options, mode: 'aot' }, timeoutMs: T }),
      bootTest({ image, options: { ...options, mode: 'interp' }, timeoutMs: T }),
    ]);
    expect(aot.guestCode).toBe(0);
    expect(interp.guestCode).toBe(0);
    expect(tokenIds(interp.events)).toEqual(tokenIds(aot.events));
    expect(tokenIds(aot.events)).toHaveLength(40);
    const story = (text: string) => text.split('\n').slice(1).join('\n');
    expect(story(interp.text)).toBe(story(aot.text));
  });
});

describe('interp mode: bad bitcode', () => {
  it('a corrupted tinyllama.bc is the engine\'s clear error, exit 9', async () => {
    const image = withDataFiles(defaultImg, (files) =>
      files.map((f) => {
        if (f.name !== 'tinyllama.bc') return f;
        const data = Buffer.from(f.data);
        for (let i = 200; i < data.length; i += 97) data[i] ^= 0x5a;
        return { ...f, data };
      }),
    );
    const r = await bootTest({ image, options: { mode: 'interp' }, timeoutMs: 60_000 });
    expect(r.outcome).toBe('exit');
    expect(r.guestCode).toBe(exitCodes.badBitcode);
    expect(r.text).toMatch(/error: tinyllama\.bc: bitcode: /);
    expect(r.events.find((e) => e.ev === 'error')).toMatchObject({ code: exitCodes.badBitcode });
  });

  it('a truncated tinyllama.bc, exit 9', async () => {
    const image = withDataFiles(defaultImg, (files) => files.map((f) => (f.name === 'tinyllama.bc' ? { ...f, data: f.data.subarray(0, 1000) } : f)));
    const r = await bootTest({ image, options: { mode: 'interp' }, timeoutMs: 60_000 });
    expect(r.guestCode).toBe(exitCodes.badBitcode);
    expect(r.text).toMatch(/error: tinyllama\.bc: bitcode: /);
  });

  it('no tinyllama.bc in the data volume, exit 9', async () => {
    const image = withDataFiles(defaultImg, (files) => files.filter((f) => f.name !== 'tinyllama.bc'));
    const r = await bootTest({ image, options: { mode: 'interp' }, timeoutMs: 60_000 });
    expect(r.guestCode).toBe(exitCodes.badBitcode);
    expect(r.text).toContain('error: the data volume has no tinyllama.bc');
  });

  it('an external the kernel does not provide is named, exit 10', async () => {
    const dir = tempDir('unresolved-');
    const src = join(dir, 'app.c');
    const bc = join(dir, 'app.bc');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(src, 'int launch_rockets(int n);\nint app_main(void) { return launch_rockets(3); }\n');
    await execa(tools.clang, [...guestCFlags, '-emit-llvm', '-c', src, '-o', bc]);
    const image = withDataFiles(defaultImg, (files) => files.map((f) => (f.name === 'tinyllama.bc' ? { ...f, data: readFileSync(bc) } : f)));
    const r = await bootTest({ image, options: { mode: 'interp' }, timeoutMs: 60_000 });
    expect(r.guestCode).toBe(exitCodes.unresolved);
    expect(r.text).toMatch(/error: tinyllama\.bc: .*launch_rockets/);
  });
});
