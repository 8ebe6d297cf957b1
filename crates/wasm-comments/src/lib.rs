//! Folio's comments module, `pkg/folio_comments.js` + `folio_comments_bg.wasm`:
//! `startComments`, called by the first module's loader (the browser edge's
//! `widget/comments_loader.rs`) when a page needs its comment section, and the handle it
//! returns. The section itself is the edge's in-process one (`widget/comments.rs`); this
//! module carries neither the article renderer nor the share bar.

#![deny(missing_docs)]

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use folio::comments::config::CommentsConfig;
use folio::i18n;
use folio::json;
use folio_web::widget::comments::{self, Callbacks, CommentSection, EarlyList};
use folio_web::widget::Section;

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

fn callbacks(list: JsValue, post: JsValue) -> Option<Callbacks> {
    list.dyn_into::<Function>().ok().map(|list| Callbacks { list, post: post.dyn_into::<Function>().ok() })
}

#[wasm_bindgen(typescript_custom_section)]
const START_OPTIONS: &str = r#"
/** What `startComments` takes (see its documentation). */
export interface StartOptions {
  host: Element;
  section: Element;
  list?: (query: object) => unknown;
  post?: (comment: object) => unknown;
  early?: [string, Promise<unknown>];
}"#;

/// `startComments`'s one argument, `{host, section, list, post, early}`, as read.
struct StartOptions {
    host: Element,
    section: Element,
    callbacks: Option<Callbacks>,
    early: Option<EarlyList>,
}

impl StartOptions {
    /// Reads the options object: `host` and `section` must be elements (the error names
    /// the one that is not); `list`, `post` and `early` are left out when they are not
    /// what they should be.
    fn read(options: &JsValue) -> Result<Self, StartError> {
        let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or_default();
        let element = |name: &'static str| get(name).dyn_into::<Element>().map_err(|_| StartError::NotAnElement(name));
        let early = get("early")
            .dyn_into::<js_sys::Array>()
            .ok()
            .and_then(|pair| Some(EarlyList { url: pair.get(0).as_string()?, response: pair.get(1).dyn_into().ok()? }));
        Ok(StartOptions {
            host: element("host")?,
            section: element("section")?,
            callbacks: callbacks(get("list"), get("post")),
            early,
        })
    }
}

/// Starts the comment section in `options.section` (the placeholder the core or
/// folio-render wrote in `options.host`'s shadow root) and loads the first page at once:
/// the core, or the element's script on a pre-rendered page, calls this when the section
/// is needed. Everything else is read from the placeholder itself, as [`folio::compose`]
/// writes it: the configuration (`data-folio-config`, the JSON of the `comments` option),
/// the thread (`data-folio-thread`), the title (`data-folio-title`) and the language of
/// Folio's own words (the `lang` of the widget's root; its table is fetched here when it is
/// not English). `options.list`/`options.post` are the callbacks backend's functions, if
/// any; `options.early`, when the core already sent the first list request (its
/// `prefetchComments` in `js/comments.js`), is `[url, what fetch() returned]`: the first
/// page is read from it when the section would ask the same. Resolves to the section's
/// [`CommentsHandle`]; rejects with an `Error` whose message says why when the section
/// cannot start.
#[wasm_bindgen(js_name = startComments)]
pub fn start_comments(#[wasm_bindgen(unchecked_param_type = "StartOptions")] options: JsValue) -> js_sys::Promise {
    folio_web::dom::url::install();
    let options = match StartOptions::read(&options) {
        Ok(options) => options,
        Err(e) => return js_sys::Promise::reject(&js_sys::Error::new(&e.text())),
    };
    let tag = options.section.closest("[lang]").ok().flatten().and_then(|root| folio_web::dom::get_attr(&root, "lang"));
    folio_web::dom::locales::then(tag.as_deref().and_then(i18n::known), move |lang| {
        start(options, lang).map(JsValue::from).map_err(|e| js_sys::Error::new(&e.text()).into())
    })
}

fn start(options: StartOptions, lang: i18n::Lang) -> Result<CommentsHandle, StartError> {
    let StartOptions { host, section, callbacks, early } = options;
    let attr = |name: &str| folio_web::dom::get_attr(&section, name).unwrap_or_default();
    // Folio's own markup wrote it: where it stops being JSON is enough to find what changed it.
    let value = json::parse(&attr("data-folio-config"))
        .map_err(|e| StartError::Config(String::from("data-folio-config is not JSON at ") + &e.position()))?;
    let mut config: CommentsConfig = CommentsConfig::from_json(&value)
        .map_err(StartError::Config)?
        .ok_or_else(|| StartError::Config("no comments configuration.".into()))?;
    // The core decided that the section is needed now.
    config.eager = true;
    let (thread, title) = (attr("data-folio-thread"), attr("data-folio-title"));
    // The early answer, read as the first page when the section asks the same.
    let prefetched = early.and_then(|early| comments::prefetch_taking(&config, callbacks.clone(), Some(early), None));
    let section = CommentSection::start(&host, section, &config, thread, title, callbacks, lang, prefetched)
        .map_err(StartError::Section)?;
    Ok(CommentsHandle { section })
}
