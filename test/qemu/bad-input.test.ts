// Every bad input the guest can meet gives its message and exit code within
// the timeout: never a hang, a reset or a silent wrong answer.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../build/exitcodes.ts';
import { readHeader, readVolume, partData, SECTOR } from '../../build/image.ts';
import { bootTest } from '../helpers/guest.ts';
import { testImage, withCorruptBytes, withDataFiles } from '../helpers/images.ts';

let img: string;

beforeAll(async () => {
  img = (await testImage('stories')).image;
});

const T = 60_000;

async function expectFailure(image: string, rawOptions: Record<string, string>, code: number, message: string | RegExp) {
  const r = await bootTest({ image, rawOptions, timeoutMs: T });
  expect(r.outcome).toBe('exit');
  expect(r.guestCode).toBe(code);
  expect(r.text).toMatch(message);
  return r;
}

describe('guest rejects bad boot options', () => {
  it('steps beyond the context', () => expectFailure(img, { steps: '600' }, exitCodes.badOption, /option steps: 600 exceeds the model's context of 512/));
  it('steps that are not a number', () => expectFailure(img, { steps: 'many' }, exitCodes.badOption, /option steps/));
  it('negative temperature', () => expectFailure(img, { temperature: '-0.5' }, exitCodes.badOption, /option temperature/));
  it('top-p above 1', () => expectFailure(img, { topp: '1.5' }, exitCodes.badOption, /option topp/));
  it('an unknown option', () => expectFailure(img, { colour: 'red' }, exitCodes.badOption, /colour/));
  it('an unknown mode, caught by stage2', () => expectFailure(img, { mode: 'jit' }, exitCodes.badOption, /stage2: unknown boot mode 'jit'/));
  it('a prompt longer than the context', async () => {
    const r = await expectFailure(img, { prompt: 'Qz#'.repeat(400), steps: '512' }, exitCodes.badPrompt, /prompt/);
    expect(r.events.find((e) => e.ev === 'error')).toMatchObject({ code: exitCodes.badPrompt });
  });
});

describe('guest rejects bad data', () => {
  it('a model whose bytes no longer match their checksum', async () => {
    const image = readFileSync(img);
    const data = readHeader(image).parts.find((p) => p.name === 'data')!;
    const model = readVolume(partData(image, data)).find((f) => f.name === 'model.bin')!;
    const corrupt = withCorruptBytes(img, data.lba * SECTOR + model.offset + 100, Buffer.from([1, 2, 3, 4]));
    // Caught by the data volume's checksum, before the model parser sees it.
    await expectFailure(corrupt, {}, exitCodes.disk, /model\.bin.*checksum/);
  });

  it('a truncated model', async () => {
    const edited = withDataFiles(img, (files) => files.map((f) => (f.name === 'model.bin' ? { ...f, data: f.data.subarray(0, 5000) } : f)));
    await expectFailure(edited, {}, exitCodes.badModel, /model/);
  });

  it('a model with a zero dimension', async () => {
    const edited = withDataFiles(img, (files) => files.map((f) => (f.name === 'model.bin' ? { ...f, data: Buffer.concat([Buffer.alloc(4), f.data.subarray(4)]) } : f)));
    await expectFailure(edited, {}, exitCodes.badModel, /dim/);
  });

  it("a tokenizer with fewer pieces than the model's vocabulary", async () => {
    const edited = withDataFiles(img, (files) => files.map((f) => (f.name === 'tokenizer.bin' ? { ...f, data: f.data.subarray(0, 3000) } : f)));
    await expectFailure(edited, {}, exitCodes.badTokenizer, /tokenizer/);
  });

  it('no model in the data volume', async () => {
    const edited = withDataFiles(img, (files) => files.filter((f) => f.name !== 'model.bin'));
    await expectFailure(edited, {}, exitCodes.badModel, /model\.bin/);
  });
});

describe('guest faults', () => {
  it.each([
    ['ud', 6, /invalid opcode/i],
    ['div0', 0, /divide/i],
    ['gp', 13, /general protection/i],
  ])('fault=%s prints a trap report and exits 7', async (fault, vector, name) => {
    const r = await expectFailure(img, { fault }, exitCodes.trap, name);
    expect(r.text).toMatch(/eip 0x[0-9a-f]{8}/);
    expect(r.events.find((e) => e.ev === 'trap')).toMatchObject({ vector });
  });
});
