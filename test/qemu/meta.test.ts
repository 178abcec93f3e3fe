// Issue 12 in QEMU: the meta kernel. The native engine, without an emitter,
// runs runtime.bc (the engine itself, guest flavour, as bitcode from the data
// volume); that engine runs tinyllama.bc with its JIT and generates exactly
// what the AOT kernel generates, and its JIT compiles runtime.bc's own hot
// functions too, which the bootstrap then calls native (guest_self.c).
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSlots, slotFunctions } from '../../build/cache-slots.ts';
import { buildImage } from '../../build/image-build.ts';
import type { BootResult } from '../../build/qemu.ts';
import type { Manifest } from '../../build/manifest.ts';
import { defaultBootOptions } from '../../build/options.ts';
import { fromRoot, sharedModels } from '../../build/paths.ts';
import { exitCodes } from '../../build/exitcodes.ts';
import { metaCategories, timeline } from '../../build/timeline.ts';
import { bootStages, bootTest, hostTokenIds, tokenIds } from '../helpers/guest.ts';
import { storiesModel, storiesTokenizer, testImage, withDataFiles, withLock } from '../helpers/images.ts';
import { tempDir } from '../helpers/tempdir.ts';

const jitSources = readdirSync(fromRoot('interpreter', 'jit'))
  .filter((f) => f.endsWith('.c'))
  .map((f) => readFileSync(fromRoot('interpreter', 'jit', f), 'utf8'));
/** Is `name` (a compile event's) a function the JIT's own sources (interpreter/jit/*.c) define? */
const definedInJit = (name: unknown): boolean =>
  typeof name === 'string' && jitSources.some((src) => new RegExp(`^[A-Za-z_][\\w \\*]*\\b${name}\\(`, 'm').test(src));

const full = !!process.env.BAREFLOW_FULL;
const T = 240_000;
let image: string;
let manifest: Manifest;

beforeAll(async () => {
  // A private image: other test files and builds write images/test concurrently.
  ({ image, manifest } = await withLock(() => buildImage({ out: join(tempDir('meta-'), 'meta.img'), defaults: defaultBootOptions })));
}, 600_000);

