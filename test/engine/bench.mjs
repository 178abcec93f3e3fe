#!/usr/bin/env node
// Engine benchmark: native -m32 -O2 vs the engine on the same -O2 bitcode vs
// lli-14 (JIT) vs lli-14 -jit-kind=mcjit -force-interpreter (x86-64 bitcode for lli).
//   node test/engine/bench.mjs [--no-lli-interp] [--filter x]
// Prints a table of wall times (best of 3) and ratios, the geometric means, and
// tinyllama (stories260K, 256 steps) when tinyllama/ and /work/shared/models exist.
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : '';
const lliInterp = !args.includes('--no-lli-interp');
const w = join(os.tmpdir(), 'bf-engine-bench');
execFileSync('mkdir', ['-p', w]);
// The pipeline builds the engine (a no-op when it is up to date) and says where.
const { bfi } = JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'bareflow.js'), 'engine'], { encoding: 'utf8' }));
const F = ['-m32', '-msse2', '-mfpmath=sse', '-O2', '-w', '-fno-math-errno'];
const time = (cmd, argv, reps = 3, timeout = 600000) => {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    try { execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'ignore'], timeout }); } catch (e) { if (e.code === 'ETIMEDOUT' || e.signal) return NaN; }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
};
const rows = [];
for (const f of readdirSync(join(here, 'bench')).filter(f => f.endsWith('.c') && f.includes(filter)).sort()) {
  const n = basename(f, '.c'), src = join(here, 'bench', f), b = join(w, n);
  execFileSync('clang-14', [...F, src, '-o', `${b}.native`, '-lm']);
  execFileSync('clang-14', [...F, '-emit-llvm', '-c', src, '-o', `${b}.bc`]);
  execFileSync('clang-14', ['-O2', '-w', '-emit-llvm', '-c', src, '-o', `${b}.x64.bc`]);
  const nat = time(`${b}.native`, []), eng = time(bfi, [`${b}.bc`]);
  const lli = time('lli-14', [`${b}.x64.bc`], 1);
  const lint = lliInterp ? time('lli-14', ['-jit-kind=mcjit', '-force-interpreter', `${b}.x64.bc`], 1, 300000) : NaN;
  rows.push({ n, nat, eng, lli, lint });
}
const tl = join(root, 'tinyllama'), M = '/work/shared/models';
if (!filter && existsSync(join(tl, 'tinyllama.c')) && existsSync(M)) {
  const b = join(w, 'tinyllama');
  const TF = [...F, '-I', join(root, 'kernel_lib')];
  execFileSync('clang-14', [...TF, join(tl, 'tinyllama.c'), join(tl, 'main.c'), join(tl, 'host.c'), '-lm', '-o', `${b}.native`]);
  execFileSync('clang-14', [...TF, '-emit-llvm', '-c', join(tl, 'tinyllama.c'), '-o', `${b}.1.bc`]);
  execFileSync('clang-14', [...TF, '-emit-llvm', '-c', join(tl, 'main.c'), '-o', `${b}.2.bc`]);
  execFileSync('llvm-link-14', [`${b}.1.bc`, `${b}.2.bc`, '-o', `${b}.bc`]);
  const nat = time(`${b}.native`, [`${M}/stories260K.bin`, '-z', `${M}/tok512.bin`, '-t', '0', '-n', '256']);
  const eng = time(bfi, ['--entry', 'app_main', '--file', `model.bin=${M}/stories260K.bin`, '--file', `tokenizer.bin=${M}/tok512.bin`,
    '--opt', 'temperature=0', '--opt', 'steps=256', `${b}.bc`]);
  rows.push({ n: 'tinyllama', nat, eng, lli: NaN, lint: NaN });
}
const f = x => Number.isFinite(x) ? x.toFixed(1).padStart(9) : '      n/a';
const r = x => Number.isFinite(x) ? x.toFixed(2).padStart(8) : '     n/a';
console.log('program      native ms   engine ms  engine/nat   lli ms  lli-interp ms  interp/engine');
const gm = a => Math.exp(a.reduce((s, x) => s + Math.log(x), 0) / a.length);
for (const x of rows) console.log(`${x.n.padEnd(12)}${f(x.nat)}   ${f(x.eng)}   ${r(x.eng / x.nat)}  ${f(x.lli)}  ${f(x.lint)}      ${r(x.lint / x.eng)}`);
const ratios = rows.map(x => x.eng / x.nat).filter(Number.isFinite);
const ir = rows.map(x => x.lint / x.eng).filter(Number.isFinite);
console.log(`geo-mean engine/native: ${gm(ratios).toFixed(2)}x${ir.length ? `; lli interpreter/engine: ${gm(ir).toFixed(1)}x` : ''}`);
