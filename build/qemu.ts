// Boots an image in qemu-system-i386 (TCG) and collects what the guest says:
// COM1 = human text (streamed), COM2 = JSON-lines events, isa-debug-exit =
// the exit code. A host-side timeout makes sure nothing hangs.
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type BootOptions, fwCfgArgs, validateOptions } from './options.ts';
import { validator } from './schema.ts';
import { tools } from './toolchain.ts';

export interface GuestEvent {
  ev: string;
  [key: string]: unknown;
}

export interface BootRequest {
  image: string;
  options?: Partial<BootOptions> & { fault?: string };
  /** Passed to the guest as they are, unchecked: for testing the guest's own validation. */
  rawOptions?: Record<string, string>;
  /** Host-side limit, also while QEMU waits for a debugger. */
  timeoutMs?: number;
  /** rdtsc counts guest instructions: deterministic figures. */
  icount?: boolean;
  /** Wait for a debugger on tcp::1234 before the first instruction. */
  gdb?: boolean;
  /** Write-through to the image instead of a throwaway overlay. */
  persist?: boolean;
  /** How the timeout or `cancel` ends QEMU (default SIGTERM; tests of torn cache writes kill it outright). */
  killSignal?: 'SIGTERM' | 'SIGKILL';
  /** Ends QEMU when aborted, as the timeout does (tests that kill it at a moment of the run). */
  cancel?: AbortSignal;
  onText?: (chunk: string) => void;
}

export type Outcome = 'exit' | 'timeout' | 'cancelled' | 'reset' | 'qemu-error';

export interface BootResult {
  outcome: Outcome;
  /** The code the guest passed to isa-debug-exit; null unless outcome is 'exit'. */
  guestCode: number | null;
  qemuStatus: number | null;
  text: string;
  events: GuestEvent[];
  /** COM2 lines that were not valid events, with the reason. */
  badEvents: { line: string; why: string }[];
  wallMs: number;
  stderr: string;
}

const com2Path = (runDir: string): string => join(runDir, 'com2.jsonl');

/** QEMU's command line; the COM2 log and the option files go in `runDir`. */
export function qemuArgs(req: BootRequest, runDir: string): string[] {
  return [
    '-machine', 'pc', '-nodefaults', '-display', 'none', '-no-reboot', '-m', '128',
    '-drive', `file=${req.image},format=raw,if=ide,index=0,media=disk`,
    ...(req.persist ? [] : ['-snapshot']),
    '-serial', 'stdio', '-serial', `file:${com2Path(runDir)}`,
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
    ...(req.icount ? ['-icount', 'shift=0,align=off,sleep=off'] : []),
    ...(req.gdb ? ['-s', '-S'] : []),
    ...fwCfgArgs({ ...req.options, ...req.rawOptions }, runDir),
  ];
}

/**
 * COM1 bytes → text: a character whose bytes arrive in different chunks is passed on whole;
 * `end` passes on what is left (an incomplete character as U+FFFD).
 */
export function textDecoderFor(onText: (text: string) => void): { write: (chunk: Buffer) => void; end: () => void } {
  const decoder = new StringDecoder('utf8');
  const pass = (text: string): void => {
    if (text) onText(text);
  };
  return { write: (chunk) => pass(decoder.write(chunk)), end: () => pass(decoder.end()) };
}

export function parseEvents(raw: string): { events: GuestEvent[]; badEvents: { line: string; why: string }[] } {
  const valid = validator('events');
  const events: GuestEvent[] = [];
  const badEvents: { line: string; why: string }[] = [];
  for (const line of raw.split('\n').map((l) => l.trim()).filter(Boolean)) {
    let e: unknown;
    try {
      e = JSON.parse(line);
    } catch {
      badEvents.push({ line, why: 'not JSON' });
      continue;
    }
    if (valid(e)) events.push(e as GuestEvent);
    else badEvents.push({ line, why: (valid.errors ?? []).map((x) => `${x.instancePath} ${x.message}`).join('; ') });
  }
  return { events, badEvents };
}

export async function boot(req: BootRequest): Promise<BootResult> {
  validateOptions(req.options ?? {});
  const dir = mkdtempSync(join(tmpdir(), 'bareflow-'));
  const t0 = performance.now();
  try {
    const child = execa(tools.qemu, qemuArgs(req, dir), {
      reject: false,
      timeout: req.timeoutMs ?? 120_000,
      killSignal: req.killSignal ?? 'SIGTERM',
      ...(req.cancel ? { cancelSignal: req.cancel } : {}),
      stdin: 'ignore',
      buffer: { stdout: true, stderr: true },
      stripFinalNewline: false,
    });
    if (req.onText) {
      const text = textDecoderFor(req.onText);
      child.stdout?.on('data', text.write).on('end', text.end);
    }
    const r = await child;
    const wallMs = performance.now() - t0;
    if ((r as { code?: string }).code === 'ENOENT') throw new Error(`${tools.qemu} is not installed: run 'npm run setup'`);
    let raw = '';
    try {
      raw = readFileSync(com2Path(dir), 'utf8');
    } catch {
      // QEMU never opened COM2: it failed before starting the guest.
    }
    const status = r.exitCode ?? null;
    // QEMU's own start-up errors also exit 1, the status of a guest exit(0): tell them apart by stderr
    // (not by a warning: with -icount sleep=off a disk wait, the CPU halted with no virtual timer
    // armed, makes QEMU warn 'icount sleep disabled and no active timers').
    const qemuFailed = /^qemu-system-i386: (?!warning: )/m.test(String(r.stderr ?? ''));
    const outcome: Outcome = r.timedOut ? 'timeout' : r.isCanceled ? 'cancelled' : status === 0 ? 'reset' : status !== null && status % 2 === 1 && !qemuFailed ? 'exit' : 'qemu-error';
    return {
      outcome,
      guestCode: outcome === 'exit' ? (status! - 1) / 2 : null,
      qemuStatus: status,
      text: String(r.stdout ?? ''),
      ...parseEvents(raw),
      wallMs,
      stderr: String(r.stderr ?? ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line for a human: how a boot ended. */
export function describeOutcome(r: BootResult): string {
  switch (r.outcome) {
    case 'exit':
      return `guest exited with code ${r.guestCode}`;
    case 'timeout':
      return 'timed out (the guest did not exit)';
    case 'cancelled':
      return 'ended by the host before the guest exited';
    case 'reset':
      return 'the guest reset (triple fault?) without an exit code';
    case 'qemu-error':
      return `QEMU failed (status ${r.qemuStatus}): ${r.stderr.trim()}`;
  }
}
