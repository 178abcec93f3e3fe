// `bareflow cache show|clear [IMAGE]`: the image's native-code cache, two slots per layer (the jit
// kernel's; a meta boot's runtime.bc and tinyllama layers: build/cache-slots.ts). clear empties
// them all: the next jit or meta boot is cold.
import { writeFileSync } from 'node:fs';
import { CACHE_SLOTS, cachePart, cacheRegions, chosenSlot, clearSlots, keyFields, readSlots, slotFunctions, type CacheRegion, type SlotInfo } from '../../build/cache-slots.ts';
import { readImageFile } from '../../build/image-file.ts';
import { hex } from '../../build/image.ts';
import { table } from '../../build/table.ts';

/** One row per slot, as `inspect` and `cache show` print it. */
export function slotTable(slots: SlotInfo[]): string {
  const chosen = chosenSlot(slots);
  const t = table(['slot', 'state', 'seq', 'functions', 'code bytes', 'payload bytes', 'key (engine module data jit)', 'next boot']);
  for (const s of slots) {
    const h = s.header;
    const state = s.state === 'corrupt' ? s.why! : s.state === 'valid' && !s.matches ? s.why! : s.state;
    const key = h && s.state === 'valid' ? `${hex(h.key.engine)} ${hex(h.key.module)} ${hex(h.key.data)} ${h.key.jit_version}/${h.key.jit_options}` : '';
    const use = s === chosen ? 'loads this slot' : '';
    t.push([s.slot, state, h && s.state === 'valid' ? h.seq : '', h && s.state === 'valid' ? h.nfunctions : '', h && s.state === 'valid' ? h.codeBytes : '', h && s.state === 'valid' ? h.payloadLen : '', key, use]);
  }
  return t.toString();
}

/** The lines `inspect` and `cache show` print about the cache part. */
export function cacheLines(img: Buffer): string[] {
  const part = cachePart(img);
  if (!part) return ['cache: this image has no cache part (built before phase 4: rebuild it with npm run image)'];
  const next = (region: CacheRegion): string => {
    const chosen = chosenSlot(readSlots(img, region));
    return `the next ${region === 'jit' ? 'jit' : 'meta'} boot ${chosen ? `loads slot ${chosen.slot} (seq ${chosen.header!.seq})` : 'is cold (no valid slot for this image)'}`;
  };
  return cacheRegions.flatMap((region) => [
    region === 'jit'
      ? `cache: ${CACHE_SLOTS} slots of ${Math.floor(part.sectors / CACHE_SLOTS) * 512} bytes at LBA ${part.lba}, two per layer; jit: ${next(region)}`
      : `${region}: ${next(region)}`,
    slotTable(readSlots(img, region)),
  ]);
}

/** `cache show` also lists each valid slot's whole key and its functions, with the profile that chose them. */
function slotDetails(img: Buffer): string[] {
  return cacheRegions.flatMap((region) =>
    readSlots(img, region)
      .filter((s) => s.state === 'valid')
      .flatMap((s) => {
        const h = s.header!;
        const t = table(['function', 'index', 'code bytes', 'relocations', 'IR instructions', 'calls', 'loop back-edges', 'compiled']);
        for (const f of slotFunctions(img, s)) t.push([f.name, f.index, f.codeBytes, f.relocations, f.irIns, f.calls, f.backedges, f.osr ? 'hot loop (OSR)' : 'hot calls']);
        const name = `${region === 'jit' ? '' : `${region} `}slot ${s.slot}`;
        return [`${name} (seq ${h.seq}) key: ${keyFields.map((k) => `${k} ${k === 'module_len' || k === 'jit_version' || k === 'jit_options' ? h.key[k] : hex(h.key[k])}`).join(', ')}`, t.toString()];
      }),
  );
}

export function cacheCommand(action: 'show' | 'clear', image: string): void {
  const img = readImageFile(image);
  if (action === 'show') {
    console.log(`${image}:`);
    for (const l of cacheLines(img)) console.log(l);
    if (cachePart(img)) for (const l of slotDetails(img)) console.log(l);
    return;
  }
  const bytes = clearSlots(img);
  if (bytes === 0) throw new Error(`image ${image} has no cache part (built before phase 4: rebuild it with npm run image)`);
  writeFileSync(image, img);
  console.log(`${image}: cache cleared (${bytes} bytes, every slot empty): the next jit or meta boot is cold`);
}
