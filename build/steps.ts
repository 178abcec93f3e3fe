// The build is a list of steps, each declaring the files it reads and writes.
// From that alone come ordering (a step waits for the steps producing its
// inputs), parallelism, incremental rebuilds (a step reruns only when the hash
// of its inputs, tool versions and flags changed, or an output is missing) and
// progress lines.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative } from 'node:path';
import { root } from './paths.ts';
import { toolVersion } from './toolchain.ts';

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
  cached: boolean;
  ms: number;
}

export interface RunOptions {
  stateFile: string;
  jobs?: number;
  log?: (line: string) => void;
}

type State = Record<string, string>;

function readState(file: string): State {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as State;
  } catch {
    return {};
  }
}

async function stepHash(step: Step): Promise<string> {
  const h = createHash('sha256');
  h.update(JSON.stringify({ name: step.name, key: step.key ?? null, outputs: step.outputs.map((o) => relative(root, o)) }));
  for (const tool of step.tools ?? []) h.update(`tool ${tool} ${await toolVersion(tool)}\n`);
  for (const input of step.inputs) {
    h.update(`input ${relative(root, input)}\n`);
    h.update(readFileSync(input));
  }
  return h.digest('hex');
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
  const jobs = opts.jobs ?? availableParallelism();
  const log = opts.log ?? (() => {});
  const done = new Map<Step, Promise<StepResult>>();
  const width = String(steps.length).length;
  let finished = 0;
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

  const saveState = (): void => {
    mkdirSync(dirname(opts.stateFile), { recursive: true });
    writeFileSync(opts.stateFile, JSON.stringify(state, null, 1));
  };

  const runOne = async (step: Step): Promise<StepResult> => {
    await Promise.all(deps.get(step)!.map(start));
    await slot();
    const t0 = performance.now();
    let cached = false;
    try {
      const hash = await stepHash(step);
      cached = state[step.name] === hash && step.outputs.every((o) => existsSync(o));
      if (!cached) {
        delete state[step.name];
        for (const o of step.outputs) mkdirSync(dirname(o), { recursive: true });
        try {
          await step.run();
        } catch (err) {
          for (const o of step.outputs) rmSync(o, { force: true });
          throw err;
        }
        state[step.name] = hash;
        saveState();
      }
    } finally {
      release();
    }
    const ms = performance.now() - t0;
    finished++;
    const what = cached ? 'cached' : `${(ms / 1000).toFixed(2)}s`;
    log(`[${String(finished).padStart(width)}/${steps.length}] ${step.name.padEnd(44)} ${what}`);
    return { name: step.name, cached, ms };
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
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return results.map((r) => (r as PromiseFulfilledResult<StepResult>).value);
}
