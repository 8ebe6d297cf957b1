// The comment section's module, loaded by the split core (feature `split-core`) when a page
// needs it: pkg/folio_comments.js and its wasm, initialised once per page. wasm-bindgen
// copies this file to pkg/snippets/*/js/, three levels down; scripts/minify.mjs writes it
// into folio.js with the path from pkg/ (a static import() specifier, which bundlers follow
// to emit the module and, through its new URL(..., import.meta.url), its wasm).
let commentsModule;

/** The initialised comments module (its namespace); a failed load is tried again next time. */
export const importComments = () => {
  if (!commentsModule) {
    commentsModule = import('../../../folio_comments.js').then(async (module) => {
      await module.default();
      return module;
    });
    commentsModule.catch(() => { commentsModule = undefined; });
  }
  return commentsModule;
};

/** Imports the module and has it request the first page of an eager section now: its
 * prefetch handle, or undefined (a failed import is reported when the section starts). */
export const prefetchComments = (config, list, post) =>
  importComments().then((module) => module.prefetchComments(config, list, post), () => undefined);
