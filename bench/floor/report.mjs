// bench/floor/report.mjs DIR: prints the sizes of bench/floor's two builds in DIR (see
// bench/floor/run) next to the comments module's in pkg/, when it is built.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PKG, measure } from '../../scripts/sizes.mjs';

const dir = process.argv[2];
const file = (path, name) => measure(name, readFileSync(path));
const rows = [
  file(join(dir, 'floor_whole_bg.wasm'), 'floor: every feature of the section (wasm)'),
  file(join(dir, 'floor_reading_bg.wasm'), 'floor: reading only (wasm)'),
];
const module = join(PKG, 'folio_comments_bg.wasm');
if (existsSync(module)) {
  rows.push(file(module, 'pkg/folio_comments_bg.wasm (the comments module)'));
  const glue = file(join(PKG, 'folio_comments.js'), 'pkg/folio_comments.js');
  rows.push(glue);
  rows.push({ name: 'the comments module, JS + wasm', raw: rows[2].raw + glue.raw, gz: rows[2].gz + glue.gz, br: rows[2].br + glue.br });
} else {
  console.log('(pkg/ is not built: the comments module is left out)');
}
const width = Math.max(...rows.map((r) => r.name.length));
const n = (v) => v.toLocaleString('en-US').padStart(9);
console.log(`${''.padEnd(width)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const r of rows) console.log(`${r.name.padEnd(width)} ${n(r.raw)} ${n(r.gz)} ${n(r.br)}`);
if (rows.length > 2) {
  console.log(`\nThe module's edge and glue over the whole floor: ${n(rows[4].gz - rows[0].gz).trim()} B gzip.`);
}
