// `bareflow run` and `bareflow engine`: the bitcode engine on the host.
// The engine (bfi) parses its own flags: bareflow passes the arguments through
// unchanged, so the engine's flags are defined, documented and checked in one
// place (interpreter/host_main.c; an unknown one exits 2 with
// "error: run: unknown option '...'").
import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { buildEngine } from '../../build/engine.ts';

// Build progress goes to stderr: stdout is the program's (`run`) or the paths' JSON (`engine`).
const progress = (line: string): void => console.error(line);

const runUsage = `Usage: bareflow run [engine flags] prog.bc [args...]

Runs main(argc, argv) of prog.bc, an i386 bitcode file, under BareFlow's engine
(images/obj/host/bfi, built first when a source changed), with args as the
program's arguments (flags after prog.bc are the program's). The exit status is
the program's, or the engine's: 9 malformed bitcode, 10 unresolved symbol,
6 memory budget, 2 bad engine flag, 7 the program faulted (a trap report names
the signal, the address and the function), 11 the engine faulted (a bug), 1 other
engine error. --jit compiles hot functions to x86. See interpreter/README.md.

--meta (first): the meta-circular run. bfi, as the bootstrap, runs the engine
itself as bitcode (images/obj/engine/interpreter.bc: reader, interpreter,
profiler and JIT), and that engine runs prog.bc with its JIT on. The engine's
JIT compiles both: the program's hot functions, and, handed to bfi at start
(bfi --jit-by-program), the engine's own (called 1,000 times, a loop taken
10,000 times: OSR; its dispatch loop too), first running interpreted, then
compiled itself. --cache DIR is the outer bfi's: it keeps the engine's compiled
functions (DIR/<interpreter.bc's CRC>.bfc), so the next run starts with them
native. The other engine flags are the inner engine's; --stats is both's.

Engine flags, as bfi lists them:
`;

/** `bareflow run --help`: bareflow's usage, then the engine's own list of flags (bfi prints it when given nothing to run). */
function printRunHelp(bfi: string): void {
  const r = spawnSync(bfi, [], { encoding: 'utf8' });
  process.stdout.write(`${runUsage}${r.stderr.trimEnd().replace(/^/gm, '  ')}\n`);
}

/** The outer bfi's threshold in `run --meta`: compiling with an interpreted JIT is dear (the dispatch loop's 8,020 IR instructions take ~10 s), so fewer, hotter functions than bfi's 100 calls. */
export const metaBootstrapThreshold = 1000;

/**
 * How `run --meta` shares out the engine flags: the outer bfi's (the bootstrap: --jit-by-program, and
 * --stats and --cache DIR, which keeps the engine's own compiled functions, interpreter.bc's, as the
 * meta kernel keeps runtime.bc's) and the inner engine's (the program's: its JIT on unless they choose).
 */
export function metaEngineFlags(flags: string[]): { outer: string[]; inner: string[] } {
  const outer = ['--jit-by-program', '--jit-threshold', String(metaBootstrapThreshold)];
  const inner: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === '--cache' && i + 1 < flags.length) outer.push(flags[i], flags[++i]);
    else inner.push(flags[i]);
  }
  if (inner.includes('--stats')) outer.push('--stats');
  return { outer, inner: inner.some((f) => f.startsWith('--jit')) ? inner : ['--jit', ...inner] };
}

/** bfi's arguments for `run --meta FLAGS prog.bc ARGS`: the outer engine's, the engine as bitcode, the inner engine's, the program and its arguments. */
export function metaArgs(interpreterBc: string, args: string[]): string[] {
  const takesValue = new Set(['--jit-threshold', '--jit-dump', '--trace', '--mem', '--stack', '--depth', '--opt', '--data', '--file', '--entry', '--events', '--cache']);
  let prog = 0;
  while (prog < args.length && args[prog].startsWith('--')) prog += takesValue.has(args[prog]) ? 2 : 1;
  if (prog >= args.length) prog = -1;
  const { outer, inner } = metaEngineFlags(prog < 0 ? args : args.slice(0, prog));
  return [...outer, interpreterBc, ...inner, ...(prog < 0 ? [] : args.slice(prog))];
}

export async function runCommand(args: string[]): Promise<void> {
  const { bfi, interpreterBc } = await buildEngine(progress);
  if (args[0] === '--help' || args[0] === '-h') {
    printRunHelp(bfi);
    return;
  }
  const child = spawn(bfi, args[0] === '--meta' ? metaArgs(interpreterBc, args.slice(1)) : args, { stdio: 'inherit' });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve([c, s]));
  });
  process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
}

export async function engineCommand(): Promise<void> {
  console.log(JSON.stringify(await buildEngine(progress)));
}
