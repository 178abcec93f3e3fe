// A run's profile from its events: where the time went (every cycle in exactly one
// phase), per-token figures over the generated positions, and COM1 text decoding.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDifferences, configShared, defaultComparison, defaultRuns } from '../../build/compare.ts';
import { textDecoderFor, type BootResult, type GuestEvent } from '../../build/qemu.ts';
import { profile, type RunConfig } from '../../build/report.ts';
import { jitCategories, metaCategories, summaryTokens, timeline } from '../../build/timeline.ts';
import { tempDir } from '../helpers/tempdir.ts';

const config: RunConfig = {
  mode: 'interp', prompt: 'a b', steps: 5, temperature: 0, topp: 0.9, seed: 42, icount: false, gdb: false,
  image: 'x.img', imageSha256: 'i'.repeat(64), modelSha256: 'm'.repeat(64),
};

const token = (pos: number, start: number, end: number): GuestEvent => ({ ev: 'token', pos, id: 10 + pos, tsc_start: start, tsc_end: end });
const events: GuestEvent[] = [
  { ev: 'boot', stage: 'stage1', tsc: 1000 },
  { ev: 'boot', stage: 'stage2', tsc: 1100 },
  { ev: 'boot', stage: 'app', tsc: 2000 },
  { ev: 'bitcode', name: 'tinyllama.bc', bytes: 1, tsc_start: 2100, tsc_end: 2600 },
  { ev: 'load', model_bytes: 1, tokenizer_bytes: 1, tsc_start: 3000, tsc_end: 5000 },
  { ev: 'prompt', tokens: [1, 11, 12] },
  token(0, 5500, 6500),
  token(1, 6600, 7600),
  token(2, 7700, 8900),
  token(3, 9000, 10400),
  token(4, 10500, 12100),
  { ev: 'done', tokens: 5, tsc: 12200 },
  { ev: 'exit', code: 0, tsc: 12300 },
];
const result: BootResult = { outcome: 'exit', guestCode: 0, qemuStatus: 1, text: '', events, badEvents: [], wallMs: 1030, stderr: '' };

describe('profile', () => {
  const p = profile({ run: 'r1', date: '2026-12-01T07:00:00.000Z', config, tscHz: 11300 }, result);

  it('puts every cycle from stage1 to exit in one phase', () => {
    expect(p.phases).toEqual({ boot: 1000, bitcode: 500, cache: 0, load: 2000, setup: 1000, generation: 6200, output: 400, exit: 200 });
    expect(Object.values(p.phases!).reduce((a, b) => a + b, 0)).toBe(12300 - 1000);
  });

  it('splits boot to first token the same way', () => {
    expect(p.bootToFirstToken).toBe(5500);
    expect(p.firstToken).toEqual({ boot: 1000, bitcode: 500, cache: 0, load: 2000, setup: 1000, generation: 1000, output: 0, exit: 0 });
  });

  it('takes per-token figures over the positions after the prompt, and keeps each position', () => {
    expect(p.tokenCosts).toEqual([1000, 1000, 1200, 1400, 1600]);
    expect(p.perToken).toEqual({ fromPos: 3, count: 2, mean: 1500, min: 1400, max: 1600 });
    expect(p.tscHz).toBe(11300);
    expect(p.tokensPerSecond).toBeCloseTo(2 / (3000 / 11300), 9);
  });

  it('records what ran', () => {
    expect(p).toMatchObject({ kind: 'bareflow-run', run: 'r1', date: '2026-12-01T07:00:00.000Z', config, unit: 'cycles' });
  });
});

describe('report without runs named', () => {
  // One run per entry: name, mode, icount, minute of its date.
  const runsIn = (runs: [string, RunConfig['mode'], boolean, number][]): string => {
    const dir = tempDir('runs-');
    for (const [run, mode, icount, minute] of runs) {
      const date = `2026-12-01T07:${String(minute).padStart(2, '0')}:00.000Z`;
      writeFileSync(join(dir, `${run}.json`), JSON.stringify(profile({ run, date, config: { ...config, mode, icount }, tscHz: 11300 }, result)));
    }
    return dir;
  };
  const picked = (dir: string): string[] => defaultRuns(dir, ['aot', 'interp'], ['jit']).profiles.map((p) => p.run);

  it('adds the newest jit run of the kind aot and interp are compared in', () => {
    expect(picked(runsIn([['a', 'aot', true, 1], ['i', 'interp', true, 2], ['j1', 'jit', true, 3], ['j2', 'jit', false, 4]]))).toEqual(['a', 'i', 'j1']);
  });

  it('leaves jit out when it has no run of that kind', () => {
    expect(picked(runsIn([['a', 'aot', true, 1], ['i', 'interp', true, 2], ['j', 'jit', false, 3]]))).toEqual(['a', 'i']);
    expect(picked(runsIn([['a', 'aot', false, 1], ['i', 'interp', false, 2]]))).toEqual(['a', 'i']);
  });
});

