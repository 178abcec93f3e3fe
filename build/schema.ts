// JSON schemas (build/schemas/*.json) compiled once with ajv.
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { fromRoot } from './paths.ts';

const ajv = new Ajv({ allErrors: true });
const compiled = new Map<string, ValidateFunction>();

export function validator(schema: string): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
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
