// The lock that serialises test image builds across vitest workers: a holder
// that died (a worker ended after its beforeAll timed out) must not block the
// next run, and a live holder must.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withLock } from '../helpers/images.ts';
import { tempDir } from '../helpers/tempdir.ts';

function lockHeldBy(pid: number): string {
  const lock = join(tempDir('lock-'), '.test-build.lock');
  mkdirSync(lock);
  writeFileSync(join(lock, 'pid'), String(pid));
  return lock;
}

describe('test build lock', () => {
  it('takes over a lock whose holder process has exited', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    expect(await withLock(async () => 'built', lockHeldBy(dead))).toBe('built');
  });

  it('waits while the holder is alive, and takes the lock once it is released', async () => {
    const lock = lockHeldBy(process.pid);
    let ran = false;
    const waiting = withLock(async () => { ran = true; }, lock);
    await sleep(1000);
    expect(ran).toBe(false);
    rmSync(lock, { recursive: true });
    await waiting;
    expect(ran).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});
