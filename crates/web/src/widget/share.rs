//! The share bar's and the page theme's behaviour in the browser: `wire` of `js/page.js`
//! (bound in `dom::page`), the one implementation of it, which `js/element.js` also
//! bundles for folio-render's markup. One delegated `click` listener on the shadow root
//! handles every share control (found by its `data-folio-*` attributes: copy, native
//! share, popup windows, the `folio-share` event), so the bar needs no per-button
//! listeners and no inline handlers; the page's `dark`/`light` theme is mirrored onto the
//! host while wired.

use wasm_bindgen::JsValue;
use web_sys::{Element, ShadowRoot};

/// The share bar and the page theme wired for one widget; dropping it unwires both.
#[must_use = "the share bar stops working when the wiring is dropped"]
pub struct Wiring(js_sys::Function);

impl Wiring {
    /// Wires the controls inside `root` (now and later drawn) and the theme of `host`.
    pub fn new(root: &ShadowRoot, host: &Element) -> Result<Wiring, JsValue> {
        crate::dom::page::wire(root, host).map(Wiring)
    }
}

impl Drop for Wiring {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::UNDEFINED);
    }
}
