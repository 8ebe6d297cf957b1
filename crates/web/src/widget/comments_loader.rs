//! The comment section of the [`Split`](super::Split) edition (what pages download): the
//! same interface as the in-process section (`widget/comments.rs`), but what it starts is
//! the comments module (`pkg/folio_comments.js`, the crate `crates/wasm-comments`),
//! imported when the section is needed: when it nears the viewport, at once with
//! `load: "eager"` (the import then starts at mount time, with the article), or on
//! `loadComments()`.
//!
//! The loading itself is `loadSection` of `js/comments.js`, the one implementation that
//! `js/element.js` also runs on folio-render's markup: the module gets the host, the
//! section (whose data attributes hold the configuration, the thread, the title and the
//! words of the error box; the root's `lang` the language), the host's callbacks and what
//! the prefetch brought. When the module cannot be loaded, the list region shows the
//! comments error box (with Retry, which tries again) and the console says why; the
//! article is not touched.

use wasm_bindgen::prelude::*;
use web_sys::{AbortSignal, Element};

use crate::dom::fetch;
use folio::comments::config::CommentsConfig;
use folio::comments::Method;
use folio::i18n::Lang;

use super::callbacks::Callbacks;
use super::section::Section;

#[wasm_bindgen(module = "/js/comments.js")]
extern "C" {
    /// What `loadSection` returns: the section, waiting for the viewport or running.
    type Loader;

    /// Loads the module and starts it on `section` when it nears the viewport, or at once
    /// when `eager`; fails when the browser has no `IntersectionObserver`.
    #[wasm_bindgen(catch, js_name = loadSection)]
    fn load_section(
        host: &Element,
        section: &Element,
        list: &JsValue,
        post: &JsValue,
        early: &JsValue,
        eager: bool,
    ) -> Result<Loader, JsValue>;

    /// Starts the section whatever the viewport; with `now`, a running one loads its
    /// comments now.
    #[wasm_bindgen(method)]
    fn load(this: &Loader, now: bool);

    /// Stops the section and releases the module's.
    #[wasm_bindgen(method)]
    fn destroy(this: &Loader);

    /// Starts importing the module and sends the first list request (`url`, if any,
    /// aborted after `timeout` ms or when `signal` aborts): `[url, what fetch() returned]`
    /// for the module, or `undefined` without a `url`.
    #[wasm_bindgen(js_name = prefetchComments)]
    fn prefetch_comments(url: &JsValue, timeout: u32, signal: Option<AbortSignal>) -> JsValue;
}

/// What an eager section starts at mount time, while the article loads: the comments
/// module's download (shared: the section started later waits for the same one) and, when
/// the host names the thread and its first page is a plain GET (Isso, the contract), that
/// request, sent at once; the module reads its answer when the section starts.
pub struct Prefetch {
    /// `[url, what fetch() returned]`, or `undefined`, handed to `startComments`.
    page: JsValue,
}

/// A comment section run by the comments module. Dropping it destroys the module's
/// section (its listeners, observer and work) and this one's observer.
pub struct CommentSection(Loader);

impl Section for CommentSection {
    type Prefetch = Prefetch;

    /// Starts importing the comments module now when `config` loads eagerly, and then the
    /// first list request when it also names its thread; `signal` (the widget's) aborts it.
    /// (The callbacks backend's first page is asked for by the module when the section
    /// starts: `_callbacks` is the in-process section's parameter.)
    fn prefetch(
        config: &CommentsConfig,
        _callbacks: Option<Callbacks>,
        signal: Option<&AbortSignal>,
    ) -> Option<Prefetch> {
        if !config.eager {
            return None;
        }
        // A plain GET the snippet can send as it is (the first page of Isso and the contract).
        let url = match config.thread.as_deref().and_then(|thread| config.first_page_request(thread)) {
            Some(r) if r.method == Method::Get && r.body.is_none() && r.headers.is_empty() && !r.credentials => {
                JsValue::from_str(&r.url)
            }
            _ => JsValue::UNDEFINED,
        };
        let page = prefetch_comments(&url, fetch::TIMEOUT_MS, signal.cloned());
        Some(Prefetch { page })
    }

    /// Hands `section` to `loadSection`. The module reads the configuration, the thread,
    /// the title and the language from the placeholder
    /// ([`folio::compose::comments_placeholder`] writes them), so `_thread`, `_title` and
    /// `_lang` are not kept: the parameters are the in-process section's.
    fn start(
        host: &Element,
        section: Element,
        config: &CommentsConfig,
        _thread: String,
        _title: String,
        callbacks: Option<Callbacks>,
        _lang: Lang,
        prefetched: Option<Prefetch>,
    ) -> Result<CommentSection, String> {
        let (list, post) = match callbacks {
            Some(cb) => (JsValue::from(cb.list), cb.post.map_or(JsValue::UNDEFINED, JsValue::from)),
            None => (JsValue::UNDEFINED, JsValue::UNDEFINED),
        };
        let early = prefetched.map_or(JsValue::UNDEFINED, |p| p.page);
        load_section(host, &section, &list, &post, &early, config.eager)
            .map(CommentSection)
            .map_err(|_| "IntersectionObserver is not available.".to_string())
    }

    fn load_now(&self) {
        self.0.load(true);
    }
}

impl Drop for CommentSection {
    fn drop(&mut self) {
        self.0.destroy();
    }
}
