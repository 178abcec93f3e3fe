// The bareflow command line as a user meets it: messages and exit codes.
import { execa } from 'execa';
import { mkdtempSync, symlinkSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../build/paths.ts';
import { testImage, storiesModel, storiesTokenizer } from './helpers/images.ts';

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [fromRoot('bin', 'bareflow.js'), ...args], { reject: false, timeout: 300_000, env, extendEnv: !env.PATH });

/** A PATH holding node alone: every build tool and QEMU are "not installed". */
function nodeOnlyPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'path-'));
  symlinkSync(process.execPath, join(dir, 'node'));
  return dir;
}

let image: string;
beforeAll(async () => {
  image = (await testImage('stories')).image;
});

describe('bareflow image', () => {
  it('builds an image, lists its parts, and does nothing the second time', async () => {
    const out = mkdtempSync(join(tmpdir(), 'build-'));
    const first = await cli(['image'], { BAREFLOW_OUT: out });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^\[ *1\/\d+\] /m);
    expect(first.stdout).toMatch(/│ stage1 +│ 0 +│ 512 B +│/);
    expect(first.stdout).toMatch(/│ aot +│ 10 +│/);
    expect(first.stdout).toMatch(/fluid_llama\.img: [\d.]+ KiB$/m);
    const manifest = JSON.parse(readFileSync(join(out, 'fluid_llama.manifest.json'), 'utf8'));
    expect(manifest.parts.map((p: { name: string }) => p.name)).toEqual(['aot', 'bootstrap', 'interp', 'data']);
    expect(manifest.files.map((f: { name: string; source: string }) => [f.name, f.source])).toEqual([['model.bin', 'generated'], ['tokenizer.bin', 'generated'], ['tinyllama.bc', 'built']]);
    const second = await cli(['image'], { BAREFLOW_OUT: out });
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('nothing to do: every step is up to date');
    expect(second.stdout).not.toMatch(/\d+\.\d\ds$/m);
  });

  it('rejects a missing model file before building anything', async () => {
    const r = await cli(['image', '--model', '/nonexistent/m.bin', '--tokenizer', storiesTokenizer, '--out', join(tmpdir(), 'x.img')]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: model /nonexistent/m.bin: no such file');
  });

  it('rejects a truncated model and a mismatched tokenizer by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-'));
    const cut = join(dir, 'cut.bin');
    writeFileSync(cut, readFileSync(storiesModel).subarray(0, 4096));
    const r = await cli(['image', '--model', cut, '--tokenizer', storiesTokenizer, '--out', join(dir, 'x.img')]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`error: model ${cut}: 4096 bytes, but its header needs 1056540 (truncated?)`);
    const tok = join(dir, 'tok.bin');
    writeFileSync(tok, readFileSync(storiesTokenizer).subarray(0, 3000));
    const t = await cli(['image', '--model', storiesModel, '--tokenizer', tok, '--out', join(dir, 'x.img')]);
    expect(t.exitCode).toBe(1);
    expect(t.stderr).toBe(`error: tokenizer ${tok}: ends at token 214, but the model's vocabulary has 512`);
  });

  it('wants --model and --tokenizer together, and valid defaults', async () => {
    const r = await cli(['image', '--model', storiesModel]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: --model and --tokenizer go together: give both');
    const s = await cli(['image', '--model', storiesModel, '--tokenizer', storiesTokenizer, '--steps', '513', '--out', join(tmpdir(), 'y.img')]);
    expect(s.exitCode).toBe(1);
    expect(s.stderr).toBe("error: option steps: 513 exceeds the model's context of 512");
  });

  it('names the missing tool when the toolchain is not installed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'notools-'));
    const r = await cli(['image'], { PATH: nodeOnlyPath(), BAREFLOW_OUT: out, HOME: process.env.HOME ?? '/root' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: step '.*' failed: .*\n(nasm|clang-14|llvm-\S+|ld\.lld-14) is not installed: run 'npm run setup'/);
  });
});

