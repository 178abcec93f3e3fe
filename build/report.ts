// Turns a boot's events into a profile: what ran (options, image and model hashes),
// where the time went (every cycle from stage1 to exit in one phase), the cost of
// each token, boot-to-first-token and tokens/s. Written as images/reports/<run>.json + .md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BootOptions } from './options.ts';
import type { BootResult, GuestEvent } from './qemu.ts';
import { table } from './table.ts';
import { summaryTokens, timeline, type Timeline } from './timeline.ts';

/** What a run ran: the options in effect (the boot's, else the image's defaults) and what it booted. */
export interface RunConfig extends BootOptions {
  icount: boolean;
  gdb: boolean;
  image: string;
  /** sha256 of the image file before the boot, its cache part left out (boots rewrite it). */
  imageSha256: string;
  /** sha256 of model.bin, from the manifest in the image's data volume (null if the image has none). */
  modelSha256: string | null;
}

export interface StageSpan {
  stage: string;
  cycles: number;
}

/** Where the time of a run went, in the run's unit: every stamp from stage1 to exit falls in exactly one. */
export interface Phases {
  boot: number;
  bitcode: number;
  cache: number;
  load: number;
  setup: number;
  generation: number;
  output: number;
  exit: number;
}

export const phaseNames = ['boot', 'bitcode', 'cache', 'load', 'setup', 'generation', 'output', 'exit'] as const;

/** What each phase holds, for the reports. */
export const phaseMeaning: Record<keyof Phases, string> = {
  boot: 'stage1 → the application starts (stage2, kernel load, kmain: memory map, paging, serial, disk)',
  bitcode: 'reading and decoding tinyllama.bc (interp and jit modes)',
  cache: 'jit mode: reading both cache slot headers, then the chosen slot, verifying it (checksums, key, every record) and installing its code',
  load: 'model and tokenizer from the data volume (in interp and jit modes, interpreted, with functions decoded lazily; jit compiles what gets hot)',
  setup: 'the rest before the first forward pass: options, engine set-up, prompt encoding and its event',
  generation: 'forward passes and sampling, every position (the prompt’s too; in interp and jit modes the first also decodes the functions it calls, and jit compiles hot functions as they get hot: its compile events)',
  output: 'between forward passes: decoding and printing each token (COM1) and its event line (COM2)',
  exit: 'after the last forward pass: the final newline, the done event, freeing (jit mode: saving new compiled code to a cache slot), the exit event',
};

/** jit and meta modes: the native-code cache at start (the `cache` event; meta: tinyllama's layer) and at the end (`cache_write`), and what the JIT compiled (meta: both layers). */
export interface JitFigures {
  /** warm: the boot started with a cache it loaded; cold: it did not (empty, stale or corrupt). */
  start: 'cold' | 'warm';
  cache: { state: string; why: string; slot: string | null; functions: number; bytes: number; cycles: number; diskCycles: number | null };
  /** names: meta mode prefixes each with its layer (app:forward). */
  compiles: { count: number; cycles: number; bytes: number; names: string[] };
  cacheWrite: { state: string; slot: string; seq: number; functions: number; bytes: number; cycles: number } | null;
}

export interface Profile {
  kind: 'bareflow-run';
  run: string;
  /** When the boot started (ISO 8601). */
  date: string;
  config: RunConfig;
  /** "cycles" are guest TSC cycles (following host time under TCG); "instructions" under -icount. */
  unit: 'cycles' | 'instructions';
  outcome: string;
  guestCode: number | null;
  wallMs: number;
  stages: StageSpan[];
  loadCycles: number | null;
  promptTokens: number[];
  tokenIds: number[];
  tokens: number;
  /** The forward pass of each position, in order: the per-token chart. */
  tokenCosts: number[];
  bootToFirstToken: number | null;
  /** Boot to first token split like `phases` (its generation is the first forward pass). */
  firstToken: Phases | null;
  /** Over the positions whose input token was generated, not given by the prompt: pos ≥ fromPos. */
  perToken: { fromPos: number; count: number; mean: number; min: number; max: number } | null;
  /** Guest TSC ticks per second: the host's TSC rate (null under icount, where the TSC counts instructions). */
  tscHz: number | null;
  tokensPerSecond: number | null;
  phases: Phases | null;
  /** jit mode (a kernel with the cache): cold or warm start, cache and compile figures; null otherwise. */
  jit?: JitFigures | null;
  /** jit and meta modes: where each token's instructions went (interpreting, native, compiling; meta: by layer); null otherwise. */
  timeline?: Timeline | null;
}

