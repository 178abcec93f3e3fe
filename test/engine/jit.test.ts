// The JIT's x86-32 encoder (interpreter/jit/x86.c): every instruction form the
// emitter uses, encoded by us and by LLVM's assembler, byte for byte.
import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../build/paths.ts';
import { tools } from '../../build/toolchain.ts';

const work = mkdtempSync(join(tmpdir(), 'jit-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** llvm-mc's `# encoding: [0x01,0xc8]` per instruction; a fixup byte shows as a letter.
 *  "; " splits a line (to switch to AT&T syntax for a form Intel syntax cannot spell). */
async function llvmEncodings(asm: string[]): Promise<string[][]> {
  const r = await execa('llvm-mc-14', ['-triple=i386', '--show-encoding', '-x86-asm-syntax=intel'], { input: ['L:', ...asm].join('\n').replaceAll('; ', '\n') });
  return [...r.stdout.matchAll(/# encoding: \[([^\]]*)\]/g)].map((m) => m[1].split(','));
}

describe('x86 encoder vs llvm-mc', () => {
  it('encodes every form exactly as LLVM does', async () => {
    const exe = join(work, 'x86_encodings');
    await execa(tools.clang, ['-m32', '-O1', '-Wall', '-Werror', '-o', exe,
      fromRoot('test', 'engine', 'jit', 'x86_encodings.c'), fromRoot('interpreter', 'jit', 'x86.c')]);
    const lines = (await execa(exe)).stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(lines.length).toBeGreaterThan(100);
    const want = await llvmEncodings(lines.map(([asm]) => asm));
    expect(want.length).toBe(lines.length);
    const mismatches = lines.flatMap(([asm, ours], i) => {
      const got = ours.split(',');
      const same = got.length === want[i].length && want[i].every((b, j) => /^[A-Z]$/.test(b) || Number(b) === Number(got[j]));
      return same ? [] : [`${asm}: ours ${ours}, llvm-mc ${want[i].join(',')}`];
    });
    expect(mismatches).toEqual([]);
  });
});
