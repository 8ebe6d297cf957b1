// bench/floor/report.mjs DIR: prints the sizes of bench/floor's two builds in DIR (see
// bench/floor/run) next to the comments module's in pkg/, when it is built.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PKG, measure, sum } from '../../scripts/sizes.mjs';

const dir = process.argv[2];
const file = (path, name) => measure(name, readFileSync(path));
const whole = file(join(dir, 'floor_whole_bg.wasm'), 'floor: every feature of the section (wasm)');
const rows = [whole, file(join(dir, 'floor_reading_bg.wasm'), 'floor: reading only (wasm)')];
let module = null;
if (existsSync(join(PKG, 'folio_comments_bg.wasm'))) {
  const wasm = file(join(PKG, 'folio_comments_bg.wasm'), 'pkg/folio_comments_bg.wasm (the comments module)');
  const glue = file(join(PKG, 'folio_comments.js'), 'pkg/folio_comments.js');
  module = sum('the comments module, JS + wasm', [wasm, glue]);
  rows.push(wasm, glue, module);
} else {
  console.log('(pkg/ is not built: the comments module is left out)');
}
const width = Math.max(...rows.map((r) => r.name.length));
const n = (v) => v.toLocaleString('en-US').padStart(9);
console.log(`${''.padEnd(width)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const r of rows) console.log(`${r.name.padEnd(width)} ${n(r.raw)} ${n(r.gz)} ${n(r.br)}`);
if (module) console.log(`\nThe module's edge and glue over the whole floor: ${n(module.gz - whole.gz).trim()} B gzip.`);
