// The hosted -m32 build of tinyllama against llama2.c run.c's reference outputs.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHostProgram, tinyllamaHost } from '../../build/host.ts';
import { sharedModels } from '../../build/paths.ts';
import { tempDir } from '../helpers/tempdir.ts';

const model = join(sharedModels, 'stories260K.bin');
const tok = join(sharedModels, 'tok512.bin');
const ref = (f: string): string => readFileSync(join(sharedModels, 'reference', f), 'utf8');
let exe: string;

beforeAll(async () => {
  exe = await buildHostProgram(tinyllamaHost);
});

async function run(args: string[]) {
  const events = join(tempDir('tl-'), 'events.jsonl');
  const r = await execa(exe, [...args, '-e', events], { reject: false, timeout: 60_000 });
  let lines: { ev: string; id?: number; tokens?: number[] }[] = [];
  try {
    lines = readFileSync(events, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch {
    // no events file: the program failed before opening it
  }
  return { ...r, ids: lines.filter((e) => e.ev === 'token').map((e) => e.id!), prompt: lines.find((e) => e.ev === 'prompt')?.tokens };
}

describe('tinyllama host build vs llama2.c reference', () => {
  it.each([
    ['', 'empty'],
    ['Once upon a time', 'once_upon_a_time'],
    ['The little dog', 'the_little_dog'],
  ])('greedy, prompt %j reproduces reference/%s.txt and .tokens', async (prompt, name) => {
    const r = await run([model, '-z', tok, '-t', '0', '-n', '256', '-i', prompt]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout + '\n').toBe(ref(`${name}.txt`));
    expect(r.ids).toEqual(ref(`${name}.tokens`).trim().split('\n').map(Number));
  });

  it('encodes prompts as run.c does', async () => {
    const r = await run([model, '-z', tok, '-t', '0', '-n', '8', '-i', 'The little dog']);
    expect(r.prompt).toEqual([1, 291, 376, 400, 428]);
  });

  it('samples deterministically with a seed', async () => {
    const args = [model, '-z', tok, '-t', '0.8', '-p', '0.9', '-s', '42', '-n', '64', '-i', 'Once upon a time'];
    const a = await run(args);
    const b = await run(args);
    expect(a.exitCode).toBe(0);
    expect(a.ids.length).toBeGreaterThan(10);
    expect(b.ids).toEqual(a.ids);
    const greedy = await run([model, '-z', tok, '-t', '0', '-n', '64', '-i', 'Once upon a time']);
    expect(a.ids).not.toEqual(greedy.ids);
    const c = await run([...args.slice(0, 6), '43', ...args.slice(7)]);
    expect(c.ids).not.toEqual(a.ids);
  });

  it.each([
    [['-n', '600'], 2, "option steps: 600 exceeds the model's context of 512"],
    [['-t', '-1'], 2, 'option temperature'],
    [['-p', '2'], 2, 'option topp'],
    [['-o', 'colour=red'], 2, "unknown option 'colour'"],
  ])('rejects bad options %j with exit %i', async (extra, code, message) => {
    const r = await run([model, '-z', tok, ...extra]);
    expect(r.exitCode).toBe(code);
    expect(r.stderr).toContain(message);
  });

  it('rejects missing and corrupt model files', async () => {
    const missing = await run(['/nonexistent/model.bin', '-z', tok]);
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toContain('/nonexistent/model.bin');
    const badTok = await run([model, '-z', '/nonexistent/tok.bin']);
    expect(badTok.exitCode).toBe(4);
    expect(badTok.stderr).toContain('/nonexistent/tok.bin');
  });
});