describe('the meta kernel: the bootstrap', () => {
  // Issue 12's target is 64 KiB (goal 16 KiB), not reached: 213.8 KiB at 3fd5795, 140.8 KiB with the
  // engine built for runtime.bc's subset of IR and for size, 102.5 KiB since the bootstrap runs the IR
  // directly (interpreter/ir_exec.c) instead of lowering it to threaded code, 87.3 KiB since it runs only
  // the runtime.bc it was built with, unverified, and calls native code through a few instructions of
  // assembly, 74.8 KiB since the C library only programs call is bitcode in runtime.bc and the
  // bootstrap's reader carries no error messages, 67.0 KiB since that reader reads only the records
  // runtime.bc has, the bootstrap lists no compiler helpers and ir_exec.c only the intrinsics
  // runtime.bc calls, 63.1 KiB since it is optimised for size across functions (mergefunc, blocks in
  // source order), the maths no kernel code calls are runtime.bc's and it has no fault= hook
  // (interpreter/README.md). The ceiling is the issue's target; it catches lowering, the verifier or
  // the emitter coming back (the jit kernel's JIT and cache part is 117 KiB).
  it('is at most 64 KiB loaded, with the JIT driver but not the emitter, lowering nor the verifier, its bytes by part summing to what stage2 loads', () => {
    const meta = manifest.kernels.find((k) => k.name === 'meta')!;
    const jitPart = (k: (typeof manifest.kernels)[number]) => k.parts.find((p) => p.part === 'JIT and cache (interpreter/jit/, cache/)')?.bytes ?? 0;
    expect(meta.bytes).toBe(manifest.parts.find((p) => p.name === 'meta')!.bytes);
    expect(meta.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(meta.parts.find((p) => p.part.startsWith('engine: lowering'))).toBeUndefined();
    expect(meta.parts.find((p) => p.part.startsWith('engine: verifier'))?.bytes ?? 0).toBeLessThan(1024);
    expect(meta.parts.reduce((n, p) => n + p.bytes, 0)).toBe(meta.bytes);
    expect(jitPart(meta)).toBeLessThan(24 * 1024);
    expect(jitPart(manifest.kernels.find((k) => k.name === 'jit')!)).toBeGreaterThan(96 * 1024);
  });
});

describe('meta mode: the engine runs the engine, which runs tinyllama', () => {
  it('boots the meta kernel: runtime.bc\'s JIT compiles tinyllama and runtime.bc\'s own hot functions, the same tokens as aot', async () => {
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
    // Every compile is runtime.bc's JIT: of tinyllama (app), and of runtime.bc itself (runtime), installed
    // in the bootstrap: its reader (read_record, while it reads tinyllama.bc) and the JIT's own hot
    // functions (some of interpreter/jit/*.c: which ones depends on how often the emitter calls its
    // helpers), by calls (guest_meta.c: RUNTIME_THRESHOLD). The JIT's compile function runs once per
    // compile, far fewer times than that: it compiles interpreted. The dispatch loop (run) stays
    // interpreted: a 12-step boot is far from RUNTIME_LOOP_THRESHOLD.
    const compiles = meta.events.filter((e) => e.ev === 'compile');
    const names = (layer: string) => compiles.filter((e) => e.layer === layer).map((e) => e.name);
    expect(new Set(compiles.map((e) => e.layer))).toEqual(new Set(['runtime', 'app']));
    expect(names('app')).toContain('forward');
    expect(names('runtime')).toContain('read_record');
    expect(names('runtime').filter(definedInJit).length).toBeGreaterThan(0);
    expect(names('runtime')).not.toContain('forward');
    expect(names('runtime')).not.toContain('run');
    expect(compiles.map((e) => e.by)).toEqual(compiles.map(() => 'interpreted'));
    expect(meta.events.filter((e) => e.ev === 'decode').map((e) => e.layer)).toEqual([undefined, 'runtime']);
    // Both engines' time splits after every token: the report's timeline by layer. Token 1 is
    // mostly the bootstrap interpreting runtime.bc; by the last, tinyllama's forward runs compiled.
    const t = timeline(meta.events)!;
    expect(t.categories).toEqual(metaCategories);
    expect(t.rows.map((row) => row.token)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const [bootstrapInterpreting, , , compiling] = t.rows[0].amounts;
    expect(bootstrapInterpreting + compiling).toBeGreaterThan(0.9 * t.rows[0].amounts.reduce((a, b) => a + b, 0));
    expect(t.rows.at(-1)!.amounts[2]).toBeGreaterThan(0);
    expect(tokenIds(meta.events)).toEqual(tokenIds(aot.events));
    expect(tokenIds(aot.events)).toHaveLength(12);
    const story = (text: string) => text.split('\n').slice(1).join('\n');
    expect(story(meta.text)).toBe(story(aot.text));
  }, T);

  it('jit_threshold=0: runtime.bc\'s engine compiles every function of tinyllama at its first call, the same tokens', async () => {
    const options = { prompt: 'Once upon a time', steps: 8, temperature: 0 };
    const [aot, meta] = await Promise.all([
      bootTest({ image, options: { ...options, mode: 'aot' }, timeoutMs: T }),
      bootTest({ image, options: { ...options, mode: 'meta', jit_threshold: 0 }, timeoutMs: T }),
    ]);
    expect(meta.guestCode).toBe(0);
    expect(meta.badEvents).toEqual([]);
    const compiles = meta.events.filter((e) => e.ev === 'compile' && e.layer === 'app');
    // tinyllama's app_main is the first function it runs: compiled before it runs.
    expect(compiles[0]).toMatchObject({ layer: 'app', name: 'app_main', token: 0 });
    expect(compiles.map((e) => e.name)).toContain('forward');
    expect(tokenIds(meta.events)).toEqual(tokenIds(aot.events));
  }, T);

  // jit_layers switches compilation per layer: each layer off, the same tokens. With the app layer off,
  // tinyllama runs interpreted by the interpreted engine; runtime.bc's reader still reads tinyllama.bc, and
  // its bitstream.c `scalar` (a call per abbreviated operand) gets the calls that compile it (it did not
  // while runtime.bc was built with the vectorisers). Its dispatch loop (exec.c's run, entered once) takes
  // runtime_loop_threshold back-edges (every dispatch counts on one: computed goto is an indirectbr, which
  // the JIT compiles as a jump table) and the bootstrap continues that activation compiled (OSR). The
  // threshold is given (100,000, the default is 300,000): how many dispatches 8 steps take depends on how
  // much the lowering fuses (session 10's fusions took them below the default).
  it.each([
    ['app', 'runtime', 'greedy', { temperature: 0 }, ['app'], []],
    ['runtime', 'app', 'sampled', { temperature: 0.8, topp: 0.9, seed: 42 }, ['runtime'], ['runtime, by OSR']],
  ])('jit_layers=%s: no %s compiles, the same tokens as aot (%s)', async (on, off, _how, sampling, compiled, dispatchLoop) => {
    const options = { prompt: 'Once upon a time', steps: 8, ...sampling };
    const [aot, meta] = await Promise.all([
      bootTest({ image, options: { ...options, mode: 'aot' }, timeoutMs: T }),
      bootTest({ image, options: { ...options, mode: 'meta', jit_layers: on, runtime_loop_threshold: 100000 }, timeoutMs: T }),
    ]);
    expect(meta.guestCode).toBe(0);
    expect(meta.badEvents).toEqual([]);
    const layers = meta.events.filter((e) => e.ev === 'compile').map((e) => e.layer);
    expect(layers).not.toContain(off);
    expect([...new Set(layers)]).toEqual(compiled);
    const run = meta.events.filter((e) => e.ev === 'compile' && e.name === 'run');
    expect(run.map((e) => `${e.layer as string}${e.osr ? ', by OSR' : ''}`)).toEqual(dispatchLoop);
    expect(tokenIds(meta.events)).toEqual(tokenIds(aot.events));
    expect(tokenIds(aot.events)).toHaveLength(8);
  }, T);

  // Issue 12, "the runtime layer in the cache": both layers' compiled functions go to the image's cache
  // part (two slots each: build/cache-slots.ts), runtime.bc's keyed by the meta kernel and runtime.bc,
  // tinyllama's by the meta kernel and runtime.bc too (its JIT made the code) and tinyllama.bc.
  it('a cold boot saves runtime.bc\'s and tinyllama\'s compiled code, a warm boot loads both and compiles nothing', async () => {
    const options = { prompt: 'Once upon a time', steps: 8, temperature: 0 };
    const img = join(tempDir('meta-cache-'), 'meta.img');
    copyFileSync(image, img);
    const metaBoot = (at: string) => bootTest({ image: at, options: { ...options, mode: 'meta' }, timeoutMs: 2 * T, icount: true, persist: true });
    const ok = (r: BootResult) => {
      expect(r.badEvents).toEqual([]);
      expect(r.guestCode, r.text.slice(-400)).toBe(0);
    };
    const caches = (r: BootResult, ev: string) => r.events.filter((e) => e.ev === ev).map((e) => ({ layer: e.layer, state: e.state }));
    const compiled = (r: BootResult, layer?: string) => r.events.filter((e) => e.ev === 'compile' && (!layer || e.layer === layer)).map((e) => e.name as string);
    const firstToken = (r: BootResult) => (r.events.find((e) => e.ev === 'token')!.tsc_end as number) - (r.events.find((e) => e.ev === 'boot')!.tsc as number);

    const [aot, cold] = await Promise.all([bootTest({ image, options: { ...options, mode: 'aot' }, timeoutMs: T }), metaBoot(img)]);
    ok(cold);
    expect(caches(cold, 'cache')).toEqual([{ layer: 'app', state: 'empty' }, { layer: 'runtime', state: 'empty' }]);
    expect(caches(cold, 'cache_write')).toEqual([{ layer: 'app', state: 'written' }, { layer: 'runtime', state: 'written' }]);
    const bytes = readFileSync(img);
    for (const [layer, region] of [['runtime', 'meta runtime'], ['app', 'meta app']] as const) {
      const [a, b] = readSlots(bytes, region);
      expect(a, region).toMatchObject({ state: 'valid', matches: true });
      expect(b.state, region).toBe('empty');
      expect(slotFunctions(bytes, a).map((f) => f.name).sort(), region).toEqual([...new Set(compiled(cold, layer))].sort());
    }
    expect(compiled(cold, 'runtime')).toContain('read_record');
    expect(compiled(cold, 'runtime').filter(definedInJit).length).toBeGreaterThan(0);
    expect(readSlots(bytes, 'jit').map((s) => s.state)).toEqual(['empty', 'empty']);

    const warm = await metaBoot(img);
    ok(warm);
    expect(caches(warm, 'cache')).toEqual([{ layer: 'app', state: 'loaded' }, { layer: 'runtime', state: 'loaded' }]);
    // Each layer's memory layout is the cold boot's: a slot whose code holds an address-like value (saved with
    // the layout in its key) loads too. runtime.bc hands the bootstrap its cached code and its JIT only after
    // tinyllama's engine took its memory (guest_run.c): before, the warm boot's loaded runtime code moved it.
    const layouts = (r: BootResult) => r.events.filter((e) => e.ev === 'cache').map((e) => e.layout);
    expect(layouts(warm)).toEqual(layouts(cold));
    expect(layouts(cold)).toEqual([expect.stringMatching(/^[0-9a-f]{8}$/), expect.stringMatching(/^[0-9a-f]{8}$/)]);
    expect(compiled(warm)).toEqual([]);
    expect(caches(warm, 'cache_write')).toEqual([]);
    expect(tokenIds(cold.events)).toEqual(tokenIds(aot.events));
    expect(tokenIds(warm.events)).toEqual(tokenIds(aot.events));
    // the warm boot compiles neither layer (stories260K, 256 steps: 805.8M instructions to the first token cold, 93.7M warm)
    expect(firstToken(warm)).toBeLessThan(firstToken(cold) / 4);

  }, 4 * T);

  // The bootstrap runs only the runtime.bc it was built with (its CRC-32 is in the kernel): it does not verify its IR.
  it('a corrupted runtime.bc is the bootstrap\'s named error, exit 9', async () => {
    const corrupted = withDataFiles(image, (files) =>
      files.map((f) => {
        if (f.name !== 'runtime.bc') return f;
        const data = Buffer.from(f.data);
        for (let i = 200; i < data.length; i += 97) data[i] ^= 0x5a;
        return { ...f, data };
      }),
    );
    const r = await bootTest({ image: corrupted, options: { mode: 'meta' }, timeoutMs: T });
    expect(r.outcome).toBe('exit');
    expect(r.guestCode).toBe(exitCodes.badBitcode);
    expect(r.text).toMatch(/error: runtime\.bc: not the runtime\.bc this kernel was built with \(CRC-32 [0-9a-f]{8}, built with [0-9a-f]{8}\)/);
    expect(r.events.find((e) => e.ev === 'error')).toMatchObject({ code: exitCodes.badBitcode });
  }, T);

  // kernel_lib's fault= test hook is not in the meta kernel (its trap report is every kernel's, tested on aot):
  // there the option is refused by name, not ignored.
  it('fault= is an unknown boot option, exit 2', async () => {
    const r = await bootTest({ image, options: { mode: 'meta', fault: 'ud' }, timeoutMs: T });
    expect(r.outcome).toBe('exit');
    expect(r.guestCode).toBe(exitCodes.badOption);
    expect(r.text).toMatch(/error: unknown boot option 'fault' given to QEMU \(known: [^)]*\bmode, jit_threshold, jit_layers, runtime_loop_threshold, cache_stop_after, cache_write_pause\)/);
    expect(r.text).not.toContain('fault: raising');
  }, T);

  it('no runtime.bc in the data volume, exit 9', async () => {
    const missing = withDataFiles(image, (files) => files.filter((f) => f.name !== 'runtime.bc'));
    const r = await bootTest({ image: missing, options: { mode: 'meta' }, timeoutMs: T });
    expect(r.guestCode).toBe(exitCodes.badBitcode);
    expect(r.text).toContain('error: the data volume has no runtime.bc');
  }, T);

  // The real model: greedy against llama2.c's own run.c (shared/models/reference), sampled against
  // the host build of tinyllama; both through the interpreted engine's JIT as the default model is.
  it('stories260K: greedy, llama2.c run.c\'s 256 tokens and text; sampled (t=0.8, top-p 0.9), the host build\'s', async () => {
    const stories = (await testImage('stories')).image;
    const reference = (f: string) => readFileSync(join(sharedModels, 'reference', f), 'utf8');
    const greedy = { prompt: 'Once upon a time', steps: 256, temperature: 0 };
    const sampled = { prompt: 'The little dog', steps: 24, temperature: 0.8, topp: 0.9, seed: 7 };
    const [host, g, s] = await Promise.all([
      hostTokenIds(storiesModel, storiesTokenizer, sampled),
      bootTest({ image: stories, options: { ...greedy, mode: 'meta' }, timeoutMs: 2 * T }),
      bootTest({ image: stories, options: { ...sampled, mode: 'meta' }, timeoutMs: 2 * T }),
    ]);
    for (const r of [g, s]) {
      expect(r.badEvents).toEqual([]);
      expect(r.guestCode, r.text.slice(-400)).toBe(0);
    }
    expect(tokenIds(g.events)).toEqual(reference('once_upon_a_time.tokens').trim().split('\n').map(Number));
    expect(g.text).toContain(reference('once_upon_a_time.txt'));
    expect(tokenIds(s.events)).toEqual(host.ids);
    expect(host.ids).toHaveLength(24);
  }, 3 * T);

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
