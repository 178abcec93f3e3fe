// The kernels carry line tables for gdb, and they change nothing in the image: the
// code built from the same modules without debug info is the same, byte for byte.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBuild } from '../../build/image-build.ts';
import { guestTriple, ldFlags, llcFlags, optFlags, sizeLlcFlags, sizeOptFlags } from '../../build/kernel.ts';
import { fromRoot, objDir } from '../../build/paths.ts';
import { builtinsI386, tools } from '../../build/toolchain.ts';
import { testImage } from '../helpers/images.ts';
import { tempDir } from '../helpers/tempdir.ts';

beforeAll(async () => {
  await testImage('default');
});

/** `bc` with its debug info stripped, through opt and llc with these flags, assembled to `<dir>/<name>.o`. */
async function objectWithoutDebugInfo(dir: string, name: string, bc: string, opt: readonly string[], llc: readonly string[]): Promise<string> {
  const t = (ext: string): string => join(dir, `${name}.${ext}`);
  await execa(tools.opt, ['--strip-debug', bc, '-o', t('stripped.bc')]);
  await execa(tools.opt, [...opt, t('stripped.bc'), '-o', t('opt.bc')]);
  await execa(tools.llc, [...llc, t('opt.bc'), '-o', t('s')]);
  await execa(tools.clang, [`--target=${guestTriple}`, '-c', t('s'), '-o', t('o')]);
  return t('o');
}

/** The kernel's linked module, and the objects it compiles apart (exec.c's dispatch loop), with their debug info stripped, through the same opt, llc, ld.lld and objcopy. */
async function rebuildWithoutDebugInfo(kernel: 'aot' | 'bootstrap' | 'jit' | 'meta', opt: readonly string[], llc: readonly string[]): Promise<Buffer> {
  const dir = tempDir('nodebug-');
  const t = (f: string): string => join(dir, f);
  const module = await objectWithoutDebugInfo(dir, 'kernel', join(objDir, kernel, 'kernel.bc'), opt, [...llcFlags, ...llc]);
  const apart = await Promise.all(kernelBuild()[kernel].apart.map((a, i) => objectWithoutDebugInfo(dir, `apart${i}`, a.object, opt, a.llcFlags)));
  await execa(tools.lld, [...ldFlags, '-T', fromRoot('boot', 'linker.ld'), '-o', t('kernel.elf'), join(objDir, 'boot', 'entry.o'), module, ...apart, builtinsI386]);
  await execa(tools.objcopy, ['-O', 'binary', t('kernel.elf'), t('kernel.bin')]);
  return readFileSync(t('kernel.bin'));
}

describe('kernel debug info', () => {
  it.each([
    ['aot', 'tinyllama/main.c', 'app_main'],
    ['bootstrap', 'interpreter/guest.c', 'app_main'],
    ['jit', 'interpreter/guest_jit.c', 'guest_jit_start'],
    ['meta', 'interpreter/guest_meta.c', 'app_main'],
  ])('%s: kernel.elf maps code to source lines for gdb', async (kernel, file, fn) => {
    const elf = join(objDir, kernel, 'kernel.elf');
    const r = await execa('gdb', ['-batch', '-nx', '-ex', 'info line kmain', '-ex', `info line ${fn}`, elf]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Line \\d+ of "${fromRoot('kernel_lib', 'kmain.c')}" starts at address 0x[0-9a-f]+ <kmain> `));
    expect(lines[1]).toMatch(new RegExp(`^Line \\d+ of "${fromRoot(file)}" starts at address 0x[0-9a-f]+ <${fn}> `));
  });

  it.each([['aot', optFlags, []], ['bootstrap', optFlags, []], ['jit', optFlags, []], ['meta', sizeOptFlags, sizeLlcFlags]] as const)('%s: kernel.bin is the code built without debug info, byte for byte', async (kernel, opt, llc) => {
    expect((await rebuildWithoutDebugInfo(kernel, opt, llc)).equals(readFileSync(join(objDir, kernel, 'kernel.bin')))).toBe(true);
  });

  it.each(['tinyllama.bc', 'runtime.bc'])('%s, which the engine runs, carries no debug info', async (bc) => {
    const r = await execa('llvm-dis-14', [join(objDir, 'bitcode', bc), '-o', '-']);
    expect(r.stdout).not.toMatch(/!dbg|Debug Info Version|DICompileUnit/);
  });
});
