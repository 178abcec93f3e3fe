// Issue 12's first step in QEMU: the meta kernel. The native engine runs
// runtime.bc (the engine itself, guest flavour, as bitcode from the data
// volume) with its JIT on; that engine runs tinyllama.bc with its own JIT and
// generates exactly what the AOT kernel generates.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../../build/image-build.ts';
import { defaultBootOptions } from '../../build/options.ts';
import { bootStages, bootTest, tokenIds } from '../helpers/guest.ts';
import { withLock } from '../helpers/images.ts';
import { tempDir } from '../helpers/tempdir.ts';

const full = !!process.env.BAREFLOW_FULL;
const T = 240_000;
let image: string;

beforeAll(async () => {
  // A private image: other test files and builds write images/test concurrently.
  image = (await withLock(() => buildImage({ out: join(tempDir('meta-'), 'meta.img'), defaults: defaultBootOptions }))).image;
}, 600_000);

describe('meta mode: the engine runs the engine, which runs tinyllama', () => {
  it('boots the meta kernel: both JITs compile, the same tokens as aot', async () => {
    const options = { prompt: 'Once upon a time', steps: 12, temperature: 0 };
    const [aot, meta] = await Promise.all([
      bootTest({ image, options: { ...options, mode: 'aot' }, timeoutMs: T }),
      bootTest({ image, options: { ...options, mode: 'meta' }, timeoutMs: T }),
    ]);
    expect(aot.guestCode).toBe(0);
    expect(meta.badEvents).toEqual([]);
    expect(meta.outcome).toBe('exit');
    expect(meta.guestCode).toBe(0);
    expect(meta.events[0]).toEqual({ ev: 'kernel', kernel: 'meta', mode: 'meta' });
    expect(meta.text).toContain('BareFlow kernel (mode meta)');
    expect(bootStages(meta.events)).toEqual(['stage1', 'stage2', 'loaded', 'kernel', 'kmain', 'app']);
    // runtime.bc by the native engine, then tinyllama.bc by runtime.bc's engine.
    expect(meta.events.filter((e) => e.ev === 'bitcode').map((e) => e.name)).toEqual(['runtime.bc', 'tinyllama.bc']);
    const compiles = meta.events.filter((e) => e.ev === 'compile');
    const runtime = compiles.filter((e) => e.layer === 'runtime').map((e) => e.name);
    const app = compiles.filter((e) => e.layer === 'app').map((e) => e.name);
    expect(compiles.length).toBe(runtime.length + app.length);
    // The native engine compiled parts of the engine (its reader, lowering, the JIT itself) ...
    expect(runtime, runtime.join(', ')).toEqual(expect.arrayContaining(['fn_parse', 'lower']));
    // ... and the engine in runtime.bc compiled tinyllama's forward pass.
    expect(app, app.join(', ')).toContain('forward');
    expect(tokenIds(meta.events)).toEqual(tokenIds(aot.events));
    expect(tokenIds(aot.events)).toHaveLength(12);
    const story = (text: string) => text.split('\n').slice(1).join('\n');
    expect(story(meta.text)).toBe(story(aot.text));
  }, T);

  it('jit_threshold=0: both engines compile every function at its first call, the same tokens', async () => {
    const options = { prompt: 'Once upon a time', steps: 8, temperature: 0 };
    const [aot, meta] = await Promise.all([
      bootTest({ image, options: { ...options, mode: 'aot' }, timeoutMs: T }),
      bootTest({ image, options: { ...options, mode: 'meta', jit_threshold: 0 }, timeoutMs: T }),
    ]);
    expect(meta.guestCode).toBe(0);
    expect(meta.badEvents).toEqual([]);
    const compiles = meta.events.filter((e) => e.ev === 'compile');
    // The first function the native engine runs is runtime.bc's app_main: compiled before it runs.
    expect(compiles[0]).toMatchObject({ layer: 'runtime', name: 'app_main', token: 0 });
    expect(compiles.filter((e) => e.layer === 'app').map((e) => e.name)).toContain('forward');
    expect(tokenIds(meta.events)).toEqual(tokenIds(aot.events));
  }, T);

  it.runIf(full)('40 steps, sampled: the same tokens as aot', async () => {
    const options = { prompt: 'Once upon a time', steps: 40, temperature: 0.8, topp: 0.9, seed: 42 };
    const [aot, meta] = await Promise.all([
      bootTest({ image, options: { ...options, mode: 'aot' }, timeoutMs: T }),
      bootTest({ image, options: { ...options, mode: 'meta' }, timeoutMs: 2 * T }),
    ]);
    expect(meta.guestCode).toBe(0);
    expect(meta.badEvents).toEqual([]);
    expect(tokenIds(meta.events)).toEqual(tokenIds(aot.events));
    expect(tokenIds(aot.events)).toHaveLength(40);
  }, 3 * T);
});
