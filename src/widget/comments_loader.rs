//! The comment section of the split core (feature `split-core`): the same interface as
//! the in-process section (`widget/comments.rs`), but what it starts is the comments module
//! (`pkg/folio_comments.js`, built with `comments-module`, see `src/comments_api.rs`),
//! imported when the section is needed: when it nears the viewport, at once with
//! `load: "eager"` (the import then starts at mount time, with the article), or on
//! `loadComments()`. The module gets the host, the section, the configuration as JSON
//! text, the thread, the title, the locale's tag and the host's callbacks, and returns a
//! handle this section keeps and destroys when it is dropped.
//!
//! When the module cannot be loaded, the list region shows the comments error box (with
//! Retry, which tries again) and the console says why; the article is not touched.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{AbortSignal, Element};

use crate::comments::config::CommentsConfig;
use crate::comments::{view, Method};
use crate::dom::{build, fetch, observer::NearViewport, Listener};
use crate::i18n::Lang;

use super::NEAR_MARGIN;

#[wasm_bindgen(module = "/js/comments.js")]
extern "C" {
    /// The comments module's namespace, imported and initialised once per page. (`catch`
    /// also makes wasm-bindgen import it by name, the form scripts/minify.mjs inlines.)
    #[wasm_bindgen(js_name = importComments, catch)]
    fn import_comments() -> Result<Promise, JsValue>;

    /// Sends the first list request (`url`, if any, aborted after `timeout` ms or when
    /// `signal` aborts) and imports the module, which reads the answer: resolves to its
    /// prefetch handle, or to `undefined` (never rejects: a failed import is reported once,
    /// by the section, which tries again).
    #[wasm_bindgen(js_name = prefetchComments)]
    fn prefetch_comments(
        config: &str,
        list: &JsValue,
        post: &JsValue,
        url: &JsValue,
        timeout: u32,
        signal: Option<AbortSignal>,
    ) -> Promise;
}

/// The host's functions for the callbacks backend, handed to the comments module.
#[derive(Clone)]
pub struct Callbacks {
    /// `list({thread, sort, cursor})` -> `{total, comments, next}`.
    pub list: Function,
    /// `post({thread, text, author, email, website, parent, title})` -> `{comment, pending}`.
    pub post: Option<Function>,
}

/// What an eager section starts at mount time, while the article loads: the comments
/// module's download (shared: the section started later waits for the same one) and, when
/// the host names the thread, the first list request: sent at once for the HTTP backends
/// (the module reads the answer), made by the module as soon as it runs for callbacks. `page` resolves to the module's prefetch handle, which the section hands back to
/// it (or to `undefined` when there is none).
pub struct Prefetch {
    page: Promise,
}

/// Starts importing the comments module now when `config` loads eagerly, and then the
/// first list request when it also names its thread; `signal` (the widget's) aborts it.
pub fn prefetch(
    config: &CommentsConfig,
    callbacks: Option<Callbacks>,
    signal: Option<&AbortSignal>,
) -> Option<Prefetch> {
    if !config.eager {
        return None;
    }
    if config.thread.is_none() {
        // The module's download alone; a failure is reported when the section starts.
        let _ = import_comments();
        return None;
    }
    let (list, post) = callback_values(callbacks.as_ref());
    // A plain GET the snippet can send as it is (the first page of Isso and the contract).
    let url = match config.thread.as_deref().and_then(|thread| config.first_page_request(thread)) {
        Some(r) if r.method == Method::Get && r.body.is_none() && r.headers.is_empty() && !r.credentials => {
            JsValue::from_str(&r.url)
        }
        _ => JsValue::UNDEFINED,
    };
    let page = prefetch_comments(&config.to_json(), &list, &post, &url, fetch::TIMEOUT_MS, signal.cloned());
    Some(Prefetch { page })
}

