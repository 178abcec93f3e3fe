#!/usr/bin/env -S npx tsx
// IR-level conformance cases for constructs clang rarely emits.
//
//   npx tsx test/engine/ir-cases.ts [--filter SUBSTR] [--engine PATH] [--engine-arg FLAG]... [--keep DIR] [--list]
//
// Builds small LLVM 14 modules with llvm-bindings, each with a main() that
// prints its results through printf, writes them as .bc, and checks each one
// against the same module compiled natively
// (llc-14 -mtriple=i386-unknown-linux-gnu -mattr=+sse2 -relocation-model=pic -filetype=obj, linked by
// clang-14 -m32 as a PIE):
// stdout and exit code must be identical.
//
// Scalar cases (odd integer widths i3/i17/i33/i63, i128 arithmetic, odd-width
// phis/switches/selects) are built instruction by instruction with IRBuilder.
// llvm-bindings has no API for vector types, insert/extractelement,
// shufflevector or constant expressions beyond bitcast, so those cases
// (<3 x i32>, <8 x i16>, <2 x double>, GEP/ptrtoint/inttoptr/select constants
// in global initialisers, odd-width intrinsics) are generated as IR text and
// read with llvm-bindings' parseIRFile, verified, and written as bitcode.
// Any difference is a failure (exit 1).
import { createRequire } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const require = createRequire(import.meta.url);
const llvm = require('llvm-bindings');

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const filter = opt('--filter', '');
// The modules, objects and executables go to a temporary directory removed at the end, or to --keep DIR.
const keep = opt('--keep', '');
const work = keep || mkdtempSync(join(os.tmpdir(), 'bf-engine-ir-cases-'));
mkdirSync(work, { recursive: true });

const TRIPLE = 'i386-unknown-linux-gnu';
const LAYOUT = 'e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-f64:32:64-f80:32-n8:16:32-S128';

type Case = { name: string; build: () => any /* llvm.Module */ };
const cases: Case[] = [];

// ---------------------------------------------------------------------------
// IRBuilder helpers

class G {
  ctx: any; mod: any; b: any; main: any; printf: any;
  i1: any; i8: any; i32: any; i64: any; i8p: any; dbl: any;
  constructor(public name: string) {
    this.ctx = new llvm.LLVMContext();
    this.mod = new llvm.Module(name, this.ctx);
    this.mod.setTargetTriple(TRIPLE);
    this.mod.setDataLayout(LAYOUT);
    this.b = new llvm.IRBuilder(this.ctx);
    this.i1 = llvm.Type.getInt1Ty(this.ctx); this.i8 = llvm.Type.getInt8Ty(this.ctx);
    this.i32 = llvm.Type.getInt32Ty(this.ctx); this.i64 = llvm.Type.getInt64Ty(this.ctx);
    this.i8p = llvm.Type.getInt8PtrTy(this.ctx); this.dbl = llvm.Type.getDoubleTy(this.ctx);
    this.printf = llvm.Function.Create(llvm.FunctionType.get(this.i32, [this.i8p], true), llvm.Function.LinkageTypes.ExternalLinkage, 'printf', this.mod);
    this.main = llvm.Function.Create(llvm.FunctionType.get(this.i32, [], false), llvm.Function.LinkageTypes.ExternalLinkage, 'main', this.mod);
    this.b.SetInsertPoint(llvm.BasicBlock.Create(this.ctx, 'entry', this.main));
  }
  int(bits: number) { return llvm.IntegerType.get(this.ctx, bits); }
  c(bits: number, v: number) { return llvm.ConstantInt.get(this.int(bits), v, v < 0); }
  block(name: string) { return llvm.BasicBlock.Create(this.ctx, name, this.main); }
  // A mutable internal global holding v: loads from it are not constant-folded.
  global(bits: number, v: number, name: string) {
    return new llvm.GlobalVariable(this.mod, this.int(bits), false, llvm.Function.LinkageTypes.InternalLinkage, this.c(bits, v), name);
  }
  load(bits: number, g: any) { return this.b.CreateLoad(this.int(bits), g); }
  // A wide value (up to 128 bits) from 32-bit pieces, most significant first, loaded at run time.
  wide(bits: number, parts: number[], name: string) {
    let v: any = null;
    parts.forEach((p, i) => {
      const x = this.b.CreateZExt(this.load(32, this.global(32, p >>> 0, `${name}.${i}`)), this.int(bits));
      v = v ? this.b.CreateOr(this.b.CreateShl(v, this.c(bits, 32)), x) : x;
    });
    return v;
  }
  print(fmt: string, ...vals: any[]) {
    this.b.CreateCall(this.printf, [this.b.CreateGlobalStringPtr(fmt, 'fmt', 0, this.mod), ...vals]);
  }
  sx64(v: any) { return this.b.CreateSExt(v, this.i64); }
  zx64(v: any) { return this.b.CreateZExt(v, this.i64); }
  // Prints an integer of up to 128 bits as hex, 32 bits at a time.
  printHex(label: string, v: any, bits: number) {
    const n = Math.ceil(bits / 32), pieces: any[] = [];
    const w = bits < 32 ? this.b.CreateZExt(v, this.i32) : v;
    const wb = Math.max(bits, 32);
    for (let i = n - 1; i >= 0; i--) pieces.push(this.b.CreateTrunc(i ? this.b.CreateLShr(w, llvm.ConstantInt.get(this.int(wb), 32 * i)) : w, this.i32));
    this.print(`${label} ${'%08x'.repeat(n)}\n`, ...pieces);
  }
  finish(ret: any) {
    this.b.CreateRet(ret ?? this.c(32, 0));
    if (llvm.verifyModule(this.mod)) throw new Error(`${this.name}: module does not verify`);
    return this.mod;
  }
}

// ---------------------------------------------------------------------------
// Odd integer widths: every binary op, every icmp predicate, sext/zext/trunc.

const ODD = [3, 17, 33, 63];
const ODD_VALUES: Record<number, [number, number][]> = {
  3: [[3, 1], [-4, 3], [5, 2], [-1, -1], [2, -3]],
  17: [[65535, 3], [-65536, 7], [12345, -321], [-1, 65537], [100000, 99999]],
  33: [[4294967295, 3], [-4294967296, 7], [123456789, -98765], [8589934591, 4294967297], [-5, 2]],
  63: [[4503599627370495, 3], [-4503599627370496, 12345], [2 ** 52 + 1, -(2 ** 40)], [-1, 7], [987654321987, 123456789]],
};
for (const w of ODD) {
  cases.push({
    name: `odd_width_i${w}`,
    build() {
      const g = new G(`odd_width_i${w}`), b = g.b;
      let acc: any = g.c(64, 0);
      ODD_VALUES[w].forEach(([x, y], k) => {
        const a = g.load(w, g.global(w, x, `a${k}`)), c = g.load(w, g.global(w, y, `b${k}`));
        const sh = b.CreateURem(c, g.c(w, w));        // a valid shift amount for this width
        const ops: [string, any][] = [
          ['add', b.CreateAdd(a, c)], ['sub', b.CreateSub(a, c)], ['mul', b.CreateMul(a, c)],
          ['udiv', b.CreateUDiv(a, c)], ['urem', b.CreateURem(a, c)],
          ['sdiv', b.CreateSDiv(a, b.CreateOr(c, g.c(w, 1)))], ['srem', b.CreateSRem(a, b.CreateOr(c, g.c(w, 1)))],
          ['shl', b.CreateShl(a, sh)], ['lshr', b.CreateLShr(a, sh)], ['ashr', b.CreateAShr(a, sh)],
          ['and', b.CreateAnd(a, c)], ['or', b.CreateOr(a, c)], ['xor', b.CreateXor(a, c)], ['not', b.CreateNot(a)], ['neg', b.CreateNeg(a)],
        ];
        for (const [n, v] of ops) { g.print(`i${w} ${k} ${n} s=%lld u=%llu\n`, g.sx64(v), g.zx64(v)); acc = b.CreateAdd(b.CreateMul(acc, g.c(64, 31)), g.zx64(v)); }
        const preds: [string, any][] = [
          ['eq', b.CreateICmpEQ(a, c)], ['ne', b.CreateICmpNE(a, c)], ['ugt', b.CreateICmpUGT(a, c)], ['uge', b.CreateICmpUGE(a, c)],
          ['ult', b.CreateICmpULT(a, c)], ['ule', b.CreateICmpULE(a, c)], ['sgt', b.CreateICmpSGT(a, c)], ['sge', b.CreateICmpSGE(a, c)],
          ['slt', b.CreateICmpSLT(a, c)], ['sle', b.CreateICmpSLE(a, c)],
        ];
        let mask: any = g.c(32, 0);
        preds.forEach(([, v], i) => { mask = b.CreateOr(mask, b.CreateShl(b.CreateZExt(v, g.i32), g.c(32, i))); });
        g.print(`i${w} ${k} icmp mask %03x\n`, mask);
        // conversions to and from neighbouring widths
        const wx = Math.min(64, w + 5);   // wider than 64 bits is the i128 cases' job
        const t = b.CreateTrunc(a, g.int(Math.max(1, w - 2))), z = b.CreateZExt(a, g.int(wx)), s = b.CreateSExt(a, g.int(wx));
        g.print(`i${w} ${k} trunc %lld zext %llu sext %lld\n`, g.sx64(t), g.zx64(z), b.CreateSExtOrTrunc(s, g.i64));
        g.print(`i${w} ${k} select %lld\n`, g.sx64(b.CreateSelect(b.CreateICmpSLT(a, c), b.CreateMul(a, g.c(w, 3)), b.CreateSub(c, a))));
      });
      g.printHex(`i${w} acc`, acc, 64);
      return g.finish(b.CreateTrunc(b.CreateLShr(acc, g.c(64, 57)), g.i32));
    },
  });
}

