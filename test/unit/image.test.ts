import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CACHE_SLOTS, cacheRegions, chosenSlot, clearSlots, encodeSlotHeader, imageKey, readSlots } from '../../build/cache-slots.ts';
import { imageSha256 } from '../../build/image-file.ts';
import { packImage, packVolume, readHeader, readVolume, verifyImage, partData, volumeFile, SECTOR, IMAGE_VERSION, CACHE_PART, kernelForMode, kernelMismatch } from '../../build/image.ts';

const stage1 = (): Buffer => {
  const b = Buffer.alloc(512, 0x90);
  b.writeUInt16LE(0xaa55, 510);
  return b;
};

function sample(): Buffer {
  const volume = packVolume([
    { name: 'model.bin', data: Buffer.from('weights!') },
    { name: 'boot.cfg', data: Buffer.from('steps=3\n') },
  ]);
  return packImage({
    stage1: stage1(),
    stage2: Buffer.alloc(1000, 0xcc),
    parts: [
      { name: 'aot', data: Buffer.alloc(70_000, 7), loadAddr: 0x100000, entry: 0x100000 },
      { name: 'data', data: volume },
    ],
  });
}

describe('image format', () => {
  it('lays out stage1, stage2, header and sector-aligned parts', () => {
    const img = sample();
    const h = readHeader(img);
    expect(h.version).toBe(2);
    expect(h.parts.map((p) => [p.name, p.lba, p.sectors, p.bytes])).toEqual([
      ['aot', 10, 137, 70_000],
      ['data', 147, 3, 1536],
    ]);
    expect(h.sectors * SECTOR).toBe(img.length);
    expect(img.length).toBe(150 * 512);
    expect(img.toString('latin1', 9 * 512, 9 * 512 + 8)).toBe('BAREFLOW');
    expect(h.parts[0].crc32).toBe(crc32(Buffer.alloc(70_000, 7)));
    expect(h.parts[0].loadAddr).toBe(0x100000);
  });

  it('stores data files behind a directory, each sector-aligned with its CRC', () => {
    const img = sample();
    const data = partData(img, readHeader(img).parts[1]);
    const files = readVolume(data);
    expect(files.map((f) => [f.name, f.offset, f.size])).toEqual([
      ['model.bin', 512, 8],
      ['boot.cfg', 1024, 8],
    ]);
    expect(volumeFile(data, files[1]).toString()).toBe('steps=3\n');
    expect(files[0].crc32).toBe(crc32(Buffer.from('weights!')));
  });

  it('verifies every checksum and names the part that is corrupt', () => {
    const img = sample();
    expect(verifyImage(img).checks.every((c) => c.ok)).toBe(true);
    img[10 * 512 + 5] ^= 1; // a byte of the aot kernel
    const failed = verifyImage(img).checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.what)).toEqual(['part aot']);
    const img2 = sample();
    const modelAt = (147 + 1) * 512;
    img2[modelAt] ^= 1;
    expect(verifyImage(img2).checks.filter((c) => !c.ok).map((c) => c.what)).toEqual(['part data', 'file model.bin']);
  });

  it('keeps CRC-32s of stage1 (its 512 bytes) and stage2 (its 8 padded sectors) in the header', () => {
    const img = sample();
    const h = readHeader(img);
    expect(h.stage1Crc32).toBe(crc32(stage1()));
    expect(h.stage2Crc32).toBe(crc32(Buffer.concat([Buffer.alloc(1000, 0xcc), Buffer.alloc(4096 - 1000)])));
    // At header offsets 24 and 28, where stage1 (which loads the header with stage2) reads the second.
    expect(img.readUInt32LE(9 * 512 + 24)).toBe(h.stage1Crc32);
    expect(img.readUInt32LE(9 * 512 + 28)).toBe(h.stage2Crc32);
    expect(verifyImage(img).checks.map((c) => c.what)).toEqual(['stage1', 'stage2', 'part aot', 'part data', 'file model.bin', 'file boot.cfg']);
  });

  it('names stage1 or stage2 when one of their bytes is flipped, padding included', () => {
    for (const [offset, what] of [[100, 'stage1'], [512 + 10, 'stage2'], [512 + 4095, 'stage2']] as const) {
      const img = sample();
      img[offset] ^= 0xff;
      const failed = verifyImage(img).checks.filter((c) => !c.ok);
      expect(failed.map((c) => c.what)).toEqual([what]);
      expect(failed[0].detail).toMatch(/^crc 0x[0-9a-f]{8} != 0x[0-9a-f]{8}$/);
    }
  });

  it('rejects an image of an older format by name', () => {
    expect(IMAGE_VERSION).toBe(2);
    const img = sample();
    const header = img.subarray(9 * 512, 10 * 512);
    header.writeUInt32LE(1, 8);
    header.writeUInt32LE(0, 12);
    header.writeUInt32LE(crc32(header), 12);
    expect(() => readHeader(img)).toThrow("image header: format version 1 is older than this tool's 2 (no stage1/stage2 checksums): rebuild the image");
    header.writeUInt32LE(3, 8);
    expect(() => readHeader(img)).toThrow('image header: unsupported format version 3');
  });

  it('rejects a damaged header with a clear message', () => {
    const img = sample();
    img[9 * 512 + 40] ^= 0xff;
    expect(() => readHeader(img)).toThrow('image header: checksum mismatch');
    const noMagic = sample();
    noMagic.write('XXXX', 9 * 512, 'latin1');
    expect(() => readHeader(noMagic)).toThrow("image header: bad magic (expected 'BAREFLOW')");
    expect(() => readHeader(Buffer.alloc(100))).toThrow('image is 100 bytes: too small to hold a header');
  });

  it('refuses inputs that cannot boot', () => {
    expect(() => packImage({ stage1: Buffer.alloc(512), stage2: Buffer.alloc(10), parts: [] })).toThrow(/stage1 must be exactly 512 bytes ending in 0x55AA/);
    expect(() => packImage({ stage1: stage1(), stage2: Buffer.alloc(4097), parts: [] })).toThrow('stage2 is 4097 bytes; the limit is 4096');
    expect(() => packVolume([{ name: 'a', data: Buffer.alloc(1) }, { name: 'a', data: Buffer.alloc(1) }])).toThrow("data volume: duplicate file 'a'");
    expect(() => packVolume([{ name: 'x'.repeat(48), data: Buffer.alloc(1) }])).toThrow(/must be 1..47 bytes/);
  });
});

