// The steps that turn C into a bootable kernel, as DESIGN.md lays out:
// each C file → clang-14 (i386 bitcode) → llvm-link → opt -O3 → llc (i686, SSE2)
// → ld.lld with boot/entry.o and boot/linker.ld → objcopy to a flat binary.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fromRoot, objDir } from './paths.ts';
import type { Step } from './steps.ts';
import { builtinsI386, runTool, tools } from './toolchain.ts';
import { requireValidModules } from './verify.ts';

export const guestTriple = 'i386-unknown-none-elf';

// -O2 without LLVM passes: the bitcode is optimisable later (plain -O0 marks
// every function optnone), and opt -O3 runs once on the linked module.
// -march sets the per-function target-cpu that llc's -mcpu does not override;
// -mtune=generic because pentium4 tuning costs ~25% more instructions per token.
export const guestCFlags = [
  `--target=${guestTriple}`, '-march=pentium4', '-mtune=generic', '-msse2', '-mfpmath=sse',
  '-ffreestanding', '-fno-stack-protector', '-fno-math-errno', '-fno-pic',
  '-O2', '-Xclang', '-disable-llvm-passes',
  `-I${fromRoot('kernel_lib')}`, `-I${fromRoot('boot')}`,
];

// Line tables for the kernels' ELF files, so gdb's `list` and `bt` show source. They live in
// non-allocated .debug_* sections, which objcopy leaves out of the flat binary, and they do
// not change the generated code: the image is byte-identical with or without them (full -g
// does change clang 14's register allocation in one engine function).
const debugFlags = ['-gline-tables-only'];

// Every flag a step passes is also its cache key, so changing one reruns the step.
export const optFlags = ['-O3'];
// The meta kernel's: the bootstrap's part of a meta boot is what runtime.bc runs before its hot functions are compiled.
// Besides -Oz: inline only where that saves bytes (-Oz's threshold is 5), hoist what both sides of a branch
// start with, and merge functions with the same code (run_as, static inline in internal.h, has three copies;
// one whose address is taken keeps its own as a jump to the other). 68,628 -> 68,292 bytes with llc's below.
export const sizeOptFlags = ['-passes=default<Oz>,mergefunc', '-inline-threshold=0', '-hoist-common-insts'];
// ... and llc's for it: blocks in source order (block placement moves blocks to make the likely path fall
// through, adding jumps elsewhere) and tails of two instructions merged: 68,292 -> 67,780 bytes.
export const sizeLlcFlags = ['-disable-block-placement', '-tail-merge-size=2'];
// ... and its objects' (after -O2 in guestCFlags, so it wins): clang marks every function minsize, so
// llc picks the short instruction forms and aligns no function or loop (opt -Oz alone does neither).
export const sizeCFlags = ['-Oz'];
// runtime.bc's: -O3 without the loop and SLP vectorisers, so that its IR stays in the subset
// the meta kernel's bootstrap interprets (interpreter/internal.h BF_BOOTSTRAP: no vectors).
export const runtimeOptFlags = ['-O3', '-vectorize-loops=false', '-vectorize-slp=false'];
// The bitcode modules the engine runs (tinyllama.bc, runtime.bc) keep no local value names
// (block and value names the passes made up: 19 KB of tinyllama.bc's 72.6 KB) and no use-list
// orders (7 KB): the engine reads neither, and a jit boot reads and checks every byte of the file.
export const bitcodeOutFlags = ['--discard-value-names', '--preserve-bc-uselistorder=false'];
// Function and data sections let ld.lld drop what nothing references.
export const llcFlags = ['-O3', `-mtriple=${guestTriple}`, '-mcpu=pentium4', '-relocation-model=static', '-function-sections', '-data-sections', '-filetype=asm'];
export const ldFlags = ['-m', 'elf_i386', '--gc-sections'];

const cFiles = (dir: string): string[] =>
  readdirSync(fromRoot(dir)).filter((f) => f.endsWith('.c')).sort().map((f) => fromRoot(dir, f));
const headers = (dirs: string[]): string[] =>
  dirs.flatMap((d) => readdirSync(fromRoot(d)).filter((f) => f.endsWith('.h')).sort().map((f) => fromRoot(d, f)));

// Every header a kernel source can include: a changed one recompiles every source (the engine's core includes jit/jit.h and cache/cache.h too).
export const headerDirs = ['boot', 'kernel_lib', 'tinyllama', 'interpreter', 'interpreter/jit', 'cache'];

export const objectPath = (src: string, variant = ''): string => join(objDir, variant, basename(dirname(src)), basename(src).replace(/\.c$/, '.bc'));
/** The C file that objectPath() compiles to `object`. */
const sourceOf = (object: string): string => fromRoot(basename(dirname(object)), basename(object).replace(/\.bc$/, '.c'));
/** Where a source's object without debug info lands (for bitcode the engine runs). */
const plainObjectPath = (src: string): string => join(objDir, 'bitcode', basename(dirname(src)), basename(src).replace(/\.c$/, '.bc'));