// Odd-width loop-carried values (phis), a switch on i33 with cases above 2^32, an i1 arithmetic chain.
cases.push({
  name: 'odd_width_control',
  build() {
    const g = new G('odd_width_control'), b = g.b;
    const n = g.load(17, g.global(17, 1000, 'n')), x0 = g.load(17, g.global(17, 7, 'x0'));
    const entry = b.GetInsertBlock(), loop = g.block('loop'), done = g.block('done');
    b.CreateBr(loop); b.SetInsertPoint(loop);
    const i = b.CreatePHI(g.int(17), 2), x = b.CreatePHI(g.int(17), 2), y = b.CreatePHI(g.int(3), 2), s = b.CreatePHI(g.int(63), 2);
    const x2 = b.CreateAdd(b.CreateMul(x, g.c(17, 3)), g.c(17, 1));           // wraps mod 2^17
    const y2 = b.CreateXor(b.CreateAdd(y, g.c(3, 5)), b.CreateTrunc(x, g.int(3)));
    const s2 = b.CreateAdd(b.CreateMul(s, g.c(63, 1000003)), b.CreateZExt(x2, g.int(63)));
    const i2 = b.CreateAdd(i, g.c(17, 1));
    i.addIncoming(g.c(17, 0), entry); x.addIncoming(x0, entry); y.addIncoming(g.c(3, 0), entry); s.addIncoming(g.c(63, 1), entry);
    i.addIncoming(i2, loop); x.addIncoming(x2, loop); y.addIncoming(y2, loop); s.addIncoming(s2, loop);
    b.CreateCondBr(b.CreateICmpULT(i2, n), loop, done);
    b.SetInsertPoint(done);
    g.print('loop x %u y %u s %lld\n', b.CreateZExt(x2, g.i32), b.CreateZExt(y2, g.i32), b.CreateSExt(s2, g.i64));
    // switch on i33
    const sel = g.load(33, g.global(33, 0, 'sel')), out = g.block('out');
    const vals = [0, 1, 4294967296, 4294967297, -1, 12345, 8589934591 - 5];
    let total: any = g.c(32, 0);
    const cur = b.GetInsertBlock();
    // run the switch for each value via a small loop over a table in a global
    const tab = new llvm.GlobalVariable(g.mod, llvm.ArrayType.get(g.int(33), vals.length), false, llvm.Function.LinkageTypes.InternalLinkage,
      llvm.ConstantArray.get(llvm.ArrayType.get(g.int(33), vals.length), vals.map(v => g.c(33, v))), 'tab');
    const head = g.block('head'), body = g.block('body'), next = g.block('next');
    b.CreateBr(head); b.SetInsertPoint(head);
    const k = b.CreatePHI(g.i32, 2), tot = b.CreatePHI(g.i32, 2);
    k.addIncoming(g.c(32, 0), cur); tot.addIncoming(total, cur);
    b.CreateCondBr(b.CreateICmpULT(k, g.c(32, vals.length)), body, out);
    b.SetInsertPoint(body);
    const v = b.CreateAdd(b.CreateLoad(g.int(33), b.CreateGEP(llvm.ArrayType.get(g.int(33), vals.length), tab, [g.c(32, 0), k])), sel);
    const targets = [4294967296, 4294967297, -1, 12345, 7].map((c, j) => ({ c, bb: g.block(`case${j}`), r: (j + 1) * 10 }));
    const dflt = g.block('dflt');
    const sw = b.CreateSwitch(v, dflt, targets.length);
    for (const t of targets) sw.addCase(g.c(33, t.c), t.bb);
    const results: [any, any][] = [];
    for (const t of targets) { b.SetInsertPoint(t.bb); b.CreateBr(next); results.push([g.c(32, t.r), t.bb]); }
    b.SetInsertPoint(dflt); b.CreateBr(next); results.push([g.c(32, 1), dflt]);
    b.SetInsertPoint(next);
    const r = b.CreatePHI(g.i32, results.length);
    for (const [val, bb] of results) r.addIncoming(val, bb);
    g.print('switch i33 -> %d\n', r);
    const tot2 = b.CreateAdd(b.CreateMul(tot, g.c(32, 7)), r), k2 = b.CreateAdd(k, g.c(32, 1));
    k.addIncoming(k2, next); tot.addIncoming(tot2, next);
    b.CreateBr(head);
    b.SetInsertPoint(out);
    // i1 arithmetic: add is xor, mul is and, sub is xor
    const t1 = b.CreateTrunc(g.load(8, g.global(8, 1, 't1')), g.i1), t0 = b.CreateTrunc(g.load(8, g.global(8, 2, 't0')), g.i1);
    const bits = [b.CreateAdd(t1, t1), b.CreateAdd(t1, t0), b.CreateMul(t1, t0), b.CreateSub(t0, t1), b.CreateSDiv(t1, t1), b.CreateAShr(t1, t0)].map(x => b.CreateZExt(x, g.i32));
    g.print('i1 %d %d %d %d %d %d total %d\n', ...bits, tot);
    return g.finish(b.CreateAnd(tot, g.c(32, 127)));
  },
});

// i128: add/sub/mul, shifts by run-time amounts, bitwise ops, sext/zext/trunc.
cases.push({
  name: 'i128_arith',
  build() {
    const g = new G('i128_arith'), b = g.b, W = 128;
    const a = g.wide(W, [0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210], 'a');
    const c = g.wide(W, [0, 0x1, 0xffffffff, 0xfffffffd], 'c');
    const big = g.wide(W, [0x80000000, 0, 0, 5], 'big');
    g.printHex('a', a, W); g.printHex('c', c, W);
    g.printHex('add', b.CreateAdd(a, c), W); g.printHex('sub', b.CreateSub(c, a), W);
    g.printHex('mul', b.CreateMul(a, c), W); g.printHex('mul2', b.CreateMul(big, b.CreateAdd(a, g.c(W, 3))), W);
    g.printHex('and', b.CreateAnd(a, c), W); g.printHex('or', b.CreateOr(a, big), W); g.printHex('xor', b.CreateXor(a, c), W);
    for (const s of [0, 1, 31, 32, 63, 64, 65, 100, 127]) {
      const amt = b.CreateZExt(g.load(8, g.global(8, s, `s${s}`)), g.int(W));
      g.printHex(`shl${s}`, b.CreateShl(a, amt), W); g.printHex(`lshr${s}`, b.CreateLShr(big, amt), W); g.printHex(`ashr${s}`, b.CreateAShr(big, amt), W);
    }
    const m = g.load(64, g.global(64, -123456789, 'm'));
    g.printHex('sext', b.CreateSExt(m, g.int(W)), W); g.printHex('zext', b.CreateZExt(m, g.int(W)), W);
    g.printHex('neg', b.CreateNeg(a), W); g.printHex('not', b.CreateNot(a), W);
    g.print('trunc %llx %x\n', b.CreateTrunc(b.CreateLShr(a, g.c(W, 40)), g.i64), b.CreateTrunc(a, g.int(32)));
    // factorial 30 in i128 (fits), and 2^100 + 1
    const entry = b.GetInsertBlock(), loop = g.block('loop'), done = g.block('done');
    b.CreateBr(loop); b.SetInsertPoint(loop);
    const i = b.CreatePHI(g.i32, 2), f = b.CreatePHI(g.int(W), 2);
    const f2 = b.CreateMul(f, b.CreateZExt(i, g.int(W))), i2 = b.CreateAdd(i, g.c(32, 1));
    i.addIncoming(g.c(32, 1), entry); f.addIncoming(g.c(W, 1), entry); i.addIncoming(i2, loop); f.addIncoming(f2, loop);
    b.CreateCondBr(b.CreateICmpULE(i2, g.c(32, 30)), loop, done);
    b.SetInsertPoint(done);
    g.printHex('30!', f2, W);
    return g.finish(b.CreateTrunc(b.CreateLShr(f2, g.c(W, 100)), g.i32));
  },
});

cases.push({
  name: 'i128_compare_select',
  build() {
    const g = new G('i128_compare_select'), b = g.b, W = 128;
    const vals = [[0, 0, 0, 1], [0x80000000, 0, 0, 0], [0x7fffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0, 1, 0, 0], [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]]
      .map((p, i) => g.wide(W, p, `v${i}`));
    vals.forEach((x, i) => vals.forEach((y, j) => {
      const preds = [b.CreateICmpEQ(x, y), b.CreateICmpULT(x, y), b.CreateICmpUGE(x, y), b.CreateICmpSLT(x, y), b.CreateICmpSGT(x, y), b.CreateICmpSLE(x, y)];
      let mask: any = g.c(32, 0);
      preds.forEach((p, k) => { mask = b.CreateOr(mask, b.CreateShl(b.CreateZExt(p, g.i32), g.c(32, k))); });
      g.print(`cmp ${i} ${j} %02x\n`, mask);
    }));
    const mx = vals.reduce((m, v) => b.CreateSelect(b.CreateICmpSGT(v, m), v, m));
    const umn = vals.reduce((m, v) => b.CreateSelect(b.CreateICmpULT(v, m), v, m));
    g.printHex('smax', mx, W); g.printHex('umin', umn, W);
    return g.finish(g.c(32, 3));
  },
});

