// Phase 4 in QEMU: the jit kernel saves what it compiled into the image's cache part and the
// next boot starts with it (warm); a torn, corrupt, forged or stale slot is never loaded, the
// boot runs cold instead, and every boot generates the same tokens.
// Each test boots its own copy of a test image (boots write it: no -snapshot overlay).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HEADER_BYTES, decodeSlotHeader, encodeSlotHeader, readSlots, slotFunctions } from '../../build/cache-slots.ts';
import { exitCodes } from '../../build/exitcodes.ts';
import { SECTOR } from '../../build/image.ts';
import type { BootOptions } from '../../build/options.ts';
import type { BootResult, GuestEvent } from '../../build/qemu.ts';
import { bareflowCli, bootTest, tokenIds } from '../helpers/guest.ts';
import { testImage, withDataFiles, withParts } from '../helpers/images.ts';
import { tempDir } from '../helpers/tempdir.ts';

const T = 240_000;
const full = !!process.env.BAREFLOW_FULL;
// test:full's runs of these boot QEMU 50 to 250 times each.
const longTimeout = full ? 3_600_000 : undefined;
let defaultImg: string;

beforeAll(async () => {
  // A private copy: a test run elsewhere may rebuild the shared test image while this file runs.
  defaultImg = join(tempDir('cache-src-'), 'default.img');
  copyFileSync((await testImage('default')).image, defaultImg);
});

/** A private copy of the default test image (its cache part empty, as built). */
function fresh(name = 'cache.img'): string {
  const img = join(tempDir('cache-'), name);
  copyFileSync(defaultImg, img);
  return img;
}

type Options = Partial<BootOptions>;
const greedy: Options = { prompt: 'Once upon a time', steps: 24, temperature: 0, topp: 0.9, seed: 42 };
const seeded: Options = { prompt: 'Once upon a time', steps: 24, temperature: 0.8, topp: 0.9, seed: 7 };

/** A jit boot that writes `image` (its cache), under -icount when asked. */
async function jitBoot(image: string, options: Options, o: { icount?: boolean; raw?: Record<string, string> } = {}): Promise<BootResult> {
  return bootTest({ image, options: { ...options, mode: 'jit' }, rawOptions: o.raw, timeoutMs: T, icount: o.icount, persist: true });
}

const one = (r: BootResult, ev: string): GuestEvent | undefined => r.events.find((e) => e.ev === ev);
const cacheEvent = (r: BootResult): GuestEvent => {
  const e = one(r, 'cache');
  expect(e, 'the cache event').toBeDefined();
  return e!;
};
const compiles = (r: BootResult): GuestEvent[] => r.events.filter((e) => e.ev === 'compile');
const costs = (r: BootResult): number[] => r.events.filter((e) => e.ev === 'token').map((e) => (e.tsc_end as number) - (e.tsc_start as number));

function ok(r: BootResult): void {
  expect(r.badEvents).toEqual([]);
  expect(r.outcome, r.text.slice(-400)).toBe('exit');
  expect(r.guestCode, r.text.slice(-400)).toBe(0);
}

/** Reference tokens for `options`: the aot kernel's (no cache involved). */
const references = new Map<string, number[]>();
async function aotTokens(options: Options): Promise<number[]> {
  const key = JSON.stringify(options);
  if (!references.has(key)) {
    const r = await bootTest({ image: defaultImg, options: { ...options, mode: 'aot' }, timeoutMs: T });
    ok(r);
    references.set(key, tokenIds(r.events));
  }
  return references.get(key)!;
}