describe('the kernel a run booted', () => {
  const run = (kernel: string, mode: string) => [{ ev: 'kernel', kernel, mode }, { ev: 'boot', stage: 'stage1', tsc: 1 }];

  it('maps boot modes to kernels as the image aliases them', () => {
    expect(kernelForMode('aot')).toBe('aot');
    expect(kernelForMode('interp')).toBe('bootstrap');
  });

  it('accepts the kernel and mode that were asked for, and a run that stopped before the kernel', () => {
    expect(kernelMismatch(run('aot', 'aot'), 'aot')).toBeUndefined();
    expect(kernelMismatch(run('bootstrap', 'interp'), 'interp')).toBeUndefined();
    expect(kernelMismatch([], 'interp')).toBeUndefined();
  });

  it('names both modes when the kernel or the booted mode differs', () => {
    expect(kernelMismatch(run('aot', 'interp'), 'interp')).toBe("mode mismatch: asked for mode 'interp', but the guest ran the 'aot' kernel, which runs mode 'aot'");
    expect(kernelMismatch(run('bootstrap', 'interp'), 'aot')).toBe("mode mismatch: asked for mode 'aot', but the guest ran the 'bootstrap' kernel, which runs mode 'interp'");
    expect(kernelMismatch(run('aot', 'aot'), 'interp')).toBe("mode mismatch: asked for mode 'interp', but the guest ran the 'aot' kernel, which runs mode 'aot'");
    expect(kernelMismatch(run('bootstrap', 'aot'), 'interp')).toBe("mode mismatch: asked for mode 'interp', but stage2 booted mode 'aot'");
  });

  it('refuses a run whose first event does not name its kernel', () => {
    expect(kernelMismatch(run('aot', 'aot').slice(1), 'aot')).toBe("the guest's first event is 'boot', not 'kernel': it did not say which kernel it is");
  });
});

