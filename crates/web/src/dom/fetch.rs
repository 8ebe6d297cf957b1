//! `fetch` for the pure core's request descriptions: method, URL, headers, body in;
//! status, headers, body text out. Owned by an `AbortController` so dropping the widget
//! cancels what is in flight. The browser side (controller, timer, reading the response)
//! is `js/fetch.js`, written into the glue: once there, instead of in every function that
//! waits for a request. What is sent is a promise; `dom::when` hands its answer on.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// What came back.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// HTTP status.
    pub status: u16,
    /// Response headers, names lower-case.
    pub headers: Vec<(String, String)>,
    /// Body as text.
    pub body: String,
}

/// How long any request may take before Folio gives up on it (and says the server did not
/// answer): a server that never answers must not leave "Loading…" or "Posting…" forever.
pub const TIMEOUT_MS: u32 = 20_000;

#[wasm_bindgen(module = "/js/fetch.js")]
extern "C" {
    /// `fetch` with a controller aborted after `timeout` ms or by `signal`: resolves to
    /// `[status, [name, value, ...], body]`, rejects when there is no HTTP answer.
    #[wasm_bindgen(js_name = request)]
    fn js_request(
        method: &str,
        url: &str,
        headers: &Array,
        body: Option<&str>,
        credentials: bool,
        signal: Option<AbortSignal>,
        timeout: u32,
    ) -> Promise;
    /// `[status, [name, value, ...], body]` of the promise `fetch()` returned.
    #[wasm_bindgen(js_name = settle)]
    fn js_settle(response: Promise) -> Promise;
    /// A promise resolved after `ms` milliseconds, or when `signal` aborts.
    #[wasm_bindgen(js_name = sleep)]
    fn js_sleep(ms: u32, signal: Option<AbortSignal>) -> Promise;
}

/// A promise resolved after `ms` milliseconds (between two attempts of a request), or
/// when `signal` aborts: whoever waits checks afterwards whether it should still go on.
pub fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Promise {
    js_sleep(ms, signal.cloned())
}

/// Sends a request (`credentials`: send and accept cookies cross-origin), aborted after
/// [`TIMEOUT_MS`] or when `signal` aborts: the promise of its answer, which [`read`]
/// reads. It rejects when there is no HTTP answer at all (network down, CORS, CSP,
/// aborted, timed out); any status, even 500, is an answer, and a body cut off after the
/// status arrived (or by the timeout) is an empty body.
pub fn request(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<&str>,
    credentials: bool,
    signal: Option<&AbortSignal>,
) -> Promise {
    let flat = Array::new();
    for (name, value) in headers {
        flat.push(&JsValue::from_str(name));
        flat.push(&JsValue::from_str(value));
    }
    js_request(method, url, &flat, body, credentials, signal.cloned(), TIMEOUT_MS)
}

/// Reads a request someone else made: `response` is the promise `fetch()` returned (the
/// split core sends a section's first list request while the comments module loads). The
/// promise of the answer as for [`request`]; the maker owns the timeout.
pub fn settle(response: Promise) -> Promise {
    js_settle(response)
}

/// A [`Fetched`] from what [`request`]'s promise resolved to.
pub fn read(answer: JsValue) -> Result<Fetched, JsValue> {
    let answer: Array = answer.dyn_into()?;
    let status = answer.get(0).as_f64().unwrap_or(0.0) as u16;
    let list: Array = answer.get(1).dyn_into()?;
    let mut headers = Vec::new();
    let mut i = 0;
    while i + 1 < list.length() {
        if let (Some(k), Some(v)) = (list.get(i).as_string(), list.get(i + 1).as_string()) {
            headers.push((k, v));
        }
        i += 2;
    }
    Ok(Fetched { status, headers, body: answer.get(2).as_string().unwrap_or_default() })
}
