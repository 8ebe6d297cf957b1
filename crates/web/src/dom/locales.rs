//! Locale files from beside the package (see [`folio::i18n::file`]): the wasm carries
//! English alone and fetches another language's table the first time a page needs it,
//! once per page however many widgets ask. The request is `js/locales.js`'s; this reads
//! the file it brings.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use folio::i18n::{self, Lang};

#[wasm_bindgen(module = "/js/locales.js")]
extern "C" {
    /// The text of `locales/<tag>.json` next to the package (`undefined`, after a console
    /// warning, when it cannot be had), requested once per module.
    #[wasm_bindgen(js_name = localeText)]
    fn locale_text(tag: &str) -> Promise;
}

/// Starts fetching the table for `tag` (one of [`i18n::TAGS`]) unless it is loaded or
/// already on its way; [`then`] reads it.
pub fn prefetch(tag: &'static str) {
    if Lang::loaded(tag).is_none() {
        let _ = locale_text(tag);
    }
}

/// Calls `f` with the language `tag` names (one of [`i18n::TAGS`]; `None` is English),
/// its file fetched first when the wasm does not have it: the promise of what `f`
/// returns. English when the file could not be had or read (with a console warning
/// saying why).
pub fn then(tag: Option<&'static str>, f: impl FnOnce(Lang) -> Result<JsValue, JsValue> + 'static) -> Promise {
    let text = tag.filter(|t| Lang::loaded(t).is_none()).map_or(JsValue::UNDEFINED, |t| locale_text(t).into());
    crate::dom::when(&text, move |text| f(tag.map_or(Lang::EN, |tag| read(tag, &text.unwrap_or_default()))))
}

/// The language `tag` from `text`, what its file's promise brought (anything at all,
/// when the table is loaded already).
fn read(tag: &'static str, text: &JsValue) -> Lang {
    if let Some(lang) = Lang::loaded(tag) {
        return lang;
    }
    let Some(text) = text.as_string() else { return Lang::EN };
    match i18n::register(&text) {
        Ok(lang) => lang,
        Err(e) => {
            let warning = String::from("Folio: the table for language \"")
                + tag
                + "\" could not be read ("
                + &e.text()
                + "); Folio's own words stay in English.";
            web_sys::console::warn_1(&JsValue::from_str(&warning));
            Lang::EN
        }
    }
}
