// Where the instructions between two token events went, token by token, in jit
// and meta runs: the `split` events (each engine's time interpreting and in native
// code so far, sent right after every token event) and the `compile` events.
//
// jit mode has one engine, running tinyllama.bc. Meta mode has two: the bootstrap
// running runtime.bc (layer "runtime") and runtime.bc's engine running tinyllama.bc
// (layer "app"). Everything runtime.bc's engine does natively is native to the
// bootstrap too, so the bootstrap's native time holds tinyllama's compiled code;
// a compile runs on the side of the JIT that does it ("by": interpreted or native).
// A compile's cycles include what its JIT called, so the categories are close, not
// exact: the glue between two switches is charged to whichever side was running.
import type { GuestEvent } from './qemu.ts';

export interface Timeline {
  /** What each amount is, in order; the amounts of a row add up to the instructions (or cycles) between its token event and the one before. */
  categories: string[];
  /** One per token event: token k covers what ran after token k-1's event (for k = 1: since the engine started). */
  rows: { token: number; amounts: number[] }[];
}

export const jitCategories = ['interpreting tinyllama', 'native code (compiled tinyllama, libraries)', 'compiling'];
export const metaCategories = [
  'bootstrap interpreting runtime.bc',
  'runtime.bc native (interpreting tinyllama, libraries)',
  'tinyllama compiled code',
  'compiling',
];

interface Split {
  interpreting: number;
  native: number;
}

const splitsOf = (events: GuestEvent[], layer: string): Map<number, Split> =>
  new Map(events.filter((e) => e.ev === 'split' && e.layer === layer).map((e) => [e.token as number, { interpreting: e.interpreting as number, native: e.native as number }]));

/** The change from token k-1's split to token k's (token 0: nothing yet). */
function delta(splits: Map<number, Split>, k: number): Split {
  const now = splits.get(k)!;
  const before = splits.get(k - 1) ?? { interpreting: 0, native: 0 };
  return { interpreting: now.interpreting - before.interpreting, native: now.native - before.native };
}

const nonNegative = (n: number): number => Math.max(0, n);

/** The run's timeline, or null when its kernel sends no split events (aot, interp). */
export function timeline(events: GuestEvent[]): Timeline | null {
  const app = splitsOf(events, 'app');
  if (app.size === 0) return null;
  const runtime = splitsOf(events, 'runtime');
  const meta = runtime.size > 0;
  const compiles = events.filter((e) => e.ev === 'compile');
  // A compile event's token is the number of token events before it: it falls between those and the next.
  const compiling = (k: number, by?: string): number =>
    compiles.filter((e) => e.token === k - 1 && (by === undefined || e.by === by)).reduce((sum, e) => sum + (e.cycles as number), 0);
  const rows = [...app.keys()]
    .sort((a, b) => a - b)
    .filter((k) => !meta || runtime.has(k))
    .map((k) => {
      const a = delta(app, k);
      if (!meta) return { token: k, amounts: [nonNegative(a.interpreting - compiling(k)), a.native, compiling(k)] };
      // The bootstrap's split covers all the time; runtime.bc's engine only carves tinyllama's
      // compiled code out of the bootstrap's native time (its own count of it also holds the
      // interpreted glue between its switch and the bootstrap's, so it can be slightly larger).
      const r = delta(runtime, k);
      const byInterpreted = compiling(k, 'interpreted');
      const byNative = compiling(k, 'native');
      const runtimeNative = nonNegative(r.native - byNative);
      const compiled = Math.min(a.native, runtimeNative);
      return { token: k, amounts: [nonNegative(r.interpreting - byInterpreted), runtimeNative - compiled, compiled, byInterpreted + byNative] };
    });
  return { categories: meta ? metaCategories : jitCategories, rows };
}

/** The tokens a summary table shows: 1, 2, 3, 4, then powers of two, and the last. */
export function summaryTokens(t: Timeline): number[] {
  const last = t.rows.at(-1)?.token ?? 0;
  const picks = new Set([1, 2, 3, 4].filter((k) => k <= last));
  for (let k = 8; k < last; k *= 2) picks.add(k);
  if (last) picks.add(last);
  return [...picks].filter((k) => t.rows.some((r) => r.token === k));
}
