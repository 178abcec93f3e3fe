// Compiles the TypeScript CLI to JavaScript in dist/ with esbuild, so that
// `bareflow` starts without a TypeScript loader. bin/bareflow.js and
// scripts/setup.js check the build (one stat per source) and rebuild it when a
// source changed.
//
// One output module per source module, starting from scripts/bareflow.ts and
// following its relative imports: a module loads only when its command runs,
// as with the sources, and a module that does not compile breaks only the
// commands that import it. The npm packages on the start-up path, made of many
// small files (execa alone is ~100), are bundled into one module each under
// vendor/; the others stay plain imports. Each build goes to its own
// dist/<id>/; dist/cli.json, which names it and records the size and mtime of
// every input, is replaced last, so a process starting during a rebuild sees
// one whole build or the other.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist');
const manifestFile = join(distDir, 'cli.json');
const entry = 'scripts/bareflow.ts';
const vendored = ['commander', 'execa', 'cli-table3'];
// npm rewrites it on every install: the vendor bundles follow node_modules through it.
const installedPackages = 'node_modules/.package-lock.json';

/** The current build's entry module (a file URL), or undefined when dist/ is missing or an input's size or mtime changed. */
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

const esbuildOptions = { absWorkingDir: root, bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' };

/** An import specifier for `target` (relative to the output root) from the output module of `source`. */
function importPath(source, target) {
  const p = relative(dirname(source), target);
  return p.startsWith('.') ? p : `./${p}`;
}

/** Compiles one source module; returns its code, the sources it imports and the vendored packages it uses. */
async function compile(build, source) {
  const imports = [];
  const packages = [];
  const rewriteImports = {
    name: 'rewrite-imports',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        imports.push(relative(root, resolve(dirname(args.importer), args.path)));
        return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      });
      b.onResolve({ filter: new RegExp(`^(${vendored.join('|')})$`) }, (args) => {
        packages.push(args.path);
        return { path: importPath(source, `vendor/${args.path}.js`), external: true };
      });
    },
  };
  try {
    const r = await build({
      ...esbuildOptions,
      entryPoints: [source],
      packages: 'external',
      plugins: [rewriteImports],
      // The module sees its source's URL: build/paths.ts finds the root from it.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, source)).href) },
      sourcemap: 'inline',
    });
    return { code: r.outputFiles[0].text, imports, packages };
  } catch (err) {
    const why = err.errors?.map((e) => `${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : ''}${e.text}`).join('; ') ?? String(err);
    return { code: `throw new Error(${JSON.stringify(why)});\n`, imports: [], packages: [] };
  }
}

/** One npm package (its entry for `import`) and its dependencies as one ES module. */
async function bundlePackage(build, name) {
  const r = await build({
    ...esbuildOptions,
    entryPoints: [fileURLToPath(import.meta.resolve(name))],
    // CommonJS code in an ES module still needs `require` (for Node's built-in modules).
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return r.outputFiles[0].text;
}

function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Compiles the CLI into a new dist/<id>/, makes it current, and returns the file URL of its entry module. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const started = Date.now();
  const id = `${started.toString(36)}-${process.pid}`;
  const out = join(distDir, id);
  const modules = new Map();
  for (let wave = [entry]; wave.length > 0; ) {
    const results = await Promise.all(wave.map((source) => compile(build, source)));
    wave.forEach((source, i) => modules.set(source, results[i]));
    wave = [...new Set(results.flatMap((r) => r.imports))].filter((s) => !modules.has(s));
  }
  const packages = [...new Set([...modules.values()].flatMap((m) => m.packages))];
  const files = [
    ...[...modules].map(([source, m]) => [source.replace(/\.ts$/, '.js'), m.code]),
    ...(await Promise.all(packages.map(async (p) => [`vendor/${p}.js`, await bundlePackage(build, p)]))),
  ];
  for (const [file, code] of files) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), code);
  }

  // An input saved while it was being compiled is recorded with mtime 0: the next start rebuilds.
  const inputs = Object.fromEntries(
    [...modules.keys(), relative(root, fileURLToPath(import.meta.url)), installedPackages].map((f) => {
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
