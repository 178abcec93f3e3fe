#!/usr/bin/env node
// Fresh-machine bootstrap, run before `npm run image`, `npm test` and friends.
// Plain Node with no dependencies: it runs before node_modules exists.
// 1. installs the Debian packages the build needs (apt-get as root, sudo otherwise),
//    and QEMU's user-mode emulator when the kernel cannot run i386 programs;
// 2. runs `npm ci` when node_modules is missing or older than package-lock.json;
// 3. compiles the CLI into dist/ when a source changed (scripts/build-cli.js).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// The host engine (bfi) and the native -m32 builds the tests compare with are
// i386 programs. Some kernels run them natively; some (IA-32 emulation off, as
// on this project's cloud machines) refuse them with ENOEXEC, and then QEMU's
// user-mode emulator, registered with binfmt_misc, runs them. The probe is the
// smallest i386 ELF there is: exit(0) through int 0x80.
function i386Probe() {
  const code = Buffer.from([0xb8, 1, 0, 0, 0, 0x31, 0xdb, 0xcd, 0x80]);   // mov eax, 1; xor ebx, ebx; int 0x80
  const elf = Buffer.alloc(84 + code.length);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1], 0);                          // ELF, 32-bit, little-endian, version 1
  elf.writeUInt16LE(2, 16); elf.writeUInt16LE(3, 18); elf.writeUInt32LE(1, 20);   // executable, i386
  elf.writeUInt32LE(0x08048000 + 84, 24); elf.writeUInt32LE(52, 28);      // entry, program headers at 52
  elf.writeUInt16LE(52, 40); elf.writeUInt16LE(32, 42); elf.writeUInt16LE(1, 44);  // header sizes, one segment
  elf.writeUInt32LE(1, 52); elf.writeUInt32LE(0, 56);                     // PT_LOAD from offset 0
  elf.writeUInt32LE(0x08048000, 60); elf.writeUInt32LE(0x08048000, 64);
  elf.writeUInt32LE(elf.length, 68); elf.writeUInt32LE(elf.length, 72); elf.writeUInt32LE(5, 76); elf.writeUInt32LE(0x1000, 80);
  elf.set(code, 84);
  const dir = mkdtempSync(join(tmpdir(), 'bareflow-i386-'));
  const file = join(dir, 'probe');
  writeFileSync(file, elf, { mode: 0o755 });
  const r = spawnSync(file, [], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
  return r.status === 0;
}

function ensureI386() {
  if (i386Probe()) return;
  console.log('setup: this kernel does not run i386 programs (IA-32 emulation off): QEMU user-mode emulation will');
  aptInstall(['qemu-user-binfmt']);
  if (!i386Probe()) {
    console.error('setup: i386 programs still do not run after installing qemu-user-binfmt: is binfmt_misc mounted?\n' +
      '  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc && update-binfmts --enable qemu-i386');
    process.exit(1);
  }
}

function npmDepsStale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

const missing = missingPackages();
if (missing.length > 0) aptInstall(missing);
ensureI386();
if (npmDepsStale()) {
  console.log('setup: npm ci');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
// After npm ci: build-cli.js needs esbuild.
const { buildCli, currentBuild } = await import('./build-cli.js');
if (!currentBuild()) await buildCli();
