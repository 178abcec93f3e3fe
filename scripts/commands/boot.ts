// `bareflow boot`: boots an image in QEMU, streams COM1, writes the run's report.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exitCodeName } from '../../build/exitcodes.ts';
import { imageContents, imageSha256, readImageFile, type ImageContents } from '../../build/image-file.ts';
import { kernelMismatch, verifyImage, type Check } from '../../build/image.ts';
import { defaultBootOptions, type BootOptions } from '../../build/options.ts';
import { objDir, reportsDir, root } from '../../build/paths.ts';
import { boot, describeOutcome } from '../../build/qemu.ts';
import { profile, profileText, writeProfile, type RunConfig } from '../../build/report.ts';
import { newRunFile } from '../../build/runs.ts';
import { hostTscHz } from '../../build/tsc.ts';
import { exitQuietlyOnEpipe } from './stdout.ts';

export interface BootCommandOptions {
  mode?: BootOptions['mode'];
  prompt?: string;
  steps?: number;
  temperature?: number;
  topp?: number;
  seed?: number;
  jitThreshold?: number;
  runtimeLoopThreshold?: number;
  jitLayers?: string;
  timeout: number;
  icount?: boolean;
  gdb?: boolean;
  snapshot?: boolean;
  run?: string;
}

/** Modes whose kernel writes the image (its native-code cache); the others boot from a throwaway overlay either way, so runs of them can share an image. */
const writingModes: string[] = ['jit', 'meta'];

/** Fails early, by name, on a path that is not a BareFlow image or one whose checksums do not hold. */
function readImage(image: string): { bytes: Buffer; contents: ImageContents } {
  const bytes = readImageFile(image);
  let bad: Check[];
  try {
    bad = verifyImage(bytes).checks.filter((c) => !c.ok);
  } catch (err) {
    throw new Error(`image ${image}: not a BareFlow image: ${(err as Error).message}`);
  }
  if (bad.length > 0) {
    const what = bad.map((c) => `${c.what}: ${c.detail}`).join('; ');
    throw new Error(`image ${image} is corrupt: ${what} (refusing to boot it; 'bareflow inspect' lists every check)`);
  }
  return { bytes, contents: imageContents(bytes) };
}

/** The ELF of the kernel that boots `mode` (the image's header says which part that is). */
function kernelElf(contents: ImageContents, mode: string): string {
  const part = contents.header.parts.find((p) => p.name === mode);
  return join(objDir, part?.aliasOf ?? mode, 'kernel.elf');
}

export async function bootCommand(image: string, o: BootCommandOptions): Promise<void> {
  exitQuietlyOnEpipe();
  const date = new Date();
  const given: Partial<BootOptions> = { mode: o.mode, prompt: o.prompt, steps: o.steps, temperature: o.temperature, topp: o.topp, seed: o.seed, jit_threshold: o.jitThreshold, jit_layers: o.jitLayers, runtime_loop_threshold: o.runtimeLoopThreshold };
  if (o.run !== undefined) newRunFile(reportsDir, o.run);
  const { bytes, contents } = readImage(image);
  const options = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<BootOptions>;
  const config: RunConfig = {
    ...defaultBootOptions,
    ...contents.defaults,
    ...options,
    icount: !!o.icount,
    gdb: !!o.gdb,
    image,
    imageSha256: imageSha256(bytes),
    modelSha256: contents.manifest?.files.find((f) => f.name === 'model.bin')?.sha256 ?? null,
  };
  const run = o.run ?? `${config.mode}-${date.toISOString().replace(/[:.]/g, '-')}`;
  if (o.gdb) {
    const elf = kernelElf(contents, config.mode);
    const missing = existsSync(elf) ? '' : ` (${elf} does not exist: build it with 'npm run image')`;
    console.log(`QEMU waits for gdb: gdb ${relative(process.cwd(), elf)} -ex 'target remote :1234'${missing}`);
  }
  const persist = !o.snapshot && writingModes.includes(config.mode);
  const r = await boot({ image, options, timeoutMs: o.timeout * 1000, icount: o.icount, gdb: o.gdb, persist, onText: (t) => process.stdout.write(t) });
  for (const b of r.badEvents) console.error(`warning: bad event line (${b.why}): ${b.line}`);
  const mismatch = kernelMismatch(r.events, config.mode); // before a report could carry the wrong mode
  if (mismatch) throw new Error(mismatch);
  if (r.events.length > 0) {
    const p = profile({ run, date: date.toISOString(), config, tscHz: hostTscHz() }, r);
    const files = writeProfile(reportsDir, p);
    console.log('\n' + profileText(p));
    console.log(`report: ${relative(root, files.md)}, ${relative(root, files.json)}`);
  }
  console.log(describeOutcome(r) + (r.guestCode ? ` (${exitCodeName(r.guestCode)})` : ''));
  process.exitCode = r.outcome === 'exit' ? r.guestCode! : 1;
}
