import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel, parseTokenizer, readChecked } from '../../build/model.ts';
import { sharedModels } from '../../build/paths.ts';

const stories = readFileSync(join(sharedModels, 'stories260K.bin'));
const tok = readFileSync(join(sharedModels, 'tok512.bin'));

describe('model and tokenizer checks', () => {
  it('reads the stories260K header', () => {
    expect(parseModel(stories, 'stories260K.bin')).toEqual({
      dim: 64, hiddenDim: 172, nLayers: 5, nHeads: 8, nKvHeads: 4, vocabSize: 512, seqLen: 512, sharedClassifier: true,
    });
    expect(parseTokenizer(tok, 'tok512.bin', 512)).toEqual({ maxTokenLength: 7, vocabSize: 512 });
  });

  it('names the file and the problem', () => {
    expect(() => parseModel(stories.subarray(0, 1000), 'm.bin')).toThrow("model m.bin: 1000 bytes, but its header needs 1056540 (truncated?)");
    expect(() => parseModel(Buffer.alloc(10), 'm.bin')).toThrow('model m.bin: 10 bytes, too short for the 28-byte header');
    const zero = Buffer.from(stories);
    zero.writeInt32LE(0, 0);
    expect(() => parseModel(zero, 'z.bin')).toThrow('model z.bin: header field dim is 0');
    const neg = Buffer.from(stories);
    neg.writeInt32LE(-3, 8);
    expect(() => parseModel(neg, 'n.bin')).toThrow('model n.bin: header field n_layers is -3');
    expect(() => parseTokenizer(tok, 't.bin', 600)).toThrow("tokenizer t.bin: ends at token 512, but the model's vocabulary has 600");
    expect(() => parseTokenizer(tok, 't.bin', 500)).toThrow(/tokenizer t.bin: \d+ bytes left after 500 tokens \(made for another vocabulary\?\)/);
    expect(() => readChecked('/nonexistent/m.bin', 'model')).toThrow('model /nonexistent/m.bin: no such file');
  });
});
