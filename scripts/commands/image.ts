// `bareflow image`: builds the image and prints its parts.
import { relative, resolve } from 'node:path';
import { buildImage } from '../../build/image-build.ts';
import { root } from '../../build/paths.ts';
import { table } from '../../build/table.ts';
import { kib } from './format.ts';

export interface ImageOptions {
  model?: string;
  tokenizer?: string;
  out: string;
  prompt: string;
  steps: number;
  temperature: number;
  topp: number;
  seed: number;
}

export async function imageCommand(o: ImageOptions): Promise<void> {
  const t0 = performance.now();
  const r = await buildImage({
    out: resolve(o.out),
    modelPath: o.model && resolve(o.model),
    tokenizerPath: o.tokenizer && resolve(o.tokenizer),
    defaults: { mode: 'aot', prompt: o.prompt, steps: o.steps, temperature: o.temperature, topp: o.topp, seed: o.seed },
    log: (l) => console.log(l),
  });
  const ran = r.steps.filter((s) => !s.cached).length;
  const restored = r.steps.filter((s) => s.restored).length;
  const took = `in ${((performance.now() - t0) / 1000).toFixed(1)}s`;
  if (ran === 0 && restored === 0) console.log('nothing to do: every step is up to date');
  else console.log(`${ran} of ${r.steps.length} steps ran${restored > 0 ? `, ${restored} restored from the cache,` : ''} ${took}`);
  const t = table(['part', 'lba', 'size']);
  t.push(['stage1', 0, '512 B'], ['stage2', 1, `${r.manifest.stage2Bytes} B`]);
  for (const p of r.manifest.parts) t.push([p.name, p.lba, kib(p.bytes)]);
  console.log(t.toString());
  console.log(`${relative(root, r.image)}: ${kib(r.manifest.bytes)}`);
}
