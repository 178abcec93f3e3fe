// Every bad input the guest can meet gives its message and exit code within
// the timeout: never a hang, a reset or a silent wrong answer.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../build/exitcodes.ts';
import { readHeader, readVolume, partData, SECTOR, STAGE2_LBA, STAGE2_SECTORS } from '../../build/image.ts';
import { reportsDir } from '../../build/paths.ts';
import { bareflowCli, bootTest } from '../helpers/guest.ts';
import { partOffset, testImage, withAliases, withCorruptBytes, withDataFiles, withFlippedByte, withParts, withSectors } from '../helpers/images.ts';

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
  it('an unknown mode, caught by stage2', () => expectFailure(img, { mode: 'warp' }, exitCodes.badOption, /stage2: unknown boot mode 'warp'/));
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

  it('a fault inside the trap handler ends the run at once with a short report and exit 7', async () => {
    const r = await expectFailure(img, { fault: 'nested' }, exitCodes.trap, /trap: #UD invalid opcode \(vector 6\)/);
    expect(r.text).toContain('trap: exception inside the trap handler (vector 6): stopping\n');
    expect(r.badEvents).toEqual([]);
    expect(r.events.at(-1)).toEqual({ ev: 'trap', vector: 6, nested: true });
    expect(r.wallMs).toBeLessThan(15_000);
  });

  it('a disk that stays busy: the read times out with a named error after about 10 s, never a hang', async () => {
    // fault=disk-hang holds the drive in reset (SRST) before the first data read: BSY forever,
    // no interrupt. The wait sleeps and counts the RTC watchdog's ticks (host time).
    const r = await expectFailure(img, { fault: 'disk-hang' }, exitCodes.disk,
      /disk read failed at LBA \d+ \(ATA primary 0, status 0x[89a-f][0-9a-f]: timeout, the drive stayed busy\)/);
    expect(r.events.find((e) => e.ev === 'error')).toMatchObject({ code: exitCodes.disk });
    expect(r.wallMs).toBeGreaterThan(9_000);
    expect(r.wallMs).toBeLessThan(40_000);
  });

  it('a fault with an event line part-way out: the trap handler sends the rest, COM2 holds whole lines only', async () => {
    const r = await expectFailure(img, { fault: 'event' }, exitCodes.trap, /trap: #UD invalid opcode \(vector 6\)/);
    expect(r.badEvents).toEqual([]);
    // kmain's next event after the hook is the "app" boot stage: whole, then the trap.
    expect(r.events.slice(-3).map((e) => `${e.ev} ${e.stage ?? e.vector ?? e.code}`)).toEqual(['boot app', 'trap 6', 'exit 7']);
  });
});