describe('jit runs: cold and warm starts', () => {
  // A jit run: the cache event after bitcode (300 cycles), compiles during the first token, a cache_write before the exit.
  const jitEvents = (loaded: boolean): GuestEvent[] => [
    ...events.slice(0, 4),
    loaded
      ? { ev: 'cache', state: 'loaded', slot: 'A', seq: 1, why: 'loaded 4 functions, 900 bytes', functions: 4, bytes: 1024, cycles: 300, disk_cycles: 40, tsc_start: 2650, tsc_end: 2950 }
      : { ev: 'cache', state: 'empty', why: 'A: empty; B: empty', functions: 0, bytes: 0, cycles: 300, disk_cycles: 0, tsc_start: 2650, tsc_end: 2950 },
    ...events.slice(4, 7),
    ...(loaded ? [] : [{ ev: 'compile', name: 'forward', ins: 10, bytes: 700, cycles: 400, osr: true, token: 0, tsc: 6000 }]),
    ...events.slice(7, 12),
    ...(loaded ? [] : [{ ev: 'cache_write', state: 'written', slot: 'A', seq: 1, why: '', functions: 1, bytes: 1212, cycles: 50, tsc_start: 12210, tsc_end: 12260 }]),
    events[12],
  ];
  const jitRun = (run: string, loaded: boolean, minute: number) =>
    profile({ run, date: `2026-12-01T07:${String(minute).padStart(2, '0')}:00.000Z`, config: { ...config, mode: 'jit', icount: true }, tscHz: null }, { ...result, events: jitEvents(loaded) });

  it('records cold or warm, the cache loaded and written, the compiles; the cache phase is the load and verify', () => {
    const cold = jitRun('c', false, 1);
    expect(cold.jit).toEqual({
      start: 'cold',
      cache: { state: 'empty', why: 'A: empty; B: empty', slot: null, functions: 0, bytes: 0, cycles: 300, diskCycles: 0 },
      compiles: { count: 1, cycles: 400, bytes: 700, names: ['forward'] },
      cacheWrite: { state: 'written', slot: 'A', seq: 1, functions: 1, bytes: 1212, cycles: 50 },
    });
    expect(cold.phases).toEqual({ boot: 1000, bitcode: 500, cache: 300, load: 2000, setup: 700, generation: 6200, output: 400, exit: 200 });
    const warm = jitRun('w', true, 2);
    expect(warm.jit).toMatchObject({ start: 'warm', cache: { state: 'loaded', slot: 'A', functions: 4, bytes: 1024 }, compiles: { count: 0 }, cacheWrite: null });
  });

  it('meta runs: warm only when both layers loaded; the cache figures are tinyllama\'s layer, the cache phase both loads', () => {
    const runtimeCache = (state: string): GuestEvent => ({ ev: 'cache', layer: 'runtime', state, why: '', functions: 9, bytes: 4096, cycles: 100, disk_cycles: 10, tsc_start: 2550, tsc_end: 2650 });
    const metaRun = (runtimeState: string) => {
      const evs = jitEvents(true).map((e) => (e.ev === 'cache' ? { ...e, layer: 'app' } : e));
      evs.splice(4, 0, runtimeCache(runtimeState));
      return profile({ run: 'm', date: '2026-12-01T07:05:00.000Z', config: { ...config, mode: 'meta', icount: true }, tscHz: null }, { ...result, events: evs });
    };
    const warm = metaRun('loaded');
    expect(warm.jit).toMatchObject({ start: 'warm', cache: { state: 'loaded', functions: 4, bytes: 1024 } });
    expect(warm.phases!.cache).toBe(400);
    expect(metaRun('stale').jit).toMatchObject({ start: 'cold', cache: { state: 'loaded', functions: 4 } });
  });

  it('report without runs named: the newest cold and warm jit runs against aot', () => {
    const dir = tempDir('runs-');
    const aot = profile({ run: 'a', date: '2026-12-01T07:00:00.000Z', config: { ...config, mode: 'aot', icount: true }, tscHz: null }, result);
    for (const p of [aot, jitRun('c1', false, 1), jitRun('w1', true, 2), jitRun('c2', false, 3)]) writeFileSync(join(dir, `${p.run}.json`), JSON.stringify(p));
    expect(defaultComparison(dir).profiles.map((p) => p.run)).toEqual(['a', 'c2', 'w1']);
  });
});

