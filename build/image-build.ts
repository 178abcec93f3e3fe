// `bareflow image`: the whole build as one list of steps, from sources and
// model files to images/fluid_llama.img and its manifest.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { bitcodeModuleFromSources, bitcodeModuleSteps, compileSteps, guestCFlags, kernelLibSources, kernelSteps, nasmStep, objectPath, runtimeOptFlags, sizeCFlags, sizeLlcFlags, sizeOptFlags, type KernelOutputs } from './kernel.ts';
import { dispatchLlcFlags, engineCore, engineJit, execSource } from './engine.ts';
import { parseModel, parseTokenizer, readChecked, type ModelConfig } from './model.ts';
import { generateModel } from './model-gen.ts';
import { bootConfig, validateOptions, type BootOptions } from './options.ts';
import { CACHE_SLOT_BYTES, CACHE_SLOTS } from './cache-slots.ts';
import { CACHE_PART, modeKernels, packImage, packVolume, readHeader, type Alias, type Part } from './image.ts';
import { writeManifest, type Manifest } from './manifest.ts';
import { runtimeCheckStep } from './runtime-check.ts';
import { kernelSizeByPart } from './size.ts';
import { fromRoot, objDir } from './paths.ts';
import { runSteps, type Step, type StepResult } from './steps.ts';
import { toolVersion, tools } from './toolchain.ts';

export interface ImageRequest {
  out: string;
  modelPath?: string;
  tokenizerPath?: string;
  defaults: BootOptions;
  log?: (line: string) => void;
}

export interface ImageResult {
  image: string;
  manifest: Manifest;
  steps: StepResult[];
}

const boot = {
  stage1: join(objDir, 'boot', 'stage1.bin'),
  stage2: join(objDir, 'boot', 'stage2.bin'),
  entry: join(objDir, 'boot', 'entry.o'),
};

export const tinyllamaSources = ['tinyllama.c', 'main.c'].map((f) => fromRoot('tinyllama', f));

// The bootstrap: kernel_lib + the engine + its FFI glue, nothing of tinyllama.
// The jit kernel: the same plus the JIT and guest_jit.c, which turns it on; a
// kernel of its own, so the bootstrap stays as small as the interpreter needs.
// The engine type-puns through its register slots: no strict aliasing.
const engineFlags = ['-fno-strict-aliasing'];
const guestMain = fromRoot('interpreter', 'guest.c');
const engineGuestSources = [...engineCore, fromRoot('interpreter', 'guest_syms.c'), fromRoot('interpreter', 'guest_run.c'), guestMain];
const guestJit = fromRoot('interpreter', 'guest_jit.c');
// The meta kernel (issue 12): the native engine without its emitter, and
// guest_meta.c, which runs runtime.bc: the jit kernel's engine and application
// (guest.c, guest_jit.c) plus guest_self.c as one bitcode module, in the data
// volume next to tinyllama.bc. runtime.bc's JIT compiles tinyllama and
// runtime.bc's own hot functions; the bootstrap links the JIT's objects for
// the driver and the relocator it installs that code with (jit.c, emit.c's
// jit_place and helpers: the rest of the emitter is never referenced and
// stays out, 5.1 KB loaded). A native emitter compiling runtime.bc cost more
// than it saved (826M instructions to the first token with it, 509M without).
// The bootstrap's engine runs runtime.bc's IR as module.c reads it (interpreter/ir_exec.c), without
// lowering it to threaded code: lower*.c and exec.c's dispatch loop are not in the meta kernel.
const bootstrapSources = [
  ...engineGuestSources.filter((s) => s !== guestMain && !/\/(lower\w*|exec)\.c$/.test(s)),
  fromRoot('interpreter', 'ir_exec.c'),
];
// kernel_lib's C library parts the bootstrap itself does not use are bitcode in runtime.bc, not
// native code in the meta kernel (interpreter/guest_syms.c: its FFI table leaves them out): the
// float formatting (the bootstrap's own printf.c has none), complex arithmetic, stdlib, ctype and
// the string functions and the maths only programs call (exp, tanhf, log, ceil, roundf...: the ones
// tinyllama calls every token stay native, guest_syms.c says why). (fmod stays native: the JIT's
// compiled frem calls it through the driver's helper table, jit/.)
const runtimeLibSources = kernelLibSources().filter((f) => /\/(stdlib|strtod|ctype|printf|fmt_float|compiler_rt|string_extra|math_exp|math_log|math_round)\.c$/.test(f));
const runtimeSources = [...engineGuestSources, ...engineJit, guestJit, fromRoot('interpreter', 'guest_self.c'), ...runtimeLibSources];

