// An image file as a user names it on the command line: read with named errors, and
// what it says about itself (its boot defaults and build manifest, from the data volume).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { withoutCache } from './cache-slots.ts';
import { partData, readHeader, readVolume, volumeFile, type ParsedImage } from './image.ts';
import type { Manifest } from './manifest.ts';
import type { BootOptions } from './options.ts';

/** The image's bytes; a missing file or a directory is a one-line error naming the image. */
export function readImageFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`image ${path}: no such file (build it with 'npm run image')`);
    if (code === 'EISDIR') throw new Error(`image ${path}: is a directory`);
    throw err;
  }
}

/** The build manifest the image stores in its data volume. */
export type StoredManifest = Pick<Manifest, 'model' | 'defaults' | 'files' | 'kernels' | 'toolchain'>;

export interface ImageContents {
  header: ParsedImage;
  /** boot.cfg: the options the guest uses where the boot gives none. */
  defaults: Partial<BootOptions>;
  manifest: StoredManifest | null;
}

/** Reads the header and the data volume's boot.cfg and manifest.json. */
export function imageContents(bytes: Buffer): ImageContents {
  const header = readHeader(bytes);
  const dataPart = header.parts.find((p) => p.name === 'data');
  if (!dataPart) return { header, defaults: {}, manifest: null };
  const data = partData(bytes, dataPart);
  const entries = readVolume(data);
  const file = (name: string): string | null => {
    const e = entries.find((f) => f.name === name);
    return e ? volumeFile(data, e).toString('utf8') : null;
  };
  const cfg = file('boot.cfg') ?? '';
  const defaults = Object.fromEntries(
    cfg
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => {
        const [k, v] = [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)];
        return [k, k === 'mode' || k === 'prompt' ? v : Number(v)];
      }),
  ) as Partial<BootOptions>;
  const manifest = file('manifest.json');
  return { header, defaults, manifest: manifest === null ? null : (JSON.parse(manifest) as StoredManifest) };
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The sha256 of an image without its cache part, which boots rewrite: a cold and a warm boot ran the same image. */
export function imageSha256(img: Buffer): string {
  const h = createHash('sha256');
  for (const b of withoutCache(img)) h.update(b);
  return h.digest('hex');
}