/** What a run is in a comparison: its mode, and for jit runs with a cache event whether it started cold or warm. */
export const runKind = (p: Pick<Profile, 'config' | 'jit'>): string => (p.jit ? `${p.config.mode}-${p.jit.start}` : p.config.mode);

/** The events of tinyllama's layer: all in jit mode, those without `layer: runtime` in meta mode (runtime.bc's own code has a cache too). */
const appLayer = (e: GuestEvent): boolean => e.layer !== 'runtime';

function jitFigures(events: GuestEvent[]): JitFigures | null {
  const c = events.find((e) => e.ev === 'cache' && appLayer(e));
  if (!c) return null;
  const compiled = events.filter((e) => e.ev === 'compile');
  const w = events.find((e) => e.ev === 'cache_write' && appLayer(e));
  return {
    // warm: every layer's code came from the cache (a meta boot's runtime layer too)
    start: events.filter((e) => e.ev === 'cache').every((e) => e.state === 'loaded') ? 'warm' : 'cold',
    cache: {
      state: c.state as string,
      why: c.why as string,
      slot: (c.slot as string | undefined) ?? null,
      functions: num(c, 'functions'),
      bytes: num(c, 'bytes'),
      cycles: num(c, 'cycles'),
      diskCycles: (c.disk_cycles as number | undefined) ?? null,
    },
    compiles: { count: compiled.length, cycles: sum(compiled.map((e) => num(e, 'cycles'))), bytes: sum(compiled.map((e) => num(e, 'bytes'))), names: compiled.map((e) => (e.layer ? `${e.layer as string}:` : '') + (e.name as string)) },
    cacheWrite: w
      ? { state: w.state as string, slot: w.slot as string, seq: num(w, 'seq'), functions: num(w, 'functions'), bytes: num(w, 'bytes'), cycles: num(w, 'cycles') }
      : null,
  };
}

const num = (e: GuestEvent, k: string): number => e[k] as number;
const spans = (events: GuestEvent[]): number => events.reduce((sum, e) => sum + num(e, 'tsc_end') - num(e, 'tsc_start'), 0);
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** `tscHz`: the guest TSC's rate (hostTscHz()) for a run without -icount, to show milliseconds. */
export function profile(run: { run: string; date: string; config: RunConfig; tscHz: number | null }, r: BootResult): Profile {
  const { icount } = run.config;
  const tscHz = icount ? null : run.tscHz;
  const boots = r.events.filter((e) => e.ev === 'boot');
  const stages: StageSpan[] = boots.slice(1).map((e, i) => ({ stage: `${boots[i].stage}→${e.stage}`, cycles: num(e, 'tsc') - num(boots[i], 'tsc') }));
  const load = r.events.find((e) => e.ev === 'load');
  const tokens = r.events.filter((e) => e.ev === 'token');
  const tokenCosts = tokens.map((t) => num(t, 'tsc_end') - num(t, 'tsc_start'));
  const promptTokens = (r.events.find((e) => e.ev === 'prompt')?.tokens as number[]) ?? [];
  const start = boots[0] ? num(boots[0], 'tsc') : null;
  const exit = r.events.find((e) => e.ev === 'exit');
  const loadCycles = load ? spans([load]) : null;

  let phases: Phases | null = null;
  let firstToken: Phases | null = null;
  if (start !== null && tokens.length > 0) {
    const boot = num(boots.at(-1)!, 'tsc') - start;
    const bitcode = spans(r.events.filter((e) => e.ev === 'bitcode'));
    const cache = spans(r.events.filter((e) => e.ev === 'cache'));
    const firstStart = num(tokens[0], 'tsc_start');
    const lastEnd = num(tokens.at(-1)!, 'tsc_end');
    const before = { boot, bitcode, cache, load: loadCycles ?? 0, setup: firstStart - start - boot - bitcode - cache - (loadCycles ?? 0) };
    firstToken = { ...before, generation: tokenCosts[0], output: 0, exit: 0 };
    if (exit) {
      const generation = sum(tokenCosts);
      phases = { ...before, generation, output: lastEnd - firstStart - generation, exit: num(exit, 'tsc') - lastEnd };
    }
  }

  const generated = tokens.filter((t) => num(t, 'pos') >= promptTokens.length).map((t) => num(t, 'tsc_end') - num(t, 'tsc_start'));
  const generatedCycles = sum(generated);
  return {
    kind: 'bareflow-run',
    run: run.run,
    date: run.date,
    config: run.config,
    unit: icount ? 'instructions' : 'cycles',
    outcome: r.outcome,
    guestCode: r.guestCode,
    wallMs: Math.round(r.wallMs),
    stages,
    loadCycles,
    promptTokens,
    tokenIds: tokens.map((t) => num(t, 'id')),
    tokens: tokens.length,
    tokenCosts,
    bootToFirstToken: start !== null && tokens[0] ? num(tokens[0], 'tsc_end') - start : null,
    firstToken,
    perToken: generated.length
      ? { fromPos: promptTokens.length, count: generated.length, mean: Math.round(generatedCycles / generated.length), min: Math.min(...generated), max: Math.max(...generated) }
      : null,
    tscHz,
    tokensPerSecond: tscHz && generatedCycles ? generated.length / (generatedCycles / tscHz) : null,
    phases,
    jit: jitFigures(r.events),
    timeline: timeline(r.events),
  };
}

