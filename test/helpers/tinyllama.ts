// tinyllama.bc under the host engine (bfi) with the real model: the runs the engine and
// JIT tests compare against llama2.c's reference outputs.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedModels } from '../../build/paths.ts';

/** The three greedy references in ../shared/models/reference: prompt, file name. */
export const greedyReferences: [string, string][] = [
  ['', 'empty'],
  ['Once upon a time', 'once_upon_a_time'],
  ['The little dog', 'the_little_dog'],
];

export const referenceText = (name: string): string => readFileSync(join(sharedModels, 'reference', `${name}.txt`), 'utf8');

/** bfi [flags] running tinyllama.bc on stories260K, 256 greedy steps from `prompt`. */
export function runTinyllama(bfi: string, tinyllamaBc: string, prompt: string, flags: string[] = []) {
  return execa(bfi, [
    ...flags, '--entry', 'app_main',
    '--file', `model.bin=${join(sharedModels, 'stories260K.bin')}`,
    '--file', `tokenizer.bin=${join(sharedModels, 'tok512.bin')}`,
    '--opt', 'temperature=0', '--opt', 'steps=256', '--opt', `prompt=${prompt}`,
    tinyllamaBc,
  ], { reject: false, timeout: 120_000, stripFinalNewline: false });
}
