import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileDigests } from '../../build/file-digests.ts';
import { keptResults, runSteps, stepsFor, type Step } from '../../build/steps.ts';
import { tempDir } from '../helpers/tempdir.ts';

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
    const dir = tempDir('steps-');
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
    const dir = tempDir('steps-');
    writeFileSync(join(dir, 'a.txt'), 'x');
    const state = join(dir, 'state.json');
    await runSteps(pipeline(dir, []), { stateFile: state });
    writeFileSync(join(dir, 'a.txt'), 'y');
    const calls: string[] = [];
    await runSteps(pipeline(dir, calls), { stateFile: state });
    expect(calls).toEqual(['upper', 'concat']);
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('yY');
  });

  it('restores a deleted output from the cache, and reruns its step when the cache is gone too', async () => {
    const dir = tempDir('steps-');
    writeFileSync(join(dir, 'a.txt'), 'x');
    const state = join(dir, 'state.json');
    await runSteps(pipeline(dir, []), { stateFile: state });
    const calls: string[] = [];
    rmSync(join(dir, 'c.txt'));
    const r = await runSteps(pipeline(dir, calls), { stateFile: state });
    expect(calls).toEqual([]);
    expect(r.map((s) => [s.name, s.cached, s.restored])).toEqual([['concat', true, true], ['upper', true, false]]);
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('xX');
    rmSync(join(dir, 'c.txt'));
    rmSync(join(dir, 'cache'), { recursive: true });
    await runSteps(pipeline(dir, calls), { stateFile: state });
    expect(calls).toEqual(['concat']);
  });

  it('removes the outputs of a failing step and reports it', async () => {
    const dir = tempDir('steps-');
    const out = join(dir, 'out.txt');
    const step: Step = { name: 'fails', inputs: [], outputs: [out], run: async () => { writeFileSync(out, 'partial'); throw new Error('boom'); } };
    await expect(runSteps([step], { stateFile: join(dir, 's.json') })).rejects.toThrow('boom');
    expect(existsSync(out)).toBe(false);
  });

  it('names a missing input and a doubly-produced output', async () => {
    const dir = tempDir('steps-');
    const missing: Step = { name: 'needs', inputs: [join(dir, 'nope.c')], outputs: [], run: async () => {} };
    await expect(runSteps([missing], { stateFile: join(dir, 's.json') })).rejects.toThrow(/step 'needs' needs .*nope\.c, which does not exist/);
    const o = join(dir, 'o');
    const twice: Step[] = ['one', 'two'].map((name) => ({ name, inputs: [], outputs: [o], run: async () => {} }));
    await expect(runSteps(twice, { stateFile: join(dir, 's.json') })).rejects.toThrow(/is an output of both 'one' and 'two'/);
  });

  it('selects the steps a target needs, transitively, and no others', () => {
    const dir = tempDir('steps-');
    const steps = pipeline(dir, []);
    const unrelated: Step = { name: 'other', inputs: [], outputs: [join(dir, 'z')], run: async () => {} };
    expect(stepsFor([...steps, unrelated], [join(dir, 'c.txt')]).map((s) => s.name)).toEqual(['concat', 'upper']);
    expect(stepsFor([...steps, unrelated], [join(dir, 'b.txt')]).map((s) => s.name)).toEqual(['upper']);
  });

  it('reruns a step when its flags (key) change', async () => {
    const dir = tempDir('steps-');
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

describe('step cache', () => {
  it('restores the outputs of an undone change from the cache instead of running the step', async () => {
    const dir = tempDir('steps-');
    const state = join(dir, 'state.json');
    const calls: string[] = [];
    writeFileSync(join(dir, 'a.txt'), 'x');
    await runSteps(pipeline(dir, calls), { stateFile: state });
    writeFileSync(join(dir, 'a.txt'), 'y');
    await runSteps(pipeline(dir, calls), { stateFile: state });
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('yY');
    writeFileSync(join(dir, 'a.txt'), 'x');
    const lines: string[] = [];
    const r = await runSteps(pipeline(dir, calls), { stateFile: state, log: (l) => lines.push(l) });
    expect(calls).toEqual(['upper', 'concat', 'upper', 'concat']);
    expect(r.map((s) => [s.name, s.cached, s.restored])).toEqual([['concat', true, true], ['upper', true, true]]);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('X');
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('xX');
    expect(lines.map((l) => l.replace(/ +/g, ' '))).toEqual(['[1/2] upper restored', '[2/2] concat restored']);
  });

  it(`keeps the last ${keptResults} results of a step`, async () => {
    const dir = tempDir('steps-');
    const out = join(dir, 'o');
    const calls: string[] = [];
    const step = (flag: string): Step => ({ name: 'cc', inputs: [], outputs: [out], key: [flag], run: async () => { calls.push(flag); writeFileSync(out, flag); } });
    const state = join(dir, 's.json');
    const flags = ['-O0', '-O1', '-O2', '-O3', '-Os'];
    for (const f of flags) await runSteps([step(f)], { stateFile: state });
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(keptResults);
    for (const f of flags.slice(1).reverse()) await runSteps([step(f)], { stateFile: state });
    expect(calls).toEqual(flags);
    await runSteps([step('-O0')], { stateFile: state });
    expect(calls).toEqual([...flags, '-O0']);
    expect(readFileSync(out, 'utf8')).toBe('-O0');
  });

  it('prints a line when a step starts and when it ends, and one line for the steps that were up to date', async () => {
    const dir = tempDir('steps-');
    writeFileSync(join(dir, 'a.txt'), 'x');
    writeFileSync(join(dir, 'in.txt'), 'z');
    const other: Step = { name: 'other', inputs: [join(dir, 'in.txt')], outputs: [join(dir, 'out.txt')], run: async () => writeFileSync(join(dir, 'out.txt'), 'z') };
    const state = join(dir, 'state.json');
    const build = async (): Promise<string[]> => {
      const lines: string[] = [];
      await runSteps([...pipeline(dir, []), other], { stateFile: state, jobs: 1, log: (l) => lines.push(l) });
      return lines.map((l) => l.replace(/ +/g, ' ').replace(/\d+\.\d\ds$/, 'T'));
    };
    expect(await build()).toEqual([' upper ...', '[1/3] upper T', ' other ...', '[2/3] other T', ' concat ...', '[3/3] concat T']);
    expect(await build()).toEqual([]);
    writeFileSync(join(dir, 'a.txt'), 'y');
    expect(await build()).toEqual([' upper ...', '[1/3] upper T', ' concat ...', '[3/3] concat T', '1 step up to date']);
  });

  it('starts no tool process when nothing changed, in a new process too', async () => {
    const dir = tempDir('steps-');
    const spawns = join(dir, 'spawns.log');
    const tool = join(dir, 'cc-tool');
    writeFileSync(tool, `#!/bin/sh\necho "$*" >> ${spawns}\necho "cc-tool 1.0"\n`);
    chmodSync(tool, 0o755);
    const out = join(dir, 'o');
    const step: Step = { name: 'cc', inputs: [], outputs: [out], tools: [tool], run: async () => writeFileSync(out, '1') };
    const state = join(dir, 's.json');
    await runSteps([step], { stateFile: state });
    expect(readFileSync(spawns, 'utf8')).toBe('--version\n');
    vi.resetModules(); // the step runner and the toolchain as a new bareflow process loads them
    const fresh = (await import('../../build/steps.ts')).runSteps;
    const r = await fresh([step], { stateFile: state });
    expect(r[0].cached).toBe(true);
    expect(readFileSync(spawns, 'utf8')).toBe('--version\n');
  });
});

describe('file digests', () => {
  const settled = (file: string, content: string): void => {
    writeFileSync(file, content);
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
  };

  it('reads a file again only when its size or mtime changed', () => {
    const dir = tempDir('digests-');
    const f = join(dir, 'f');
    const cache = join(dir, 'digests.json');
    settled(f, 'one');
    const d = new FileDigests(cache);
    const one = d.digest(f);
    expect(one).toBe('7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed');
    d.save();
    settled(f, 'two'); // same size, same mtime: taken as unchanged
    expect(new FileDigests(cache).digest(f)).toBe(one);
    settled(f, 'three');
    expect(new FileDigests(cache).digest(f)).toBe('8b5b9db0c13db24256c829aa364aa90c6d2eba318b9232a4ab9313b954d3555f');
  });

  it('does not remember the digest of a file changed within the last seconds', () => {
    const dir = tempDir('digests-');
    const f = join(dir, 'f');
    const cache = join(dir, 'digests.json');
    writeFileSync(f, 'one');
    const d = new FileDigests(cache);
    d.digest(f);
    d.save();
    writeFileSync(f, 'two');
    expect(new FileDigests(cache).digest(f)).toBe('3fc4ccfe745870e2c0d99f71f30ff0656c8dedd41cc1d7d3d376b0dbe685e2f3');
    expect(existsSync(cache)).toBe(false);
  });
});
