// `bareflow report`: compares runs side by side (JSON, Markdown, SVG chart).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { compareProfiles, comparisonMarkdown, newestRunPerMode, reportPath, writeComparison } from '../../build/compare.ts';
import { reportsDir, root } from '../../build/paths.ts';
import type { Profile } from '../../build/report.ts';

export async function reportCommand(runs: string[], o: { name?: string }): Promise<void> {
  const profiles = (runs.length > 0 ? runs.map(reportPath) : newestRunPerMode(['aot', 'interp'])).map(
    (f) => JSON.parse(readFileSync(f, 'utf8')) as Profile,
  );
  const c = compareProfiles(o.name ?? `compare-${profiles.map((p) => p.mode).join('-')}`, profiles);
  const files = await writeComparison(reportsDir, c);
  console.log(comparisonMarkdown(c));
  console.log(`report: ${relative(root, files.md)}, ${relative(root, files.json)}, ${relative(root, files.svg)}`);
}
