//! The package's stylesheet in a shadow root: one constructed `CSSStyleSheet` per page,
//! adopted by every widget, so no `<style>` element or `style` attribute is needed and a
//! strict `style-src 'self'` policy is satisfied.
//!
//! Two ways, one per [`Edition`](crate::widget::Edition): [`adopt_fetched`] (what pages
//! download carries no sheet: `js/style.js`, written into the glue, fetches `pkg/folio.css`
//! while the wasm downloads and builds the sheet, and the glue's `init()` waits for it), and
//! [`adopt_built_in`] (the browser tests' widget carries it as [`folio::STYLESHEET`]).

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;
use web_sys::ShadowRoot;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/style.js")]
extern "C" {
    /// Adopts the page's one sheet built from `folio.css` into `root` (at once when it has
    /// arrived, which `init()` waited for; else when it does).
    #[wasm_bindgen(js_name = adoptSheet)]
    fn adopt_sheet(root: &ShadowRoot);
}

/// Adopts the sheet built from `folio.css` into `root`, once it has arrived.
pub fn adopt_fetched(root: &ShadowRoot) {
    adopt_sheet(root);
}

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Adopts the stylesheet built into the wasm into `root`. Where constructable stylesheets
/// are missing (very old browsers), falls back to a `<style>` element, which works on pages
/// without a strict style CSP.
pub fn adopt_built_in(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            if let Ok(sheet) = CssStyleSheet::new() {
                if sheet.replace_sync(folio::STYLESHEET).is_ok() {
                    *slot = Some(sheet);
                }
            }
        }
        slot.clone()
    });
    let adopted =
        js_sys::Reflect::get(root, &JsValue::from_str("adoptedStyleSheets")).ok().filter(js_sys::Array::is_array);
    match (sheet, adopted) {
        (Some(sheet), Some(list)) => {
            let list: js_sys::Array = list.unchecked_into();
            if !list.includes(&sheet, 0) {
                list.push(&sheet);
                root.set_adopted_style_sheets(&list);
            }
        }
        _ => {
            let doc = super::document()?;
            let style = doc.create_element("style")?;
            style.set_text_content(Some(folio::STYLESHEET));
            root.append_child(&style)?;
        }
    }
    Ok(())
}
