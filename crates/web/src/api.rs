//! `mount(element, options)` and the handle it returns, as Rust functions generic over the
//! widget's [`Edition`]: the wasm modules export them (`crates/wasm-core`), the browser tests
//! call them. Errors become JS `Error`s with a stable `code` here and nowhere else; nothing
//! thrown here escapes into the host page's own scripts.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom::fetch::{read, request};
use crate::dom::mark_handled;
use crate::widget::{Callbacks, Edition, Prefetch, Section, Widget};
use folio::article::Article;
use folio::error::Error;
use folio::json;
use folio::options::{ArticleSource, Options};

/// A handle's widget. Boxed: a destroyed handle keeps only its empty slot until the
/// page's garbage collector frees it (wasm-bindgen's FinalizationRegistry), not a
/// widget-sized hole in the wasm heap.
type Held<E> = RefCell<Option<Box<Widget<E>>>>;
type Slot<E> = Rc<Held<E>>;

/// A slot in the registry of mounted widgets, whatever its edition.
trait Mounted {
    /// Whether the widget in the slot is mounted on `host`.
    fn is_on(&self, host: &web_sys::Element) -> bool;
    /// Destroys the widget in the slot.
    fn empty(&self);
}

impl<E: Edition> Mounted for Held<E> {
    fn is_on(&self, host: &web_sys::Element) -> bool {
        self.borrow().as_ref().is_some_and(|w| w.host() == host)
    }

    fn empty(&self) {
        // Take first, then drop, so a re-entrant call finds the slot already empty.
        let widget = self.borrow_mut().take();
        drop(widget);
    }
}

thread_local! {
    /// Every mounted widget. A widget lives until `destroy()` or a new `mount` on the same
    /// host, never only as long as the JS handle: a page that ignores the handle (and lets
    /// it be garbage-collected) keeps its article.
    static MOUNTED: RefCell<Vec<Rc<dyn Mounted>>> = const { RefCell::new(Vec::new()) };
}

/// Destroys the widget mounted on `host`, if any.
fn unmount_host(host: &web_sys::Element) {
    let gone: Vec<Rc<dyn Mounted>> = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let (gone, kept) = m.drain(..).partition(|s| s.is_on(host));
        *m = kept;
        gone
    });
    for slot in gone {
        slot.empty();
    }
}

/// A mounted widget, as the exported `Folio` handle holds it.
pub struct Handle<E: Edition> {
    widget: Slot<E>,
    ready: Promise,
}

impl<E: Edition> Handle<E> {
    /// Renders an article into `element`'s shadow root. See the README for options.
    /// Never throws: problems show in the widget and reject `ready`. Mounting again on the
    /// same element replaces the widget that was there.
    pub fn mount(element: JsValue, options: JsValue) -> Handle<E> {
        crate::dom::url::install();
        let slot: Slot<E> = Rc::new(RefCell::new(None));
        MOUNTED.with(|m| m.borrow_mut().push(slot.clone()));
        let weak = Rc::downgrade(&slot);
        let ready = start(element, &options, weak.clone()).unwrap_or_else(|e| Promise::reject(&fail(&weak, &e)));
        mark_handled(&ready);
        Handle { widget: slot, ready }
    }

    /// Settles when the first render is done: resolves once the article is on screen,
    /// rejects with a `FolioError` (with `code`) when the error box is shown instead.
    pub fn ready(&self) -> Promise {
        self.ready.clone()
    }

    /// Loads the comments now instead of when the section nears the viewport.
    pub fn load_comments(&self) {
        if let Some(w) = self.widget.borrow().as_ref() {
            w.load_comments();
        }
    }

    /// Applies new options. A change to the share bar alone swaps the bar, and leaves the
    /// article and a running comment section alone; a change to the comment section's
    /// options or callbacks, the article, the reading speed or the language renders
    /// everything again. Resolves when done; rejects with a `FolioError` (and shows the
    /// error box) when the new article cannot be shown.
    pub fn update(&self, options: JsValue) -> Promise {
        let promise = apply(self.widget.clone(), &options).unwrap_or_else(|e| Promise::reject(&to_js_error(&e)));
        mark_handled(&promise);
        promise
    }

    /// Removes the widget: aborts requests, drops listeners, empties the shadow root.
    /// Calling it twice is harmless.
    pub fn destroy(&self) {
        let this = Rc::as_ptr(&self.widget).cast::<()>();
        MOUNTED.with(|m| m.borrow_mut().retain(|s| Rc::as_ptr(s).cast::<()>() != this));
        self.widget.empty();
    }
}

/// A failed render (the first, or an update's): the error box in the widget (while there
/// is one), the console told why (unless the widget was destroyed meanwhile), and the
/// `FolioError` that rejects `ready` or the update's promise.
fn fail<E: Edition>(slot: &Weak<Held<E>>, error: &Error) -> JsValue {
    if let Some(slot) = slot.upgrade() {
        if let Some(widget) = slot.borrow().as_ref() {
            widget.show_error(error);
        }
    }
    if *error != Error::Destroyed {
        web_sys::console::error_1(&JsValue::from_str(&(String::from("Folio: ") + &error.text())));
    }
    to_js_error(error)
}

