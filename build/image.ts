// The disk image format (boot/bootinfo.h is the C side of the same contract):
//   LBA 0      stage1 (MBR)
//   LBA 1..8   stage2 (≤ 4 KiB)
//   LBA 9      image header: magic, version, CRCs of itself, stage1 and stage2, table of parts
//   then, each sector-aligned: the kernels, the data volume, the cache region (last, so
//   a cache of another size never moves the others).
// The cache part (build/cache-slots.ts) is the one part the guest writes: its header
// entry has crc32 0 and no check covers its bytes; its slots carry their own checksums.
// The data volume is a directory (64-byte header + 64-byte entries) followed by
// sector-aligned files.
import { crc32 } from 'node:zlib';
import { bootModes } from './options.ts';

export const SECTOR = 512;
export const STAGE2_LBA = 1;
export const STAGE2_SECTORS = 8;
export const HEADER_LBA = 9;
export const IMAGE_MAGIC = 'BAREFLOW';
// 2: the header holds CRC-32s of stage1 and stage2 (offsets 24 and 28, reserved in 1).
export const IMAGE_VERSION = 2;
export const VOLUME_MAGIC = 'BFVOLUME';
export const VOLUME_VERSION = 1;
export const MAX_PARTS = 8;
const STAGE1_CRC_OFFSET = 24;
const STAGE2_CRC_OFFSET = 28;
const PART_BYTES = 48;
const PARTS_OFFSET = 32;
const ENTRY_BYTES = 64;
const NAME_BYTES = { part: 16, file: 48 };

/** The part the guest writes (the jit kernel's native-code cache): no CRC in the header, none checked. */
export const CACHE_PART = 'cache';

export interface Part {
  name: string;
  data: Buffer;
  loadAddr?: number;
  entry?: number;
}

/** Another name for a part already in the image: stage2 finds kernels by boot mode, and several modes share one kernel. */
export interface Alias {
  name: string;
  aliasOf: string;
}

/** Boot modes → the kernel part stage2 loads for them, where the mode is not itself a part's name. */
export const modeKernels: Alias[] = [{ name: 'interp', aliasOf: 'bootstrap' }];

/** The kernel that runs boot mode `mode`. */
export const kernelForMode = (mode: string): string => modeKernels.find((a) => a.name === mode)?.aliasOf ?? mode;

/**
 * Why a run did not run what `mode` asked for, or undefined if it did. The
 * kernel's first event names the kernel it was built as and the mode stage2
 * booted (kernel_lib/kmain.c); a run with no events stopped before the kernel,
 * and its exit code says why.
 */
export function kernelMismatch(events: { ev: string; [key: string]: unknown }[], mode: string): string | undefined {
  if (events.length === 0) return undefined;
  const [first] = events;
  if (first.ev !== 'kernel') return `the guest's first event is '${first.ev}', not 'kernel': it did not say which kernel it is`;
  if (first.kernel !== kernelForMode(mode)) {
    const runs = bootModes.filter((m) => kernelForMode(m) === first.kernel);
    return `mode mismatch: asked for mode '${mode}', but the guest ran the '${first.kernel}' kernel, which runs mode ${runs.map((m) => `'${m}'`).join(', ') || 'none'}`;
  }
  if (first.mode !== mode) return `mode mismatch: asked for mode '${mode}', but stage2 booted mode '${first.mode}'`;
  return undefined;
}

export interface PartInfo {
  name: string;
  /** Set when this entry names the same sectors as an earlier one. */
  aliasOf?: string;
  lba: number;
  sectors: number;
  bytes: number;
  crc32: number;
  loadAddr: number;
  entry: number;
}

export interface VolumeFile {
  name: string;
  data: Buffer;
}

export interface VolumeEntry {
  name: string;
  offset: number;
  size: number;
  crc32: number;
}

export class ImageError extends Error {}

const sectorsFor = (bytes: number): number => Math.ceil(bytes / SECTOR);
const padToSector = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc(sectorsFor(b.length) * SECTOR - b.length)]);

function writeName(buf: Buffer, offset: number, name: string, max: number, what: string): void {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length === 0 || bytes.length >= max) throw new ImageError(`${what} name '${name}' must be 1..${max - 1} bytes`);
  bytes.copy(buf, offset);
}

function readName(buf: Buffer, offset: number, max: number): string {
  const raw = buf.subarray(offset, offset + max);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? max : end).toString('utf8');
}

