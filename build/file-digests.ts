// SHA-256 digests of build inputs, remembered in a JSON file under the file's
// size and mtime: a no-op build stats its inputs instead of reading them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeAtomic } from './write-atomic.ts';

type Entry = [size: number, mtimeMs: number, sha256: string];

// A file changed this recently could change again within the same mtime tick
// without its mtime moving: its digest is used but not remembered.
const settledMs = 2000;

export class FileDigests {
  private known: Record<string, Entry>;
  private learned = false;

  constructor(private readonly cacheFile: string) {
    this.known = FileDigests.read(cacheFile);
  }

  private static read(file: string): Record<string, Entry> {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
    } catch {
      return {};
    }
  }

  /** The file's SHA-256 (hex), read and hashed only when its size or mtime differs from the remembered one. */
  digest(path: string): string {
    const { size, mtimeMs } = statSync(path);
    const k = this.known[path];
    if (k && k[0] === size && k[1] === mtimeMs) return k[2];
    const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
    if (Date.now() - mtimeMs > settledMs) {
      this.known[path] = [size, mtimeMs, sha];
      this.learned = true;
    }
    return sha;
  }

  /** Writes what was learned, merged with the file as it is now (another build may have written it); forgets deleted files. */
  save(): void {
    if (!this.learned) return;
    const all = { ...FileDigests.read(this.cacheFile), ...this.known };
    const kept = Object.fromEntries(Object.entries(all).filter(([path]) => existsSync(path)));
    writeAtomic(this.cacheFile, JSON.stringify(kept));
    this.learned = false;
  }
}
