#!/usr/bin/env node
// Engine benchmark: native -m32 -O2 vs the engine on the same -O2 bitcode,
// interpreted and with its JIT (--jit=all: every function compiled at its first
// call, loops entered by OSR; and after warm-up: --jit with --cache, the second run, which
// starts with the code the first compiled for what got hot), vs lli-14 (LLVM's Orc JIT) and lli-14
// -jit-kind=mcjit -force-interpreter (x86-64 bitcode for lli).
//   node test/engine/bench.mjs [--icount] [--no-lli-interp] [--filter x] [--bfi path]
// --icount: count guest instructions instead of timing. This machine runs every i386 program
// (bfi and the -m32 native builds) under qemu-user emulation, where wall-time ratios say little
// about native speed; a QEMU plugin (bench-icount.c) counts the instructions each program
// executes, exactly and the same on every run, so the ratios are deterministic. lli (x86-64)
// is left out: its instructions are another machine's.
// Each program prints a checksum: the engine's output (interpreted and JIT) must be
// native's, else the row is marked and the bench exits 1.
// Prints a table of wall times (best of 3) and ratios, the geometric means, and
// tinyllama (stories260K, 256 steps) when tinyllama/ and ../shared/models exist;
// then the engine's start-up (load + decode) time and memory on tinyllama.bc, and
// the .text size of the freestanding i686 core at -Os and -O2 (per file).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : '';
const icount = args.includes('--icount');
const lli = !icount, lliInterp = lli && !args.includes('--no-lli-interp');
const w = join(os.tmpdir(), 'bf-engine-bench');
execFileSync('mkdir', ['-p', w]);
const counter = join(w, 'insn_count.so');
if (icount) execFileSync('cc', ['-shared', '-fPIC', '-O2', join(here, 'bench-icount.c'), '-o', counter]);
// The pipeline builds the engine (a no-op when it is up to date) and says where.
// --bfi PATH: measure another engine binary (e.g. an older build) instead.
const bfi = args.includes('--bfi') ? args[args.indexOf('--bfi') + 1]
  : JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'bareflow.js'), 'engine'], { encoding: 'utf8' })).bfi;
const F = ['-m32', '-msse2', '-mfpmath=sse', '-O2', '-w', '-fno-math-errno'];
const outputs = new Map();          // program -> what native printed
const mismatches = [];
// what a run costs: its wall time in ms (best of reps), or with --icount its instructions in
// millions (one run: the count does not vary)
const cost = (cmd, argv, reps = 3, timeout = 600000, check = '') => icount
  ? count(cmd, argv, timeout, check) : time(cmd, argv, reps, timeout, check);