/// The first render: the widget attached now, the article and its language's table
/// loaded (the promise of the rest, which ends with the article on screen).
fn start<E: Edition>(element: JsValue, options: &JsValue, slot: Weak<Held<E>>) -> Result<Promise, Error> {
    let host: web_sys::Element = element
        .dyn_into()
        .map_err(|_| Error::Options("mount(element, options): element must be a DOM element.".into()))?;
    unmount_host(&host);
    let widget = Widget::<E>::attach(host)?;
    let signal = widget.signal();
    let embedded = widget.has_embedded_comments();
    match slot.upgrade() {
        Some(s) => *s.borrow_mut() = Some(Box::new(widget)),
        None => return Err(Error::Destroyed),
    }
    let callbacks = read_callbacks(options);
    let options = read_options(options)?;
    // Eager comments on a named thread need nothing from the article: ask at once (unless
    // the markup carries that page for the section to adopt).
    let prefetched = options
        .comments
        .as_ref()
        .filter(|_| !embedded)
        .and_then(|c| E::Section::prefetch(c, callbacks.clone(), signal.as_ref()));
    crate::widget::prefetch_language(&options);
    Ok(load_article(options, signal.as_ref(), show(slot, callbacks, prefetched)))
}

/// What shows a loaded article (or the error box) in the widget in `slot`: the end of a
/// first render, and of an update that brings a new article.
fn show<E: Edition>(slot: Weak<Held<E>>, callbacks: Option<Callbacks>, prefetched: Option<Prefetch<E>>) -> Loaded {
    Box::new(move |parsed, options, lang| {
        let done = (|| {
            let slot = slot.upgrade().ok_or(Error::Destroyed)?;
            if let Some(widget) = slot.borrow().as_ref() {
                widget.set_lang(lang);
            }
            let parsed = parsed?;
            let mut guard = slot.borrow_mut();
            let widget = guard.as_mut().ok_or(Error::Destroyed)?;
            widget.show_article(parsed, options, lang, callbacks, prefetched);
            Ok(())
        })();
        done.map(|()| JsValue::UNDEFINED).map_err(|e| fail(&slot, &e))
    })
}

/// What [`load_article`] hands its results to: the value (or the error) of its promise out.
type Loaded =
    Box<dyn FnOnce(Result<folio::article::Parsed, Error>, Options, folio::i18n::Lang) -> Result<JsValue, JsValue>>;

/// Reads the article the options name (fetched if need be) and validates it, fetches the
/// table of its language when the wasm does not have it, and hands all three to `then`:
/// the promise of what `then` returns.
fn load_article(options: Options, signal: Option<&web_sys::AbortSignal>, then: Loaded) -> Promise {
    let answer = match &options.article {
        ArticleSource::Url(url) => {
            JsValue::from(request("GET", url, &[("accept", "application/json".into())], None, false, signal))
        }
        _ => JsValue::UNDEFINED,
    };
    crate::dom::when(&answer, move |answer| {
        let parsed = match &options.article {
            ArticleSource::Value(v) => Article::from_json(v),
            ArticleSource::Text(t) => Article::from_json_text(t),
            ArticleSource::Url(url) => match answer.and_then(read) {
                Ok(r) if (200..300).contains(&r.status) => Article::from_json_text(&r.body),
                Ok(r) => Err(Error::Fetch { url: url.clone(), status: Some(r.status) }),
                Err(_) => Err(Error::Fetch { url: url.clone(), status: None }),
            },
        };
        let tag = crate::widget::language(&options, parsed.as_ref().ok().map(|p| &p.article));
        Ok(crate::dom::locales::then(tag, move |lang| then(parsed, options, lang)).into())
    })
}

/// Applies new options to a mounted widget: only the share bar or the comment section
/// when only they changed, else a new render of everything (the promise of its end).
fn apply<E: Edition>(slot: Slot<E>, options: &JsValue) -> Result<Promise, Error> {
    let callbacks = read_callbacks(options);
    let options = read_options(options)?;
    let (same_article, signal) = {
        let guard = slot.borrow();
        let widget = guard.as_ref().ok_or(Error::Destroyed)?;
        let same = widget.options().is_some_and(|o| {
            o.article == options.article && o.words_per_minute == options.words_per_minute && o.lang == options.lang
        });
        (same, widget.signal())
    };
    if same_article {
        slot.borrow_mut().as_mut().ok_or(Error::Destroyed)?.update(options, callbacks);
        return Ok(Promise::resolve(&JsValue::UNDEFINED));
    }
    Ok(load_article(options, signal.as_ref(), show(Rc::downgrade(&slot), callbacks, None)))
}

/// JS object -> JSON text -> [`Options`]. Functions in the object (callbacks) are read
/// separately by whoever needs them; JSON drops them.
fn read_options(options: &JsValue) -> Result<Options, Error> {
    if options.is_undefined() || options.is_null() {
        return Options::from_json(json::Value::Null);
    }
    let text = js_sys::JSON::stringify(options).ok().and_then(|s| s.as_string()).ok_or_else(|| {
        Error::Options("options could not be read as JSON (a circular reference or a BigInt?).".into())
    })?;
    let value = json::parse(&text).map_err(|e| Error::Options(String::from("options: ") + &e.text()))?;
    Options::from_json(value)
}

/// The callbacks backend's functions, `options.comments.list` and `.post` (JSON, which
/// carries the rest of the options, drops functions).
fn read_callbacks(options: &JsValue) -> Option<Callbacks> {
    let comments = js_sys::Reflect::get(options, &JsValue::from_str("comments")).ok()?;
    let function = |name: &str| {
        js_sys::Reflect::get(&comments, &JsValue::from_str(name)).ok()?.dyn_into::<js_sys::Function>().ok()
    };
    Some(Callbacks { list: function("list")?, post: function("post") })
}

/// A JS `Error` named `FolioError` with `code` and `details` (an array of strings).
fn to_js_error(error: &Error) -> JsValue {
    let e = js_sys::Error::new(&error.text());
    e.set_name("FolioError");
    let details: js_sys::Array = error.details().iter().map(|d| JsValue::from_str(d)).collect();
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(error.code()));
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("details"), &details);
    e.into()
}
