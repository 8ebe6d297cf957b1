//! `fetch` for the pure core's request descriptions: method, URL, headers, body in;
//! status, headers, body text out. Owned by an `AbortController` so dropping the widget
//! cancels what is in flight.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

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

/// Performs a request (`credentials`: send and accept cookies cross-origin), aborted
/// after [`TIMEOUT_MS`] or when `signal` aborts. `Err` means no HTTP answer at all
/// (network down, CORS, CSP, aborted, timed out); any status, even 500, is `Ok`, and a
/// body cut off after the status arrived (or by the timeout) is an empty body.
pub async fn fetch(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<&str>,
    credentials: bool,
    signal: Option<&AbortSignal>,
) -> Result<Fetched, JsValue> {
    // One controller for this request: the timer and the caller's signal both abort it.
    let controller = web_sys::AbortController::new()?;
    let timeout = {
        let c = controller.clone();
        gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || c.abort())
    };
    if signal.is_some_and(AbortSignal::aborted) {
        controller.abort();
    }
    let _follow = signal.map(|outer| {
        let c = controller.clone();
        super::Listener::new(outer, "abort", move |_| c.abort())
    });
    let result = request(method, url, headers, body, credentials, &controller.signal()).await;
    drop(timeout);
    result
}

async fn request(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<&str>,
    credentials: bool,
    signal: &AbortSignal,
) -> Result<Fetched, JsValue> {
    if signal.aborted() {
        return Err(JsValue::from_str("aborted"));
    }
    let init = RequestInit::new();
    init.set_method(method);
    if credentials {
        // Isso's edit/delete cookie, across origins.
        init.set_credentials(web_sys::RequestCredentials::Include);
    }
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(b));
    }
    if !headers.is_empty() {
        let h = web_sys::Headers::new()?;
        for (k, v) in headers {
            h.append(k, v)?;
        }
        init.set_headers(&h);
    }
    init.set_signal(Some(signal));
    let window = super::window()?;
    read(JsFuture::from(window.fetch_with_str_and_init(url, &init)).await?).await
}

/// Reads a request someone else made: `response` is the promise `fetch()` returned (the
/// split core sends a section's first list request while the comments module loads).
/// Errors and bodies as for [`fetch`]; the maker owns the timeout.
pub async fn settle(response: js_sys::Promise) -> Result<Fetched, JsValue> {
    read(JsFuture::from(response).await?).await
}

/// Status, headers and body text of what `fetch()` resolved to.
async fn read(response: JsValue) -> Result<Fetched, JsValue> {
    let response: Response = response.dyn_into()?;
    let mut pairs = Vec::new();
    if let Ok(Some(iter)) = js_sys::try_iter(&response.headers()) {
        for entry in iter.flatten() {
            let entry: js_sys::Array = entry.unchecked_into();
            if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                pairs.push((k.to_ascii_lowercase(), v));
            }
        }
    }
    // The status has arrived; a body that then fails to arrive (connection dropped) is an
    // empty body, not "no answer": the caller must still know the server said 201.
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok(Fetched { status: response.status(), headers: pairs, body: text })
}
