// Empties the function-table slots that only wasm-bindgen's descriptors used, so that
// wasm-opt can drop the closure invoke shims they hold: a step of scripts/env.sh's
// build_pkg, right after wasm-bindgen.
//
// wasm-bindgen learns how to call a closure type from a descriptor function that takes the
// address of the type's invoke shim (`describe_invoke` in wasm-bindgen's
// src/convert/closures.rs), which puts the shim into the function table. js-sys declares
// closure parameters for APIs Folio never calls (typed arrays' `forEach`, `Set`,
// `Array::find`, ...), so ~45 such shims are linked in (wasm-bindgen issue #2535). After
// wasm-bindgen has read the descriptors and removed them, nothing takes those addresses
// any more: JS calls the shims it needs through exports, and Rust code never calls an
// invoke shim through the table. The slots still hold them, and wasm-opt must keep whatever
// the table holds. This rewrites the element section without the slots whose function the
// name section names `wasm_bindgen::convert::closures::_::invoke::<...>`: they stay empty
// (null), so a call through one would trap instead of running something else. Every other
// slot keeps its index and its function. Measured 2026-12-07: the comments module 2.0 KB
// smaller (0.5 KB gzip).
//
// The same holds for the four functions of js-sys's JSPI task waker (`task_waker::raw_*` in
// js-sys's src/futures/jspi.rs): its `RawWakerVTable` is a static in the data section, so
// wasm-ld put them into the table, but the only code that builds such a waker is the poll
// loop behind js-sys's `__wbg_jspi_task_poll` export, which wasm-bindgen deletes from a
// module without JSPI exports. Their slots are emptied only when that export is gone, and
// wasm-opt then drops them with the task's wake and drop code. Measured 2026-12-08: core
// -154 B gzip, comments module -53 B.
//
// A module without a name section, or whose element section is not one active segment of
// function indices (what wasm-ld writes), is left as it is.
//
// Usage: node scripts/shims.mjs pkg/<name>_bg.wasm (rewrites it; prints what it emptied).
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeLeb, isCustom, leb, sections } from './wasm.mjs';

/** The slots' functions that only descriptors asked for. */
const DESCRIBED_ONLY = /::convert::closures::_::invoke::</;
/** The JSPI task waker's functions, dead in a module without the JSPI poll export. */
const JSPI_WAKER = /::futures::jspi::task_waker::raw_/;

const path = process.argv[2];
const bytes = readFileSync(path);
const all = sections(bytes);

/** Function index -> name, from the name section's function names. */
function functionNames() {
  const names = new Map();
  for (const section of all.filter((s) => isCustom(bytes, s, 'name'))) {
    const [length, name] = leb(bytes, section.content);
    let at = name + length;
    while (at < section.end) {
      const id = bytes[at++];
      const [size, content] = leb(bytes, at);
      at = content + size;
      if (id !== 1) continue;
      let [count, p] = leb(bytes, content);
      for (let i = 0; i < count; i++) {
        const [index, q] = leb(bytes, p);
        const [nameLength, text] = leb(bytes, q);
        names.set(index, bytes.toString('utf8', text, text + nameLength));
        p = text + nameLength;
      }
    }
  }
  return names;
}

/** The element section's one segment: [offset, function indices], or null. */
function segment(section) {
  let [count, at] = leb(bytes, section.content);
  // Flags 0: active, table 0, an i32.const offset expression, a vector of function indices.
  if (count !== 1 || bytes[at] !== 0 || bytes[at + 1] !== 0x41) return null;
  const [offset, end] = leb(bytes, at + 2);
  if (bytes[end] !== 0x0b) return null;
  let [length, p] = leb(bytes, end + 1);
  const functions = [];
  for (let i = 0; i < length; i++) {
    const [f, next] = leb(bytes, p);
    functions.push(f);
    p = next;
  }
  return p === section.end ? [offset, functions] : null;
}

const elements = all.find((s) => s.id === 9);
const names = functionNames();
const found = elements && names.size > 0 ? segment(elements) : null;
if (!found) {
  console.log(`shims.mjs: ${path} left as it is (no name section, or not one segment of function indices)`);
  process.exit(0);
}
const [offset, functions] = found;
const jspi = exportNames().includes('__wbg_jspi_task_poll');
const kept = functions.map((f) => {
  const name = names.get(f) ?? '';
  return !DESCRIBED_ONLY.test(name) && (jspi || !JSPI_WAKER.test(name));
});
const emptied = kept.filter((k) => !k).length;
if (emptied === 0) {
  console.log(`shims.mjs: ${path} has no slot to empty`);
  process.exit(0);
}
// One active segment per run of kept slots, each at its slot's own index.
const segments = [];
for (let i = 0; i < functions.length; ) {
  if (!kept[i]) {
    i++;
    continue;
  }
  let j = i;
  while (j < functions.length && kept[j]) j++;
  const run = functions.slice(i, j);
  segments.push([0, 0x41, ...encodeSigned(offset + i), 0x0b, ...encodeLeb(run.length), ...run.flatMap(encodeLeb)]);
  i = j;
}
const content = [...encodeLeb(segments.length), ...segments.flat()];
const section = Buffer.from([9, ...encodeLeb(content.length), ...content]);
writeFileSync(path, Buffer.concat([bytes.subarray(0, elements.start), section, bytes.subarray(elements.end)]));
console.log(`shims.mjs: ${path}: ${emptied} of ${functions.length} table slots emptied (closure invoke shims only descriptors used, an unused JSPI waker)`);

/** The names the module exports. */
function exportNames() {
  const section = all.find((s) => s.id === 7);
  if (!section) return [];
  let [count, at] = leb(bytes, section.content);
  const out = [];
  for (let i = 0; i < count; i++) {
    const [length, name] = leb(bytes, at);
    out.push(bytes.toString('utf8', name, name + length));
    [, at] = leb(bytes, name + length + 1); // kind byte, then the index
  }
  return out;
}

/** `n` (a non-negative i32) as a signed LEB128 number, as `i32.const` takes it. */
function encodeSigned(n) {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}