// The meta kernel runs only the runtime.bc it was built with: guest_meta.c checks the file's CRC-32
// (the image directory's, which bf_file checks the bytes against) against this one, so its
// bootstrap need not verify runtime.bc's IR (module.c: no verifier in the bootstrap). The bitcode
// passed LLVM's verifier when it was built (kernel.ts linkAndOptimise).
const runtimeCrcSource = join(objDir, 'generated', 'interpreter', 'guest_meta_runtime.c');
function runtimeCrcStep(runtimeBc: string, checked: string): Step {
  return {
    name: 'runtime.bc CRC-32 for the meta kernel',
    inputs: [runtimeBc, checked],   // only a runtime.bc the bootstrap can run (build/runtime-check.ts)
    outputs: [runtimeCrcSource],
    run: async () => {
      const crc = crc32(readFileSync(runtimeBc)).toString(16).padStart(8, '0');
      mkdirSync(dirname(runtimeCrcSource), { recursive: true });
      writeFileSync(runtimeCrcSource, `/* generated by build/image-build.ts: the CRC-32 of the runtime.bc built with this meta kernel */\n#include <stdint.h>\nconst uint32_t bf_runtime_crc32 = 0x${crc}u;\n`);
    },
  };
}

// Each kernel links the one file that names it (bf_kernel_name): it reports
// the name in its first event, and the host checks it against the boot mode.
const kernelId = (name: string): string => fromRoot('kernel_lib', 'id', `${name}.c`);

export interface KernelBuild {
  steps: Step[];
  aot: KernelOutputs;
  bootstrap: KernelOutputs;
  jit: KernelOutputs;
  meta: KernelOutputs;
  /** tinyllama as one optimised bitcode module, for the engine. */
  tinyllamaBc: string;
  /** The engine (guest flavour, JIT on) as one optimised bitcode module, for the meta kernel. */
  runtimeBc: string;
}

