// Turns a boot's events into a profile: boot stages, load, per-token cost,
// boot-to-first-token and tokens/s. Written as images/reports/<run>.json + .md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BootResult, GuestEvent } from './qemu.ts';

export interface StageSpan {
  stage: string;
  cycles: number;
}

/** Where the time of a run went, in the run's unit: the chart's segments. */
export interface Phases {
  boot: number; // stage1 → the application starts
  load: number; // model + tokenizer from the data volume
  bitcode: number; // reading and decoding bitcode (interp mode)
  generation: number; // forward passes and sampling, all tokens
  other: number; // the rest: printing, events, exit
}

export interface Profile {
  run: string;
  mode: string;
  icount: boolean;
  /** "cycles" are guest instructions when icount is on. */
  unit: 'cycles' | 'instructions';
  outcome: string;
  guestCode: number | null;
  wallMs: number;
  stages: StageSpan[];
  loadCycles: number | null;
  promptTokens: number[];
  tokenIds: number[];
  tokens: number;
  bootToFirstToken: number | null;
  perToken: { mean: number; min: number; max: number } | null;
  /** Guest TSC ticks per host second, estimated from the run (null under icount). */
  tscHz: number | null;
  tokensPerSecond: number | null;
  phases: Phases | null;
}

const num = (e: GuestEvent, k: string): number => e[k] as number;

export function profile(run: string, mode: string, icount: boolean, r: BootResult): Profile {
  const boots = r.events.filter((e) => e.ev === 'boot');
  const stages: StageSpan[] = boots.slice(1).map((e, i) => ({ stage: `${boots[i].stage}→${e.stage}`, cycles: num(e, 'tsc') - num(boots[i], 'tsc') }));
  const load = r.events.find((e) => e.ev === 'load');
  const tokens = r.events.filter((e) => e.ev === 'token');
  const costs = tokens.map((t) => num(t, 'tsc_end') - num(t, 'tsc_start'));
  const start = boots[0] ? num(boots[0], 'tsc') : null;
  const exit = r.events.find((e) => e.ev === 'exit');
  const span = start !== null && exit ? num(exit, 'tsc') - start : null;
  // Without icount the guest TSC follows host time; QEMU's own start-up (~30 ms) is outside the span.
  const tscHz = !icount && span ? span / (Math.max(r.wallMs - 30, 1) / 1000) : null;
  const genCycles = costs.reduce((a, b) => a + b, 0);
  const loadCycles = load ? num(load, 'tsc_end') - num(load, 'tsc_start') : null;
  const bitcode = r.events.filter((e) => e.ev === 'bitcode').reduce((sum, e) => sum + num(e, 'tsc_end') - num(e, 'tsc_start'), 0);
  const bootCycles = stages.reduce((sum, s) => sum + s.cycles, 0);
  const phases: Phases | null =
    span === null ? null : { boot: bootCycles, load: loadCycles ?? 0, bitcode, generation: genCycles, other: span - bootCycles - (loadCycles ?? 0) - bitcode - genCycles };
  return {
    run,
    mode,
    icount,
    unit: icount ? 'instructions' : 'cycles',
    outcome: r.outcome,
    guestCode: r.guestCode,
    wallMs: Math.round(r.wallMs),
    stages,
    loadCycles,
    promptTokens: (r.events.find((e) => e.ev === 'prompt')?.tokens as number[]) ?? [],
    tokenIds: tokens.map((t) => num(t, 'id')),
    tokens: tokens.length,
    bootToFirstToken: start !== null && tokens[0] ? num(tokens[0], 'tsc_end') - start : null,
    perToken: costs.length ? { mean: Math.round(genCycles / costs.length), min: Math.min(...costs), max: Math.max(...costs) } : null,
    tscHz,
    tokensPerSecond: tscHz && genCycles ? costs.length / (genCycles / tscHz) : null,
    phases,
  };
}

const fmt = (n: number | null): string => (n === null ? '–' : n.toLocaleString('en-US'));

export function profileMarkdown(p: Profile): string {
  const ms = (c: number | null): string => (c !== null && p.tscHz ? ` (${((c / p.tscHz) * 1000).toFixed(1)} ms)` : '');
  return [
    `# BareFlow run ${p.run}`,
    '',
    `mode **${p.mode}**, ${p.icount ? 'icount (figures are guest instructions)' : 'TCG, figures are guest TSC cycles'}; outcome ${p.outcome}, guest code ${p.guestCode}; wall ${p.wallMs} ms`,
    '',
    '| measure | value |',
    '|---|---|',
    `| boot to first token | ${fmt(p.bootToFirstToken)} ${p.unit}${ms(p.bootToFirstToken)} |`,
    `| model + tokenizer load | ${fmt(p.loadCycles)} ${p.unit}${ms(p.loadCycles)} |`,
    `| tokens | ${p.tokens} |`,
    `| ${p.unit}/token (mean, min, max) | ${p.perToken ? `${fmt(p.perToken.mean)}, ${fmt(p.perToken.min)}, ${fmt(p.perToken.max)}` : '–'} |`,
    `| tokens/s | ${p.tokensPerSecond === null ? '–' : p.tokensPerSecond.toFixed(1)} |`,
    '',
    '| boot stage | ' + p.unit + ' |',
    '|---|---|',
    ...p.stages.map((s) => `| ${s.stage} | ${fmt(s.cycles)}${ms(s.cycles)} |`),
    '',
  ].join('\n');
}

export function writeProfile(dir: string, p: Profile): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `${p.run}.json`);
  const md = join(dir, `${p.run}.md`);
  writeFileSync(json, JSON.stringify(p, null, 2) + '\n');
  writeFileSync(md, profileMarkdown(p));
  return { json, md };
}
