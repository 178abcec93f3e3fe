// The bareflow command line: parses arguments and hands each command to its module in
// scripts/commands/, imported only when that command runs (the heavy libraries — vega,
// llvm-bindings, ajv — load only where they are used, so `--help` starts fast).
// Each command exits non-zero with a one-line "error: ..." when something is wrong.
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { bootModes, defaultBootOptions } from '../build/options.ts';
import { defaultImage, fromRoot } from '../build/paths.ts';

function number(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number`);
    return n;
  };
}

const { version } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };
const program = new Command('bareflow').description('Build and boot BareFlow unikernel images').version(version, '-V, --version', 'print the version').showHelpAfterError();

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
  .action(async (o) => (await import('./commands/image.ts')).imageCommand(o));

program
  .command('inspect')
  .description('list and verify the parts of an image')
  .argument('[image]', 'image path', defaultImage)
  .action(async (image: string) => (await import('./commands/inspect.ts')).inspectCommand(image));

program
  .command('cache')
  .description("show or clear the image's native-code cache (the jit kernel's two slots)")
  .addArgument(new Argument('<action>', 'show: list both slots; clear: empty them (the next jit boot is cold)').choices(['show', 'clear']))
  .argument('[image]', 'image path', defaultImage)
  .action(async (action: 'show' | 'clear', image: string) => (await import('./commands/cache.ts')).cacheCommand(action, image));

program
  .command('boot')
  .description('boot an image in QEMU and profile the run')
  .argument('[image]', 'image path', defaultImage)
  .addOption(new Option('--mode <mode>', 'kernel to boot').choices(bootModes))
  .option('--prompt <text>', 'prompt')
  .option('--steps <n>', 'positions to run, prompt included', number('--steps'))
  .option('--temperature <t>', '0 = greedy', number('--temperature'))
  .option('--topp <p>', 'top-p sampling threshold', number('--topp'))
  .option('--seed <n>', 'sampling seed', number('--seed'))
  .option('--jit-threshold <n>', 'jit mode: calls before a function is compiled (default 100; 0: at its first call)', number('--jit-threshold'))
  .option('--runtime-loop-threshold <n>', "meta mode: back-edges of a loop of runtime.bc before it is entered compiled (default 300000; its dispatch loop is one loop)", number('--runtime-loop-threshold'))
  .option('--jit-layers <list>', "jit and meta modes: the layers whose functions get compiled, of runtime (meta: runtime.bc's own) and app (tinyllama's), comma-separated (default: all)")
  .option('--timeout <s>', 'seconds before the run is killed (0: no limit)', number('--timeout'), 300)
  .option('--icount', 'count guest instructions (deterministic, slower)')
  .option('--gdb', 'wait for gdb on localhost:1234')
  .option('--snapshot', "don't write the image (jit and meta modes write their native-code cache into it otherwise)")
  .option('--run <name>', 'report name, new, without / \\ or .. (default: mode and time)')
  .action(async (image: string, o) => (await import('./commands/boot.ts')).bootCommand(image, o));

program
  .command('report')
  .description('compare runs side by side (JSON, Markdown and an SVG chart in images/reports)')
  .argument('[runs...]', 'run reports (.json paths or run names); default: the newest successful aot and interp runs (-icount ones if both modes have one), and the newest jit run of the same kind if there is one')
  .option('--name <name>', 'name of the comparison files')
  .action(async (runs: string[], o) => (await import('./commands/report.ts')).reportCommand(runs, o));

program
  .command('runs')
  .description('list the runs in images/reports: mode, date, outcome, steps, icount, speed')
  .action(async () => (await import('./commands/runs.ts')).runsCommand());

program
  .command('run')
  .description("run main(argc, argv) of an i386 bitcode file under BareFlow's engine (run --help lists the engine's flags)")
  .argument('<args...>', 'engine flags, the bitcode file, then the program arguments')
  .allowUnknownOption()
  .helpOption(false)
  .action(async (args: string[]) => (await import('./commands/run.ts')).runCommand(args));

program
  .command('engine')
  .description('build the engine (host CLI and interpreter.bc) and print their paths')
  .action(async () => (await import('./commands/run.ts')).engineCommand());

program
  .command('bench')
  .description('phase 1 benchmark: sizes, build times, guest vs host cost per token')
  .action(async () => (await import('../build/bench.ts')).bench());

program.parseAsync().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exitCode = 1;
});