/// The callbacks as `startComments`/`prefetchComments` arguments (`undefined` for none).
fn callback_values(callbacks: Option<&Callbacks>) -> (JsValue, JsValue) {
    match callbacks {
        Some(cb) => (JsValue::from(cb.list.clone()), cb.post.clone().map_or(JsValue::UNDEFINED, JsValue::from)),
        None => (JsValue::UNDEFINED, JsValue::UNDEFINED),
    }
}

/// Why the comments module could not be used.
#[derive(Debug)]
enum LoadError {
    /// `import()` or the module's wasm failed (404, CSP, network): the browser's message.
    Import(String),
    /// The module loaded but has no `startComments` function.
    NotAModule,
    /// `startComments` refused (a configuration the module cannot use): its message.
    Start(String),
}

impl LoadError {
    fn text(&self) -> String {
        match self {
            LoadError::Import(why) => {
                String::from("the comments module (folio_comments.js) could not be loaded: ") + why
            }
            LoadError::NotAModule => "folio_comments.js is not Folio's comments module (no startComments).".into(),
            LoadError::Start(why) => why.clone(),
        }
    }
}

/// Where the section is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting for the viewport (or `loadComments()`).
    Waiting,
    /// The module is on its way.
    Importing,
    /// The module runs the section.
    Started,
    /// The module could not be loaded; Retry tries again.
    Failed,
}

struct State {
    host: Element,
    section: Element,
    config: String,
    thread: String,
    title: String,
    lang: Lang,
    callbacks: Option<Callbacks>,
    prefetched: Option<Prefetch>,
    phase: Phase,
    observer: Option<NearViewport>,
    /// The comments module's handle (`loadNow()`, `destroy()`), once started.
    handle: Option<JsValue>,
}

/// A comment section run by the comments module. Dropping it destroys the module's
/// section (its listeners, observer and work) and removes this one's listener and observer.
pub struct CommentSection {
    state: Rc<RefCell<State>>,
    _listener: Listener,
}

impl CommentSection {
    /// Takes over the placeholder `section`: imports the comments module and starts it when
    /// the section nears the viewport, or at once with `load: "eager"`.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        host: &Element,
        section: Element,
        config: &CommentsConfig,
        thread: String,
        title: String,
        callbacks: Option<Callbacks>,
        lang: Lang,
        prefetched: Option<Prefetch>,
    ) -> Result<CommentSection, String> {
        let state = Rc::new(RefCell::new(State {
            host: host.clone(),
            section: section.clone(),
            config: config.to_json(),
            thread,
            title,
            lang,
            callbacks,
            prefetched,
            phase: Phase::Waiting,
            observer: None,
            handle: None,
        }));
        let weak = Rc::downgrade(&state);
        // Retry in the error box shown when the module could not be loaded; once the module
        // runs the section, its own listeners answer.
        let listener = Listener::new(&section, "click", {
            let weak = weak.clone();
            move |event: &web_sys::Event| {
                let retry = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest("[data-folio-action=\"retry-comments\"]").ok().flatten())
                    .is_some();
                if retry && weak.upgrade().is_some_and(|s| s.borrow().phase == Phase::Failed) {
                    begin(weak.clone());
                }
            }
        });
        if config.eager {
            begin(weak);
        } else {
            let observer = NearViewport::new(&section, NEAR_MARGIN, move || begin(weak.clone()))
                .map_err(|_| "IntersectionObserver is not available.".to_string())?;
            state.borrow_mut().observer = Some(observer);
        }
        Ok(CommentSection { state, _listener: listener })
    }

    /// Loads comments now, whatever the viewport (the handle's `loadComments()`): imports
    /// the module if it is not there yet.
    pub fn load_now(&self) {
        let (phase, handle) = {
            let s = self.state.borrow();
            (s.phase, s.handle.clone())
        };
        match (phase, handle) {
            (Phase::Waiting, _) => begin(Rc::downgrade(&self.state)),
            (Phase::Started, Some(handle)) => {
                let _ = call_method(&handle, "loadNow", &[]);
            }
            _ => {}
        }
    }
}

