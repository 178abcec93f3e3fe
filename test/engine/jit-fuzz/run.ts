// Differential test of the JIT (interpreter/jit/): random programs from
// generate.ts, each compiled with clang-14 natively and to bitcode, run four
// ways — native, `bfi` (interpreted), `bfi --jit=all` (every function compiled
// at its first call), `bfi --jit-threshold 1` (compiled at the second call,
// on-stack replacement after 10 back-edges) — stdout and exit code compared.
//
//   node --import tsx test/engine/jit-fuzz/run.ts [--seeds A..B] [--time SECONDS] [--jobs N]
//        [--bfi PATH] [--out DIR] [--levels O0,O2] [--ubsan] [--quiet]
//
// Seeds A..B are the half-open range [A, B). Each seed runs at -O0 and -O2, and
// at -O1 when seed % 3 == 0. --time stops starting new seeds after that many
// seconds (the summary names the range actually run). A mismatch prints one line
//   FAIL seed 123 O2 jit=all: exit code 3, expected 7
// and keeps the program, the seed, the command lines and the diff in a
// directory under --out (default: a fresh directory in the system temp dir,
// named on the FAIL line). Nothing is cached: every program is regenerated,
// recompiled and rerun. --ubsan also builds each program natively with
// -fsanitize=undefined,float-cast-overflow and fails a seed on any report (a
// check of the generator: its programs must have no undefined behaviour).
// Summary: `jit fuzz: N passed, M failed (seeds A..B)`, N and M counting
// (seed, level) programs; exit status 1 on any failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from './generate.ts';

export const CFLAGS = ['-m32', '-msse2', '-mfpmath=sse', '-w'];
export const MODES: { name: string; args: string[] }[] = [
  { name: 'interp', args: [] },
  { name: 'jit=all', args: ['--stats', '--jit=all'] },
  { name: 'threshold1', args: ['--stats', '--jit-threshold', '1'] },
];

export function levelsFor(seed: number, levels?: string[]): string[] {
  return levels ?? (seed % 3 === 0 ? ['O0', 'O1', 'O2'] : ['O0', 'O2']);
}

interface Run { code: number | string; out: string; err: string }
function run(cmd: string, argv: string[], timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', (d) => { if (out.length < 1 << 22) out += d; });
    p.stderr.on('data', (d) => { if (err.length < 1 << 20) err += d; });
    const t = setTimeout(() => { err += `\n[timeout after ${timeoutMs} ms]`; p.kill('SIGKILL'); }, timeoutMs);
    p.on('error', (e) => { err += String(e); });
    p.on('close', (code, sig) => { clearTimeout(t); resolve({ code: sig ? `signal ${sig}` : (code ?? -1), out, err }); });
  });
}

function firstDiff(want: string, got: string): string {
  const a = want.split('\n'), b = got.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `stdout differs at line ${i + 1}: expected ${JSON.stringify(a[i] ?? '<eof>').slice(0, 160)}, got ${JSON.stringify(b[i] ?? '<eof>').slice(0, 160)}`;
}

export interface Failure { seed: number; level: string; mode: string; reason: string; dir: string }
export interface FuzzResult {
  passed: number; failed: number; from: number; to: number;
  failures: Failure[];
  /** from the `--stats --jit=all` runs: functions compiled and left interpreted (with why) */
  compiled: number; interpreted: number; reasons: Record<string, number>;
  /** from the `--stats --jit-threshold 1` runs: functions entered by on-stack replacement */
  osr: number;
}

