import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Boot options: what the runner passes through fw_cfg as opt/bareflow/<name>,
// and what the image stores as defaults in boot.cfg. Validated on the host
// before QEMU starts; the guest validates again (a user can boot by hand).
export interface BootOptions {
  mode: (typeof bootModes)[number];
  prompt: string;
  steps: number;
  temperature: number;
  topp: number;
  seed: number;
  /** jit mode: the calls that get a function compiled (a loop is entered compiled after 10x as many back-edges); unset: the kernel's 100. */
  jit_threshold?: number;
  /** jit and meta modes: the comma-separated layers whose hot functions get compiled, of runtime (meta: runtime.bc's own) and app (tinyllama's); unset: all. */
  jit_layers?: string;
  /** meta mode: the back-edges of a loop of runtime.bc before the bootstrap enters it compiled (OSR; its dispatch loop, exec.c's run, is one loop); unset: the kernel's 300000. */
  runtime_loop_threshold?: number;
}

export const jitLayers = ['runtime', 'app'] as const;

export const bootModes = ['aot', 'interp', 'jit', 'meta'] as const;

export const defaultBootOptions: BootOptions = {
  mode: 'aot',
  prompt: 'Once upon a time',
  steps: 256,
  temperature: 0,
  topp: 0.9,
  seed: 42,
};

export class OptionError extends Error {}

// The engine counts back-edges up to 10x the threshold in 32 bits.
const maxJitThreshold = Math.floor(0xffffffff / 10);

export function validateOptions(o: Partial<BootOptions>, seqLen?: number): void {
  const bad = (name: string, why: string): never => {
    throw new OptionError(`option ${name}: ${why}`);
  };
  if (o.mode !== undefined && !bootModes.includes(o.mode)) bad('mode', `'${o.mode}' is not one of ${bootModes.join(', ')}`);
  if (o.steps !== undefined) {
    if (!Number.isInteger(o.steps) || o.steps < 1) bad('steps', `'${o.steps}' is not a whole number ≥ 1`);
    if (seqLen !== undefined && o.steps > seqLen) bad('steps', `${o.steps} exceeds the model's context of ${seqLen}`);
  }
  if (o.temperature !== undefined && !(Number.isFinite(o.temperature) && o.temperature >= 0)) bad('temperature', `'${o.temperature}' is not a number ≥ 0`);
  if (o.topp !== undefined && !(Number.isFinite(o.topp) && o.topp >= 0 && o.topp <= 1)) bad('topp', `'${o.topp}' is not a number in [0, 1]`);
  if (o.seed !== undefined && !(Number.isInteger(o.seed) && o.seed >= 0 && o.seed <= 0xffffffff)) bad('seed', `'${o.seed}' is not a whole number in [0, 2^32)`);
  if (o.jit_threshold !== undefined && !(Number.isInteger(o.jit_threshold) && o.jit_threshold >= 0 && o.jit_threshold <= maxJitThreshold)) {
    bad('jit_threshold', `'${o.jit_threshold}' is not a whole number in [0, ${maxJitThreshold}]`);
  }
  if (o.runtime_loop_threshold !== undefined && !(Number.isInteger(o.runtime_loop_threshold) && o.runtime_loop_threshold >= 1 && o.runtime_loop_threshold <= 0xffffffff)) {
    bad('runtime_loop_threshold', `'${o.runtime_loop_threshold}' is not a whole number in [1, 2^32)`);
  }
  if (o.jit_layers !== undefined && !o.jit_layers.split(',').every((l) => (jitLayers as readonly string[]).includes(l))) {
    bad('jit_layers', `'${o.jit_layers}' is not a comma-separated list of ${jitLayers.join(', ')}`);
  }
  if (o.prompt !== undefined && (o.prompt.includes('\n') || Buffer.byteLength(o.prompt) > 1024)) bad('prompt', 'must be one line of at most 1024 bytes');
}

/** boot.cfg: one key=value per line, read by kernel_lib's bf_option. */
export function bootConfig(o: BootOptions): Buffer {
  return Buffer.from(Object.entries(o).map(([k, v]) => `${k}=${v}\n`).join(''), 'utf8');
}

/**
 * `-fw_cfg` arguments for QEMU, each option's value in a file of its own under
 * `dir`: QEMU's `string=` form cannot carry an empty value (an empty prompt) and
 * needs its commas doubled; `file=` takes any bytes as they are.
 */
export function fwCfgArgs(o: Record<string, string | number | undefined>, dir: string): string[] {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .flatMap(([k, v]) => {
      const file = join(dir, `opt-${k}`);
      writeFileSync(file, String(v));
      return ['-fw_cfg', `name=opt/bareflow/${k},file=${file}`];
    });
}