// ---------------------------------------------------------------------------
// IR text cases (vectors, constant expressions, odd-width intrinsics).

const HEADER = `target datalayout = "${LAYOUT}"\ntarget triple = "${TRIPLE}"\ndeclare i32 @printf(i8*, ...)\n`;
function textCase(name: string, body: string) {
  cases.push({
    name,
    build() {
      const ctx = new llvm.LLVMContext();
      const file = join(work, `${name}.ll`);
      writeFileSync(file, HEADER + body);
      // parseIRFile ends the process on a syntax error: check with llvm-as first for a readable message.
      const as = spawnSync('llvm-as-14', [file, '-o', '/dev/null'], { encoding: 'utf8' });
      if (as.status !== 0) throw new Error(`IR text does not assemble: ${as.stderr.trim().slice(0, 300)}`);
      const mod = llvm.parseIRFile(file, new llvm.SMDiagnostic(), ctx);
      if (!mod) throw new Error(`${name}: IR text does not parse (${file})`);
      if (llvm.verifyModule(mod)) throw new Error(`${name}: module does not verify`);
      return mod;
    },
  });
}
// format strings as private constants; s(name, text) -> global + a GEP constant expression to use it
const fmts: string[] = [];
function s(name: string, text: string) {
  const bytes = Buffer.from(text.replace(/\\n/g, '\n') + '\0', 'latin1');
  const enc = [...bytes].map(c => (c >= 32 && c < 127 && c !== 34 && c !== 92) ? String.fromCharCode(c) : '\\' + c.toString(16).padStart(2, '0')).join('');
  fmts.push(`@${name} = private unnamed_addr constant [${bytes.length} x i8] c"${enc}"`);
  return `i8* getelementptr inbounds ([${bytes.length} x i8], [${bytes.length} x i8]* @${name}, i32 0, i32 0)`;
}
function strings() { const r = fmts.join('\n') + '\n'; fmts.length = 0; return r; }

{
  const f4 = s('f4', 'v3 %d %d %d | %d %d %d | sum %d ins %d %d %d\\n');
  const f8 = s('f8', 'v8 %d %d %d %d %d %d %d %d\\n');
  const fd = s('fd', 'v2d %.17g %.17g | cmp %d %d | sel %.17g %.17g\\n');
  const fs = s('fs', 'shuf %d %d %d %d %d\\n');
  const f64 = s('f64', 'v2i64 %lld %lld\\n');
  textCase('vec_odd_shapes', `${strings()}
@a3 = internal global [3 x i32] [i32 7, i32 -3, i32 100000]
@a8 = internal global [8 x i16] [i16 1, i16 -2, i16 300, i16 -32768, i16 32767, i16 12, i16 -77, i16 5]
@ad = internal global [2 x double] [double 1.5, double -0.25]
@al = internal global [2 x i64] [i64 4294967296, i64 -7]
define internal <3 x i32> @load3() {
  %p0 = getelementptr [3 x i32], [3 x i32]* @a3, i32 0, i32 0
  %p1 = getelementptr [3 x i32], [3 x i32]* @a3, i32 0, i32 1
  %p2 = getelementptr [3 x i32], [3 x i32]* @a3, i32 0, i32 2
  %x0 = load i32, i32* %p0
  %x1 = load i32, i32* %p1
  %x2 = load i32, i32* %p2
  %v0 = insertelement <3 x i32> undef, i32 %x0, i32 0
  %v1 = insertelement <3 x i32> %v0, i32 %x1, i32 1
  %v2 = insertelement <3 x i32> %v1, i32 %x2, i32 2
  ret <3 x i32> %v2
}
define i32 @main() {
  %v = call <3 x i32> @load3()
  %m = mul <3 x i32> %v, <i32 3, i32 -5, i32 70000>
  %a = add <3 x i32> %m, %v
  %sh = shl <3 x i32> %a, <i32 1, i32 4, i32 31>
  %as = ashr <3 x i32> %sh, <i32 1, i32 2, i32 3>
  %c = icmp sgt <3 x i32> %as, %v
  %sel = select <3 x i1> %c, <3 x i32> %as, <3 x i32> %v
  %e0 = extractelement <3 x i32> %a, i32 0
  %e1 = extractelement <3 x i32> %a, i32 1
  %e2 = extractelement <3 x i32> %a, i32 2
  %s0 = extractelement <3 x i32> %sel, i32 0
  %s1 = extractelement <3 x i32> %sel, i32 1
  %s2 = extractelement <3 x i32> %sel, i32 2
  %r = call i32 @llvm.vector.reduce.add.v3i32(<3 x i32> %a)
  %idx = urem i32 %e0, 3
  %ins = insertelement <3 x i32> %a, i32 -1, i32 %idx
  %i0 = extractelement <3 x i32> %ins, i32 0
  %i1 = extractelement <3 x i32> %ins, i32 1
  %i2 = extractelement <3 x i32> %ins, i32 2
  call i32 (i8*, ...) @printf(${f4}, i32 %e0, i32 %e1, i32 %e2, i32 %s0, i32 %s1, i32 %s2, i32 %r, i32 %i0, i32 %i1, i32 %i2)
  ; <8 x i16> from memory (bitcast pointer), wrapping arithmetic, unsigned compares
  %p8 = bitcast [8 x i16]* @a8 to <8 x i16>*
  %w = load <8 x i16>, <8 x i16>* %p8, align 2
  %w2 = mul <8 x i16> %w, <i16 3, i16 3, i16 3, i16 3, i16 -3, i16 -3, i16 -3, i16 -3>
  %w3 = sub <8 x i16> %w2, <i16 1, i16 2, i16 3, i16 4, i16 5, i16 6, i16 7, i16 8>
  %uc = icmp ugt <8 x i16> %w3, %w
  %w4 = select <8 x i1> %uc, <8 x i16> %w3, <8 x i16> %w
  %w5 = lshr <8 x i16> %w4, <i16 0, i16 1, i16 2, i16 3, i16 4, i16 5, i16 6, i16 15>
  store <8 x i16> %w5, <8 x i16>* %p8, align 2
  %q = getelementptr [8 x i16], [8 x i16]* @a8, i32 0, i32 0
  ${[0, 1, 2, 3, 4, 5, 6, 7].map(i => `%g${i} = getelementptr i16, i16* %q, i32 ${i}\n  %l${i} = load i16, i16* %g${i}\n  %z${i} = sext i16 %l${i} to i32`).join('\n  ')}
  call i32 (i8*, ...) @printf(${f8}, ${[0, 1, 2, 3, 4, 5, 6, 7].map(i => `i32 %z${i}`).join(', ')})
  ; <2 x double>
  %pd = bitcast [2 x double]* @ad to <2 x double>*
  %d = load <2 x double>, <2 x double>* %pd, align 4
  %d2 = fmul <2 x double> %d, <double 3.0, double -8.0>
  %d3 = fadd <2 x double> %d2, <double 0.1, double 0.2>
  %d4 = fdiv <2 x double> %d3, %d
  %dc = fcmp olt <2 x double> %d4, <double 3.0, double 3.0>
  %dsel = select <2 x i1> %dc, <2 x double> %d4, <2 x double> %d3
  %dx0 = extractelement <2 x double> %d4, i32 0
  %dx1 = extractelement <2 x double> %d4, i32 1
  %dc0 = extractelement <2 x i1> %dc, i32 0
  %dc1 = extractelement <2 x i1> %dc, i32 1
  %dz0 = zext i1 %dc0 to i32
  %dz1 = zext i1 %dc1 to i32
  %ds0 = extractelement <2 x double> %dsel, i32 0
  %ds1 = extractelement <2 x double> %dsel, i32 1
  call i32 (i8*, ...) @printf(${fd}, double %dx0, double %dx1, i32 %dz0, i32 %dz1, double %ds0, double %ds1)
  ; shufflevector across shapes: <3 x i32> + <3 x i32> -> <5 x i32>
  %sv = shufflevector <3 x i32> %a, <3 x i32> %v, <5 x i32> <i32 5, i32 0, i32 4, i32 2, i32 1>
  ${[0, 1, 2, 3, 4].map(i => `%sv${i} = extractelement <5 x i32> %sv, i32 ${i}`).join('\n  ')}
  call i32 (i8*, ...) @printf(${fs}, ${[0, 1, 2, 3, 4].map(i => `i32 %sv${i}`).join(', ')})
  ; <2 x i64>
  %pl = bitcast [2 x i64]* @al to <2 x i64>*
  %ll = load <2 x i64>, <2 x i64>* %pl, align 4
  %ll2 = mul <2 x i64> %ll, <i64 3000000001, i64 -9>
  %ll3 = xor <2 x i64> %ll2, <i64 -1, i64 255>
  %lx0 = extractelement <2 x i64> %ll3, i32 0
  %lx1 = extractelement <2 x i64> %ll3, i32 1
  call i32 (i8*, ...) @printf(${f64}, i64 %lx0, i64 %lx1)
  %ret = and i32 %r, 127
  ret i32 %ret
}
declare i32 @llvm.vector.reduce.add.v3i32(<3 x i32>)
`);
}

