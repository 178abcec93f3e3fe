// The JIT (interpreter/jit/): its x86-32 encoder against LLVM's assembler,
// and compiled code against native code: the conformance suite, mixed
// compiled/interpreted programs and tinyllama, all under `bfi --jit=all`.
import { execa } from 'execa';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../../build/engine.ts';
import { metaBootstrapThreshold, metaEngineFlags } from '../../scripts/commands/run.ts';
import { kernelBuild } from '../../build/image-build.ts';
import { fromRoot, objDir } from '../../build/paths.ts';
import { runSteps, stepsFor } from '../../build/steps.ts';
import { tools } from '../../build/toolchain.ts';
import { withLock } from '../helpers/images.ts';
import { greedyReferences, referenceText, runTinyllama } from '../helpers/tinyllama.ts';

const full = !!process.env.BAREFLOW_FULL;
const work = mkdtempSync(join(tmpdir(), 'jit-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** llvm-mc's `# encoding: [0x01,0xc8]` per instruction; a fixup byte shows as a letter.
 *  "; " splits a line (to switch to AT&T syntax for a form Intel syntax cannot spell). */
async function llvmEncodings(asm: string[]): Promise<string[][]> {
  const r = await execa('llvm-mc-14', ['-triple=i386', '--show-encoding', '-x86-asm-syntax=intel'], { input: ['L:', ...asm].join('\n').replaceAll('; ', '\n') });
  return [...r.stdout.matchAll(/# encoding: \[([^\]]*)\]/g)].map((m) => m[1].split(','));
}

describe('x86 encoder vs llvm-mc', () => {
  it('encodes every form exactly as LLVM does', async () => {
    const exe = join(work, 'x86_encodings');
    await execa(tools.clang, ['-m32', '-O1', '-Wall', '-Werror', '-o', exe,
      fromRoot('test', 'engine', 'jit', 'x86_encodings.c'), fromRoot('interpreter', 'jit', 'x86.c')]);
    const lines = (await execa(exe)).stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(lines.length).toBeGreaterThan(100);
    const want = await llvmEncodings(lines.map(([asm]) => asm));
    expect(want.length).toBe(lines.length);
    const mismatches = lines.flatMap(([asm, ours], i) => {
      const got = ours.split(',');
      const same = got.length === want[i].length && want[i].every((b, j) => /^[A-Z]$/.test(b) || Number(b) === Number(got[j]));
      return same ? [] : [`${asm}: ours ${ours}, llvm-mc ${want[i].join(',')}`];
    });
    expect(mismatches).toEqual([]);
  });
});

describe('compiled code behaves like native code (bfi --jit=all)', () => {
  let bfi: string;
  let tinyllamaBc: string;
  beforeAll(async () => {
    ({ bfi } = await buildEngine());
    const k = kernelBuild();
    await withLock(() => runSteps(stepsFor(k.steps, [k.tinyllamaBc]), { stateFile: join(objDir, 'steps-jit-test.json') }));
    tinyllamaBc = k.tinyllamaBc;
  });

  it.each(['--jit=all', '--jit'])('every conformance case at every level, and every IR case, with %s', async (flag) => {
    const r = await execa(process.execPath, [fromRoot('test', 'engine', 'run-suite.mjs'), '--engine', bfi, '--engine-args', flag],
      { reject: false, all: true, timeout: 900_000 });
    const failures = (r.all ?? '').split('\n').filter((l) => l.startsWith('FAIL')).join('\n');
    expect(r.all).toMatch(/engine suite: (\d+) passed, 0 failed of \1 \((\d+) cases\)/);
    expect(r.all, failures).toMatch(/ir cases: \d+ passed, 0 failed/);
    expect(r.exitCode, failures).toBe(0);
  });

  it.each(['O0', 'O2'])('mixed mode at -%s: compiled and interpreted functions call each other, native qsort calls a compiled comparator', async (level) => {
    const src = fromRoot('test', 'engine', 'jit', 'mixed.c');
    const bc = join(work, `mixed.${level}.bc`), exe = join(work, `mixed.${level}`);
    const flags = ['-m32', '-msse2', '-mfpmath=sse', `-${level}`];
    await execa(tools.clang, [...flags, '-emit-llvm', '-c', src, '-o', bc]);
    await execa(tools.clang, [...flags, src, '-o', exe]);
    const native = await execa(exe, [], { reject: false });
    const jit = await execa(bfi, ['--stats', '--jit=all', bc], { reject: false });
    expect(native.stdout).toContain('mutual recursion: 398');
    expect(jit.stdout).toBe(native.stdout);
    expect(jit.exitCode).toBe(native.exitCode);
    expect(jit.stderr).toMatch(/\[jit\] compiled compiled_down: \d+ IR instructions, \d+ bytes/);
    expect(jit.stderr).toMatch(/\[jit\] compiled by_value: /);
    expect(jit.stderr).toContain('[jit] interpreted interpreted_down: intrinsic llvm.ctpop.i64');
  });

  it('self-hosting: bfi --jit running interpreter.bc (the JIT compiles the engine) runs cases like native', async () => {
    const { interpreterBc } = await buildEngine();
    const cases = 'fnptr_table,hash_crc32,sort_quick,fp_nbody,varargs,switch_huge,tree_bst_avl,vec_float4';
    const r = await execa(process.execPath, [fromRoot('test', 'engine', 'run-suite.mjs'), '--engine', bfi, '--levels', 'O2',
      '--self', interpreterBc, '--engine-args', '--jit', '--filter', cases], { reject: false, all: true, timeout: 600_000 });
    const failures = (r.all ?? '').split('\n').filter((l) => l.startsWith('FAIL')).join('\n');
    // A filter matches by substring (varargs also picks varargs_mixed, edge_varargs_copy, ...): every case it picks passes.
    const summary = /engine suite: (\d+) passed, 0 failed of (\d+) /.exec(r.all ?? '');
    expect(summary, failures).not.toBeNull();
    expect(summary![1]).toBe(summary![2]);
    expect(Number(summary![1])).toBeGreaterThanOrEqual(cases.split(',').length);
    expect(r.exitCode, failures).toBe(0);
  });

  /** run-suite.mjs with each case as `bareflow run --meta --cache DIR case.bc`: bfi runs interpreter.bc, which runs the case with its JIT; the
   *  engine's own functions that its JIT compiled for bfi are kept in DIR, so after the first cases the rest start with them native. */
  const metaSuite = async (args: string[]) => {
    const { interpreterBc } = await buildEngine();
    const { outer, inner } = metaEngineFlags(['--cache', join(work, 'meta-cache')]);
    return execa(process.execPath, [fromRoot('test', 'engine', 'run-suite.mjs'), '--engine', bfi, '--self', interpreterBc,
      '--engine-args', outer.join(' '), '--inner-args', inner.join(' '), ...args], { reject: false, all: true, timeout: 7_200_000 });
  };
  const failures = (all: string | undefined) => (all ?? '').split('\n').filter((l) => l.startsWith('FAIL')).join('\n');

  it('meta-circular (bareflow run --meta): bfi runs the engine as bitcode, whose JIT compiles the program and, handed to bfi, the engine itself', async () => {
    const src = fromRoot('test', 'engine', 'jit', 'dot_loops.c');
    const bc = join(work, 'dot_loops.meta.bc'), exe = join(work, 'dot_loops.meta');
    const flags = ['-m32', '-msse2', '-mfpmath=sse', '-O2'];
    await execa(tools.clang, [...flags, '-emit-llvm', '-c', src, '-o', bc]);
    await execa(tools.clang, [...flags, src, '-o', exe]);
    const native = await execa(exe);
    const r = await execa(process.execPath, [fromRoot('bin', 'bareflow.js'), 'run', '--meta', '--jit=all', '--stats', bc], { reject: false, timeout: 300_000 });
    expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
    expect(r.stdout).toBe(native.stdout);
    // the inner engine's JIT compiled the program (its dot loops fused) ...
    expect(r.stderr).toMatch(/\[jit\] compiled matmul: .*; [1-9]\d* dot-product loops fused/);
    // ... and, registered with the outer bfi (--jit-by-program: bfi has no compiler of its own then), the
    // engine's own hot functions: the bitcode reader's record loop, at the bootstrap's threshold
    const reader = /\[jit\] compiled read_record: \d+ IR instructions, .* at call (\d+)/.exec(r.stderr);
    expect(reader, r.stderr.slice(-3000)).not.toBeNull();
    expect(Number(reader![1])).toBeGreaterThanOrEqual(metaBootstrapThreshold);
    // and a subset of the conformance suite the same way (the whole of it: test:full, below)
    const s = await metaSuite(['--levels', 'O2', '--filter', 'fnptr_table,hash_crc32,sort_quick,fp_nbody,switch_huge,vec_float4']);
    expect(s.all, failures(s.all)).toMatch(/engine suite: 6 passed, 0 failed of 6 /);
    expect(readdirSync(join(work, 'meta-cache'))).toEqual([expect.stringMatching(/^[0-9a-f]{8}\.bfc$/)]);   // interpreter.bc's slot
  });

  it.runIf(full)('the whole conformance suite under run --meta, every level, like native', async () => {
    const s = await metaSuite(['--levels', 'O0,O2,O3']);
    expect(s.all, failures(s.all)).toMatch(/engine suite: (\d+) passed, 0 failed of \1 /);
    expect(s.exitCode).toBe(0);
  }, 7_200_000);

  // regressions/: programs that once failed; emitter/: programs that take the emitter's special paths
  const programs = ['regressions', 'emitter'].flatMap((dir) => readdirSync(fromRoot('test', 'engine', 'jit', dir)).filter((f) => f.endsWith('.c')).map((f) => `${dir}/${f}`));
  it.each(programs)(
    '%s at -O2 and -O3: native, interpreted, --jit=all and --jit-threshold 1 agree', async (path) => {
      const src = fromRoot('test', 'engine', 'jit', path);
      const file = path.replace('/', '_');
      for (const level of ['-O2', '-O3']) {
        const bc = join(work, `${file}${level}.bc`), exe = join(work, `${file}${level}.native`);
        const flags = ['-m32', '-msse2', '-mfpmath=sse', level, '-w'];
        await execa(tools.clang, [...flags, '-emit-llvm', '-c', src, '-o', bc]);
        await execa(tools.clang, [...flags, src, '-o', exe]);
        const native = await execa(exe, [], { reject: false });
        for (const mode of [[], ['--jit=all'], ['--jit-threshold', '1']]) {
          const r = await execa(bfi, [...mode, bc], { reject: false });
          expect({ level, mode, out: r.stdout, code: r.exitCode }).toEqual({ level, mode, out: native.stdout, code: native.exitCode });
        }
      }
    });

  it.each(['O2', 'O3'])('dot-product loops at -%s compile fused (interpreter/patterns.h): native, interpreted, --jit=all and --jit-threshold 1 agree bit for bit', async (level) => {
    const src = fromRoot('test', 'engine', 'jit', 'dot_loops.c');
    const bc = join(work, `dot_loops.${level}.bc`), exe = join(work, `dot_loops.${level}`);
    const flags = ['-m32', '-msse2', '-mfpmath=sse', `-${level}`];
    await execa(tools.clang, [...flags, '-emit-llvm', '-c', src, '-o', bc]);
    await execa(tools.clang, [...flags, src, '-o', exe]);
    const native = await execa(exe);
    expect(native.stdout.split('\n')).toHaveLength(125);
    for (const mode of [[], ['--jit=all'], ['--jit-threshold', '1']]) {
      const r = await execa(bfi, [...mode, bc], { reject: false });
      expect({ mode, out: r.stdout, code: r.exitCode }).toEqual({ mode, out: native.stdout, code: 0 });
    }
    const stats = (await execa(bfi, ['--stats', '--jit=all', bc])).stderr;
    const fused = (fn: string) => Number(stats.match(new RegExp(`\\[jit\\] compiled ${fn}: .*; (\\d+) dot-product loops fused`))?.[1]);
    // each of these is an unrolled loop and its remainder loop
    for (const fn of ['ddot', 'dot_globals', 'sum_squares', 'ddot_range']) expect({ fn, fused: fused(fn) }).toEqual({ fn, fused: 2 });
    expect(fused('matmul')).toBeGreaterThanOrEqual(2);
    // alike but not fusable: a store in the loop, an early exit
    expect(fused('prefix_dot')).toBe(0);
    expect(fused('dot_until')).toBe(0);
    // the interpreter lowers the same loops to one dotl/dotld each (lower_fuse.c lower_dot_loop): as many as the JIT fused
    const jitTotal = [...stats.matchAll(/; (\d+) dot-product loops fused/g)].reduce((n, m) => n + Number(m[1]), 0);
    const lowered = (await execa(bfi, ['--stats', bc])).stderr.match(/\[stats\] loops lowered as one unit: (\d+)/)?.[1];
    expect({ lowered: Number(lowered), jitTotal }).toEqual({ lowered: 22, jitTotal: 22 });
  });

  it('compiles a function once it is hot: --jit-threshold 5', async () => {
    const src = fromRoot('test', 'engine', 'jit', 'mixed.c');
    const bc = join(work, 'mixed.threshold.bc');
    await execa(tools.clang, ['-m32', '-msse2', '-mfpmath=sse', '-O2', '-emit-llvm', '-c', src, '-o', bc]);
    const r = await execa(bfi, ['--stats', '--jit-threshold', '5', bc], { reject: false });
    expect(r.exitCode).toBe(4);
    expect(r.stdout).toContain('mutual recursion: 398');
    // compiled_down is called 11 times: interpreted for 5, compiled from the 6th on
    expect(r.stderr).toMatch(/\[jit\] compiled compiled_down: \d+ IR instructions, \d+ bytes, \d+ us, at call 5; calls since 6/);
    expect(r.stderr).not.toMatch(/compiled main:/);     // called once: never hot
    // the run's time split: the three shares add up to 100% (each rounded down)
    const split = /\[jit\] time: \d+ us in native code \((\d+)%\), \d+ us interpreting \((\d+)%\), \d+ us compiling \((\d+)%\)/.exec(r.stderr);
    expect(split).not.toBeNull();
    expect(Number(split![1]) + Number(split![2]) + Number(split![3])).toBeGreaterThanOrEqual(98);
  });

  it.each(['O0', 'O1', 'O2'])('on-stack replacement at -%s: main, entered once, goes native at its hot loop header with every live value', async (level) => {
    const src = fromRoot('test', 'engine', 'jit', 'osr.c');
    const bc = join(work, `osr.${level}.bc`), exe = join(work, `osr.${level}`);
    const flags = ['-m32', '-msse2', '-mfpmath=sse', `-${level}`];
    await execa(tools.clang, [...flags, '-emit-llvm', '-c', src, '-o', bc]);
    await execa(tools.clang, [...flags, src, '-o', exe]);
    const native = await execa(exe, [], { reject: false });
    const jit = await execa(bfi, ['--stats', '--jit', bc], { reject: false });
    expect(jit.stdout).toBe(native.stdout);
    expect(jit.exitCode).toBe(native.exitCode);
    expect(jit.stderr).toMatch(/\[jit\] compiled main: \d+ IR instructions, \d+ bytes, \d+ us, at call 1; calls since 0; entered by OSR from a hot loop/);
  });

  it.each(greedyReferences)('tinyllama, greedy, prompt %j reproduces reference/%s.txt', async (prompt, name) => {
    const r = await runTinyllama(bfi, tinyllamaBc, prompt, ['--stats', '--jit=all']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(referenceText(name));
    expect(r.stderr).toMatch(/\[jit\] compiled encode: /);
    expect(r.stderr).toMatch(/\[jit\] time: [1-9]\d* us in native code/);       // the forward passes ran compiled
    expect(r.stderr).not.toMatch(/emitted twice/);          // emit.c's guess of each instruction's ECX/EDX writes held
  });
});

// Differential fuzzing of the JIT's emitter (issue 10): random well-defined C
// programs (jit-fuzz/generate.ts) at -O0/-O2 (and -O1 for every third seed),
// run natively, interpreted, with --jit=all and with --jit-threshold 1 (OSR);
// all four must agree. Fixed seeds: the same programs every run.
// `npm run fuzz:jit` runs many more (jit-fuzz/run.ts).
describe('jit fuzz: random programs agree native / interpreted / --jit=all / --jit-threshold 1', () => {
  it('seeds 1..17 (16 programs at -O0 and -O2, 5 at -O1 too)', async () => {
    const { runFuzz } = await import('./jit-fuzz/run.ts');
    const { bfi } = await buildEngine();
    const lines: string[] = [];
    const r = await runFuzz({ from: 1, to: 17, bfi, jobs: 2, log: (l) => lines.push(l) });
    expect(r.to).toBe(17);
    expect(r.failed, lines.join('\n')).toBe(0);
    expect(r.passed).toBe(2 * 16 + 5);
    // the programs exercise the JIT: nearly every function is compiled under --jit=all
    expect(r.compiled).toBeGreaterThan(100);
    expect(r.compiled / (r.compiled + r.interpreted)).toBeGreaterThan(0.85);
    // and --jit-threshold 1 enters some of them mid-loop (main, called once, at least)
    expect(r.osr).toBeGreaterThanOrEqual(16);
  }, 180_000);
});
