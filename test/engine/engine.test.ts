// The bitcode engine (interpreter/), through its host CLI `bfi`:
// conformance against native code, tinyllama against llama2.c, self-hosting,
// malformed input, and a bounded fuzzing run of the reader.
import { execa } from 'execa';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../../build/engine.ts';
import { kernelBuild } from '../../build/image-build.ts';
import { fromRoot, objDir } from '../../build/paths.ts';
import { runSteps, stepsFor } from '../../build/steps.ts';
import { tools } from '../../build/toolchain.ts';
import { withLock } from '../helpers/images.ts';
import { greedyReferences, referenceText, runTinyllama } from '../helpers/tinyllama.ts';
import { tempDir } from '../helpers/tempdir.ts';

let bfi: string;
let interpreterBc: string;
let tinyllamaBc: string;
const work = tempDir('engine-test-');

beforeAll(async () => {
  ({ bfi, interpreterBc } = await buildEngine());
  const k = kernelBuild();
  // The image builds of other test files write the same objects: take their lock.
  await withLock(() => runSteps(stepsFor(k.steps, [k.tinyllamaBc]), { stateFile: join(objDir, 'steps-engine-test.json') }));
  tinyllamaBc = k.tinyllamaBc;
});

const node = (script: string, args: string[] = [], timeout = 900_000) =>
  execa(process.execPath, [fromRoot('test', 'engine', script), ...args], { reject: false, timeout, all: true });

function failures(all: string | undefined): string {
  return (all ?? '').split('\n').filter((l) => !l.startsWith('ok ')).join('\n');
}

describe('conformance: engine vs native -m32, stdout and exit code', () => {
  it('every C case at every level, and every generated IR case, matches', async () => {
    const r = await node('run-suite.mjs');
    const summary = r.all?.match(/engine suite: (\d+) passed, (\d+) failed of (\d+) \((\d+) cases\)/);
    expect(summary, failures(r.all)).not.toBeNull();
    const [, passed, failed, total, cases] = summary!.map(Number);
    expect(failed, failures(r.all)).toBe(0);
    expect(passed).toBe(total);
    expect(cases).toBeGreaterThanOrEqual(150);
    expect(r.all, failures(r.all)).toMatch(/ir cases: \d+ passed, 0 failed/);
    expect(r.exitCode).toBe(0);
  }, 900_000);   // where bfi and the native -m32 programs run under qemu-i386 (README), 300 s was not enough

  it('self-hosting: the engine running interpreter.bc runs every case at O2 like native', async () => {
    const r = await node('run-suite.mjs', ['--levels', 'O2', '--self', interpreterBc]);
    expect(r.all, failures(r.all)).toMatch(/engine suite: (\d+) passed, 0 failed of \1 /);
    expect(r.exitCode).toBe(0);
  }, 900_000);
});

describe('the dispatch loop as compiled (interpreter/README.md: where ip and fp live)', () => {
  it('the hot handlers keep ip and fp in registers: no stack slot, no copy between registers', async () => {
    const r = await node('dispatch-regs.mjs', ['--check', join(objDir, 'engine', 'o', 'exec.o')]);
    expect(r.all).toMatch(/^\d+ hot handlers: ip and fp in registers$/m);
    expect(r.exitCode).toBe(0);
  });
});

describe('tinyllama.bc under the engine vs llama2.c reference', () => {
  it.each(greedyReferences)('greedy, prompt %j reproduces reference/%s.txt', async (prompt, name) => {
    const r = await runTinyllama(bfi, tinyllamaBc, prompt);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(referenceText(name));
  });
});

/** The bits of a file, LSB first within each byte, as LLVM's bitstream reads them. */
const toBits = (b: Buffer): number[] => [...b].flatMap((byte) => [0, 1, 2, 3, 4, 5, 6, 7].map((i) => (byte >> i) & 1));
function fromBits(bits: number[]): Buffer {
  const padded = [...bits, ...new Array((32 - (bits.length % 32)) % 32).fill(0)];
  return Buffer.from(Array.from({ length: padded.length / 8 }, (_, i) => padded.slice(i * 8, i * 8 + 8).reduce((v, bit, j) => v | (bit << j), 0)));
}
const field = (value: number, width: number): number[] => Array.from({ length: width }, (_, i) => (value >> i) & 1);
const indexOfBits = (hay: number[], needle: number[]): number => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};