{
  const f1 = s('c1', 'p %d q %d diff %d elem %d field %d %d\\n');
  const f2 = s('c2', 'str %s | %s | tail %c\\n');
  const f3 = s('c3', 'sel consistent %d sum %d fn %d %d\\n');
  const f4 = s('c4', 'table %d %d %d | inttoptr %d | nested %d %d\\n');
  textCase('constexpr_globals', `${strings()}
%struct.S = type { i32, [4 x i16], %struct.T }
%struct.T = type { i8, i32* }
@arr = internal global [10 x i32] [i32 0, i32 10, i32 20, i32 30, i32 40, i32 50, i32 60, i32 70, i32 80, i32 90]
@ga = internal global i32 111
@gb = internal global i32 222
@msg = internal constant [12 x i8] c"hello world\\00"
; GEP constant expressions, including a GEP of a GEP and a negative index
@p = internal global i32* getelementptr (i32, i32* getelementptr inbounds ([10 x i32], [10 x i32]* @arr, i32 0, i32 3), i32 2)
@q = internal global i32* getelementptr (i32, i32* getelementptr inbounds ([10 x i32], [10 x i32]* @arr, i32 0, i32 9), i32 -4)
; ptrtoint / sub constant expression: a byte distance computed at load time
@diff = internal global i32 sub (i32 ptrtoint (i32* getelementptr inbounds ([10 x i32], [10 x i32]* @arr, i32 0, i32 7) to i32), i32 ptrtoint ([10 x i32]* @arr to i32))
; inttoptr(ptrtoint + 6): a pointer into the middle of a string
@mid = internal global i8* inttoptr (i32 add (i32 ptrtoint ([12 x i8]* @msg to i32), i32 6) to i8*)
; (a select constant expression whose condition depends on the address layout cannot be a
; global initialiser: llc rejects it, "Unsupported expression in static initializer"; main
; stores one into @sel, and uses a ptrtoint/select/icmp constant expression as an operand)
@sel = internal global i32* null
@selint = internal global i32 zext (i1 icmp eq (i32* getelementptr inbounds ([10 x i32], [10 x i32]* @arr, i32 0, i32 2), i32* getelementptr inbounds ([10 x i32], [10 x i32]* @arr, i32 0, i32 2)) to i32)
; a struct initialised with constant expressions, including a pointer into itself
@s = internal global %struct.S { i32 5, [4 x i16] [i16 1, i16 2, i16 3, i16 4], %struct.T { i8 9, i32* getelementptr inbounds (%struct.S, %struct.S* @s, i32 0, i32 0) } }
@fld = internal global i16* getelementptr inbounds (%struct.S, %struct.S* @s, i32 0, i32 1, i32 2)
; function pointer table with bitcast constant expressions
define internal i32 @f_add(i32 %x, i32 %y) {
  %r = add i32 %x, %y
  ret i32 %r
}
define internal i32 @f_mul(i32 %x, i32 %y) {
  %r = mul i32 %x, %y
  ret i32 %r
}
@fns = internal global [3 x i8*] [i8* bitcast (i32 (i32, i32)* @f_add to i8*), i8* bitcast (i32 (i32, i32)* @f_mul to i8*), i8* null]
@tbl = internal global [3 x i32*] [i32* getelementptr inbounds ([10 x i32], [10 x i32]* @arr, i32 0, i32 1), i32* @ga, i32* getelementptr inbounds ([10 x i32], [10 x i32]* @arr, i32 1, i32 -1)]
define i32 @main() {
  store i32* select (i1 icmp ult (i32* @ga, i32* @gb), i32* @ga, i32* @gb), i32** @sel
  %pp = load i32*, i32** @p
  %pv = load i32, i32* %pp
  %qp = load i32*, i32** @q
  %qv = load i32, i32* %qp
  %d = load i32, i32* @diff
  %e = getelementptr inbounds [10 x i32], [10 x i32]* @arr, i32 0, i32 8
  %ev = load i32, i32* %e
  %fp = load i16*, i16** @fld
  %fv = load i16, i16* %fp
  %fz = sext i16 %fv to i32
  %self = load i32*, i32** getelementptr inbounds (%struct.S, %struct.S* @s, i32 0, i32 2, i32 1)
  %selfv = load i32, i32* %self
  call i32 (i8*, ...) @printf(${f1}, i32 %pv, i32 %qv, i32 %d, i32 %ev, i32 %fz, i32 %selfv)
  %m = load i8*, i8** @mid
  %last = getelementptr i8, i8* %m, i32 4
  %lc = load i8, i8* %last
  %lz = sext i8 %lc to i32
  call i32 (i8*, ...) @printf(${f2}, i8* %m, i8* getelementptr inbounds ([12 x i8], [12 x i8]* @msg, i32 0, i32 0), i32 %lz)
  %sp = load i32*, i32** @sel
  %lt = icmp ult i32* @ga, @gb
  %exp = select i1 %lt, i32* @ga, i32* @gb
  %same = icmp eq i32* %sp, %exp
  %samez = zext i1 %same to i32
  %sv = load i32, i32* %sp
  %other = select i1 %lt, i32* @gb, i32* @ga
  %ov = load i32, i32* %other
  %sum0 = add i32 %sv, %ov
  %si = load i32, i32* @selint
  %sum1 = add i32 %sum0, %si
  %sum = add i32 %sum1, select (i1 icmp ugt (i32 ptrtoint (i32* @gb to i32), i32 ptrtoint (i32* @ga to i32)), i32 1000, i32 1000)
  %f0 = load i8*, i8** getelementptr inbounds ([3 x i8*], [3 x i8*]* @fns, i32 0, i32 0)
  %f1 = load i8*, i8** getelementptr inbounds ([3 x i8*], [3 x i8*]* @fns, i32 0, i32 1)
  %f0c = bitcast i8* %f0 to i32 (i32, i32)*
  %f1c = bitcast i8* %f1 to i32 (i32, i32)*
  %r0 = call i32 %f0c(i32 6, i32 7)
  %r1 = call i32 %f1c(i32 6, i32 7)
  call i32 (i8*, ...) @printf(${f3}, i32 %samez, i32 %sum, i32 %r0, i32 %r1)
  %t0 = load i32*, i32** getelementptr inbounds ([3 x i32*], [3 x i32*]* @tbl, i32 0, i32 0)
  %t1 = load i32*, i32** getelementptr inbounds ([3 x i32*], [3 x i32*]* @tbl, i32 0, i32 1)
  %t2 = load i32*, i32** getelementptr inbounds ([3 x i32*], [3 x i32*]* @tbl, i32 0, i32 2)
  %t0v = load i32, i32* %t0
  %t1v = load i32, i32* %t1
  %t2v = load i32, i32* %t2
  %ip = inttoptr i32 ptrtoint (i32* getelementptr inbounds ([10 x i32], [10 x i32]* @arr, i32 0, i32 4) to i32) to i32*
  %ipv = load i32, i32* %ip
  %n0 = load i32, i32* getelementptr inbounds (%struct.S, %struct.S* @s, i32 0, i32 0)
  %n1p = getelementptr inbounds %struct.S, %struct.S* @s, i32 0, i32 2, i32 0
  %n1 = load i8, i8* %n1p
  %n1z = zext i8 %n1 to i32
  call i32 (i8*, ...) @printf(${f4}, i32 %t0v, i32 %t1v, i32 %t2v, i32 %ipv, i32 %n0, i32 %n1z)
  ret i32 %d
}
`);
}

// Intrinsics at odd widths, one module each (a gap in one does not hide the others).
{
  const specs: [string, number, string, string][] = [  // name, width, declaration args, call args (x, y = operands)
    ['ctpop', 17, '(i17)', '(i17 X)'], ['ctlz', 33, '(i33, i1)', '(i33 X, i1 false)'], ['cttz', 63, '(i63, i1)', '(i63 X, i1 false)'],
    ['bswap', 48, '(i48)', '(i48 X)'], ['fshl', 17, '(i17, i17, i17)', '(i17 X, i17 Y, i17 5)'], ['fshr', 33, '(i33, i33, i33)', '(i33 X, i33 Y, i33 40)'],
    ['smax', 33, '(i33, i33)', '(i33 X, i33 Y)'], ['umin', 17, '(i17, i17)', '(i17 X, i17 Y)'], ['abs', 63, '(i63, i1)', '(i63 X, i1 false)'],
    ['umax', 3, '(i3, i3)', '(i3 X, i3 Y)'], ['ctpop', 128, '(i128)', '(i128 X)'],
  ];
  const vals: [number, number][] = [[0x1f0f1, 5], [-3, 0x12345], [1, 0], [65536, 131071], [-(2 ** 40), 7]];
  for (const [op, w, decl, call] of specs) {
    const f = s('o', `${op}.i${w} %d: %d %08x%08x\\n`);
    let body = '';
    vals.forEach(([x, y], k) => {
      const p = `k${k}`;
      body += `
  %${p}x0 = call i64 @id64(i64 ${x})
  %${p}x = ${w >= 64 ? 'add' : 'trunc'} i64 %${p}x0 ${w >= 64 ? ', 0' : `to i${w}`}
  %${p}y = ${w >= 64 ? 'add' : 'trunc'} i64 ${y} ${w >= 64 ? ', 0' : `to i${w}`}${w > 64 ? `
  %${p}xw = sext i64 %${p}x to i${w}
  %${p}yw = zext i64 %${p}y to i${w}
  %${p}xs = shl i${w} %${p}xw, 7
  %${p}X = xor i${w} %${p}xs, %${p}yw` : `
  %${p}X = add i${w} %${p}x, 0`}
  %${p}r = call i${w} @llvm.${op}.i${w}${call.replace('X', `%${p}X`).replace('Y', w > 64 ? `%${p}yw` : `%${p}y`)}
  %${p}s = ${w > 64 ? 'trunc' : 'sext'} i${w} %${p}r to i64
  %${p}lo = trunc i64 %${p}s to i32
  %${p}h0 = lshr i64 %${p}s, 32
  %${p}hi = trunc i64 %${p}h0 to i32
  %${p}lz = sext i32 %${p}lo to i64
  call i32 (i8*, ...) @printf(${f}, i32 ${k}, i32 %${p}lo, i32 %${p}hi, i32 %${p}lo)`;
    });
    textCase(`odd_intrin_${op}_i${w}`, `${strings()}
define internal i64 @id64(i64 %x) {
  ret i64 %x
}
define i32 @main() {${body}
  ret i32 0
}
declare i${w} @llvm.${op}.i${w}${decl}
`);
  }
}

