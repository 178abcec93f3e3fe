// The image's cache part as the host sees it: a region of two slots (A, B) per engine layer
// that keeps code (cache/cache.h BFC_REGION_*: the jit kernel's tinyllama code; a meta boot's
// runtime.bc code and its tinyllama code), each slot a 512-byte header sector and its payload,
// the two written alternately (interpreter/guest_jit.c).
// The header (cache/cache.h is the C side of the same contract, and says what the payload's records hold):
//   0  magic "BFCACHE1"       8  u32 version      12 u32 seq (the newest valid slot wins)
//   16 key: u32 engine (CRC-32 of the jit kernel part), module (CRC-32 of tinyllama.bc),
//      module_len, data (CRC-32 of model.bin), jit_version, jit_options (the threshold),
//      cpu, layout (0, or where this run put what the code may point at: cache/cache.h)
//   48 u32 payload_len  52 u32 payload_crc  56 u32 nfunctions  60 u32 code_bytes
//   64 u32 header_crc (CRC-32 of bytes 0..63)
// The payload (compiled functions with their relocations) starts at byte 512 of the slot.
// `bareflow inspect` and `bareflow cache show|clear` read and clear it here.
import { crc32 } from 'node:zlib';
import { CACHE_PART, SECTOR, partData, readHeader, readVolume, type ParsedImage } from './image.ts';

export const CACHE_MAGIC = 'BFCACHE1';
export const CACHE_VERSION = 1;
/** Each slot: 1 MiB (a header sector and up to 1 MiB - 512 of payload). tinyllama's compiled code is ~55 KB. */
export const CACHE_SLOT_BYTES = 1 << 20;
/** The regions, in the part's order (cache/cache.h: BFC_REGION_JIT, _META_RUNTIME, _META_APP). */
export const cacheRegions = ['jit', 'meta runtime', 'meta app'] as const;
export type CacheRegion = (typeof cacheRegions)[number];
export const CACHE_SLOTS = 2 * cacheRegions.length;
/** The header CRC covers bytes 0..63; bytes 68..511 of the header sector are zero. */
export const CACHE_HEADER_BYTES = 64;
export const CACHE_HEADER_USED = 68;
export const slotNames = ['A', 'B'] as const;

export const keyFields = ['engine', 'module', 'module_len', 'data', 'jit_version', 'jit_options', 'cpu', 'layout'] as const;
/** What a changed key field means (cache/format.c's words, for "stale: …"). */
export const keyChanges: Record<(typeof keyFields)[number], string> = {
  engine: 'engine changed', module: 'module changed', module_len: 'module changed (length)', data: 'data changed',
  jit_version: 'jit version changed', jit_options: 'jit options changed', cpu: 'cpu features changed', layout: 'memory layout changed',
};
export type CacheKey = Record<(typeof keyFields)[number], number>;

export interface SlotHeader {
  magic: string;
  version: number;
  seq: number;
  key: CacheKey;
  payloadLen: number;
  payloadCrc: number;
  nfunctions: number;
  codeBytes: number;
  headerCrc: number;
}

export type SlotState = 'empty' | 'valid' | 'corrupt';

export interface SlotInfo {
  slot: (typeof slotNames)[number];
  /** Byte offset of the slot in the image. */
  offset: number;
  state: SlotState;
  /** Why a slot is corrupt (cache/format.c's words: "corrupt: wrong magic", "stale: format version 2", …). */
  why?: string;
  header?: SlotHeader;
  /** For a valid slot: whether its key is this image's (engine, module, data: the JIT's own fields depend on the boot), and which fields differ (why: the first, as the guest says it). */
  matches?: boolean;
  stale?: string[];
}

export function decodeSlotHeader(b: Buffer): SlotHeader {
  const u = (o: number): number => b.readUInt32LE(o);
  return {
    magic: b.toString('latin1', 0, 8),
    version: u(8),
    seq: u(12),
    key: Object.fromEntries(keyFields.map((k, i) => [k, u(16 + 4 * i)])) as CacheKey,
    payloadLen: u(48),
    payloadCrc: u(52),
    nfunctions: u(56),
    codeBytes: u(60),
    headerCrc: u(64),
  };
}

/** A header sector as the guest writes it (for tests: forged and other builds' slots). */
export function encodeSlotHeader(h: Omit<SlotHeader, 'magic' | 'headerCrc' | 'version'> & { magic?: string; version?: number }): Buffer {
  const b = Buffer.alloc(SECTOR);
  b.write(h.magic ?? CACHE_MAGIC, 0, 'latin1');
  b.writeUInt32LE(h.version ?? CACHE_VERSION, 8);
  b.writeUInt32LE(h.seq, 12);
  keyFields.forEach((k, i) => b.writeUInt32LE(h.key[k] >>> 0, 16 + 4 * i));
  b.writeUInt32LE(h.payloadLen, 48);
  b.writeUInt32LE(h.payloadCrc, 52);
  b.writeUInt32LE(h.nfunctions, 56);
  b.writeUInt32LE(h.codeBytes, 60);
  b.writeUInt32LE(crc32(b.subarray(0, CACHE_HEADER_BYTES)), 64);
  return b;
}

/** The u32 little-endian bytes of n. */
const u32le = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/**
 * What a region's cache key must hold in this image (guest_jit.c boot_key): engine, the CRC of the
 * kernel part that runs the code (meta app: continued over runtime.bc's CRC, whose JIT made it);
 * module, the bitcode the functions are of (tinyllama.bc; meta runtime: runtime.bc); data, model.bin's.
 */
