// Random, well-defined C programs for the JIT's differential test (run.ts).
//
//   generate(seed) -> C source (deterministic: the same seed gives the same program)
//
// Every program is free of undefined behaviour, so native code, the interpreter
// and JIT-compiled code must print the same thing and exit with the same code:
// - integer arithmetic is done in uint32_t/uint64_t and cast back (no signed
//   overflow); signed division guards 0 and -1, unsigned division guards 0;
//   shift counts are masked to the operation's width;
// - array indices are masked or reduced modulo the (known) length;
// - every local is initialised where it is declared;
// - float -> int conversions go through range-checked helpers; floats reach the
//   output and the checksum only as bits (NaN canonicalised), printed with %a;
// - calls are bounded: a global `fuel` counter stops every generated function
//   once it runs out, recursion carries a depth that decreases to 0.
// Each program folds its state into a 64-bit checksum (mix), prints it at points
// along the way, and returns an exit code derived from it.

/** splitmix32: small, seedable, the same sequence on every platform. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = (seed ^ 0x9e3779b9) >>> 0; }
  next(): number {
    this.s = (this.s + 0x9e3779b9) >>> 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }
  int(n: number): number { return this.next() % n; }          // [0, n)
  range(a: number, b: number): number { return a + this.int(b - a + 1); } // [a, b]
  chance(p: number): boolean { return this.next() / 4294967296 < p; }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
}

interface IntTy { kind: 'int'; name: string; bits: 8 | 16 | 32 | 64; signed: boolean }
interface FltTy { kind: 'flt'; name: 'float' | 'double' }
type Ty = IntTy | FltTy;

const I = (bits: 8 | 16 | 32 | 64, signed: boolean): IntTy => ({ kind: 'int', name: `${signed ? '' : 'u'}int${bits}_t`, bits, signed });
const INTS: IntTy[] = [I(8, true), I(8, false), I(16, true), I(16, false), I(32, true), I(32, false), I(64, true), I(64, false)];
const F32: FltTy = { kind: 'flt', name: 'float' };
const F64: FltTy = { kind: 'flt', name: 'double' };
const TYPES: Ty[] = [...INTS, F32, F64];
const U32 = INTS[5], I32 = INTS[4];

interface Var { name: string; ty: Ty; writable: boolean }
interface Arr { name: string; ty: Ty; len: number; writable: boolean }
interface Fn { name: string; ret: Ty | null; params: Ty[]; arrParam: Arr | null; structParam: boolean; fnpParam: boolean }

/** struct S's fields. */
const FIELDS: [string, Ty][] = [['a', INTS[0]], ['b', INTS[3]], ['c', INTS[4]], ['d', INTS[7]], ['e', F32], ['f', F64], ['g', INTS[6]], ['h', INTS[1]]];

class Gen {
  r: Rng;
  out: string[] = [];
  fns: Fn[] = [];              // generated functions, callable from those defined after them
  tabLen = 0;                  // function-pointer table length
  recName = '';                // bounded-recursion function, when there is one
  svName = '';                 // struct S by value in, struct S returned, when there is one
  globalsArr: Arr[] = [];
  globalsVar: Var[] = [];
  usedF2I = new Set<string>();
  tmp = 0;
  printId = 0;
  // per function
  vars: Var[] = [];
  arrs: Arr[] = [];
  structs: string[] = [];      // lvalue prefixes: "gs[..]." style is computed, these are pointers/locals: "ps->" "ls."
  fnp = '';                    // function-pointer parameter in scope
  loopDepth = 0;
  iterMul = 1;                 // iterations of the enclosing loops, multiplied
  budget = 0;                  // statements left in this function
  inSwitch = 0;
  curFn = -1;                  // index of the function being generated (calls go to higher ones)

  constructor(seed: number) { this.r = new Rng(seed); }

  // ---- constants and leaves ----
  intConst(t: IntTy): string {
    const r = this.r;
    const small = () => String(r.range(-20, 40));
    let v: bigint;
    switch (r.int(5)) {
      case 0: v = BigInt(small()); break;
      case 1: v = BigInt(r.next()); break;
      case 2: v = (BigInt(r.next()) << 32n) | BigInt(r.next()); break;
      case 3: v = r.pick([0n, 1n, -1n, 2n, 255n, 256n, 65535n, 0x7fffffffn, 0x80000000n, 0xffffffffn, 0x8000000000000000n, 0x7fffffffffffffffn]); break;
      default: v = BigInt(r.range(0, 1000)); break;
    }
    // reduce to the type's range
    const m = 1n << BigInt(t.bits);
    v = ((v % m) + m) % m;
    if (t.signed && v >= m / 2n) v -= m;
    if (t.bits === 64) {
      if (t.signed) return v === -(1n << 63n) ? '(-0x7fffffffffffffffLL - 1)' : `${v}LL`;
      return `${v}ULL`;
    }
    if (t.bits === 32) {
      if (t.signed) return v === -(1n << 31n) ? '(-0x7fffffff - 1)' : `${v}`;
      return `${v}u`;
    }
    return `(${t.name})${v}`;
  }
  fltConst(t: FltTy): string {
    const r = this.r;
    const suf = t.name === 'float' ? 'f' : '';
    switch (r.int(6)) {
      case 0: return `${r.range(-50, 50)}.0${suf}`;
      case 1: return `${(r.range(-4000, 4000) / 64).toString()}${Number.isInteger(r.range(0, 0)) ? '' : ''}${suf === 'f' ? 'f' : ''}`.replace(/^(-?\d+)f$/, '$1.0f').replace(/^(-?\d+)$/, '$1.0');
      case 2: return `${r.pick(['0.1', '1e10', '-3.5e-5', '123456.789', '1e30', '-0.0', '0.0', '2.5', '1e-30', '65536.0'])}${suf}`;
      case 3: return `${(r.next() / 4096).toFixed(3)}${suf}`;
      case 4: return `-${(r.next() / 65536).toFixed(2)}${suf}`;
      default: return `${r.range(0, 9)}.${r.range(0, 99)}${suf}`;
    }
  }
  konst(t: Ty): string { return t.kind === 'int' ? this.intConst(t) : this.fltConst(t); }