/** Every step that produces a kernel or the application's bitcode; shared with the tests and the benchmark. */
export function kernelBuild(): KernelBuild {
  const lib = compileSteps(kernelLibSources());
  const aot = kernelSteps({ name: 'aot', sources: [...tinyllamaSources, kernelId('aot')] }, lib.objects, boot.entry);
  const engine = compileSteps(engineGuestSources, engineFlags); // shared by the bootstrap and jit kernels
  // exec.c's dispatch loop compiled apart, with bfi's llc options for it (build/engine.ts dispatchFlags)
  const dispatchApart = [{ object: objectPath(execSource), llcFlags: dispatchLlcFlags }];
  const engineKernel = (name: string, sources: string[]) =>
    kernelSteps({ name, sources: [...sources, kernelId(name)], flags: engineFlags, apart: dispatchApart }, [...lib.objects, ...engine.objects], boot.entry);
  const bootstrap = engineKernel('bootstrap', []);
  const jitLib = compileSteps(engineJit, engineFlags);
  const jit = kernelSteps({ name: 'jit', sources: [guestJit, kernelId('jit')], flags: engineFlags, apart: dispatchApart },
    [...lib.objects, ...engine.objects, ...jitLib.objects], boot.entry);
  // The meta kernel: every object built for size (sizeCFlags, in obj/meta/), its engine the reader,
  // FFI and JIT driver with ir_exec.c (interpreter/internal.h BF_BOOTSTRAP); guest.c's app_main is
  // runtime.bc's, the meta kernel's guest_meta.c's.
  const metaLib = compileSteps(kernelLibSources(), [...sizeCFlags, '-DBF_BOOTSTRAP'], true, 'meta');
  const bootstrapEngine = compileSteps([...bootstrapSources, ...engineJit], [...engineFlags, '-DBF_BOOTSTRAP', ...sizeCFlags], true, 'meta');
  const runtimeBc = bitcodeModuleFromSources('runtime', runtimeSources, [...engineFlags, '-DBF_RUNTIME_BC'], runtimeOptFlags);
  // Every intrinsic runtime.bc calls is one ir_exec.c runs, every name it imports one the bootstrap's FFI table has
  // (that table preprocessed as the meta kernel compiles it). simd.c's and fp80.c's functions are exempt: the bootstrap
  // stops at their vectors and long doubles, with a named error, before any of their intrinsics.
  const runtimeCheck = runtimeCheckStep(runtimeBc.ll, runtimeBc.objects.filter((o) => /\/(simd|fp80)\.bc$/.test(o)),
    [...guestCFlags, ...engineFlags, '-DBF_BOOTSTRAP'], join(objDir, 'bitcode', 'runtime.checked.txt'));
  const meta = kernelSteps({ name: 'meta', sources: [fromRoot('interpreter', 'guest_meta.c'), runtimeCrcSource, kernelId('meta')], flags: [...engineFlags, ...sizeCFlags], opt: sizeOptFlags, llc: sizeLlcFlags },
    [...metaLib.objects, ...bootstrapEngine.objects], boot.entry);
  const tinyllamaBc = bitcodeModuleSteps('tinyllama', tinyllamaSources.map((s) => objectPath(s)));
  return {
    steps: [
      nasmStep(fromRoot('boot', 'stage1.asm'), boot.stage1, 'bin'),
      nasmStep(fromRoot('boot', 'stage2.asm'), boot.stage2, 'bin'),
      nasmStep(fromRoot('boot', 'entry.asm'), boot.entry, 'elf32'),
      ...lib.steps,
      ...aot.steps,
      ...engine.steps,
      ...bootstrap.steps,
      ...jitLib.steps,
      ...jit.steps,
      ...metaLib.steps,
      ...bootstrapEngine.steps,
      ...runtimeBc.steps,
      runtimeCheck,
      runtimeCrcStep(runtimeBc.out, runtimeCheck.outputs[0]),
      ...meta.steps,
      ...tinyllamaBc.steps,
    ],
    aot: aot.out,
    bootstrap: bootstrap.out,
    jit: jit.out,
    meta: meta.out,
    tinyllamaBc: tinyllamaBc.out,
    runtimeBc: runtimeBc.out,
  };
}

interface ModelFiles {
  model: string;
  tokenizer: string;
  step?: Step;
}

function modelFiles(req: ImageRequest): ModelFiles {
  if (req.modelPath || req.tokenizerPath) {
    if (!req.modelPath || !req.tokenizerPath) throw new Error('--model and --tokenizer go together: give both');
    return { model: req.modelPath, tokenizer: req.tokenizerPath };
  }
  const model = join(objDir, 'data', 'default-model.bin');
  const tokenizer = join(objDir, 'data', 'default-tokenizer.bin');
  return {
    model,
    tokenizer,
    step: {
      name: 'generate default model',
      inputs: [fromRoot('build', 'model-gen.ts')],
      outputs: [model, tokenizer],
      run: async () => {
        const m = generateModel();
        writeFileSync(model, m.model);
        writeFileSync(tokenizer, m.tokenizer);
      },
    },
  };
}

const KERNEL_ADDR = 0x100000;

