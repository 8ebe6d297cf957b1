// What a reader downloads from pkg/, measured one way for scripts/size (the budgets, in the
// test command) and bench/size (the README's figures, next to Isso's client): each file's
// raw, gzip -9 and brotli 11 size, the paths a page takes, and bench/budgets.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as Z } from 'node:zlib';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PKG = join(ROOT, 'pkg');

// gzip: the real `gzip -9` (with -n: no file name or time in the header, as a server sends it).
const gzip = (buf) => execFileSync('gzip', ['-9n'], { input: buf, maxBuffer: 1 << 26 }).length;
// brotli at its maximum: quality 11, largest window (what a precompressing build step would use).
const brotli = (buf) => brotliCompressSync(buf, {
  params: { [Z.BROTLI_PARAM_QUALITY]: Z.BROTLI_MAX_QUALITY, [Z.BROTLI_PARAM_LGWIN]: Z.BROTLI_MAX_WINDOW_BITS, [Z.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

/** `{name, raw, gz, br}` of a buffer. */
export const measure = (name, buf) => ({ name, raw: buf.length, gz: gzip(buf), br: brotli(buf) });

/** `{name, raw, gz, br}` of one file of pkg/ (`file` relative to pkg/). */
export const measureFile = (file) => measure(file, readFileSync(join(PKG, file)));

/** The sum of several measures, under `name`. */
export const sum = (name, parts) => ({ name, ...Object.fromEntries(['raw', 'gz', 'br'].map((k) => [k, parts.reduce((s, p) => s + p[k], 0)])) });

/** Throws a clear error unless pkg/ holds a built package. */
export function requirePkg() {
  for (const f of ['element.js', 'folio.css', 'folio_bg.wasm', 'folio_comments_bg.wasm']) {
    if (!existsSync(join(PKG, f))) throw new Error(`pkg/${f} is missing: build the package first (./scripts/test, ./scripts/demo, or: source scripts/env.sh && build_pkg)`);
  }
}

/** The locale files, each measured, largest first. */
export const locales = () => readdirSync(join(PKG, 'locales')).map((f) => measureFile(`locales/${f}`)).sort((a, b) => b.gz - a.gz);

/** The core's glue fetches the stylesheet itself when it no longer carries it in its wasm. */
const coreFetchesCss = () => readFileSync(join(PKG, 'folio.js'), 'utf8').includes('folio.css');

/** What a reader downloads on each path through a page, as lists of pkg/ files (English;
 * a page in another language also fetches one locale file when Rust first runs). */
export function paths() {
  const css = coreFetchesCss() ? ['folio.css'] : [];
  const htmlFirst = ['element.js', 'folio.css'];
  const comments = ['folio_comments.js', 'folio_comments_bg.wasm'];
  const client = ['element.js', ...css, 'folio.js', 'folio_bg.wasm'];
  return [
    { name: 'HTML-first page, before scrolling (folio-render markup in <folio-article>)', files: htmlFirst },
    { name: 'HTML-first page, after scrolling to the comments', files: [...htmlFirst, ...comments] },
    { name: 'client path, first load (article from JSON, rendered in the browser)', files: client },
    { name: 'client path, after scrolling to the comments', files: [...client, ...comments] },
  ];
}

/** The Cargo features pkg/ was built with (FOLIO_FEATURES, as build_pkg recorded them). */
export function pkgFeatures() {
  const file = join(ROOT, 'target/pkg-features.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(',').filter(Boolean) : [];
}

/** bench/budgets.json, each budget with its measured gzip size and the files it covers. A
 * budget with a `build` (a feature) holds instead of the plain one for the same files when
 * pkg/ was built with that feature. */
export function budgets() {
  const { budgets: all } = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8'));
  const features = pkgFeatures();
  const chosen = all.filter((b) => !b.build || features.includes(b.build));
  const key = (b) => String(b.files ?? b.each);
  const list = chosen.filter((b) => b.build || !chosen.some((o) => o.build && key(o) === key(b)));
  return list.map((b) => {
    if (b.each) {
      const largest = readdirSync(join(PKG, b.each)).map((f) => measureFile(`${b.each}/${f}`)).sort((x, y) => y.gz - x.gz)[0];
      return { ...b, gzActual: largest.gz, covers: largest.name };
    }
    return { ...b, gzActual: b.files.reduce((s, f) => s + measureFile(f).gz, 0), covers: b.files.join(' + ') };
  });
}
