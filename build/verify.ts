// In-process LLVM verification of every module that goes into the image,
// through llvm-bindings (in a child process: see verify-child.js).
import { relative } from 'node:path';
import { fromRoot, root } from './paths.ts';

export interface Verdict {
  file: string;
  ok: boolean;
  triple?: string;
  error?: string;
}

export async function verifyModules(files: string[]): Promise<Verdict[]> {
  const { execa } = await import('execa'); // here, not at the top: a no-op build verifies nothing
  const r = await execa(process.execPath, [fromRoot('build', 'verify-child.js'), ...files], { reject: false });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Verdict & { parsing?: boolean });
  const verdicts = lines.filter((l) => !l.parsing);
  if (r.exitCode !== 0) {
    const crashedOn = lines.at(-1)?.parsing ? lines.at(-1)!.file : files[verdicts.length];
    verdicts.push({ file: crashedOn, ok: false, error: 'not a readable LLVM module (the reader crashed on it)' });
  }
  return verdicts;
}

/** Throws naming every module that fails, or that is not for `triple`. */
export async function requireValidModules(files: string[], triplePrefix: string): Promise<void> {
  const bad = (await verifyModules(files))
    .map((v) => (v.ok && !v.triple?.startsWith(triplePrefix) ? { ...v, ok: false, error: `target is ${v.triple}, expected ${triplePrefix}*` } : v))
    .filter((v) => !v.ok);
  if (bad.length > 0) {
    throw new Error(bad.map((v) => `${relative(root, v.file)}: ${v.error}`).join('\n'));
  }
}