{
  const f = s('ov', 'w%d %s: %lld ovf %d\\n');
  const ops = [['sadd', 33], ['uadd', 33], ['ssub', 17], ['usub', 17], ['smul', 24], ['umul', 24], ['sadd', 63]] as const;
  const opn = ops.map(([o, w]) => s(`on_${o}${w}`, `${o}`));
  const inputs: [number, number][] = [[4294967295, 1], [-4294967296, -1], [65535, 65535], [8388607, 2], [-2, 3]];
  let body = '';
  inputs.forEach(([x, y], k) => ops.forEach(([o, w], j) => {
    const p = `v${k}_${j}`;
    body += `
  %${p}a = trunc i64 ${x} to i${w}
  %${p}b = trunc i64 ${y} to i${w}
  %${p}va = call i${w} @id${w}(i${w} %${p}a)
  %${p}r = call { i${w}, i1 } @llvm.${o}.with.overflow.i${w}(i${w} %${p}va, i${w} %${p}b)
  %${p}v = extractvalue { i${w}, i1 } %${p}r, 0
  %${p}o = extractvalue { i${w}, i1 } %${p}r, 1
  %${p}vs = ${o[0] === 's' ? 'sext' : 'zext'} i${w} %${p}v to i64
  %${p}oz = zext i1 %${p}o to i32
  call i32 (i8*, ...) @printf(${f}, i32 ${w}, ${opn[j]}, i64 %${p}vs, i32 %${p}oz)`;
  }));
  const widths = [...new Set(ops.map(([, w]) => w))];
  textCase('odd_width_overflow', `${strings()}
${widths.map(w => `define internal i${w} @id${w}(i${w} %x) {\n  ret i${w} %x\n}`).join('\n')}
define i32 @main() {${body}
  ret i32 0
}
${[...new Set(ops.map(([o, w]) => `declare { i${w}, i1 } @llvm.${o}.with.overflow.i${w}(i${w}, i${w})`))].join('\n')}
`);
}

{
  const f = s('fz', 'freeze %d %d | fneg %g | fcmp %d %d %d %d | uitofp %.17g sitofp %g | fptoui i17 %u\\n');
  textCase('misc_rare', `${strings()}
@g = internal global i32 41
@d = internal global double 0x7FF8000000000000
define i32 @main() {
  %x = load i32, i32* @g
  %fr = freeze i32 %x
  %y = add i32 %fr, 1
  %u = freeze i32 undef
  %u0 = and i32 %u, 0
  %n = load double, double* @d
  %neg = fneg double 2.5
  %c1 = fcmp uno double %n, 1.0
  %c2 = fcmp ord double %n, 1.0
  %c3 = fcmp ueq double %n, 1.0
  %c4 = fcmp one double %n, 1.0
  %z1 = zext i1 %c1 to i32
  %z2 = zext i1 %c2 to i32
  %z3 = zext i1 %c3 to i32
  %z4 = zext i1 %c4 to i32
  %big = zext i32 %x to i33
  %big2 = shl i33 %big, 27
  %f1 = uitofp i33 %big2 to double
  %s = trunc i32 %x to i7
  %sn = sub i7 0, %s
  %f2 = sitofp i7 %sn to float
  %f2d = fpext float %f2 to double
  %f3 = fptoui double 100000.75 to i17
  %f3z = zext i17 %f3 to i32
  call i32 (i8*, ...) @printf(${f}, i32 %y, i32 %u0, double %neg, i32 %z1, i32 %z2, i32 %z3, i32 %z4, double %f1, double %f2d, i32 %f3z)
  ret i32 %y
}
`);
}

// The JIT gives a pointer bitcast, ptrtoint/inttoptr between a pointer and an
// i32, and freeze their operand's value (no copy): the shapes where sharing a
// value can go wrong. `swap` exchanges two pointer phis through casts on the
// back edge (the edge must read both before writing either); `chain` has
// more blocks than the function has locals before its casts, so block
// numbers equal the casts' value ids (a block operand is no use of a value);
// `last` uses a cast of a loop phi after the loop, and one across a call.
{
  const f = s('fc', 'swap %d %d | chain %d | last %d %d %d\\n');
  const N = 48;
  const chainBlocks = Array.from({ length: N }, (_, i) => {
    const next = i + 1 < N ? `%b${i + 1}` : '%out', skip = i + 2 < N ? `%b${i + 2}` : '%out';
    return `b${i}:
  %x${i} = load i32, i32* %q${i % 8}
  %o${i} = load i32, i32* @acc
  %m${i} = mul i32 %o${i}, 33
  %n${i} = add i32 %m${i}, %x${i}
  store i32 %n${i}, i32* @acc
  %t${i} = and i32 %x${i}, ${1 << (i % 3)}
  %z${i} = icmp eq i32 %t${i}, 0
  br i1 %z${i}, label ${next}, label ${skip}`;
  }).join('\n');
  const chainCasts = Array.from({ length: 8 }, (_, k) => `  %g${k} = getelementptr i8, i8* %a8, i32 ${4 * k}
  %q${k} = bitcast i8* %g${k} to i32*`).join('\n');
  textCase('jit_shared_casts', `${strings()}
@arr = internal global [8 x i32] [i32 3, i32 10, i32 -7, i32 25, i32 6, i32 1, i32 12, i32 9]
@acc = internal global i32 0
define internal i32 @swap(i32* %a, i32* %b, i32 %n) {
entry:
  br label %loop
loop:
  %p = phi i32* [ %a, %entry ], [ %qc, %loop ]
  %q = phi i32* [ %b, %entry ], [ %pf, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s2, %loop ]
  %i = phi i32 [ 0, %entry ], [ %i2, %loop ]
  %p8 = bitcast i32* %p to i8*
  %pc = bitcast i8* %p8 to i32*
  %pf = freeze i32* %pc
  %qi = ptrtoint i32* %q to i32
  %qc = inttoptr i32 %qi to i32*
  %x = load i32, i32* %p
  %y = load i32, i32* %q
  %s1 = mul i32 %s, 31
  %xy = sub i32 %x, %y
  %s2 = add i32 %s1, %xy
  %i2 = add i32 %i, 1
  %c = icmp eq i32 %i2, %n
  br i1 %c, label %out, label %loop
out:
  ret i32 %s2
}
define internal i32 @chain(i32* %a) {
entry:
  %a8 = bitcast i32* %a to i8*
${chainCasts}
  store i32 1, i32* @acc
  br label %b0
${chainBlocks}
out:
  %r = load i32, i32* @acc
  ret i32 %r
}
define internal i32 @id(i32 %x) {
  ret i32 %x
}
define internal i32 @last(i32* %a, i32 %n, i32* %dist, i32* %after) {
entry:
  br label %loop
loop:
  %p = phi i32* [ %a, %entry ], [ %pn, %loop ]
  %i = phi i32 [ 0, %entry ], [ %i2, %loop ]
  %pc = bitcast i32* %p to i8*
  %pn = getelementptr i32, i32* %p, i32 1
  %i2 = add i32 %i, 1
  %c = icmp eq i32 %i2, %n
  br i1 %c, label %out, label %loop
out:
  %pi = ptrtoint i8* %pc to i32
  %ai = ptrtoint i32* %a to i32
  %d = sub i32 %pi, %ai
  store i32 %d, i32* %dist
  %back = bitcast i8* %pc to i32*
  %v = call i32 @id(i32 %d)
  %w = load i32, i32* %back
  store i32 %w, i32* %after
  %r = add i32 %v, %w
  ret i32 %r
}
define i32 @main() {
  %a = getelementptr [8 x i32], [8 x i32]* @arr, i32 0, i32 0
  %b = getelementptr [8 x i32], [8 x i32]* @arr, i32 0, i32 5
  %s7 = call i32 @swap(i32* %a, i32* %b, i32 7)
  %s8 = call i32 @swap(i32* %b, i32* %a, i32 8)
  %ch = call i32 @chain(i32* %a)
  %dist = alloca i32
  %after = alloca i32
  %l = call i32 @last(i32* %a, i32 6, i32* %dist, i32* %after)
  %dv = load i32, i32* %dist
  %av = load i32, i32* %after
  call i32 (i8*, ...) @printf(${f}, i32 %s7, i32 %s8, i32 %ch, i32 %l, i32 %dv, i32 %av)
  ret i32 0
}
`);
}