export const fmt = (n: number | null, digits = 0): string => (n === null ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits }));

/** "1,234,567 (12.3 ms)", or with `unit` "1,234,567 cycles (12.3 ms)": milliseconds where the unit follows host time. */
export function amount(n: number | null, tscHz: number | null, unit?: string): string {
  if (n === null) return '–';
  const figure = unit ? `${fmt(n)} ${unit}` : fmt(n);
  return tscHz ? `${figure} (${((n / tscHz) * 1000).toFixed(1)} ms)` : figure;
}

/** What the figures of a run count, in a sentence. */
export function unitNote(unit: Profile['unit']): string {
  return unit === 'instructions'
    ? 'guest instructions, counted under -icount (deterministic)'
    : "guest TSC cycles, which follow host time under TCG without -icount (about ±40% between runs); ms at the host's TSC rate";
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** The profile as rows of (measure, value): the terminal table and the Markdown table show the same. */
function summaryRows(p: Profile): [string, string][] {
  const c = p.config;
  const u = p.unit;
  return [
    ['mode', c.mode],
    ['prompt', JSON.stringify(c.prompt)],
    ['steps, temperature, top-p, seed', `${c.steps}, ${c.temperature}, ${c.topp}, ${c.seed}`],
    ['icount, gdb', `${yesNo(c.icount)}, ${yesNo(c.gdb)}`],
    ['image', `${c.image} (sha256 ${c.imageSha256.slice(0, 16)}…)`],
    ['model sha256', c.modelSha256 ? `${c.modelSha256.slice(0, 16)}…` : '– (the image stores no manifest)'],
    ['outcome', `${p.outcome}, guest code ${p.guestCode ?? '–'}, wall ${p.wallMs} ms`],
    [`boot to first token (${u})`, amount(p.bootToFirstToken, p.tscHz)],
    [`model + tokenizer load (${u})`, amount(p.loadCycles, p.tscHz)],
    ['guest TSC rate', p.tscHz ? `${(p.tscHz / 1e6).toFixed(0)} MHz (the host's, from /proc/cpuinfo)` : '– (no ms: under -icount the TSC counts instructions)'],
    ['tokens', String(p.tokens)],
    [
      p.perToken ? `${u}/token, positions ≥ ${p.perToken.fromPos} (mean, min, max)` : `${u}/token`,
      p.perToken ? `${amount(p.perToken.mean, p.tscHz)}, ${fmt(p.perToken.min)}, ${fmt(p.perToken.max)}` : '– (no position after the prompt)',
    ],
    ...jitRows(p),
    ['tokens/s', p.tokensPerSecond === null ? (p.config.icount ? '– (under -icount the TSC counts instructions, not time)' : '–') : p.tokensPerSecond.toFixed(1)],
  ];
}

function jitRows(p: Profile): [string, string][] {
  const j = p.jit;
  if (!j) return [];
  const c = j.cache;
  const w = j.cacheWrite;
  return [
    ['start', `${j.start} (cache ${c.state}${c.slot ? `, slot ${c.slot}` : ''}: ${c.why})`],
    [`cache load + verify (${p.unit})`, c.state === 'loaded' ? `${amount(c.cycles, p.tscHz)} for ${c.functions} functions, ${fmt(c.bytes)} bytes (disk ${fmt(c.diskCycles)})` : `${amount(c.cycles, p.tscHz)} (nothing loaded)`],
    [`compiles (${p.unit})`, `${j.compiles.count}${j.compiles.count ? ` (${j.compiles.names.join(', ')}): ${fmt(j.compiles.bytes)} bytes of code in ${amount(j.compiles.cycles, p.tscHz)}` : ''}`],
    ['cache write', w ? `${w.state}: slot ${w.slot}, seq ${w.seq}, ${w.functions} functions, ${fmt(w.bytes)} bytes in ${amount(w.cycles, p.tscHz)} ${p.unit}` : '– (nothing new compiled)'],
  ];
}

/** The timeline at a few tokens (1, 2, 3, 4, powers of two, the last): token, each category, the total. */
export function timelineRows(t: Timeline, tscHz: number | null): string[][] {
  return summaryTokens(t).map((k) => {
    const amounts = t.rows.find((r) => r.token === k)!.amounts;
    return [String(k), ...amounts.map((n) => amount(n, tscHz)), amount(amounts.reduce((a, b) => a + b, 0), tscHz)];
  });
}

export const timelineHead = (t: Timeline, unit: Profile['unit']): string[] => ['token', ...t.categories, `total (${unit})`];

const phaseRows = (p: Profile): [string, string, string][] =>
  p.phases ? phaseNames.map((k) => [k, amount(p.phases![k], p.tscHz), phaseMeaning[k]]) : [];

export function profileMarkdown(p: Profile): string {
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    `# BareFlow run ${p.run}`,
    '',
    `${p.date}. Figures are ${unitNote(p.unit)}.`,
    '',
    '| measure | value |',
    '|---|---|',
    ...summaryRows(p).map(row),
    '',
    `| phase | ${p.unit} | what it holds |`,
    '|---|---|---|',
    ...phaseRows(p).map(row),
    '',
    `| boot stage | ${p.unit} |`,
    '|---|---|',
    ...p.stages.map((s) => row([s.stage, amount(s.cycles, p.tscHz)])),
    '',
    ...(p.timeline
      ? [
          `Where each token's ${p.unit} went (from the token event before it; token 1: since the engine started):`,
          '',
          row(timelineHead(p.timeline, p.unit)),
          row(timelineHead(p.timeline, p.unit).map(() => '---')),
          ...timelineRows(p.timeline, p.tscHz).map(row),
          '',
        ]
      : []),
  ].join('\n');
}

/** The same summary as plain tables, for the terminal. */
export function profileText(p: Profile): string {
  const summary = table(['measure', 'value']);
  summary.push(...summaryRows(p));
  const phases = table(['phase', p.unit]);
  phases.push(...phaseRows(p).map(([k, v]) => [k, v]));
  const tables = [summary.toString(), phases.toString()];
  if (p.timeline) {
    const t = table(timelineHead(p.timeline, p.unit));
    t.push(...timelineRows(p.timeline, p.tscHz));
    tables.push(t.toString());
  }
  return [`run ${p.run}: figures are ${unitNote(p.unit)}`, ...tables].join('\n');
}

/** Writes <run>.json and <run>.md; never over an existing run. */
export function writeProfile(dir: string, p: Profile): { json: string; md: string } {
  const json = join(dir, `${p.run}.json`);
  const md = join(dir, `${p.run}.md`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(json, JSON.stringify(p, null, 2) + '\n', { flag: 'wx' });
  writeFileSync(md, profileMarkdown(p));
  return { json, md };
}
