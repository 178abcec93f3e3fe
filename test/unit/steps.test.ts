import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSteps, stepsFor, type Step } from '../../build/steps.ts';

function pipeline(dir: string, calls: string[]): Step[] {
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  const c = join(dir, 'c.txt');
  return [
    // Declared out of order on purpose: the runner orders by inputs/outputs.
    { name: 'concat', inputs: [b, a], outputs: [c], run: async () => { calls.push('concat'); writeFileSync(c, readFileSync(a, 'utf8') + readFileSync(b, 'utf8')); } },
    { name: 'upper', inputs: [a], outputs: [b], key: ['flag'], run: async () => { calls.push('upper'); writeFileSync(b, readFileSync(a, 'utf8').toUpperCase()); } },
  ];
}

describe('step runner', () => {
  it('orders steps by their files, then skips them when nothing changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    writeFileSync(join(dir, 'a.txt'), 'x');
    const state = join(dir, 'state.json');
    const calls: string[] = [];
    const first = await runSteps(pipeline(dir, calls), { stateFile: state });
    expect(calls).toEqual(['upper', 'concat']);
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('xX');
    expect(first.map((r) => r.cached)).toEqual([false, false]);

    const second = await runSteps(pipeline(dir, calls), { stateFile: state });
    expect(calls).toEqual(['upper', 'concat']);
    expect(second.map((r) => r.cached)).toEqual([true, true]);
  });

  it('reruns a step when an input changes, and its dependants only if their inputs changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    writeFileSync(join(dir, 'a.txt'), 'x');
    const state = join(dir, 'state.json');
    await runSteps(pipeline(dir, []), { stateFile: state });
    writeFileSync(join(dir, 'a.txt'), 'y');
    const calls: string[] = [];
    await runSteps(pipeline(dir, calls), { stateFile: state });
    expect(calls).toEqual(['upper', 'concat']);
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('yY');
  });

  it('reruns a step whose output was deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    writeFileSync(join(dir, 'a.txt'), 'x');
    const state = join(dir, 'state.json');
    await runSteps(pipeline(dir, []), { stateFile: state });
    const calls: string[] = [];
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'c.txt'));
    await runSteps(pipeline(dir, calls), { stateFile: state });
    expect(calls).toEqual(['concat']);
  });

  it('removes the outputs of a failing step and reports it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    const out = join(dir, 'out.txt');
    const step: Step = { name: 'fails', inputs: [], outputs: [out], run: async () => { writeFileSync(out, 'partial'); throw new Error('boom'); } };
    await expect(runSteps([step], { stateFile: join(dir, 's.json') })).rejects.toThrow('boom');
    expect(existsSync(out)).toBe(false);
  });

  it('names a missing input and a doubly-produced output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    const missing: Step = { name: 'needs', inputs: [join(dir, 'nope.c')], outputs: [], run: async () => {} };
    await expect(runSteps([missing], { stateFile: join(dir, 's.json') })).rejects.toThrow(/step 'needs' needs .*nope\.c, which does not exist/);
    const o = join(dir, 'o');
    const twice: Step[] = ['one', 'two'].map((name) => ({ name, inputs: [], outputs: [o], run: async () => {} }));
    await expect(runSteps(twice, { stateFile: join(dir, 's.json') })).rejects.toThrow(/is an output of both 'one' and 'two'/);
  });

  it('selects the steps a target needs, transitively, and no others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    const steps = pipeline(dir, []);
    const unrelated: Step = { name: 'other', inputs: [], outputs: [join(dir, 'z')], run: async () => {} };
    expect(stepsFor([...steps, unrelated], [join(dir, 'c.txt')]).map((s) => s.name)).toEqual(['concat', 'upper']);
    expect(stepsFor([...steps, unrelated], [join(dir, 'b.txt')]).map((s) => s.name)).toEqual(['upper']);
  });

  it('reruns a step when its flags (key) change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    const out = join(dir, 'o');
    const calls: string[] = [];
    const step = (flag: string): Step => ({ name: 'cc', inputs: [], outputs: [out], key: [flag], run: async () => { calls.push(flag); writeFileSync(out, flag); } });
    const state = join(dir, 's.json');
    await runSteps([step('-O2')], { stateFile: state });
    await runSteps([step('-O2')], { stateFile: state });
    await runSteps([step('-O3')], { stateFile: state });
    expect(calls).toEqual(['-O2', '-O3']);
  });
});
