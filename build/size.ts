// Where a kernel's bytes go: symbol sizes from the linked ELF, attributed to
// the part of the source tree that defines each symbol (kernel_lib, the
// engine, the application, the entry code, compiler-rt).
import { basename } from 'node:path';
import { runTool } from './toolchain.ts';

const nm = 'llvm-nm-14';

export interface SizePart {
  name: string;
  objects: string[];
}

export interface SizeReport {
  byPart: { part: string; bytes: number }[];
  sections: { section: string; bytes: number }[];
}

async function definedSymbols(object: string): Promise<string[]> {
  const out = await runTool(`nm ${basename(object)}`, nm, ['--defined-only', '--format=just-symbols', object]);
  return out.split('\n').filter(Boolean);
}

export async function kernelSizes(elf: string, parts: SizePart[]): Promise<SizeReport> {
  const owner = new Map<string, string>();
  for (const p of parts) for (const o of p.objects) for (const s of await definedSymbols(o)) owner.set(s, p.name);
  const byPart = new Map<string, number>();
  const sized = await runTool('nm kernel', nm, ['-S', '--defined-only', elf]);
  for (const line of sized.split('\n')) {
    const [, size, type, name] = line.trim().split(/\s+/);
    if (!name || !/^[tTdDrR]$/.test(type)) continue; // code and data in the file; .bss is counted by section
    // Static functions are renamed when modules are linked (foo.12): match their base name.
    const part = owner.get(name) ?? owner.get(name.replace(/\.\d+$/, '')) ?? 'other (compiler-rt, inlined statics)';
    byPart.set(part, (byPart.get(part) ?? 0) + parseInt(size, 16));
  }
  const sections = (await runTool('size kernel', 'llvm-size-14', ['-A', elf]))
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([s, n]) => s?.startsWith('.') && /^\d+$/.test(n))
    .map(([section, n]) => ({ section, bytes: Number(n) }));
  return { byPart: [...byPart].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes), sections };
}
