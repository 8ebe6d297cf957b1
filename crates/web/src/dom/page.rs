//! `js/page.js`, what a rendered widget does on the page by its data attributes, bound in
//! one extern block: wasm-bindgen then imports by name only what a module uses of it (two
//! blocks would make it one namespace object, and every module would carry all of it).

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::{Element, ShadowRoot};

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    /// Wires the share controls inside `root` (now and later drawn) and mirrors the page's
    /// theme onto `host`; the function it returns undoes both.
    #[wasm_bindgen(catch)]
    pub fn wire(root: &ShadowRoot, host: &Element) -> Result<js_sys::Function, JsValue>;
    /// Un-hides the native-share buttons of `root` where the browser can share their URL and
    /// title (they are drawn hidden): called after each drawing of a share bar.
    #[wasm_bindgen(js_name = revealShare)]
    pub fn reveal_native_share(root: &ShadowRoot);
    /// `[id, top]` of the first comment under `root` at least partly on screen; `null`
    /// when there is none.
    pub fn anchor(root: &Element) -> JsValue;
    /// Scrolls so that the comment [`anchor`] found is where it was, and focuses the first
    /// comment under `root` marked `data-folio-fresh` (in document order) without scrolling
    /// to it; the marks go.
    pub fn steady(root: &Element, at: &JsValue);
}
