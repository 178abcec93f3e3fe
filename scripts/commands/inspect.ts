// `bareflow inspect`: lists the parts and data files of an image and verifies every checksum
// (the cache part's slots carry their own: shown, not counted as the image's).
import { imageContents, readImageFile } from '../../build/image-file.ts';
import { CACHE_PART, hex, verifyImage } from '../../build/image.ts';
import { kernelsByPart } from '../../build/size.ts';
import { table } from '../../build/table.ts';
import { cacheLines } from './cache.ts';

export function inspectCommand(image: string): void {
  const bytes = readImageFile(image);
  const { image: img, volume, checks } = verifyImage(bytes);
  const t = table(['part', 'lba', 'sectors', 'bytes', 'crc32', 'load', 'entry']);
  for (const p of img.parts) {
    const name = p.aliasOf ? `${p.name} = ${p.aliasOf}` : p.name;
    t.push([name, p.lba, p.sectors, p.bytes, p.name === CACHE_PART ? '(slots: below)' : hex(p.crc32), p.loadAddr ? hex(p.loadAddr) : '', p.entry ? hex(p.entry) : '']);
  }
  console.log(`${image}: format ${img.version}, ${img.sectors} sectors`);
  console.log(t.toString());
  const v = table(['data file', 'offset', 'bytes', 'crc32']);
  for (const f of volume) v.push([f.name, f.offset, f.size, hex(f.crc32)]);
  console.log(v.toString());
  const m = imageContents(bytes).manifest;
  if (m) {
    console.log(`model: ${Object.entries(m.model).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`defaults: ${Object.entries(m.defaults).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
    for (const f of m.files) console.log(`${f.name}: from ${f.source}, sha256 ${f.sha256}`);
    if (m.kernels) console.log(kernelsByPart(m.kernels)); // images built before the manifest had them: none
  }
  for (const l of cacheLines(bytes)) console.log(l);
  const bad = checks.filter((c) => !c.ok);
  for (const c of bad) console.log(`FAIL ${c.what}: ${c.detail}`);
  console.log(bad.length === 0 ? `ok: ${checks.length} checksums verified` : `${bad.length} of ${checks.length} checks failed`);
  if (bad.length > 0) process.exitCode = 1;
}
