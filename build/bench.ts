// `bareflow bench`: phase 1 figures in one run, side by side.
// - image size by part, stage1/stage2 sizes;
// - clean build and no-op rebuild time (in a scratch output folder);
// - guest boot-to-first-token and tokens/s (TCG, stories260K, 256 steps);
// - guest instructions per token (-icount) vs the host -m32 build's
//   instructions per token (callgrind: a 256-step run minus a 5-step run).
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

/** Instructions the host -m32 build executes, counted by callgrind. */
async function hostInstructions(exe: string, steps: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'callgrind-'));
  const out = join(dir, 'callgrind.out');
  await execa('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, exe, model, '-z', tokenizer, '-t', '0', '-n', String(steps), '-i', workload.prompt]);
  const summary = readFileSync(out, 'utf8').match(/^summary: (\d+)/m);
  rmSync(dir, { recursive: true, force: true });
  if (!summary) throw new Error('callgrind wrote no summary line');
  return Number(summary[1]);
}

// "Once upon a time" is 5 tokens with BOS: the shortest run that may be asked for.
const baseSteps = 5;

/**
 * Host instructions per token: a 256-step run minus a 5-step run, over the
 * positions between (forward pass, sampling and printing one piece; start-up
 * and loading cancel out). Positions 5..255, like the guest figure it is set against.
 */
async function hostInstructionsPerToken(exe: string): Promise<{ perToken: number; wallMs: number }> {
  const t0 = performance.now();
  await execa(exe, [model, '-z', tokenizer, '-t', '0', '-n', String(workload.steps), '-i', workload.prompt]);
  const wallMs = performance.now() - t0;
  const [full, base] = [await hostInstructions(exe, workload.steps), await hostInstructions(exe, baseSteps)];
  return { perToken: (full - base) / (workload.steps - baseSteps), wallMs };
}

/** Guest instructions per token over positions 5..255, as the host figure. */
function guestInstructionsPerToken(r: BootResult): number {
  const tokens = r.events.filter((e) => e.ev === 'token' && (e.pos as number) >= baseSteps);
  return tokens.reduce((sum, t) => sum + (t.tsc_end as number) - (t.tsc_start as number), 0) / tokens.length;
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
  const guestPerToken = guestInstructionsPerToken(icount);

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
    ['guest instructions/token (-icount)', int(guestPerToken)],
    ['host instructions/token (callgrind)', int(host.perToken)],
    ['guest/host instructions per token', `${(guestPerToken / host.perToken).toFixed(3)}x (target ≤ 1.1x)`],
    ['guest boot-to-first-token (-icount)', `${int(pi.bootToFirstToken)} instructions`],
  );
  console.log(t.toString());
  rmSync(scratch, { recursive: true, force: true });
}
