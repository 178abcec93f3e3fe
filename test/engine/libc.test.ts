// The C library the engine gives programs (interpreter/LIBC.md): each group program in
// test/engine/libc/ (one call of every provided function, or close to it) compiled with
// clang-14 -m32 at -O0 and -O2, run natively, under bfi and under bfi --jit=all, with a
// scratch directory as argv[1] and a line on stdin; stdout, stderr and the exit code must
// be the same. And the guest's C library against glibc/libgcc: kernel_lib/compiler_rt.c (complex
// multiply and divide), string.c, string_extra.c, stdlib.c and ctype.c (each function renamed, compiled natively).
import { execa } from 'execa';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../../build/engine.ts';
import { fromRoot } from '../../build/paths.ts';
import { tools } from '../../build/toolchain.ts';
import { tempDir } from '../helpers/tempdir.ts';

const dir = fromRoot('test', 'engine', 'libc');
const work = tempDir('libc-test-');
const CFLAGS = ['-m32', '-msse2', '-mfpmath=sse', '-w'];
let bfi: string;

beforeAll(async () => {
  ({ bfi } = await buildEngine());
});

const groups = readdirSync(dir).filter((f) => f.startsWith('libc_') && f.endsWith('.c')).sort();

async function run(cmd: string, args: string[], scratch: string) {
  const r = await execa(cmd, [...args, scratch], { reject: false, timeout: 120_000, input: 'typed on stdin 42\n' });
  return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

describe('libc: each group program, native vs bfi vs bfi --jit=all', () => {
  it('has its group programs', () => expect(groups.length).toBeGreaterThanOrEqual(5));
  for (const g of groups) {
    for (const level of ['-O0', '-O2']) {
      it(`${g} ${level}`, async () => {
        const base = join(work, `${g}${level}`);
        await execa(tools.clang, [...CFLAGS, level, join(dir, g), '-o', `${base}.native`, '-lm']);
        await execa(tools.clang, [...CFLAGS, level, '-emit-llvm', '-c', join(dir, g), '-o', `${base}.bc`]);
        const scratch = (_mode: string) => tempDir('libc-run-');   // same length: paths are printed by length
        const native = await run(`${base}.native`, [], scratch('native'));
        expect(native.code, native.stderr).toBe(0);
        for (const mode of [[], ['--jit=all']]) {
          const engine = await run(bfi, [...mode, `${base}.bc`], scratch(mode.length ? 'jit' : 'interp'));
          expect({ mode: mode.join(' '), ...engine }).toEqual({ mode: mode.join(' '), ...native });
        }
      });
    }
  }
});

describe('kernel_lib/compiler_rt.c: the guest\'s complex multiply and divide', () => {
  it.each(['-O0', '-O2'])('agrees with libgcc on every pair of a grid of operands (%s, native -m32)', async (level) => {
    const exe = join(work, `compiler_rt_check${level}`);
    await execa(tools.clang, [...CFLAGS, level, join(dir, 'compiler_rt_check.c'), '-o', exe, '-lm']);
    const r = await execa(exe, { reject: false });
    expect(r.stdout).toMatch(/compiler_rt: \d+ checked, 0 differ$/);
    expect(r.exitCode).toBe(0);
  });
});

describe('kernel_lib string.c, string_extra.c, stdlib.c, ctype.c: the guest\'s C library', () => {
  it('agrees with glibc function by function (native -m32, every kernel_lib function renamed kl_NAME)', async () => {
    const files = ['string', 'string_extra', 'stdlib', 'ctype'].map((f) => fromRoot('kernel_lib', `${f}.c`));
    const flags = ['-m32', '-O2', '-ffreestanding', '-fno-builtin', '-w', `-I${fromRoot('kernel_lib')}`];
    const names: string[] = [];
    for (const f of files) {
      const o = join(work, 'plain.o');
      await execa(tools.clang, [...flags, '-c', f, '-o', o]);
      names.push(...(await execa('nm', ['--defined-only', '-g', o])).stdout.split('\n').map((l) => l.split(' ').pop()!).filter(Boolean));
    }
    expect(names).toContain('strtok_r');
    const objs = await Promise.all(files.map(async (f, i) => {
      const o = join(work, `kl${i}.o`);
      await execa(tools.clang, [...flags, ...names.map((n) => `-D${n}=kl_${n}`), '-c', f, '-o', o]);
      return o;
    }));
    const exe = join(work, 'kernel_lib_check');
    await execa(tools.clang, [...CFLAGS, '-O2', join(dir, 'kernel_lib_check.c'), ...objs, '-o', exe]);
    const r = await execa(exe, { reject: false });
    expect(r.stdout).toMatch(/kernel_lib: \d+ checked, 0 differ$/);
    expect(r.exitCode).toBe(0);
  });
});

describe('setjmp/longjmp the engine cannot do: a clear error, never a crash', () => {
  it.each([
    ['callback', 'error: engine: longjmp across native code (a callback) is not supported'],
    ['returned', 'error: engine: longjmp to a function that has returned'],
  ])('longjmp %s', async (arg, message) => {
    const bc = join(work, 'setjmp_errors.bc');
    await execa(tools.clang, [...CFLAGS, '-O2', '-emit-llvm', '-c', join(dir, 'setjmp_errors.c'), '-o', bc]);
    for (const mode of [[], ['--jit=all']]) {
      const r = await execa(bfi, [...mode, bc, arg], { reject: false });
      expect(r.stderr.trim().split('\n').pop()).toBe(message);
      expect(r.exitCode).toBe(1);
    }
  });
  it('a function that calls setjmp or longjmp stays interpreted under the JIT, and --stats says why', async () => {
    const bc = join(work, 'setjmp_longjmp.bc');
    await execa(tools.clang, [...CFLAGS, '-O2', '-emit-llvm', '-c', join(dir, '..', 'cases', 'setjmp_longjmp.c'), '-o', bc]);
    const r = await execa(bfi, ['--jit=all', '--stats', bc], { reject: false });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("[jit] interpreted main: calls setjmp or longjmp (they run on the interpreter's frames)");
  });
});