describe('cache: cold, then warm', () => {
  it.each([
    ['greedy', greedy],
    ['seeded', seeded],
  ])('%s: the warm boot loads every function, compiles nothing, generates the same tokens at steady-state cost from token one', async (_, options) => {
    const img = fresh();
    const cold = await jitBoot(img, options, { icount: true });
    ok(cold);
    expect(cacheEvent(cold)).toMatchObject({ state: 'empty', why: 'A: empty; B: empty', functions: 0, bytes: 0 });
    const written = one(cold, 'cache_write')!;
    const compiled = compiles(cold);
    expect(compiled.map((e) => e.name)).toEqual(expect.arrayContaining(['forward', 'sample']));
    expect(written).toMatchObject({ state: 'written', slot: 'A', seq: 1, why: '', functions: compiled.length });

    const warm = await jitBoot(img, options, { icount: true });
    ok(warm);
    expect(cacheEvent(warm)).toMatchObject({ state: 'loaded', slot: 'A', seq: 1, functions: compiled.length, bytes: written.bytes });
    expect(compiles(warm)).toEqual([]);
    expect(one(warm, 'cache_write'), 'nothing new: nothing written').toBeUndefined();
    expect(tokenIds(warm.events)).toEqual(tokenIds(cold.events));
    expect(tokenIds(cold.events)).toEqual(await aotTokens(options));

    // Per position (attention makes later positions dearer): once the cold run has compiled
    // everything, both run the same code; the warm run does from its first token.
    const c = costs(cold);
    const w = costs(warm);
    // (After the last token the cold boot also compiles what ran interpreted, for the next boot's start-up.)
    const lastCompile = Math.max(...compiled.filter((e) => (e.token as number) < c.length).map((e) => e.token as number));
    for (let pos = lastCompile + 1; pos < c.length; pos++) expect(Math.abs(w[pos] / c[pos] - 1), `position ${pos}`).toBeLessThan(0.02);
    // Flat from token one: the first positions cost what the next ones do (no compile, no warm-up).
    for (let pos = 1; pos <= lastCompile; pos++) expect(w[pos] / w[lastCompile + 1], `position ${pos}`).toBeLessThan(1.02);
    expect(w[0] / w[1]).toBeLessThan(1.02);
    expect(c[0] / w[0], 'the cold first token compiles forward').toBeGreaterThan(3);
    // Boot to first token: the warm boot skips the compiles. Without the model load (its
    // instruction count is the guest polling the disk, which -icount does not make
    // deterministic: the host's I/O takes real time) and the cache phase (warm reads and
    // installs a slot, cold only finds none).
    const span = (r: BootResult, ev: string) => r.events.filter((e) => e.ev === ev).reduce((n, e) => n + (e.tsc_end as number) - (e.tsc_start as number), 0);
    const first = (r: BootResult) => (r.events.find((e) => e.ev === 'token')!.tsc_end as number)
      - (r.events.find((e) => e.ev === 'boot')!.tsc as number) - span(r, 'load') - span(r, 'cache');
    const compiling = compiled.filter((e) => e.token === 0).reduce((n, e) => n + (e.cycles as number), 0);
    expect(compiling).toBeGreaterThan(0);
    expect(first(cold) - first(warm)).toBeGreaterThan(0.9 * compiling);
  });

  it('cache show and inspect say what is in each slot; cache clear makes the next boot cold', async () => {
    const img = fresh();
    const empty = await bareflowCli(['cache', 'show', img], 30_000);
    expect(empty.exitCode).toBe(0);
    expect(empty.stdout).toContain('the next jit boot is cold (no valid slot for this image)');
    expect(empty.stdout).toMatch(/│ A +│ empty +│/);
    expect(empty.stdout).toMatch(/│ B +│ empty +│/);

    const cold = await jitBoot(img, greedy);
    ok(cold);
    const w = one(cold, 'cache_write')!;
    const slot = readSlots(readFileSync(img))[0];
    const h = slot.header!;
    const show = await bareflowCli(['cache', 'show', img], 30_000);
    expect(show.exitCode).toBe(0);
    expect(show.stdout).toContain(`cache: 6 slots of 1048576 bytes at LBA ${slot.offset / SECTOR}, two per layer; jit: the next jit boot loads slot A (seq 1)`);
    const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
    const row = `│ A    │ valid │ 1   │ ${w.functions}         │ ${h.codeBytes} │ ${(w.bytes as number) - SECTOR}         │ ${hex(h.key.engine)} ${hex(h.key.module)} ${hex(h.key.data)} 1/100 │ loads this slot │`;
    expect(show.stdout.split('\n').map((l) => l.replace(/ +│/g, ' │'))).toContain(row.replace(/ +│/g, ' │'));
    expect(show.stdout).toMatch(/│ B +│ empty +│/);
    // The whole key, and each function with the profile that chose it: the ones the cold boot compiled.
    expect(show.stdout).toContain(`slot A (seq 1) key: engine ${hex(h.key.engine)}, module ${hex(h.key.module)}, module_len ${h.key.module_len}, data ${hex(h.key.data)}, jit_version 1, jit_options 100, cpu 0x00000001, layout ${hex(h.key.layout)}`);
    const fns = slotFunctions(readFileSync(img), slot);
    expect(fns.map((f) => f.name).sort()).toEqual(compiles(cold).map((e) => e.name as string).sort());
    expect(fns.reduce((n, f) => n + f.codeBytes, 0)).toBe(h.codeBytes);
    for (const f of fns) {
      const c = compiles(cold).find((e) => e.name === f.name)!;
      expect(f.osr, f.name).toBe(c.osr);
      expect(show.stdout, f.name).toMatch(new RegExp(`│ ${f.name} +│ ${f.index} +│ ${f.codeBytes} +│ ${f.relocations} +│ ${c.ins} +│ ${f.calls} +│ ${f.backedges} +│ ${f.osr ? 'hot loop \\(OSR\\)' : 'hot calls'} +│`));
    }
    const inspect = await bareflowCli(['inspect', img], 30_000);
    expect(inspect.exitCode).toBe(0);
    expect(inspect.stdout).toContain('the next jit boot loads slot A (seq 1)');
    expect(inspect.stdout).toMatch(/│ cache +│ \d+ +│ 12288 +│ 6291456 +│ \(slots: below\) /);
    expect(inspect.stdout).toMatch(/ok: 13 checksums verified$/);

    const clear = await bareflowCli(['cache', 'clear', img], 30_000);
    expect(clear.exitCode).toBe(0);
    expect(clear.stdout).toContain('cache cleared (6291456 bytes, every slot empty): the next jit or meta boot is cold');
    expect(readSlots(readFileSync(img)).map((s) => s.state)).toEqual(['empty', 'empty']);
    const again = await jitBoot(img, greedy);
    ok(again);
    expect(cacheEvent(again).state).toBe('empty');
    expect(compiles(again).length).toBe(w.functions);
    expect(tokenIds(again.events)).toEqual(tokenIds(cold.events));
  });
});

