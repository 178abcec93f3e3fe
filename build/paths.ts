// Where things live. Every build output goes under images/ (gitignored).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// BAREFLOW_OUT moves every output elsewhere (tests use it for isolated builds).
export const imagesDir = process.env.BAREFLOW_OUT ?? join(root, 'images');
export const objDir = join(imagesDir, 'obj');
export const reportsDir = join(imagesDir, 'reports');
export const defaultImage = join(imagesDir, 'fluid_llama.img');
export const sharedModels = join(root, '..', 'shared', 'models');

export const fromRoot = (...parts: string[]): string => join(root, ...parts);