describe('what runs share and where they differ', () => {
  const run = (mode: RunConfig['mode'], jit_threshold?: number) =>
    profile({ run: `r-${mode}`, date: '2026-12-01T07:00:00.000Z', config: { ...config, mode, ...(jit_threshold === undefined ? {} : { jit_threshold }) }, tscHz: 1 }, result);

  it('leaves out the JIT threshold when no run set it, and names it when they differ', () => {
    expect(configShared([run('aot'), run('interp')])).not.toContain('JIT threshold');
    expect(configShared([run('jit', 5), run('jit', 5)])).toContain('JIT threshold 5');
    expect(configDifferences([run('aot'), run('jit', 0)])).toEqual(['JIT threshold (unset in r-aot, 0 in r-jit)']);
  });
});

describe('COM1 text', () => {
  it('keeps a character whose bytes arrive in different chunks', () => {
    const seen: string[] = [];
    const text = textDecoderFor((s) => seen.push(s));
    const bytes = Buffer.from('café ë');
    text.write(bytes.subarray(0, 4)); // 'caf' and the first byte of 'é'
    text.write(bytes.subarray(4, 7)); // the rest of 'é', ' ', the first byte of 'ë'
    text.write(bytes.subarray(7));
    expect(seen).toEqual(['caf', 'é ', 'ë']);
  });

  it('ends an output cut inside a character with U+FFFD', () => {
    const seen: string[] = [];
    const text = textDecoderFor((s) => seen.push(s));
    text.write(Buffer.from('ok \xc3', 'latin1'));
    text.end();
    expect(seen).toEqual(['ok ', '\ufffd']);
  });
});

describe('timeline: where each token went, from the split events', () => {
  const split = (layer: string, token: number, interpreting: number, native: number): GuestEvent => ({ ev: 'split', layer, token, interpreting, native });
  const compile = (token: number, cycles: number, by?: string): GuestEvent => ({ ev: 'compile', name: 'f', ins: 1, bytes: 1, cycles, osr: false, token, tsc: 0, ...(by ? { layer: 'app', by } : {}) });

  it('aot and interp runs have none', () => {
    expect(timeline(events)).toBeNull();
  });

  it('jit: interpreting (less compiling), native and compiling between token events', () => {
    const t = timeline([split('app', 1, 5000, 100), compile(1, 1500), split('app', 2, 7000, 900), split('app', 3, 7100, 1900), compile(3, 9)])!;
    expect(t.categories).toEqual(jitCategories);
    expect(t.rows).toEqual([
      { token: 1, amounts: [5000, 100, 0] },
      { token: 2, amounts: [500, 800, 1500] },
      { token: 3, amounts: [100, 1000, 0] },
    ]); // the compile after token 3's event belongs to no token
  });

  it('meta: the bootstrap\'s split is the whole; tinyllama\'s compiled code is carved out of its native time', () => {
    const t = timeline([
      split('runtime', 1, 9000, 300), split('app', 1, 8000, 200),
      compile(1, 2000, 'interpreted'), compile(1, 50, 'native'),
      split('runtime', 2, 12000, 1000), split('app', 2, 10500, 700),
      // runtime.bc's engine counted glue the bootstrap interpreted as native: capped at the bootstrap's native time
      split('runtime', 3, 12100, 1400), split('app', 3, 10510, 1200),
    ])!;
    expect(t.categories).toEqual(metaCategories);
    expect(t.rows).toEqual([
      { token: 1, amounts: [9000, 100, 200, 0] },
      { token: 2, amounts: [1000, 150, 500, 2050] },
      { token: 3, amounts: [100, 0, 400, 0] },
    ]);
    expect(summaryTokens(t)).toEqual([1, 2, 3]);
  });

  it('summarises a long run at 1, 2, 3, 4, the powers of two and the last token', () => {
    const rows = Array.from({ length: 100 }, (_, i) => split('app', i + 1, i, i));
    expect(summaryTokens(timeline(rows)!)).toEqual([1, 2, 3, 4, 8, 16, 32, 64, 100]);
  });
});