const checkOutput = (check, cmd, argv, out) => {
  if (!outputs.has(check)) outputs.set(check, out);
  else if (outputs.get(check) !== out) mismatches.push(`${check} (${basename(cmd)} ${argv.filter(a => a.startsWith('--jit')).join(' ')}): ${JSON.stringify(out.slice(0, 80))} vs native ${JSON.stringify(outputs.get(check).slice(0, 80))}`);
};
const count = (cmd, argv, timeout, check) => {
  const file = join(w, 'insn_count.txt');
  execFileSync('rm', ['-f', file]);
  const r = spawnSync('qemu-i386', ['-plugin', `${counter},out=${file}`, cmd, ...argv], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout });
  if (r.error || r.signal || !existsSync(file)) return NaN;
  if (check) checkOutput(check, cmd, argv, r.stdout || '');
  return Number(readFileSync(file, 'utf8')) / 1e6;
};
const time = (cmd, argv, reps = 3, timeout = 600000, check = '') => {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    let out = '';
    try { out = execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout }); } catch (e) { if (e.code === 'ETIMEDOUT' || e.signal) return NaN; out = e.stdout || ''; }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    if (check && i === 0) checkOutput(check, cmd, argv, out);
  }
  return best;
};
// after warm-up: a first run (not measured) compiles what gets hot and saves it to a cache
// directory; the measured second run loads that code, so hot functions run compiled from
// their first call (what never got hot stays interpreted, as in a long run)
const warm = (argv, name, check) => {
  const dir = join(w, `cache-${name}`);
  execFileSync('rm', ['-rf', dir]); execFileSync('mkdir', ['-p', dir]);
  const jitArgs = ['--jit', '--cache', dir, ...argv];
  spawnSync(bfi, jitArgs, { stdio: 'ignore', timeout: 600000 });
  return cost(bfi, jitArgs, 3, 600000, check);
};
const rows = [];
for (const f of readdirSync(join(here, 'bench')).filter(f => f.endsWith('.c') && f.includes(filter)).sort()) {
  const n = basename(f, '.c'), src = join(here, 'bench', f), b = join(w, n);
  execFileSync('clang-14', [...F, src, '-o', `${b}.native`, '-lm']);
  execFileSync('clang-14', [...F, '-emit-llvm', '-c', src, '-o', `${b}.bc`]);
  execFileSync('clang-14', ['-O2', '-w', '-emit-llvm', '-c', src, '-o', `${b}.x64.bc`]);
  const nat = cost(`${b}.native`, [], 3, 600000, n), eng = cost(bfi, [`${b}.bc`], 3, 600000, n), jit = cost(bfi, ['--jit=all', `${b}.bc`], 3, 600000, n),
    jitWarm = warm([`${b}.bc`], n, n);
  const lliT = lli ? time('lli-14', [`${b}.x64.bc`], 1) : NaN;
  const lint = lliInterp ? time('lli-14', ['-jit-kind=mcjit', '-force-interpreter', `${b}.x64.bc`], 1, 300000) : NaN;
  rows.push({ n, nat, eng, jit, jitWarm, lli: lliT, lint });
}
const tl = join(root, 'tinyllama'), M = join(root, '..', 'shared', 'models');
if (!filter && existsSync(join(tl, 'tinyllama.c')) && existsSync(M)) {
  const b = join(w, 'tinyllama');
  const TF = [...F, '-I', join(root, 'kernel_lib')];
  execFileSync('clang-14', [...TF, join(tl, 'tinyllama.c'), join(tl, 'main.c'), join(tl, 'host.c'), '-lm', '-o', `${b}.native`]);
  execFileSync('clang-14', [...TF, '-emit-llvm', '-c', join(tl, 'tinyllama.c'), '-o', `${b}.1.bc`]);
  execFileSync('clang-14', [...TF, '-emit-llvm', '-c', join(tl, 'main.c'), '-o', `${b}.2.bc`]);
  execFileSync('llvm-link-14', [`${b}.1.bc`, `${b}.2.bc`, '-o', `${b}.bc`]);
  const nat = cost(`${b}.native`, [`${M}/stories260K.bin`, '-z', `${M}/tok512.bin`, '-t', '0', '-n', '256']);
  const tlArgs = ['--entry', 'app_main', '--file', `model.bin=${M}/stories260K.bin`, '--file', `tokenizer.bin=${M}/tok512.bin`,
    '--opt', 'temperature=0', '--opt', 'steps=256', `${b}.bc`];
  const eng = cost(bfi, tlArgs), jit = cost(bfi, ['--jit=all', ...tlArgs]), jitWarm = warm(tlArgs, 'tinyllama');
  rows.push({ n: 'tinyllama', nat, eng, jit, jitWarm, lli: NaN, lint: NaN });
  // the JIT's compile speed and code size on tinyllama, against llc -O2 for the same module
  const js = spawnSync(bfi, ['--stats', '--jit=all', ...tlArgs], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] }).stderr || '';
  const jm = /\[jit\] (\d+) functions compiled \((\d+) IR instructions, (\d+) bytes of code, (\d+) us\)/.exec(js);
  execFileSync('llc-14', ['-O2', '-mtriple=i686-pc-linux-gnu', '-mattr=+sse2', '-filetype=obj', `${b}.bc`, '-o', `${b}.llc.o`]);
  const llcText = [...execFileSync('llvm-size-14', ['-A', `${b}.llc.o`], { encoding: 'utf8' }).matchAll(/^\.text\S*\s+(\d+)/gm)].reduce((a, x) => a + Number(x[1]), 0);
  var jitCompile = jm && { fns: +jm[1], ins: +jm[2], bytes: +jm[3], us: +jm[4], llcText };
  // start-up: bf_load + lowering of what runs (--stats), one step
  const st = (() => { return spawnSync(bfi, ['--stats', '--entry', 'app_main', '--file', `model.bin=${M}/stories260K.bin`, '--file', `tokenizer.bin=${M}/tok512.bin`,
    '--opt', 'temperature=0', '--opt', 'steps=1', `${b}.bc`], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] }).stderr || ''; })();
  var startup = st;
}
const f = x => Number.isFinite(x) ? x.toFixed(1).padStart(9) : '      n/a';
const r = x => Number.isFinite(x) ? x.toFixed(2).padStart(8) : '     n/a';
console.log(icount ? 'program   native Minsn  engine Minsn engine/nat jit Minsn  jit/nat  warm Minsn warm/nat  (guest instructions, millions; jit: --jit=all, warm: after warm-up)'
  : 'program      native ms   engine ms  engine/nat   jit ms   jit/nat  warm ms  warm/nat    lli ms  lli/nat  lli-interp ms  interp/engine');
