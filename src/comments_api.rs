//! The wasm-bindgen surface of the comments module (feature `comments-module`,
//! `pkg/folio_comments.js`): `startComments`, called by the split core's loader
//! (`widget/comments_loader.rs`) when a page needs its comment section, and the handle it
//! returns. The section itself is the in-process one (`widget/comments.rs`); this module
//! carries neither the article renderer nor the share bar.

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::comments::config::CommentsConfig;
use crate::i18n;
use crate::json;
use crate::widget::comments::{self, Callbacks, CommentSection, EarlyList, Prefetch};

/// Why `startComments` could not start a section.
#[derive(Debug)]
enum StartError {
    /// An argument that must be a DOM element is not one (its name).
    NotAnElement(&'static str),
    /// The configuration text is not a comments configuration: why.
    Config(String),
    /// The section refused the configuration: why.
    Section(String),
}

impl StartError {
    fn text(&self) -> String {
        match self {
            StartError::NotAnElement(name) => String::from("startComments: ") + name + " must be a DOM element.",
            StartError::Config(why) => String::from("startComments: ") + why,
            StartError::Section(why) => why.clone(),
        }
    }
}

/// A comment section running in this module, as the core holds it.
#[wasm_bindgen]
pub struct CommentsHandle {
    section: CommentSection,
}

#[wasm_bindgen]
impl CommentsHandle {
    /// Loads comments now (the core's `loadComments()`; the section starts loading anyway).
    #[wasm_bindgen(js_name = loadNow)]
    pub fn load_now(&self) {
        self.section.load_now();
    }

    /// Removes the section's listeners and stops its work, and frees the handle.
    pub fn destroy(self) {
        drop(self.section);
    }
}

/// The first page of an eager section, requested by [`prefetch_comments`] while the
/// article loads; [`start_comments`] takes it over.
#[wasm_bindgen]
pub struct PrefetchHandle {
    prefetch: Prefetch,
}

/// Requests the first page now, for an eager section on a named thread (`config` and the
/// callbacks as for [`start_comments`]); `undefined` when there is nothing to request.
/// When the core already sent the first list request, `url` is its URL and `response` the
/// promise `fetch()` returned: the page is read from it if the section would ask the same.
#[wasm_bindgen(js_name = prefetchComments)]
pub fn prefetch_comments(
    config: String,
    list: JsValue,
    post: JsValue,
    url: Option<String>,
    response: JsValue,
) -> Option<PrefetchHandle> {
    let value = json::parse(&config).ok()?;
    let config = CommentsConfig::from_json(&value).ok()??;
    let early = match (url, response.dyn_into::<js_sys::Promise>()) {
        (Some(url), Ok(response)) => Some(EarlyList { url, response }),
        _ => None,
    };
    let prefetch = comments::prefetch_taking(&config, callbacks(list, post), early, None)?;
    Some(PrefetchHandle { prefetch })
}

fn callbacks(list: JsValue, post: JsValue) -> Option<Callbacks> {
    list.dyn_into::<Function>().ok().map(|list| Callbacks { list, post: post.dyn_into::<Function>().ok() })
}

/// Starts the comment section in `section` (the placeholder the core rendered in `host`'s
/// shadow root) and loads the first page at once: the core calls this when the section is
/// needed. `config` is the JSON text of the `comments` option, `lang` the tag (one of
/// [`i18n::TAGS`]) of the language of Folio's own words (its table is fetched here when it is not English),
/// `list`/`post` the callbacks backend's functions, if any, `prefetched` what
/// [`prefetch_comments`] returned, if anything. Resolves to the section's
/// [`CommentsHandle`]; rejects with an `Error` whose message says why when the section
/// cannot start.
#[wasm_bindgen(js_name = startComments)]
#[allow(clippy::too_many_arguments)]
pub fn start_comments(
    host: JsValue,
    section: JsValue,
    config: String,
    thread: String,
    title: String,
    lang: String,
    list: JsValue,
    post: JsValue,
    prefetched: Option<PrefetchHandle>,
) -> js_sys::Promise {
    let tag = i18n::known(&lang);
    crate::dom::locales::then(tag, move |lang| {
        start(host, section, &config, thread, title, lang, list, post, prefetched.map(|p| p.prefetch))
            .map(JsValue::from)
            .map_err(|e| js_sys::Error::new(&e.text()).into())
    })
}

#[allow(clippy::too_many_arguments)]
fn start(
    host: JsValue,
    section: JsValue,
    config: &str,
    thread: String,
    title: String,
    lang: i18n::Lang,
    list: JsValue,
    post: JsValue,
    prefetched: Option<Prefetch>,
) -> Result<CommentsHandle, StartError> {
    let host: Element = host.dyn_into().map_err(|_| StartError::NotAnElement("host"))?;
    let section: Element = section.dyn_into().map_err(|_| StartError::NotAnElement("section"))?;
    let value = json::parse(config).map_err(|e| StartError::Config(e.text()))?;
    let mut config: CommentsConfig = CommentsConfig::from_json(&value)
        .map_err(StartError::Config)?
        .ok_or_else(|| StartError::Config("no comments configuration.".into()))?;
    // The core decided that the section is needed now.
    config.eager = true;
    let section =
        CommentSection::start(&host, section, &config, thread, title, callbacks(list, post), lang, prefetched)
            .map_err(StartError::Section)?;
    Ok(CommentsHandle { section })
}
