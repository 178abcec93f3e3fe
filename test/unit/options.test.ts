import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootConfig, defaultBootOptions, fwCfgArgs, validateOptions } from '../../build/options.ts';
import { qemuArgs, parseEvents } from '../../build/qemu.ts';
import { tempDir } from '../helpers/tempdir.ts';

describe('boot options', () => {
  it('accepts the defaults and rejects each bad value by name', () => {
    expect(() => validateOptions(defaultBootOptions, 512)).not.toThrow();
    expect(() => validateOptions({ steps: 0 })).toThrow("option steps: '0' is not a whole number ≥ 1");
    expect(() => validateOptions({ steps: 600 }, 512)).toThrow("option steps: 600 exceeds the model's context of 512");
    expect(() => validateOptions({ temperature: -1 })).toThrow("option temperature: '-1' is not a number ≥ 0");
    expect(() => validateOptions({ topp: 1.5 })).toThrow("option topp: '1.5' is not a number in [0, 1]");
    expect(() => validateOptions({ seed: 1.5 })).toThrow("option seed: '1.5' is not a whole number in [0, 2^32)");
    expect(() => validateOptions({ mode: 'warp' as never })).toThrow("option mode: 'warp' is not one of aot, interp, jit, meta");
    expect(() => validateOptions({ prompt: 'a\nb' })).toThrow('option prompt: must be one line of at most 1024 bytes');
    expect(() => validateOptions({ jit_threshold: 0 })).not.toThrow();
    expect(() => validateOptions({ jit_threshold: 429496729 })).not.toThrow();
    expect(() => validateOptions({ jit_threshold: 429496730 })).toThrow("option jit_threshold: '429496730' is not a whole number in [0, 429496729]");
    expect(() => validateOptions({ jit_threshold: 2.5 })).toThrow("option jit_threshold: '2.5' is not a whole number in [0, 429496729]");
    expect(() => validateOptions({ runtime_loop_threshold: 1 })).not.toThrow();
    expect(() => validateOptions({ runtime_loop_threshold: 0 })).toThrow("option runtime_loop_threshold: '0' is not a whole number in [1, 2^32)");
  });

  it('writes boot.cfg as key=value lines', () => {
    expect(bootConfig({ mode: 'aot', prompt: 'Hi, there', steps: 5, temperature: 0.8, topp: 0.9, seed: 7 }).toString()).toBe(
      'mode=aot\nprompt=Hi, there\nsteps=5\ntemperature=0.8\ntopp=0.9\nseed=7\n',
    );
  });

  it('passes options through fw_cfg as files, any value as it is', () => {
    const dir = tempDir('opts-');
    expect(fwCfgArgs({ prompt: 'a,b', steps: 3, seed: undefined, topp: '' }, dir)).toEqual([
      '-fw_cfg', `name=opt/bareflow/prompt,file=${dir}/opt-prompt`,
      '-fw_cfg', `name=opt/bareflow/steps,file=${dir}/opt-steps`,
      '-fw_cfg', `name=opt/bareflow/topp,file=${dir}/opt-topp`,
    ]);
    expect(readFileSync(join(dir, 'opt-prompt'), 'utf8')).toBe('a,b');
    expect(readFileSync(join(dir, 'opt-topp'), 'utf8')).toBe('');
  });

  it('runs QEMU headless with two serial ports, debug-exit and a snapshot overlay', () => {
    const args = qemuArgs({ image: 'x.img', icount: true }, '/tmp/run');
    expect(args.join(' ')).toBe(
      '-machine pc -nodefaults -display none -no-reboot -m 128 -drive file=x.img,format=raw,if=ide,index=0,media=disk -snapshot ' +
        '-serial stdio -serial file:/tmp/run/com2.jsonl -device isa-debug-exit,iobase=0xf4,iosize=0x04 -icount shift=0,align=off,sleep=off',
    );
  });
});

describe('guest events', () => {
  it('keeps valid events and reports bad lines with the reason', () => {
    const raw = [
      '{"ev":"boot","stage":"stage1","tsc":10}',
      '{"ev":"token","pos":0,"id":403,"tsc_start":1,"tsc_end":9}',
      '{"ev":"token","pos":0}',
      'garbage',
      '{"ev":"exit","code":0,"tsc":99}',
    ].join('\n');
    const { events, badEvents } = parseEvents(raw);
    expect(events.map((e) => e.ev)).toEqual(['boot', 'token', 'exit']);
    expect(badEvents.map((b) => b.line)).toEqual(['{"ev":"token","pos":0}', 'garbage']);
    expect(badEvents[1].why).toBe('not JSON');
  });
});