describe('bareflow inspect', () => {
  it('lists the parts and verifies every checksum', async () => {
    const r = await cli(['inspect', image]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/│ aot /);
    expect(r.stdout).toMatch(/│ data /);
    expect(r.stdout).toMatch(/│ model\.bin +│ \d+ +│ 1056540 /);
    expect(r.stdout).toMatch(/│ tokenizer\.bin +│ \d+ +│ 6227 /);
    expect(r.stdout).toMatch(/│ bootstrap +│/);
    expect(r.stdout).toMatch(/│ interp = bootstrap +│/);
    expect(r.stdout).toMatch(/│ tinyllama\.bc +│/);
    expect(r.stdout).toContain('model: dim 64, hiddenDim 172, nLayers 5, nHeads 8, nKvHeads 4, vocabSize 512, seqLen 512, sharedClassifier true');
    expect(r.stdout).toContain('model.bin: from ' + storiesModel + ', sha256 b0a507e7ad0f626624f17112325e66691f9076d622e1d3274d103d00299f2696');
    expect(r.stdout).toMatch(/ok: 8 checksums verified$/);
  });

  it('fails on a corrupt image and says which part', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'insp-')), 'bad.img');
    const img = readFileSync(image);
    img[10 * 512 + 64] ^= 0xff;
    writeFileSync(bad, img);
    const r = await cli(['inspect', bad]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/FAIL part aot: crc 0x[0-9a-f]{8} != 0x[0-9a-f]{8}/);
    const r2 = await cli(['inspect', '/nonexistent.img']);
    expect(r2.exitCode).toBe(1);
    expect(r2.stderr).toMatch(/^error: .*no such file/i);
  });
});

describe('bareflow boot', () => {
  it('says so when QEMU is not installed', async () => {
    const r = await cli(['boot', image, '--steps', '4'], { PATH: nodeOnlyPath(), HOME: process.env.HOME ?? '/root' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("error: qemu-system-i386 is not installed: run 'npm run setup'");
  });

  it('names an image that is missing or is not an image', async () => {
    const r = await cli(['boot', '/nonexistent.img']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("error: image /nonexistent.img: no such file (build it with 'npm run image')");
    const r2 = await cli(['boot', storiesTokenizer]);
    expect(r2.exitCode).toBe(1);
    expect(r2.stderr).toBe(`error: image ${storiesTokenizer}: not a BareFlow image: sector 0 has no boot signature 0x55AA`);
  });

  it('rejects bad options before starting QEMU', async () => {
    const r = await cli(['boot', image, '--topp', '7']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("error: option topp: '7' is not a number in [0, 1]");
  });

  it('streams the story, prints the profile and returns the guest exit code', async () => {
    const out = mkdtempSync(join(tmpdir(), 'reports-'));
    const r = await cli(['boot', image, '--prompt', 'The little dog', '--steps', '24', '--run', 'cli-test'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('The little dog');
    expect(r.stdout).toMatch(/\| tokens \| 24 \|/);
    expect(r.stdout).toMatch(/guest exited with code 0$/);
    const report = JSON.parse(readFileSync(join(out, 'reports', 'cli-test.json'), 'utf8'));
    expect(report.tokenIds.slice(0, 4)).toEqual([291, 376, 400, 428]);
  });
});

describe('bareflow report', () => {
  it('puts an aot and an interp run side by side, with ratios and a chart', async () => {
    const out = mkdtempSync(join(tmpdir(), 'report-'));
    for (const mode of ['aot', 'interp']) {
      const r = await cli(['boot', image, '--mode', mode, '--steps', '12', '--run', `r-${mode}`], { BAREFLOW_OUT: out });
      expect(r.exitCode).toBe(0);
    }
    const r = await cli(['report'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Token ids are identical in every run.');
    expect(r.stdout).toMatch(/^\| r-aot \| aot \| [\d,]+ \| [\d,]+ \| [\d.]+ \| 12 \| 1x \| 1x \|$/m);
    expect(r.stdout).toMatch(/^\| r-interp \| interp \| [\d,]+ \| [\d,]+ \| [\d.]+ \| 12 \| [\d.]+x \| [\d.]+x \|$/m);
    const svg = readFileSync(join(out, 'reports', 'compare-aot-interp.svg'), 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('generation');
    const json = JSON.parse(readFileSync(join(out, 'reports', 'compare-aot-interp.json'), 'utf8'));
    expect(json.ratios[0].perToken).toBeGreaterThan(1);
  });

  it('names what is missing', async () => {
    const r = await cli(['report'], { BAREFLOW_OUT: mkdtempSync(join(tmpdir(), 'empty-')) });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: report: no aot run in .*: run 'npx bareflow boot --mode aot' first$/);
    const one = await cli(['report', 'nope-run']);
    expect(one.stderr).toMatch(/^error: report: no run 'nope-run'/);
  });
});