// A flipped byte anywhere in the boot chain or a kernel is refused by the host
// before QEMU starts; with that check bypassed (the runner called directly)
// the boot chain itself stops with exit 12 in well under the timeout.
describe('corrupt boot chain and kernels', () => {
  const stage2Tail = (STAGE2_LBA + STAGE2_SECTORS) * SECTOR - 1; // stage2's last (padding) byte

  it('bareflow boot refuses an image with a flipped stage2 byte before starting QEMU', async () => {
    const corrupt = withFlippedByte(img, stage2Tail);
    const r = await bareflowCli(['boot', corrupt, '--mode', 'interp', '--timeout', '60'], T);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: image \S+corrupt\.img is corrupt: stage2: crc 0x[0-9a-f]{8} != 0x[0-9a-f]{8} \(refusing to boot it; 'bareflow inspect' lists every check\)$/m);
    expect(r.stdout).not.toContain('guest exited');
  });

  it('stage1 catches a flipped stage2 byte when the host check is bypassed', async () => {
    const r = await expectFailure(withFlippedByte(img, stage2Tail), { mode: 'interp' }, exitCodes.corruptImage, /^stage1: stage2 does not match its CRC-32 in the image header\r?$/m);
    expect(r.events).toEqual([]);
    expect(r.wallMs).toBeLessThan(10_000);
  });

  it.each([
    ['aot', 'aot', () => 0x10], // _start's first instructions
    ['bootstrap', 'interp', (bytes: number) => bytes >> 1],
    ['jit', 'jit', (bytes: number) => bytes - 1],
  ])('a flipped byte in the %s kernel: refused by the host, caught by stage2 (mode %s)', async (kernel, mode, at) => {
    const part = readHeader(readFileSync(img)).parts.find((p) => p.name === kernel)!;
    const corrupt = withFlippedByte(img, partOffset(img, kernel) + at(part.bytes));
    const cli = await bareflowCli(['boot', corrupt, '--mode', mode], T);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr).toMatch(new RegExp(`^error: image \\S+ is corrupt: part ${kernel}: crc 0x[0-9a-f]{8} != 0x${part.crc32.toString(16).padStart(8, '0')} `, 'm'));
    const r = await expectFailure(corrupt, { mode }, exitCodes.corruptImage, new RegExp(`^stage2: kernel '${kernel}' is corrupt: crc32 0x[0-9a-f]{8}, header says 0x${part.crc32.toString(16).padStart(8, '0')}$`, 'm'));
    expect(r.events).toEqual([]);
    expect(r.wallMs).toBeLessThan(10_000);
  });

  it('stage2 catches a flipped byte in the image header', async () => {
    const corrupt = withFlippedByte(img, 9 * SECTOR + 40); // the first part's name
    const cli = await bareflowCli(['boot', corrupt], T);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr).toMatch(/^error: image \S+ not a BareFlow image: image header: checksum mismatch$/m);
    const r = await expectFailure(corrupt, {}, exitCodes.corruptImage, /^stage2: image header is corrupt \(checksum mismatch\)$/m);
    expect(r.events).toEqual([]);
  });

  // stage2 checks four bytes a step and the last 0..3 one at a time; the real kernels' sizes happen to be multiples of 4.
  it.each([1, 2, 3])('stage2 checks a kernel of 4n+%i bytes to its last byte', async (extra) => {
    // Bytes past the kernel's end land where .bss starts, which _start zeroes: they do not change what runs.
    const padded = withParts(img, (parts) => parts.map((p) => ('data' in p && p.name === 'aot' ? { ...p, data: Buffer.concat([p.data, Buffer.alloc(4 + ((((extra - p.data.length) % 4) + 4) % 4), 0x5a)]) } : p)));
    const part = readHeader(readFileSync(padded)).parts.find((p) => p.name === 'aot')!;
    expect(part.bytes % 4).toBe(extra);
    const ok = await bootTest({ image: padded, options: { mode: 'aot', steps: 8 }, timeoutMs: T });
    expect(ok.guestCode).toBe(0);
    const r = await expectFailure(withFlippedByte(padded, partOffset(padded, 'aot') + part.bytes - 1), { mode: 'aot' }, exitCodes.corruptImage, /^stage2: kernel 'aot' is corrupt: /m);
    expect(r.events).toEqual([]);
  });

  it('a disk that ends inside stage2: stage1 says so and exits, without the BIOS', async () => {
    // stage1 reads LBA 1..9 in one ATA command; the drive refuses the sectors past the end (status ERR).
    const r = await expectFailure(withSectors(img, 5), { mode: 'aot' }, exitCodes.disk, /^stage1: disk error reading stage2\r?$/m);
    expect(r.events).toEqual([]);
    expect(r.wallMs).toBeLessThan(10_000);
  });

  it('a disk read that fails: stage2 names the sector and the drive status', async () => {
    // The disk ends half-way through the aot kernel: the drive refuses the first sector past its end (status READY | ERR).
    const part = readHeader(readFileSync(img)).parts.find((p) => p.name === 'aot')!;
    const end = part.lba + (part.sectors >> 1);
    const lba = `0x${end.toString(16).padStart(8, '0')}`;
    const r = await expectFailure(withSectors(img, end), { mode: 'aot' }, exitCodes.disk,
      new RegExp(`^stage2: disk read error at LBA ${lba} \\(ATA status 0x41; 0xff: no drive, 0x80 set: busy for 10 s\\)$`, 'm'));
    expect(r.events).toEqual([]);
    expect(r.wallMs).toBeLessThan(10_000);
  });

  it('bareflow inspect names a flipped stage1 or stage2 byte', async () => {
    for (const [what, offset] of [['stage1', 100], ['stage2', stage2Tail]] as const) {
      const r = await bareflowCli(['inspect', withFlippedByte(img, offset)], T);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`^FAIL ${what}: crc 0x[0-9a-f]{8} != 0x[0-9a-f]{8}$`, 'm'));
      expect(r.stdout).toMatch(/^1 of \d+ checks failed$/m);
    }
    const ok = await bareflowCli(['inspect', img], T);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/^ok: 13 checksums verified$/m); // stage1, stage2, aot, bootstrap, jit, meta, data and its 6 files
  });
});

describe('the kernel that runs is the one the mode asked for', () => {
  it('names its kernel and boot mode in its first event', async () => {
    for (const [mode, kernel] of [['aot', 'aot'], ['interp', 'bootstrap'], ['jit', 'jit']] as const) {
      const r = await bootTest({ image: img, options: { mode, steps: 8 }, timeoutMs: T });
      expect(r.guestCode).toBe(0);
      expect(r.events[0]).toEqual({ ev: 'kernel', kernel, mode });
    }
  });

  it('an interp alias pointing at the aot kernel fails the run, naming both modes, with no report', async () => {
    const aliased = withAliases(img, { interp: 'aot' });
    const run = `mismatch-${process.pid}`;
    const r = await bareflowCli(['boot', aliased, '--mode', 'interp', '--steps', '8', '--run', run], T);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: mode mismatch: asked for mode 'interp', but the guest ran the 'aot' kernel, which runs mode 'aot'$/m);
    expect(existsSync(join(reportsDir, `${run}.json`))).toBe(false);
    expect(existsSync(join(reportsDir, `${run}.md`))).toBe(false);
    // The same image in the mode its kernel runs is fine.
    const report = join(reportsDir, `${run}-aot.json`);
    try {
      const ok = await bareflowCli(['boot', aliased, '--mode', 'aot', '--steps', '8', '--run', `${run}-aot`], T);
      expect(ok.exitCode).toBe(0);
      const text = readFileSync(report, 'utf8'); // labelled aot, wherever the report keeps its mode
      expect(text).toMatch(/"mode": "aot"/);
      expect(text).not.toMatch(/"mode": "interp"/);
    } finally {
      rmSync(report, { force: true });
      rmSync(report.replace(/json$/, 'md'), { force: true });
    }
  });
});
