#!/usr/bin/env node
// Fresh-machine bootstrap, run before `npm run image`, `npm test` and friends.
// Plain Node with no dependencies: it runs before node_modules exists.
// 1. installs the Debian packages the build needs (apt-get as root, sudo otherwise);
// 2. runs `npm ci` when node_modules is missing or older than package-lock.json;
// 3. compiles the CLI into dist/ when a source changed (scripts/build-cli.js).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Debian 12 package → a file it installs, to tell whether it is there.
const packages = {
  'clang-14': '/usr/bin/clang-14',
  'lld-14': '/usr/bin/ld.lld-14',
  'llvm-14': '/usr/bin/llc-14',
  'llvm-14-dev': '/usr/lib/llvm-14/include/llvm/IR/Module.h',
  'libclang-rt-14-dev': '/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.builtins-i386.a',
  nasm: '/usr/bin/nasm',
  'qemu-system-x86': '/usr/bin/qemu-system-i386',
  'gcc-multilib': '/usr/lib/gcc/x86_64-linux-gnu/12/32/crtbegin.o',
  'libc6-dev-i386': '/usr/include/x86_64-linux-gnu/gnu/stubs-32.h',
  cmake: '/usr/bin/cmake',
  'g++': '/usr/bin/g++',
  valgrind: '/usr/bin/valgrind',
};

function missingPackages() {
  return Object.entries(packages)
    .filter(([, file]) => !existsSync(file))
    .map(([name]) => name);
}

function aptInstall(names) {
  const isRoot = process.getuid?.() === 0;
  const hasSudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  const command = `apt-get update && apt-get install -y ${names.join(' ')}`;
  if (!isRoot && !hasSudo) {
    console.error(`setup: missing Debian packages: ${names.join(', ')}`);
    console.error(`setup: run this as root, then try again:\n  sudo sh -c '${command}'`);
    process.exit(1);
  }
  const prefix = isRoot ? [] : ['sudo', '-n'];
  console.log(`setup: installing ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', ...names]]) {
    const [cmd, ...rest] = [...prefix, ...args];
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`setup: '${[cmd, ...rest].join(' ')}' failed (exit ${r.status}); run it by hand:\n  sudo sh -c '${command}'`);
      process.exit(1);
    }
  }
}

function npmDepsStale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

const missing = missingPackages();
if (missing.length > 0) aptInstall(missing);
if (npmDepsStale()) {
  console.log('setup: npm ci');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
// After npm ci: build-cli.js needs esbuild.
const { buildCli, currentBuild } = await import('./build-cli.js');
if (!currentBuild()) await buildCli();
