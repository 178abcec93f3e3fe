// The external tools the pipeline runs, and one way to run them: a failure
// names the step, the command line and the tool's stderr.
import { execa } from 'execa';

export const tools = {
  clang: 'clang-14',
  llvmLink: 'llvm-link-14',
  opt: 'opt-14',
  llc: 'llc-14',
  lld: 'ld.lld-14',
  objcopy: 'llvm-objcopy-14',
  nasm: 'nasm',
  qemu: 'qemu-system-i386',
} as const;

export type Tool = keyof typeof tools;

export const builtinsI386 = '/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.builtins-i386.a';

export class ToolError extends Error {
  constructor(
    readonly step: string,
    readonly command: string,
    readonly stderr: string,
    readonly exitCode: number | undefined,
  ) {
    super(`step '${step}' failed: ${command}\n${stderr.trim()}`);
  }
}

export async function runTool(step: string, file: string, args: string[], opts: { cwd?: string } = {}): Promise<string> {
  const command = [file, ...args].join(' ');
  let result;
  try {
    result = await execa(file, args, { cwd: opts.cwd, reject: false, all: false });
  } catch (err) {
    throw new ToolError(step, command, String(err), undefined);
  }
  if (result.failed) {
    const why = result.exitCode === undefined ? `${file}: ${result.shortMessage}` : `${result.stderr}${result.stdout}`;
    if ((result as { code?: string }).code === 'ENOENT') {
      throw new ToolError(step, command, `${file} is not installed: run 'npm run setup'`, undefined);
    }
    throw new ToolError(step, command, why, result.exitCode);
  }
  return result.stdout;
}

const versionCache = new Map<string, Promise<string>>();

/** First line of `tool --version`: part of every step's cache key. */
export function toolVersion(file: string): Promise<string> {
  let v = versionCache.get(file);
  if (!v) {
    v = runTool('version', file, ['--version']).then((out) => out.split('\n').find((l) => l.trim()) ?? '');
    versionCache.set(file, v);
  }
  return v;
}
