// The meta kernel's bootstrap runs only the runtime.bc it was built with, and only the
// intrinsics interpreter/ir_exec.c lists; runtime.bc's imports resolve in the bootstrap's
// FFI table (interpreter/guest_syms.c under BF_BOOTSTRAP, guest_meta.c's runtime_syms). A
// change that makes clang emit a new intrinsic into runtime.bc (session 8: llvm.uadd.sat from
// a saturating sum in the JIT's allocator) or import a new kernel_lib function used to show
// only when a meta boot stopped with exit 9. This step fails the build instead, naming them.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fromRoot } from './paths.ts';
import type { Step } from './steps.ts';
import { runTool, tools } from './toolchain.ts';

/** What a module (llvm-dis text) takes from outside: intrinsics with the functions calling each, other functions and globals. */
export interface ModuleImports {
  intrinsics: Map<string, Set<string>>;
  /** Declared and not weak: the bootstrap must resolve them (a weak one nothing defines is null). */
  symbols: string[];
}

export function moduleImports(ll: string): ModuleImports {
  const intrinsics = new Map<string, Set<string>>();
  const symbols: string[] = [];
  let caller = '';
  for (const line of ll.split('\n')) {
    const define = /^define [^@]*@"?([^"(]+)"?\(/.exec(line);
    if (define) caller = define[1];
    else if (line.startsWith('}')) caller = '';
    else if (caller) for (const m of line.matchAll(/@(llvm\.[\w.]+)\(/g)) intrinsics.get(m[1])?.add(caller) ?? intrinsics.set(m[1], new Set([caller]));
    const declare = /^declare ([^@]*)@"?([^"(]+)"?\(/.exec(line);
    if (declare && !declare[2].startsWith('llvm.') && !/\bextern_weak\b/.test(declare[1])) symbols.push(declare[2]);
    const global = /^@"?([^"\s]+)"? = external /.exec(line);
    if (global) symbols.push(global[1]);
  }
  return { intrinsics, symbols };
}

/** The intrinsic names (after "llvm.") interpreter/ir_exec.c runs: its intrinsics[] table's. */
export function bootstrapIntrinsics(irExecSource: string): string[] {
  const table = /\bintrinsics\[\] = \{([\s\S]*?)\n\};/.exec(irExecSource);
  if (!table) throw new Error('interpreter/ir_exec.c: no intrinsics[] table (build/runtime-check.ts reads it)');
  return [...table[1].matchAll(/\{\s*"([\w.]+)"\s*,\s*II_\w+\s*\}/g)].map((m) => m[1]);
}

/** Does ir_exec.c's entry `listed` cover `llvm.<name>`? As prep_call matches: a prefix ending at a dot or the end. */
const covers = (listed: string, name: string): boolean => name === listed || name.startsWith(`${listed}.`);

/** The names of the FFI table entries in preprocessed C: `{ "name", (void *)...}`. */
export function tableNames(preprocessed: string): string[] {
  return [...preprocessed.matchAll(/\{\s*"([\w.$]+)"\s*,\s*\(void \*\)/g)].map((m) => m[1]);
}

/**
 * What runtime.bc needs that the bootstrap lacks, one line each: intrinsics called from a
 * function outside `exempt` (simd.c's and fp80.c's: they handle vectors and long doubles, which
 * the bootstrap stops at with a named error before any of their intrinsics), and imports.
 */
export function missingFromBootstrap(imports: ModuleImports, intrinsics: string[], symbols: string[], exempt: Set<string>): string[] {
  const missing: string[] = [];
  for (const [name, callers] of imports.intrinsics) {
    const running = [...callers].filter((c) => !exempt.has(c.replace(/\.\d+$/, '')));
    if (running.length && !intrinsics.some((l) => covers(l, name.slice('llvm.'.length))))
      missing.push(`intrinsic ${name} (called by ${running.sort().join(', ')}): add it to interpreter/ir_exec.c's intrinsics[]`);
  }
  const table = new Set(symbols);
  for (const name of imports.symbols)
    if (!table.has(name)) missing.push(`${name}: not in the bootstrap's FFI table (interpreter/guest_syms.c, guest_meta.c runtime_syms)`);
  return missing;
}

/** The build step: reads runtime.bc's text (runtime.ll), ir_exec.c and the two tables preprocessed as the meta kernel compiles them; writes what it checked to `out`. */
export function runtimeCheckStep(runtimeLl: string, exemptObjects: string[], cflags: string[], out: string): Step {
  const irExec = fromRoot('interpreter', 'ir_exec.c');
  const tableSources = [fromRoot('interpreter', 'guest_syms.c'), fromRoot('interpreter', 'guest_meta.c')];
  return {
    name: 'runtime.bc against the meta bootstrap',
    inputs: [runtimeLl, irExec, ...tableSources, ...exemptObjects, fromRoot('build', 'runtime-check.ts')],
    outputs: [out],
    tools: [tools.clang],
    key: cflags,
    run: async () => {
      const imports = moduleImports(readFileSync(runtimeLl, 'utf8'));
      const intrinsics = bootstrapIntrinsics(readFileSync(irExec, 'utf8'));
      const symbols = (await Promise.all(tableSources.map((src) => runTool(`preprocess ${basename(src)}`, tools.clang, [...cflags, '-E', src])))).flatMap(tableNames);
      const exempt = new Set<string>();
      for (const o of exemptObjects)
        for (const line of (await runTool(`nm ${basename(o)}`, 'llvm-nm-14', ['--defined-only', '--format=posix', o])).split('\n')) if (line) exempt.add(line.split(' ')[0]);
      const missing = missingFromBootstrap(imports, intrinsics, symbols, exempt);
      if (missing.length) throw new Error(`runtime.bc needs what the meta kernel's bootstrap does not have:\n  ${missing.join('\n  ')}`);
      writeFileSync(out, `runtime.bc: ${imports.intrinsics.size} intrinsics, ${imports.symbols.length} imports, each in the meta bootstrap\n`);
    },
  };
}
