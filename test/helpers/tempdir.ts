// Temporary directories for tests, removed when the test file is done: tempDir()
// anywhere in a test file, or in a helper it calls, registers the directory, and
// one afterAll per test file (registered when vitest collects the file, which
// loads this module) removes them all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new directory in the system's temporary directory, named PREFIX + six random characters. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
