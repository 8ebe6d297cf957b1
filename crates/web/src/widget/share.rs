//! The share bar's and the page theme's behaviour in the browser: `js/wiring.js`, the one
//! implementation of it, which `js/element.js` also bundles for folio-render's markup. One
//! delegated `click` listener on the shadow root handles every share control (found by
//! its `data-folio-*` attributes: copy, native share, popup windows, the `folio-share`
//! event), so the bar needs no per-button listeners and no inline handlers; the page's
//! `dark`/`light` theme is mirrored onto the host while wired.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::{Element, ShadowRoot};

#[wasm_bindgen(module = "/js/wiring.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = wire)]
    fn wire_js(root: &ShadowRoot, host: &Element) -> Result<js_sys::Function, JsValue>;
    /// Un-hides the native-share buttons of `root` where the browser can share their URL and
    /// title (they are drawn hidden): called after each drawing of a share bar.
    #[wasm_bindgen(js_name = revealShare)]
    pub fn reveal_native_share(root: &ShadowRoot);
}

/// The share bar and the page theme wired for one widget; dropping it unwires both.
#[must_use = "the share bar stops working when the wiring is dropped"]
pub struct Wiring(js_sys::Function);

impl Wiring {
    /// Wires the controls inside `root` (now and later drawn) and the theme of `host`.
    pub fn new(root: &ShadowRoot, host: &Element) -> Result<Wiring, JsValue> {
        wire_js(root, host).map(Wiring)
    }
}

impl Drop for Wiring {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::UNDEFINED);
    }
}
