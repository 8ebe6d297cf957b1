//! Locale files from beside the package (see [`crate::i18n::file`]): the wasm carries
//! English alone and fetches another language's table the first time a page needs it,
//! once per page however many widgets ask.

use std::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use super::fetch::fetch;
use crate::i18n::{self, Lang};

#[wasm_bindgen(module = "/js/locales.js")]
extern "C" {
    /// The URL of `locales/<tag>.json` next to the package.
    #[wasm_bindgen(js_name = localeUrl)]
    fn locale_url(tag: &str) -> String;
}

thread_local! {
    /// Files asked for on this page: one request per language, shared by every widget.
    static REQUESTED: RefCell<Vec<(&'static str, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Starts fetching the table for `tag` (one of [`i18n::TAGS`]) unless it is loaded or
/// already on its way; [`load`] waits for it.
pub fn prefetch(tag: &'static str) -> Option<Promise> {
    if Lang::loaded(tag).is_some() {
        return None;
    }
    Some(REQUESTED.with(|r| {
        let mut r = r.borrow_mut();
        if let Some((_, promise)) = r.iter().find(|(t, _)| *t == tag) {
            return promise.clone();
        }
        let promise = future_to_promise(async move {
            if let Err(problem) = fetch_file(tag).await {
                let text = String::from("Folio: the table for language \"")
                    + tag
                    + "\" could not be loaded ("
                    + &problem
                    + "); Folio's own words stay in English.";
                web_sys::console::warn_1(&JsValue::from_str(&text));
            }
            Ok(JsValue::UNDEFINED)
        });
        r.push((tag, promise.clone()));
        promise
    }))
}

/// The language `tag` (one of [`i18n::TAGS`]), its file fetched if need be; English when
/// the file cannot be loaded or read (with a console warning saying why).
pub async fn load(tag: &'static str) -> Lang {
    if let Some(promise) = prefetch(tag) {
        let _ = JsFuture::from(promise).await;
    }
    Lang::loaded(tag).unwrap_or(Lang::EN)
}

async fn fetch_file(tag: &'static str) -> Result<(), String> {
    let url = locale_url(tag);
    let response = fetch("GET", &url, &[("accept", "application/json".into())], None, false, None)
        .await
        .map_err(|_| url.clone() + " did not answer")?;
    if !(200..300).contains(&response.status) {
        let mut problem = url + " answered ";
        crate::date::push_number(&mut problem, response.status.into());
        return Err(problem);
    }
    i18n::register(&response.body).map(|_| ()).map_err(|e| url + ": " + &e.text())
}