describe('malformed bitcode: a clear error and exit 9, never a crash', () => {
  let good: Buffer;
  // MODULE_CODE_VERSION [2] as an unabbreviated record: abbrev id 3 (width 3), code 1, 1 operand, value 2 (VBR6 each).
  const versionRecord = (v: number) => [...field(3, 3), ...field(1, 6), ...field(1, 6), ...field(v, 6)];

  beforeAll(async () => {
    const src = join(work, 'p.c');
    writeFileSync(src, '#include <stdio.h>\nint main(void) { puts("fine"); return 0; }\n');
    await execa(tools.clang, ['-m32', '-O2', '-emit-llvm', '-c', src, '-o', join(work, 'p.bc')]);
    good = readFileSync(join(work, 'p.bc'));
  });

  async function runBytes(name: string, bytes: Buffer) {
    const file = join(work, name);
    writeFileSync(file, bytes);
    return execa(bfi, [file], { reject: false, timeout: 30_000 });
  }

  it('the intact file runs', async () => {
    const r = await runBytes('good.bc', good);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('fine');
  });

  it.each([
    ['an empty file', () => Buffer.alloc(0), 'error: bitcode: file too short or not a multiple of 4 bytes (0)'],
    ['an ELF file', () => Buffer.from('\x7fELF\x01\x01\x01\x00', 'latin1'), /^error: bitcode: wrong magic 0x[0-9a-f]+ \(not an LLVM bitcode file\)$/],
    ['a truncated file', () => good.subarray(0, 100), /^error: bitcode: .*(past end|truncated)/],
    ['a file cut at an odd length', () => good.subarray(0, good.length - 3), /^error: bitcode: file too short or not a multiple of 4 bytes/],
  ])('%s', async (_, make, message) => {
    const r = await runBytes('bad.bc', make());
    expect(r.exitCode).toBe(9);
    expect(r.stderr).toMatch(message);
  });

  it('an unsupported module version', async () => {
    const bits = toBits(good);
    const at = indexOfBits(bits, versionRecord(2));
    expect(at).toBeGreaterThan(0);
    bits.splice(at, versionRecord(2).length, ...versionRecord(1));
    const r = await runBytes('v1.bc', fromBits(bits));
    expect(r.exitCode).toBe(9);
    expect(r.stderr).toBe('error: bitcode: unsupported module version 1 (need 2, LLVM >= 5 with strtab)');
  });

  it('an oversized record (a billion operands)', async () => {
    const bits = toBits(good);
    const at = indexOfBits(bits, versionRecord(2));
    // numops as VBR6: 2^30 needs six 5-bit chunks.
    const huge = Array.from({ length: 6 }, (_, i) => [...field((2 ** 30 / 32 ** i) & 31, 5), i < 5 ? 1 : 0]).flat();
    bits.splice(at + 9, 6, ...huge);
    const r = await runBytes('huge.bc', fromBits(bits));
    expect(r.exitCode).toBe(9);
    expect(r.stderr).toMatch(/^error: bitcode: /);
  });

  it.each(readdirSync(fromRoot('test', 'engine', 'regressions')))('fuzzer-found input %s: a clean error', async (file) => {
    const r = await execa(bfi, ['--check', fromRoot('test', 'engine', 'regressions', file)], { reject: false, timeout: 30_000 });
    expect(r.exitCode).toBe(9);
    expect(r.stderr).toMatch(/^error: bitcode: /);
  });

  it('hundreds of truncations and bit flips end in clean errors (robustness.mjs)', async () => {
    const r = await node('robustness.mjs', [], 600_000);
    expect(r.exitCode, r.all).toBe(0);
  });
});