  /** a readable leaf of type t: a variable, an array element, a struct field, or a constant. */
  leaf(t: Ty): string {
    const r = this.r;
    const same = this.vars.filter((v) => v.ty.name === t.name);
    const c = r.int(10);
    if (c < 5 && same.length) return r.pick(same).name;
    if (c < 7) {
      const arrs = this.arrs.filter((a) => a.ty.name === t.name);
      if (arrs.length) { const a = r.pick(arrs); return `${a.name}[${this.index(a.len)}]`; }
    }
    if (c < 8) {
      const f = FIELDS.filter(([, ft]) => ft.name === t.name);
      if (f.length) return `${this.structRef()}${f[0][0]}`;
    }
    if (c < 9 && this.vars.length) { const v = r.pick(this.vars); return this.conv(v.name, v.ty, t); }
    return this.konst(t);
  }
  /** a simple leaf (no calls, cheap to evaluate twice) of type t */
  simple(t: Ty): string {
    const same = this.vars.filter((v) => v.ty.name === t.name);
    if (same.length && this.r.chance(0.7)) return this.r.pick(same).name;
    if (this.r.chance(0.3)) {
      const arrs = this.arrs.filter((a) => a.ty.name === t.name);
      if (arrs.length) { const a = this.r.pick(arrs); return `${a.name}[${this.idxSimple(a.len)}]`; }
    }
    return this.konst(t);
  }
  idxSimple(len: number): string {
    const ints = this.vars.filter((v) => v.ty.kind === 'int');
    const e = ints.length ? this.r.pick(ints).name : String(this.r.int(len));
    return (len & (len - 1)) === 0 ? `((uint32_t)(${e}) & ${len - 1}u)` : `((uint32_t)(${e}) % ${len}u)`;
  }
  index(len: number): string {
    if (this.r.chance(0.3)) return String(this.r.int(len));
    const e = this.expr(this.r.pick(INTS), 1);
    return (len & (len - 1)) === 0 ? `((uint32_t)(${e}) & ${len - 1}u)` : `((uint32_t)(${e}) % ${len}u)`;
  }
  structRef(): string {
    if (this.structs.length && this.r.chance(0.6)) return this.r.pick(this.structs);
    return `gs[${this.index(4)}].`;
  }

  // ---- conversions ----
  /** e (of type from) as type to, without UB: float -> int through range-checked helpers. */
  conv(e: string, from: Ty, to: Ty): string {
    if (from.name === to.name) return e;
    if (from.kind === 'flt' && to.kind === 'int') {
      const h = `f2${to.name.replace('_t', '')}_${from.name[0]}`;
      this.usedF2I.add(`${h}|${from.name}|${to.name}`);
      return `${h}(${e})`;
    }
    return `(${to.name})(${e})`;
  }

