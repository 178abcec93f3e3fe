// build/runtime-check.ts: the build fails when runtime.bc calls an intrinsic the meta kernel's
// bootstrap does not run or imports a name its FFI table lacks (session 8's llvm.uadd.sat).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guestCFlags } from '../../build/kernel.ts';
import { fromRoot } from '../../build/paths.ts';
import { bootstrapIntrinsics, missingFromBootstrap, moduleImports, tableNames } from '../../build/runtime-check.ts';
import { runTool, tools } from '../../build/toolchain.ts';

const ll = `
@bf_kernel_name = external dso_local constant [0 x i8], align 1
@counter = dso_local global i32 0, align 4

define internal fastcc i32 @live_intervals(i32 %a, i32 %b) {
  %s = call i32 @llvm.uadd.sat.i32(i32 %a, i32 %b)
  %t = call i32 @helper(i32 %s)
  ret i32 %t
}

define dso_local i8 @quad_constant(<16 x i8> %v) {
  %r = call i8 @llvm.vector.reduce.or.v16i8(<16 x i8> %v)
  ret i8 %r
}

define dso_local void @simd_run(i8* %p) {
  call void @llvm.x86.sse.ldmxcsr(i8* %p)
  ret void
}

declare i32 @llvm.uadd.sat.i32(i32, i32)
declare i8 @llvm.vector.reduce.or.v16i8(<16 x i8>)
declare void @llvm.x86.sse.ldmxcsr(i8*)
declare dso_local i32 @helper(i32) local_unnamed_addr
declare extern_weak dso_local i64 @__divdi3(i64, i64)
`;

const irExecList = bootstrapIntrinsics(readFileSync(fromRoot('interpreter', 'ir_exec.c'), 'utf8'));

describe('runtime.bc against the meta bootstrap', () => {
  it('reads what a module imports: intrinsics with their callers, declared functions and globals, not weak ones', () => {
    const imports = moduleImports(ll);
    expect([...imports.intrinsics.keys()].sort()).toEqual(['llvm.uadd.sat.i32', 'llvm.vector.reduce.or.v16i8', 'llvm.x86.sse.ldmxcsr']);
    expect([...imports.intrinsics.get('llvm.uadd.sat.i32')!]).toEqual(['live_intervals']);
    expect(imports.symbols.sort()).toEqual(['bf_kernel_name', 'helper']);
  });

  it("reads ir_exec.c's intrinsics[] table", () => {
    expect(irExecList).toContain('memcpy');
    expect(irExecList).toContain('uadd.sat');
    expect(irExecList).not.toContain('vector.reduce.or');
  });

  it('names each intrinsic the bootstrap does not run with its callers, and each import its table lacks; simd.c\'s callers are exempt', () => {
    const missing = missingFromBootstrap(moduleImports(ll), irExecList, ['helper'], new Set(['simd_run']));
    expect(missing).toEqual([
      "intrinsic llvm.vector.reduce.or.v16i8 (called by quad_constant): add it to interpreter/ir_exec.c's intrinsics[]",
      "bf_kernel_name: not in the bootstrap's FFI table (interpreter/guest_syms.c, guest_meta.c runtime_syms)",
    ]);
    // As the bootstrap matches them: "umax" covers llvm.umax.i32, not llvm.umaxx.
    const imports = moduleImports('define void @f() {\n  call void @llvm.umax.i32()\n  call void @llvm.umaxx()\n}\n');
    expect(missingFromBootstrap(imports, ['umax'], [], new Set())).toEqual([
      "intrinsic llvm.umaxx (called by f): add it to interpreter/ir_exec.c's intrinsics[]",
    ]);
  });

  it("reads the bootstrap's FFI table as the meta kernel compiles guest_syms.c (BF_BOOTSTRAP): the maths tinyllama calls, not what runtime.bc holds", async () => {
    const names = tableNames(await runTool('preprocess', tools.clang, [...guestCFlags, '-DBF_BOOTSTRAP', '-E', fromRoot('interpreter', 'guest_syms.c')]));
    expect(names).toEqual(expect.arrayContaining(['memcpy', 'malloc', 'expf', 'powf', 'sinf', 'cosf', 'fmod', 'bf_event']));
    expect(names).not.toContain('printf');
    expect(names).not.toContain('ceil');
  });
});
