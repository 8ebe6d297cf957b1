// The browser's own URL parser, for src/view/url.rs in the wasm builds: whether a link
// target can be parsed against the page's base URL (a browser without URL.canParse is asked
// with new URL). wasm-bindgen copies this file to pkg/snippets/*/js/; scripts/minify.mjs
// writes it into both glues.
export const parses = (url) => {
  try {
    return URL.canParse ? URL.canParse(url, document.baseURI) : !!new URL(url, document.baseURI);
  } catch {
    return false;
  }
};