  // ---- expressions ----
  expr(t: Ty, depth: number): string {
    const r = this.r;
    if (depth <= 0 || r.chance(0.25)) return this.leaf(t);
    if (t.kind === 'flt') return this.fexpr(t, depth);
    const U = t.bits === 64 ? 'uint64_t' : 'uint32_t';
    const W = t.bits === 64 ? 63 : 31;
    const sub = (tt: Ty = t) => this.expr(tt, depth - 1);
    switch (r.int(14)) {
      case 12: { // bit-count and byte-swap builtins (the 64-bit ones keep a function interpreted)
        const w = r.chance(0.1) ? 64 : 32;
        const x = w === 64 ? `(uint64_t)(${sub()})` : `(uint32_t)(${sub()})`;
        const ll = w === 64 ? 'll' : '';
        const one = w === 64 ? '1ULL' : '1u';
        switch (r.int(4)) {
          case 0: return `(${t.name})__builtin_popcount${ll}(${x})`;
          case 1: return `(${t.name})__builtin_clz${ll}(${x} | ${one})`;
          case 2: return `(${t.name})__builtin_ctz${ll}(${x} | (${one} << ${w - 1}))`;
          default: return `(${t.name})__builtin_bswap${w}(${x})`;
        }
      }
      case 0: case 1: case 2: {
        const op = r.pick(['+', '-', '*', '&', '|', '^', '+', '-', '*']);
        return `(${t.name})((${U})(${sub()}) ${op} (${U})(${sub()}))`;
      }
      case 3: {
        const amt = `((uint32_t)(${sub(r.pick(INTS))}) & ${W}u)`;
        const k = r.int(3);
        if (k === 0) return `(${t.name})((${U})(${sub()}) << ${amt})`;
        if (k === 1 && t.signed) return `(${t.name})((${t.bits === 64 ? 'int64_t' : 'int32_t'})(${sub()}) >> ${amt})`;
        return `(${t.name})((${U})(${t.signed ? `(${U})(${t.bits === 64 ? 'uint64_t' : `uint${t.bits}_t`})` : ''}(${sub()})) >> ${amt})`;
      }
      case 4: { // division / remainder
        const a = this.simple(t), b = this.simple(t);
        const op = r.pick(['/', '%']);
        if (!t.signed) return `(${t.name})((${b}) == 0 ? (${U})(${a}) : (${U})(${a}) ${op} (${U})(${b}))`;
        if (t.bits >= 32) return `(${t.name})((${b}) == 0 || (${b}) == -1 ? (${a}) : (${a}) ${op} (${b}))`;
        return `(${t.name})((${b}) == 0 ? (${a}) : (${a}) ${op} (${b}))`;
      }
      case 5: { // comparison of any type
        const ct = r.pick(TYPES);
        const op = r.pick(['<', '<=', '>', '>=', '==', '!=']);
        // negated float comparisons are the unordered predicates (true for NaN)
        return `(${t.name})(${r.chance(0.3) ? '!' : ''}(${this.expr(ct, depth - 1)} ${op} ${this.expr(ct, depth - 1)}))`;
      }
      case 6: return `(${this.cond(depth - 1)} ? ${sub()} : ${sub()})`;
      case 7: { const from = r.pick(TYPES); return this.conv(this.expr(from, depth - 1), from, t); }
      case 8: return `(${t.name})(~(${U})(${sub()}))`;
      case 9: return `(${t.name})((${U})0 - (${U})(${sub()}))`;
      case 10: { // min/max-like selects and logical ops
        const a = this.simple(t), b = this.simple(t);
        return r.chance(0.5) ? `((${a}) < (${b}) ? (${a}) : (${b}))` : `(${t.name})(!(${a}) || (${b}) > ${this.intConst(t)})`;
      }
      case 11: { // rotate (a pattern LLVM turns into fshl/fshr at -O2)
        const a = this.simple(t);
        const k = r.range(1, W);
        return `(${t.name})(((${U})(${a}) << ${k}) | ((${U})(${t.signed ? `(uint${t.bits}_t)` : ''}(${a})) >> ${W + 1 - k}))`;
      }
      default: return this.leaf(t);
    }
  }
  fexpr(t: FltTy, depth: number): string {
    const r = this.r;
    const sub = (tt: Ty = t) => this.expr(tt, depth - 1);
    switch (r.int(9)) {
      case 0: case 1: case 2: return `(${t.name})(${sub()} ${r.pick(['+', '-', '*', '/'])} ${sub()})`;
      case 3: { const from = r.pick(TYPES); return this.conv(this.expr(from, depth - 1), from, t); }
      case 4: return `(${this.cond(depth - 1)} ? ${sub()} : ${sub()})`;
      case 5: return t.name === 'float' ? `__builtin_fabsf(${sub()})` : `__builtin_fabs(${sub()})`;
      // not sqrtf: glibc's i386 sqrtf returns fsqrt's result in st0 unrounded, and native code that
      // widens it to double keeps the excess bits (the engine's FFI rounds it to float)
      case 6: return t.name === 'float' ? `(float)__builtin_sqrt(${sub()})` : `__builtin_sqrt(${sub()})`;
      case 7: return `(-(${sub()}))`;
      default: return this.leaf(t);
    }
  }
  cond(depth: number): string {
    const r = this.r;
    const ct = r.pick(TYPES);
    const op = r.pick(['<', '<=', '>', '>=', '==', '!=']);
    const c = `(${this.expr(ct, Math.max(0, depth))} ${op} ${this.expr(ct, Math.max(0, depth - 1))})`;
    if (r.chance(0.2)) return `(${c} ${r.pick(['&&', '||'])} ${this.cond(0)})`;
    if (r.chance(0.2)) return `(!${c})`;
    if (r.chance(0.1)) { const iv = this.vars.filter((v) => v.ty.kind === 'int'); if (iv.length) return `((${r.pick(iv).name} & ${1 << r.int(4)}) != 0)`; }
    return c;
  }

