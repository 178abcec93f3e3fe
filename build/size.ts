// Where a kernel's bytes go: symbol sizes from the linked ELF, attributed to
// the part of the source tree that defines each symbol (kernel_lib, the
// engine, its JIT, the application), and what no symbol covers. The image
// manifest holds them for every kernel (`bareflow inspect`, the benchmark).
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { table } from './table.ts';
import { runTool } from './toolchain.ts';

const nm = 'llvm-nm-14';
const dwarfdump = 'llvm-dwarfdump-14';

export interface KernelSize {
  name: string;
  /** What stage2 loads: the flat binary. */
  bytes: number;
  /** Sums to `bytes`: code and data by symbol, then what no symbol covers (jump tables, constants, strings, alignment). */
  parts: { part: string; bytes: number }[];
}

/** The engine's stages, by source file (interpreter/README.md's table). */
const engineStages: [RegExp, string][] = [
  [/^(bitstream|module)\.c$/, 'engine: reader (bitstream.c, module.c)'],
  [/^verify\.c$/, 'engine: verifier (verify.c)'],
  [/^(lower\w*|patterns)\.c$/, 'engine: lowering (lower*.c, patterns.c)'],
  [/^(simd|fp80)\.c$/, 'engine: SIMD builtins, long double (simd.c, fp80.c)'],
  [/^(exec|ffi)\.c$/, 'engine: dispatch loop, FFI (exec.c, ffi.c)'],
  [/^ir_exec\.c$/, 'engine: IR interpreter (ir_exec.c, the meta bootstrap\'s)'],
  [/^guest/, 'engine glue (interpreter/guest*.c)'],
];
/** kernel_lib's files by what they serve. */
const kernelLibGroups: [RegExp, string][] = [
  [/^math_/, 'kernel_lib: maths (math_*.c)'],
  [/^(string|stdlib|ctype|strtod|printf|fmt_float|malloc|compiler_rt)\.c$/, 'kernel_lib: C library'],
];

/** The part of the source tree a C file is in: `path` is the file's or its object's (build/kernel.ts objectPath: the same directory name). */
function sourcePart(path: string): string {
  const dir = basename(dirname(path));
  const file = basename(path).replace(/\.bc$/, '.c');
  if (dir === 'interpreter') return engineStages.find(([re]) => re.test(file))?.[1] ?? 'engine (interpreter/)';
  if (dir === 'jit' || dir === 'cache') return 'JIT and cache (interpreter/jit/, cache/)';
  if (dir === 'kernel_lib') return kernelLibGroups.find(([re]) => re.test(file))?.[1] ?? 'kernel_lib: boot, devices, events';
  if (dir === 'id') return 'kernel_lib: boot, devices, events';
  return dir;
}

/** An object's defined symbols, and whether each is global (a static's name may repeat in another file). */
async function definedSymbols(object: string): Promise<{ name: string; global: boolean }[]> {
  const out = await runTool(`nm ${basename(object)}`, nm, ['--defined-only', '--format=posix', object]);
  return out.split('\n').filter(Boolean).map((l) => {
    const [name, type] = l.split(' ');
    return { name, global: type === type.toUpperCase() };
  });
}

/**
 * The source file of each function the ELF's line tables describe, by address: its compile unit's.
 * Exact where names are not: the linked module renames statics of the same name in two files
 * (lower_calls.c's and emit.c's `intrinsic`), and which one keeps the name is the linker's choice.
 */
async function functionSources(elf: string): Promise<Map<number, string>> {
  const dump = await runTool('dwarfdump kernel', dwarfdump, ['--debug-info', elf]);
  const at = new Map<number, string>();
  let unit = '';
  for (const entry of dump.split(/\n(?=0x[0-9a-f]+:)/)) {
    const tag = /DW_TAG_(\w+)/.exec(entry)?.[1];
    if (tag === 'compile_unit') unit = /DW_AT_name\s+\("([^"]+)"\)/.exec(entry)?.[1] ?? '';
    const low = /DW_AT_low_pc\s+\((0x[0-9a-f]+)\)/.exec(entry)?.[1];
    if (tag === 'subprogram' && low && unit) at.set(parseInt(low, 16), unit);
  }
  return at;
}

/** A kernel's loaded bytes by part of the source tree; `objects` are the ones linked into it. */
export async function kernelSizeByPart(name: string, elf: string, bin: string, objects: string[]): Promise<KernelSize> {
  const owner = new Map<string, string>();
  const globals = new Set<string>();
  for (const o of objects) {
    for (const s of await definedSymbols(o)) {
      if (globals.has(s.name)) continue; // a static of the same name elsewhere does not take a global's bytes
      owner.set(s.name, sourcePart(o));
      if (s.global) globals.add(s.name);
    }
  }
  const sources = await functionSources(elf);
  const byPart = new Map<string, number>();
  const sized = await runTool('nm kernel', nm, ['-S', '--defined-only', elf]);
  for (const line of sized.split('\n')) {
    const [address, size, type, sym] = line.trim().split(/\s+/);
    if (!sym || !/^[tTdDrR]$/.test(type)) continue; // code and data in the file (.bss is not loaded)
    const source = sources.get(parseInt(address, 16));
    // Data has no line table: by name. Static functions are renamed when modules are linked (foo.12): match their base name.
    const part = source ? sourcePart(source) : owner.get(sym) ?? owner.get(sym.replace(/\.\d+$/, '')) ?? 'other (compiler-rt, inlined statics)';
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
