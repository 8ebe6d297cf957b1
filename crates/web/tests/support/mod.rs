//! What the browser suites share: the widget as they mount it.

use folio_web::api::Handle;
use folio_web::widget::InProcess;
use wasm_bindgen::JsValue;

/// The widget as the tests mount it: the comment section in this module and the
/// stylesheet built in (the test runner serves neither the comments module nor folio.css).
pub type Folio = Handle<InProcess>;

/// `mount(element, options)`, as the first module exports it.
pub fn mount(element: JsValue, options: JsValue) -> Folio {
    Handle::mount(element, options)
}
