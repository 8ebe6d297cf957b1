//! The share bar in headless Chromium: order and accessible names as configured, the
//! `folio-share` event, and the copy-link fallback when the Clipboard API is missing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRoot};

mod support;
use support::{mount, Folio};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../../../www/articles/kaspersky-reputation.json");
const CANONICAL: &str =
    "https://www.esecurityplanet.com/network-security/kaspersky-lab-defends-its-reputation-against-allegations.html";

fn host() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

async fn mount_with_share(share_json: &str) -> (Element, Folio) {
    let el = host();
    let options = js_sys::JSON::parse(&format!(r#"{{"share": {share_json}}}"#)).unwrap();
    js_sys::Reflect::set(&options, &"article".into(), &SEED.into()).unwrap();
    let handle = mount(el.clone().into(), options);
    JsFuture::from(handle.ready()).await.expect("ready");
    (el, handle)
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

fn attr(e: &Element, name: &str) -> String {
    e.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_bar_follows_the_configured_order_and_names() {
    let (el, handle) =
        mount_with_share(r#"{"networks": ["linkedin", "Google+", "x", "email", "copy", "nonsense"]}"#).await;
    let root = el.shadow_root().unwrap();
    let nav = root.query_selector("nav.folio-share").unwrap().expect("a share <nav>");
    assert_eq!(attr(&nav, "aria-label"), "Share this article");
    let controls = all(&root, "[data-folio-share]");
    let ids: Vec<String> = controls.iter().map(|c| attr(c, "data-folio-share")).collect();
    assert_eq!(
        ids,
        ["linkedin", "x", "email", "copy"],
        "Google+ and the unknown name are dropped, the rest keep their order"
    );
    let names: Vec<String> = controls.iter().map(|c| attr(c, "aria-label")).collect();
    assert_eq!(names, ["Share on LinkedIn", "Share on X", "Share on Email", "Copy link"]);
    let linkedin = &controls[0];
    assert_eq!(attr(linkedin, "rel"), "noopener noreferrer");
    assert_eq!(attr(linkedin, "target"), "_blank");
    assert!(attr(linkedin, "href")
        .starts_with("https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fwww.esecurityplanet.com"));
    assert!(all(&root, "[data-folio-share] svg").iter().all(|s| attr(s, "aria-hidden") == "true"));
    // The bar sits above the body by default, as on the seed page.
    assert!(root.query_selector(".folio-share + .folio-body").unwrap().is_some());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn clicking_a_share_link_dispatches_folio_share() {
    let (el, handle) = mount_with_share(r#"{"networks": ["reddit", "hackernews"]}"#).await;
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let record = {
        let seen = seen.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let network = js_sys::Reflect::get(&e.detail(), &"network".into()).unwrap().as_string().unwrap();
            assert!(e.bubbles() && e.composed());
            seen.borrow_mut().push(network);
        })
    };
    // The test page must not navigate away: cancel the link's default action above it.
    let stop = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    let body = web_sys::window().unwrap().document().unwrap().body().unwrap();
    body.add_event_listener_with_callback("folio-share", record.as_ref().unchecked_ref()).unwrap();
    el.add_event_listener_with_callback("click", stop.as_ref().unchecked_ref()).unwrap();
    let root = el.shadow_root().unwrap();
    // Click the icon inside the link, as a reader would: delegation finds the control.
    let icon: web_sys::HtmlElement =
        root.query_selector("[data-folio-share=hackernews] .folio-share-label").unwrap().unwrap().dyn_into().unwrap();
    icon.click();
    assert_eq!(*seen.borrow(), ["hackernews"]);
    body.remove_event_listener_with_callback("folio-share", record.as_ref().unchecked_ref()).unwrap();
    el.remove_event_listener_with_callback("click", stop.as_ref().unchecked_ref()).unwrap();
    handle.destroy();
}

#[wasm_bindgen_test]
async fn copy_falls_back_to_a_selected_field_without_the_clipboard_api() {
    let navigator = web_sys::window().unwrap().navigator();
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    js_sys::Object::define_property(&navigator, &"clipboard".into(), &descriptor);

    let (el, handle) = mount_with_share(r#"{"networks": ["copy"]}"#).await;
    let root = el.shadow_root().unwrap();
    let field = root.query_selector("[data-folio-copy-field]").unwrap().unwrap();
    assert!(field.has_attribute("hidden"));
    let button: web_sys::HtmlElement =
        root.query_selector("[data-folio-action=copy]").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    // The copy runs in a microtask; give it a turn.
    JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await.unwrap();
    JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await.unwrap();
    assert!(!field.has_attribute("hidden"), "the link field is shown");
    let input: web_sys::HtmlInputElement = field.dyn_into().unwrap();
    assert_eq!(input.value(), CANONICAL);
    assert_eq!(
        root.active_element().map(|a| a.tag_name()),
        Some("INPUT".to_string()),
        "and focused for copying by hand"
    );
    let live = root.query_selector("[data-folio-live=share]").unwrap().unwrap();
    assert_eq!(attr(&live, "aria-live"), "polite");
    assert!(live.text_content().unwrap().starts_with("Could not copy"));

    js_sys::Reflect::delete_property(&navigator, &"clipboard".into()).unwrap();
    handle.destroy();
}

#[wasm_bindgen_test]
async fn share_false_renders_no_bar_and_both_renders_two() {
    let (el, handle) = mount_with_share("false").await;
    assert!(el.shadow_root().unwrap().query_selector("nav").unwrap().is_none());
    handle.destroy();
    let (el, handle) = mount_with_share(r#"{"placement": "both", "networks": ["x"]}"#).await;
    let root = el.shadow_root().unwrap();
    assert_eq!(all(&root, ".folio-share").len(), 2);
    assert_eq!(all(&root, "nav.folio-share").len(), 1, "one share landmark; the second bar is a group");
    handle.destroy();
}