export interface FuzzOptions {
  from: number; to: number; bfi: string;
  jobs?: number; timeSeconds?: number; outDir?: string; levels?: string[]; ubsan?: boolean;
  log?: (line: string) => void;
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzResult> {
  const log = o.log ?? ((l: string) => console.log(l));
  const work = mkdtempSync(join(tmpdir(), 'jit-fuzz-'));
  let outDir = o.outDir ?? '';
  const failDir = (name: string) => {
    if (!outDir) outDir = mkdtempSync(join(tmpdir(), 'jit-fuzz-failures-'));
    const d = join(outDir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const res: FuzzResult = { passed: 0, failed: 0, from: o.from, to: o.from, failures: [], compiled: 0, interpreted: 0, reasons: {}, osr: 0 };
  const t0 = Date.now();
  let next = o.from;

  async function one(seed: number) {
    const src = generate(seed);
    const dir = join(work, String(seed));
    mkdirSync(dir);
    const cfile = join(dir, `s${seed}.c`);
    writeFileSync(cfile, src);
    for (const lv of levelsFor(seed, o.levels)) {
      const exe = join(dir, `${lv}.native`), bc = join(dir, `${lv}.bc`);
      const fails: string[] = [];
      const cmds: string[] = [];
      const cn = await run('clang-14', [...CFLAGS, `-${lv}`, cfile, '-o', exe, '-lm']);
      const cb = await run('clang-14', [...CFLAGS, `-${lv}`, '-emit-llvm', '-c', cfile, '-o', bc]);
      let modeName = 'compile';
      if (cn.code !== 0 || cb.code !== 0) fails.push(`compile failed: ${(cn.err + cb.err).slice(0, 600)}`);
      else {
        const native = await run(exe, []);
        cmds.push(`./${lv}.native  # exit ${native.code}`);
        if (o.ubsan) {
          const ue = join(dir, `${lv}.ubsan`);
          const cu = await run('clang-14', [...CFLAGS, `-${lv}`, '-fsanitize=undefined,float-cast-overflow', '-fno-sanitize-recover=all', cfile, '-o', ue, '-lm']);
          const u = cu.code === 0 ? await run(ue, []) : cu;
          if (u.code !== native.code || u.out !== native.out || /runtime error/.test(u.err)) { modeName = 'ubsan'; fails.push(`ubsan: ${u.err.trim().split('\n').slice(0, 3).join(' | ').slice(0, 400)}`); }
        }
        if (typeof native.code !== 'number') { modeName = 'native'; fails.push(`native run failed: ${native.code} ${native.err.slice(0, 300)}`); }
        for (const m of MODES) {
          const r = await run(o.bfi, [...m.args, bc]);
          cmds.push(`${o.bfi} ${[...m.args, `${lv}.bc`].join(' ')}  # exit ${r.code}`);
          if (m.name === 'jit=all') {
            for (const l of r.err.split('\n')) {
              if (/^\[jit\] compiled /.test(l)) res.compiled++;
              const mi = /^\[jit\] interpreted [^:]+: (.*)$/.exec(l);
              if (mi) { res.interpreted++; res.reasons[mi[1]] = (res.reasons[mi[1]] ?? 0) + 1; }
            }
          }
          if (m.name === 'threshold1') res.osr += r.err.split('\n').filter((l) => /^\[jit\] compiled .*entered by OSR/.test(l)).length;
          let why = '';
          if (r.code !== native.code) why = `exit code ${r.code}, expected ${native.code}`;
          if (r.out !== native.out) why = (why ? why + '; ' : '') + firstDiff(native.out, r.out);
          if (why) {
            const errTail = r.err.trim().split('\n').filter((l) => !l.startsWith('[')).pop();
            if (errTail) why += ` — ${errTail.slice(0, 200)}`;
            if (!fails.length) modeName = m.name;
            fails.push(`${m.name}: ${why}`);
            writeFileSync(join(dir, `${lv}.${m.name}.out`), r.out + (r.err ? `\n--- stderr ---\n${r.err}` : ''));
          }
        }
        if (fails.length) writeFileSync(join(dir, `${lv}.native.out`), native.out);
      }
      if (fails.length) {
        const d = failDir(`seed-${seed}-${lv}`);
        writeFileSync(join(d, `s${seed}.c`), src);
        writeFileSync(join(d, 'README'), [
          `seed ${seed}, -${lv}: regenerate with node --import tsx test/engine/jit-fuzz/generate.ts ${seed}`,
          `compile: clang-14 ${CFLAGS.join(' ')} -${lv} s${seed}.c -o ${lv}.native -lm  &&  clang-14 ${CFLAGS.join(' ')} -${lv} -emit-llvm -c s${seed}.c -o ${lv}.bc`,
          ...cmds, '', ...fails, '',
        ].join('\n'));
        for (const f of ['native', ...MODES.map((m) => m.name)]) {
          const o = join(dir, `${lv}.${f}.out`);   // written only for the native run and the modes that differ
          if (existsSync(o)) writeFileSync(join(d, `${lv}.${f}.out`), readFileSync(o));
        }
        res.failed++;
        res.failures.push({ seed, level: lv, mode: modeName, reason: fails.join(' / '), dir: d });
        log(`FAIL seed ${seed} ${lv} ${fails.map((f) => f.split(':')[0]).join(',')}: ${fails[0].slice(0, 300)} (kept in ${d})`);
      } else res.passed++;
    }
    rmSync(dir, { recursive: true, force: true });
  }

  async function worker() {
    while (next < o.to && !(o.timeSeconds && Date.now() - t0 > o.timeSeconds * 1000)) {
      const seed = next++;
      await one(seed);
      res.to = Math.max(res.to, seed + 1);
    }
  }
  try {
    await Promise.all(Array.from({ length: o.jobs ?? 2 }, worker));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return res;
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
  const [from, to] = (opt('--seeds') ?? '1..101').split('..').map(Number);
  let bfi = opt('--bfi');
  if (!bfi) {
    const { buildEngine } = await import('../../../build/engine.ts');
    bfi = (await buildEngine()).bfi;
  }
  const quiet = args.includes('--quiet');
  const t0 = Date.now();
  const r = await runFuzz({
    from, to, bfi, jobs: Number(opt('--jobs') ?? 2), timeSeconds: opt('--time') ? Number(opt('--time')) : undefined,
    outDir: opt('--out'), levels: opt('--levels')?.split(','), ubsan: args.includes('--ubsan'),
    log: (l) => { if (!quiet || l.startsWith('FAIL')) console.log(l); },
  });
  const reasons = Object.entries(r.reasons).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v}x ${k}`).join('; ');
  console.log(`[jit=all] ${r.compiled} functions compiled, ${r.interpreted} interpreted${reasons ? ` (${reasons})` : ''}; [threshold 1] ${r.osr} entered by OSR; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`jit fuzz: ${r.passed} passed, ${r.failed} failed (seeds ${r.from}..${r.to})`);
  process.exit(r.failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
