#!/usr/bin/env node
// Deterministic malformed-input tests for the reader: truncated files, flipped
// bits, wrong magic, bad sizes. Each variant runs `bfi --check` (load + lower
// every function, execute nothing) and must end with exit code 0 or a clean
// engine error (6 budget, 9 malformed, 10 unresolved) and a message — never a
// signal or a hang.  node test/engine/robustness.mjs [--count N]
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
const here = dirname(fileURLToPath(import.meta.url)), root = join(here, '..', '..');
const args = process.argv.slice(2);
const count = Number(args.includes('--count') ? args[args.indexOf('--count') + 1] : 300);
const w = mkdtempSync(join(os.tmpdir(), 'bf-engine-robust-'));   // removed at the end unless a variant failed (kept there)
// The pipeline builds the engine (a no-op when it is up to date) and says where.
const { bfi } = JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'bareflow.js'), 'engine'], { encoding: 'utf8' }));
const base = join(w, 'base.bc');
execFileSync('clang-14', ['-m32', '-O2', '-w', '-emit-llvm', '-c', join(here, 'cases', 'kernels.c'), '-o', base]);
const good = readFileSync(base);
let seed = 12345; const rnd = n => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed >>> 8) % n; };
const variants = [];
variants.push(['empty', Buffer.alloc(0)]);
variants.push(['wrong magic', Buffer.concat([Buffer.from('XC\xc0\xde', 'latin1'), good.subarray(4)])]);
variants.push(['elf', Buffer.from('\x7fELF\x01\x01\x01\x00', 'latin1')]);
variants.push(['magic only', good.subarray(0, 4)]);
variants.push(['odd length', good.subarray(0, good.length - 1)]);
for (const frac of [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) variants.push([`truncated ${frac}`, good.subarray(0, (Math.floor(good.length * frac) & ~3))]);
for (let i = 0; i < count; i++) {
  const b = Buffer.from(good); const k = 1 + rnd(4);
  for (let j = 0; j < k; j++) { const p = rnd(b.length); b[p] ^= 1 << rnd(8); }
  variants.push([`flip ${i}`, b]);
}
for (let i = 0; i < 20; i++) { const b = Buffer.from(good); const p = 4 + rnd(b.length - 8); b.writeUInt32LE(0xffffffff, p & ~3); variants.push([`huge word ${i}`, b]); }
let bad = 0, clean = 0, ok = 0;
for (const [name, buf] of variants) {
  const f = join(w, 'v.bc'); writeFileSync(f, buf);
  const r = spawnSync(bfi, ['--check', '--mem', '256', f], { timeout: 20000, encoding: 'utf8' });
  const fine = r.status === 0 || ([6, 9, 10].includes(r.status) && /error: /.test(r.stderr));
  if (!fine) { bad++; console.log(`FAIL ${name}: status ${r.status} signal ${r.signal} ${r.error ? r.error.code : ''} ${(r.stderr || '').slice(0, 200)}`); writeFileSync(join(w, `fail-${bad}.bc`), buf); }
  else if (r.status) clean++; else ok++;
}
console.log(`robustness: ${variants.length} variants, ${clean} clean errors, ${ok} loaded, ${bad} failures`);
if (bad) console.log(`failing inputs kept in ${w}`); else rmSync(w, { recursive: true, force: true });
process.exit(bad ? 1 : 0);
