// `bareflow report`: runs side by side (AOT vs interp vs jit, later cold vs warm): which runs,
// in which unit, what differs between them; JSON + Markdown + an SVG chart (boot to
// first token, the whole run by phase, and the cost of each token by position).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { reportsDir } from './paths.ts';
import { amount, fmt, phaseMeaning, phaseNames, runKind, timelineHead, timelineRows, unitNote, type JitFigures, type Phases, type Profile, type RunConfig } from './report.ts';
import { listRuns, succeeded } from './runs.ts';
import { table } from './table.ts';
import type { Timeline } from './timeline.ts';

export interface RunSummary {
  run: string;
  mode: string;
  /** The mode, and for jit runs whether they started cold or warm ('jit-cold', 'jit-warm'). */
  kind: string;
  jit: JitFigures | null;
  unit: Profile['unit'];
  tscHz: number | null;
  bootToFirstToken: number | null;
  firstToken: Phases | null;
  /** Mean over the positions after the prompt (from perTokenFromPos on). */
  perToken: number | null;
  perTokenFromPos: number | null;
  tokensPerSecond: number | null;
  tokens: number;
  phases: Phases | null;
  tokenCosts: number[];
  /** jit and meta runs: where each token's instructions went. */
  timeline: Timeline | null;
}

export interface Ratio {
  run: string;
  /** The first run measured in the same unit. */
  against: string;
  perToken: number | null;
  bootToFirstToken: number | null;
}

export interface Comparison {
  kind: 'bareflow-comparison';
  name: string;
  /** How the runs were picked, when they were not given. */
  selection: string | null;
  /** The options, image and model every run shares. */
  shared: string;
  units: Profile['unit'][];
  runs: RunSummary[];
  ratios: Ratio[];
  sameTokens: boolean;
  warnings: string[];
}

/** A run given by name (images/reports/<name>.json) or by path. */
export function reportPath(run: string): string {
  const path = existsSync(run) ? run : join(reportsDir, `${run}.json`);
  if (!existsSync(path)) throw new Error(`report: no run '${run}' (looked for ${path})`);
  return path;
}

/**
 * The newest run of each mode that exited 0 without --gdb: -icount runs when every mode
 * has one (instruction counts compare; host-time cycles barely do), else runs without.
 * An `optional` mode joins when it has such a run of the same kind. A mode is a run's kind:
 * 'jit-cold' and 'jit-warm' are jit runs that started without and with a loaded cache.
 */
export function defaultRuns(dir: string, modes: string[], optional: string[] = []): { profiles: Profile[]; selection: string } {
  const ok = listRuns(dir).runs.filter(succeeded);
  const newest = (mode: string, icount?: boolean): Profile | undefined =>
    ok.filter((p) => (runKind(p) === mode || p.config.mode === mode) && (icount === undefined || p.config.icount === icount)).at(-1);
  const icount = modes.every((m) => newest(m, true)) ? true : modes.every((m) => newest(m, false)) ? false : undefined;
  const profiles = modes.map((mode) => {
    const p = newest(mode, icount);
    if (!p) throw new Error(`report: no ${mode} run in ${dir} that exited 0 without --gdb: run 'npx bareflow boot --mode ${mode}' first`);
    return p;
  });
  for (const mode of optional) {
    const p = newest(mode, icount);
    if (p) profiles.push(p);
  }
  const kind = icount === true ? '-icount ' : icount === false ? 'TCG (no -icount) ' : '';
  return { profiles, selection: `runs: ${profiles.map((p) => `${p.run} (${runKind(p)})`).join(', ')}: the newest ${kind}run of each mode that exited 0 without --gdb` };
}

/**
 * `bareflow report` without runs: the newest cold and warm jit runs against aot (and interp
 * when it has a run of the same kind) when there are such runs; else aot against interp,
 * with jit (cold, warm) when they have runs of the same kind.
 */
