//! The comment section of the [`Split`](super::Split) edition (what pages download): the
//! same interface as the in-process section (`widget/comments.rs`), but what it starts is
//! the comments module (`pkg/folio_comments.js`, the crate `crates/wasm-comments`),
//! imported when the section is needed: when it nears the viewport, at once with
//! `load: "eager"` (the import then starts at mount time, with the article), or on
//! `loadComments()`. The module gets the host, the section (whose data attributes hold the
//! configuration, the thread and the title; the root's `lang` the language), the host's
//! callbacks and what the prefetch brought, and returns a handle this section keeps and
//! destroys when it is dropped.
//!
//! When the module cannot be loaded, the list region shows the comments error box (with
//! Retry, which tries again) and the console says why; the article is not touched.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortSignal, Element};

use crate::dom::{build, fetch, observer::NearViewport, Listener};
use folio::comments::config::CommentsConfig;
use folio::comments::markup::{Action, Region};
use folio::comments::{view, Method};
use folio::i18n::Lang;

use super::callbacks::Callbacks;
use super::section::Section;
use super::NEAR_MARGIN;

#[wasm_bindgen(module = "/js/comments.js")]
extern "C" {
    /// Imports the module: resolves to `[startComments, prefetched]` (what
    /// `prefetchComments` returned, or `undefined`), rejects with a sentence saying why the
    /// module could not be had.
    #[wasm_bindgen(js_name = importSection)]
    fn import_section(prefetched: &JsValue) -> Promise;

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

/// The callbacks as `startComments` arguments (`undefined` for none).
fn callback_values(callbacks: Option<&Callbacks>) -> (JsValue, JsValue) {
    match callbacks {
        Some(cb) => (JsValue::from(cb.list.clone()), cb.post.clone().map_or(JsValue::UNDEFINED, JsValue::from)),
        None => (JsValue::UNDEFINED, JsValue::UNDEFINED),
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

    /// Imports the comments module and starts it when the section nears the viewport, or at
    /// once with `load: "eager"`. The module reads the configuration, the thread, the title
    /// and the language from the placeholder ([`folio::compose::comments_placeholder`] writes
    /// them), so `_thread` and `_title` are not kept: the parameters are the in-process
    /// section's.
    fn start(
        host: &Element,
        section: Element,
        config: &CommentsConfig,
        _thread: String,
        _title: String,
        callbacks: Option<Callbacks>,
        lang: Lang,
        prefetched: Option<Prefetch>,
    ) -> Result<CommentSection, String> {
        let state = Rc::new(RefCell::new(State {
            host: host.clone(),
            section: section.clone(),
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
                    .and_then(|t| t.closest(Action::RetryComments.selector()).ok().flatten())
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

    /// Imports the module if it is not there yet.
    fn load_now(&self) {
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
    let prefetched = state.borrow_mut().prefetched.take().map_or(JsValue::UNDEFINED, |p| p.page);
    drop(state);
    let _ = crate::dom::when(&import_section(&prefetched), move |imported| {
        let Some(state) = weak.upgrade() else { return Ok(JsValue::UNDEFINED) };
        let started = imported.map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            let s = state.borrow();
            let (list, post) = callback_values(s.callbacks.as_ref());
            let options = crate::dom::object(&[
                ("host", &s.host),
                ("section", &s.section),
                ("list", &list),
                ("post", &post),
                ("early", &pair.get(1)),
            ]);
            let start: Function = pair.get(0).unchecked_into();
            start.call1(&JsValue::NULL, &options).unwrap_or_else(|e| Promise::reject(&e).into())
        });
        match started {
            Ok(promise) => {
                let _ = crate::dom::when(&promise, move |started| {
                    started_in_module(&weak, started);
                    Ok(JsValue::UNDEFINED)
                });
            }
            Err(why) => {
                let mut s = state.borrow_mut();
                console_error(&why.as_string().unwrap_or_default());
                s.phase = Phase::Failed;
                show_error(&s.section, s.lang);
            }
        }
        Ok(JsValue::UNDEFINED)
    });
}

/// What `startComments` came to: the section's handle is kept (or released, when this
/// section is gone meanwhile); a refusal leaves the placeholder, as the in-process section
/// leaves it when its configuration is refused.
fn started_in_module(weak: &Weak<RefCell<State>>, started: Result<JsValue, JsValue>) {
    let Some(state) = weak.upgrade() else {
        // Dropped while the module started: release what it made.
        if let Ok(handle) = started {
            destroy(&handle);
        }
        return;
    };
    let mut s = state.borrow_mut();
    s.phase = Phase::Started;
    match started {
        Ok(handle) => s.handle = Some(handle),
        Err(error) => console_error(&message_of(&error)),
    }
}

fn console_error(why: &str) {
    web_sys::console::error_1(&JsValue::from_str(&(String::from("Folio: comments: ") + why)));
}

/// An error's `message` (or the value itself, as text).
fn message_of(error: &JsValue) -> String {
    Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Shows the comments error box in the list region (Retry tries the import again).
fn show_error(section: &Element, lang: Lang) {
    let Some(region) = region(section) else { return };
    let _ = build::replace_children(&region, &[view::network_error_box(lang.section()).into()]);
    let _ = region.class_list().remove_1("folio-comments-loading");
    let _ = region.set_attribute("aria-busy", "false");
}

fn region(section: &Element) -> Option<Element> {
    section.query_selector(Region::List.selector()).ok().flatten()
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
