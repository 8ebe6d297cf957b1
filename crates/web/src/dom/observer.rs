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