export function defaultComparison(dir: string): { profiles: Profile[]; selection: string } {
  const order = ['aot', 'interp', 'jit', 'jit-cold', 'jit-warm'];
  const sorted = (r: { profiles: Profile[]; selection: string }) => ({ ...r, profiles: [...r.profiles].sort((a, b) => order.indexOf(runKind(a)) - order.indexOf(runKind(b))) });
  try {
    return sorted(defaultRuns(dir, ['aot', 'jit-cold', 'jit-warm'], ['interp']));
  } catch {
    return sorted(defaultRuns(dir, ['aot', 'interp'], ['jit-cold', 'jit-warm']));
  }
}

// What a comparison must hold equal (mode is what it compares; gdb and the image's path do not change the figures).
const compared: [keyof RunConfig, string][] = [
  ['prompt', 'prompt'],
  ['steps', 'steps'],
  ['temperature', 'temperature'],
  ['topp', 'top-p'],
  ['seed', 'seed'],
  ['jit_threshold', 'JIT threshold'],
  ['icount', 'icount'],
  ['imageSha256', 'image'],
  ['modelSha256', 'model'],
];

// An option left unset (jit_threshold) has the kernel's default.
const shown = (v: unknown): string => (v === undefined ? 'unset' : typeof v === 'string' ? (/^[0-9a-f]{64}$/.test(v) ? `sha256 ${v.slice(0, 12)}…` : `'${v}'`) : String(v));

/** "prompt 'a', steps 12, …": what every run shares (options no run set are left out). */
export function configShared(profiles: Profile[]): string {
  return compared
    .filter(([key]) => new Set(profiles.map((p) => JSON.stringify(p.config[key]))).size === 1 && profiles[0].config[key] !== undefined)
    .map(([key, label]) => `${label} ${shown(profiles[0].config[key])}`)
    .join(', ');
}

/** "prompt ('a' in r1, 'b' in r2), steps (…)": what differs between runs besides their mode. */
export function configDifferences(profiles: Profile[]): string[] {
  return compared
    .filter(([key]) => new Set(profiles.map((p) => JSON.stringify(p.config[key]))).size > 1)
    .map(([key, label]) => `${label} (${profiles.map((p) => `${shown(p.config[key])} in ${p.run}`).join(', ')})`);
}

const ratio = (a: number | null, b: number | null): number | null => (a !== null && b ? a / b : null);

export function compareProfiles(name: string, profiles: Profile[], selection: string | null = null): Comparison {
  if (profiles.length < 2) throw new Error('report: give at least two runs to compare');
  const runs: RunSummary[] = profiles.map((p) => ({
    run: p.run,
    mode: p.config.mode,
    kind: runKind(p),
    jit: p.jit ?? null,
    unit: p.unit,
    tscHz: p.tscHz,
    bootToFirstToken: p.bootToFirstToken,
    firstToken: p.firstToken,
    perToken: p.perToken?.mean ?? null,
    perTokenFromPos: p.perToken?.fromPos ?? null,
    tokensPerSecond: p.tokensPerSecond,
    tokens: p.tokens,
    phases: p.phases,
    tokenCosts: p.tokenCosts,
    timeline: p.timeline ?? null,
  }));
  const units = [...new Set(runs.map((r) => r.unit))];
  const warnings: string[] = [];
  const differences = configDifferences(profiles);
  if (differences.length > 0) warnings.push(`the runs differ in ${differences.join(', ')}`);
  if (units.length > 1) warnings.push('the runs mix guest instructions (-icount) and TSC cycles: each ratio is against the first run in the same unit');
  for (const p of profiles.filter((q) => !succeeded(q))) {
    warnings.push(`${p.run} ${p.config.gdb ? 'ran under --gdb' : `did not exit 0 (${p.outcome}${p.guestCode === null ? '' : ` ${p.guestCode}`})`}: its figures may not mean what they seem`);
  }
  return {
    kind: 'bareflow-comparison',
    name,
    selection,
    shared: configShared(profiles),
    units,
    runs,
    ratios: runs.map((r) => {
      const base = runs.find((b) => b.unit === r.unit)!;
      return { run: r.run, against: base.run, perToken: ratio(r.perToken, base.perToken), bootToFirstToken: ratio(r.bootToFirstToken, base.bootToFirstToken) };
    }),
    sameTokens: profiles.every((p) => JSON.stringify(p.tokenIds) === JSON.stringify(profiles[0].tokenIds)),
    warnings,
  };
}

