// The last minification of every script pkg/ ships: terser's compressor (two passes) and
// name mangling over what esbuild already minified (and, for the glues and element.js,
// tree-shook and bundled). esbuild alone leaves ~2-3% of the gzip size that terser's
// rewrites take (folio.js -0.10 KB, folio_comments.js -0.11 KB, element.js -32 B,
// measured 2026-12-07). Only terser's safe transforms: none of its `unsafe_*` options.
import { minify } from 'terser';

/** `code` (an ES module) minified by terser. */
export async function terse(code) {
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string') throw new Error('terse.mjs: terser returned no code');
  return out.code;
}
