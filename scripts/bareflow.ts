// The bareflow command line: parses arguments and calls build/. Each command
// exits non-zero with a one-line "error: ..." when something is wrong.
import { Command, InvalidArgumentError, Option } from 'commander';
import { table } from '../build/table.ts';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { buildImage } from '../build/image-build.ts';
import { hex, partData, readHeader, verifyImage, volumeFile } from '../build/image.ts';
import type { Manifest } from '../build/manifest.ts';
import { defaultBootOptions, type BootOptions } from '../build/options.ts';
import { defaultImage, reportsDir, root } from '../build/paths.ts';
import { boot, describeOutcome } from '../build/qemu.ts';
import { profile, profileMarkdown, writeProfile, type Profile } from '../build/report.ts';
import { compareProfiles, comparisonMarkdown, newestRunPerMode, reportPath, writeComparison } from '../build/compare.ts';
import { exitCodeName } from '../build/exitcodes.ts';
import { bench } from '../build/bench.ts';
import { buildEngine } from '../build/engine.ts';
import { execa } from 'execa';

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

function number(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number`);
    return n;
  };
}

/** Fails early, by name, on a path that is not a BareFlow image. */
function checkImage(image: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(image);
  } catch {
    throw new Error(`image ${image}: no such file (build it with 'npm run image')`);
  }
  try {
    readHeader(bytes);
  } catch (err) {
    throw new Error(`image ${image}: not a BareFlow image: ${(err as Error).message}`);
  }
}

const program = new Command('bareflow').description('Build and boot BareFlow unikernel images').showHelpAfterError();

program
  .command('image')
  .description('build images/fluid_llama.img')
  .option('--model <path>', 'llama2.c checkpoint to embed (default: a generated model)')
  .option('--tokenizer <path>', 'tokenizer for --model')
  .option('--out <path>', 'image path', defaultImage)
  .option('--prompt <text>', 'default prompt', defaultBootOptions.prompt)
  .option('--steps <n>', 'default steps', number('--steps'), defaultBootOptions.steps)
  .option('--temperature <t>', 'default temperature', number('--temperature'), defaultBootOptions.temperature)
  .option('--topp <p>', 'default top-p', number('--topp'), defaultBootOptions.topp)
  .option('--seed <n>', 'default seed', number('--seed'), defaultBootOptions.seed)
  .action(async (o) => {
    const t0 = performance.now();
    const r = await buildImage({
      out: resolve(o.out),
      modelPath: o.model && resolve(o.model),
      tokenizerPath: o.tokenizer && resolve(o.tokenizer),
      defaults: { mode: 'aot', prompt: o.prompt, steps: o.steps, temperature: o.temperature, topp: o.topp, seed: o.seed },
      log: (l) => console.log(l),
    });
    const ran = r.steps.filter((s) => !s.cached).length;
    console.log(ran === 0 ? 'nothing to do: every step is up to date' : `${ran} of ${r.steps.length} steps ran in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    const t = table(['part', 'lba', 'size']);
    t.push(['stage1', 0, '512 B'], ['stage2', 1, `${r.manifest.stage2Bytes} B`]);
    for (const p of r.manifest.parts) t.push([p.name, p.lba, kib(p.bytes)]);
    console.log(t.toString());
    console.log(`${relative(root, r.image)}: ${kib(r.manifest.bytes)}`);
  });