export function packVolume(files: VolumeFile[]): Buffer {
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.name)) throw new ImageError(`data volume: duplicate file '${f.name}'`);
    names.add(f.name);
  }
  const dirBytes = sectorsFor(ENTRY_BYTES * (files.length + 1)) * SECTOR;
  const dir = Buffer.alloc(dirBytes);
  dir.write(VOLUME_MAGIC, 0, 'latin1');
  dir.writeUInt32LE(VOLUME_VERSION, 8);
  dir.writeUInt32LE(files.length, 12);
  dir.writeUInt32LE(dirBytes, 16);
  const bodies: Buffer[] = [];
  let offset = dirBytes;
  files.forEach((f, i) => {
    const e = ENTRY_BYTES * (i + 1);
    writeName(dir, e, f.name, NAME_BYTES.file, 'data file');
    dir.writeUInt32LE(offset, e + 48);
    dir.writeUInt32LE(f.data.length, e + 52);
    dir.writeUInt32LE(crc32(f.data), e + 56);
    const body = padToSector(f.data);
    bodies.push(body);
    offset += body.length;
  });
  return Buffer.concat([dir, ...bodies]);
}

export function readVolume(vol: Buffer): VolumeEntry[] {
  if (vol.length < ENTRY_BYTES || vol.toString('latin1', 0, 8) !== VOLUME_MAGIC) {
    throw new ImageError(`data volume: bad magic (expected '${VOLUME_MAGIC}')`);
  }
  const version = vol.readUInt32LE(8);
  if (version !== VOLUME_VERSION) throw new ImageError(`data volume: unsupported version ${version}`);
  const count = vol.readUInt32LE(12);
  if (ENTRY_BYTES * (count + 1) > vol.length) throw new ImageError(`data volume: directory of ${count} entries does not fit`);
  const entries: VolumeEntry[] = [];
  for (let i = 0; i < count; i++) {
    const e = ENTRY_BYTES * (i + 1);
    const entry = {
      name: readName(vol, e, NAME_BYTES.file),
      offset: vol.readUInt32LE(e + 48),
      size: vol.readUInt32LE(e + 52),
      crc32: vol.readUInt32LE(e + 56),
    };
    if (entry.offset + entry.size > vol.length) {
      throw new ImageError(`data volume: file '${entry.name}' (${entry.size} bytes at ${entry.offset}) runs past the volume's end`);
    }
    entries.push(entry);
  }
  return entries;
}

export interface ImageInput {
  stage1: Buffer;
  stage2: Buffer;
  parts: (Part | Alias)[];
}

const isAlias = (p: Part | Alias): p is Alias => 'aliasOf' in p;

export function packImage(input: ImageInput): Buffer {
  if (input.stage1.length !== SECTOR || input.stage1.readUInt16LE(510) !== 0xaa55) {
    throw new ImageError(`stage1 must be exactly 512 bytes ending in 0x55AA (got ${input.stage1.length} bytes)`);
  }
  if (input.stage2.length > STAGE2_SECTORS * SECTOR) {
    throw new ImageError(`stage2 is ${input.stage2.length} bytes; the limit is ${STAGE2_SECTORS * SECTOR}`);
  }
  if (input.parts.length > MAX_PARTS) throw new ImageError(`too many parts (${input.parts.length}, at most ${MAX_PARTS})`);
  const header = Buffer.alloc(SECTOR);
  header.write(IMAGE_MAGIC, 0, 'latin1');
  header.writeUInt32LE(IMAGE_VERSION, 8);
  header.writeUInt32LE(input.parts.length, 20);
  const bodies: Buffer[] = [];
  let lba = HEADER_LBA + 1;
  const entryOf = new Map<string, number>();
  input.parts.forEach((p, i) => {
    const o = PARTS_OFFSET + PART_BYTES * i;
    writeName(header, o, p.name, NAME_BYTES.part, 'part');
    if (isAlias(p)) {
      const target = entryOf.get(p.aliasOf);
      if (target === undefined) throw new ImageError(`part '${p.name}' is an alias of '${p.aliasOf}', which does not come before it`);
      header.copy(header, o + NAME_BYTES.part, target + NAME_BYTES.part, target + PART_BYTES);
      return;
    }
    entryOf.set(p.name, o);
    const body = padToSector(p.data);
    header.writeUInt32LE(lba, o + 16);
    header.writeUInt32LE(body.length / SECTOR, o + 20);
    header.writeUInt32LE(p.data.length, o + 24);
    header.writeUInt32LE(p.name === CACHE_PART ? 0 : crc32(p.data), o + 28);
    header.writeUInt32LE(p.loadAddr ?? 0, o + 32);
    header.writeUInt32LE(p.entry ?? 0, o + 36);
    bodies.push(body);
    lba += body.length / SECTOR;
  });
  header.writeUInt32LE(lba, 16);
  // stage2's CRC covers all 8 sectors, padding included: stage1 checks exactly what it loads.
  const stage2 = Buffer.alloc(STAGE2_SECTORS * SECTOR);
  input.stage2.copy(stage2);
  header.writeUInt32LE(crc32(input.stage1), STAGE1_CRC_OFFSET);
  header.writeUInt32LE(crc32(stage2), STAGE2_CRC_OFFSET);
  header.writeUInt32LE(crc32(header), 12);
  return Buffer.concat([input.stage1, stage2, header, ...bodies]);
}

