//! The page as the comment section's checks for new comments need it (`js/live.js`):
//! whether it is visible, and holding the reader's place while comments are put in above
//! what they are reading.

use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Whether the page is hidden (a background tab, a minimised window).
pub fn hidden() -> bool {
    super::document().is_ok_and(|d| super::string_property(&d, "visibilityState") == "hidden")
}

#[wasm_bindgen(module = "/js/live.js")]
extern "C" {
    /// `[id, top]` of the first comment under `root` at least partly on screen; `null`
    /// when there is none.
    pub fn anchor(root: &Element) -> JsValue;
    /// Scrolls so that the comment [`anchor`] found is where it was, and focuses the first
    /// comment under `root` marked `data-folio-fresh` (in document order) without scrolling
    /// to it; the marks go.
    pub fn steady(root: &Element, at: &JsValue);
}
