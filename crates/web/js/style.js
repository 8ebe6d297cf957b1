// Folio's stylesheet, pkg/folio.css (the first module, crates/wasm-core, does not carry
// it in its wasm): fetched once per page as soon as the glue is evaluated, so it travels
// beside the wasm, and built into one constructed CSSStyleSheet that every widget's shadow
// root adopts (allowed under a strict `style-src 'self'`). wasm-bindgen copies this file to
// pkg/snippets/*/js/, three levels down; scripts/minify.mjs writes it into folio.js with
// the path from pkg/ (a new URL(..., import.meta.url), which bundlers follow to emit the
// file) and has the glue's init() wait for the sheet (`stylesheetWithin`), so the first
// render is styled.
let text;
let sheet;

/** Settles (never rejects) when the sheet is built, or could not be (a console warning). */
export const stylesheet = fetch(new URL('../../../folio.css', import.meta.url))
  .then((response) => {
    if (!response.ok) throw new Error(`it answered ${response.status}`);
    return response.text();
  })
  .then((css) => {
    text = css;
    if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
  })
  .catch((error) => console.warn(`Folio: folio.css could not be loaded (${error.message}); the widget is unstyled.`));

/** What the glue's init() waits for: the sheet, but at most `ms` milliseconds (a stalled
 * request must not keep every widget from rendering; the sheet is then adopted when it
 * arrives). */
export const stylesheetWithin = (ms) => {
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, ms); });
  return Promise.race([stylesheet, late]).finally(() => clearTimeout(timer));
};

/** Adopts the sheet into `root`: at once when it is built, else as soon as it is. Where
 * constructable stylesheets are missing (very old browsers), a `<style>` element instead,
 * which works on pages without a strict style CSP. */
export const adoptSheet = (root) => {
  const adopt = () => {
    if (sheet && Array.isArray(root.adoptedStyleSheets)) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else if (text !== undefined && !root.querySelector('style[data-folio-style]')) {
      const style = document.createElement('style');
      style.dataset.folioStyle = '';
      style.textContent = text;
      root.prepend(style);
    }
  };
  if (text !== undefined) adopt();
  else stylesheet.then(adopt);
};