describe('the cache part and its slots (build/cache-slots.ts)', () => {
  const model = Buffer.from('weights!');
  const bc = Buffer.from('BC\xc0\xde-module', 'latin1');
  const runtimeBc = Buffer.from('BC\xc0\xde-runtime', 'latin1');
  const meta = Buffer.alloc(2000, 7);
  const slotBytes = 4 * 512; // a small cache part: 6 slots of 4 sectors, two per region
  function withCache(): Buffer {
    const volume = packVolume([{ name: 'model.bin', data: model }, { name: 'tinyllama.bc', data: bc }, { name: 'runtime.bc', data: runtimeBc }]);
    return packImage({
      stage1: stage1(),
      stage2: Buffer.alloc(1000, 0xcc),
      parts: [
        { name: 'jit', data: Buffer.alloc(3000, 9), loadAddr: 0x100000, entry: 0x100000 },
        { name: 'meta', data: meta, loadAddr: 0x100000, entry: 0x100000 },
        { name: 'data', data: volume },
        { name: CACHE_PART, data: Buffer.alloc(CACHE_SLOTS * slotBytes) },
      ],
    });
  }
  const key = (img: Buffer) => ({ ...imageKey(img), jit_version: 1, jit_options: 100, cpu: 1, layout: 0 }) as Parameters<typeof encodeSlotHeader>[0]['key'];
  /** Writes a slot as the guest would: payload, then its header. */
  function writeSlot(img: Buffer, i: number, seq: number, payload: Buffer): void {
    const at = readSlots(img)[i].offset;
    payload.copy(img, at + 512);
    encodeSlotHeader({ seq, key: key(img), payloadLen: payload.length, payloadCrc: crc32(payload), nfunctions: 2, codeBytes: 40 }).copy(img, at);
  }

  it('records the cache part with CRC 0 and checks nothing in it: boots rewrite it', () => {
    const img = withCache();
    const part = readHeader(img).parts.find((p) => p.name === CACHE_PART)!;
    expect(part).toMatchObject({ sectors: 24, bytes: 6 * slotBytes, crc32: 0 });
    img[part.lba * 512 + 100] = 0x55;
    expect(verifyImage(img).checks.map((c) => c.what)).toEqual(['stage1', 'stage2', 'part jit', 'part meta', 'part data', 'file model.bin', 'file tinyllama.bc', 'file runtime.bc']);
    expect(verifyImage(img).checks.every((c) => c.ok)).toBe(true);
  });

  it('reads empty, valid, corrupt and stale slots, and picks the valid matching one with the highest seq', () => {
    const img = withCache();
    expect(readSlots(img).map((s) => s.state)).toEqual(['empty', 'empty']);
    expect(chosenSlot(readSlots(img))).toBeUndefined();
    writeSlot(img, 0, 1, Buffer.alloc(64, 1));
    writeSlot(img, 1, 2, Buffer.alloc(128, 2));
    let slots = readSlots(img);
    expect(slots.map((s) => [s.state, s.header?.seq, s.matches])).toEqual([['valid', 1, true], ['valid', 2, true]]);
    expect(slots[0].header!.key).toMatchObject({ engine: crc32(Buffer.alloc(3000, 9)), module: crc32(bc), module_len: bc.length, data: crc32(model) });
    expect(chosenSlot(slots)!.slot).toBe('B');
    img[slots[1].offset + 512 + 5] ^= 1; // B's payload
    slots = readSlots(img);
    expect(slots[1]).toMatchObject({ state: 'corrupt', why: 'corrupt: payload checksum mismatch' });
    expect(chosenSlot(slots)!.slot).toBe('A');
    img[slots[0].offset + 13] ^= 1; // A's seq
    expect(readSlots(img)[0]).toMatchObject({ state: 'corrupt', why: 'corrupt: header checksum mismatch' });
    img[slots[0].offset] = 0x41;
    expect(readSlots(img)[0]).toMatchObject({ state: 'corrupt', why: 'corrupt: wrong magic' });
  });

  it('names a slot of another build stale, and the field that differs', () => {
    const img = withCache();
    const at = readSlots(img)[0].offset;
    encodeSlotHeader({ seq: 4, key: { ...key(img), data: 7 }, payloadLen: 0, payloadCrc: 0, nfunctions: 0, codeBytes: 0 }).copy(img, at);
    expect(readSlots(img)[0]).toMatchObject({ state: 'valid', matches: false, stale: ['data'], why: 'stale: data changed' });
    encodeSlotHeader({ seq: 4, key: key(img), payloadLen: 0, payloadCrc: 0, nfunctions: 0, codeBytes: 0, version: 2 }).copy(img, at);
    expect(readSlots(img)[0]).toMatchObject({ state: 'corrupt', why: 'stale: format version 2' });
    encodeSlotHeader({ seq: 4, key: key(img), payloadLen: slotBytes, payloadCrc: 0, nfunctions: 0, codeBytes: 0 }).copy(img, at);
    expect(readSlots(img)[0]).toMatchObject({ state: 'corrupt', why: 'corrupt: truncated' });
  });

  it('clears every slot, and leaves them out of the image hash a run records', () => {
    const img = withCache();
    const before = imageSha256(img);
    writeSlot(img, 0, 1, Buffer.alloc(64, 1));
    expect(imageSha256(img)).toBe(before);
    expect(clearSlots(img)).toBe(6 * slotBytes);
    expect(readSlots(img).map((s) => s.state)).toEqual(['empty', 'empty']);
  });

  it('gives each layer two slots of its own, keyed by the kernel and the bitcode its code belongs to', () => {
    const img = withCache();
    const part = readHeader(img).parts.find((p) => p.name === CACHE_PART)!;
    expect(cacheRegions.flatMap((r) => readSlots(img, r).map((s) => (s.offset - part.lba * 512) / slotBytes))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(imageKey(img, readHeader(img), 'jit')).toEqual({ engine: crc32(Buffer.alloc(3000, 9)), module: crc32(bc), module_len: bc.length, data: crc32(model) });
    // runtime.bc's own functions run in the meta bootstrap: its kernel, runtime.bc
    expect(imageKey(img, readHeader(img), 'meta runtime')).toEqual({ engine: crc32(meta), module: crc32(runtimeBc), module_len: runtimeBc.length, data: crc32(model) });
    // tinyllama's, made by runtime.bc's JIT and linked against its engine: the bootstrap's CRC continued over runtime.bc's
    const runtimeCrc = Buffer.alloc(4);
    runtimeCrc.writeUInt32LE(crc32(runtimeBc));
    expect(imageKey(img, readHeader(img), 'meta app')).toEqual({ engine: crc32(runtimeCrc, crc32(meta)), module: crc32(bc), module_len: bc.length, data: crc32(model) });
    // a slot written for the jit kernel is no meta boot's
    writeSlot(img, 0, 1, Buffer.alloc(64, 1));
    expect(readSlots(img, 'jit')[0]).toMatchObject({ state: 'valid', matches: true });
    expect(readSlots(img, 'meta app').map((s) => s.state)).toEqual(['empty', 'empty']);
  });
});
