// The persisted native cache on the host (bfi --jit --cache DIR; cache/, interpreter/jit/persist.c):
// cold then warm runs give the same output and the warm one compiles nothing; every damaged,
// stale or forged slot is rejected with the reason --stats names, and the run is then cold with
// the same output and exit code. Host only, fixed seeds.
import { execa } from 'execa';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../../build/engine.ts';
import { kernelBuild } from '../../build/image-build.ts';
import { fromRoot, objDir } from '../../build/paths.ts';
import { runSteps, stepsFor } from '../../build/steps.ts';
import { tools } from '../../build/toolchain.ts';
import { withLock } from '../helpers/images.ts';
import { greedyReferences, referenceText, runTinyllama } from '../helpers/tinyllama.ts';

const work = mkdtempSync(join(tmpdir(), 'cache-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A program whose compiled code needs every kind of relocation: globals (table, big),
// functions (its own, through their trampolines, and libc's printf/qsort/sin), an engine
// helper (64-bit division), an FFI symbol by name (llvm.floor -> floor), its own code (the
// constant pool that holds 10.0).
const progA = `#include <stdio.h>
#include <stdlib.h>
#include <math.h>
static int table[64];
long long big[8];
static int cmp(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
__attribute__((noinline)) static unsigned long long mix(unsigned long long x, unsigned long long d) { return x / d + x % (d + 3); }
__attribute__((noinline)) static double wave(int i) { return floor(sqrt((double)i) * 10.0) + sin(i); }
__attribute__((noinline)) static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(int argc, char **argv) {
  unsigned s = 12345;
  for (int i = 0; i < 64; i++) { s = s * 1103515245u + 12345u; table[i] = (int)(s >> 8) % 1000; }
  qsort(table, 64, sizeof table[0], cmp);
  unsigned long long acc = 0;
  for (int i = 0; i < 8; i++) { big[i] = mix(0x123456789abcdefULL + i, 7 + i); acc += big[i]; }
  double w = 0;
  for (int i = 0; i < 100; i++) w += wave(i);
  printf("%d %d %d %llu %.6f %d\\n", table[0], table[31], table[63], acc, w, fib(20));
  return argc + 2;
}
`;
const progB = `#include <stdio.h>
__attribute__((noinline)) static int sq(int x) { return x * x; }
int main(void) { int t = 0; for (int i = 0; i < 10; i++) t += sq(i); printf("%d\\n", t); return 0; }
`;

/** A seeded PRNG (mulberry32): the same positions every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the slot format (cache/cache.h), to forge slots with valid checksums ----
const HDR = 512;
type Rec = { off: number; len: number; index: number; nameLen: number; codeLen: number; nrel: number; relAt: number; codeAt: number; name: string };
function records(slot: Buffer): Rec[] {
  const out: Rec[] = [];
  const end = HDR + slot.readUInt32LE(48);
  for (let o = HDR; o < end;) {
    const len = slot.readUInt32LE(o), nameLen = slot.readUInt32LE(o + 8), codeLen = slot.readUInt32LE(o + 12), nrel = slot.readUInt32LE(o + 16);
    const relAt = o + 40 + ((nameLen + 3) & ~3);
    out.push({ off: o, len, index: slot.readUInt32LE(o + 4), nameLen, codeLen, nrel, relAt, codeAt: relAt + 16 * nrel,
      name: slot.subarray(o + 40, o + 40 + nameLen).toString('latin1') });
    o += len;
  }
  return out;
}
/** Recomputes the payload and header checksums: a forged slot that only the structural and engine checks can catch. */
function reseal(slot: Buffer): Buffer {
  const len = slot.readUInt32LE(48);
  slot.writeUInt32LE(crc32(slot.subarray(HDR, HDR + len)), 52);
  slot.writeUInt32LE(crc32(slot.subarray(0, 64)), 64);
  return slot;
}
const relocs = (slot: Buffer, r: Rec) => Array.from({ length: r.nrel }, (_, i) => {
  const at = r.relAt + 16 * i;
  return { pos: at, at: slot.readUInt32LE(at), kind: slot.readUInt32LE(at + 4), target: slot.readUInt32LE(at + 8) };
});

describe('bfi --jit --cache DIR', () => {
  let bfi: string;
  let bcA: string, bcB: string;
  let cold: { stdout: string; exitCode?: number; stderr: string };
  let good: Buffer;          // the slot the cold run of A saved
  let slotName: string;      // its file name: <module crc>.bfc

  const run = (bc: string, dir: string, flags = ['--jit=all'], exe = bfi) =>
    execa(exe, ['--stats', ...flags, '--cache', dir, bc], { reject: false, timeout: 60_000 });
  const outcome = (stderr: string) => /^\[cache\] (.*) \([^()]*\)$/m.exec(stderr)?.[1];
  const compiled = (stderr: string) => Number(/\[jit\] (\d+) functions compiled/.exec(stderr)?.[1]);

  let nth = 0;
  /** A run of A with `slot` as its cache file: the reason it gives; output and exit code are the cold run's. */
  async function rejected(slot: Buffer): Promise<string | undefined> {
    const dir = join(work, `bad${nth++}`);
    mkdirSync(dir);
    writeFileSync(join(dir, slotName), slot);
    const r = await run(bcA, dir);
    expect(r.stdout, r.stderr).toBe(cold.stdout);
    expect(r.exitCode).toBe(cold.exitCode);
    expect(compiled(r.stderr)).toBeGreaterThan(0);        // ran cold
    rmSync(dir, { recursive: true, force: true });
    return outcome(r.stderr);
  }

  beforeAll(async () => {
    ({ bfi } = await buildEngine());
    bcA = join(work, 'a.bc'); bcB = join(work, 'b.bc');
    writeFileSync(join(work, 'a.c'), progA); writeFileSync(join(work, 'b.c'), progB);
    await execa(tools.clang, ['-m32', '-O2', '-emit-llvm', '-c', join(work, 'a.c'), '-o', bcA]);
    await execa(tools.clang, ['-m32', '-O2', '-emit-llvm', '-c', join(work, 'b.c'), '-o', bcB]);
    const dir = join(work, 'good');
    const r = await run(bcA, dir);
    cold = r;
    slotName = readdirSync(dir).find((f) => f.endsWith('.bfc'))!;
    good = readFileSync(join(dir, slotName));
  });

  it('cold then warm: same output and exit code, the warm run compiles nothing', async () => {
    expect(cold.exitCode).toBe(3);
    expect(cold.stdout).toMatch(/^\d+ \d+ \d+ \d+ [\d.]+ 6765$/);
    expect(outcome(cold.stderr)).toBe('empty');
    const n = compiled(cold.stderr);
    expect(n).toBeGreaterThanOrEqual(5);                     // main, cmp, mix, wave, fib
    expect(cold.stderr).toMatch(new RegExp(`\\[cache\\] saved ${n} functions \\(${n} new\\)`));
    expect(slotName).toMatch(/^[0-9a-f]{8}\.bfc$/);
    const kinds = new Set(records(good).flatMap((r) => relocs(good, r).map((x) => x.kind)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining([0, 1, 2, 4]));   // global, function, helper, symbol

    const warm = await run(bcA, join(work, 'good'));
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.exitCode).toBe(cold.exitCode);
    expect(outcome(warm.stderr)).toMatch(new RegExp(`^loaded ${n} functions, \\d+ bytes, in \\d+ us$`));
    expect(compiled(warm.stderr)).toBe(0);
    expect(warm.stderr).toContain(`[jit] ${n} functions from the cache`);
    expect(warm.stderr).not.toContain('[cache] saved');      // nothing new: the file is not rewritten
    expect(readFileSync(join(work, 'good', slotName))).toEqual(good);
    // --jit (threshold 100) on the same DIR: another key, so cold, and then its own slot
    const t = await run(bcA, join(work, 'good'), ['--jit']);
    expect(outcome(t.stderr)).toBe('stale: jit options changed');
    expect(t.stdout).toBe(cold.stdout);
  });

  it('>= 100 bit flips across header and payload (seed 11): each rejected with its reason', async () => {
    const next = rng(11);
    const payloadLen = good.length - HDR;
    const want: Record<string, number> = {};
    for (let k = 0; k < 120; k++) {
      // half in the header sector (magic, fields, zero tail), half in the payload
      const pos = k < 60 ? (k < 8 ? k : Math.floor(next() * HDR)) : HDR + Math.floor(next() * payloadLen);
      const bad = Buffer.from(good);
      bad[pos] ^= 1 << Math.floor(next() * 8);
      const reason = pos < 8 ? 'corrupt: wrong magic' : pos < HDR ? 'corrupt: header checksum mismatch' : 'corrupt: payload checksum mismatch';
      expect(await rejected(bad), `bit flip at byte ${pos}`).toBe(reason);
      want[reason] = (want[reason] ?? 0) + 1;
    }
    expect(Object.keys(want)).toHaveLength(3);
  });

  it('truncated slots, at many lengths', async () => {
    const next = rng(12);
    const lengths = [0, 1, 7, 64, 100, 511, 512, 513, 560, good.length >> 1, good.length - 4, good.length - 1];
    for (let k = 0; k < 12; k++) lengths.push(1 + Math.floor(next() * (good.length - 1)));
    for (const n of lengths)
      expect(await rejected(good.subarray(0, n)), `${n} bytes`).toBe(n === 0 ? 'empty' : 'corrupt: truncated');
    // a slot followed by junk is still the slot (payload_len says where it ends) ...
    const dir = join(work, 'junk');
    mkdirSync(dir);
    writeFileSync(join(dir, slotName), Buffer.concat([good, Buffer.alloc(100, 0xee)]));
    expect(outcome((await run(bcA, dir)).stderr)).toMatch(/^loaded /);
    // ... and an all-zero one (a never-written guest slot) is empty
    expect(await rejected(Buffer.alloc(good.length))).toBe('empty');
  });

  it('wrong magic or format version (checksums recomputed)', async () => {
    const m = Buffer.from(good); m.write('BFCACHE2', 0, 'latin1');
    expect(await rejected(reseal(m))).toBe('corrupt: wrong magic');
    const v = Buffer.from(good); v.writeUInt32LE(2, 8);
    expect(await rejected(reseal(v))).toBe('stale: format version 2');
    const t = Buffer.from(good); t[300] = 1;                // the header sector's tail must be zero
    expect(await rejected(reseal(t))).toBe('corrupt: header checksum mismatch');
  });

  it('stale keys: another module, another engine build, forged key fields', async () => {
    // A's slot under B's file name
    const dirB = join(work, 'other-module');
    const rB = await run(bcB, join(work, 'b-cold'));
    const nameB = readdirSync(join(work, 'b-cold'))[0];
    mkdirSync(dirB);
    writeFileSync(join(dirB, nameB), good);
    const r = await run(bcB, dirB);
    expect(outcome(r.stderr)).toBe('stale: module changed');
    expect(r.stdout).toBe(rB.stdout);
    // another bfi build: the same executable with one more byte (ELF ignores it), so another CRC-32
    const bfi2 = join(work, 'bfi2');
    copyFileSync(bfi, bfi2);
    appendFileSync(bfi2, 'x');
    const dir2 = join(work, 'other-engine');
    mkdirSync(dir2);
    writeFileSync(join(dir2, slotName), good);
    const r2 = await run(bcA, dir2, ['--jit=all'], bfi2);
    expect(outcome(r2.stderr)).toBe('stale: engine changed');
    expect(r2.stdout).toBe(cold.stdout);
    // each key field forged, checksums recomputed: code built for another key is never run
    const fields: [number, string][] = [[16, 'engine changed'], [20, 'module changed'], [24, 'module changed (length)'],
      [28, 'data changed'], [32, 'jit version changed'], [36, 'jit options changed'], [40, 'cpu features changed'], [44, 'memory layout changed']];
    for (const [at, why] of fields) {
      const f = Buffer.from(good); f.writeUInt32LE((f.readUInt32LE(at) ^ 0x10) >>> 0, at);
      expect(await rejected(reseal(f))).toBe(`stale: ${why}`);
    }
  });

  it('forged payloads with valid checksums but a bad structure or bad targets', async () => {
    const recs = records(good);
    const last = recs[recs.length - 1];
    const forge = (edit: (s: Buffer) => void) => { const s = Buffer.from(good); edit(s); return reseal(s); };
    const withKind = (k: number) => {
      for (const r of recs) { const x = relocs(good, r).find((y) => y.kind === k); if (x) return { r, x }; }
      throw new Error(`no relocation of kind ${k}`);
    };
    const two = recs.find((r) => r.nrel >= 2)!;             // a record with two relocations at least
    const g = withKind(0), h = withKind(2), f = withKind(1), y = withKind(4), c = withKind(5);
    const cases: [string, (s: Buffer) => void, string][] = [
      ['global target out of range', (s) => s.writeUInt32LE(1_000_000, g.x.pos + 8), `rejected: relocation: global out of range in '${g.r.name}'`],
      ['address outside its global', (s) => s.writeInt32LE(1 << 24, g.x.pos + 12), `rejected: relocation: address outside its global in '${g.r.name}'`],
      ['helper out of range', (s) => s.writeUInt32LE(4096, h.x.pos + 8), `rejected: relocation: helper out of range in '${h.r.name}'`],
      ['function target out of range', (s) => s.writeUInt32LE(1_000_000, f.x.pos + 8), `rejected: relocation: function out of range in '${f.r.name}'`],
      ['symbol out of range', (s) => s.writeUInt32LE(100_000, y.x.pos + 8), `rejected: relocation: symbol out of range in '${y.r.name}'`],
      ['own code: past its end', (s) => s.writeInt32LE(c.r.codeLen, c.x.pos + 12), `rejected: relocation: outside its code in '${c.r.name}'`],
      ['own code: before its start', (s) => s.writeInt32LE(-4, c.x.pos + 12), `rejected: relocation: outside its code in '${c.r.name}'`],
      ['another function\'s record', (s) => { s.writeUInt32LE(3, g.x.pos + 4); s.writeUInt32LE(g.r.index + 1, g.x.pos + 8); s.writeInt32LE(0, g.x.pos + 12); },
        `rejected: relocation: another function's record in '${g.r.name}'`],
      ['function index out of range', (s) => s.writeUInt32LE(1_000_000, last.off + 4), `rejected: function index out of range in '${last.name}'`],
      ['function name mismatch', (s) => { s[last.off + 40] ^= 0x20; }, `rejected: function name mismatch in '${String.fromCharCode(last.name.charCodeAt(0) ^ 0x20)}${last.name.slice(1)}'`],
      ['relocation beyond the code', (s) => s.writeUInt32LE(two.codeLen - 2, two.relAt + 16 * (two.nrel - 1)), 'corrupt: relocation beyond the code'],
      ['relocations overlapping', (s) => s.writeUInt32LE(relocs(good, two)[0].at + 2, two.relAt + 16), 'corrupt: relocations out of order or overlapping'],
      ['unknown relocation kind', (s) => s.writeUInt32LE(9, g.x.pos + 4), 'corrupt: unknown relocation kind'],
      ['code in a relocated field', (s) => s.writeUInt32LE(0xdeadbeef, g.r.codeAt + g.x.at), 'corrupt: relocated field not zero'],
      ['record length', (s) => s.writeUInt32LE(last.len + 4, last.off), 'corrupt: record length out of bounds'],
      ['code length', (s) => s.writeUInt32LE(last.codeLen + 4, last.off + 12), 'corrupt: record length does not match its contents'],
      ['name length 0', (s) => s.writeUInt32LE(0, last.off + 8), 'corrupt: function name length out of bounds'],
      ['osr entry beyond the code', (s) => { s.writeUInt32LE(1, last.off + 32); s.writeUInt32LE(last.codeLen, last.off + 36); }, 'corrupt: osr entry out of bounds'],
      ['indexes not increasing', (s) => s.writeUInt32LE(recs[0].index, last.off + 4), 'corrupt: function indexes not increasing'],
      ['function count', (s) => s.writeUInt32LE(s.readUInt32LE(56) + 1, 56), 'corrupt: function count does not match the header'],
      ['code bytes', (s) => s.writeUInt32LE(s.readUInt32LE(60) - 1, 60), 'corrupt: code bytes do not match the header'],
    ];
    for (const [what, edit, reason] of cases) expect(await rejected(forge(edit)), what).toBe(reason);
  });

  it('relocations: a warm run with every global at another address prints the new addresses', async () => {
    // 16 more arguments make bfi's own allocations bigger, so the module's globals land elsewhere
    const src = join(work, 'addr.c'), bc = join(work, 'addr.bc'), dir = join(work, 'addr');
    writeFileSync(src, '#include <stdio.h>\nint g[4];\nint main(void) { g[1] = 5; printf("%p %d\\n", (void *)&g[1], g[1]); return 0; }\n');
    await execa(tools.clang, ['-m32', '-O2', '-emit-llvm', '-c', src, '-o', bc]);
    const shift = Array.from({ length: 16 }, (_, i) => ['--opt', `shift${i}=1`]).flat();
    const c = await run(bc, dir);
    const w = await run(bc, dir, ['--jit=all', ...shift]);
    const interp = await execa(bfi, ['--lazy', '--lazy', '--lazy', '--lazy', ...shift, bc]);    // the same argument count, interpreted
    expect(outcome(w.stderr)).toMatch(/^loaded 1 functions/);
    expect(w.stdout).not.toBe(c.stdout);
    expect(w.stdout).toBe(interp.stdout);
  });

  it('addresses in constant pointer vectors and constant GEPs outside their global (@a - 4, @a + 160) are relocated: warm with every global moved', async () => {
    // emit.c's reloc_for relocates them from their base symbol; persist.c's scan would keep a function whose code held any other address out of the slot
    const ll = join(work, 'unreloc.ll'), bc = join(work, 'unreloc.bc'), dir = join(work, 'unreloc');
    writeFileSync(ll, `target datalayout = "e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-f64:32:64-f80:32-n8:16:32-S128"
target triple = "i386-pc-linux-gnu"
@a = global [4 x i32] [i32 1, i32 2, i32 3, i32 4]
@b = global i32 7
@fmt = private constant [10 x i8] c"%d %d %d\\0A\\00"
declare i32 @printf(i8*, ...)
define i32 @main() {
  %p = extractelement <2 x i32*> <i32* @b, i32* getelementptr ([4 x i32], [4 x i32]* @a, i32 0, i32 2)>, i32 1
  %x = load i32, i32* %p
  %q = getelementptr i32, i32* getelementptr ([4 x i32], [4 x i32]* @a, i32 0, i32 40), i32 -39
  %y = load i32, i32* %q
  %r = getelementptr i32, i32* getelementptr ([4 x i32], [4 x i32]* @a, i32 0, i32 -1), i32 4
  %z = load i32, i32* %r
  %f = getelementptr [10 x i8], [10 x i8]* @fmt, i32 0, i32 0
  call i32 (i8*, ...) @printf(i8* %f, i32 %x, i32 %y, i32 %z)
  ret i32 0
}
`);
    await execa('llvm-as-14', [ll, '-o', bc]);
    const c = await run(bc, dir);
    expect(c.stdout).toBe('3 2 4');
    expect(c.stderr).not.toContain('for this memory layout only');
    expect(c.stderr).toMatch(/\[cache\] saved 1 functions \(1 new\)/);
    const w = await run(bc, dir, ['--jit=all', ...Array.from({ length: 16 }, (_, i) => ['--opt', `shift${i}=1`]).flat()]);
    expect(outcome(w.stderr)).toMatch(/^loaded 1 functions, /);
    expect(w.stdout).toBe('3 2 4');
  });

  it('cache/format.c alone (test/engine/cache_format.c, UBSan): bit flips, truncations, two slots, 200,000 resealed mutations', async () => {
    const exe = join(work, 'cache_format');
    await execa(tools.clang, ['-m32', '-g', '-O1', '-Wall', '-Wextra', '-Werror', '-fsanitize=undefined', '-fno-sanitize-recover=all',
      '-I', fromRoot('boot'), fromRoot('test', 'engine', 'cache_format.c'), fromRoot('cache', 'format.c'), fromRoot('kernel_lib', 'crc32.c'), '-o', exe]);
    const r = await execa(exe, { reject: false });
    expect(r.stdout + r.stderr).toMatch(/^ok \d+ checks \(\d+ of 200000 resealed mutations still well-formed\)$/);
    expect(r.exitCode).toBe(0);
  });

  it('a bad DIR is a warning naming it; the run goes on without the cache', async () => {
    const file = join(work, 'plain-file');
    writeFileSync(file, 'not a directory');
    for (const dir of [file, join(file, 'sub')]) {
      const r = await run(bcA, dir);
      expect(r.stderr).toContain(`warning: --cache: '${dir}'`);
      expect(r.stdout).toBe(cold.stdout);
      expect(r.exitCode).toBe(cold.exitCode);
    }
    expect(readFileSync(file, 'utf8')).toBe('not a directory');
  });
});

describe('tinyllama with the cache (bfi --jit --cache DIR)', () => {
  it.each(greedyReferences.slice(1, 2))('greedy, prompt %j: cold and warm give reference/%s.txt, warm compiles nothing', async (prompt, name) => {
    const { bfi } = await buildEngine();
    const k = kernelBuild();
    await withLock(() => runSteps(stepsFor(k.steps, [k.tinyllamaBc]), { stateFile: join(objDir, 'steps-cache-test.json') }));
    const dir = join(work, 'tinyllama');
    const c = await runTinyllama(bfi, k.tinyllamaBc, prompt, ['--stats', '--jit', '--cache', dir]);
    const w = await runTinyllama(bfi, k.tinyllamaBc, prompt, ['--stats', '--jit', '--cache', dir]);
    expect(c.exitCode).toBe(0);
    expect(w.exitCode).toBe(0);
    expect(c.stdout).toBe(referenceText(name));
    expect(w.stdout).toBe(c.stdout);
    expect(c.stderr).toMatch(/\[cache\] empty/);
    const n = Number(/\[jit\] (\d+) functions compiled/.exec(c.stderr)?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(w.stderr).toMatch(new RegExp(`\\[cache\\] loaded ${n} functions, \\d+ bytes, in \\d+ us`));
    expect(w.stderr).toMatch(/\[jit\] 0 functions compiled/);
  });

  it('seeded sampling (temperature 0.8, seed 42): cold and warm give the same tokens', async () => {
    const { bfi } = await buildEngine();
    const k = kernelBuild();
    const dir = join(work, 'tinyllama-seeded');
    const flags = ['--stats', '--jit', '--cache', dir, '--opt', 'temperature=0.8', '--opt', 'seed=42'];   // the first --opt of a name wins
    const c = await runTinyllama(bfi, k.tinyllamaBc, 'The little dog', flags);
    const w = await runTinyllama(bfi, k.tinyllamaBc, 'The little dog', flags);
    expect(c.exitCode).toBe(0);
    expect(c.stdout).not.toBe(referenceText('the_little_dog'));
    expect(w.stdout).toBe(c.stdout);
    expect(w.stderr).toMatch(/\[cache\] loaded \d+ functions/);
    expect(w.stderr).toMatch(/\[jit\] 0 functions compiled/);
  });
});