/** The ELF entry point of a kernel (e_entry), which stage2 jumps to. */
function elfEntry(elf: string): number {
  return readFileSync(elf).readUInt32LE(24);
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export async function buildImage(req: ImageRequest): Promise<ImageResult> {
  const files = modelFiles(req);
  const { steps: kernelStepList, aot, bootstrap, jit, meta, tinyllamaBc, runtimeBc } = kernelBuild();
  const manifestPath = req.out.replace(/\.img$/, '') + '.manifest.json';
  let config: ModelConfig | undefined;
  const checkModel = (): ModelConfig => {
    const model = readChecked(files.model, 'model');
    const c = parseModel(model, files.model);
    parseTokenizer(readChecked(files.tokenizer, 'tokenizer'), files.tokenizer, c.vocabSize);
    validateOptions(req.defaults, c.seqLen);
    return c;
  };
  if (!files.step) config = checkModel(); // a user's files: fail before building anything
  let manifest: Manifest | undefined;
  const pack: Step = {
    name: `pack ${basename(req.out)}`,
    // size.ts: how the manifest's kernel sizes are counted.
    inputs: [boot.stage1, boot.stage2, aot.bin, aot.elf, bootstrap.bin, bootstrap.elf, jit.bin, jit.elf, meta.bin, meta.elf, tinyllamaBc, runtimeBc, files.model, files.tokenizer, fromRoot('build', 'size.ts')],
    outputs: [req.out, manifestPath],
    key: { ...req.defaults, cacheSlotBytes: CACHE_SLOT_BYTES, cacheSlots: CACHE_SLOTS },
    run: async () => {
      config ??= checkModel();
      const model = readFileSync(files.model);
      const tokenizer = readFileSync(files.tokenizer);
      const bitcode = readFileSync(tinyllamaBc);
      const runtime = readFileSync(runtimeBc);
      const source = (path: string): string => (files.step ? 'generated' : path);
      // What went in, stored in the data volume too (the image's own checksums cannot be).
      const build = {
        files: [
          { name: 'model.bin', source: source(files.model), bytes: model.length, sha256: sha256(model) },
          { name: 'tokenizer.bin', source: source(files.tokenizer), bytes: tokenizer.length, sha256: sha256(tokenizer) },
          { name: 'tinyllama.bc', source: 'built', bytes: bitcode.length, sha256: sha256(bitcode) },
          { name: 'runtime.bc', source: 'built', bytes: runtime.length, sha256: sha256(runtime) },
        ],
        model: config,
        defaults: req.defaults,
        kernels: await Promise.all(Object.entries({ aot, bootstrap, jit, meta }).map(([name, k]) => kernelSizeByPart(name, k.elf, k.bin, k.objects))),
        toolchain: Object.fromEntries(await Promise.all(Object.values(tools).filter((t) => t !== tools.qemu).map(async (t) => [t, await toolVersion(t)]))),
      };
      const volume = packVolume([
        { name: 'model.bin', data: model },
        { name: 'tokenizer.bin', data: tokenizer },
        { name: 'tinyllama.bc', data: bitcode },
        { name: 'runtime.bc', data: runtime },
        { name: 'boot.cfg', data: bootConfig(req.defaults) },
        { name: 'manifest.json', data: Buffer.from(JSON.stringify(build, null, 2) + '\n') },
      ]);
      const kernel = (name: string, k: KernelOutputs): Part => ({ name, data: readFileSync(k.bin), loadAddr: KERNEL_ADDR, entry: elfEntry(k.elf) });
      const parts: (Part | Alias)[] = [kernel('aot', aot), kernel('bootstrap', bootstrap), kernel('jit', jit), kernel('meta', meta), ...modeKernels, { name: 'data', data: volume },
        // Last, so its size never moves the kernels or the data volume; empty: the first jit boot is cold.
        { name: CACHE_PART, data: Buffer.alloc(CACHE_SLOTS * CACHE_SLOT_BYTES) }];
      const img = packImage({ stage1: readFileSync(boot.stage1), stage2: readFileSync(boot.stage2), parts });
      writeFileSync(req.out, img);
      manifest = {
        format: 1,
        image: basename(req.out),
        bytes: img.length,
        stage1Bytes: 512,
        stage2Bytes: readFileSync(boot.stage2).length,
        parts: readHeader(img).parts.map(({ name, lba, bytes, crc32 }) => ({ name, lba, bytes, crc32 })),
        ...build,
      };
      writeManifest(manifestPath, manifest);
    },
  };
  const steps = [...(files.step ? [files.step] : []), ...kernelStepList, pack];
  const results = await runSteps(steps, { stateFile: join(objDir, 'steps.json'), log: req.log });
  manifest ??= JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  return { image: req.out, manifest, steps: results };
}