const gm = a => Math.exp(a.reduce((s, x) => s + Math.log(x), 0) / a.length);
for (const x of rows) console.log(`${(x.n + (mismatches.some(m => m.startsWith(x.n + ' ')) ? '!' : '')).padEnd(12)}${f(x.nat)}   ${f(x.eng)}   ${r(x.eng / x.nat)}${f(x.jit)} ${r(x.jit / x.nat)}${f(x.jitWarm)} ${r(x.jitWarm / x.nat)}` +
  (lli ? ` ${f(x.lli)} ${r(x.lli / x.nat)}  ${f(x.lint)}      ${r(x.lint / x.eng)}` : ''));
const geo = (key) => gm(rows.map(x => x[key] / x.nat).filter(Number.isFinite));
const ir = rows.map(x => x.lint / x.eng).filter(Number.isFinite);
const worst = rows.filter(x => Number.isFinite(x.eng / x.nat)).sort((a, b) => b.eng / b.nat - a.eng / a.nat)[0];
console.log(`geo-mean engine/native: ${geo('eng').toFixed(2)}x (worst ${worst ? `${worst.n} ${(worst.eng / worst.nat).toFixed(2)}x` : 'n/a'}); jit/native: ${geo('jit').toFixed(2)}x; after warm-up: ${geo('jitWarm').toFixed(2)}x (target <= 2x)` + (lli ? `; lli/native: ${geo('lli').toFixed(2)}x` : '') +
  (ir.length ? `; lli interpreter/engine: ${gm(ir).toFixed(1)}x` : ''));
