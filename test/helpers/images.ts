// Test images, built once per `npm test` however many test files ask for them:
// a lock directory serialises the builds of parallel vitest workers, and the
// step runner's cache makes every later call a no-op.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildImage, type ImageResult } from '../../build/image-build.ts';
import { HEADER_LBA, SECTOR, STAGE2_LBA, packImage, packVolume, partData, readHeader, readVolume, volumeFile, type Alias, type Part, type VolumeFile } from '../../build/image.ts';
import { defaultBootOptions } from '../../build/options.ts';
import { imagesDir, objDir, sharedModels } from '../../build/paths.ts';
import { tempDir } from './tempdir.ts';

export const testImagesDir = join(imagesDir, 'test');
export const storiesModel = join(sharedModels, 'stories260K.bin');
export const storiesTokenizer = join(sharedModels, 'tok512.bin');
export const defaultModelFiles = {
  model: join(objDir, 'data', 'default-model.bin'),
  tokenizer: join(objDir, 'data', 'default-tokenizer.bin'),
};

/** Runs `fn` while no other test process builds into images/obj. */
export async function withLock<T>(fn: () => Promise<T>, lock = join(imagesDir, '.test-build.lock')): Promise<T> {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (lockIsStale(lock)) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A lock whose holder is gone: vitest ends a worker whose beforeAll timed out
 * without running its `finally`, so the lock outlives it. Its pid file names the
 * holder; a lock without one (being created, or left by an older run) counts
 * as stale after 20 minutes.
 */
function lockIsStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    if (pid > 0) return !processAlive(pid);
  } catch {
    // no pid file yet, or the holder released the lock meanwhile
  }
  try {
    return Date.now() - statSync(lock).mtimeMs > 20 * 60_000;
  } catch {
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type TestImage = 'default' | 'stories';

export function testImage(which: TestImage): Promise<ImageResult> {
  return withLock(() =>
    buildImage({
      out: join(testImagesDir, `${which}.img`),
      ...(which === 'stories' ? { modelPath: storiesModel, tokenizerPath: storiesTokenizer } : {}),
      defaults: defaultBootOptions,
    }),
  );
}

/** A copy of `image` whose data volume holds `files` instead (checksums made right), in a temp file. */
export function withDataFiles(image: string, edit: (files: VolumeFile[]) => VolumeFile[]): string {
  const img = readFileSync(image);
  const header = readHeader(img);
  const data = partData(img, header.parts.find((p) => p.name === 'data')!);
  const files = readVolume(data).map((e) => ({ name: e.name, data: Buffer.from(volumeFile(data, e)) }));
  const parts: Part[] = header.parts.map((p) =>
    p.name === 'data' ? { name: 'data', data: packVolume(edit(files)) } : { name: p.name, data: Buffer.from(partData(img, p)), loadAddr: p.loadAddr, entry: p.entry },
  );
  const out = join(tempDir('img-'), 'edited.img');
  writeFileSync(out, packImage({ stage1: img.subarray(0, SECTOR), stage2: img.subarray(STAGE2_LBA * SECTOR, HEADER_LBA * SECTOR), parts }));
  return out;
}

/** A copy of `image` with bytes changed behind the checksums' back. */
export function withCorruptBytes(image: string, offset: number, bytes: Buffer): string {
  const img = readFileSync(image);
  bytes.copy(img, offset);
  const out = join(tempDir('img-'), 'corrupt.img');
  writeFileSync(out, img);
  return out;
}

/** A copy of `image` repacked from its parts as `edit` returns them (aliases kept), checksums made right. */
export function withParts(image: string, edit: (parts: (Part | Alias)[]) => (Part | Alias)[]): string {
  const img = readFileSync(image);
  const parts: (Part | Alias)[] = readHeader(img).parts.map((p) =>
    p.aliasOf ? { name: p.name, aliasOf: p.aliasOf } : { name: p.name, data: Buffer.from(partData(img, p)), loadAddr: p.loadAddr, entry: p.entry },
  );
  const out = join(tempDir('img-'), 'repacked.img');
  writeFileSync(out, packImage({ stage1: img.subarray(0, SECTOR), stage2: img.subarray(STAGE2_LBA * SECTOR, HEADER_LBA * SECTOR), parts: edit(parts) }));
  return out;
}

/** A copy of `image` whose alias entries point where `targets` says (e.g. { interp: 'aot' }). */
export function withAliases(image: string, targets: Record<string, string>): string {
  return withParts(image, (parts) => parts.map((p) => ('aliasOf' in p ? { name: p.name, aliasOf: targets[p.name] ?? p.aliasOf } : p)));
}

/** A copy of `image` cut short after its first `sectors` sectors (a disk smaller than its header says). */
export function withSectors(image: string, sectors: number): string {
  const out = join(tempDir('img-'), 'truncated.img');
  writeFileSync(out, readFileSync(image).subarray(0, sectors * SECTOR));
  return out;
}

/** A copy of `image` with the byte at `offset` inverted: the smallest corruption there is. */
export function withFlippedByte(image: string, offset: number): string {
  const img = readFileSync(image);
  return withCorruptBytes(image, offset, Buffer.from([img[offset] ^ 0xff]));
}

/** Byte offset of part `name` in `image`. */
export function partOffset(image: string, name: string): number {
  const part = readHeader(readFileSync(image)).parts.find((p) => p.name === name);
  if (!part) throw new Error(`${image} has no part '${name}'`);
  return part.lba * SECTOR;
}
