#!/usr/bin/env node
// Engine conformance runner.
//
//   node test/engine/run-suite.mjs [--filter A,B] [--jobs N] [--levels O0,O2,O3] [--cases DIR]
//                                  [--engine PATH] [--self PATH/interpreter.bc] [--cache DIR] [--no-cache] [--no-ir]
//                                  [--engine-args "FLAGS"]   (e.g. "--jit=all": flags for every engine run)
//                                  [--inner-args "FLAGS"]    (with --self: the self-hosted engine's flags, e.g. "--jit": a meta-circular run)
//
// For every test/engine/cases/*.c (or --cases DIR) and each optimisation level
// (O0 and O2; O3 too for cases containing the marker "@O3"), compiles the case
// natively (clang-14 -m32 -msse2 -mfpmath=sse) and to bitcode with the same
// flags, runs both, and compares stdout and exit code. Prints one line per
// case/level ("ok   name O2" or "FAIL name O2: reason") and a summary line
// "engine suite: P passed, F failed of N"; exits 1 if anything failed.
// Natives, bitcode and native results are cached by content hash under
// images/obj/engine-suite/ (--cache), so a rerun only runs the engine.
// Then, unless --filter/--cases/--self/--no-ir, runs the IR-level cases
// (test/engine/ir-cases.ts) with the same engine.
// Builds the engine first (`bareflow engine`). With --self, runs each case
// as `bfi interpreter.bc case.bc` (self-hosting check).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  if (i < 0) return def;
  // --engine-args and --inner-args pass flags on: their values start with '--'.
  const missing = i + 1 >= args.length || (args[i + 1].startsWith('--') && !name.endsWith('-args'));
  if (missing) { console.error(`error: ${name} needs a value`); process.exit(2); }
  return args[i + 1];
};
const filter = opt('--filter', '');
const jobs = Number(opt('--jobs', Math.max(2, os.cpus().length)));
const levels = opt('--levels', 'O0,O2,O3').split(',');
// The pipeline builds the engine (a no-op when it is up to date) and says where.
const built = args.includes('--engine') ? null : JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'bareflow.js'), 'engine'], { encoding: 'utf8' }));
const engine = opt('--engine', built?.bfi);
const self = opt('--self', '');
const innerArgs = opt('--inner-args', '').split(' ').filter(Boolean);     // with --self: the inner engine's flags
const engineArgs = opt('--engine-args', '').split(' ').filter(Boolean);
const CFLAGS = ['-m32', '-msse2', '-mfpmath=sse', '-w'];
// Compiled natives, bitcode and native results are cached by content hash
// (source + level + flags + compiler version): a rerun only runs the engine.
const cacheDir = opt('--cache', join(root, 'images', 'obj', 'engine-suite'));
const noCache = args.includes('--no-cache');
const clangVersion = execFileSync('clang-14', ['--version'], { encoding: 'utf8' }).split('\n')[0];

mkdirSync(cacheDir, { recursive: true });

const casesDir = opt('--cases', join(here, 'cases'));
const cases = readdirSync(casesDir).filter(f => f.endsWith('.c') && (!filter || filter.split(',').some(x => f.includes(x)))).sort();
const tasks = [];
for (const c of cases) {
  const src = readFileSync(join(casesDir, c), 'utf8');
  for (const lv of levels) {
    if (lv === 'O3' && !src.includes('@O3')) continue;
    tasks.push({ name: basename(c, '.c'), file: join(casesDir, c), lv });
  }
}

function run(cmd, argv, timeoutMs = 60000) {
  return new Promise(resolve => {
    const p = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', d => { out += d; });
    p.stderr.on('data', d => { err += d; });
    const t = setTimeout(() => { p.kill('SIGKILL'); }, timeoutMs);
    p.on('close', (code, sig) => { clearTimeout(t); resolve({ code: sig ? `signal ${sig}` : code, out, err }); });
  });
}

// Write-then-rename so parallel or interrupted runs never see half a file.
const atomicTmp = f => `${f}.${process.pid}.tmp`;
async function cached(file, make) {
  if (!noCache && existsSync(file)) return null;
  const tmp = atomicTmp(file);
  const err = await make(tmp);
  if (!err) renameSync(tmp, file);
  return err;
}

async function one(t) {
  const src = readFileSync(t.file);
  const key = createHash('sha256').update(src).update(`\0${t.lv}\0${CFLAGS.join(' ')}\0${clangVersion}`).digest('hex').slice(0, 16);
  const base = join(cacheDir, `${t.name}.${t.lv}.${key}`);
  const nat = `${base}.native`, bcf = `${base}.bc`, resf = `${base}.native.json`;
  const [cn, cb] = await Promise.all([
    cached(nat, async o => { const r = await run('clang-14', [...CFLAGS, `-${t.lv}`, t.file, '-o', o, '-lm']); return r.code !== 0 ? `native compile failed: ${r.err.slice(0, 300)}` : null; }),
    cached(bcf, async o => { const r = await run('clang-14', [...CFLAGS, `-${t.lv}`, '-emit-llvm', '-c', t.file, '-o', o]); return r.code !== 0 ? `bitcode compile failed: ${r.err.slice(0, 300)}` : null; }),
  ]);
  if (cn || cb) return cn || cb;
  const [n, e] = await Promise.all([
    (async () => {
      if (!noCache && existsSync(resf)) return JSON.parse(readFileSync(resf, 'utf8'));
      const r = await run(nat, []);
      if (typeof r.code === 'number') { writeFileSync(atomicTmp(resf), JSON.stringify({ code: r.code, out: r.out })); renameSync(atomicTmp(resf), resf); }
      return r;
    })(),
    self ? run(engine, [...engineArgs, self, ...innerArgs, bcf], 600000) : run(engine, [...engineArgs, bcf]),
  ]);
  if (n.code !== e.code) return `exit code ${e.code}, expected ${n.code}${e.err ? ' — ' + e.err.trim().split('\n').pop().slice(0, 200) : ''}`;
  if (n.out !== e.out) {
    const a = n.out.split('\n'), b = e.out.split('\n');
    let i = 0; while (i < a.length && a[i] === b[i]) i++;
    return `stdout differs at line ${i + 1}: expected ${JSON.stringify(a[i] ?? '<eof>').slice(0, 120)} got ${JSON.stringify(b[i] ?? '<eof>').slice(0, 120)}${e.err ? ' — ' + e.err.trim().split('\n').pop().slice(0, 200) : ''}`;
  }
  return null;
}

let pass = 0, failed = 0, next = 0;
const failures = [];
async function worker() {
  while (next < tasks.length) {
    const t = tasks[next++];
    const r = await one(t);
    if (r) { failed++; failures.push(`${t.name} ${t.lv}`); console.log(`FAIL ${t.name} ${t.lv}: ${r}`); }
    else { pass++; console.log(`ok   ${t.name} ${t.lv}`); }
  }
}
const t0 = Date.now();
await Promise.all(Array.from({ length: jobs }, worker));
console.log(`engine suite: ${pass} passed, ${failed} failed of ${tasks.length} (${cases.length} cases) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
let irFailed = false;
if (!filter && !args.includes('--cases') && !self && !args.includes('--no-ir')) {
  const ir = await run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(here, 'ir-cases.ts'), '--engine', engine, ...engineArgs.flatMap((a) => ['--engine-arg', a])], 600000);
  process.stdout.write(ir.out); if (ir.err.trim()) process.stdout.write(ir.err);
  irFailed = ir.code !== 0;
}
process.exit(failed || irFailed ? 1 : 0);
