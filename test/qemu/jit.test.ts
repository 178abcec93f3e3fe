// Phase 3a in QEMU: the jit kernel runs tinyllama.bc under the engine with the
// JIT on, compiles what gets hot, says so in its events, and generates exactly
// what the AOT kernel generates.
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../build/exitcodes.ts';
import { bootBesideAot, bootStages, bootTest, sameAsAotCases } from '../helpers/guest.ts';
import { timeline } from '../../build/timeline.ts';
import { testImage } from '../helpers/images.ts';

let defaultImg: string;
let storiesImg: string;

beforeAll(async () => {
  defaultImg = (await testImage('default')).image;
  storiesImg = (await testImage('stories')).image;
});

const T = 240_000;

describe('jit mode: the engine and its JIT on bare metal', () => {
  it('boots the jit kernel and reports each function it compiles', async () => {
    const r = await bootTest({ image: defaultImg, options: { mode: 'jit', steps: 16 }, timeoutMs: T });
    expect(r.badEvents).toEqual([]);
    expect(r.outcome).toBe('exit');
    expect(r.guestCode).toBe(0);
    expect(r.events[0]).toEqual({ ev: 'kernel', kernel: 'jit', mode: 'jit' });
    expect(r.text).toContain('BareFlow kernel (mode jit)');
    expect(bootStages(r.events)).toEqual(['stage1', 'stage2', 'loaded', 'kernel', 'kmain', 'app']);
    const kinds = r.events.map((e) => e.ev).filter((k) => !['token', 'split', 'boot', 'memory', 'compile'].includes(k));
    // cache: the test image's cache part is empty (a cold boot); cache_write: what it compiled, saved (to the -snapshot overlay here).
    expect(kinds).toEqual(['kernel', 'bitcode', 'cache', 'load', 'prompt', 'done', 'decode', 'cache_write', 'exit']);
    expect(r.events.find((e) => e.ev === 'cache')).toMatchObject({ state: 'empty', why: 'A: empty; B: empty' });
    const compiles = r.events.filter((e) => e.ev === 'compile');
    const forward = compiles.find((e) => e.name === 'forward');
    expect(forward, `compiled: ${compiles.map((e) => e.name).join(', ')}`).toBeDefined();
    expect(forward!.ins as number).toBeGreaterThan(100);
    expect(forward!.bytes as number).toBeGreaterThan(1000);
    expect(forward!.cycles as number).toBeGreaterThan(0);
    // Each compile event comes after the token events it counts.
    for (const c of compiles) {
      const before = r.events.slice(0, r.events.indexOf(c)).filter((e) => e.ev === 'token').length;
      expect(c.token).toBe(before);
    }
    // Right after each token event, the engine's time split so far: the report's timeline.
    const splits = r.events.filter((e) => e.ev === 'split');
    expect(splits.map((e) => [e.layer, e.token])).toEqual(Array.from({ length: 16 }, (_, i) => ['app', i + 1]));
    for (const e of r.events.filter((e) => e.ev === 'token')) expect(r.events[r.events.indexOf(e) + 1].ev).toBe('split');
    const t = timeline(r.events)!;
    expect(t.rows.flatMap((row) => row.amounts).every((n) => n >= 0)).toBe(true);
    const [interpreting, native] = t.rows.at(-1)!.amounts;
    expect(native).toBeGreaterThan(interpreting); // forward runs compiled by then
  });

  it.each(sameAsAotCases)('%s: same token ids and text as aot mode', async (_, which, options) => {
    const { other: jit } = await bootBesideAot(which === 'default' ? defaultImg : storiesImg, 'jit', options, T);
    expect(jit.events.some((e) => e.ev === 'compile' && e.name === 'forward')).toBe(true);
  });
});

describe('jit mode: the jit_threshold boot option', () => {
  it('0 compiles every function at its first call, and generates the same', async () => {
    const options = { prompt: 'Once upon a time', steps: 16 };
    const { other: jit } = await bootBesideAot(defaultImg, 'jit', { ...options, jit_threshold: 0 }, T);
    const compiled = jit.events.filter((e) => e.ev === 'compile');
    // forward and sample run once per token: compiled at their first call, not from a hot loop.
    expect(compiled.filter((e) => !e.osr).map((e) => e.name)).toEqual(expect.arrayContaining(['forward', 'sample']));
    expect(compiled.filter((e) => e.name === 'forward')).toHaveLength(1);
  });

  it('a value that is not a whole number is refused by the guest, exit 2', async () => {
    const r = await bootTest({ image: defaultImg, options: { mode: 'jit' }, rawOptions: { jit_threshold: '1e3' }, timeoutMs: 60_000 });
    expect(r.guestCode).toBe(exitCodes.badOption);
    expect(r.text).toContain("error: option jit_threshold: '1e3' is not a whole number in [0, 429496729]");
  });
});