const unitLabel = (c: Comparison): string => (c.units.length === 1 ? c.units[0] : 'cycles or instructions');
const times = (n: number | null): string => (n === null ? '–' : `${n.toFixed(2)}x`);

/** One row per run: the terminal table and the Markdown table show the same. */
function runRows(c: Comparison): { head: string[]; rows: string[][] } {
  const u = unitLabel(c);
  return {
    head: ['run', 'mode', `boot to first token (${u})`, `${u}/token after the prompt`, 'tokens/s', 'tokens', `ratio ${u}/token`, 'ratio boot→first token'],
    rows: c.runs.map((r, i) => [
      r.run,
      r.kind,
      amount(r.bootToFirstToken, r.tscHz),
      amount(r.perToken, r.tscHz),
      fmt(r.tokensPerSecond, 1),
      String(r.tokens),
      times(c.ratios[i].perToken),
      times(c.ratios[i].bootToFirstToken),
    ]),
  };
}

const notes = (c: Comparison): string[] => [
  ...(c.selection ? [c.selection] : []),
  ...(c.shared ? [`every run: ${c.shared}`] : []),
  ...c.units.map((u) => `unit: ${unitNote(u)}`),
  `Ratios are against ${[...new Set(c.ratios.map((r) => r.against))].join(' and ')}. Token ids ${c.sameTokens ? 'are identical in every run' : 'differ between runs'}.`,
];

/** jit runs: cold or warm, the cache they loaded and wrote, what they compiled; empty without jit runs. */
function jitTable(c: Comparison): { head: string[]; rows: string[][] } {
  const u = unitLabel(c);
  const jit = c.runs.filter((r) => r.jit);
  return {
    head: ['run', 'start', 'cache at start', `cache load + verify (${u})`, 'compiles', `compiling (${u})`, 'cache written'],
    rows: jit.map((r) => {
      const j = r.jit!;
      const loaded = j.cache.state === 'loaded';
      return [
        r.run,
        j.start,
        loaded ? `loaded slot ${j.cache.slot}: ${j.cache.functions} functions, ${fmt(j.cache.bytes)} bytes` : `${j.cache.state} (${j.cache.why})`,
        loaded ? amount(j.cache.cycles, r.tscHz) : `${amount(j.cache.cycles, r.tscHz)} (nothing loaded)`,
        String(j.compiles.count),
        amount(j.compiles.cycles, r.tscHz),
        j.cacheWrite ? `${j.cacheWrite.state}: slot ${j.cacheWrite.slot}, ${fmt(j.cacheWrite.bytes)} bytes` : '–',
      ];
    }),
  };
}

type FirstToken = Pick<RunSummary, 'bootToFirstToken' | 'firstToken' | 'tscHz'>;

/** Boot to first token by phase, one column per run (the phases after it are 0 there); the first token's own forward pass is 'generation'. */
export function firstTokenPhaseRows(runs: FirstToken[]): string[][] {
  const before = phaseNames.filter((k) => runs.some((r) => (r.firstToken?.[k] ?? 0) > 0));
  return [
    ...before.map((k) => [k, ...runs.map((r) => amount(r.firstToken?.[k] ?? null, r.tscHz))]),
    ['boot to first token', ...runs.map((r) => amount(r.bootToFirstToken, r.tscHz))],
  ];
}

export function comparisonText(c: Comparison): string {
  const { head, rows } = runRows(c);
  const t = table(head);
  t.push(...rows);
  const j = jitTable(c);
  const jt = table(j.head);
  jt.push(...j.rows);
  const ft = table([`boot to first token by phase (${unitLabel(c)})`, ...c.runs.map((r) => r.run)]);
  ft.push(...firstTokenPhaseRows(c.runs));
  return [...notes(c), t.toString(), ...(j.rows.length ? [jt.toString()] : []), ft.toString()].join('\n');
}

