#!/usr/bin/env node
// How run()'s handlers (interpreter/exec.c) came out of llc: for each handler, the
// instructions on its straight path (conditional branches not taken, plain jumps
// followed) up to its indirect jump, and those that touch a stack slot or copy one
// register to another. The register allocator chooses where fp and ip live for every
// handler boundary at once (interpreter/README.md, the dispatch): one rare handler
// too many registers wide can put fp in a stack slot (a reload in every handler) or
// keep two copies of it (a `mov` in and out of most handlers).
//   node test/engine/dispatch-regs.mjs [exec.o] [handler...]   the table, or the listed handlers' code
//   node test/engine/dispatch-regs.mjs --check [exec.o]         exit 1 unless the hot handlers below are clean
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// handlers whose work needs at most five registers besides ip and fp: none should touch the stack or copy a register
export const hotHandlers = ['jmp', 'brif', 'add', 'sub', 'addi', 'eq', 'slt', 'beq', 'bnei', 'mov32', 'movi', 'mov64',
  'ld32', 'st32', 'lix4', 'six4', 'lxe4', 'sxe4', 'lixm4', 'gep', 'fadd', 'dadd', 'addbne'];

/** handler name -> its straight path, as [address, instruction text] */
export function handlerPaths(obj) {
  const header = join(root, 'interpreter', 'internal.h');
  const pp = execFileSync('clang-14', ['-m32', '-E', '-P', '-DNAMEX(n)=@n', '-x', 'c', '-'], { input: `#include "${header}"\nOPS(NAMEX)\n`, encoding: 'utf8' });
  const names = pp.trim().split('\n').at(-1).split(/\s+/).map((n) => n.slice(1));
  // the label table run.L: addresses in run()'s section, as REL addends in the table's bytes
  const syms = execFileSync('readelf', ['-sW', obj], { encoding: 'utf8' });
  const table = /\s([0-9a-f]+)\s+(\d+)\s+OBJECT\s+LOCAL\s+DEFAULT\s+(\d+)\s+run\.L$/m.exec(syms);
  const run = /\s([0-9a-f]+)\s+\d+\s+FUNC\s+LOCAL\s+DEFAULT\s+\d+\s+run$/m.exec(syms);
  if (!table || !run) throw new Error(`${obj}: no run() or run.L (is it exec.c's object?)`);
  const sections = execFileSync('readelf', ['-SW', obj], { encoding: 'utf8' });
  const section = new RegExp(`\\[\\s*${table[3]}\\]\\s+\\S+\\s+\\S+\\s+[0-9a-f]+\\s+([0-9a-f]+)`).exec(sections);
  const bytes = readFileSync(obj), at = parseInt(section[1], 16) + parseInt(table[1], 16);
  const starts = names.map((_, i) => bytes.readUInt32LE(at + 4 * i) - parseInt(run[1], 16));
  const dis = execFileSync('objdump', ['-d', '--no-show-raw-insn', obj], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const body = dis.slice(dis.indexOf('<run>:')).split('\n\n')[0].split('\n').slice(1);
  const insns = new Map(), next = new Map();
  let prev;
  for (const line of body) {
    const m = /^\s*([0-9a-f]+):\s+(.*\S)/.exec(line);
    if (!m || /^(nop|xchg\s+%ax,%ax)/.test(m[2])) continue;
    const a = parseInt(m[1], 16);
    insns.set(a, m[2]);
    if (prev !== undefined) next.set(prev, a);
    prev = a;
  }
  const paths = new Map();
  names.forEach((name, i) => {
    const path = [];
    for (let a = starts[i], seen = new Set(); insns.has(a) && !seen.has(a) && path.length < 300;) {
      seen.add(a);
      const t = insns.get(a);
      path.push([a, t]);
      if (/^jmp\s+\*/.test(t) || /^ret/.test(t)) break;
      const j = /^jmp\s+([0-9a-f]+)/.exec(t);
      a = j ? parseInt(j[1], 16) : next.get(a);
    }
    paths.set(name, path);
  });
  return paths;
}

const stackSlot = (t) => t.includes('(%esp)');
const registerCopy = (t) => /^mov\s+%e\w\w,%e\w\w$/.test(t);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2), check = args[0] === '--check';
  if (check) args.shift();
  const obj = args[0]?.endsWith('.o') ? args.shift() : join(root, 'images', 'obj', 'engine', 'o', 'exec.o');
  const paths = handlerPaths(obj);
  if (check) {
    const bad = hotHandlers.filter((h) => paths.get(h).some(([, t]) => stackSlot(t) || registerCopy(t)));
    for (const h of bad) console.log(`${h}: ${paths.get(h).map(([, t]) => t).join('; ')}`);
    console.log(bad.length ? `${bad.length} hot handlers touch the stack or copy a register` : `${hotHandlers.length} hot handlers: ip and fp in registers`);
    process.exit(bad.length ? 1 : 0);
  }
  for (const [name, path] of paths) {
    if (args.length && !args.includes(name)) continue;
    const odd = path.filter(([, t]) => stackSlot(t) || registerCopy(t)).map(([, t]) => t);
    console.log(`${name.padEnd(10)} ${String(path.length).padStart(3)} instructions${odd.length ? `, ${odd.length} stack/copy: ${odd.join('; ')}` : ''}`);
    if (args.length) for (const [a, t] of path) console.log(`  ${a.toString(16).padStart(6)}  ${t}`);
  }
}
