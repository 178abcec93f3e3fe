// The bitcode engine's host builds, as pipeline steps:
// - bfi: the engine core (freestanding C) + host_main.c (libc FFI), -m32;
// - interpreter.bc: the same sources as one bitcode module, for self-hosting.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fromRoot, objDir } from './paths.ts';
import { runSteps, type Step } from './steps.ts';
import { runTool, tools } from './toolchain.ts';

export const engineCore = ['bitstream.c', 'module.c', 'verify.c', 'patterns.c', 'simd.c', 'fp80.c', 'lower.c', 'lower_cells.c', 'lower_ops.c', 'lower_mem.c', 'lower_calls.c', 'lower_branch.c', 'lower_fuse.c', 'lower_uses.c', 'exec.c', 'ffi.c'].map((f) => fromRoot('interpreter', f));
// The JIT: in the host builds, and in the guest's jit kernel (build/image-build.ts).
// persist.c and cache/format.c: the persisted native cache (cache/cache.h), which
// calls crc32_update: kernel_lib/crc32.c, already in every kernel; the host builds
// compile that same file (engineCrc).
export const engineJit = [
  ...['x86.c', 'regalloc.c', 'emit.c', 'jit.c', 'persist.c'].map((f) => fromRoot('interpreter', 'jit', f)),
  fromRoot('cache', 'format.c'),
];
const engineCrc = fromRoot('kernel_lib', 'crc32.c');
const crcHeaders = [fromRoot('kernel_lib', 'kernel.h'), fromRoot('kernel_lib', 'libc.h'), fromRoot('boot', 'bootinfo.h')];
const hostMain = fromRoot('interpreter', 'host_main.c');
const guestSelf = fromRoot('interpreter', 'guest_self.c');
const headers = ['interpreter', 'interpreter/jit', 'cache'].flatMap((d) =>
  readdirSync(fromRoot(d)).filter((f) => f.endsWith('.h')).map((f) => fromRoot(d, f)));

// The core is freestanding (no libc headers, no builtins) so that the same
// objects serve the host CLI, the bootstrap kernel and interpreter.bc.
const commonFlags = ['-m32', '-fno-pic', '-fno-pie', '-msse2', '-mfpmath=sse', '-fno-math-errno', '-fno-strict-aliasing', '-O2'];
export const engineCoreFlags = [...commonFlags, '-ffreestanding', '-fno-builtin', '-fno-stack-protector'];

const dir = join(objDir, 'engine');
export const engineOutputs = { bfi: join(objDir, 'host', 'bfi'), interpreterBc: join(dir, 'interpreter.bc') };

function compile(src: string, flags: string[], ext: 'o' | 'bc'): Step {
  const out = join(dir, ext, basename(src).replace(/\.c$/, `.${ext}`));
  const extra = ext === 'bc' ? ['-emit-llvm'] : [];
  return {
    name: `clang engine ${basename(src)} → .${ext}`,
    inputs: [src, ...headers, ...(src === engineCrc ? crcHeaders : [])],
    outputs: [out],
    tools: [tools.clang],
    key: [...flags, ...extra],
    run: async () => {
      await runTool(`clang ${basename(src)}`, tools.clang, [...flags, ...extra, '-c', src, '-o', out]);
    },
  };
}

// exec.c's dispatch loop (run: ~330 handlers, each ending in an indirect jump to the next) with
// llc's register allocator given a chance to keep ip in one register through every handler
// (interpreter/README.md, session 8): early tail duplication copies the dispatch jump into each
// handler before allocation, which splits ip's and fp's live ranges at every handler boundary
// (`mov %esi,%eax` ... `mov %eax,%esi` around most handlers); done after allocation instead, with
// no tail merging (which would share the handlers' common `add $n,%ip; jmp *(%ip)` tails behind
// one more jump) and no machine scheduler (which loads every operand cell first, one register more).
// 9-17% fewer instructions on every bench program (bench.mjs --icount).
// The guest kernels compile exec.c apart with the same options (build/image-build.ts dispatchApart).
const dispatchFlags = ['-mllvm', '-disable-early-taildup', '-mllvm', '-enable-tail-merge=false', '-mllvm', '-enable-misched=false'];
// the same as llc's own options, for the guest kernels' llc of exec.c (build/image-build.ts)
export const dispatchLlcFlags = dispatchFlags.filter((f) => f !== '-mllvm');
export const execSource = fromRoot('interpreter', 'exec.c');

export function engineSteps(): Step[] {
  const sources = [...engineCore, ...engineJit, engineCrc];
  const flagsOf = (s: string) => (s === engineCrc ? ['-I', fromRoot('boot')] : []);
  // bfi's fault handler needs the dispatch loop in a section of its own; run by
  // the engine (interpreter.bc), host_main.c leaves signals to the outer engine.
  const objects = sources.map((s) => compile(s, [...engineCoreFlags, ...flagsOf(s), ...(s === execSource ? dispatchFlags : []), '-DBF_DISPATCH_SECTION'], 'o'));
  // interpreter.bc also hands its JIT to the bfi running it (guest_self.c; bfi --jit-by-program: bareflow run --meta).
  const bcs = [...[...sources, guestSelf].map((s) => compile(s, [...engineCoreFlags, ...flagsOf(s)], 'bc')), compile(hostMain, [...commonFlags, '-DBF_INTERPRETED'], 'bc')];
  const objFiles = objects.map((s) => s.outputs[0]);
  const bcFiles = bcs.map((s) => s.outputs[0]);
  return [
    ...objects,
    {
      name: 'link bfi',
      inputs: [hostMain, ...headers, ...objFiles],
      outputs: [engineOutputs.bfi],
      tools: [tools.clang],
      key: commonFlags,
      run: async () => {
        await runTool('link bfi', tools.clang, [...commonFlags, '-no-pie', hostMain, ...objFiles, '-lm', '-o', engineOutputs.bfi]);
      },
    },
    ...bcs,
    {
      name: 'llvm-link interpreter.bc',
      inputs: bcFiles,
      outputs: [engineOutputs.interpreterBc],
      tools: [tools.llvmLink],
      run: async () => {
        await runTool('llvm-link interpreter.bc', tools.llvmLink, [...bcFiles, '-o', engineOutputs.interpreterBc]);
      },
    },
  ];
}

/** Builds bfi and interpreter.bc (a no-op when up to date) and returns their paths. */
export async function buildEngine(log?: (line: string) => void): Promise<typeof engineOutputs> {
  await runSteps(engineSteps(), { stateFile: join(objDir, 'steps-engine.json'), log });
  return engineOutputs;
}
