// Loading the comment section's module (pkg/folio_comments.js and its wasm, initialised
// once per page) and starting it on a rendered section: one implementation for both paths.
// The core's wasm imports this file (wasm-bindgen copies it to pkg/snippets/*/js/;
// scripts/minify.mjs writes it into folio.js), and js/element.js bundles it for
// folio-render's markup (HTML-first, no core). Either way it ends up in a file of pkg/, so
// the module's paths are written relative to pkg/: a static import() specifier and a
// new URL(..., import.meta.url), which bundlers follow to emit the module and its wasm.
let commentsModule;

/** The initialised comments module (its namespace); a failed load is tried again next time.
 * Its wasm is requested together with its JS, not once the JS has run: one round trip less. */
export const importComments = () => {
  if (!commentsModule) {
    const wasm = fetch(new URL('./folio_comments_bg.wasm', import.meta.url));
    wasm.catch(() => {}); // a failure rejects the init below
    commentsModule = import('./folio_comments.js').then(async (module) => {
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

/**
 * Runs the rendered comment placeholder `section` of `host` in the comments module, once it
 * comes within 1250px of the viewport (NEAR_MARGIN in Rust), or at once when `eager`:
 * imports the module and calls its `startComments({host, section, list, post, early})`
 * (`list`/`post`: the host's callbacks; `early`: what prefetchComments returned). Returns `{load(now), destroy()}`: `load()` starts it whatever the viewport (with
 * `now`, a running section also loads its comments now); `destroy()` stops it and releases
 * the module's section.
 *
 * When the module cannot be loaded, the list region shows the comments error box, in the
 * words the placeholder carries (`data-folio-failed`, `data-folio-retry`), whose button
 * tries again; the console says why. A configuration the module refuses leaves the
 * placeholder (the console says why).
 */
export const loadSection = (host, section, list, post, early, eager) => {
  let handle, started, gone;
  const region = section.querySelector('[data-folio-region=comments-list]');
  const start = async () => {
    if (region) region.ariaBusy = 'true';
    let module;
    try {
      module = await importComments();
    } catch (error) {
      console.error('Folio: the comments module (folio_comments.js) could not be loaded:', error);
      if (gone || !region) return;
      // The same box as the section's own (view::error_box).
      const box = document.createElement('div');
      box.className = 'folio-comments-error';
      box.role = 'alert';
      box.dataset.folioError = 'network';
      box.appendChild(document.createElement('p')).textContent = section.dataset.folioFailed;
      const retry = box.appendChild(document.createElement('button'));
      retry.type = 'button';
      retry.dataset.folioAction = 'retry-comments';
      retry.textContent = section.dataset.folioRetry;
      retry.onclick = start;
      region.replaceChildren(box);
      region.classList.remove('folio-comments-loading');
      region.ariaBusy = 'false';
      return;
    }
    if (gone) return;
    try {
      const made = await module.startComments({ host, section, list, post, early });
      gone ? made.destroy() : (handle = made);
    } catch (error) {
      console.error('Folio: comments:', error);
    }
  };
  const load = (now) => {
    if (now) handle?.loadNow();
    if (started) return;
    started = true;
    near.disconnect();
    start();
  };
  const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: '1250px 0px' });
  eager ? load() : near.observe(section);
  return {
    load,
    destroy() {
      gone = true;
      near.disconnect();
      handle?.destroy();
      handle = undefined;
    },
  };
};
