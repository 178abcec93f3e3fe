// Phase 1 in QEMU: the AOT image boots, reports every boot stage, and generates
// exactly what the hosted build of the same source generates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedModels } from '../../build/paths.ts';
import type { BootResult } from '../../build/qemu.ts';
import { bootStages, bootTest, hostTokenIds, tokenIds } from '../helpers/guest.ts';
import { defaultModelFiles, storiesModel, storiesTokenizer, testImage } from '../helpers/images.ts';

let defaultImg: string;
let storiesImg: string;

beforeAll(async () => {
  defaultImg = (await testImage('default')).image;
  storiesImg = (await testImage('stories')).image;
});

const ref = (f: string): string => readFileSync(join(sharedModels, 'reference', f), 'utf8');

describe('AOT image in QEMU', () => {
  it('boots through every stage in order and exits 0', async () => {
    const r = await bootTest({ image: defaultImg, options: { steps: 8 }, timeoutMs: 60_000 });
    expect(r.badEvents).toEqual([]);
    expect(r.outcome).toBe('exit');
    expect(r.guestCode).toBe(0);
    expect(bootStages(r.events)).toEqual(['stage1', 'stage2', 'loaded', 'kernel', 'kmain', 'app']);
    const kinds = r.events.map((e) => e.ev);
    expect(kinds.indexOf('load')).toBeGreaterThan(kinds.lastIndexOf('boot'));
    expect(kinds.at(-1)).toBe('exit');
    expect(r.events.at(-2)).toMatchObject({ ev: 'done', tokens: 8 });
    const stamps = r.events.filter((e) => e.ev === 'boot').map((e) => e.tsc as number);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it('two -icount boots count the same instructions from kmain to the first token, disk reads included', async () => {
    // Disk waits sleep until the drive's interrupt, so the host's I/O time is not counted. When
    // they polled, the load phase of two identical boots differed by up to 7M instructions; now
    // it is the same to the instruction (checked 5 times). The BIOS's reads before kmain still poll.
    const run = () => bootTest({ image: storiesImg, options: { steps: 8 }, icount: true, timeoutMs: 60_000 });
    const [a, b] = [await run(), await run()];
    const counts = (r: BootResult) => {
      const load = r.events.find((e) => e.ev === 'load')!;
      const kmain = r.events.find((e) => e.ev === 'boot' && e.stage === 'kmain')!;
      const token = r.events.find((e) => e.ev === 'token')!;
      return { load: (load.tsc_end as number) - (load.tsc_start as number), kmainToToken: (token.tsc_end as number) - (kmain.tsc as number) };
    };
    const [ca, cb] = [counts(a), counts(b)];
    expect(ca.load).toBeGreaterThan(1_000_000);
    expect(Math.abs(ca.load - cb.load), JSON.stringify([ca, cb])).toBeLessThan(1_000);
    expect(Math.abs(ca.kmainToToken - cb.kmainToToken), JSON.stringify([ca, cb])).toBeLessThan(1_000);
  });

  it.each([
    ['greedy', { temperature: 0, topp: 0.9, seed: 42 }],
    ['sampled', { temperature: 0.8, topp: 0.9, seed: 42 }],
  ])('default model, %s: same token ids as the host build', async (_, o) => {
    const opts = { prompt: 'Once upon a time', steps: 48, ...o };
    const host = await hostTokenIds(defaultModelFiles.model, defaultModelFiles.tokenizer, opts);
    const r = await bootTest({ image: defaultImg, options: opts, timeoutMs: 120_000 });
    expect(r.guestCode).toBe(0);
    expect(tokenIds(r.events)).toEqual(host.ids);
    expect(r.text).toContain(host.stdout);
  });

  it('stories260K greedy: reproduces llama2.c run.c exactly', async () => {
    const r = await bootTest({ image: storiesImg, options: { prompt: 'Once upon a time', steps: 256, temperature: 0 }, timeoutMs: 240_000 });
    expect(r.guestCode).toBe(0);
    expect(tokenIds(r.events)).toEqual(ref('once_upon_a_time.tokens').trim().split('\n').map(Number));
    expect(r.text).toContain(ref('once_upon_a_time.txt'));
  });

  it('stories260K, an empty prompt: starts from BOS alone, as run.c does', async () => {
    const r = await bootTest({ image: storiesImg, options: { prompt: '', steps: 16, temperature: 0 }, timeoutMs: 120_000 });
    expect(r.guestCode).toBe(0);
    expect(r.events.find((e) => e.ev === 'prompt')).toMatchObject({ tokens: [1] });
    expect(tokenIds(r.events)).toEqual(ref('empty.tokens').trim().split('\n').map(Number).slice(0, 16));
  });

  it('stories260K sampled (t=0.8, top-p 0.9): same token ids as the host build', async () => {
    const opts = { prompt: 'The little dog', steps: 96, temperature: 0.8, topp: 0.9, seed: 7 };
    const host = await hostTokenIds(storiesModel, storiesTokenizer, opts);
    const r = await bootTest({ image: storiesImg, options: opts, timeoutMs: 240_000 });
    expect(r.guestCode).toBe(0);
    expect(tokenIds(r.events)).toEqual(host.ids);
  });
});