/** An image whose slot A holds the cache of a cold greedy boot; the tokens that boot made. */
let warmBase: { image: string; tokens: number[]; functions: number } | undefined;
async function warmImage(): Promise<{ image: string; tokens: number[]; functions: number }> {
  if (!warmBase) {
    const image = fresh('base.img');
    const cold = await jitBoot(image, greedy);
    ok(cold);
    warmBase = { image, tokens: tokenIds(cold.events), functions: one(cold, 'cache_write')!.functions as number };
  }
  const copy = fresh();
  copyFileSync(warmBase.image, copy);
  return { ...warmBase, image: copy };
}

/** Boots `image` (slot A broken as the test made it) and checks it ran cold, for `why`, with the same tokens. */
async function expectCold(image: string, tokens: number[], state: string, why: RegExp): Promise<void> {
  const r = await jitBoot(image, greedy);
  ok(r);
  const c = cacheEvent(r);
  expect(c.state).toBe(state);
  expect(c.why).toMatch(why);
  expect(compiles(r).length).toBeGreaterThan(0);
  expect(tokenIds(r.events)).toEqual(tokens);
}

function editSlotA(image: string, edit: (img: Buffer, offset: number) => void): void {
  const img = readFileSync(image);
  edit(img, readSlots(img)[0].offset);
  writeFileSync(image, img);
}

