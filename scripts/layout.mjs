// Orders the functions of one optimized wasm module so that gzip compresses it better,
// without changing one instruction: the last step of scripts/env.sh's build_pkg.
//
// gzip finds repeats only within the last 32 KB it read, and a module's code section is
// three to four times that. The order rustc and wasm-opt leave the functions in groups
// them by crate and module, not by what they look like, so two closure shims or two
// drop functions that are nearly the same often sit too far apart for gzip to see it.
// This puts each function next to those it shares the most byte sequences with:
//
// 1. Each function body's set of k-byte sequences (k = 3 to 6).
// 2. A greedy order: the largest function first, then, again and again, the function left
//    that has the most sequences among those of the last w placed ones (counted as they
//    are, or relative to how many it has; ties go to the earlier function).
// 3. wasm-opt applies it: the module gets a name section that names each function by its
//    place in the order, `--reorder-functions-by-name` moves the functions and rewrites
//    every reference to them (calls, the function table, exports), and the name section
//    goes again.
//
// A few (k, w, count) trials are made; the module keeps the order whose file is smallest under
// `gzip -9n` (the figure scripts/size reports), or its own order when none is smaller.
// Everything is deterministic: the same module in gives the same module out.
//
// Usage: node scripts/layout.mjs pkg/<name>_bg.wasm (wasm-opt on the PATH, as build_pkg
// has it). Prints the module's gzip size before and after.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { descriptionEnd, encodeLeb, isCustom, leb, sections } from './wasm.mjs';

const FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-reference-types',
  '--enable-multivalue',
];

/** The orders tried: sequence length k, functions of context w, and whether the shared
 *  sequences count relative to a function's own. (Measured 2026-12-07: no one of them is
 *  best for both modules, and on one module they differ by up to ~400 B.) */
const TRIALS = [
  [3, 1, true],
  [3, 3, true],
  [4, 5, true],
  [6, 5, true],
  [4, 2, false],
  [3, 3, false],
];

/** `n` as an unsigned LEB128 number. */
const uleb = (n) => Buffer.from(encodeLeb(n));

/** How many functions the module imports (they come before its own in the index space). */
function importedFunctions(bytes, section) {
  let [count, at] = leb(bytes, section.content);
  let functions = 0;
  while (count--) {
    for (let i = 0; i < 2; i++) {
      const [length, next] = leb(bytes, at);
      at = next + length;
    }
    const kind = bytes[at];
    if (kind === 0) functions++;
    at = descriptionEnd(bytes, kind, at + 1);
  }
  return functions;
}

/** The bodies of the module's own functions, in order. */
function bodies(bytes, section) {
  let [count, at] = leb(bytes, section.content);
  const out = [];
  while (count--) {
    const [size, body] = leb(bytes, at);
    out.push(bytes.subarray(body, body + size));
    at = body + size;
  }
  return out;
}

/** A body's set of `k`-byte sequences, each as a number (k <= 6 fits a double exactly). */
function sequences(body, k) {
  const set = new Set();
  for (let i = 0; i + k <= body.length; i++) {
    let key = 0;
    for (let j = 0; j < k; j++) key = key * 256 + body[i + j];
    set.add(key);
  }
  return set;
}

/** The greedy order of step 2 (indices into `functions`). */
function greedy(functions, k, w, relative) {
  const seqs = functions.map((body) => sequences(body, k));
  let first = 0;
  functions.forEach((body, i) => {
    if (body.length > functions[first].length) first = i;
  });
  const left = new Set(functions.keys());
  const order = [first];
  left.delete(first);
  while (left.size) {
    const context = new Set();
    for (const j of order.slice(-w)) for (const key of seqs[j]) context.add(key);
    let best = -1;
    let bestScore = -1;
    for (const i of left) {
      let shared = 0;
      for (const key of seqs[i]) if (context.has(key)) shared++;
      const score = relative ? shared / (seqs[i].size + 1) : shared;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    order.push(best);
    left.delete(best);
  }
  return order;
}

/** `bytes` without its name section. */
function unnamed(bytes) {
  const kept = sections(bytes)
    .filter((s) => !isCustom(bytes, s, 'name'))
    .map((s) => bytes.subarray(s.start, s.end));
  return Buffer.concat([bytes.subarray(0, 8), ...kept]);
}

/** `bytes` with a name section (instead of any it has) that names each function by its
 *  place in `order` (imports by their index, before all of them). */
function named(bytes, imported, order) {
  const names = [];
  for (let f = 0; f < imported; f++) names.push([f, `i${String(f).padStart(6, '0')}`]);
  order.forEach((f, place) => names.push([imported + f, `f${String(place).padStart(6, '0')}`]));
  names.sort((a, b) => a[0] - b[0]);
  const map = Buffer.concat([
    uleb(names.length),
    ...names.map(([index, name]) => Buffer.concat([uleb(index), uleb(name.length), Buffer.from(name)])),
  ]);
  const content = Buffer.concat([uleb(4), Buffer.from('name'), Buffer.from([1]), uleb(map.length), map]);
  return Buffer.concat([unnamed(bytes), Buffer.from([0]), uleb(content.length), content]);
}

const gzip = (bytes) => execFileSync('gzip', ['-9n'], { input: bytes, maxBuffer: 1 << 26 }).length;

const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/layout.mjs pkg/<name>_bg.wasm');
  process.exit(2);
}
const bytes = readFileSync(path);
const all = sections(bytes);
const code = all.find((s) => s.id === 10);
const imports = all.find((s) => s.id === 2);
if (!code) throw new Error(`layout.mjs: ${path} has no code section`);
const functions = bodies(bytes, code);
const imported = imports ? importedFunctions(bytes, imports) : 0;

const dir = mkdtempSync(join(tmpdir(), 'folio-layout-'));
try {
  let best = { bytes, gz: gzip(bytes), trial: 'as built' };
  const before = best.gz;
  for (const [k, w, relative] of TRIALS) {
    const input = join(dir, 'in.wasm');
    const output = join(dir, 'out.wasm');
    writeFileSync(input, named(bytes, imported, greedy(functions, k, w, relative)));
    execFileSync('wasm-opt', ['-g', ...FEATURES, '--reorder-functions-by-name', input, '-o', output]);
    const candidate = unnamed(readFileSync(output));
    const gz = gzip(candidate);
    if (gz < best.gz) best = { bytes: candidate, gz, trial: `k=${k}, w=${w}${relative ? ', relative' : ''}` };
  }
  writeFileSync(path, best.bytes);
  console.log(`layout.mjs: ${basename(path)} ${before} -> ${best.gz} B gzip (${best.trial})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
