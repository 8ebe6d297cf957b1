//! Locale files from beside the package (see [`crate::i18n::file`]): the wasm carries
//! English alone and fetches another language's table the first time a page needs it,
//! once per page however many widgets ask. The request is `js/locales.js`'s; this reads
//! the file it brings.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::i18n::{self, Lang};

#[wasm_bindgen(module = "/js/locales.js")]
extern "C" {
    /// The text of `locales/<tag>.json` next to the package (`undefined`, after a console
    /// warning, when it cannot be had), requested once per module.
    #[wasm_bindgen(js_name = localeText)]
    fn locale_text(tag: &str) -> Promise;
}

/// Starts fetching the table for `tag` (one of [`i18n::TAGS`]) unless it is loaded or
/// already on its way; [`text_of`] hands it over.
pub fn prefetch(tag: &'static str) {
    if Lang::loaded(tag).is_none() {
        let _ = locale_text(tag);
    }
}

/// The text of `tag`'s file, on its way (a promise of the text, or of `undefined` after a
/// console warning when it cannot be had); `None` when the table is loaded already. What it
/// brings is read by [`read`], in the promise's `then`: a chained callback instead of a
/// compiled future for every caller.
pub fn text_of(tag: &'static str) -> Option<Promise> {
    Lang::loaded(tag).is_none().then(|| locale_text(tag))
}

/// The language `tag` (one of [`i18n::TAGS`]) from `text`, what [`text_of`]'s promise
/// brought (or anything at all, when the table is loaded already); English when the file
/// could not be had or read (with a console warning saying why).
pub fn read(tag: &'static str, text: &JsValue) -> Lang {
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
