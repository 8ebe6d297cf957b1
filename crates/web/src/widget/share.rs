//! The share bar's behaviour in the browser: one delegated `click` listener on the shadow
//! root handles every control (found by its `data-folio-*` attributes), so the bar needs no
//! per-button listeners and no inline handlers.
//!
//! - every control dispatches `folio-share` (detail `{network, url}`) on the host;
//! - copy: the async Clipboard API, "Link copied" in the live region; when the API is
//!   missing or refused, the read-only link field is shown and selected instead;
//! - native share: `navigator.share` in the click handler; a cancel is not an error;
//! - popup links: a ~600x500 window opened in the handler, cut off from this page; when the
//!   popup is blocked the link's own `target="_blank"` navigation goes ahead.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlInputElement, ShadowRoot};

use crate::dom;
use std::cell::Cell;
use std::rc::Rc;

use folio::i18n::Lang;
use folio::share::ShareText;

/// Listens for clicks on share controls inside `root`; dropping the listener unwires them.
#[must_use = "the share bar stops working when the listener is dropped"]
pub fn wire(root: &ShadowRoot, host: &Element, lang: Rc<Cell<Lang>>) -> dom::Listener {
    let host = host.clone();
    dom::Listener::new(root, "click", move |event| {
        let Some(control) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-folio-share]").ok().flatten())
        else {
            return;
        };
        let network = dom::get_attr(&control, "data-folio-share").unwrap_or_default();
        let url = dom::get_attr(&control, "href").or_else(|| dom::get_attr(&control, "data-url")).unwrap_or_default();
        // With the bar both above and below the article, each has its own field and
        // live region: act on the bar that was clicked.
        let bar = control.closest(".folio-share").ok().flatten().unwrap_or_else(|| control.clone());
        match dom::get_attr(&control, "data-folio-action").as_deref() {
            Some("copy") => copy(&bar, url.clone(), lang.get().share()),
            Some("native-share") => native_share(&control),
            _ if control.has_attribute("data-folio-popup") => popup(event, &url),
            _ => {}
        }
        let detail = dom::object(&[("network", &JsValue::from_str(&network)), ("url", &JsValue::from_str(&url))]);
        dom::dispatch(&host, "folio-share", &detail);
    })
}

/// Un-hides the native-share button (and its list item) where the browser can share this
/// URL and title.
pub fn reveal_native_share(root: &ShadowRoot) {
    let Ok(Some(button)) = root.query_selector("[data-folio-action=native-share]") else { return };
    let Ok(navigator) = dom::window().map(|w| w.navigator()) else { return };
    let data = share_data(&button);
    let can_share = js_sys::Reflect::get(&navigator, &JsValue::from_str("canShare"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&navigator, &data).ok())
        .is_some_and(|r| r.is_truthy());
    if can_share {
        let _ = button.remove_attribute("hidden");
        if let Some(li) = button.parent_element() {
            let _ = li.remove_attribute("hidden");
        }
    }
}

fn share_data(button: &Element) -> JsValue {
    dom::object(&[
        ("url", &JsValue::from_str(&dom::get_attr(button, "data-url").unwrap_or_default())),
        ("title", &JsValue::from_str(&dom::get_attr(button, "data-title").unwrap_or_default())),
    ])
}

fn call_method(target: &JsValue, name: &str, arg: &JsValue) -> Option<JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into().ok()?;
    f.call1(target, arg).ok()
}

fn copy(bar: &Element, url: String, text: &'static ShareText) {
    let bar = bar.clone();
    let clipboard =
        dom::window().ok().and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard")).ok());
    let write =
        clipboard.filter(|c| !c.is_undefined()).and_then(|c| call_method(&c, "writeText", &JsValue::from_str(&url)));
    let done = move |copied: bool| {
        if copied {
            announce(&bar, text.link_copied);
        } else {
            show_link_field(&bar);
            announce(&bar, text.copy_failed);
        }
        Ok(JsValue::UNDEFINED)
    };
    match write.filter(|p| p.is_instance_of::<js_sys::Promise>()) {
        Some(promise) => {
            let _ = dom::when(&promise, move |r| done(r.is_ok()));
        }
        None => {
            let _ = done(false);
        }
    }
}

/// Shows the read-only link field, focused and selected, for the reader to copy by hand.
fn show_link_field(bar: &Element) {
    let Ok(Some(field)) = bar.query_selector("[data-folio-copy-field]") else { return };
    let _ = field.remove_attribute("hidden");
    if let Ok(input) = field.dyn_into::<HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    }
}

fn announce(bar: &Element, message: &str) {
    if let Ok(Some(live)) = bar.query_selector("[data-folio-live=share]") {
        // Clear first so the same message twice is announced twice.
        live.set_text_content(None);
        live.set_text_content(Some(message));
    }
}

fn native_share(button: &Element) {
    let Ok(navigator) = dom::window().map(|w| w.navigator()) else { return };
    if let Some(promise) =
        call_method(&navigator, "share", &share_data(button)).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    {
        // A cancel rejects with AbortError: that is the reader's choice, not a failure.
        let _ = dom::when(&promise, |_| Ok(JsValue::UNDEFINED));
    }
}

/// Opens `url` in a small window. A window opened with the `noopener` (or `noreferrer`)
/// feature comes back as `null` whether it opened or was blocked, so the window is opened
/// empty, cut off from this page (`opener = null`: the share page gets no handle on this
/// one, as with `noopener`), and then sent to the share URL. If the popup was blocked, the
/// link's own `target="_blank" rel="noopener noreferrer"` navigation goes ahead.
fn popup(event: &Event, url: &str) {
    let Ok(window) = dom::window() else { return };
    let features = "popup,width=600,height=500";
    let Ok(Some(opened)) = window.open_with_url_and_target_and_features("about:blank", "_blank", features) else {
        return;
    };
    let _ = js_sys::Reflect::set(&opened, &JsValue::from_str("opener"), &JsValue::NULL);
    if opened.location().replace(url).is_ok() {
        event.prevent_default();
    } else {
        let _ = opened.close();
    }
}
