// The build is a list of steps, each declaring the files it reads and writes.
// From that alone come ordering (a step waits for the steps producing its
// inputs), parallelism, incremental rebuilds (a step reruns only when its key —
// the hash of its inputs, tool versions and flags — changed, or an output is
// missing), a cache of earlier results by key (undoing a change copies the old
// outputs back instead of rerunning) and progress lines.
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { root } from './paths.ts';
import { FileDigests } from './file-digests.ts';
import { ToolVersions } from './toolchain.ts';
import { writeAtomic } from './write-atomic.ts';

export interface Step {
  name: string;
  inputs: string[];
  outputs: string[];
  /** Executables whose `--version` enters the cache key. */
  tools?: string[];
  /** Anything else the result depends on: flags, options. */
  key?: unknown;
  run(): Promise<void>;
}

export interface StepResult {
  name: string;
  /** The step did not run: its outputs were up to date, or restored from the cache. */
  cached: boolean;
  /** Its outputs were copied back from an earlier result with the same key. */
  restored: boolean;
  ms: number;
}

export interface RunOptions {
  /** The steps' state (JSON); tools.json, digests.json and the cache/ of earlier results go next to it. */
  stateFile: string;
  jobs?: number;
  log?: (line: string) => void;
}

/** Results kept in the cache per step, the current one included. */
export const keptResults = 4;

interface StepState {
  /** The key whose result the outputs hold; absent while they are being rewritten. */
  now?: string;
  /** Keys whose results are in the cache, newest first. */
  kept: string[];
}

type State = Record<string, StepState>;

function readState(file: string): State {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as State;
  } catch {
    return {};
  }
}

async function stepHash(step: Step, versions: ToolVersions, digests: FileDigests): Promise<string> {
  const h = createHash('sha256');
  h.update(JSON.stringify({ name: step.name, key: step.key ?? null, outputs: step.outputs.map((o) => relative(root, o)) }));
  for (const tool of step.tools ?? []) h.update(`tool ${tool} ${await versions.version(tool)}\n`);
  for (const input of step.inputs) h.update(`input ${relative(root, input)} ${digests.digest(input)}\n`);
  return h.digest('hex');
}

// A result in the cache: cache/<key>/<n>-<name>, one file per output.
const cachedFile = (dir: string, output: string, n: number): string => join(dir, `${n}-${basename(output)}`);

/** Copies a step's outputs into `dir`, whole or not at all. */
function storeResult(dir: string, outputs: string[]): void {
  if (existsSync(dir) || !outputs.every((o) => existsSync(o))) return;
  const tmp = `${dir}.${process.pid}.tmp`;
  mkdirSync(tmp, { recursive: true });
  outputs.forEach((o, n) => copyFileSync(o, cachedFile(tmp, o, n), constants.COPYFILE_FICLONE));
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another build stored the same result first
  }
}

/** Copies a cached result back over the outputs; false when there is none. */
function restoreResult(dir: string, outputs: string[]): boolean {
  if (!existsSync(dir)) return false;
  try {
    outputs.forEach((o, n) => {
      // Through a rename: an output may be a program that is running (e.g. bfi).
      const tmp = `${o}.${process.pid}.tmp`;
      copyFileSync(cachedFile(dir, o, n), tmp, constants.COPYFILE_FICLONE);
      renameSync(tmp, o);
    });
    return true;
  } catch {
    return false; // evicted meanwhile: the step runs
  }
}

function checkGraph(steps: Step[]): Map<Step, Step[]> {
  const producer = new Map<string, Step>();
  for (const s of steps) {
    for (const o of s.outputs) {
      const other = producer.get(o);
      if (other) throw new Error(`build: '${o}' is an output of both '${other.name}' and '${s.name}'`);
      producer.set(o, s);
    }
  }
  const deps = new Map<Step, Step[]>();
  for (const s of steps) {
    const before = s.inputs.map((i) => producer.get(i)).filter((p): p is Step => p !== undefined);
    for (const i of s.inputs) {
      if (!producer.has(i) && !existsSync(i)) throw new Error(`build: step '${s.name}' needs ${relative(root, i)}, which does not exist`);
    }
    deps.set(s, [...new Set(before)]);
  }
  return deps;
}

