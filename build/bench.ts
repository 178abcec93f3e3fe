// `bareflow bench`: phase 1 figures in one run, side by side.
// - image size by part, stage1/stage2 sizes;
// - clean build and no-op rebuild time (in a scratch output folder);
// - guest boot-to-first-token and tokens/s (TCG, stories260K, 256 steps);
// - guest instructions per token (-icount) vs the host -m32 build's
//   instructions per token (callgrind, inclusive cost of forward + sample).
import { table } from './table.ts';
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHostProgram, tinyllamaHost } from './host.ts';
import { fromRoot, sharedModels } from './paths.ts';
import { boot, type BootResult } from './qemu.ts';
import { profile } from './report.ts';
import type { Manifest } from './manifest.ts';

const model = join(sharedModels, 'stories260K.bin');
const tokenizer = join(sharedModels, 'tok512.bin');
const workload = { prompt: 'Once upon a time', steps: 256, temperature: 0 };

async function timedImageBuild(out: string): Promise<number> {
  const t0 = performance.now();
  await execa(process.execPath, [fromRoot('bin', 'bareflow.js'), 'image', '--model', model, '--tokenizer', tokenizer], {
    env: { BAREFLOW_OUT: out },
  });
  return performance.now() - t0;
}

/** Host instructions per token: inclusive Ir of forward() + sample() over the tokens generated. */
async function hostInstructionsPerToken(exe: string): Promise<{ perToken: number; wallMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'callgrind-'));
  const out = join(dir, 'callgrind.out');
  const args = [model, '-z', tokenizer, '-t', '0', '-n', String(workload.steps), '-i', workload.prompt];
  const t0 = performance.now();
  await execa(exe, args);
  const wallMs = performance.now() - t0;
  await execa('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, exe, ...args]);
  const annotated = (await execa('callgrind_annotate', ['--inclusive=yes', out])).stdout;
  const ir = (fn: string): number => {
    const line = annotated.split('\n').find((l) => new RegExp(`[:\\s]${fn}[\\s\\[']`).test(l) || l.trim().endsWith(`:${fn}`));
    if (!line) throw new Error(`callgrind: no entry for ${fn}()`);
    return Number(line.trim().split(/\s+/)[0].replace(/,/g, ''));
  };
  rmSync(dir, { recursive: true, force: true });
  return { perToken: (ir('forward') + ir('sample')) / (workload.steps - 1), wallMs };
}

const k = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const int = (n: number | null): string => (n === null ? '–' : Math.round(n).toLocaleString('en-US'));

export async function bench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'bareflow-bench-'));
  console.log('building (clean) ...');
  const cleanMs = await timedImageBuild(scratch);
  const noopMs = await timedImageBuild(scratch);
  const image = join(scratch, 'fluid_llama.img');
  const manifest = JSON.parse(readFileSync(join(scratch, 'fluid_llama.manifest.json'), 'utf8')) as Manifest;

  console.log('booting (TCG) ...');
  const tcg: BootResult = await boot({ image, options: workload, timeoutMs: 600_000 });
  console.log('booting (-icount) ...');
  const icount: BootResult = await boot({ image, options: workload, icount: true, timeoutMs: 900_000 });
  for (const r of [tcg, icount]) if (r.guestCode !== 0) throw new Error(`bench boot failed: ${r.outcome} ${r.guestCode}\n${r.text}`);
  const pt = profile('bench-tcg', 'aot', false, tcg);
  const pi = profile('bench-icount', 'aot', true, icount);

  console.log('host -m32 build under callgrind ...');
  const host = await hostInstructionsPerToken(await buildHostProgram(tinyllamaHost));

  const sizes = table(['image part', 'bytes', 'size']);
  sizes.push(['stage1', 512, '512 B'], ['stage2', manifest.stage2Bytes, `${manifest.stage2Bytes} B`]);
  for (const p of manifest.parts) sizes.push([p.name, p.bytes, k(p.bytes)]);
  sizes.push(['whole image', manifest.bytes, k(manifest.bytes)]);
  console.log(sizes.toString());

  const build = table(['build', 'seconds']);
  build.push(['clean build', (cleanMs / 1000).toFixed(1)], ['no-op rebuild', (noopMs / 1000).toFixed(2)]);
  console.log(build.toString());

  const t = table(['stories260K, 256 greedy steps', 'value']);
  t.push(
    ['guest boot-to-first-token (TCG)', `${int(pt.bootToFirstToken)} cycles = ${((pt.bootToFirstToken! / pt.tscHz!) * 1000).toFixed(1)} ms`],
    ['guest tokens/s (TCG)', pt.tokensPerSecond!.toFixed(1)],
    ['guest wall time, QEMU start to exit', `${pt.wallMs} ms`],
    ['host -m32 process wall time', `${host.wallMs.toFixed(0)} ms`],
    ['guest instructions/token (-icount)', int(pi.perToken!.mean)],
    ['host instructions/token (callgrind)', int(host.perToken)],
    ['guest/host instructions per token', `${(pi.perToken!.mean / host.perToken).toFixed(3)}x (target ≤ 1.1x)`],
    ['guest boot-to-first-token (-icount)', `${int(pi.bootToFirstToken)} instructions`],
  );
  console.log(t.toString());
  rmSync(scratch, { recursive: true, force: true });
}
