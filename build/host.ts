// Hosted 32-bit builds of the project's C (clang-14 -m32), for tests and
// benchmarks: the same sources as the guest, with libc instead of kernel_lib.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot, objDir } from './paths.ts';
import { runSteps, type Step } from './steps.ts';
import { runTool, tools } from './toolchain.ts';

export const hostCFlags = ['-m32', '-O2', '-march=pentium4', '-mtune=generic', '-msse2', '-mfpmath=sse', `-I${fromRoot('kernel_lib')}`, `-I${fromRoot('boot')}`];

export interface HostProgram {
  name: string;
  sources: string[];
  flags?: string[];
}

const headersOf = (dirs: string[]): string[] =>
  dirs.flatMap((d) => readdirSync(fromRoot(d)).filter((f) => f.endsWith('.h')).map((f) => fromRoot(d, f)));

export function hostProgramStep(p: HostProgram): Step {
  const out = join(objDir, 'host', p.name);
  const flags = [...hostCFlags, ...(p.flags ?? [])];
  return {
    name: `clang -m32 ${p.name}`,
    inputs: [...p.sources, ...headersOf(['kernel_lib', 'tinyllama'])],
    outputs: [out],
    tools: [tools.clang],
    key: flags,
    run: async () => {
      await runTool(`host build ${p.name}`, tools.clang, [...flags, ...p.sources, '-lm', '-o', out]);
    },
  };
}

export const tinyllamaHost: HostProgram = {
  name: 'tinyllama-host',
  sources: ['tinyllama.c', 'main.c', 'host.c'].map((f) => fromRoot('tinyllama', f)),
};

/** Builds (or finds up to date) a host program and returns its path. */
export async function buildHostProgram(p: HostProgram): Promise<string> {
  const step = hostProgramStep(p);
  await runSteps([step], { stateFile: join(objDir, `steps-host-${p.name}.json`) });
  return step.outputs[0];
}