/**
 * clang → .bc for each file, with line tables; the object lands in obj/<dir>/<name>.bc, shared
 * by every kernel that uses it. `debug: false` leaves the debug info out, in obj/bitcode/<dir>/.
 * `variant` names a build of the same sources with other flags: obj/<variant>/<dir>/<name>.bc.
 */
export function compileSteps(sources: string[], extraFlags: string[] = [], debug = true, variant = ''): { steps: Step[]; objects: string[] } {
  const hdrs = headers(headerDirs);
  const flags = [...guestCFlags, ...(debug ? debugFlags : []), ...extraFlags];
  const steps = sources.map((src): Step => {
    const dir = basename(dirname(src));
    const out = debug ? objectPath(src, variant) : plainObjectPath(src);
    return {
      name: `clang ${variant ? `${variant} ` : ''}${dir}/${basename(src)}${debug ? '' : ' (no debug info)'}`,
      inputs: [src, ...hdrs],
      outputs: [out],
      tools: [tools.clang],
      key: flags,
      run: async () => {
        await runTool(`clang ${basename(src)}`, tools.clang, [...flags, '-emit-llvm', '-c', src, '-o', out]);
      },
    };
  });
  return { steps, objects: steps.map((s) => s.outputs[0]) };
}

export function kernelLibSources(): string[] {
  return cFiles('kernel_lib');
}

export interface KernelSpec {
  name: string; // "aot" or "bootstrap"
  sources: string[]; // application sources linked with kernel_lib
  flags?: string[]; // extra clang flags for those sources
  opt?: string[]; // opt's flags for the linked module (default optFlags)
  llc?: string[]; // llc's flags besides llcFlags
  // objects (of libObjects or sources) left out of the kernel's module: each optimised and compiled
  // on its own with llc flags of its own, then linked (exec.c's dispatch loop: build/engine.ts dispatchFlags)
  apart?: { object: string; llcFlags: string[] }[];
}

export interface KernelOutputs {
  bin: string;
  elf: string;
  map: string;
  optBc: string;
  /** Every object linked into it (clang's, one per C file), for its size by part (build/size.ts). */
  objects: string[];
  /** The objects compiled apart (KernelSpec.apart) with their whole llc command line's flags, linked after the module's, in this order. */
  apart: { object: string; llcFlags: string[] }[];
}

/** Steps from C sources to the flat kernel binary `obj/<name>/kernel.bin`. */
export function kernelSteps(spec: KernelSpec, libObjects: string[], entryObj: string): { steps: Step[]; out: KernelOutputs } {
  const dir = join(objDir, spec.name);
  const compiled = compileSteps(spec.sources, spec.flags);
  const linked = join(dir, 'kernel.bc');
  const optBc = join(dir, 'kernel.opt.bc');
  const ll = join(dir, 'kernel.opt.ll');
  const asm = join(dir, 'kernel.s');
  const obj = join(dir, 'kernel.o');
  const elf = join(dir, 'kernel.elf');
  const map = join(dir, 'kernel.map');
  const bin = join(dir, 'kernel.bin');
  const linkerScript = fromRoot('boot', 'linker.ld');
  const n = spec.name;
  const apart = spec.apart ?? [];
  const inModule = [...libObjects, ...compiled.objects].filter((o) => !apart.some((a) => a.object === o));
  const apartFlags = apart.map((a) => ({ object: a.object, llcFlags: [...llcFlags, ...(spec.llc ?? []), ...a.llcFlags] }));
  const apartSteps = apartFlags.flatMap((a) => apartObjectSteps(n, dir, a.object, a.llcFlags, spec.opt));
  const apartObjects = apartSteps.filter((s) => s.name.startsWith('llc')).map((s) => s.outputs[1]);
  const steps: Step[] = [
    ...compiled.steps,
    ...linkAndOptimise(n, inModule, linked, optBc, ll, spec.opt),
    ...apartSteps,
    {
      name: `llc ${n}`,
      inputs: [optBc],
      outputs: [asm, obj],
      tools: [tools.llc, tools.clang],
      key: [...llcFlags, ...(spec.llc ?? [])],
      run: async () => {
        await runTool(`llc ${n}`, tools.llc, [...llcFlags, ...(spec.llc ?? []), optBc, '-o', asm]);
        await runTool(`assemble ${n}`, tools.clang, [`--target=${guestTriple}`, '-c', asm, '-o', obj]);
      },
    },
    {
      name: `ld.lld ${n}`,
      inputs: [entryObj, obj, ...apartObjects, linkerScript, builtinsI386],
      outputs: [elf, map],
      tools: [tools.lld],
      key: ldFlags,
      run: async () => {
        await runTool(`ld.lld ${n}`, tools.lld, [...ldFlags, '-T', linkerScript, '-Map', map, '-o', elf, entryObj, obj, ...apartObjects, builtinsI386]);
      },
    },
    {
      name: `objcopy ${n}`,
      inputs: [elf],
      outputs: [bin],
      tools: [tools.objcopy],
      run: async () => {
        await runTool(`objcopy ${n}`, tools.objcopy, ['-O', 'binary', elf, bin]);
      },
    },
  ];
  return { steps, out: { bin, elf, map, optBc, objects: [...libObjects, ...compiled.objects], apart: apartFlags } };
}