/** The steps needed to produce `targets`: their producers, and those producers' producers. */
export function stepsFor(steps: Step[], targets: string[]): Step[] {
  const producer = new Map(steps.flatMap((s) => s.outputs.map((o) => [o, s] as const)));
  const needed = new Set<Step>();
  const visit = (file: string): void => {
    const s = producer.get(file);
    if (!s || needed.has(s)) return;
    needed.add(s);
    s.inputs.forEach(visit);
  };
  targets.forEach(visit);
  return steps.filter((s) => needed.has(s));
}

export async function runSteps(steps: Step[], opts: RunOptions): Promise<StepResult[]> {
  const deps = checkGraph(steps);
  const state = readState(opts.stateFile);
  const versions = new ToolVersions(join(dirname(opts.stateFile), 'tools.json'));
  const digests = new FileDigests(join(dirname(opts.stateFile), 'digests.json'));
  const cacheDir = join(dirname(opts.stateFile), 'cache');
  const jobs = opts.jobs ?? availableParallelism();
  const log = opts.log ?? (() => {});
  const done = new Map<Step, Promise<StepResult>>();
  const counter = (n: number): string => `[${String(n).padStart(String(steps.length).length)}/${steps.length}]`;
  let finished = 0;
  let upToDate = 0;
  let running = 0;
  const waiting: (() => void)[] = [];

  const slot = async (): Promise<void> => {
    if (running < jobs) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  const saveState = (): void => writeAtomic(opts.stateFile, JSON.stringify(state, null, 1));

  /** Brings the step's outputs to `key`: from the cache when it holds that result, else by running it. */
  const produce = async (step: Step, key: string): Promise<boolean> => {
    const kept = state[step.name]?.kept ?? [];
    state[step.name] = { kept }; // the outputs are about to change
    saveState();
    const dir = join(cacheDir, key);
    for (const o of step.outputs) mkdirSync(dirname(o), { recursive: true });
    const restored = restoreResult(dir, step.outputs);
    if (!restored) {
      log(`${' '.repeat(counter(0).length)} ${step.name} ...`);
      try {
        await step.run();
      } catch (err) {
        for (const o of step.outputs) rmSync(o, { force: true });
        throw err;
      }
      storeResult(dir, step.outputs);
    }
    const keys = [key, ...kept.filter((k) => k !== key)];
    for (const old of keys.slice(keptResults)) rmSync(join(cacheDir, old), { recursive: true, force: true });
    state[step.name] = { now: key, kept: keys.slice(0, keptResults) };
    saveState();
    return restored;
  };

  const runOne = async (step: Step): Promise<StepResult> => {
    await Promise.all(deps.get(step)!.map(start));
    await slot();
    const t0 = performance.now();
    let cached: boolean;
    let restored = false;
    try {
      const key = await stepHash(step, versions, digests);
      cached = state[step.name]?.now === key && step.outputs.every((o) => existsSync(o));
      if (!cached) cached = restored = await produce(step, key);
    } finally {
      release();
    }
    const ms = performance.now() - t0;
    finished++;
    if (cached && !restored) upToDate++;
    else log(`${counter(finished)} ${step.name.padEnd(44)} ${restored ? 'restored' : `${(ms / 1000).toFixed(2)}s`}`);
    return { name: step.name, cached, restored, ms };
  };

  const start = (step: Step): Promise<StepResult> => {
    let p = done.get(step);
    if (!p) {
      p = runOne(step);
      done.set(step, p);
    }
    return p;
  };

  const results = await Promise.allSettled(steps.map(start));
  digests.save();
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  // When nothing ran, the caller says so its own way (a no-op `bareflow run` prints nothing).
  if (upToDate > 0 && upToDate < steps.length) log(`${upToDate} step${upToDate === 1 ? '' : 's'} up to date`);
  return results.map((r) => (r as PromiseFulfilledResult<StepResult>).value);
}
