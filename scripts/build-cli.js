// Compiles the TypeScript CLI to JavaScript in dist/ with esbuild, so that
// `bareflow` starts without a TypeScript loader. bin/bareflow.js and
// scripts/setup.js check the build (one stat per source) and rebuild it when a
// source changed.
//
// One output module per source module, starting from scripts/bareflow.ts and
// following its relative imports (npm packages stay imports): a module loads
// only when its command runs, as with the sources, and a module that does not
// compile breaks only the commands that import it. Each build goes to its own
// dist/<id>/; dist/cli.json, which names it and records the size and mtime of
// every source, is replaced last, so a process starting during a rebuild sees
// one whole build or the other.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist');
const manifestFile = join(distDir, 'cli.json');
const entry = 'scripts/bareflow.ts';

/** The current build's entry module (a file URL), or undefined when dist/ is missing or a source's size or mtime changed. */
export function currentBuild() {
  try {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (m.root !== root) return undefined; // the checkout moved
    for (const [file, [mtimeMs, size]] of Object.entries(m.inputs)) {
      const s = statSync(join(root, file));
      if (s.mtimeMs !== mtimeMs || s.size !== size) return undefined;
    }
    return pathToFileURL(join(distDir, m.dir, m.entry)).href;
  } catch {
    return undefined;
  }
}

/** Compiles one source module; returns its code and the sources it imports (relative to the root). */
async function compile(build, source) {
  const imports = [];
  const importsAsJs = {
    name: 'imports-as-js',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        imports.push(relative(root, resolve(dirname(args.importer), args.path)));
        return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      });
    },
  };
  try {
    const r = await build({
      absWorkingDir: root,
      entryPoints: [source],
      bundle: true,
      packages: 'external',
      plugins: [importsAsJs],
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // The module sees its source's URL: build/paths.ts finds the root from it.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, source)).href) },
      sourcemap: 'inline',
      write: false,
      logLevel: 'silent',
    });
    return { code: r.outputFiles[0].text, imports };
  } catch (err) {
    const why = err.errors?.map((e) => `${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : ''}${e.text}`).join('; ') ?? String(err);
    return { code: `throw new Error(${JSON.stringify(why)});\n`, imports: [] };
  }
}

function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Compiles the CLI into a new dist/<id>/, makes it current, and returns the file URL of its entry module. */
export async function buildCli() {
  const started = Date.now();
  const id = `${started.toString(36)}-${process.pid}`;
  const out = join(distDir, id);
  const { build } = await import('esbuild');
  const compiled = new Map();
  for (let wave = [entry]; wave.length > 0; ) {
    const results = await Promise.all(wave.map((source) => compile(build, source)));
    wave.forEach((source, i) => compiled.set(source, results[i]));
    wave = [...new Set(results.flatMap((r) => r.imports))].filter((s) => !compiled.has(s));
  }
  for (const [source, { code }] of compiled) {
    const file = join(out, source.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
  }

  // A source saved while it was being compiled is recorded with mtime 0: the next start rebuilds.
  const sources = [...compiled.keys(), relative(root, fileURLToPath(import.meta.url))];
  const inputs = Object.fromEntries(
    sources.map((f) => {
      const s = statSync(join(root, f));
      return [f, [s.mtimeMs < started ? s.mtimeMs : 0, s.size]];
    }),
  );
  let previous;
  try {
    previous = JSON.parse(readFileSync(manifestFile, 'utf8')).dir;
  } catch {
    // the first build
  }
  writeAtomic(manifestFile, JSON.stringify({ root, dir: id, entry: entry.replace(/\.ts$/, '.js'), inputs }, null, 1));

  // Older builds go, but not the one before (a process started on it may still import
  // its modules) nor one being written by a concurrent rebuild (its mtime is recent).
  for (const d of readdirSync(distDir, { withFileTypes: true })) {
    const dir = join(distDir, d.name);
    if (d.isDirectory() && d.name !== id && d.name !== previous && statSync(dir).mtimeMs < started - 60_000) rmSync(dir, { recursive: true, force: true });
  }
  return pathToFileURL(join(out, entry.replace(/\.ts$/, '.js'))).href;
}
