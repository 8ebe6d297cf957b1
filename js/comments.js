// The comment section's module, loaded by the split core (feature `split-core`) when a page
// needs it: pkg/folio_comments.js and its wasm, initialised once per page. wasm-bindgen
// copies this file to pkg/snippets/*/js/, three levels down; scripts/minify.mjs writes it
// into folio.js with the path from pkg/ (a static import() specifier and a
// new URL(..., import.meta.url), which bundlers follow to emit the module and its wasm).
let commentsModule;

/** The initialised comments module (its namespace); a failed load is tried again next time.
 * Its wasm is requested together with its JS, not once the JS has run: one round trip less. */
export const importComments = () => {
  if (!commentsModule) {
    const wasm = fetch(new URL('../../../folio_comments_bg.wasm', import.meta.url));
    wasm.catch(() => {}); // a failure rejects the init below
    commentsModule = import('../../../folio_comments.js').then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
    commentsModule.catch(() => { commentsModule = undefined; });
  }
  return commentsModule;
};

/** Sends an eager section's first list request (`url`, when the core could make it: aborted
 * after `timeout` ms) while the module loads, and has the module read it (or request the
 * first page itself): its prefetch handle, or undefined (a failed import is reported when the
 * section starts). */
export const prefetchComments = (config, list, post, url, timeout) => {
  // (Without AbortSignal.timeout, an older browser, the module asks itself.)
  const response = url && AbortSignal.timeout ? fetch(url, { signal: AbortSignal.timeout(timeout) }) : undefined;
  response?.catch(() => {}); // read (and its failure shown) by the module
  return importComments().then((module) => module.prefetchComments(config, list, post, url, response), () => undefined);
};
