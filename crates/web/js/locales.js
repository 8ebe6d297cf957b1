// Folio's locale files are pkg/locales/<tag>.json. wasm-bindgen copies this file to
// pkg/snippets/*/js/, three levels down; scripts/minify.mjs writes it into both glues with
// the path from pkg/ (a template literal on import.meta.url, which bundlers follow). The
// request is made here rather than in the wasm: each module would otherwise carry one more
// compiled request state machine for it.

const requested = new Map();

/** The text of the locale file for `tag`, requested once per module however many widgets
 * ask; `undefined`, after one console warning saying why, when it cannot be had. */
export const localeText = (tag) => {
  if (!requested.has(tag)) {
    const url = new URL(`../../../locales/${tag}.json`, import.meta.url).href;
    const fail = (why) => {
      console.warn(`Folio: the table for language "${tag}" could not be loaded (${url} ${why}); Folio's own words stay in English.`);
    };
    // A bundler may have inlined a small file as a base64 data: URL (Vite does below 4 KB):
    // it is decoded here, as a page's CSP may forbid fetching data: URLs.
    const inline = /^data:[^,]*;base64,/.exec(url);
    requested.set(tag, (inline
      ? Promise.resolve().then(() => new TextDecoder().decode(Uint8Array.from(atob(url.slice(inline[0].length)), (c) => c.charCodeAt(0))))
      : fetch(url, { headers: { accept: 'application/json' } }).then((r) => (r.ok ? r.text() : fail(`answered ${r.status}`))))
      .catch(() => fail('did not answer')));
  }
  return requested.get(tag);
};