export function comparisonMarkdown(c: Comparison): string {
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const { head, rows } = runRows(c);
  const phaseTable = (title: string, pick: (r: RunSummary) => Phases | null): string[] => [
    row([title, ...c.runs.map((r) => r.run), 'what it holds']),
    row(Array(c.runs.length + 2).fill('---')),
    ...phaseNames.map((k) => row([k, ...c.runs.map((r) => amount(pick(r)?.[k] ?? null, r.tscHz)), phaseMeaning[k]])),
  ];
  return [
    `# BareFlow comparison ${c.name}`,
    '',
    ...notes(c).map((n) => `${n}\n`),
    ...c.warnings.map((w) => `**Warning:** ${w}.\n`),
    row(head),
    row(head.map(() => '---')),
    ...rows.map(row),
    '',
    ...(() => {
      const j = jitTable(c);
      return j.rows.length
        ? ['JIT and native-code cache: a cold start compiles what gets hot and saves it; a warm start loads it (verified before anything in it runs) and compiles nothing new.', '', row(j.head), row(j.head.map(() => '---')), ...j.rows.map(row), '']
        : [];
    })(),
    'Where the time goes: from stage1 to the exit, every stamp falls in exactly one phase.',
    '',
    ...phaseTable('boot to first token', (r) => r.firstToken),
    '',
    ...phaseTable('whole run', (r) => r.phases),
    '',
    ...c.runs.flatMap((r) =>
      r.timeline
        ? [
            `Where each token's ${r.unit} went in ${r.run} (${r.kind}), from the token event before it (token 1: since the engine started):`,
            '',
            row(timelineHead(r.timeline, r.unit)),
            row(timelineHead(r.timeline, r.unit).map(() => '---')),
            ...timelineRows(r.timeline, r.tscHz).map(row),
            '',
          ]
        : [],
    ),
    `![boot to first token, the whole run by phase, and the cost of each token](${c.name}.svg)`,
    '',
  ].join('\n');
}

