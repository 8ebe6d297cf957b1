//! An `IntersectionObserver` owned by a value: dropping it disconnects the observer and
//! frees its callback, like gloo's `EventListener`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Calls back once when `target` comes within `margin` of the viewport, then stops.
#[must_use = "the observer disconnects when dropped"]
pub struct NearViewport {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl NearViewport {
    /// Watches `target`; `margin` is a CSS margin such as `"1250px 0px"`.
    pub fn new(target: &Element, margin: &str, mut on_near: impl FnMut() + 'static) -> Result<NearViewport, JsValue> {
        let mut fired = false;
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
            if near && !fired {
                fired = true;
                on_near();
            }
        });
        let init = IntersectionObserverInit::new();
        init.set_root_margin(margin);
        let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)?;
        observer.observe(target);
        Ok(NearViewport { observer, _callback: callback })
    }
}

impl Drop for NearViewport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Mirrors the page's own theme switch onto a host element: a `data-theme="dark|light"`
/// attribute or a `dark`/`light` class on `<html>` becomes `data-folio-page-theme` on the
/// host, which the stylesheet follows when the widget's theme is `auto`. Watched, so a
/// host's toggle updates Folio live; dropping it stops watching.
#[must_use = "the watcher stops when dropped"]
pub struct PageTheme {
    observer: web_sys::MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl PageTheme {
    /// Starts mirroring onto `host` (and applies the current theme at once).
    pub fn watch(host: &Element) -> Result<PageTheme, JsValue> {
        let html = super::document()?.document_element().ok_or_else(|| JsValue::from_str("no <html>"))?;
        let apply = {
            let (html, host) = (html.clone(), host.clone());
            move || {
                let theme = page_theme(&html);
                let _ = match theme {
                    Some(t) => host.set_attribute("data-folio-page-theme", t),
                    None => host.remove_attribute("data-folio-page-theme"),
                };
            }
        };
        apply();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| apply());
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let init = web_sys::MutationObserverInit::new();
        init.set_attributes(true);
        init.set_attribute_filter(&js_sys::Array::of2(&"class".into(), &"data-theme".into()));
        observer.observe_with_options(&html, &init)?;
        Ok(PageTheme { observer, _callback: callback })
    }
}

/// `dark` or `light` from `<html data-theme>` first, else from its class list.
fn page_theme(html: &Element) -> Option<&'static str> {
    match super::get_attr(html, "data-theme").as_deref().map(str::trim) {
        Some("dark") => return Some("dark"),
        Some("light") => return Some("light"),
        _ => {}
    }
    let class = super::get_attr(html, "class").unwrap_or_default();
    let has = |name: &str| class.split_ascii_whitespace().any(|c| c == name);
    if has("dark") {
        Some("dark")
    } else if has("light") {
        Some("light")
    } else {
        None
    }
}

impl Drop for PageTheme {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
