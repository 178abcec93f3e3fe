// Booting test images and reading what the guest said.
import { execa } from 'execa';
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../build/paths.ts';
import { buildHostProgram, tinyllamaHost } from '../../build/host.ts';
import type { BootOptions } from '../../build/options.ts';
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

/** What the guest printed after its banner line: the prompt and the story. */
export const storyOf = (text: string): string => text.split('\n').slice(1).join('\n');

/** The four generations every engine mode must reproduce token for token (default model and stories260K, greedy and sampled). */
export const sameAsAotCases = [
  ['default model, greedy', 'default', { prompt: 'Once upon a time', steps: 40, temperature: 0, topp: 0.9, seed: 42 }],
  ['default model, sampled', 'default', { prompt: 'Once upon a time', steps: 40, temperature: 0.8, topp: 0.9, seed: 42 }],
  ['stories260K, greedy', 'stories', { prompt: 'The little dog', steps: 40, temperature: 0, topp: 0.9, seed: 42 }],
  ['stories260K, sampled', 'stories', { prompt: 'Once upon a time', steps: 40, temperature: 0.8, topp: 0.9, seed: 7 }],
] as const;

/**
 * Boots `options` in aot mode and in `mode` side by side; both must exit 0 and
 * generate the same token ids and text. Returns both for the caller's own checks.
 */
export async function bootBesideAot(image: string, mode: BootOptions['mode'], options: Partial<BootOptions>, timeoutMs: number): Promise<{ aot: BootResult; other: BootResult }> {
  const [aot, other] = await Promise.all([
    bootTest({ image, options: { ...options, mode: 'aot' }, timeoutMs }),
    bootTest({ image, options: { ...options, mode }, timeoutMs }),
  ]);
  expect(aot.guestCode).toBe(0);
  expect(other.badEvents).toEqual([]);
  expect(other.guestCode).toBe(0);
  expect(tokenIds(other.events)).toEqual(tokenIds(aot.events));
  if (options.steps !== undefined) expect(tokenIds(aot.events)).toHaveLength(options.steps);
  expect(storyOf(other.text)).toBe(storyOf(aot.text));
  return { aot, other };
}
