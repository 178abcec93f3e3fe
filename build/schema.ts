// JSON schemas (build/schemas/*.json) compiled once with ajv.
import type { Ajv, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromRoot } from './paths.ts';

// Loaded on first use (~150 ms of start-up otherwise, for commands that validate nothing).
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

export function validator(schema: string): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    ajv ??= new (createRequire(import.meta.url)('ajv') as typeof import('ajv')).Ajv({ allErrors: true });
    v = ajv.compile(JSON.parse(readFileSync(fromRoot('build', 'schemas', `${schema}.schema.json`), 'utf8')));
    compiled.set(schema, v);
  }
  return v;
}

/** Throws with every violation when `value` does not match `schema`. */
export function assertValid<T>(schema: string, value: unknown, what: string): T {
  const v = validator(schema);
  if (!v(value)) {
    const why = (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`${what} does not match the ${schema} schema: ${why}`);
  }
  return value as T;
}