  // ---- statements ----
  mixOf(e: string, t: Ty): string {
    if (t.kind === 'flt') return t.name === 'float' ? `mixf(${e});` : `mixd(${e});`;
    return `mix((uint64_t)(${e}));`;
  }
  stmts(ind: string, n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n && this.budget > 0; i++) out.push(...this.stmt(ind));
    return out;
  }
  stmt(ind: string): string[] {
    const r = this.r;
    this.budget--;
    const wv = this.vars.filter((v) => v.writable);
    const c = r.int(100);
    const deep = this.loopDepth + this.inSwitch;
    if (c < 22 && wv.length) {
      const v = r.pick(wv);
      if (r.chance(0.3)) { const from = r.pick(TYPES); return [`${ind}${v.name} = ${this.conv(this.expr(from, 3), from, v.ty)};`]; }
      return [`${ind}${v.name} = ${this.expr(v.ty, 3)};`];
    }
    if (c < 30) {
      const wa = this.arrs.filter((a) => a.writable);
      if (wa.length) { const a = r.pick(wa); return [`${ind}${a.name}[${this.index(a.len)}] = ${this.expr(a.ty, 2)};`]; }
    }
    if (c < 34) {
      const [f, ft] = r.pick(FIELDS);
      return [`${ind}${this.structRef()}${f} = ${this.expr(ft, 2)};`];
    }
    if (c < 39) {
      const t = r.pick(TYPES);
      return [`${ind}${this.mixOf(this.expr(t, 2), t)}`];
    }
    if (c < 42) return this.vectorStmt(ind);
    if (c < 52 && deep < 3) { // if / else
      const s = [`${ind}if ${this.cond(2)} {`, ...this.stmts(ind + '  ', r.range(1, 3))];
      if (r.chance(0.5)) s.push(`${ind}} else {`, ...this.stmts(ind + '  ', r.range(1, 3)));
      s.push(`${ind}}`);
      return s;
    }
    if (c < 64 && this.loopDepth < 3) return this.loop(ind);
    if (c < 70 && deep < 3) return this.switchStmt(ind);
    if (c < 80) return this.call(ind);
    if (c < 84 && this.loopDepth > 0) { // early exit / skip
      return [`${ind}if ${this.cond(1)} ${r.chance(0.5) ? 'break' : 'continue'};`];
    }
    if (c < 88) { // pointer walk over an array
      const a = r.pick(this.arrs);
      const p = `p${this.tmp++}`;
      const acc = this.vars.filter((v) => v.writable && v.ty.name === a.ty.name);
      if (!acc.length || this.iterMul * a.len > 4000) return [`${ind}${this.mixOf(`${a.name}[${this.index(a.len)}]`, a.ty)}`];
      const v = r.pick(acc);
      const op = a.ty.kind === 'flt' ? `${v.name} = ${v.name} * (${a.ty.name})0.5 + *${p};` : `${v.name} = (${a.ty.name})((${a.ty.kind === 'int' && a.ty.bits === 64 ? 'uint64_t' : 'uint32_t'})${v.name} * 31u + (${a.ty.kind === 'int' && a.ty.bits === 64 ? 'uint64_t' : 'uint32_t'})*${p});`;
      return [`${ind}for (${a.writable ? '' : 'const '}${a.ty.name} *${p} = ${a.name}; ${p} < ${a.name} + ${a.len}; ${p}++) ${op}`];
    }
    if (c < 91) { // a print of an intermediate value
      const t = r.pick(TYPES);
      const id = this.printId++;
      if (t.kind === 'flt') return [`${ind}pd(${id}, ${this.expr(t, 1)});`];
      return [`${ind}if (prints) { prints--; printf("v${id} %lld\\n", (long long)(${this.expr(t, 1)})); }`];
    }
    if (c < 94) { // pointer to an element, written through
      const wa = this.arrs.filter((a) => a.writable);
      if (wa.length) {
        const a = r.pick(wa);
        const p = `q${this.tmp++}`;
        const U = a.ty.kind === 'flt' ? a.ty.name : a.ty.bits === 64 ? 'uint64_t' : 'uint32_t';
        return [`${ind}{ ${a.ty.name} *${p} = &${a.name}[${this.index(a.len)}]; *${p} = (${a.ty.name})((${U})*${p} + (${U})(${this.expr(a.ty, 1)})); ${this.mixOf(`*${p}`, a.ty)} }`];
      }
    }
    if (c < 98) { // swap or rotate variables of one type: in a loop at -O2, phis that read each other
      const byTy = new Map<string, Var[]>();
      for (const v of wv) byTy.set(v.ty.name, [...(byTy.get(v.ty.name) ?? []), v]);
      const groups = [...byTy.values()].filter((g) => g.length >= 2);
      if (groups.length) {
        const g = r.pick(groups);
        const vs = g.length > 2 && r.chance(0.5) ? g.slice(0, 3) : [g[0], g[1]];
        const t = `s${this.tmp++}`;
        const moves = vs.slice(1).map((v, i) => `${vs[i].name} = ${v.name};`).join(' ');
        return [`${ind}{ ${vs[0].ty.name} ${t} = ${vs[0].name}; ${moves} ${vs[vs.length - 1].name} = ${t}; }`];
      }
    }
    if (wv.length) { const v = r.pick(wv); return [`${ind}${this.mixOf(v.name, v.ty)}`]; }
    return [`${ind}mix(${r.next()}u);`];
  }
  /** A block of vector arithmetic in clang's vector extension (v4u: <4 x i32>, v4f: <4 x float>,
   *  v2d: <2 x double> in the IR at every level): two vectors built from leaves, a few operations
   *  (arithmetic, by a splat, shifts by a constant, compares, shuffles, a lane replaced), sometimes
   *  in a loop that carries the result (a vector phi), then every lane folded into the checksum.
   *  Integer lanes are unsigned (wrapping); the arithmetic shift goes through v4i. main folds
   *  the sink_* globals in too. */
  vectorStmt(ind: string): string[] {
    const r = this.r;
    const [vt, lt, n] = r.pick([['v4u', U32, 4], ['v4u', U32, 4], ['v4f', F32, 4], ['v2d', F64, 2]] as const);
    const id = this.tmp++;
    const a = `va${id}`, b = `vb${id}`, c = `vc${id}`;
    const lanes = () => Array.from({ length: n }, () => this.leaf(lt)).join(', ');
    const lane = () => r.int(n);
    const ops = vt === 'v4u' ? ['+', '-', '*', '&', '|', '^'] : ['+', '-', '*', '/'];
    const step = (): string => {
      const x = r.pick([a, b, c]);
      switch (r.int(vt === 'v4u' ? 7 : 4)) {
        case 0: return `${c} = ${c} ${r.pick(ops)} ${x};`;
        case 1: return `${c} = ${x} ${r.pick(ops)} ${this.konst(lt)};`;              // by a splat constant
        case 2: return `${c} = __builtin_shufflevector(${c}, ${x}, ${Array.from({ length: n }, () => r.int(2 * n)).join(', ')});`;
        case 3: return `${c}[${lane()}] = ${this.leaf(lt)};`;
        case 4: return `${c} = ${x} ${r.pick(['<<', '>>'])} ${r.int(32)};`;
        case 5: return `${c} = (v4u)((v4i)${x} >> ${r.int(32)});`;
        default: return `${c} = ${c} ${r.pick(['&', '+'])} (v4u)(${x} ${r.pick(['<', '==', '>', '!='])} ${r.pick([a, b])});`;
      }
    };
    const steps = (k: number) => Array.from({ length: k }, step).map((t) => `${ind}  ${t}`);
    const s = [`${ind}{ ${vt} ${a} = { ${lanes()} }; ${vt} ${b} = { ${lanes()} }; ${vt} ${c} = ${a} ${r.pick(ops)} ${b};`];
    if (r.chance(0.4) && this.iterMul * 9 <= 3000) {
      const i = `vi${id}`;
      // a trip count LLVM cannot see: the loop stays, c its vector phi
      s.push(`${ind}  for (uint32_t ${i} = 0; ${i} < 2u + ((uint32_t)(${this.simple(U32)}) & 7u); ${i}++) {`, ...steps(r.range(1, 3)).map((t) => `  ${t}`), `${ind}  }`);
    }
    s.push(...steps(r.range(1, 4)));
    // stored whole into a global first: at -O2 LLVM would otherwise split the lanes' arithmetic into scalars
    s.push(`${ind}  sink_${vt} = ${c}; for (int l = 0; l < ${n}; l++) ${this.mixOf(`${c}[l]`, lt)} }`);
    return s;
  }
  loop(ind: string): string[] {
    const r = this.r;
    const maxTrip = Math.floor(3000 / this.iterMul);
    if (maxTrip < 3) return [`${ind}mix(ck >> 7);`];
    const trip = Math.min(maxTrip, this.loopDepth === 0 ? r.range(12, 200) : r.range(2, 24));
    const iv = `i${this.tmp++}`;
    const ity = r.pick([U32, I32, INTS[7], INTS[2]]);
    const s: string[] = [];
    const saved = this.iterMul;
    this.iterMul *= trip;
    this.loopDepth++;
    this.vars.push({ name: iv, ty: ity, writable: false });
    const kind = r.int(4);
    const body = () => this.stmts(ind + '  ', r.range(2, 6));
    if (kind <= 1) {
      const step = r.chance(0.8) ? 1 : r.range(2, 3);
      s.push(`${ind}for (${ity.name} ${iv} = 0; ${iv} < ${trip * step}; ${iv} += ${step}) {`, ...body());
      if (r.chance(0.3)) s.push(`${ind}  if ((${iv} & 15) == 3 && prints) prints--, printf("L${this.printId++} %lld %016llx\\n", (long long)${iv}, (unsigned long long)ck);`);
      s.push(`${ind}}`);
    } else if (kind === 2) { // counting down, do/while with a data-dependent exit
      s.push(`${ind}{ ${ity.name} ${iv} = ${trip}; do {`, ...body(), `${ind}} while (--${iv} > 0${r.chance(0.5) ? ` && ${this.cond(1)}` : ''}); }`);
    } else { // while with a condition in the header
      s.push(`${ind}{ ${ity.name} ${iv} = 0; while (${iv} < ${trip}${r.chance(0.5) ? ` && ${this.cond(1)}` : ''}) {`, `${ind}  ${iv}++;`, ...body(), `${ind}} }`);
    }
    this.vars.pop();
    this.loopDepth--;
    this.iterMul = saved;
    return s;
  }
  switchStmt(ind: string): string[] {
    const r = this.r;
    const n = r.range(3, 12);
    const w = r.chance(0.25) ? 'uint64_t' : 'uint32_t';
    const s = [`${ind}switch ((${w})(${this.expr(r.pick(INTS), 2)}) % ${n + r.int(3)}u) {`];
    this.inSwitch++;
    const cases = Array.from({ length: n }, (_, i) => i);
    for (const k of cases) {
      if (r.chance(0.15)) continue;
      s.push(`${ind}case ${k}: ;`, ...this.stmts(ind + '  ', r.range(1, 2)));
      if (r.chance(0.7)) s.push(`${ind}  break;`); // else fall through
    }
    if (r.chance(0.7)) s.push(`${ind}default: ;`, ...this.stmts(ind + '  ', 1), `${ind}  break;`);
    this.inSwitch--;
    s.push(`${ind}}`);
    return s;
  }
  args(f: Fn): string {
    const a = f.params.map((t) => this.expr(t, 2));
    if (f.arrParam) {
      const cands = this.arrs.filter((x) => x.ty.name === f.arrParam!.ty.name && x.len >= f.arrParam!.len && x.writable);
      a.push(cands.length ? this.r.pick(cands).name : `g_${f.arrParam.ty.name.replace('_t', '')}`);
    }
    if (f.structParam) a.push(this.r.chance(0.5) && this.structs.includes('ls.') ? '&ls' : `&gs[${this.r.int(4)}]`);
    if (f.fnpParam) a.push(`tab[${this.index(this.tabLen)}]`);
    return a.join(', ');
  }
  call(ind: string): string[] {
    const r = this.r;
    const wv = this.vars.filter((v) => v.writable);
    const assign = (e: string, t: Ty | null) => {
      if (!t || !wv.length || r.chance(0.2)) return `${ind}${t ? this.mixOf(e, t) : e + ';'}`;
      const v = r.pick(wv);
      return `${ind}${v.name} = ${this.conv(e, t, v.ty)};`;
    };
    const callees = this.fns.filter((_, i) => i > this.curFn);
    const k = r.int(10);
    if (k < 5 && callees.length) { const f = r.pick(callees); return [assign(`${f.name}(${this.args(f)})`, f.ret)]; }
    if (k < 7 && this.fnp) return [assign(`${this.fnp}(${this.expr(U32, 1)}, ${this.expr(U32, 1)})`, U32)];
    if (k < 8 || (k === 8 && !this.svName)) return [assign(`tab[${this.index(this.tabLen)}](${this.expr(U32, 1)}, ${this.expr(U32, 1)})`, U32)];
    if (k === 8 && this.svName) { // struct by value in and out (byval parameter, sret return)
      const dst = this.structs.includes('ls.') && r.chance(0.5) ? 'ls' : `gs[${this.index(4)}]`;
      const src = this.structs.includes('ls.') && r.chance(0.5) ? 'ls' : `gs[${this.index(4)}]`;
      return [`${ind}${dst} = ${this.svName}(${src}, ${this.expr(U32, 1)});`];
    }
    if (this.recName) return [assign(`${this.recName}(${r.range(0, 7)}u, ${this.expr(INTS[6], 1)}, ${this.expr(F64, 1)})`, INTS[6])];
    return [`${ind}mix(${r.next()}u);`];
  }

  // ---- functions ----
  localsFor(n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = this.r.pick(TYPES);
      const name = `v${this.tmp++}`;
      out.push(`  ${t.name} ${name} = ${this.vars.length && this.r.chance(0.5) ? this.expr(t, 1) : this.konst(t)};`);
      this.vars.push({ name, ty: t, writable: true });
    }
    return out;
  }
  localArray(): string[] {
    const t = this.r.pick(TYPES);
    const len = this.r.pick([4, 8, 16, 5, 12]);
    const name = `la${this.tmp++}`;
    const init = Array.from({ length: len }, () => this.konst(t));
    this.arrs.push({ name, ty: t, len, writable: true });
    return [`  ${t.name} ${name}[${len}] = { ${init.join(', ')} };`];
  }
  startFn(params: { name: string; ty: Ty }[]) {
    this.vars = params.map((p) => ({ ...p, writable: true }));
    this.arrs = [...this.globalsArr];
    this.structs = [];
    this.fnp = '';
    this.loopDepth = 0; this.iterMul = 1; this.inSwitch = 0;
  }
  genFn(idx: number): string[] {
    const f = this.fns[idx];
    this.curFn = idx;
    const ps = f.params.map((t, i) => ({ name: `a${i}`, ty: t }));
    this.startFn(ps);
    for (const v of this.globalsVar) this.vars.push(v);
    const decl: string[] = ps.map((p) => `${p.ty.name} ${p.name}`);
    if (f.arrParam) { decl.push(`${f.arrParam.ty.name} *pa`); this.arrs.push({ name: 'pa', ty: f.arrParam.ty, len: f.arrParam.len, writable: true }); }
    if (f.structParam) { decl.push('struct S *ps'); this.structs.push('ps->'); }
    if (f.fnpParam) { decl.push('fn_t fp'); this.fnp = 'fp'; }
    const body: string[] = [];
    body.push(`  if (fuel == 0) return${f.ret ? ` ${this.konst(f.ret)}` : ''};`, '  fuel--;');
    body.push(...this.localsFor(this.r.range(2, 6)));
    if (this.r.chance(0.4)) body.push(...this.localArray());
    if (this.r.chance(0.3)) { body.push(`  struct S ls = { ${FIELDS.map(([, t]) => this.konst(t)).join(', ')} };`); this.structs.push('ls.'); }
    this.budget = this.r.range(6, 22);
    body.push(...this.stmts('  ', 100));
    const locals = this.vars.filter((v) => v.writable && /^v\d/.test(v.name));
    for (const v of locals) if (this.r.chance(0.6)) body.push(`  ${this.mixOf(v.name, v.ty)}`);
    if (f.ret) body.push(`  return ${this.expr(f.ret, 2)};`);
    return [`static ${f.ret ? f.ret.name : 'void'} ${f.name}(${decl.join(', ') || 'void'}) {`, ...body, '}', ''];
  }
  genTabFn(i: number): string[] {
    this.startFn([{ name: 'x', ty: U32 }, { name: 'y', ty: U32 }]);
    this.curFn = 1e9;
    const body = [`  ${this.r.pick(['uint32_t', 'int32_t'])} t = ${this.expr(U32, 3)};`, `  return (uint32_t)t ^ ${this.expr(U32, 2)};`];
    return [`static uint32_t t${i}(uint32_t x, uint32_t y) {`, ...body, '}', ''];
  }
  genRec(): string[] {
    // bounded recursion: depth d decreases by 1 at every call
    this.startFn([{ name: 'x', ty: INTS[6] }, { name: 'z', ty: F64 }]);
    this.curFn = 1e9;
    const e1 = this.expr(INTS[6], 2), e2 = this.expr(F64, 2), e3 = this.expr(INTS[6], 2);
    return [
      `static int64_t ${this.recName}(uint32_t d, int64_t x, double z) {`,
      '  if (d == 0 || fuel == 0) return x;',
      '  fuel--;',
      `  int64_t r = ${this.recName}(d - 1, ${e1}, ${e2});`,
      `  if (((uint64_t)x & 3) != 0) r = (int64_t)((uint64_t)r + (uint64_t)${this.recName}(d - 1, ${e3}, z * 0.5));`,
      '  mix((uint64_t)r);',
      '  return r;',
      '}', '',
    ];
  }

  genSv(): string[] {
    this.startFn([{ name: 'k', ty: U32 }]);
    this.structs = ['s.'];
    this.curFn = 1e9;
    this.budget = this.r.range(2, 6);
    const body = this.stmts('  ', 100);
    return [
      `static struct S ${this.svName}(struct S s, uint32_t k) {`,
      '  if (fuel == 0) return s;',
      '  fuel--;',
      ...body,
      '  mix((uint64_t)s.c); mixd(s.f);',
      '  return s;',
      '}', '',
    ];
  }

  program(): string {
    const r = this.r;
    // globals
    const g: string[] = [];
    for (const t of TYPES) {
      const len = r.pick([8, 16, 32, 7, 10]);
      const name = `g_${t.name.replace('_t', '')}`;
      g.push(`static ${t.name} ${name}[${len}] = { ${Array.from({ length: len }, () => this.konst(t)).join(', ')} };`);
      this.globalsArr.push({ name, ty: t, len, writable: true });
    }
    for (let i = 0; i < 3; i++) {
      const t = r.pick(TYPES);
      const name = `gv${i}`;
      g.push(`static ${t.name} ${name} = ${this.konst(t)};`);
      this.globalsVar.push({ name, ty: t, writable: true });
    }
    g.push(`static struct S gs[4] = {`);
    for (let i = 0; i < 4; i++) g.push(`  { ${FIELDS.map(([, t]) => this.konst(t)).join(', ')} },`);
    g.push('};');
    // signatures
    const nfn = r.range(3, 7);
    for (let i = 0; i < nfn; i++) {
      const np = r.range(0, 4);
      const arrParam = r.chance(0.4) ? this.globalsArr[r.int(this.globalsArr.length)] : null;
      this.fns.push({
        name: `f${i}`, ret: r.chance(0.85) ? r.pick(TYPES) : null,
        params: Array.from({ length: np }, () => r.pick(TYPES)),
        arrParam: arrParam ? { ...arrParam, len: arrParam.len } : null,
        structParam: r.chance(0.3), fnpParam: r.chance(0.25),
      });
    }
    this.tabLen = r.range(2, 5);
    if (r.chance(0.7)) this.recName = 'rec';
    const code: string[] = [];
    for (let i = 0; i < this.tabLen; i++) code.push(...this.genTabFn(i));
    code.push(`static fn_t tab[${this.tabLen}] = { ${Array.from({ length: this.tabLen }, (_, i) => `t${i}`).join(', ')} };`, '');
    if (this.recName) code.push(...this.genRec());
    if (r.chance(0.5)) { this.svName = 'sv'; code.push(...this.genSv()); }
    for (let i = nfn - 1; i >= 0; i--) code.push(...this.genFn(i));
    // main: a few calls to f0 and others, and loops long enough for OSR
    this.curFn = -1;
    this.startFn([]);
    for (const v of this.globalsVar) this.vars.push(v);
    const m: string[] = [];
    m.push(...this.localsFor(r.range(2, 5)));
    this.budget = r.range(8, 20);
    m.push(...this.loop('  '));
    m.push(...this.stmts('  ', 100));
    m.push(`  for (uint32_t k = 0; k < ${r.range(12, 40)}u; k++) {`);
    this.vars.push({ name: 'k', ty: U32, writable: false });
    this.loopDepth = 1; this.iterMul = 40;
    m.push(`    ${this.call('').join('').trim()}`, `    ${this.call('').join('').trim()}`);
    if (this.fns[0]) { const f0 = `f0(${this.args(this.fns[0])})`; m.push(`    ${this.fns[0].ret ? this.mixOf(f0, this.fns[0].ret) : f0 + ';'}`); }
    m.push('  }');
    this.loopDepth = 0; this.iterMul = 1;
    const locals = this.vars.filter((v) => v.writable && /^v\d/.test(v.name));
    for (const v of locals) m.push(`  ${this.mixOf(v.name, v.ty)}`);
    m.push('  for (int i = 0; i < 4; i++) { mix((uint64_t)gs[i].a); mix(gs[i].b); mix((uint64_t)gs[i].c); mix(gs[i].d); mixf(gs[i].e); mixd(gs[i].f); mix((uint64_t)gs[i].g); mix(gs[i].h); }');
    for (const a of this.globalsArr) m.push(`  for (int i = 0; i < ${a.len}; i++) ${this.mixOf(`${a.name}[i]`, a.ty)}`);
    for (const v of this.globalsVar) m.push(`  ${this.mixOf(v.name, v.ty)}`);
    m.push('  for (int l = 0; l < 4; l++) { mix(sink_v4u[l]); mixf(sink_v4f[l]); } mixd(sink_v2d[0]); mixd(sink_v2d[1]);');
    m.push('  printf("checksum %016llx fuel %u\\n", (unsigned long long)ck, fuel);', '  return (int)(ck % 251u);');

    const helpers: string[] = [];
    const lim: Record<string, [string, string]> = {
      int8_t: ['-129.0', '128.0'], uint8_t: ['-1.0', '256.0'], int16_t: ['-32769.0', '32768.0'], uint16_t: ['-1.0', '65536.0'],
      int32_t: ['-2147483649.0', '2147483648.0'], uint32_t: ['-1.0', '4294967296.0'],
      int64_t: ['-9223372036854775808.0', '9223372036854775808.0'], uint64_t: ['-1.0', '18446744073709551616.0'],
    };
    for (const u of [...this.usedF2I].sort()) {
      const [h, from, to] = u.split('|');
      const [lo, hi] = lim[to];
      // int64's lower bound is exactly -2^63, representable: compare with >=
      const loOp = to === 'int64_t' ? '>=' : '>';
      helpers.push(`static ${to} ${h}(${from} x) { return ((double)x ${loOp} ${lo} && (double)x < ${hi}) ? (${to})x : (${to})${this.r.range(1, 99)}; }`);
    }
    return [
      `/* jit-fuzz program */`,
      '#include <stdint.h>', '#include <stdio.h>', '#include <string.h>', '',
      'struct S { int8_t a; uint16_t b; int32_t c; uint64_t d; float e; double f; int64_t g; uint8_t h; };',
      'typedef uint32_t (*fn_t)(uint32_t, uint32_t);',
      'typedef uint32_t v4u __attribute__((vector_size(16)));', 'typedef int32_t v4i __attribute__((vector_size(16)));',
      'typedef float v4f __attribute__((vector_size(16)));', 'typedef double v2d __attribute__((vector_size(16)));',
      'static v4u sink_v4u; static v4f sink_v4f; static v2d sink_v2d;',
      'static uint64_t ck = 0xcbf29ce484222325ULL;',
      `static uint32_t fuel = ${r.range(150, 400)}u;`,
      'static void mix(uint64_t v) { ck = (ck ^ v) * 0x100000001b3ULL; ck ^= ck >> 29; }',
      'static void mixf(float x) { uint32_t b; if (x != x) b = 0x7fc00000u; else memcpy(&b, &x, 4); mix(b); }',
      'static void mixd(double x) { uint64_t b; if (x != x) b = 0x7ff8000000000000ULL; else memcpy(&b, &x, 8); mix(b); }',
      'static uint32_t prints = 300;  /* intermediate values printed, at most */',
      'static void pd(int id, double x) { if (!prints) return; prints--; if (x != x) printf("d%d nan\\n", id); else printf("d%d %a\\n", id, x); }',
      ...helpers, '', ...g, '', ...code,
      'int main(void) {', ...m, '}', '',
    ].join('\n');
  }
}

export function generate(seed: number): string { return new Gen(seed).program(); }

// `node --import tsx test/engine/jit-fuzz/generate.ts SEED` prints one program.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!) && process.argv[1].includes('generate')) {
  process.stdout.write(generate(Number(process.argv[2] ?? 1)));
}