/// Imports the module (unless it is on its way or running) and starts the section in it.
fn begin(weak: Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    {
        let mut s = state.borrow_mut();
        if matches!(s.phase, Phase::Importing | Phase::Started) {
            return;
        }
        s.phase = Phase::Importing;
        s.observer = None;
        if let Some(region) = region(&s.section) {
            let _ = region.set_attribute("aria-busy", "true");
        }
    }
    drop(state);
    spawn_local(async move {
        let started = start_in_module(&weak).await;
        let Some(state) = weak.upgrade() else {
            // Dropped while the module started: release what it made.
            if let Ok(handle) = started {
                destroy(&handle);
            }
            return;
        };
        let mut s = state.borrow_mut();
        match started {
            Ok(handle) => {
                s.handle = Some(handle);
                s.phase = Phase::Started;
            }
            Err(error) => {
                web_sys::console::error_1(&JsValue::from_str(&(String::from("Folio: comments: ") + &error.text())));
                match error {
                    // The placeholder stays, as the in-process section leaves it when its
                    // configuration is refused.
                    LoadError::Start(_) => s.phase = Phase::Started,
                    LoadError::Import(_) | LoadError::NotAModule => {
                        s.phase = Phase::Failed;
                        show_error(&s.section, s.lang);
                    }
                }
            }
        }
    });
}

/// Imports the module and calls its `startComments` with what the section needs.
async fn start_in_module(weak: &Weak<RefCell<State>>) -> Result<JsValue, LoadError> {
    let module = match import_comments() {
        Ok(import) => JsFuture::from(import).await,
        Err(error) => Err(error),
    }
    .map_err(|e| LoadError::Import(message_of(&e)))?;
    let start = Reflect::get(&module, &JsValue::from_str("startComments"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or(LoadError::NotAModule)?;
    let prefetched = weak.upgrade().and_then(|s| s.borrow_mut().prefetched.take());
    let prefetched = match prefetched {
        Some(p) => JsFuture::from(p.page).await.unwrap_or(JsValue::UNDEFINED),
        None => JsValue::UNDEFINED,
    };
    let args = {
        let Some(state) = weak.upgrade() else { return Err(LoadError::Start("the widget is gone.".into())) };
        let s = state.borrow();
        let (list, post) = callback_values(s.callbacks.as_ref());
        let args = [
            JsValue::from(s.host.clone()),
            JsValue::from(s.section.clone()),
            JsValue::from_str(&s.config),
            JsValue::from_str(&s.thread),
            JsValue::from_str(&s.title),
            JsValue::from_str(s.lang.tag()),
            list,
            post,
            prefetched,
        ];
        args.iter().collect::<js_sys::Array>()
    };
    let promise = start.apply(&JsValue::NULL, &args).map_err(|e| LoadError::Start(message_of(&e)))?;
    JsFuture::from(Promise::resolve(&promise)).await.map_err(|e| LoadError::Start(message_of(&e)))
}

/// Shows the comments error box in the list region (Retry tries the import again).
fn show_error(section: &Element, lang: Lang) {
    let Some(region) = region(section) else { return };
    let _ = build::replace_children(&region, &[view::network_error_box(lang.section()).into()]);
    let _ = region.class_list().remove_1("folio-comments-loading");
    let _ = region.set_attribute("aria-busy", "false");
}

fn region(section: &Element) -> Option<Element> {
    section.query_selector("[data-folio-region=\"comments-list\"]").ok().flatten()
}

/// An error's `message` (or the value itself, as text).
fn message_of(error: &JsValue) -> String {
    Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn call_method(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    f.apply(target, &args.iter().collect::<js_sys::Array>())
}

/// Releases the module's section (`destroy()` also frees the handle).
fn destroy(handle: &JsValue) {
    if let Err(e) = call_method(handle, "destroy", &[]) {
        web_sys::console::error_2(&JsValue::from_str("Folio: comments: the section could not be released:"), &e);
    }
}

impl Drop for State {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            destroy(&handle);
        }
    }
}
