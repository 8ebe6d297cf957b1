//! The package's stylesheet in a shadow root: one constructed `CSSStyleSheet` per page,
//! adopted by every widget, so no `<style>` element or `style` attribute is needed and a
//! strict `style-src 'self'` policy is satisfied.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, ShadowRoot};

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Adopts Folio's stylesheet into `root`. Where constructable stylesheets are missing
/// (very old browsers), falls back to a `<style>` element, which works on pages without a
/// strict style CSP.
pub fn adopt(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            if let Ok(sheet) = CssStyleSheet::new() {
                if sheet.replace_sync(crate::STYLESHEET).is_ok() {
                    *slot = Some(sheet);
                }
            }
        }
        slot.clone()
    });
    let adopted = js_sys::Reflect::get(root, &JsValue::from_str("adoptedStyleSheets")).ok().filter(js_sys::Array::is_array);
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
            style.set_text_content(Some(crate::STYLESHEET));
            root.append_child(&style)?;
        }
    }
    Ok(())
}
