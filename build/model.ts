// Host-side checks of llama2.c checkpoints and tokenizers, so a bad file is
// rejected at build time with its name and the problem, not in the guest.
import { readFileSync } from 'node:fs';

export interface ModelConfig {
  dim: number;
  hiddenDim: number;
  nLayers: number;
  nHeads: number;
  nKvHeads: number;
  vocabSize: number;
  seqLen: number;
  sharedClassifier: boolean;
}

export class ModelError extends Error {}

const HEADER_BYTES = 28;

/** Float count of the weights run.c reads (legacy RoPE tables included). */
export function weightFloats(c: ModelConfig): number {
  const headSize = c.dim / c.nHeads;
  const kvDim = (c.dim * c.nKvHeads) / c.nHeads;
  const perLayer =
    2 * c.dim + // rms_att, rms_ffn
    c.dim * c.dim * 2 + // wq, wo
    c.dim * kvDim * 2 + // wk, wv
    c.dim * c.hiddenDim * 3; // w1, w2, w3
  return c.vocabSize * c.dim + c.nLayers * perLayer + c.dim + c.seqLen * headSize + (c.sharedClassifier ? 0 : c.vocabSize * c.dim);
}

export function parseModel(buf: Buffer, name: string): ModelConfig {
  if (buf.length < HEADER_BYTES) throw new ModelError(`model ${name}: ${buf.length} bytes, too short for the 28-byte header`);
  const f = (i: number): number => buf.readInt32LE(4 * i);
  const [dim, hiddenDim, nLayers, nHeads, nKvHeads, vocab, seqLen] = [0, 1, 2, 3, 4, 5, 6].map(f);
  const c: ModelConfig = { dim, hiddenDim, nLayers, nHeads, nKvHeads, vocabSize: Math.abs(vocab), seqLen, sharedClassifier: vocab > 0 };
  for (const [field, v] of Object.entries({ dim, hidden_dim: hiddenDim, n_layers: nLayers, n_heads: nHeads, n_kv_heads: nKvHeads, vocab_size: vocab, seq_len: seqLen })) {
    if (v === 0 || (v < 0 && field !== 'vocab_size')) throw new ModelError(`model ${name}: header field ${field} is ${v}`);
  }
  if (dim % nHeads !== 0) throw new ModelError(`model ${name}: dim ${dim} is not a multiple of n_heads ${nHeads}`);
  if (nHeads % nKvHeads !== 0) throw new ModelError(`model ${name}: n_heads ${nHeads} is not a multiple of n_kv_heads ${nKvHeads}`);
  const need = HEADER_BYTES + 4 * weightFloats(c);
  if (buf.length < need) throw new ModelError(`model ${name}: ${buf.length} bytes, but its header needs ${need} (truncated?)`);
  return c;
}

export interface TokenizerInfo {
  maxTokenLength: number;
  vocabSize: number;
}

export function parseTokenizer(buf: Buffer, name: string, vocabSize: number): TokenizerInfo {
  if (buf.length < 4) throw new ModelError(`tokenizer ${name}: ${buf.length} bytes, too short`);
  const maxTokenLength = buf.readInt32LE(0);
  if (maxTokenLength <= 0) throw new ModelError(`tokenizer ${name}: max_token_length is ${maxTokenLength}`);
  let off = 4;
  for (let i = 0; i < vocabSize; i++) {
    if (off + 8 > buf.length) throw new ModelError(`tokenizer ${name}: ends at token ${i}, but the model's vocabulary has ${vocabSize}`);
    const len = buf.readInt32LE(off + 4);
    if (len < 0 || len > maxTokenLength) throw new ModelError(`tokenizer ${name}: token ${i} has length ${len} (max_token_length is ${maxTokenLength})`);
    off += 8 + len;
    if (off > buf.length) throw new ModelError(`tokenizer ${name}: token ${i} runs past the end of the file`);
  }
  if (off !== buf.length) throw new ModelError(`tokenizer ${name}: ${buf.length - off} bytes left after ${vocabSize} tokens (made for another vocabulary?)`);
  return { maxTokenLength, vocabSize };
}

export function readChecked(path: string, what: 'model' | 'tokenizer'): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(err);
    throw new ModelError(`${what} ${path}: ${why}`);
  }
}