describe('limits: a clean error, never a crash', () => {
  let deep: string;
  let big: string;
  beforeAll(async () => {
    const compile = async (name: string, src: string) => {
      writeFileSync(join(work, `${name}.c`), src);
      await execa(tools.clang, ['-m32', '-O0', '-emit-llvm', '-c', join(work, `${name}.c`), '-o', join(work, `${name}.bc`)]);
      return join(work, `${name}.bc`);
    };
    deep = await compile('deep', '#include <stdio.h>\nint f(int n) { volatile int pad[4]; pad[0] = n; return n == 0 ? 0 : 1 + f(n - 1) + pad[0] * 0; }\nint main(int argc, char **argv) { printf("%d\\n", f(argc > 1 ? 100000000 : 10)); return 0; }\n');
    big = await compile('big', '#include <stdio.h>\n#include <string.h>\nint use(char *p, int n) { memset(p, 1, n); return p[n - 1]; }\nint main(int argc, char **argv) { int n = argc > 1 ? 64 << 20 : 1024; char buf[n]; printf("%d\\n", use(buf, n)); return 0; }\n');
  });

  it('runaway recursion hits the call-depth limit', async () => {
    expect((await execa(bfi, [deep], { reject: false })).stdout).toBe('10');
    const r = await execa(bfi, ['--depth', '1000', deep, 'x'], { reject: false, timeout: 60_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: engine: stack overflow (call depth 1000, limit 1000)');
  });

  it('a 64 MiB alloca overflows the interpreter stack', async () => {
    const r = await execa(bfi, [big, 'x'], { reject: false, timeout: 60_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: engine: stack overflow/);
  });

  it('the memory budget', async () => {
    const r = await execa(bfi, ['--mem', '4', deep], { reject: false, timeout: 60_000 });
    expect(r.exitCode).toBe(6);
    expect(r.stderr).toMatch(/^error: engine: memory budget exceeded \(\d+ bytes in use, \d+ requested, budget 4194304\)$/);
  });
});

describe('faults: reported like the guest\'s trap, the program\'s (exit 7) apart from the engine\'s (exit 11)', () => {
  let faults: string;
  let recursion: string;
  const pc = '\\(pc 0x[0-9a-f]{8}\\)';
  beforeAll(async () => {
    const compile = async (name: string, src: string) => {
      writeFileSync(join(work, `${name}.c`), src);
      await execa(tools.clang, ['-m32', '-O0', '-emit-llvm', '-c', join(work, `${name}.c`), '-o', join(work, `${name}.bc`)]);
      return join(work, `${name}.bc`);
    };
    faults = await compile('faults', '#include <stdio.h>\nint deref(int *p) { return *p; }\nint id(int x) { return x; }\n'
      + 'int main(int argc, char **argv) { int *volatile p = 0; if (argc > 2) return 10 / id(argc - 3); if (argc > 1) return deref(p); return id(*p); }\n');
    // qsort's comparator sorts again: native and interpreted frames alternate on the C stack until it overflows
    recursion = await compile('recursion', '#include <stdlib.h>\nstatic int cmp(const void *a, const void *b) { int v[2] = { 1, 0 }; qsort(v, 2, sizeof v[0], cmp); return 0; }\n'
      + 'int main(void) { int v[2] = { 1, 0 }; qsort(v, 2, sizeof v[0], cmp); return v[0]; }\n');
  });

  it.each([
    ['a NULL load in main (after a call returned)', [], `SIGSEGV \\(invalid memory access\\) at address 0x00000000 in 'main' ${pc}`],
    ['a NULL load in a callee', ['x'], `SIGSEGV \\(invalid memory access\\) at address 0x00000000 in 'deref' ${pc}`],
    ['a division by zero', ['x', 'y'], `SIGFPE \\(integer division by zero\\) in 'main' ${pc}`],
  ])('%s', async (_, args, report) => {
    const r = await execa(bfi, [faults, ...args], { reject: false });
    expect(r.stderr).toMatch(new RegExp(`^error: program fault: ${report}$`));
    expect(r.exitCode).toBe(7);
  });

  it('a C stack overflow (recursion through native callbacks), reported from the alternate signal stack', async () => {
    const r = await execa('sh', ['-c', 'ulimit -s 8192 && exec "$0" "$@"', bfi, recursion], { reject: false, timeout: 60_000 });
    expect(r.stderr).toMatch(new RegExp(`^error: program fault: stack overflow \\(SIGSEGV at address 0x[0-9a-f]{8}\\) in 'cmp' ${pc}$`));
    expect(r.exitCode).toBe(7);
  });

  it('a fault in the engine\'s own code is an engine bug (test hook BFI_TEST_ENGINE_FAULT)', async () => {
    const r = await execa(bfi, [faults], { reject: false, env: { BFI_TEST_ENGINE_FAULT: '1' } });
    expect(r.stderr).toMatch(/^error: engine bug: SIGSEGV \(invalid memory access\) at address 0x00000000 \(pc 0x[0-9a-f]{8} in the engine's code\)$/);
    expect(r.exitCode).toBe(11);
  });
});

/** Builds an LLVM module with llvm-bindings (which, unlike clang or llvm-as, writes
 * IR that LLVM's verifier would reject) and returns the path of its bitcode. */
const llvm = createRequire(import.meta.url)('llvm-bindings');
const I386_LAYOUT = 'e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-f64:32:64-f80:32-n8:16:32-S128';
function module(name: string, build: (ctx: any, mod: any, b: any) => void, target: { triple?: string; layout?: string } = { triple: 'i386-pc-linux-gnu', layout: I386_LAYOUT }): string {
  const ctx = new llvm.LLVMContext();
  const mod = new llvm.Module(name, ctx);
  if (target.triple) mod.setTargetTriple(target.triple);
  if (target.layout) mod.setDataLayout(target.layout);
  build(ctx, mod, new llvm.IRBuilder(ctx));
  const file = join(work, `${name}.bc`);
  llvm.WriteBitcodeToFile(mod, file);
  return file;
}
/** define RET @NAME(PARAMS) with one block, filled by body(builder, args) */
function define(ctx: any, mod: any, b: any, name: string, ret: any, params: any[], body: (args: any[]) => void) {
  const type = llvm.FunctionType.get(ret, params, false);
  const f = llvm.Function.Create(type, llvm.Function.LinkageTypes.ExternalLinkage, name, mod);
  b.SetInsertPoint(llvm.BasicBlock.Create(ctx, 'entry', f));
  body(params.map((_, i) => f.getArg(i)));
  return { f, type };
}

describe('the verifier: IR that LLVM would reject is a clear error (exit 9), never run or lowered', () => {
  const i32 = (ctx: any) => llvm.Type.getInt32Ty(ctx);
  it.each([
    ['call-argument-type', "error: bitcode: function 'main': call: argument 2 has type double, callee expects i32", (ctx: any, mod: any, b: any) => {
      const { f, type } = define(ctx, mod, b, 'f', i32(ctx), [i32(ctx), i32(ctx)], ([a]) => b.CreateRet(a));
      define(ctx, mod, b, 'main', i32(ctx), [], () =>
        b.CreateRet(b.CreateCall(type, f, [llvm.ConstantInt.get(i32(ctx), 1), llvm.ConstantFP.get(llvm.Type.getDoubleTy(ctx), 2.5)])));
    }],
    ['binop-operand-type', "error: bitcode: function 'main': binary operator: operand 2 has type i64, expected i32", (ctx: any, mod: any, b: any) =>
      define(ctx, mod, b, 'main', i32(ctx), [i32(ctx), llvm.Type.getInt64Ty(ctx)], ([a, c]) => b.CreateRet(b.CreateAdd(a, c)))],
    ['ret-type', "error: bitcode: function 'main': ret i64 in a function returning i32", (ctx: any, mod: any, b: any) =>
      define(ctx, mod, b, 'main', i32(ctx), [llvm.Type.getInt64Ty(ctx)], ([a]) => b.CreateRet(a))],
    ['load-from-integer', "error: bitcode: function 'main': load: operand 1 has type i32, expected a pointer", (ctx: any, mod: any, b: any) =>
      define(ctx, mod, b, 'main', i32(ctx), [i32(ctx)], ([a]) => b.CreateRet(b.CreateLoad(i32(ctx), a)))],
    ['intrinsic-arity', "error: bitcode: function 'main': call: 'llvm.sqrt.f32' with 2 arguments (its signature has 1)", (ctx: any, mod: any, b: any) => {
      const float = llvm.Type.getFloatTy(ctx);
      const type = llvm.FunctionType.get(float, [float, float], false);
      const sqrt = llvm.Function.Create(type, llvm.Function.LinkageTypes.ExternalLinkage, 'llvm.sqrt.f32', mod);
      define(ctx, mod, b, 'main', i32(ctx), [float], ([x]) => { b.CreateCall(type, sqrt, [x, x]); b.CreateRet(llvm.ConstantInt.get(i32(ctx), 0)); });
    }],
  ])('%s', async (name, message, build) => {
    const file = module(name, build);
    // lowering and the JIT (which compiles every function first with --jit=all) read the same verified IR
    for (const mode of ['--check', '--jit=all']) {
      const r = await execa(bfi, [mode, file], { reject: false });
      expect(r.stderr, mode).toBe(message);
      expect(r.exitCode, mode).toBe(9);
    }
  });
});

describe('the target: i386 bitcode only (a triple, when present, i386..i686; a data layout, when present, 32-bit pointers)', () => {
  const main0 = (ctx: any, mod: any, b: any) => define(ctx, mod, b, 'main', llvm.Type.getInt32Ty(ctx), [], () => b.CreateRet(llvm.ConstantInt.get(llvm.Type.getInt32Ty(ctx), 0)));
  it('x86-64 bitcode (clang without -m32) is an error that says how to compile for the engine', async () => {
    const src = join(work, 'long.c');
    writeFileSync(src, '#include <stdio.h>\nint main(void) { printf("sizeof(long)=%d\\n", (int)sizeof(long)); return 0; }\n');
    await execa(tools.clang, ['--target=x86_64-pc-linux-gnu', '-O2', '-emit-llvm', '-c', src, '-o', join(work, 'long64.bc')]);
    const r = await execa(bfi, [join(work, 'long64.bc')], { reject: false });
    expect(r.stderr).toBe('error: bitcode: target x86_64-pc-linux-gnu is not i386: compile with clang -m32 (--target=i386-...)');
    expect(r.exitCode).toBe(9);
    await execa(tools.clang, ['-m32', '-O2', '-emit-llvm', '-c', src, '-o', join(work, 'long32.bc')]);
    expect((await execa(bfi, [join(work, 'long32.bc')])).stdout).toBe('sizeof(long)=4');
  });
  it('no triple: a 64-bit-pointer data layout is an error, an i386 one or none at all runs', async () => {
    const x64 = 'e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128';
    const r = await execa(bfi, [module('layout64', main0, { layout: x64 })], { reject: false });
    expect(r.stderr).toBe(`error: bitcode: data layout '${x64}' has 64-bit pointers, not i386's 32: compile with clang -m32 (--target=i386-...)`);
    expect(r.exitCode).toBe(9);
    expect((await execa(bfi, [module('layout32', main0, { layout: I386_LAYOUT })], { reject: false })).exitCode).toBe(0);
    expect((await execa(bfi, [module('bare', main0, {})], { reject: false })).exitCode).toBe(0);
  });
});

describe('fuzzing the reader, verifier and lowering (libFuzzer + ASan, bounded, reproducible)', () => {
  const fuzz = (runs: number) =>
    execa('sh', [fromRoot('test', 'engine', 'fuzz.sh')], { reject: false, all: true, timeout: 600_000, env: { FUZZ_RUNS: String(runs) } });
  /** "N D" per "fuzz inputs: N digest: D" line: a digest of every input run so far */
  const digests = (out = '') => [...out.matchAll(/^fuzz inputs: (\d+) digest: ([0-9a-f]{16})$/gm)].map((m) => `${m[1]} ${m[2]}`);

  it('runs 100,000 inputs from a fixed seed without a crash, and a second run starts with the same inputs', { timeout: 600_000 }, async () => {
    const first = await fuzz(100_000);
    expect(first.exitCode, first.all).toBe(0);
    expect(first.all).toMatch(/Done 100000 runs in \d+ second/);
    expect(digests(first.all)).toHaveLength(10);
    const second = await fuzz(20_000);
    expect(second.exitCode, second.all).toBe(0);
    expect(digests(second.all)).toEqual(digests(first.all).slice(0, 2));
  });
});
