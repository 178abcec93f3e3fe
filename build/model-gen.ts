// The image's default model: a small llama2.c-format checkpoint and tokenizer,
// generated from a seeded PRNG, so that an image builds with no downloads.
// The weights are random (the text is gibberish made of English-looking
// pieces), but the shapes exercise every part of the forward pass: several
// layers, grouped-query attention, RoPE, SwiGLU; the output is byte-identical
// on every call and every machine (integer PRNG, float32 rounding only).
//
// Checkpoint: 7 little-endian int32 (dim, hidden_dim, n_layers, n_heads,
// n_kv_heads, vocab_size, seq_len), then float32 arrays in run.c's order; a
// positive vocab_size means the classifier shares the token embeddings.
// Tokenizer (tok512.bin format): int32 max_token_length, then per id a float32
// score, an int32 length and the piece's bytes.

export interface GeneratedModel {
  model: Buffer;
  tokenizer: Buffer;
}

export const DEFAULT_MODEL_CONFIG = {
  dim: 48,
  hiddenDim: 128,
  nLayers: 2,
  nHeads: 4,
  nKvHeads: 2,
  vocabSize: 512,
  seqLen: 256,
} as const;

const DEFAULT_SEED = 0x5eed;

// The text the BPE merges are learnt from: TinyStories-like English, so that
// prompts such as "Once upon a time" encode into a few word pieces.
const CORPUS = `Once upon a time, there was a little girl named Lily. She liked to play
in the park with her dog, Max. One day, the sun was big and warm. Lily and Max
went to the park to play with a red ball. They saw a little boy. The boy was
sad because he had no friends. Lily said, "Do you want to play with us?" The
boy was happy and said, "Yes, thank you!" They played all day and had a lot of
fun. When it was time to go home, Lily gave the boy a big hug. They were good
friends and they played in the park every day. The little dog was happy too.
Once upon a time, there was a big cat named Tom. Tom liked to sleep in the sun.
One day, he saw a little bird in a tree. The bird said, "Hello, Tom! Do you want
to be my friend?" Tom was happy. He said, "Yes, I want to be your friend." They
sang and played in the garden. Once upon a time, a little boy named Ben found a
box. He opened the box and saw a shiny ball. Ben ran to his mom and said, "Look,
Mom! I found a ball!" His mom smiled and they went to play outside. The end.`;

/** mulberry32: a small 32-bit PRNG with only integer steps, so every
 *  JavaScript engine gives the same sequence. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Byte-pair merges learnt from CORPUS, SentencePiece style: words keep their
 *  leading space, pieces never cross a word boundary, the most frequent
 *  adjacent pair is merged first (ties: the smaller string). Returns `count`
 *  new pieces, each the concatenation of two earlier ones, in learning order. */
function learnMerges(count: number, known: Set<string>): string[] {
  const wordCounts = new Map<string, number>();
  for (const word of (' ' + CORPUS.replace(/\s+/g, ' ')).split(/(?= )/)) {
    wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }
  const words = [...wordCounts].map(([w, n]) => ({ symbols: [...w], n }));
  const merges: string[] = [];
  while (merges.length < count) {
    const pairCounts = new Map<string, { a: string; b: string; n: number }>();
    for (const { symbols, n } of words) {
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = symbols[i] + '\u0000' + symbols[i + 1];
        const entry = pairCounts.get(key) ?? { a: symbols[i], b: symbols[i + 1], n: 0 };
        entry.n += n;
        pairCounts.set(key, entry);
      }
    }
    let best: { a: string; b: string; n: number } | undefined;
    for (const p of pairCounts.values()) {
      if (!best || p.n > best.n || (p.n === best.n && p.a + p.b < best.a + best.b)) best = p;
    }
    if (!best) throw new Error(`model-gen: the corpus yields only ${merges.length} of ${count} merges`);
    const piece = best.a + best.b;
    for (const w of words) {
      const out: string[] = [];
      for (let i = 0; i < w.symbols.length; i++) {
        if (i + 1 < w.symbols.length && w.symbols[i] === best.a && w.symbols[i + 1] === best.b) {
          out.push(piece);
          i++;
        } else {
          out.push(w.symbols[i]);
        }
      }
      w.symbols = out;
    }
    // Two different pairs can spell the same string ("t"+"he", "th"+"e"): one piece.
    if (!known.has(piece)) {
      known.add(piece);
      merges.push(piece);
    }
  }
  return merges;
}