{
  // A multiply-add loop (patterns.c AxpyLoop) as LLVM's vectoriser leaves it, both groups' loads before
  // their stores, run on overlapping arrays (clang's own run-time check keeps its vector loop from them):
  // the interpreter's one-cell form applies only without overlap, else the IR's order shows.
  // (a is computed after @init's call: a double parameter kept across a call in --jit=all code
  // arrived wrong in @axpy, a JIT bug of its own, reported.)
  const f = s('fx', 'axpy %.17g %.17g %.17g %.17g %.17g\\n');
  textCase('axpy_overlap', `${strings()}
@buf = internal global [48 x double] zeroinitializer
declare <2 x double> @llvm.fmuladd.v2f64(<2 x double>, <2 x double>, <2 x double>)
define internal void @axpy(double* %x, double* %y, i32 %n, double %a) {
entry:
  %s0 = insertelement <2 x double> poison, double %a, i64 0
  %s = shufflevector <2 x double> %s0, <2 x double> poison, <2 x i32> zeroinitializer
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %px0 = getelementptr inbounds double, double* %x, i32 %i
  %vx0p = bitcast double* %px0 to <2 x double>*
  %vx0 = load <2 x double>, <2 x double>* %vx0p, align 8
  %px1 = getelementptr inbounds double, double* %px0, i32 2
  %vx1p = bitcast double* %px1 to <2 x double>*
  %vx1 = load <2 x double>, <2 x double>* %vx1p, align 8
  %py0 = getelementptr inbounds double, double* %y, i32 %i
  %vy0p = bitcast double* %py0 to <2 x double>*
  %vy0 = load <2 x double>, <2 x double>* %vy0p, align 8
  %py1 = getelementptr inbounds double, double* %py0, i32 2
  %vy1p = bitcast double* %py1 to <2 x double>*
  %vy1 = load <2 x double>, <2 x double>* %vy1p, align 8
  %r0 = call <2 x double> @llvm.fmuladd.v2f64(<2 x double> %s, <2 x double> %vx0, <2 x double> %vy0)
  %r1 = call <2 x double> @llvm.fmuladd.v2f64(<2 x double> %s, <2 x double> %vx1, <2 x double> %vy1)
  store <2 x double> %r0, <2 x double>* %vy0p, align 8
  store <2 x double> %r1, <2 x double>* %vy1p, align 8
  %i.next = add nuw nsw i32 %i, 4
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
define internal void @init() {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %k = urem i32 %i, 7
  %kd = sitofp i32 %k to double
  %v = fmul double %kd, 7.500000e-01
  %w = fadd double %v, -2.000000e+00
  %p = getelementptr [48 x double], [48 x double]* @buf, i32 0, i32 %i
  store double %w, double* %p
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, 48
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
define internal double @sum() {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi double [ 0.000000e+00, %entry ], [ %acc.next, %loop ]
  %p = getelementptr [48 x double], [48 x double]* @buf, i32 0, i32 %i
  %v = load double, double* %p
  %i1 = add i32 %i, 1
  %id = sitofp i32 %i1 to double
  %t = fmul double %v, %id
  %acc.next = fadd double %acc, %t
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, 48
  br i1 %done, label %exit, label %loop
exit:
  ret double %acc.next
}
define internal double @run(i32 %xoff, i32 %yoff, i32 %quarters) {
  call void @init()
  %q = sitofp i32 %quarters to double
  %a = fmul double %q, 2.500000e-01
  %x = getelementptr [48 x double], [48 x double]* @buf, i32 0, i32 %xoff
  %y = getelementptr [48 x double], [48 x double]* @buf, i32 0, i32 %yoff
  call void @axpy(double* %x, double* %y, i32 24, double %a)
  %r = call double @sum()
  ret double %r
}
define i32 @main() {
  %ahead = call double @run(i32 2, i32 0, i32 2)
  %behind = call double @run(i32 0, i32 2, i32 2)
  %odd = call double @run(i32 1, i32 4, i32 -5)
  %same = call double @run(i32 8, i32 8, i32 12)
  %apart = call double @run(i32 24, i32 0, i32 -5)
  call i32 (i8*, ...) @printf(${f}, double %ahead, double %behind, double %odd, double %same, double %apart)
  ret i32 0
}
`);
}


{
  // Integer dot-product loops (patterns.c, the interpreter's dotli) whose accumulator lanes are read one
  // by one after the loop, where a wrong lane for an element shows (a reduction would hide it): two
  // <4 x i32> sums in order and swapped, two scalar sums taking elements in blocks (k / 2, not the
  // vectoriser's k % 2: not the pattern), and i16 elements with a counter counting down to 0.
  const f = s('fl', 'lanes %d %d %d %d %d %d %d %d\\n');
  const g = s('gl', 'scalars %d %d | down %d\\n');
  const vecLoop = (name: string, first: string, second: string) => `
define internal void @${name}(i32* %a, i32* %b, i32 %n, <4 x i32>* %out) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s0 = phi <4 x i32> [ <i32 1, i32 2, i32 3, i32 4>, %entry ], [ %s0.next, %loop ]
  %s1 = phi <4 x i32> [ <i32 -5, i32 6, i32 -7, i32 8>, %entry ], [ %s1.next, %loop ]
  %pa0 = getelementptr inbounds i32, i32* %a, i32 %i
  %va0p = bitcast i32* %pa0 to <4 x i32>*
  %va0 = load <4 x i32>, <4 x i32>* %va0p, align 4
  %pa1 = getelementptr inbounds i32, i32* %pa0, i32 4
  %va1p = bitcast i32* %pa1 to <4 x i32>*
  %va1 = load <4 x i32>, <4 x i32>* %va1p, align 4
  %pb0 = getelementptr inbounds i32, i32* %b, i32 %i
  %vb0p = bitcast i32* %pb0 to <4 x i32>*
  %vb0 = load <4 x i32>, <4 x i32>* %vb0p, align 4
  %pb1 = getelementptr inbounds i32, i32* %pb0, i32 4
  %vb1p = bitcast i32* %pb1 to <4 x i32>*
  %vb1 = load <4 x i32>, <4 x i32>* %vb1p, align 4
  %m0 = mul <4 x i32> %vb0, %va0
  %m1 = mul <4 x i32> %va1, %vb1
  %s0.next = add <4 x i32> ${first}, %s0
  %s1.next = add <4 x i32> %s1, ${second}
  %i.next = add nuw i32 %i, 8
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  %o1 = getelementptr <4 x i32>, <4 x i32>* %out, i32 1
  store <4 x i32> %s0.next, <4 x i32>* %out
  store <4 x i32> %s1.next, <4 x i32>* %o1
  ret void
}`;
  const print = (fn: string) => `
  call void @${fn}(i32* %a, i32* %b, i32 24, <4 x i32>* %out)
  %${fn}.v0 = load <4 x i32>, <4 x i32>* %out
  %${fn}.v1 = load <4 x i32>, <4 x i32>* %o1
${[0, 1, 2, 3].map(k => `  %${fn}.x${k} = extractelement <4 x i32> %${fn}.v0, i32 ${k}\n  %${fn}.y${k} = extractelement <4 x i32> %${fn}.v1, i32 ${k}`).join('\n')}
  call i32 (i8*, ...) @printf(${f}, ${[0, 1, 2, 3].map(k => `i32 %${fn}.x${k}`).join(', ')}, ${[0, 1, 2, 3].map(k => `i32 %${fn}.y${k}`).join(', ')})`;
  textCase('dot_int_lanes', `${strings()}
@A = internal global [32 x i32] zeroinitializer
@B = internal global [32 x i32] zeroinitializer
@S = internal global [32 x i16] zeroinitializer
@V = internal global [2 x <4 x i32>] zeroinitializer
${vecLoop('in_order', '%m0', '%m1')}
${vecLoop('swapped', '%m1', '%m0')}
define internal i32 @blocks(i32* %a, i32* %b, i32 %n, i32* %other) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s0 = phi i32 [ 0, %entry ], [ %s0.next, %loop ]
  %s1 = phi i32 [ 0, %entry ], [ %s1.next, %loop ]
${[0, 1, 2, 3].map(k => `  %x${k} = ${k ? `or i32 %i, ${k}` : 'add i32 %i, 0'}
  %pa${k} = getelementptr inbounds i32, i32* %a, i32 %x${k}
  %a${k} = load i32, i32* %pa${k}
  %pb${k} = getelementptr inbounds i32, i32* %b, i32 %x${k}
  %b${k} = load i32, i32* %pb${k}
  %m${k} = mul i32 %a${k}, %b${k}`).join('\n')}
  %t0 = add i32 %m0, %s0
  %s0.next = add i32 %m1, %t0
  %t1 = add i32 %m2, %s1
  %s1.next = add i32 %m3, %t1
  %i.next = add nuw i32 %i, 4
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  store i32 %s1.next, i32* %other
  ret i32 %s0.next
}
define internal i32 @down(i16* %a, i32* %b, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %left = phi i32 [ %n, %entry ], [ %left.next, %loop ]
  %s = phi i32 [ 100, %entry ], [ %s.next, %loop ]
  %pa = getelementptr inbounds i16, i16* %a, i32 %i
  %va = load i16, i16* %pa
  %xa = sext i16 %va to i32
  %pb = getelementptr inbounds i32, i32* %b, i32 %i
  %vb = load i32, i32* %pb
  %m = mul i32 %vb, %xa
  %s.next = add i32 %s, %m
  %i.next = add nuw i32 %i, 1
  %left.next = add i32 %left, -1
  %done = icmp eq i32 %left.next, 0
  br i1 %done, label %exit, label %loop
exit:
  ret i32 %s.next
}
define i32 @main() {
entry:
  br label %fill
fill:
  %i = phi i32 [ 0, %entry ], [ %i.next, %fill ]
  %ka = mul i32 %i, -1640531535
  %kb = mul i32 %i, 7919
  %kb2 = sub i32 %kb, 100000
  %ks = mul i32 %i, 2731
  %ks2 = sub i32 %ks, 30000
  %ks3 = trunc i32 %ks2 to i16
  %pa = getelementptr [32 x i32], [32 x i32]* @A, i32 0, i32 %i
  store i32 %ka, i32* %pa
  %pb = getelementptr [32 x i32], [32 x i32]* @B, i32 0, i32 %i
  store i32 %kb2, i32* %pb
  %ps = getelementptr [32 x i16], [32 x i16]* @S, i32 0, i32 %i
  store i16 %ks3, i16* %ps
  %i.next = add i32 %i, 1
  %filled = icmp eq i32 %i.next, 32
  br i1 %filled, label %go, label %fill
go:
  %a = getelementptr [32 x i32], [32 x i32]* @A, i32 0, i32 0
  %b = getelementptr [32 x i32], [32 x i32]* @B, i32 0, i32 0
  %out = getelementptr [2 x <4 x i32>], [2 x <4 x i32>]* @V, i32 0, i32 0
  %o1 = getelementptr [2 x <4 x i32>], [2 x <4 x i32>]* @V, i32 0, i32 1
  %other = getelementptr [32 x i32], [32 x i32]* @A, i32 0, i32 31
${print('in_order')}
${print('swapped')}
  %first = call i32 @blocks(i32* %a, i32* %b, i32 24, i32* %other)
  %second = load i32, i32* %other
  %sa = getelementptr [32 x i16], [32 x i16]* @S, i32 0, i32 0
  %d = call i32 @down(i16* %sa, i32* %b, i32 29)
  call i32 (i8*, ...) @printf(${g}, i32 %first, i32 %second, i32 %d)
  ret i32 0
}
`);
}

