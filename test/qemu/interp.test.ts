// Phase 2 in QEMU: the bootstrap kernel interprets tinyllama.bc from the data
// volume and generates exactly what the AOT kernel generates.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootBesideAot, bootStages, bootTest, sameAsAotCases } from '../helpers/guest.ts';
import { testImage } from '../helpers/images.ts';

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

  it.each(sameAsAotCases)('%s: same token ids and text as aot mode', async (_, which, options) => {
    await bootBesideAot(which === 'default' ? defaultImg : storiesImg, 'interp', options, T);
  });
});
