// The comment section's module, loaded by the first module (crates/wasm-core) when a page
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

/** Starts importing the module and sends an eager section's first list request (`url`,
 * when the core could make it: aborted after `timeout` ms, or when `signal`, the widget's,
 * aborts): `[url, what fetch() returned]` for the module to read when the section starts,
 * or undefined without a `url` (a failed import is reported when the section starts). */
export const prefetchComments = (url, timeout, signal) => {
  importComments().catch(() => {});
  if (!url) return undefined;
  const controller = new AbortController();
  const abort = () => controller.abort();
  setTimeout(abort, timeout);
  signal?.addEventListener('abort', abort, { once: true });
  const response = fetch(url, { signal: controller.signal });
  response.catch(() => {}); // read (and its failure shown) by the module
  return [url, response];
};

/** Imports the module: resolves to `[startComments, prefetched]` (what prefetchComments
 * returned, or undefined); rejects with a sentence saying why the module could not be had. */
export const importSection = (prefetched) => importComments().then(
  async (module) => {
    if (typeof module.startComments != 'function') throw "folio_comments.js is not Folio's comments module (no startComments).";
    return [module.startComments, prefetched];
  },
  (e) => {
    throw `the comments module (folio_comments.js) could not be loaded: ${e?.message ?? e}`;
  },
);
