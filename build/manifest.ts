// The image manifest: what went into an image, written next to it.
import { writeFileSync } from 'node:fs';
import type { ModelConfig } from './model.ts';
import type { BootOptions } from './options.ts';
import type { KernelSize } from './size.ts';
import { assertValid } from './schema.ts';

export interface Manifest {
  format: 1;
  image: string;
  bytes: number;
  stage1Bytes: number;
  stage2Bytes: number;
  parts: { name: string; lba: number; bytes: number; crc32: number }[];
  files: { name: string; source: string; bytes: number; sha256: string }[];
  model: ModelConfig;
  defaults: BootOptions;
  /** Each kernel's loaded bytes by part of the source tree (build/size.ts). */
  kernels: KernelSize[];
  toolchain: Record<string, string>;
}

export function writeManifest(path: string, m: Manifest): void {
  assertValid('manifest', m, 'image manifest');
  writeFileSync(path, JSON.stringify(m, null, 2) + '\n');
}
