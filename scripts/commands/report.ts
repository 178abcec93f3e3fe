// `bareflow report`: compares runs side by side (plain tables here; JSON, Markdown and an SVG chart in images/reports).
import { relative } from 'node:path';
import { compareProfiles, comparisonText, defaultComparison, reportPath, writeComparison } from '../../build/compare.ts';
import { reportsDir, root } from '../../build/paths.ts';
import { runKind } from '../../build/report.ts';
import { checkName, readRun } from '../../build/runs.ts';
import { exitQuietlyOnEpipe } from './stdout.ts';

export async function reportCommand(runs: string[], o: { name?: string }): Promise<void> {
  exitQuietlyOnEpipe();
  if (o.name !== undefined) checkName('report', o.name);
  const { profiles, selection } = runs.length > 0 ? { profiles: runs.map((r) => readRun(reportPath(r))), selection: null } : defaultComparison(reportsDir);
  const c = compareProfiles(o.name ?? `compare-${profiles.map(runKind).join('-')}`, profiles, selection);
  for (const w of c.warnings) console.error(`warning: ${w}`);
  const files = await writeComparison(reportsDir, c);
  console.log(comparisonText(c));
  console.log(`report: ${relative(root, files.md)}, ${relative(root, files.json)}, ${relative(root, files.svg)}`);
}
