// `bareflow boot`: boots an image in QEMU, streams COM1, writes the run's report.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { exitCodeName } from '../../build/exitcodes.ts';
import { kernelMismatch, verifyImage, type Check } from '../../build/image.ts';
import type { BootOptions } from '../../build/options.ts';
import { reportsDir, root } from '../../build/paths.ts';
import { boot, describeOutcome } from '../../build/qemu.ts';
import { profile, profileMarkdown, writeProfile } from '../../build/report.ts';

export interface BootCommandOptions {
  mode?: BootOptions['mode'];
  prompt?: string;
  steps?: number;
  temperature?: number;
  topp?: number;
  seed?: number;
  timeout: number;
  icount?: boolean;
  gdb?: boolean;
  run?: string;
}

/** Fails early, by name, on a path that is not a BareFlow image or one whose checksums do not hold. */
function checkImage(image: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(image);
  } catch {
    throw new Error(`image ${image}: no such file (build it with 'npm run image')`);
  }
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
}

export async function bootCommand(image: string, o: BootCommandOptions): Promise<void> {
  const options: Partial<BootOptions> = { mode: o.mode, prompt: o.prompt, steps: o.steps, temperature: o.temperature, topp: o.topp, seed: o.seed };
  if (o.gdb) console.log(`QEMU waits for gdb: gdb images/obj/${o.mode ?? 'aot'}/kernel.elf -ex 'target remote :1234'`);
  checkImage(image);
  const r = await boot({ image, options, timeoutMs: o.timeout * 1000, icount: o.icount, gdb: o.gdb, onText: (t) => process.stdout.write(t) });
  for (const b of r.badEvents) console.error(`warning: bad event line (${b.why}): ${b.line}`);
  const mismatch = kernelMismatch(r.events, o.mode ?? 'aot'); // before a report could carry the wrong mode
  if (mismatch) throw new Error(mismatch);
  if (r.events.length > 0) {
    const run = o.run ?? `${o.mode ?? 'aot'}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const p = profile(run, o.mode ?? 'aot', !!o.icount, r);
    const files = writeProfile(reportsDir, p);
    console.log('\n' + profileMarkdown(p));
    console.log(`report: ${relative(root, files.md)}, ${relative(root, files.json)}`);
  }
  console.log(describeOutcome(r) + (r.guestCode ? ` (${exitCodeName(r.guestCode)})` : ''));
  process.exitCode = r.outcome === 'exit' ? r.guestCode! : 1;
}
