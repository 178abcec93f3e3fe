// The runs in images/reports: names that stay inside it, one file per run never
// overwritten, and reading them back (skipping comparisons and older formats).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from './report.ts';

/** A run or report name becomes a file name in images/reports: it must not lead out of it. */
export function checkName(what: 'run' | 'report', name: string): void {
  if (name === '' || /[/\\]/.test(name) || name.includes('..')) throw new Error(`${what} name '${name}': must not contain '/', '\\' or '..'`);
}

/** The file of a new run; an existing run is never overwritten. */
export function newRunFile(dir: string, run: string): string {
  checkName('run', run);
  const file = join(dir, `${run}.json`);
  if (existsSync(file)) throw new Error(`run '${run}' exists (${file}): give another --run name`);
  return file;
}

const isRun = (x: unknown): x is Profile => (x as Profile | null)?.kind === 'bareflow-run';

/** A run report by path; a file that is not one is a named error. */
export function readRun(path: string): Profile {
  const p: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isRun(p)) throw new Error(`${path} is not a run report of this BareFlow version (boot it again)`);
  return p;
}

/** Every run report in `dir`, oldest first, and the .json files that are not run reports. */
export function listRuns(dir: string): { runs: Profile[]; skipped: string[] } {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const runs: Profile[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    let p: unknown;
    try {
      p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch {
      skipped.push(f); // not JSON: a file of someone else's
      continue;
    }
    if (isRun(p)) runs.push(p);
    else if ((p as { kind?: string } | null)?.kind !== 'bareflow-comparison') skipped.push(f);
  }
  return { runs: runs.sort((a, b) => a.date.localeCompare(b.date)), skipped };
}

/** A run that says something about speed: it exited 0 and ran without a debugger. */
export const succeeded = (p: Profile): boolean => p.outcome === 'exit' && p.guestCode === 0 && !p.config.gdb;
