//! The browser edge: view tree -> DOM nodes, the shared stylesheet, fetch, and small
//! helpers for events. Everything that touches `web-sys` lives below here (and in
//! `widget`); nothing here decides what to show.

pub mod build;
pub mod fetch;
pub mod intl;
pub mod live;
pub mod locales;
pub mod observer;
pub mod page;
pub mod storage;
pub mod style;
pub mod url;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Document, EventTarget, Window};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `globalThis`, read directly (`web_sys::window()` tries four names for it, each with
    /// a JS shim).
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL: JsValue;

    /// An element or a storage, for the calls below, which answer a string or `null` as the
    /// JS value it is: read then as a string, which every module does anyway, instead of
    /// through a glue function each (web-sys's `get_attribute`, `text_content` and
    /// `get_item` write an optional string into the wasm's memory).
    type Strings;

    /// `element.getAttribute(name)`.
    #[wasm_bindgen(method, js_name = getAttribute)]
    fn attribute_value(this: &Strings, name: &str) -> JsValue;

    /// `node.textContent`.
    #[wasm_bindgen(method, getter = textContent)]
    fn text_value(this: &Strings) -> JsValue;

    /// `storage.getItem(key)`.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn item_value(this: &Strings, key: &str) -> Result<JsValue, JsValue>;
}

/// The page's window. Folio only runs in a window (not a worker); elsewhere this is an error.
pub fn window() -> Result<Window, JsValue> {
    GLOBAL.with(|g| g.clone()).dyn_into().map_err(|_| JsValue::from_str("Folio needs a browser window"))
}

/// Whether the browser says it is online (`navigator.onLine`; true when it cannot tell).
pub fn online() -> bool {
    window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// The page's document.
pub fn document() -> Result<Document, JsValue> {
    window()?.document().ok_or_else(|| JsValue::from_str("Folio needs a document"))
}

/// The page's language, `<html lang>`, if it has one.
pub fn page_lang() -> Option<String> {
    get_attr(&document().ok()?.document_element()?, "lang")
}

/// Attribute `name` of `element`, `None` when it has none.
pub fn get_attr(element: &web_sys::Element, name: &str) -> Option<String> {
    element.unchecked_ref::<Strings>().attribute_value(name).as_string()
}

/// The text of `node` (`textContent`).
pub fn text_of(node: &web_sys::Node) -> Option<String> {
    node.unchecked_ref::<Strings>().text_value().as_string()
}

/// The first element under `root` that matches `selector`; `None` when there is none (or
/// the selector is invalid). Out of line: the ~30 queries of the comment section share one
/// copy of unpacking the browser's answer.
#[inline(never)]
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Sets attribute `name` of `element` to `value`, or removes it (`None`). Out of line, as
/// [`find`] is.
#[inline(never)]
pub fn attr(element: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => element.set_attribute(name, value),
        None => element.remove_attribute(name),
    };
}

/// The string property `name` of a JS object (`""` when it has none or it is not a
/// string): one property read instead of a cast and a getter per element or event type.
pub fn string_property(target: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// The `value` of a form control (input, textarea, select), `""` for anything else.
pub fn value(control: &JsValue) -> String {
    string_property(control, "value")
}

/// Dispatches `name` on `target` as a `CustomEvent` that bubbles and crosses shadow
/// boundaries (`composed`), with `detail`.
pub fn dispatch(target: &EventTarget, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is reported by the browser; it must not stop Folio.
        let _ = target.dispatch_event(&event);
    }
}

/// A plain JS object built from string pairs, for event details.
pub fn object(pairs: &[(&str, &JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.unchecked_into()
}

/// A DOM event listener that is removed when dropped (gloo's `EventListener`, in the
/// few lines Folio needs).
#[must_use = "the listener is removed when dropped"]
pub struct Listener {
    target: EventTarget,
    name: &'static str,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Calls `f` for every `name` event on `target` until dropped.
    pub fn new(target: &EventTarget, name: &'static str, f: impl FnMut(&web_sys::Event) + 'static) -> Listener {
        Listener::boxed(target, name, Box::new(f))
    }

    /// [`Listener::new`] with `f` boxed: one copy of this code (and of wasm-bindgen's
    /// closure glue) in the wasm for every listener.
    fn boxed(target: &EventTarget, name: &'static str, mut f: Box<dyn FnMut(&web_sys::Event)>) -> Listener {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| f(&e));
        let _ = target.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        Listener { target: target.clone(), name, callback }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.name, self.callback.as_ref().unchecked_ref());
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/fetch.js")]
extern "C" {
    /// Calls `f(true, value)` or `f(false, error)` once `promise` settles; the promise of
    /// what `f` returns or throws.
    fn settled(promise: &JsValue, f: &JsValue) -> js_sys::Promise;

    /// Marks `promise` handled, so that a failure nobody observes is not an "uncaught"
    /// error in the host's console; `.catch()` and `await` still see the rejection (the
    /// handler is JS's: a Rust one would be one more closure type, and its glue, in the
    /// wasm).
    #[wasm_bindgen(js_name = handled)]
    pub fn mark_handled(promise: &js_sys::Promise);
}

/// Calls `f` with what `promise` (a promise or any value) settles to, `Ok` when it
/// fulfils, `Err` when it rejects: the promise of what `f` returns (`Err` rejects it). A
/// callback, not a compiled future: work that waits for one value this way costs a
/// closure instead of a state machine and an executor to poll it.
pub fn when(
    promise: &JsValue,
    f: impl FnOnce(Result<JsValue, JsValue>) -> Result<JsValue, JsValue> + 'static,
) -> js_sys::Promise {
    when_boxed(promise, Box::new(f))
}

/// What [`when`] calls: a promise's outcome in, the value of the promise it returns out.
type Settled = Box<dyn FnOnce(Result<JsValue, JsValue>) -> Result<JsValue, JsValue>>;

/// [`when`] for every `f`: one closure type, whose glue the wasm carries once.
fn when_boxed(promise: &JsValue, f: Settled) -> js_sys::Promise {
    let f = wasm_bindgen::closure::Closure::once_into_js(move |ok: bool, value: JsValue| {
        f(if ok { Ok(value) } else { Err(value) })
    });
    settled(promise, &f)
}