/** One object of a kernel compiled apart (KernelSpec.apart): opt, then llc with its own flags, into obj/<kernel>/<name>.o. */
function apartObjectSteps(kernel: string, dir: string, object: string, flags: string[], opt = optFlags): Step[] {
  const base = join(dir, basename(object).replace(/\.bc$/, ''));
  const optimised = `${base}.opt.bc`, asm = `${base}.s`, obj = `${base}.o`;
  return [
    {
      name: `opt ${kernel} ${basename(object)}`,
      inputs: [object],
      outputs: [optimised],
      tools: [tools.opt],
      key: opt,
      run: async () => {
        await runTool(`opt ${basename(object)}`, tools.opt, [...opt, object, '-o', optimised]);
        await requireValidModules([optimised], 'i386');
      },
    },
    {
      name: `llc ${kernel} ${basename(object)}`,
      inputs: [optimised],
      outputs: [asm, obj],
      tools: [tools.llc, tools.clang],
      key: flags,
      run: async () => {
        await runTool(`llc ${basename(object)}`, tools.llc, [...flags, optimised, '-o', asm]);
        await runTool(`assemble ${basename(object)}`, tools.clang, [`--target=${guestTriple}`, '-c', asm, '-o', obj]);
      },
    },
  ];
}

/** llvm-link then opt (-O3 unless `opt` says), each result verified; a textual .ll of the optimised module for inspection. */
function linkAndOptimise(what: string, objects: string[], linked: string, optimised: string, ll: string, opt = optFlags): Step[] {
  return [
    {
      name: `llvm-link ${what}`,
      inputs: objects,
      outputs: [linked],
      tools: [tools.llvmLink],
      run: async () => {
        await runTool(`llvm-link ${what}`, tools.llvmLink, [...objects, '-o', linked]);
        await requireValidModules([linked], 'i386');
      },
    },
    {
      name: `opt ${what}`, // one name whatever the flags (the key): a step's state must follow its outputs
      inputs: [linked],
      outputs: [optimised, ll],
      tools: [tools.opt],
      key: opt,
      run: async () => {
        await runTool(`opt ${what}`, tools.opt, [...opt, linked, '-o', optimised]);
        await requireValidModules([optimised], 'i386');
        await runTool(`opt ${what}`, tools.opt, ['-S', optimised, '-o', ll]);
      },
    },
  ];
}

/**
 * Application objects → one optimised, verified bitcode module for the engine to run. It is
 * built from the same sources compiled again without debug info (which would otherwise stay
 * in the module as metadata the engine has no use for).
 */
export function bitcodeModuleSteps(name: string, objects: string[]): { steps: Step[]; out: string } {
  return bitcodeModuleFromSources(name, objects.map(sourceOf));
}

/** The same from C sources, compiled with `flags` and optimised with `opt` (runtime.bc: the engine's, whose sources span several directories). */
export function bitcodeModuleFromSources(name: string, sources: string[], flags: string[] = [], opt = optFlags): { steps: Step[]; out: string; ll: string; objects: string[] } {
  const linked = join(objDir, 'bitcode', `${name}.linked.bc`);
  const out = join(objDir, 'bitcode', `${name}.bc`);
  const ll = join(objDir, 'bitcode', `${name}.ll`);
  const plain = compileSteps(sources, flags, false);
  return { out, ll, objects: plain.objects, steps: [...plain.steps, ...linkAndOptimise(`${name}.bc`, plain.objects, linked, out, ll, [...opt, ...bitcodeOutFlags])] };
}

/** nasm for the boot chain: flat binaries for stage1/2, ELF for the kernel entry. */
export function nasmStep(src: string, out: string, format: 'bin' | 'elf32'): Step {
  return {
    name: `nasm ${basename(src)}`,
    inputs: [src, ...readdirSync(fromRoot('boot')).filter((f) => f.endsWith('.inc')).sort().map((f) => fromRoot('boot', f))],
    outputs: [out],
    tools: [tools.nasm],
    key: format,
    run: async () => {
      await runTool(`nasm ${basename(src)}`, tools.nasm, ['-f', format, '-I', fromRoot('boot') + '/', '-o', out, src]);
    },
  };
}
