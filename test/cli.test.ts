// The bareflow command line as a user meets it: messages and exit codes.
import { execa } from 'execa';
import { existsSync, readdirSync, symlinkSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { imageSha256 } from '../build/image-file.ts';
import { fromRoot } from '../build/paths.ts';
import { hostTokenIds } from './helpers/guest.ts';
import { testImage, storiesModel, storiesTokenizer } from './helpers/images.ts';
import { tempDir } from './helpers/tempdir.ts';

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [fromRoot('bin', 'bareflow.js'), ...args], { reject: false, timeout: 300_000, env, extendEnv: !env.PATH });

/** A PATH holding node alone: every build tool and QEMU are "not installed". */
function nodeOnlyPath(): string {
  const dir = tempDir('path-');
  symlinkSync(process.execPath, join(dir, 'node'));
  return dir;
}

let image: string;
beforeAll(async () => {
  image = (await testImage('stories')).image;
});

describe('bareflow image', () => {
  it('builds an image, lists its parts, and does nothing the second time', async () => {
    const out = tempDir('build-');
    const first = await cli(['image'], { BAREFLOW_OUT: out });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^\[ *1\/\d+\] /m);
    expect(first.stdout).toMatch(/│ stage1 +│ 0 +│ 512 B +│/);
    expect(first.stdout).toMatch(/│ aot +│ 10 +│/);
    expect(first.stdout).toMatch(/fluid_llama\.img: [\d.]+ KiB$/m);
    const manifest = JSON.parse(readFileSync(join(out, 'fluid_llama.manifest.json'), 'utf8'));
    expect(manifest.parts.map((p: { name: string }) => p.name)).toEqual(['aot', 'bootstrap', 'jit', 'meta', 'interp', 'data', 'cache']);
    expect(manifest.files.map((f: { name: string; source: string }) => [f.name, f.source])).toEqual([['model.bin', 'generated'], ['tokenizer.bin', 'generated'], ['tinyllama.bc', 'built'], ['runtime.bc', 'built']]);
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
    const dir = tempDir('bad-');
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
    const out = tempDir('notools-');
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
    expect(r.stdout).toMatch(/│ jit +│/);
    expect(r.stdout).toMatch(/│ tinyllama\.bc +│/);
    expect(r.stdout).toContain('model: dim 64, hiddenDim 172, nLayers 5, nHeads 8, nKvHeads 4, vocabSize 512, seqLen 512, sharedClassifier true');
    expect(r.stdout).toContain('model.bin: from ' + storiesModel + ', sha256 b0a507e7ad0f626624f17112325e66691f9076d622e1d3274d103d00299f2696');
    // Each kernel's loaded bytes by part: the last row is each part's size in the table above.
    expect(r.stdout).toMatch(/│ kernel bytes by part +│ aot +│ bootstrap +│ jit +│ meta +│/);
    const partBytes = ['aot', 'bootstrap', 'jit', 'meta'].map((k) => r.stdout.match(new RegExp(`│ ${k} +│ \\d+ +│ \\d+ +│ (\\d+) `))![1]);
    expect(r.stdout).toMatch(new RegExp(`│ loaded \\(the flat binary\\) +│ ${partBytes.join(' +│ ')} +│`));
    expect(r.stdout).toMatch(/ok: 13 checksums verified$/);
  });

  it('fails on a corrupt image and says which part', async () => {
    const bad = join(tempDir('insp-'), 'bad.img');
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
    const out = tempDir('reports-');
    const r = await cli(['boot', image, '--prompt', 'The little dog', '--steps', '24', '--run', 'cli-test'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('The little dog');
    expect(r.stdout).toMatch(/^│ tokens +│ 24 +│$/m);
    expect(r.stdout).toMatch(/guest exited with code 0$/);
    const report = JSON.parse(readFileSync(join(out, 'reports', 'cli-test.json'), 'utf8'));
    expect(report.tokenIds.slice(0, 4)).toEqual([291, 376, 400, 428]);
  });
});

describe('bareflow report', () => {
  it('puts an aot and an interp run side by side, with ratios and a chart', async () => {
    const out = tempDir('report-');
    for (const mode of ['aot', 'interp']) {
      // -icount: instruction counts are deterministic, so the ratio below cannot flip under load
      const r = await cli(['boot', image, '--mode', mode, '--steps', '12', '--icount', '--run', `r-${mode}`], { BAREFLOW_OUT: out });
      expect(r.exitCode).toBe(0);
    }
    const r = await cli(['report'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Token ids are identical in every run.');
    expect(r.stdout).toContain('unit: guest instructions, counted under -icount (deterministic)');
    expect(r.stdout).toMatch(/^│ r-aot +│ aot +│ [\d,]+ +│ [\d,]+ +│ – +│ 12 +│ 1\.00x +│ 1\.00x +│$/m);
    expect(r.stdout).toMatch(/^│ r-interp +│ interp +│ [\d,]+ +│ [\d,]+ +│ – +│ 12 +│ [\d.]+x +│ [\d.]+x +│$/m);
    // Where boot to first token goes: interp decodes the bitcode, aot has none to decode.
    expect(r.stdout).toMatch(/^│ bitcode +│ 0 +│ [\d,]+ +│$/m);
    expect(r.stdout).toMatch(/^│ boot to first token +│ [\d,]+ +│ [\d,]+ +│$/m);
    const svg = readFileSync(join(out, 'reports', 'compare-aot-interp.svg'), 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('generation');
    const json = JSON.parse(readFileSync(join(out, 'reports', 'compare-aot-interp.json'), 'utf8'));
    expect(json.ratios[1]).toMatchObject({ run: 'r-interp', against: 'r-aot' });
    expect(json.ratios[1].perToken).toBeGreaterThan(1);
  });

  it('names what is missing', async () => {
    const r = await cli(['report'], { BAREFLOW_OUT: tempDir('empty-') });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: report: no aot run in .*: run 'npx bareflow boot --mode aot' first$/);
    const one = await cli(['report', 'nope-run']);
    expect(one.stderr).toMatch(/^error: report: no run 'nope-run'/);
  });
});

// Issue 8: runs and reports a person can trust.
describe('bareflow runs and reports', () => {
  const reportsIn = (out: string): string => join(out, 'reports');
  const runJson = (out: string, run: string) => JSON.parse(readFileSync(join(reportsIn(out), `${run}.json`), 'utf8'));

  it('inspect names a missing image and a directory', async () => {
    const r = await cli(['inspect', '/nonexistent.img']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("error: image /nonexistent.img: no such file (build it with 'npm run image')");
    const dir = tempDir('dir-');
    const d = await cli(['inspect', dir]);
    expect(d.exitCode).toBe(1);
    expect(d.stderr).toBe(`error: image ${dir}: is a directory`);
  });

  it('rejects run and report names that leave images/reports, and writes nothing', async () => {
    const out = tempDir('names-');
    for (const name of ['../../zz', 'a/b', 'a\\b', '..']) {
      const r = await cli(['boot', image, '--steps', '4', '--run', name], { BAREFLOW_OUT: out });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toBe(`error: run name '${name}': must not contain '/', '\\' or '..'`);
      expect(r.stdout).toBe('');
    }
    const rep = await cli(['report', '--name', '../../escape'], { BAREFLOW_OUT: out });
    expect(rep.exitCode).toBe(1);
    expect(rep.stderr).toBe("error: report name '../../escape': must not contain '/', '\\' or '..'");
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, '..', 'escape.json'))).toBe(false);
  });

  it('records what a run ran, and refuses to overwrite a run', async () => {
    const out = tempDir('config-');
    const r = await cli(['boot', image, '--prompt', 'The little dog', '--steps', '8', '--seed', '7', '--icount', '--run', 'rec'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    const p = runJson(out, 'rec');
    expect(p.config).toEqual({
      mode: 'aot',
      prompt: 'The little dog',
      steps: 8,
      temperature: 0,
      topp: 0.9,
      seed: 7,
      icount: true,
      gdb: false,
      image,
      imageSha256: imageSha256(readFileSync(image)), // the image without its cache part
      modelSha256: 'b0a507e7ad0f626624f17112325e66691f9076d622e1d3274d103d00299f2696',
    });
    expect(p.unit).toBe('instructions');
    const before = readFileSync(join(reportsIn(out), 'rec.json'), 'utf8');
    const again = await cli(['boot', image, '--steps', '4', '--run', 'rec'], { BAREFLOW_OUT: out });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toBe(`error: run 'rec' exists (${join(reportsIn(out), 'rec.json')}): give another --run name`);
    expect(again.stdout).toBe('');
    expect(readFileSync(join(reportsIn(out), 'rec.json'), 'utf8')).toBe(before);
  });

  it('prints the profile as a plain table, and keeps Markdown for the .md file', async () => {
    const out = tempDir('table-');
    const r = await cli(['boot', image, '--steps', '8', '--run', 'tab'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^│ tokens +│ 8 +│$/m);
    expect(r.stdout).not.toMatch(/^\|/m);
    expect(readFileSync(join(reportsIn(out), 'tab.md'), 'utf8')).toMatch(/^\| tokens \| 8 \|$/m);
  });

  it('echoes a non-ASCII prompt as the tokenizer and run.c do: pieces in the vocabulary print, byte-fallback tokens do not', async () => {
    const out = tempDir('utf8-');
    const prompt = 'Zoë saw the café';
    const r = await cli(['boot', image, '--prompt', prompt, '--steps', '12', '--run', 'utf8'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    // 'é' is a piece of tok512; 'ë' is not, so it becomes two byte tokens (<0xC3> <0xAB>: id = byte + 3),
    // and safe_printf (as llama2.c's run.c) prints a lone byte only if it is printable ASCII or white space.
    const p = runJson(out, 'utf8');
    expect(p.promptTokens.slice(4, 6)).toEqual([...Buffer.from('ë')].map((b) => b + 3));
    expect(r.stdout).toContain('\nZo saw the café');
    const host = await hostTokenIds(storiesModel, storiesTokenizer, { prompt, steps: 12, temperature: 0, topp: 0.9, seed: 42 });
    expect(host.stdout.startsWith('Zo saw the café')).toBe(true);
  });

  it('exits quietly when the reader of its output goes away (EPIPE)', async () => {
    const child = cli(['boot', image, '--steps', '8']);
    child.stdout!.destroy();
    const r = await child;
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(141);
  });

  it('--gdb names the ELF the mode boots, and honours --timeout', async () => {
    for (const [mode, kernel] of [['aot', 'aot'], ['interp', 'bootstrap']]) {
      const r = await cli(['boot', image, '--mode', mode, '--gdb', '--timeout', '2']);
      expect(r.exitCode).toBe(1);
      const elf = join('images', 'obj', kernel, 'kernel.elf');
      expect(r.stdout.split('\n')[0]).toBe(`QEMU waits for gdb: gdb ${elf} -ex 'target remote :1234'`);
      expect(existsSync(fromRoot(elf))).toBe(true);
      expect(r.stdout).toMatch(/timed out \(the guest did not exit\)$/);
    }
  });
});

describe('bareflow report and runs: which runs, which unit, what differs', () => {
  let out: string;
  const boot = async (run: string, args: string[]) => {
    const r = await cli(['boot', image, '--steps', '12', ...args, '--run', run], { BAREFLOW_OUT: out });
    return r.exitCode;
  };
  beforeAll(async () => {
    out = tempDir('runs-');
    expect(await boot('t-aot', ['--mode', 'aot'])).toBe(0);
    expect(await boot('t-interp', ['--mode', 'interp'])).toBe(0);
    expect(await boot('i-aot', ['--mode', 'aot', '--icount'])).toBe(0);
    expect(await boot('i-interp', ['--mode', 'interp', '--icount'])).toBe(0);
    expect(await boot('p-aot', ['--prompt', 'The little dog', '--steps', '10'])).toBe(0);
    // Newer than the icount aot run, but failed (5 prompt tokens in 3 steps) or under gdb.
    expect(await boot('bad-aot', ['--icount', '--steps', '3'])).toBe(8);
    const gdbRun = JSON.parse(readFileSync(join(out, 'reports', 'i-aot.json'), 'utf8'));
    writeFileSync(join(out, 'reports', 'g-aot.json'), JSON.stringify({ ...gdbRun, run: 'g-aot', date: new Date().toISOString(), config: { ...gdbRun.config, gdb: true } }));
  });

  it('without runs: the newest successful run per mode, -icount ones when every mode has one', async () => {
    const r = await cli(['report'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('runs: i-aot (aot), i-interp (interp): the newest -icount run of each mode that exited 0 without --gdb');
    expect(r.stdout).toContain('unit: guest instructions, counted under -icount (deterministic)');
    const imageSha = imageSha256(readFileSync(image)).slice(0, 12);
    expect(r.stdout).toContain(`every run: prompt 'Once upon a time', steps 12, temperature 0, top-p 0.9, seed 42, icount true, image sha256 ${imageSha}…, model sha256 b0a507e7ad0f…`);
    expect(r.stdout).toMatch(/^│ i-aot +│ aot +│ [\d,]+ +│ [\d,]+ +│ – +│ 12 +│ 1\.00x +│ 1\.00x +│$/m);
    expect(r.stdout).toMatch(/^│ i-interp +│ interp +│ [\d,]+ +│ [\d,]+ +│ – +│ 12 +│ \d+\.\d\dx +│ \d+\.\d\dx +│$/m);
    const md = readFileSync(join(out, 'reports', 'compare-aot-interp.md'), 'utf8');
    expect(md).toContain('| setup |');
    const svg = readFileSync(join(out, 'reports', 'compare-aot-interp.svg'), 'utf8');
    for (const text of ['Boot to first token', 'Whole run', 'Instructions per token', 'i-aot (aot)', 'i-interp (interp)']) expect(svg).toContain(text);
  });

  it('says in which unit it compares, and warns when runs differ in anything but mode', async () => {
    const r = await cli(['report', 'p-aot', 't-interp', '--name', 'mixed'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('unit: guest TSC cycles, which follow host time under TCG without -icount (about ±40% between runs); ms at the host\'s TSC rate');
    expect(r.stderr).toBe("warning: the runs differ in prompt ('The little dog' in p-aot, 'Once upon a time' in t-interp), steps (10 in p-aot, 12 in t-interp)");
    const m = await cli(['report', 'i-aot', 't-interp', '--name', 'units'], { BAREFLOW_OUT: out });
    expect(m.exitCode).toBe(0);
    expect(m.stderr.split('\n')).toEqual([
      'warning: the runs differ in icount (true in i-aot, false in t-interp)',
      'warning: the runs mix guest instructions (-icount) and TSC cycles: each ratio is against the first run in the same unit',
    ]);
    expect(m.stdout).toMatch(/^│ t-interp +│ interp +│ [\d,]+ \([\d.]+ ms\) +│ [\d,]+ \([\d.]+ ms\) +│ [\d.]+ +│ 12 +│ 1\.00x +│ 1\.00x +│$/m);
    const f = await cli(['report', 'g-aot', 'bad-aot', 'i-interp', '--name', 'failed'], { BAREFLOW_OUT: out });
    expect(f.exitCode).toBe(0);
    expect(f.stderr.split('\n')).toEqual([
      'warning: the runs differ in steps (12 in g-aot, 3 in bad-aot, 12 in i-interp)',
      'warning: g-aot ran under --gdb: its figures may not mean what they seem',
      'warning: bad-aot did not exit 0 (exit 8): its figures may not mean what they seem',
    ]);
  });

  it('runs lists every run as a plain table', async () => {
    writeFileSync(join(out, 'reports', 'old.json'), JSON.stringify({ run: 'old', mode: 'aot' }));
    const r = await cli(['runs'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('note: not run reports of this version, left out: old.json');
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^│ run +│ mode +│ date +│ outcome +│ steps +│ icount +│ speed +│$/);
    const row = (run: string) => lines.find((l) => l.startsWith(`│ ${run} `));
    expect(row('t-aot')).toMatch(/^│ t-aot +│ aot +│ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d +│ exit 0 +│ 12 +│ no +│ [\d.]+ tokens\/s +│$/);
    expect(row('i-interp')).toMatch(/^│ i-interp +│ interp +│ [\d-]+ [\d:]+ +│ exit 0 +│ 12 +│ yes +│ [\d,]+ instructions\/token +│$/);
    expect(row('bad-aot')).toMatch(/^│ bad-aot +│ aot +│ [\d-]+ [\d:]+ +│ exit 8 \(badPrompt\) +│ 3 +│ yes +│ – +│$/);
    expect(row('g-aot')).toMatch(/^│ g-aot +│ aot \(gdb\) +│/);
    expect(lines.filter((l) => /^│ [a-z]-|^│ bad-/.test(l))).toHaveLength(7);
  });
});

describe('bareflow start-up: help, version, run flags', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Usage: bareflow [options] [command]');
    const commands = r.stdout.split('Commands:\n')[1].split('\n').map((l) => l.match(/^  (\w+)/)?.[1]).filter(Boolean);
    expect(commands).toEqual(expect.arrayContaining(['image', 'inspect', 'cache', 'boot', 'report', 'run', 'engine', 'bench', 'help']));
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).version);
  });

  it("run --help prints bareflow run's usage and the engine's flags, and exits 0", async () => {
    const r = await cli(['run', '--help']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Usage: bareflow run [engine flags] prog.bc [args...]');
    expect(lines).toContain('Engine flags, as bfi lists them:');
    expect(r.stdout).toMatch(/^ {2}usage: bfi \[run\] .*\[--trace FUNC\]/m);
    expect(r.stdout).toMatch(/^ {2}.*\[--entry FUNC\] prog\.bc \[args\.\.\.\]$/m);
  });

  it('run names an unknown engine flag and exits 2', async () => {
    const r = await cli(['run', '--frobnicate', 'x.bc']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^error: run: unknown option '--frobnicate'\nusage: bfi /m);
  });

  it('boot --timeout 0 sets no time limit', async () => {
    const r = await cli(['boot', image, '--prompt', 'The', '--steps', '4', '--timeout', '0', '--run', 'no-limit'], { BAREFLOW_OUT: tempDir('reports-') });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/guest exited with code 0$/);
  });
});

// Issue 11: the user's cold vs warm comparison, from the command line.
describe('bareflow boot --mode jit twice, cache, report', () => {
  const copyOf = (name: string): string => {
    const p = join(tempDir('cw-'), name);
    writeFileSync(p, readFileSync(image));
    return p;
  };

  it('the first jit boot is cold and writes the image, the second is warm; report compares them with aot', async () => {
    const img = copyOf('cw.img');
    const out = tempDir('cw-reports-');
    const boot = (mode: string, run: string, more: string[] = []) =>
      cli(['boot', img, '--mode', mode, '--prompt', 'The', '--steps', '16', '--icount', '--run', run, ...more], { BAREFLOW_OUT: out });
    expect((await boot('aot', 'a')).exitCode).toBe(0);
    const cold = await boot('jit', 'c');
    expect(cold.exitCode).toBe(0);
    expect(cold.stdout).toMatch(/│ start +│ cold \(cache empty: A: empty; B: empty\) +│/);
    expect(cold.stdout).toMatch(/│ cache write +│ written: slot A, seq 1, \d+ functions, [\d,]+ bytes in [\d,]+ instructions +│/);
    const show = await cli(['cache', 'show', img]);
    expect(show.exitCode).toBe(0);
    expect(show.stdout).toContain('the next jit boot loads slot A (seq 1)');
    const warm = await boot('jit', 'w');
    expect(warm.exitCode).toBe(0);
    expect(warm.stdout).toMatch(/│ start +│ warm \(cache loaded, slot A: loaded \d+ functions, [\d,]+ bytes\) +│/);
    expect(warm.stdout).toMatch(/│ compiles \(instructions\) +│ 0 +│/);
    expect(warm.stdout).toMatch(/│ cache write +│ – \(nothing new compiled\) +│/);

    const runs = await cli(['runs'], { BAREFLOW_OUT: out });
    expect(runs.stdout).toMatch(/^│ c +│ jit-cold +│ /m);
    expect(runs.stdout).toMatch(/^│ w +│ jit-warm +│ /m);
    const r = await cli(['report'], { BAREFLOW_OUT: out });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('runs: a (aot), c (jit-cold), w (jit-warm): the newest -icount run of each mode that exited 0 without --gdb');
    expect(r.stdout).toContain('Token ids are identical in every run.');
    expect(r.stdout).toMatch(/│ c +│ cold +│ empty \(A: empty; B: empty\) +│/);
    expect(r.stdout).toMatch(/│ w +│ warm +│ loaded slot A: \d+ functions, [\d,]+ bytes +│ [\d,]+ +│ 0 +│ 0 +│ – +│/);
    const md = readFileSync(join(out, 'reports', 'compare-aot-jit-cold-jit-warm.md'), 'utf8');
    expect(md).toMatch(/^\| cache \| 0 \| [\d,]+ \| [\d,]+ \| jit mode: reading both cache slot headers/m);
    const svg = readFileSync(join(out, 'reports', 'compare-aot-jit-cold-jit-warm.svg'), 'utf8');
    expect(svg).toContain('w (jit-warm)');
    expect(svg).toContain('c (jit-cold)');
  });

  it('--snapshot leaves the image as it was', async () => {
    const img = copyOf('snap.img');
    const before = readFileSync(img);
    const r = await cli(['boot', img, '--mode', 'jit', '--prompt', 'The', '--steps', '16', '--snapshot', '--run', 'snap'], { BAREFLOW_OUT: tempDir('snap-') });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/│ cache write +│ written: slot A/); // to the throwaway overlay
    expect(readFileSync(img).equals(before)).toBe(true);
    const show = await cli(['cache', 'show', img]);
    expect(show.stdout).toContain('the next jit boot is cold (no valid slot for this image)');
  });

  it('cache names a missing image, an unknown action, and an image without a cache part', async () => {
    const missing = await cli(['cache', 'show', '/nonexistent.img']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toBe("error: image /nonexistent.img: no such file (build it with 'npm run image')");
    const bad = await cli(['cache', 'flush', image]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^error: command-argument value 'flush' is invalid for argument 'action'. Allowed choices are show, clear\./);
    const img = copyOf('nocache.img');
    const b = readFileSync(img);
    b.writeUInt32LE(5, 9 * 512 + 20); // part_count: aot, bootstrap, jit, interp, data (the cache entry left out)
    b.writeUInt32LE(0, 9 * 512 + 12);
    const { crc32 } = await import('node:zlib');
    b.writeUInt32LE(crc32(b.subarray(9 * 512, 10 * 512)), 9 * 512 + 12);
    writeFileSync(img, b);
    const show = await cli(['cache', 'show', img]);
    expect(show.exitCode).toBe(0);
    expect(show.stdout).toContain('cache: this image has no cache part (built before phase 4: rebuild it with npm run image)');
    const clear = await cli(['cache', 'clear', img]);
    expect(clear.exitCode).toBe(1);
    expect(clear.stderr).toBe(`error: image ${img} has no cache part (built before phase 4: rebuild it with npm run image)`);
  });
});