if (typeof jitCompile === 'object' && jitCompile) {
  const c = jitCompile;
  console.log(`jit on tinyllama: ${c.fns} functions, ${c.ins} IR instructions in ${(c.us / 1000).toFixed(2)} ms ` +
    `(${(c.ins / c.us).toFixed(2)}M IR instructions/s, ${(c.us / c.fns).toFixed(0)} us a function); ` +
    `${c.bytes} bytes of code vs llc -O2's ${c.llcText} (.text of the same module): ${(c.bytes / c.llcText).toFixed(2)}x`);
}
if (typeof startup === 'string') {
  const m = /load (\d+) us, run \d+ us \(lowering (\d+) us\)/.exec(startup), mem = /engine memory: (\d+) bytes in use, peak (\d+)/.exec(startup);
  const lw = /functions: (\d+) in module, (\d+) lowered/.exec(startup);
  if (m) console.log(`tinyllama.bc start-up: load ${(m[1] / 1000).toFixed(2)} ms + decode ${(m[2] / 1000).toFixed(2)} ms` +
    (lw ? ` (${lw[2]} of ${lw[1]} functions)` : '') + (mem ? `; engine memory peak ${(mem[2] / 1048576).toFixed(2)} MiB (module, decoded code, interpreter stack; the program's own malloc is not counted)` : ''));
}
// start-up of an empty main: loading (reading, verifying, setting up the interpreter stack) and running it
{
  const b = join(w, 'empty');
  execFileSync('sh', ['-c', `echo 'int main(void) { return 0; }' | clang-14 ${F.join(' ')} -emit-llvm -c -x c - -o ${b}.bc`]);
  const runs = [0, 1, 2].map(() => /load (\d+) us, run (\d+) us/.exec(spawnSync(bfi, ['--stats', `${b}.bc`], { encoding: 'utf8' }).stderr || ''));
  const best = runs.filter(Boolean).map(m => [+m[1], +m[2]]).sort((x, y) => x[0] + x[1] - y[0] - y[1])[0];
  if (best) console.log(`empty main start-up: load ${(best[0] / 1000).toFixed(2)} ms + run ${(best[1] / 1000).toFixed(2)} ms (best of 3)`);
}
if (icount) {
  // the same empty main's whole process (dynamic linking, libc start-up, and for bfi reading,
  // verifying and running the bitcode), native against the engine
  const b = join(w, 'empty');
  execFileSync('sh', ['-c', `echo 'int main(void) { return 0; }' | clang-14 ${F.join(' ')} -x c - -o ${b}.native`]);
  const nat = count(`${b}.native`, [], 60000, ''), eng = count(bfi, [`${b}.bc`], 60000, '');
  console.log(`empty main, whole process: native ${(nat * 1000).toFixed(0)}K instructions, engine ${(eng * 1000).toFixed(0)}K (+${((eng - nat) * 1000).toFixed(0)}K)`);
}
// .text of the freestanding core (what the bootstrap kernel links), then of the JIT (what the jit kernel adds)
const core = ['bitstream.c', 'module.c', 'verify.c', 'patterns.c', 'simd.c', 'fp80.c', 'lower.c', 'lower_cells.c', 'lower_ops.c', 'lower_mem.c', 'lower_calls.c', 'lower_branch.c', 'lower_fuse.c', 'lower_uses.c', 'exec.c', 'ffi.c'];
const jitFiles = ['jit/x86.c', 'jit/regalloc.c', 'jit/emit.c', 'jit/jit.c'];
const SF = ['--target=i686-unknown-none', '-march=i686', '-msse2', '-mfpmath=sse', '-ffreestanding', '-fno-builtin', '-fno-stack-protector',
  '-fno-asynchronous-unwind-tables', '-fno-pic'];
for (const [what, files] of [['engine core', core], ['jit', jitFiles]]) for (const O of ['-Os', '-O2']) {
  const sz = files.map((c) => {
    const o = join(w, `size-${basename(c, '.c')}${O}.o`);
    execFileSync('clang-14', [...SF, O, '-c', join(root, 'interpreter', c), '-o', o]);
    const sec = execFileSync('llvm-size-14', ['-A', o], { encoding: 'utf8' });
    const get = (re) => [...sec.matchAll(re)].reduce((a, x) => a + Number(x[1]), 0);
    return { c, text: get(/^\.text\S*\s+(\d+)/gm), ro: get(/^\.rodata\S*\s+(\d+)/gm) };
  });
  const kb = (x) => (x / 1024).toFixed(1);
  console.log(`${what} .text ${O}: ${kb(sz.reduce((a, x) => a + x.text, 0))} KB (+ .rodata ${kb(sz.reduce((a, x) => a + x.ro, 0))} KB): ` +
    sz.map((x) => `${basename(x.c, '.c')} ${kb(x.text)}`).join(', '));
}
if (mismatches.length) { console.log(`wrong output (!):\n  ${mismatches.join('\n  ')}`); process.exitCode = 1; }