export interface ParsedImage {
  version: number;
  sectors: number;
  stage1Crc32: number;
  stage2Crc32: number;
  parts: PartInfo[];
}

export function readHeader(img: Buffer): ParsedImage {
  if (img.length < (HEADER_LBA + 1) * SECTOR) throw new ImageError(`image is ${img.length} bytes: too small to hold a header`);
  if (img.readUInt16LE(510) !== 0xaa55) throw new ImageError('sector 0 has no boot signature 0x55AA');
  const header = Buffer.from(img.subarray(HEADER_LBA * SECTOR, (HEADER_LBA + 1) * SECTOR));
  if (header.toString('latin1', 0, 8) !== IMAGE_MAGIC) throw new ImageError(`image header: bad magic (expected '${IMAGE_MAGIC}')`);
  const version = header.readUInt32LE(8);
  if (version === 1) {
    throw new ImageError(`image header: format version 1 is older than this tool's ${IMAGE_VERSION} (no stage1/stage2 checksums): rebuild the image`);
  }
  if (version !== IMAGE_VERSION) throw new ImageError(`image header: unsupported format version ${version}`);
  const stored = header.readUInt32LE(12);
  header.writeUInt32LE(0, 12);
  if (crc32(header) !== stored) throw new ImageError('image header: checksum mismatch');
  const count = header.readUInt32LE(20);
  if (count > MAX_PARTS) throw new ImageError(`image header: ${count} parts (at most ${MAX_PARTS})`);
  const parts: PartInfo[] = [];
  for (let i = 0; i < count; i++) {
    const o = PARTS_OFFSET + PART_BYTES * i;
    parts.push({
      name: readName(header, o, NAME_BYTES.part),
      lba: header.readUInt32LE(o + 16),
      sectors: header.readUInt32LE(o + 20),
      bytes: header.readUInt32LE(o + 24),
      crc32: header.readUInt32LE(o + 28),
      loadAddr: header.readUInt32LE(o + 32),
      entry: header.readUInt32LE(o + 36),
    });
  }
  for (const [i, p] of parts.entries()) {
    const same = parts.slice(0, i).find((q) => !q.aliasOf && q.lba === p.lba && q.sectors === p.sectors && p.sectors > 0);
    if (same) p.aliasOf = same.name;
  }
  return {
    version,
    sectors: header.readUInt32LE(16),
    stage1Crc32: header.readUInt32LE(STAGE1_CRC_OFFSET),
    stage2Crc32: header.readUInt32LE(STAGE2_CRC_OFFSET),
    parts,
  };
}

export function partData(img: Buffer, part: PartInfo): Buffer {
  const start = part.lba * SECTOR;
  if (start + part.bytes > img.length) throw new ImageError(`part '${part.name}' runs past the image's end`);
  return img.subarray(start, start + part.bytes);
}

export function volumeFile(vol: Buffer, entry: VolumeEntry): Buffer {
  return vol.subarray(entry.offset, entry.offset + entry.size);
}

export interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

/** Every checksum in the image, for `bareflow inspect`. */
export function verifyImage(img: Buffer): { image: ParsedImage; volume: VolumeEntry[]; checks: Check[] } {
  const image = readHeader(img);
  const checks: Check[] = [];
  if (image.sectors * SECTOR !== img.length) {
    checks.push({ what: 'image size', ok: false, detail: `header says ${image.sectors * SECTOR} bytes, file has ${img.length}` });
  }
  const crcCheck = (what: string, data: Buffer, expected: number): Check => {
    const crc = crc32(data);
    return { what, ok: crc === expected, detail: crc === expected ? 'crc ok' : `crc ${hex(crc)} != ${hex(expected)}` };
  };
  checks.push(crcCheck('stage1', img.subarray(0, SECTOR), image.stage1Crc32));
  checks.push(crcCheck('stage2', img.subarray(STAGE2_LBA * SECTOR, HEADER_LBA * SECTOR), image.stage2Crc32));
  let volume: VolumeEntry[] = [];
  // The cache part changes with every boot that writes it: its slots are checked on their own (cache-slots.ts).
  for (const p of image.parts.filter((q) => !q.aliasOf && q.name !== CACHE_PART)) {
    const data = partData(img, p);
    checks.push(crcCheck(`part ${p.name}`, data, p.crc32));
    if (p.name === 'data') {
      volume = readVolume(data);
      for (const f of volume) checks.push(crcCheck(`file ${f.name}`, volumeFile(data, f), f.crc32));
    }
  }
  return { image, volume, checks };
}

export const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