describe('cache: a bad slot is never loaded', () => {
  // Header bytes: magic, seq, a key field, payload_len, header_crc; payload: first, middle, last byte.
  const headerSpots = [0, 13, 20, 49, 66];
  const payloadSpots = (len: number) => [0, Math.floor(len / 2), len - 1];
  const randomSpots = (n: number, len: number) => Array.from({ length: n }, (_, i) => ((i * 2654435761) >>> 0) % (SECTOR + len));

  it(`a flipped bit in the header or the payload: the boot runs cold (${full ? 'full: 100 random positions more' : '8 positions'})`, async () => {
    const base = await warmImage();
    const h = readSlots(readFileSync(base.image))[0].header!;
    const spots = [...headerSpots, ...payloadSpots(h.payloadLen).map((p) => SECTOR + p), ...(full ? randomSpots(100, h.payloadLen) : [])];
    for (const [i, at] of spots.entries()) {
      const img = i === 0 ? base.image : (await warmImage()).image;
      editSlotA(img, (b, o) => (b[o + at] ^= 1 << (i % 8)));
      const want = at < CACHE_HEADER_BYTES
        ? at < 8 ? /^A: corrupt: wrong magic; B: empty$/ : /^A: corrupt: header checksum mismatch; B: empty$/
        : at < SECTOR ? /^A: corrupt: header checksum mismatch; B: empty$/ : /^A: corrupt: payload checksum mismatch; B: empty$/;
      await expectCold(img, base.tokens, 'corrupt', want);
    }
  }, longTimeout);

  it('a truncated payload, another format version, another build\'s slot, a forged slot with another build\'s key: each rejected by name', async () => {
    const base = await warmImage();
    const h0 = readSlots(readFileSync(base.image))[0].header!;
    const reheader = (img: string, change: (h: typeof h0) => Parameters<typeof encodeSlotHeader>[0]) =>
      editSlotA(img, (b, o) => encodeSlotHeader(change(decodeSlotHeader(b.subarray(o, o + SECTOR)))).copy(b, o));
    const cases: [string, (img: string) => void, string, RegExp][] = [
      ['truncated: payload_len beyond the slot', (img) => reheader(img, (h) => ({ ...h, payloadLen: 2 << 20 })), 'corrupt', /^A: corrupt: truncated; B: empty$/],
      ['truncated: payload shorter than its records say', (img) => editSlotA(img, (b, o) => {
        const len = h0.payloadLen - 64;
        encodeSlotHeader({ ...h0, payloadLen: len, payloadCrc: crc32(b.subarray(o + SECTOR, o + SECTOR + len)) }).copy(b, o);
      }), 'corrupt', /^A: corrupt: /],
      ['format version 2', (img) => reheader(img, (h) => ({ ...h, version: 2 })), 'stale', /^A: stale: format version 2; B: empty$/],
      ['another engine build (checksums right)', (img) => reheader(img, (h) => ({ ...h, key: { ...h.key, engine: h.key.engine ^ 1 } })), 'stale', /^A: stale: engine changed; B: empty$/],
      ['another model', (img) => reheader(img, (h) => ({ ...h, key: { ...h.key, data: h.key.data ^ 0x100 } })), 'stale', /^A: stale: data changed; B: empty$/],
      ['another tinyllama.bc', (img) => reheader(img, (h) => ({ ...h, key: { ...h.key, module: 0x12345678 } })), 'stale', /^A: stale: module changed; B: empty$/],
      ['another JIT threshold', (img) => reheader(img, (h) => ({ ...h, key: { ...h.key, jit_options: 7 } })), 'stale', /^A: stale: jit options changed; B: empty$/],
    ];
    for (const [i, [, edit, state, why]] of cases.entries()) {
      const img = i === 0 ? base.image : (await warmImage()).image;
      edit(img);
      await expectCold(img, base.tokens, state, why);
    }
  });
});

describe('cache: a slot from another image build', () => {
  it('the cache of an image with another model, copied into this one: stale (data changed), never loaded', async () => {
    // The same kernels and tinyllama.bc, other weights (a few floats changed: same shape, another CRC).
    const other = withDataFiles(defaultImg, (files) =>
      files.map((f) => {
        if (f.name !== 'model.bin') return f;
        const data = Buffer.from(f.data);
        for (let i = 1024; i < 1024 + 64; i += 4) data.writeFloatLE(data.readFloatLE(i) * 0.5, i);
        return { ...f, data };
      }),
    );
    ok(await jitBoot(other, greedy));
    const from = readFileSync(other);
    const slot = readSlots(from)[0];
    expect(slot.state).toBe('valid');
    const img = fresh('transplant.img');
    const to = readFileSync(img);
    const at = readSlots(to)[0].offset;
    from.copy(to, at, slot.offset, slot.offset + SECTOR + slot.header!.payloadLen);
    writeFileSync(img, to);
    expect(readSlots(to)[0]).toMatchObject({ state: 'valid', matches: false, stale: ['data'], why: 'stale: data changed' });
    const r = await jitBoot(img, greedy);
    ok(r);
    expect(cacheEvent(r)).toMatchObject({ state: 'stale', why: 'A: stale: data changed; B: empty' });
    expect(compiles(r).length).toBeGreaterThan(0);
    expect(tokenIds(r.events)).toEqual(await aotTokens(greedy));
    // Its own cache went to B: the stale A is kept as it was.
    expect(one(r, 'cache_write')).toMatchObject({ state: 'written', slot: 'B', seq: 2 });
  });
});