/** The pieces by id, as in tok512.bin: <unk>, BOS, EOS, the 256 byte-fallback
 *  pieces, the space and the printable ASCII characters, then the merges. */
function vocabulary(vocabSize: number): string[] {
  const pieces = ['<unk>', '\n<s>\n', '\n</s>\n'];
  for (let b = 0; b < 256; b++) pieces.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
  for (let c = 0x20; c < 0x7f; c++) pieces.push(String.fromCharCode(c));
  const merges = learnMerges(vocabSize - pieces.length, new Set(pieces));
  return pieces.concat(merges);
}

function tokenizerFile(pieces: string[]): Buffer {
  const bytes = pieces.map((p) => Buffer.from(p, 'latin1'));
  const maxLen = Math.max(...bytes.map((b) => b.length));
  const out = Buffer.alloc(4 + bytes.reduce((n, b) => n + 8 + b.length, 0));
  out.writeInt32LE(maxLen, 0);
  let off = 4;
  bytes.forEach((b, id) => {
    // Special and byte pieces score 0; the rest rank in id order, as in
    // tok512.bin: 0, -1, -2, ... Only merges compete when encoding, and
    // earlier-learnt merges win.
    out.writeFloatLE(id < 259 ? 0 : -(id - 259), off);
    out.writeInt32LE(b.length, off + 4);
    b.copy(out, off + 8);
    off += 8 + b.length;
  });
  return out;
}

export function generateModel(opts: { seed?: number } = {}): GeneratedModel {
  const c = DEFAULT_MODEL_CONFIG;
  const headSize = c.dim / c.nHeads;
  const kvDim = headSize * c.nKvHeads;
  const random = mulberry32(opts.seed ?? DEFAULT_SEED);
  const floats: number[] = [];
  // Uniform in [-scale, scale).
  const fill = (count: number, scale: number): void => {
    for (let i = 0; i < count; i++) floats.push((2 * random() - 1) * scale);
  };
  // A uniform matrix with fan-in n has entries of variance scale^2 / 3:
  // scale = sqrt(3 / n) keeps a vector's magnitude through a matmul.
  const matrix = (layers: number, rows: number, n: number, gain = 1): void => fill(layers * rows * n, gain * Math.sqrt(3 / n));
  const ones = (count: number): void => {
    for (let i = 0; i < count; i++) floats.push(1);
  };

  // Token embeddings (also the classifier). The special and byte-fallback
  // pieces get tiny vectors, hence logits near 0, while the text pieces'
  // logits spread over several units: greedy decoding picks text pieces.
  for (let id = 0; id < c.vocabSize; id++) fill(c.dim, id < 259 ? 0.01 : 1);
  ones(c.nLayers * c.dim); // rms_att
  matrix(c.nLayers, c.dim, c.dim); // wq
  matrix(c.nLayers, kvDim, c.dim); // wk
  matrix(c.nLayers, kvDim, c.dim); // wv
  matrix(c.nLayers, c.dim, c.dim); // wo
  ones(c.nLayers * c.dim); // rms_ffn
  matrix(c.nLayers, c.hiddenDim, c.dim); // w1
  // w2 is larger so that the blocks outweigh the input embedding in the
  // residual stream: otherwise the shared classifier would mostly predict the
  // input token again.
  matrix(c.nLayers, c.dim, c.hiddenDim, 8); // w2
  matrix(c.nLayers, c.hiddenDim, c.dim); // w3
  ones(c.dim); // rms_final
  for (let i = 0; i < c.seqLen * headSize; i++) floats.push(0); // legacy RoPE tables, unused

  const model = Buffer.alloc(28 + 4 * floats.length);
  [c.dim, c.hiddenDim, c.nLayers, c.nHeads, c.nKvHeads, c.vocabSize, c.seqLen].forEach((v, i) => model.writeInt32LE(v, 4 * i));
  floats.forEach((v, i) => model.writeFloatLE(v, 28 + 4 * i));
  return { model, tokenizer: tokenizerFile(vocabulary(c.vocabSize)) };
}