export function imageKey(img: Buffer, header: ParsedImage = readHeader(img), region: CacheRegion = 'jit'): Partial<CacheKey> {
  const key: Partial<CacheKey> = {};
  const kernel = header.parts.find((p) => p.name === (region === 'jit' ? 'jit' : 'meta'));
  const data = header.parts.find((p) => p.name === 'data');
  const files = data ? readVolume(partData(img, data)) : [];
  const file = (name: string) => files.find((e) => e.name === name);
  const runtime = file('runtime.bc');
  const engine = !kernel ? undefined : region !== 'meta app' ? kernel.crc32 : runtime && crc32(u32le(runtime.crc32), kernel.crc32);
  if (engine !== undefined) key.engine = engine;
  const module = file(region === 'meta runtime' ? 'runtime.bc' : 'tinyllama.bc');
  if (module) {
    key.module = module.crc32;
    key.module_len = module.size;
  }
  const model = file('model.bin');
  if (model) key.data = model.crc32;
  return key;
}

/** The cache part of an image, or undefined when it has none (an image built before phase 4). */
export function cachePart(img: Buffer, header: ParsedImage = readHeader(img)) {
  return header.parts.find((p) => p.name === CACHE_PART && !p.aliasOf);
}

/** The state of each slot of a region: empty (a zero header sector), corrupt (and why), or valid (and whether its key is this image's). */
export function readSlots(img: Buffer, region: CacheRegion = 'jit'): SlotInfo[] {
  const header = readHeader(img);
  const part = cachePart(img, header);
  if (!part) return [];
  const slotBytes = Math.floor(part.sectors / CACHE_SLOTS) * SECTOR;
  const key = imageKey(img, header, region);
  return slotNames.map((slot, i) => {
    const offset = part.lba * SECTOR + (2 * cacheRegions.indexOf(region) + i) * slotBytes;
    const sector = img.subarray(offset, offset + SECTOR);
    const info: SlotInfo = { slot, offset, state: 'corrupt' };
    if (sector.length < SECTOR) return { ...info, why: 'runs past the end of the image' };
    if (sector.subarray(0, CACHE_HEADER_BYTES).every((x) => x === 0)) return { ...info, state: 'empty' };
    const h = decodeSlotHeader(sector);
    info.header = h;
    // The checks and their words are cache/format.c's (bfc_header_decode, bfc_check), in the same order.
    if (h.magic !== CACHE_MAGIC) return { ...info, why: 'corrupt: wrong magic' };
    if (crc32(sector.subarray(0, CACHE_HEADER_BYTES)) !== h.headerCrc || !sector.subarray(CACHE_HEADER_USED).every((x) => x === 0)) {
      return { ...info, why: 'corrupt: header checksum mismatch' };
    }
    if (h.version !== CACHE_VERSION) return { ...info, why: `stale: format version ${h.version}` };
    if (h.payloadLen > slotBytes - SECTOR) return { ...info, why: 'corrupt: truncated' };
    const payload = img.subarray(offset + SECTOR, offset + SECTOR + h.payloadLen);
    if (crc32(payload) !== h.payloadCrc) return { ...info, why: 'corrupt: payload checksum mismatch' };
    const stale = (Object.keys(key) as (keyof CacheKey)[]).filter((k) => key[k] !== h.key[k]);
    return { ...info, state: 'valid', matches: stale.length === 0, stale, ...(stale.length ? { why: `stale: ${keyChanges[stale[0]]}` } : {}) };
  });
}

/** The slot a boot of this image would load: the valid one with the highest sequence whose key matches. */
export function chosenSlot(slots: SlotInfo[]): SlotInfo | undefined {
  return slots.filter((s) => s.state === 'valid' && s.matches).sort((a, b) => b.header!.seq - a.header!.seq)[0];
}

/** Zeroes the whole cache part: every slot empty, the next boot is cold. Returns the bytes cleared. */
export function clearSlots(img: Buffer): number {
  const part = cachePart(img);
  if (!part) return 0;
  img.fill(0, part.lba * SECTOR, (part.lba + part.sectors) * SECTOR);
  return part.sectors * SECTOR;
}

/** The image's bytes outside its cache part: what a boot's report identifies the image by (the cache changes with boots). */
export function withoutCache(img: Buffer): Buffer[] {
  let part;
  try {
    part = cachePart(img);
  } catch {
    return [img];
  }
  if (!part) return [img];
  return [img.subarray(0, part.lba * SECTOR), img.subarray((part.lba + part.sectors) * SECTOR)];
}

/** One compiled function in a slot's payload (cache/cache.h: a record), with the profile that chose it. */
export interface SlotFunction {
  index: number;
  name: string;
  codeBytes: number;
  relocations: number;
  irIns: number;
  calls: number;
  backedges: number;
  osr: boolean;
}

/** The records of a valid slot's payload, as far as they are well-formed (the guest checks them all before it loads any). */
export function slotFunctions(img: Buffer, slot: SlotInfo): SlotFunction[] {
  if (slot.state !== 'valid' || !slot.header) return [];
  const payload = img.subarray(slot.offset + SECTOR, slot.offset + SECTOR + slot.header.payloadLen);
  const out: SlotFunction[] = [];
  for (let off = 0; off + 40 <= payload.length; ) {
    const u = (o: number): number => payload.readUInt32LE(off + o);
    const len = u(0);
    const nameLen = u(8);
    if (len < 40 || off + len > payload.length || 40 + nameLen > len) break;
    out.push({
      index: u(4),
      name: payload.toString('utf8', off + 40, off + 40 + nameLen),
      codeBytes: u(12),
      relocations: u(16),
      irIns: u(20),
      calls: u(24),
      backedges: u(28),
      osr: (u(32) & 1) === 1,
    });
    off += len;
  }
  return out;
}
