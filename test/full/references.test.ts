// Long runs (npm run test:full): every llama2.c reference, 256 steps, in the
// guest in both modes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedModels } from '../../build/paths.ts';
import { bootTest, tokenIds } from '../helpers/guest.ts';
import { testImage } from '../helpers/images.ts';

let image: string;
beforeAll(async () => {
  image = (await testImage('stories')).image;
});

const ref = (f: string): string => readFileSync(join(sharedModels, 'reference', f), 'utf8');

describe.each(['aot', 'interp'] as const)('%s mode, stories260K, 256 greedy steps', (mode) => {
  it.each([
    ['', 'empty'],
    ['Once upon a time', 'once_upon_a_time'],
    ['The little dog', 'the_little_dog'],
  ])('prompt %j reproduces reference/%s', async (prompt, name) => {
    const r = await bootTest({ image, options: { mode, prompt, steps: 256, temperature: 0 }, timeoutMs: 1_200_000 });
    expect(r.guestCode).toBe(0);
    expect(tokenIds(r.events)).toEqual(ref(`${name}.tokens`).trim().split('\n').map(Number));
    expect(r.text.split('\n').slice(1).join('\n')).toBe(ref(`${name}.txt`));
  });
});
