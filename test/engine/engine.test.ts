// The bitcode engine (interpreter/), through its host CLI `bfi`:
// conformance against native code, tinyllama against llama2.c, self-hosting,
// malformed input, and a bounded fuzzing run of the reader.
import { execa } from 'execa';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../../build/engine.ts';
import { kernelBuild } from '../../build/image-build.ts';
import { fromRoot, objDir, sharedModels } from '../../build/paths.ts';
import { runSteps, stepsFor } from '../../build/steps.ts';
import { tools } from '../../build/toolchain.ts';
import { withLock } from '../helpers/images.ts';

let bfi: string;
let interpreterBc: string;
let tinyllamaBc: string;
const work = mkdtempSync(join(tmpdir(), 'engine-test-'));

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
  });

  it('self-hosting: the engine running interpreter.bc runs every case at O2 like native', async () => {
    const r = await node('run-suite.mjs', ['--levels', 'O2', '--self', interpreterBc]);
    expect(r.all, failures(r.all)).toMatch(/engine suite: (\d+) passed, 0 failed of \1 /);
    expect(r.exitCode).toBe(0);
  });
});

describe('tinyllama.bc under the engine vs llama2.c reference', () => {
  it.each([
    ['', 'empty'],
    ['Once upon a time', 'once_upon_a_time'],
    ['The little dog', 'the_little_dog'],
  ])('greedy, prompt %j reproduces reference/%s.txt', async (prompt, name) => {
    const r = await execa(bfi, [
      '--entry', 'app_main',
      '--file', `model.bin=${join(sharedModels, 'stories260K.bin')}`,
      '--file', `tokenizer.bin=${join(sharedModels, 'tok512.bin')}`,
      '--opt', 'temperature=0', '--opt', 'steps=256', '--opt', `prompt=${prompt}`,
      tinyllamaBc,
    ], { reject: false, timeout: 120_000, stripFinalNewline: false });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(sharedModels, 'reference', `${name}.txt`), 'utf8'));
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

describe('fuzzing the reader (libFuzzer + ASan, bounded)', () => {
  it('runs 100,000 inputs from a fixed seed without a crash', async () => {
    const r = await execa('sh', [fromRoot('test', 'engine', 'fuzz.sh')], { reject: false, all: true, timeout: 300_000, env: { FUZZ_DIR: join(work, 'fuzz'), FUZZ_RUNS: '100000' } });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toMatch(/Done 100000 runs in \d+ second/);
  });
});