/** Boot to first token and the whole run (stacked by phase), the cost of each token by position, and for each run with a timeline each token's share by category. */
export async function comparisonChart(c: Comparison): Promise<string> {
  const u = unitLabel(c);
  const label = (r: RunSummary): string => `${r.run} (${r.kind})`;
  const stacked = (title: string, pick: (r: RunSummary) => Phases | null, legend: boolean) => {
    const bars = c.runs.flatMap((r) => phaseNames.map((phase, rank) => ({ run: label(r), phase, amount: pick(r)?.[phase] ?? 0, rank })).filter((v) => v.amount > 0));
    const totals = c.runs.map((r) => {
      const p = pick(r);
      const total = p ? phaseNames.reduce((sum, k) => sum + p[k], 0) : null;
      return { run: label(r), total: total ?? 0, text: amount(total, r.tscHz, r.unit) };
    });
    // Room right of the longest bar for its total.
    const domainMax = Math.max(...totals.map((t) => t.total)) * 1.35;
    return {
      title,
      width: 640,
      height: { step: 30 },
      layer: [
        {
          data: { values: bars },
          mark: 'bar' as const,
          encoding: {
            y: { field: 'run', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 0 } },
            x: { field: 'amount', type: 'quantitative' as const, stack: 'zero' as const, title: u, scale: { domainMax } },
            color: {
              field: 'phase',
              type: 'nominal' as const,
              scale: { domain: [...phaseNames] },
              legend: legend ? { orient: 'top' as const, direction: 'horizontal' as const, title: null } : null,
            },
            order: { field: 'rank', type: 'quantitative' as const },
          },
        },
        {
          data: { values: totals },
          mark: { type: 'text' as const, align: 'left' as const, dx: 4 },
          encoding: {
            y: { field: 'run', type: 'nominal' as const, sort: null },
            x: { field: 'total', type: 'quantitative' as const, scale: { domainMax } },
            text: { field: 'text' },
          },
        },
      ],
    };
  };
  const perToken = c.runs.flatMap((r) => r.tokenCosts.map((cost, pos) => ({ run: label(r), pos, cost })));
  // A cold jit start's first tokens (compiling) cost ten times a compiled token: a log scale keeps every line readable.
  const sortedCosts = perToken.map((v) => v.cost).sort((a, b) => a - b);
  const logScale = sortedCosts.length > 0 && sortedCosts[0] > 0 && sortedCosts.at(-1)! > 10 * sortedCosts[Math.floor(sortedCosts.length / 2)];
  const promptEnds = [...new Set(c.runs.map((r) => r.perTokenFromPos).filter((p) => p !== null))].map((pos) => ({ pos, text: 'prompt ends' }));
  // One panel per run with a timeline: each token's share by category (token 1 holds the whole start-up, so shares, not amounts).
  const timelinePanels = c.runs
    .filter((r) => r.timeline)
    .map((r) => ({
      title: `${label(r)}: where each token's ${u} went (share)`,
      width: 640,
      height: 160,
      data: { values: r.timeline!.rows.flatMap((row) => row.amounts.map((amount, rank) => ({ token: row.token, category: r.timeline!.categories[rank], rank, amount }))) },
      mark: { type: 'area' as const },
      encoding: {
        x: { field: 'token', type: 'quantitative' as const, title: 'token' },
        y: { field: 'amount', type: 'quantitative' as const, stack: 'normalize' as const, title: 'share', axis: { format: '%' } },
        color: { field: 'category', type: 'nominal' as const, scale: { domain: r.timeline!.categories }, legend: { orient: 'top' as const, direction: 'horizontal' as const, title: null, labelLimit: 0 } },
        order: { field: 'rank', type: 'quantitative' as const },
      },
    }));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    vconcat: [
      stacked(`Boot to first token (${u})`, (r) => r.firstToken, true),
      stacked(`Whole run by phase (${u})`, (r) => r.phases, false),
      {
        title: `${u[0].toUpperCase()}${u.slice(1)} per token, by position${logScale ? ' (log scale)' : ''}`,
        width: 640,
        height: 240,
        layer: [
          {
            data: { values: perToken },
            mark: { type: 'line', point: perToken.length <= 64 },
            encoding: {
              x: { field: 'pos', type: 'quantitative', title: 'position (token index)' },
              y: { field: 'cost', type: 'quantitative', title: `${u} per token`, ...(logScale ? { scale: { type: 'log' as const } } : {}) },
              color: { field: 'run', type: 'nominal', legend: { orient: 'top', direction: 'horizontal', title: null, labelLimit: 0 } },
            },
          },
          {
            data: { values: promptEnds },
            mark: { type: 'rule', strokeDash: [4, 3], color: 'gray' },
            encoding: { x: { field: 'pos', type: 'quantitative' } },
          },
          {
            data: { values: promptEnds },
            mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, y: 2, color: 'gray' },
            encoding: { x: { field: 'pos', type: 'quantitative' }, text: { field: 'text' } },
          },
        ],
      },
      ...timelinePanels,
    ],
    spacing: 28,
    resolve: { scale: { color: 'independent' } },
    config: { title: { fontSize: 13, anchor: 'start' } },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}

export async function writeComparison(dir: string, c: Comparison): Promise<{ json: string; md: string; svg: string }> {
  mkdirSync(dir, { recursive: true });
  const files = { json: join(dir, `${c.name}.json`), md: join(dir, `${c.name}.md`), svg: join(dir, `${c.name}.svg`) };
  writeFileSync(files.json, JSON.stringify(c, null, 2) + '\n');
  writeFileSync(files.md, comparisonMarkdown(c));
  writeFileSync(files.svg, await comparisonChart(c));
  return files;
}
