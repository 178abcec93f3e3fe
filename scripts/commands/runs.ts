// `bareflow runs`: every run in images/reports as a plain table, oldest first.
import { exitCodeName } from '../../build/exitcodes.ts';
import { reportsDir } from '../../build/paths.ts';
import { fmt, runKind, type Profile } from '../../build/report.ts';
import { listRuns } from '../../build/runs.ts';
import { table } from '../../build/table.ts';
import { exitQuietlyOnEpipe } from './stdout.ts';

const outcome = (p: Profile): string =>
  p.outcome === 'exit' ? `exit ${p.guestCode}${p.guestCode ? ` (${exitCodeName(p.guestCode)})` : ''}` : p.outcome;

/** Tokens/s where cycles follow host time; instructions per token under -icount. */
const speed = (p: Profile): string =>
  p.config.icount ? (p.perToken ? `${fmt(p.perToken.mean)} instructions/token` : '–') : p.tokensPerSecond === null ? '–' : `${p.tokensPerSecond.toFixed(1)} tokens/s`;

export function runsCommand(): void {
  exitQuietlyOnEpipe();
  const { runs, skipped } = listRuns(reportsDir);
  if (skipped.length > 0) console.error(`note: not run reports of this version, left out: ${skipped.join(', ')}`);
  if (runs.length === 0) {
    console.log(`no runs in ${reportsDir}: 'npx bareflow boot' makes one`);
    return;
  }
  const t = table(['run', 'mode', 'date', 'outcome', 'steps', 'icount', 'speed']);
  for (const p of runs) {
    const date = p.date.replace('T', ' ').replace(/\.\d+Z$/, '');
    t.push([p.run, p.config.gdb ? `${runKind(p)} (gdb)` : runKind(p), date, outcome(p), p.config.steps, p.config.icount ? 'yes' : 'no', speed(p)]);
  }
  console.log(t.toString());
}