program
  .command('inspect')
  .description('list and verify the parts of an image')
  .argument('[image]', 'image path', defaultImage)
  .action((image: string) => {
    const bytes = readFileSync(image);
    const { image: img, volume, checks } = verifyImage(bytes);
    const t = table(['part', 'lba', 'sectors', 'bytes', 'crc32', 'load', 'entry']);
    for (const p of img.parts) {
      const name = p.aliasOf ? `${p.name} = ${p.aliasOf}` : p.name;
      t.push([name, p.lba, p.sectors, p.bytes, hex(p.crc32), p.loadAddr ? hex(p.loadAddr) : '', p.entry ? hex(p.entry) : '']);
    }
    console.log(`${image}: format ${img.version}, ${img.sectors} sectors`);
    console.log(t.toString());
    const v = table(['data file', 'offset', 'bytes', 'crc32']);
    for (const f of volume) v.push([f.name, f.offset, f.size, hex(f.crc32)]);
    console.log(v.toString());
    const stored = volume.find((f) => f.name === 'manifest.json');
    if (stored) {
      const data = partData(bytes, img.parts.find((p) => p.name === 'data')!);
      const m = JSON.parse(volumeFile(data, stored).toString('utf8')) as Pick<Manifest, 'model' | 'defaults' | 'files'>;
      console.log(`model: ${Object.entries(m.model).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(`defaults: ${Object.entries(m.defaults).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
      for (const f of m.files) console.log(`${f.name}: from ${f.source}, sha256 ${f.sha256}`);
    }
    const bad = checks.filter((c) => !c.ok);
    for (const c of bad) console.log(`FAIL ${c.what}: ${c.detail}`);
    console.log(bad.length === 0 ? `ok: ${checks.length} checksums verified` : `${bad.length} of ${checks.length} checks failed`);
    if (bad.length > 0) process.exitCode = 1;
  });

program
  .command('boot')
  .description('boot an image in QEMU and profile the run')
  .argument('[image]', 'image path', defaultImage)
  .addOption(new Option('--mode <mode>', 'kernel to boot').choices(['aot', 'interp']))
  .option('--prompt <text>', 'prompt')
  .option('--steps <n>', 'positions to run, prompt included', number('--steps'))
  .option('--temperature <t>', '0 = greedy', number('--temperature'))
  .option('--topp <p>', 'top-p sampling threshold', number('--topp'))
  .option('--seed <n>', 'sampling seed', number('--seed'))
  .option('--timeout <s>', 'seconds before the run is killed', number('--timeout'), 300)
  .option('--icount', 'count guest instructions (deterministic, slower)')
  .option('--gdb', 'wait for gdb on localhost:1234')
  .option('--run <name>', 'report name (default: mode and time)')
  .action(async (image: string, o) => {
    const options: Partial<BootOptions> = { mode: o.mode, prompt: o.prompt, steps: o.steps, temperature: o.temperature, topp: o.topp, seed: o.seed };
    if (o.gdb) console.log(`QEMU waits for gdb: gdb images/obj/${o.mode ?? 'aot'}/kernel.elf -ex 'target remote :1234'`);
    checkImage(image);
    const r = await boot({ image, options, timeoutMs: o.timeout * 1000, icount: o.icount, gdb: o.gdb, onText: (t) => process.stdout.write(t) });
    for (const b of r.badEvents) console.error(`warning: bad event line (${b.why}): ${b.line}`);
    if (r.events.length > 0) {
      const run = o.run ?? `${o.mode ?? 'aot'}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const p = profile(run, o.mode ?? 'aot', !!o.icount, r);
      const files = writeProfile(reportsDir, p);
      console.log('\n' + profileMarkdown(p));
      console.log(`report: ${relative(root, files.md)}, ${relative(root, files.json)}`);
    }
    console.log(describeOutcome(r) + (r.guestCode ? ` (${exitCodeName(r.guestCode)})` : ''));
    process.exitCode = r.outcome === 'exit' ? r.guestCode! : 1;
  });

program
  .command('report')
  .description('compare runs side by side (JSON, Markdown and an SVG chart in images/reports)')
  .argument('[runs...]', 'run reports (.json paths or run names); default: the newest aot and interp runs')
  .option('--name <name>', 'name of the comparison files')
  .action(async (runs: string[], o) => {
    const profiles = (runs.length > 0 ? runs.map(reportPath) : newestRunPerMode(['aot', 'interp'])).map(
      (f) => JSON.parse(readFileSync(f, 'utf8')) as Profile,
    );
    const c = compareProfiles(o.name ?? `compare-${profiles.map((p) => p.mode).join('-')}`, profiles);
    const files = await writeComparison(reportsDir, c);
    console.log(comparisonMarkdown(c));
    console.log(`report: ${relative(root, files.md)}, ${relative(root, files.json)}, ${relative(root, files.svg)}`);
  });

program
  .command('run')
  .description("run main(argc, argv) of a bitcode file under BareFlow's engine: run [--stats] [--trace FUNC] prog.bc [args...]")
  .argument('<args...>', 'engine flags, the bitcode file, then the program arguments')
  .allowUnknownOption()
  .helpOption(false)
  .action(async (args: string[]) => {
    const { bfi } = await buildEngine();
    const r = await execa(bfi, args, { stdio: 'inherit', reject: false });
    process.exitCode = r.exitCode ?? 1;
  });

program
  .command('engine')
  .description('build the engine (host CLI and interpreter.bc) and print their paths')
  .action(async () => {
    const paths = await buildEngine();
    console.log(JSON.stringify(paths));
  });

program
  .command('bench')
  .description('phase 1 benchmark: sizes, build times, guest vs host cost per token')
  .action(async () => {
    await bench();
  });

program.parseAsync().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exitCode = 1;
});
