// Folio's locale files are pkg/locales/<tag>.json. wasm-bindgen copies this file to
// pkg/snippets/*/js/, three levels down; scripts/minify.mjs writes it into folio.js with
// the path from pkg/ (a template literal on import.meta.url, which bundlers follow).
export const localeUrl = (tag) => new URL(`../../../locales/${tag}.json`, import.meta.url).href;
