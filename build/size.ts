// Where a kernel's bytes go: symbol sizes from the linked ELF, attributed to
// the part of the source tree that defines each symbol (kernel_lib, the
// engine, its JIT, the application), and what no symbol covers. The image
// manifest holds them for every kernel (`bareflow inspect`, the benchmark).
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { table } from './table.ts';
import { runTool } from './toolchain.ts';

const nm = 'llvm-nm-14';

export interface KernelSize {
  name: string;
  /** What stage2 loads: the flat binary. */
  bytes: number;
  /** Sums to `bytes`: code and data by symbol, then what no symbol covers (jump tables, constants, strings, alignment). */
  parts: { part: string; bytes: number }[];
}

/** The part of the source tree an object's C file is in (its object's directory, build/kernel.ts objectPath). */
function sourcePart(object: string): string {
  const dir = basename(dirname(object));
  if (dir === 'interpreter') return /^guest/.test(basename(object)) ? 'engine glue (interpreter/guest*.c)' : 'engine (interpreter/)';
  if (dir === 'jit' || dir === 'cache') return 'JIT and cache (interpreter/jit/, cache/)';
  if (dir === 'kernel_lib' || dir === 'id') return 'kernel_lib';
  return dir;
}

async function definedSymbols(object: string): Promise<string[]> {
  const out = await runTool(`nm ${basename(object)}`, nm, ['--defined-only', '--format=just-symbols', object]);
  return out.split('\n').filter(Boolean);
}

/** A kernel's loaded bytes by part of the source tree; `objects` are the ones linked into it. */
export async function kernelSizeByPart(name: string, elf: string, bin: string, objects: string[]): Promise<KernelSize> {
  const owner = new Map<string, string>();
  for (const o of objects) for (const s of await definedSymbols(o)) owner.set(s, sourcePart(o));
  const byPart = new Map<string, number>();
  const sized = await runTool('nm kernel', nm, ['-S', '--defined-only', elf]);
  for (const line of sized.split('\n')) {
    const [, size, type, sym] = line.trim().split(/\s+/);
    if (!sym || !/^[tTdDrR]$/.test(type)) continue; // code and data in the file (.bss is not loaded)
    // Static functions are renamed when modules are linked (foo.12): match their base name.
    const part = owner.get(sym) ?? owner.get(sym.replace(/\.\d+$/, '')) ?? 'other (compiler-rt, inlined statics)';
    byPart.set(part, (byPart.get(part) ?? 0) + parseInt(size, 16));
  }
  const bytes = statSync(bin).size;
  const symbols = [...byPart.values()].reduce((n, b) => n + b, 0);
  const parts = [...byPart].map(([part, b]) => ({ part, bytes: b })).sort((a, b) => b.bytes - a.bytes);
  return { name, bytes, parts: [...parts, { part: 'no symbol (jump tables, constants, strings, alignment)', bytes: bytes - symbols }] };
}

/** Loaded bytes of each kernel (a column) by part of the source tree (a row). */
export function kernelsByPart(kernels: KernelSize[]): string {
  const t = table(['kernel bytes by part', ...kernels.map((k) => k.name)]);
  const parts = [...new Set(kernels.flatMap((k) => k.parts.map((p) => p.part)))];
  for (const part of parts) t.push([part, ...kernels.map((k) => k.parts.find((p) => p.part === part)?.bytes ?? 0)]);
  t.push(['loaded (the flat binary)', ...kernels.map((k) => k.bytes)]);
  return t.toString();
}
