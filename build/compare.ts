// `bareflow report`: runs side by side (AOT vs interp, later cold vs warm):
// JSON + Markdown + an SVG chart of where each run's time went.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsDir } from './paths.ts';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Phases, Profile } from './report.ts';

export interface RunSummary {
  run: string;
  mode: string;
  unit: string;
  bootToFirstToken: number | null;
  perToken: number | null;
  tokensPerSecond: number | null;
  tokens: number;
  phases: Phases | null;
}

export interface Comparison {
  name: string;
  base: string;
  runs: RunSummary[];
  /** Each run against the first: per-token cost and boot-to-first-token, as ratios. */
  ratios: { run: string; perToken: number | null; bootToFirstToken: number | null }[];
  sameTokens: boolean;
}

/** A run given by name (images/reports/<name>.json) or by path. */
export function reportPath(run: string): string {
  const path = existsSync(run) ? run : join(reportsDir, `${run}.json`);
  if (!existsSync(path)) throw new Error(`report: no run '${run}' (looked for ${path})`);
  return path;
}

/** The newest run report of each mode, for `bareflow report` without arguments. */
export function newestRunPerMode(modes: string[]): string[] {
  const runs = existsSync(reportsDir)
    ? readdirSync(reportsDir)
        .filter((f) => f.endsWith('.json') && !f.startsWith('compare-'))
        .map((f) => join(reportsDir, f))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    : [];
  return modes.map((mode) => {
    const found = runs.find((f) => (JSON.parse(readFileSync(f, 'utf8')) as Profile).mode === mode);
    if (!found) throw new Error(`report: no ${mode} run in ${reportsDir}: run 'npx bareflow boot --mode ${mode}' first`);
    return found;
  });
}

const ratio = (a: number | null, b: number | null): number | null => (a !== null && b ? a / b : null);

export function compareProfiles(name: string, profiles: Profile[]): Comparison {
  if (profiles.length < 2) throw new Error('report: give at least two runs to compare');
  const units = new Set(profiles.map((p) => p.unit));
  if (units.size > 1) throw new Error(`report: runs measured in different units (${[...units].join(', ')}): compare icount runs with icount runs`);
  const runs: RunSummary[] = profiles.map((p) => ({
    run: p.run,
    mode: p.mode,
    unit: p.unit,
    bootToFirstToken: p.bootToFirstToken,
    perToken: p.perToken?.mean ?? null,
    tokensPerSecond: p.tokensPerSecond,
    tokens: p.tokens,
    phases: p.phases,
  }));
  const [base] = runs;
  return {
    name,
    base: base.run,
    runs,
    ratios: runs.slice(1).map((r) => ({ run: r.run, perToken: ratio(r.perToken, base.perToken), bootToFirstToken: ratio(r.bootToFirstToken, base.bootToFirstToken) })),
    sameTokens: profiles.every((p) => JSON.stringify(p.tokenIds) === JSON.stringify(profiles[0].tokenIds)),
  };
}

const fmt = (n: number | null, digits = 0): string => (n === null ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits }));

export function comparisonMarkdown(c: Comparison): string {
  const unit = c.runs[0].unit;
  return [
    `# BareFlow comparison ${c.name}`,
    '',
    `Ratios are against \`${c.base}\`. Token ids ${c.sameTokens ? 'are identical in every run' : '**differ between runs**'}.`,
    '',
    `| run | mode | boot to first token (${unit}) | ${unit}/token | tokens/s | tokens | ratio ${unit}/token | ratio boot→first token |`,
    '|---|---|---|---|---|---|---|---|',
    ...c.runs.map((r, i) => {
      const q = i === 0 ? { perToken: 1, bootToFirstToken: 1 } : c.ratios[i - 1];
      return `| ${r.run} | ${r.mode} | ${fmt(r.bootToFirstToken)} | ${fmt(r.perToken)} | ${fmt(r.tokensPerSecond, 1)} | ${r.tokens} | ${fmt(q.perToken, 2)}x | ${fmt(q.bootToFirstToken, 2)}x |`;
    }),
    '',
    `![time per phase](${c.name}.svg)`,
    '',
  ].join('\n');
}

/** Horizontal stacked bars: one per run, a segment per phase. */
export async function comparisonChart(c: Comparison): Promise<string> {
  const values = c.runs.flatMap((r) => Object.entries(r.phases ?? {}).map(([phase, amount], rank) => ({ run: `${r.run} (${r.mode})`, phase, amount, rank })));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Where the time goes (${c.runs[0].unit})`,
    width: 560,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'run', type: 'nominal', title: null, sort: null },
      x: { field: 'amount', type: 'quantitative', stack: 'zero', title: c.runs[0].unit },
      color: { field: 'phase', type: 'nominal', sort: ['boot', 'load', 'bitcode', 'generation', 'other'] },
      order: { field: 'rank', type: 'quantitative' },
    },
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
