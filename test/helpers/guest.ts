// Booting test images and reading what the guest said.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../build/paths.ts';
import { buildHostProgram, tinyllamaHost } from '../../build/host.ts';
import { boot, type BootRequest, type BootResult, type GuestEvent } from '../../build/qemu.ts';
import { tempDir } from './tempdir.ts';

/** Every QEMU test boots through this: a timeout always applies. */
export function bootTest(req: BootRequest & { timeoutMs: number }): Promise<BootResult> {
  return boot(req);
}

export const tokenIds = (events: GuestEvent[]): number[] => events.filter((e) => e.ev === 'token').map((e) => e.id as number);
export const bootStages = (events: GuestEvent[]): string[] => events.filter((e) => e.ev === 'boot').map((e) => e.stage as string);

/** The hosted -m32 build on the same files and options: the reference for the guest. */
export async function hostTokenIds(model: string, tokenizer: string, o: { prompt: string; steps: number; temperature: number; topp: number; seed: number }): Promise<{ ids: number[]; stdout: string }> {
  const exe = await buildHostProgram(tinyllamaHost);
  const events = join(tempDir('host-'), 'events.jsonl');
  const args = [model, '-z', tokenizer, '-i', o.prompt, '-n', String(o.steps), '-t', String(o.temperature), '-p', String(o.topp), '-s', String(o.seed), '-e', events];
  const r = await execa(exe, args, { timeout: 60_000 });
  const lines = readFileSync(events, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GuestEvent);
  return { ids: tokenIds(lines), stdout: r.stdout };
}

/** The bareflow command line as a user runs it (bin/bareflow.js), never rejecting: check exitCode. */
export function bareflowCli(args: string[], timeoutMs: number) {
  return execa(process.execPath, [fromRoot('bin', 'bareflow.js'), ...args], { reject: false, timeout: timeoutMs });
}
