//! Folio's first module, `pkg/folio.js` + `folio_bg.wasm`: what a page downloads to mount
//! the widget. `mount(element, options)` and the `Folio` handle, over the browser edge's
//! [`Handle`] with the [`Split`] edition: the comment section is the loader of the comments
//! module (`crates/wasm-comments`), and the stylesheet is fetched as `folio.css`.

#![deny(missing_docs)]

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use folio_web::api::Handle;
use folio_web::widget::Split;

/// A mounted widget, as JS sees it.
#[wasm_bindgen]
pub struct Folio {
    handle: Handle<Split>,
}

#[wasm_bindgen]
impl Folio {
    /// Settles when the first render is done: resolves once the article is on screen,
    /// rejects with a `FolioError` (with `code`) when the error box is shown instead.
    #[wasm_bindgen(getter)]
    pub fn ready(&self) -> Promise {
        self.handle.ready()
    }

    /// Loads the comments now instead of when the section nears the viewport.
    #[wasm_bindgen(js_name = loadComments)]
    pub fn load_comments(&self) {
        self.handle.load_comments();
    }

    /// Applies new options. A change to the share bar alone swaps the bar, and leaves the
    /// article and a running comment section alone; a change to the comment section's
    /// options or callbacks, the article, the reading speed or the language renders
    /// everything again. Resolves when done; rejects with a `FolioError` (and shows the
    /// error box) when the new article cannot be shown.
    pub fn update(&self, options: JsValue) -> Promise {
        self.handle.update(options)
    }

    /// Removes the widget: aborts requests, drops listeners, empties the shadow root.
    /// Calling it twice is harmless.
    pub fn destroy(&self) {
        self.handle.destroy();
    }
}

/// Renders an article into `element`'s shadow root. See the README for options.
/// Never throws: problems show in the widget and reject `ready`. Mounting again on the same
/// element replaces the widget that was there.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Folio {
    Folio { handle: Handle::mount(element, options) }
}
