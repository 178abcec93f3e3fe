// The external tools the pipeline runs, and one way to run them: a failure
// names the step, the command line and the tool's stderr.
import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { objDir } from './paths.ts';
import { writeAtomic } from './write-atomic.ts';

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
  // Imported here, not at the top: an up-to-date build runs no tool and need not load execa.
  const { execa } = await import('execa');
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

/** The file that `file` runs: itself when it names a path, else the first executable of that name in PATH. */
function resolveTool(file: string): string | undefined {
  const candidates = file.includes('/') ? [file] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, file));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      if (statSync(c).isFile()) return c;
    } catch {
      // not this one
    }
  }
  return undefined;
}

interface KnownTool {
  size: number;
  mtimeMs: number;
  version: string;
}

/**
 * `tool --version`, remembered in `cacheFile` under the binary's real path with its
 * size and mtime: asked again only when the binary changes, so a no-op build
 * starts no process.
 */
export class ToolVersions {
  private known: Record<string, KnownTool>;
  /** Per tool name, for this instance's life (one build): PATH is searched once per tool. */
  private byName = new Map<string, Promise<string>>();

  constructor(private readonly cacheFile: string) {
    this.known = ToolVersions.read(cacheFile);
  }

  private static read(file: string): Record<string, KnownTool> {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, KnownTool>;
    } catch {
      return {};
    }
  }

  /** First line of `file --version`: part of the cache key of every step that runs `file`. */
  version(file: string): Promise<string> {
    let v = this.byName.get(file);
    if (!v) {
      v = this.lookUp(file);
      this.byName.set(file, v);
    }
    return v;
  }

  private async lookUp(file: string): Promise<string> {
    const path = resolveTool(file);
    if (!path) throw new ToolError('version', `${file} --version`, `${file} is not installed: run 'npm run setup'`, undefined);
    const real = realpathSync(path);
    const { size, mtimeMs } = statSync(real);
    const k = this.known[real];
    if (k && k.size === size && k.mtimeMs === mtimeMs) return k.version;
    const out = await runTool('version', path, ['--version']);
    const version = out.split('\n').find((l) => l.trim()) ?? '';
    this.remember(real, { size, mtimeMs, version });
    return version;
  }

  private remember(real: string, tool: KnownTool): void {
    // Merged with the file as it is now: another build may have added tools meanwhile.
    this.known = { ...ToolVersions.read(this.cacheFile), ...this.known, [real]: tool };
    writeAtomic(this.cacheFile, JSON.stringify(this.known, null, 1));
  }
}

let buildVersions: ToolVersions | undefined;

/** First line of `file --version`, through images/obj/tools.json. */
export function toolVersion(file: string): Promise<string> {
  buildVersions ??= new ToolVersions(join(objDir, 'tools.json'));
  return buildVersions.version(file);
}