describe('cache: a rebuilt jit kernel', () => {
  it('the image repacked with another jit kernel build keeps its slot, which is now stale (engine changed): never loaded', async () => {
    const base = await warmImage();
    // One more byte at the kernel's end (it lands in .bss, which the entry code zeroes): another build, another CRC.
    const rebuilt = withParts(base.image, (parts) => parts.map((p) => ('data' in p && p.name === 'jit' ? { ...p, data: Buffer.concat([p.data, Buffer.alloc(1)]) } : p)));
    const slots = readSlots(readFileSync(rebuilt));
    expect(slots[0]).toMatchObject({ state: 'valid', matches: false, stale: ['engine'], why: 'stale: engine changed' });
    const r = await jitBoot(rebuilt, greedy);
    ok(r);
    expect(cacheEvent(r)).toMatchObject({ state: 'stale', why: 'A: stale: engine changed; B: empty' });
    expect(compiles(r).length).toBe(base.functions);
    expect(tokenIds(r.events)).toEqual(base.tokens);
  });
});

describe('cache: torn writes', () => {
  // Slot A holds what a greedy boot ran; a seeded boot loads it, runs the sampling functions greedy
  // decoding never calls, compiles them, and writes all to slot B: payload sectors, flush, header
  // sector, flush. Stopped after k sectors of B, the next boot must load A (the previous valid
  // slot) and generate the same.
  it(`a write to the other slot stopped after k sectors: the next boot loads the previous slot (${full ? 'full: every k' : 'k in 0, 1, half, all but the header, all'})`, async () => {
    const base = fresh('torn-base.img');
    const first = await jitBoot(base, { ...greedy, steps: 8 });
    ok(first);
    expect(one(first, 'cache_write')).toMatchObject({ slot: 'A', seq: 1 });
    const greedyRan = compiles(first).map((e) => e.name as string);
    const inA = greedyRan.length;
    expect(one(first, 'cache_write')!.functions).toBe(inA);

    // The untorn write, to know its size and the tokens.
    const whole = fresh('torn-whole.img');
    copyFileSync(base, whole);
    const complete = await jitBoot(whole, seeded);
    ok(complete);
    const w = one(complete, 'cache_write')!;
    const seededOnly = compiles(complete).map((e) => e.name as string);
    expect(seededOnly.length).toBeGreaterThan(0);
    expect(seededOnly.filter((n) => greedyRan.includes(n))).toEqual([]);
    expect(w).toMatchObject({ state: 'written', slot: 'B', seq: 2, functions: inA + seededOnly.length });
    const sectors = Math.ceil((w.bytes as number) / SECTOR); // payload sectors, then the header: the last
    const next = await jitBoot(whole, seeded);
    ok(next);
    expect(cacheEvent(next)).toMatchObject({ state: 'loaded', slot: 'B', seq: 2, functions: inA + seededOnly.length });
    expect(compiles(next)).toEqual([]);
    expect(tokenIds(next.events)).toEqual(tokenIds(complete.events));

    const ks = full ? Array.from({ length: sectors }, (_, k) => k) : [0, 1, Math.floor(sectors / 2), sectors - 1];
    for (const k of ks) {
      const img = fresh(`torn-${k}.img`);
      copyFileSync(base, img);
      const torn = await jitBoot(img, seeded, { raw: { cache_stop_after: String(k) } });
      expect(torn.guestCode, `k=${k}: ${torn.text.slice(-300)}`).toBe(exitCodes.cacheStop);
      expect(torn.text).toContain(`error: cache_stop_after=${k}: stopped after ${k} sectors of the cache slot`);
      expect(readSlots(readFileSync(img))[1].state, `k=${k}`).not.toBe('valid');
      const after = await jitBoot(img, seeded);
      ok(after);
      expect(cacheEvent(after), `k=${k}`).toMatchObject({ state: 'loaded', slot: 'A', seq: 1, functions: inA });
      expect(tokenIds(after.events), `k=${k}`).toEqual(tokenIds(complete.events));
      // It compiled the sampling functions again and wrote B whole this time.
      expect(one(after, 'cache_write'), `k=${k}`).toMatchObject({ state: 'written', slot: 'B', seq: 2 });
    }
    // k = every sector: the write completes, the run exits 0.
    const img = fresh('torn-all.img');
    copyFileSync(base, img);
    const all = await jitBoot(img, seeded, { raw: { cache_stop_after: String(sectors) } });
    ok(all);
    expect(readSlots(readFileSync(img))[1]).toMatchObject({ state: 'valid', matches: true });
  }, longTimeout);

  /** How much of slot B a killed boot wrote: none of it, part (payload sectors, not the header: the header goes last), or all. */
  const slotBWritten = (img: Buffer, whole: BootResult): 'untouched' | 'torn' | 'whole' => {
    const b = readSlots(img)[1];
    if (b.state === 'valid') return 'whole';
    const sectors = Math.ceil((one(whole, 'cache_write')!.bytes as number) / SECTOR);
    return img.subarray(b.offset, b.offset + sectors * SECTOR).every((x) => x === 0) ? 'untouched' : 'torn';
  };

  // QEMU killed (SIGKILL) at instants spread over the write of slot B. The guest writes the cache
  // after the story's closing newline on COM1, here a sector at a time with a pause after each
  // (test option cache_write_pause, ~5 ms a sector): the write takes most of the time from that
  // newline to the exit, which a first boot measures. Each kill comes at that newline plus a
  // delay, the delays spread evenly over that time and a little past it. Whichever sector a kill
  // lands on, the next boot loads A or B whole and generates the same tokens. Full runs only.
  it.runIf(full)('QEMU killed at instants spread over the write: the next boot loads a whole slot', async () => {
    const base = fresh('kill-base.img');
    ok(await jitBoot(base, { ...greedy, steps: 8 }));
    const slow = { cache_write_pause: '10' };
    const storyEnd = (onEnd: () => void) => {
      let text = '';
      return (chunk: string) => {
        const before = text.split('\n').length;
        text += chunk;
        if (before < 3 && text.split('\n').length >= 3) onEnd(); // the banner's newline, then the story's
      };
    };
    const probe = fresh('kill-probe.img');
    copyFileSync(base, probe);
    let endAt = 0;
    const whole = await bootTest({ image: probe, options: { ...seeded, mode: 'jit' }, rawOptions: slow, timeoutMs: T, persist: true, onText: storyEnd(() => (endAt = performance.now())) });
    ok(whole);
    expect(one(whole, 'cache_write')).toMatchObject({ state: 'written', slot: 'B', seq: 2 });
    expect(endAt).toBeGreaterThan(0);
    const tail = performance.now() - endAt; // story end to exit: the write and the shutdown
    const seen = new Map<string, number>();
    const kills = 24;
    for (let i = 0; i < kills; i++) {
      const img = fresh(`kill-${i}.img`);
      copyFileSync(base, img);
      const delay = Math.round((tail * 1.1 * i) / (kills - 1));
      const stop = new AbortController();
      const killed = await bootTest({
        image: img, options: { ...seeded, mode: 'jit' }, rawOptions: slow, timeoutMs: T, persist: true, killSignal: 'SIGKILL', cancel: stop.signal,
        onText: storyEnd(() => setTimeout(() => stop.abort(), delay)),
      });
      const slotB = slotBWritten(readFileSync(img), whole);
      const after = await jitBoot(img, seeded);
      ok(after);
      const c = cacheEvent(after);
      expect(c.state, `killed ${delay} ms after the story (${killed.outcome}, slot B ${slotB})`).toBe('loaded');
      expect(c.slot, `slot B was ${slotB}`).toBe(slotB === 'whole' ? 'B' : 'A');
      expect(tokenIds(after.events)).toEqual(tokenIds(whole.events));
      const what = `${killed.outcome}, slot B ${slotB}`;
      seen.set(what, (seen.get(what) ?? 0) + 1);
    }
    console.log(`kills (story end to exit ${Math.round(tail)} ms): ${[...seen].map(([k, n]) => `${n}x ${k}`).join('; ')}`);
    expect(seen.get('cancelled, slot B torn') ?? 0, 'kills that landed inside the write').toBeGreaterThanOrEqual(kills / 2);
  }, longTimeout);

  it('a first write stopped part-way leaves no valid slot: the next boot is cold', async () => {
    const h = readSlots(readFileSync((await warmImage()).image))[0].header!;
    const sectors = Math.ceil((SECTOR + h.payloadLen) / SECTOR); // the whole slot: payload sectors, then the header
    for (const k of full ? [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, sectors - 2, sectors - 1].filter((k) => k < sectors) : [3]) {
      const img = fresh(`torn-cold-${k}.img`);
      const torn = await jitBoot(img, greedy, { raw: { cache_stop_after: String(k) } });
      expect(torn.guestCode).toBe(exitCodes.cacheStop);
      const r = await jitBoot(img, greedy);
      ok(r);
      expect(cacheEvent(r).state).toBe('empty');
      expect(tokenIds(r.events)).toEqual(await aotTokens(greedy));
    }
  }, longTimeout);
});