{
  // shufflevector masks C cannot easily reach, each lane printed (undef lanes not): windows
  // over both operands (placed in adjacent slots: no code), identity, the second operand whole,
  // reversal, undef lanes, lanes from both operands out of order, a concatenation and a window
  // of it; each operand also used after the shuffle. Then sliding windows in loops
  // (lower_alias_shuffle_windows, phi_lanes_read): the previous pass's vector of which only lane 1
  // is read, the same with lane 0 read too, and a window carried by a phi (not placed);
  // and <2 x double> loads moved down to the fadd using them (lower_defer_loads_to_users): not
  // past a store to the same address, nor past the counter's add that writes the phi slot the
  // address reads.
  const f = s('fw', 'span0 %g span1 %g u0 %g ident0 %g ident1 %g u1 %g second0 %g second1 %g u2 %g rev0 %g rev1 %g u3 %g undef01 %g u4 %g undef10 %g u5 %g cross0 %g cross1 %g u6 %g concat0 %g concat1 %g concat2 %g concat3 %g u7 %g tail0 %g tail1 %g tail2 %g u8 %g h %g %g\\n');
  const g = s('gw', 'slide %g %g %g %g | %g %g | carried %g %g | defer %g %g %g\\n');
  textCase('shuffle_windows', `${strings()}
@w = internal global [8 x double] [double 1.5, double -2.25, double 4.0, double 8.5, double -16.0, double 32.75, double 64.0, double -0.5]
@src = internal global [16 x double] zeroinitializer
@dst = internal global [16 x double] zeroinitializer
define internal void @fill() {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %k = mul i32 %i, 7
  %m = urem i32 %k, 11
  %d = sitofp i32 %m to double
  %v = fmul double %d, 1.25
  %p = getelementptr [16 x double], [16 x double]* @src, i32 0, i32 %i
  store double %v, double* %p
  %q = getelementptr [16 x double], [16 x double]* @dst, i32 0, i32 %i
  store double 0.0, double* %q
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, 16
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
; dst[i..i+1] = <src[i-1], src[i]> + src[i+1..i+2] for i = 1, 3, ... (n passes); lane 0 of the
; previous vector is summed too when %both
define internal double @slide(i32 %n) {
entry:
  %first = load <2 x double>, <2 x double>* bitcast ([16 x double]* @src to <2 x double>*), align 8
  br label %loop
loop:
  %i = phi i32 [ 1, %entry ], [ %i.next, %loop ]
  %c = phi i32 [ 0, %entry ], [ %c.next, %loop ]
  %acc = phi double [ 0.0, %entry ], [ %acc.next, %loop ]
  %prev = phi <2 x double> [ %first, %entry ], [ %cur, %loop ]
  %j = add i32 %i, 1
  %pc = getelementptr [16 x double], [16 x double]* @src, i32 0, i32 %j
  %pcv = bitcast double* %pc to <2 x double>*
  %cur = load <2 x double>, <2 x double>* %pcv, align 8
  %win = shufflevector <2 x double> %prev, <2 x double> %cur, <2 x i32> <i32 1, i32 2>
  %sum = fadd <2 x double> %win, %cur
  %pd = getelementptr [16 x double], [16 x double]* @dst, i32 0, i32 %i
  %pdv = bitcast double* %pd to <2 x double>*
  store <2 x double> %sum, <2 x double>* %pdv, align 8
  %l1 = extractelement <2 x double> %win, i32 0
  %acc.next = fadd double %acc, %l1
  %i.next = add i32 %i, 2
  %c.next = add i32 %c, 1
  %done = icmp eq i32 %c.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret double %acc.next
}
; a window carried into the next pass by a phi (not placed in its operands' slots); both lanes
; of the previous pass's vector read
define internal double @carried(i32 %n) {
entry:
  %first = load <2 x double>, <2 x double>* bitcast ([16 x double]* @src to <2 x double>*), align 8
  br label %loop
loop:
  %i = phi i32 [ 2, %entry ], [ %i.next, %loop ]
  %prev = phi <2 x double> [ %first, %entry ], [ %cur, %loop ]
  %keep = phi <2 x double> [ zeroinitializer, %entry ], [ %win, %loop ]
  %pacc = phi double [ 0.0, %entry ], [ %pacc.next, %loop ]
  %pc = getelementptr [16 x double], [16 x double]* @src, i32 0, i32 %i
  %pcv = bitcast double* %pc to <2 x double>*
  %cur = load <2 x double>, <2 x double>* %pcv, align 8
  %win = shufflevector <2 x double> %prev, <2 x double> %cur, <2 x i32> <i32 1, i32 2>
  %pl = extractelement <2 x double> %prev, i32 0
  %pacc.next = fadd double %pacc, %pl
  %i.next = add i32 %i, 2
  %done = icmp sge i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  %r = fsub <2 x double> %keep, %win
  %r0 = extractelement <2 x double> %r, i32 0
  %r1 = extractelement <2 x double> %r, i32 1
  %s = fmul double %r0, %r1
  %t = fadd double %s, %r1
  %u = fadd double %t, %pacc.next
  ret double %u
}
; d = x + load p, with a store to p between (the load must see the old value)
define internal double @defer_store(i32 %i) {
  %p = getelementptr [16 x double], [16 x double]* @src, i32 0, i32 %i
  %pv = bitcast double* %p to <2 x double>*
  %x = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([16 x double], [16 x double]* @src, i32 0, i32 8) to <2 x double>*), align 8
  %v = load <2 x double>, <2 x double>* %pv, align 8
  store <2 x double> <double 100.0, double 200.0>, <2 x double>* %pv, align 8
  %d = fsub <2 x double> %x, %v
  %d0 = extractelement <2 x double> %d, i32 0
  %d1 = extractelement <2 x double> %d, i32 1
  %r = fadd double %d0, %d1
  ret double %r
}
; a loop whose load is used after the counter's add (which may share the counter phi's slot)
define internal double @defer_counter(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi <2 x double> [ zeroinitializer, %entry ], [ %acc.next, %loop ]
  %p = getelementptr [16 x double], [16 x double]* @src, i32 0, i32 %i
  %pv = bitcast double* %p to <2 x double>*
  %v = load <2 x double>, <2 x double>* %pv, align 8
  %i.next = add i32 %i, 2
  %m = fmul <2 x double> %acc, <double 0.5, double 0.25>
  %acc.next = fadd <2 x double> %m, %v
  %done = icmp sge i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  %a0 = extractelement <2 x double> %acc.next, i32 0
  %a1 = extractelement <2 x double> %acc.next, i32 1
  %r = fadd double %a0, %a1
  ret double %r
}
define double @dsum(i32 %i, i32 %k) {
  %p = getelementptr [16 x double], [16 x double]* @dst, i32 0, i32 %i
  %v = load double, double* %p
  %q = getelementptr [16 x double], [16 x double]* @dst, i32 0, i32 %k
  %w = load double, double* %q
  %r = fadd double %v, %w
  ret double %r
}
define i32 @main() {
  %a0 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 0) to <2 x double>*), align 8
  %b0 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 2) to <2 x double>*), align 8
  %s0 = shufflevector <2 x double> %a0, <2 x double> %b0, <2 x i32> <i32 1, i32 2>
  %e0_0 = extractelement <2 x double> %s0, i32 0
  %e0_1 = extractelement <2 x double> %s0, i32 1
  %u0 = fadd <2 x double> %a0, %b0
  %ue0 = extractelement <2 x double> %u0, i32 1
  %a1 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 1) to <2 x double>*), align 8
  %b1 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 3) to <2 x double>*), align 8
  %s1 = shufflevector <2 x double> %a1, <2 x double> %b1, <2 x i32> <i32 0, i32 1>
  %e1_0 = extractelement <2 x double> %s1, i32 0
  %e1_1 = extractelement <2 x double> %s1, i32 1
  %u1 = fadd <2 x double> %a1, %b1
  %ue1 = extractelement <2 x double> %u1, i32 1
  %a2 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 2) to <2 x double>*), align 8
  %b2 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 4) to <2 x double>*), align 8
  %s2 = shufflevector <2 x double> %a2, <2 x double> %b2, <2 x i32> <i32 2, i32 3>
  %e2_0 = extractelement <2 x double> %s2, i32 0
  %e2_1 = extractelement <2 x double> %s2, i32 1
  %u2 = fadd <2 x double> %a2, %b2
  %ue2 = extractelement <2 x double> %u2, i32 1
  %a3 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 3) to <2 x double>*), align 8
  %b3 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 5) to <2 x double>*), align 8
  %s3 = shufflevector <2 x double> %a3, <2 x double> %b3, <2 x i32> <i32 1, i32 0>
  %e3_0 = extractelement <2 x double> %s3, i32 0
  %e3_1 = extractelement <2 x double> %s3, i32 1
  %u3 = fadd <2 x double> %a3, %b3
  %ue3 = extractelement <2 x double> %u3, i32 1
  %a4 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 4) to <2 x double>*), align 8
  %b4 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 6) to <2 x double>*), align 8
  %s4 = shufflevector <2 x double> %a4, <2 x double> %b4, <2 x i32> <i32 undef, i32 2>
  %e4_1 = extractelement <2 x double> %s4, i32 1
  %u4 = fadd <2 x double> %a4, %b4
  %ue4 = extractelement <2 x double> %u4, i32 1
  %a5 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 0) to <2 x double>*), align 8
  %b5 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 2) to <2 x double>*), align 8
  %s5 = shufflevector <2 x double> %a5, <2 x double> %b5, <2 x i32> <i32 3, i32 undef>
  %e5_0 = extractelement <2 x double> %s5, i32 0
  %u5 = fadd <2 x double> %a5, %b5
  %ue5 = extractelement <2 x double> %u5, i32 1
  %a6 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 1) to <2 x double>*), align 8
  %b6 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 3) to <2 x double>*), align 8
  %s6 = shufflevector <2 x double> %a6, <2 x double> %b6, <2 x i32> <i32 3, i32 0>
  %e6_0 = extractelement <2 x double> %s6, i32 0
  %e6_1 = extractelement <2 x double> %s6, i32 1
  %u6 = fadd <2 x double> %a6, %b6
  %ue6 = extractelement <2 x double> %u6, i32 1
  %a7 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 2) to <2 x double>*), align 8
  %b7 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 4) to <2 x double>*), align 8
  %s7 = shufflevector <2 x double> %a7, <2 x double> %b7, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
  %e7_0 = extractelement <4 x double> %s7, i32 0
  %e7_1 = extractelement <4 x double> %s7, i32 1
  %e7_2 = extractelement <4 x double> %s7, i32 2
  %e7_3 = extractelement <4 x double> %s7, i32 3
  %u7 = fadd <2 x double> %a7, %b7
  %ue7 = extractelement <2 x double> %u7, i32 1
  %a8 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 3) to <2 x double>*), align 8
  %b8 = load <2 x double>, <2 x double>* bitcast (double* getelementptr ([8 x double], [8 x double]* @w, i32 0, i32 5) to <2 x double>*), align 8
  %s8 = shufflevector <2 x double> %a8, <2 x double> %b8, <4 x i32> <i32 1, i32 2, i32 3, i32 undef>
  %e8_0 = extractelement <4 x double> %s8, i32 0
  %e8_1 = extractelement <4 x double> %s8, i32 1
  %e8_2 = extractelement <4 x double> %s8, i32 2
  %u8 = fadd <2 x double> %a8, %b8
  %ue8 = extractelement <2 x double> %u8, i32 1
  %h = shufflevector <4 x double> %s7, <4 x double> %s7, <2 x i32> <i32 1, i32 2>
  %h0 = extractelement <2 x double> %h, i32 0
  %h1 = extractelement <2 x double> %h, i32 1
  call i32 (i8*, ...) @printf(${f}, double %e0_0, double %e0_1, double %ue0, double %e1_0, double %e1_1, double %ue1, double %e2_0, double %e2_1, double %ue2, double %e3_0, double %e3_1, double %ue3, double %e4_1, double %ue4, double %e5_0, double %ue5, double %e6_0, double %e6_1, double %ue6, double %e7_0, double %e7_1, double %e7_2, double %e7_3, double %ue7, double %e8_0, double %e8_1, double %e8_2, double %ue8, double %h0, double %h1)
  call void @fill()
  %z1 = call double @slide(i32 1)
  %d1 = call double @dsum(i32 1, i32 2)
  %z5 = call double @slide(i32 5)
  %d5 = call double @dsum(i32 7, i32 10)
  %z7 = call double @slide(i32 7)
  %d7 = call double @dsum(i32 13, i32 14)
  %c3 = call double @carried(i32 3)
  %c9 = call double @carried(i32 9)
  %x1 = call double @defer_store(i32 3)
  %x2 = call double @defer_counter(i32 2)
  %x3 = call double @defer_counter(i32 13)
  call i32 (i8*, ...) @printf(${g}, double %z1, double %d1, double %z5, double %d5, double %z7, double %d7, double %c3, double %c9, double %x1, double %x2, double %x3)
  ret i32 0
}
`);
}

