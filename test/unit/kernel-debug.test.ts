// The kernels carry line tables for gdb, and they change nothing in the image: the
// code built from the same modules without debug info is the same, byte for byte.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { guestTriple, ldFlags, llcFlags, optFlags, sizeLlcFlags, sizeOptFlags } from '../../build/kernel.ts';
import { fromRoot, objDir } from '../../build/paths.ts';
import { builtinsI386, tools } from '../../build/toolchain.ts';
import { testImage } from '../helpers/images.ts';
import { tempDir } from '../helpers/tempdir.ts';

beforeAll(async () => {
  await testImage('default');
});

/** The kernel's linked module with its debug info stripped, through the same opt, llc, ld.lld and objcopy. */
async function rebuildWithoutDebugInfo(kernel: string, opt: string[], llc: string[]): Promise<Buffer> {
  const dir = tempDir('nodebug-');
  const k = (f: string): string => join(objDir, kernel, f);
  const t = (f: string): string => join(dir, f);
  await execa(tools.opt, ['--strip-debug', k('kernel.bc'), '-o', t('stripped.bc')]);
  await execa(tools.opt, [...opt, t('stripped.bc'), '-o', t('opt.bc')]);
  await execa(tools.llc, [...llcFlags, ...llc, t('opt.bc'), '-o', t('kernel.s')]);
  await execa(tools.clang, [`--target=${guestTriple}`, '-c', t('kernel.s'), '-o', t('kernel.o')]);
  await execa(tools.lld, [...ldFlags, '-T', fromRoot('boot', 'linker.ld'), '-o', t('kernel.elf'), join(objDir, 'boot', 'entry.o'), t('kernel.o'), builtinsI386]);
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

  it.each([['aot', optFlags, []], ['bootstrap', optFlags, []], ['jit', optFlags, []], ['meta', sizeOptFlags, sizeLlcFlags]])('%s: kernel.bin is the code built without debug info, byte for byte', async (kernel, opt, llc) => {
    expect((await rebuildWithoutDebugInfo(kernel, opt, llc)).equals(readFileSync(join(objDir, kernel, 'kernel.bin')))).toBe(true);
  });

  it.each(['tinyllama.bc', 'runtime.bc'])('%s, which the engine runs, carries no debug info', async (bc) => {
    const r = await execa('llvm-dis-14', [join(objDir, 'bitcode', bc), '-o', '-']);
    expect(r.stdout).not.toMatch(/!dbg|Debug Info Version|DICompileUnit/);
  });
});
