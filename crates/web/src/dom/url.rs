//! The browser's own URL parser behind the core's link allowlist (`folio::view::url`).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/js/url.js")]
extern "C" {
    /// Whether `URL.canParse` accepts `url` against the page's own URL.
    fn parses(url: &str) -> bool;
}

/// Makes the core's [`safe_url`](folio::view::url::safe_url) ask the browser's parser whether
/// a link parses. Every entry point calls it before it renders anything (it is cheap to call
/// again); until it is called, a wasm build refuses every link.
pub fn install() {
    folio::view::url::set_browser_parser(parses);
}