// ---------------------------------------------------------------------------
// Runner

if (args.includes('--list')) { for (const c of cases) console.log(c.name); process.exit(0); }
const engine = opt('--engine', '') ||
  JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'bareflow.js'), 'engine'], { encoding: 'utf8' })).bfi;

const engineArgs = args.flatMap((a, i) => (args[i - 1] === '--engine-arg' ? [a] : []));

function run(cmd: string, argv: string[]) {
  const r = spawnSync(cmd, argv, { encoding: 'latin1', timeout: 60000 });
  return { code: r.signal ? `signal ${r.signal}` : r.status, out: r.stdout ?? '', err: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

let pass = 0, fail = 0;
for (const c of cases.filter(c => c.name.includes(filter))) {
  let reason: string | null = null;
  try {
    const bc = join(work, `${c.name}.bc`), obj = join(work, `${c.name}.o`), exe = join(work, `${c.name}.native`);
    llvm.WriteBitcodeToFile(c.build(), bc);
    const l = run('llc-14', [`-mtriple=${TRIPLE}`, '-mattr=+sse2', '-relocation-model=pic', '-filetype=obj', bc, '-o', obj]);
    if (l.code !== 0) throw new Error(`llc failed: ${l.err.slice(0, 300)}`);
    const k = run('clang-14', ['-m32', obj, '-o', exe, '-lm']);
    if (k.code !== 0) throw new Error(`link failed: ${k.err.slice(0, 300)}`);
    const n = run(exe, []), e = run(engine, [...engineArgs, bc]);
    if (n.code !== e.code) reason = `exit code ${e.code}, expected ${n.code}${e.err ? ' — ' + e.err.trim().split('\n').pop()!.slice(0, 200) : ''}`;
    else if (n.out !== e.out) {
      const a = n.out.split('\n'), b = e.out.split('\n'); let i = 0; while (i < a.length && a[i] === b[i]) i++;
      reason = `stdout differs at line ${i + 1}: expected ${JSON.stringify(a[i] ?? '<eof>').slice(0, 120)} got ${JSON.stringify(b[i] ?? '<eof>').slice(0, 120)}`;
    }
  } catch (err: any) { reason = `generator: ${err.message}`; }
  if (reason) { fail++; console.log(`FAIL ir:${c.name}: ${reason}`); }
  else { pass++; console.log(`ok   ir:${c.name}`); }
}
console.log(`ir cases: ${pass} passed, ${fail} failed`);
if (!keep) rmSync(work, { recursive: true, force: true });
process.exit(fail ? 1 : 0);
