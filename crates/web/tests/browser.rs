//! Mounting Folio in headless Chromium: what a reader sees in the shadow root, what a
//! hostile article cannot do, and how errors and `destroy()` behave.
#![cfg(target_arch = "wasm32")]

use folio::json::{self, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRoot};

mod support;
use support::{mount, Folio};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../../../www/articles/kaspersky-reputation.json");

/// A fresh host element for each test, attached to the body.
fn host() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

async fn ready(handle: &Folio) -> Result<JsValue, JsValue> {
    JsFuture::from(handle.ready()).await
}

fn shadow(el: &Element) -> ShadowRoot {
    el.shadow_root().expect("a shadow root")
}

fn query_all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

fn text_of(root: &ShadowRoot, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn strings_at(v: &Value, key: &str) -> Vec<String> {
    v.get("body")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .filter(|b| b.get("type").and_then(Value::as_str) == Some(key))
        .filter_map(|b| b.get("text").and_then(Value::as_str).map(str::to_string))
        .collect()
}

#[wasm_bindgen_test]
async fn renders_the_seed_article_into_the_shadow_root() {
    let el = host();
    let handle = mount(el.clone().into(), options(&[("article", JsValue::from_str(SEED))]));
    ready(&handle).await.expect("ready resolves");
    assert_eq!(el.get_attribute("data-folio-state").as_deref(), Some("ready"));
    let root = shadow(&el);
    assert_eq!(text_of(&root, "article h1"), "Kaspersky Lab Defends Its Reputation Against Allegations");
    assert!(text_of(&root, ".folio-byline").contains("By Sean Michael Kerner"));
    let time = root.query_selector("time[datetime]").unwrap().expect("a <time>");
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2017-07-13T09:00:00-04:00"));
    assert_eq!(time.text_content().as_deref(), Some("July 13, 2017"));

    let seed = json::parse(SEED).unwrap();
    let rendered: Vec<String> = query_all(&root, ".folio-body > p").iter().filter_map(|p| p.text_content()).collect();
    let paragraphs = strings_at(&seed, "paragraph");
    assert_eq!(paragraphs.len(), 10);
    assert_eq!(rendered, paragraphs, "every paragraph, in order, word for word");
    let quotes = strings_at(&seed, "quote");
    let blockquotes = query_all(&root, "blockquote p");
    assert_eq!(blockquotes.len(), quotes.len());
    assert_eq!(blockquotes[0].text_content().unwrap(), quotes[0]);
    assert!(text_of(&root, "blockquote cite").contains("Eugene Kaspersky"));
    assert!(text_of(&root, "[part=bio]").contains("Follow him on Twitter @TechJournalist."));
    handle.destroy();
}

const HOSTILE: &str =
    r#"<img src=x onerror="window.folioPwned=1"><script>window.folioPwned=1</script>"'&amp;javascript:alert(1)"#;

fn hostile_article() -> String {
    let mut h = String::new();
    json::write_string(&mut h, HOSTILE);
    let links = r#""[click](javascript:window.folioPwned=1) [x]( JaVaScRiPt:alert(1)) [y](data:text/html,<script>alert(1)</script>) ""#;
    format!(
        r#"{{"url":"https://news.example/a?<x>","title":{h},"dek":{h},"section":{h},"tags":[{h}],
            "published":"2017-07-13","lang":"en",
            "authors":[{{"name":{h},"url":"javascript:window.folioPwned=1","bio":{h},"avatar":"javascript:alert(1)"}},
                       {{"name":{h},"url":"\u0001 javascript:alert(1)"}}],
            "image":{{"src":"javascript:alert(1)","alt":{h},"caption":{h},"credit":{h}}},
            "body":[{{"type":"paragraph","text":{h}}},{{"type":"paragraph","text":{links}}},
                    {{"type":"heading","text":{h}}},{{"type":"quote","text":{h},"attribution":{h}}},
                    {{"type":"list","items":[{h}]}},{{"type":"image","src":"data:image/svg+xml,<svg onload=alert(1)>","alt":{h},"caption":{h}}},
                    {{"type":"preformatted","text":{h}}}]}}"#
    )
}

#[wasm_bindgen_test]
async fn hostile_strings_in_every_field_stay_text() {
    let el = host();
    let handle = mount(el.clone().into(), options(&[("article", JsValue::from_str(&hostile_article()))]));
    ready(&handle).await.expect("a hostile article still renders");
    let root = shadow(&el);
    let all = query_all(&root, "*");
    assert!(all.len() > 20);
    for e in &all {
        let names = e.get_attribute_names();
        for name in names.iter().filter_map(|n| n.as_string()) {
            assert!(!name.to_ascii_lowercase().starts_with("on"), "{} has {name}", e.tag_name());
            let value = e.get_attribute(&name).unwrap_or_default().to_ascii_lowercase();
            let value: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
            assert!(!value.starts_with("javascript:") && !value.starts_with("data:"), "{name}={value}");
        }
        assert!(!["SCRIPT", "IFRAME", "OBJECT", "EMBED", "BASE", "META", "STYLE"].contains(&e.tag_name().as_str()));
    }
    // The only images are the ones Folio made, none with a hostile src.
    assert!(query_all(&root, "img").iter().all(|i| i.get_attribute("src").is_none()));
    assert!(text_of(&root, "h1").contains(HOSTILE), "the title shows the hostile text literally");
    assert!(text_of(&root, ".folio-body > p").contains(HOSTILE));
    assert!(text_of(&root, "figcaption").contains(HOSTILE));
    let pwned = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("folioPwned")).unwrap();
    assert!(pwned.is_undefined(), "no hostile script ran");
    handle.destroy();
}

async fn expect_error(handle: &Folio, el: &Element, code: &str) -> JsValue {
    let err = ready(handle).await.expect_err("ready rejects");
    let got = js_sys::Reflect::get(&err, &JsValue::from_str("code")).unwrap().as_string();
    assert_eq!(got.as_deref(), Some(code));
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(el.get_attribute("data-folio-state").as_deref(), Some("error"));
    let root = shadow(el);
    let alert = root.query_selector("[role=alert]").unwrap().expect("an error box");
    assert_eq!(alert.get_attribute("data-folio-error").as_deref(), Some(code));
    err
}

#[wasm_bindgen_test]
async fn invalid_json_shows_the_error_box_and_rejects() {
    let el = host();
    let handle = mount(el.clone().into(), options(&[("article", JsValue::from_str("{\"title\": \"x\",\n  oops}"))]));
    expect_error(&handle, &el, "folio/article-syntax").await;
    assert!(text_of(&shadow(&el), "[role=alert]").contains("line 2, column 3"));
}

#[wasm_bindgen_test]
async fn invalid_fields_are_listed_with_their_paths() {
    let el = host();
    let article =
        r#"{"url":"https://a.example/","title":"T","published":"2017-07-13","body":[{"type":"list","items":[1]}]}"#;
    let handle = mount(el.clone().into(), options(&[("article", JsValue::from_str(article))]));
    let err = expect_error(&handle, &el, "folio/article-invalid").await;
    let details = js_sys::Reflect::get(&err, &JsValue::from_str("details")).unwrap();
    assert_eq!(
        js_sys::Array::from(&details).get(0).as_string().as_deref(),
        Some("body[0].items[0]: expected a string, found a number")
    );
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_the_error_box() {
    let el = host();
    let handle = mount(el.clone().into(), options(&[("src", JsValue::from_str("/folio-no-such-article.json"))]));
    expect_error(&handle, &el, "folio/fetch").await;
    assert!(text_of(&shadow(&el), "[role=alert]").contains("404"));
}

#[wasm_bindgen_test]
async fn bad_options_are_reported() {
    let el = host();
    let handle = mount(el.clone().into(), JsValue::from_f64(3.0));
    expect_error(&handle, &el, "folio/options").await;
    let not_an_element = mount(JsValue::from_str("#nope"), options(&[]));
    let err = ready(&not_an_element).await.expect_err("rejects");
    assert_eq!(
        js_sys::Reflect::get(&err, &JsValue::from_str("code")).unwrap().as_string().as_deref(),
        Some("folio/options")
    );
}

#[wasm_bindgen_test]
async fn an_element_that_cannot_hold_a_shadow_root_is_named_in_the_error() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let button = doc.create_element("button").unwrap();
    doc.body().unwrap().append_child(&button).unwrap();
    let handle = mount(button.clone().into(), options(&[("article", JsValue::from_str(SEED))]));
    let err = ready(&handle).await.expect_err("rejects");
    let message = js_sys::Reflect::get(&err, &JsValue::from_str("message")).unwrap().as_string().unwrap_or_default();
    assert!(message.contains("<button> cannot hold a shadow root"), "{message}");
    assert!(button.shadow_root().is_none());
}

#[wasm_bindgen_test]
async fn destroy_empties_the_host() {
    let el = host();
    let handle = mount(el.clone().into(), options(&[("article", JsValue::from_str(SEED))]));
    ready(&handle).await.unwrap();
    assert!(shadow(&el).child_nodes().length() > 0);
    handle.destroy();
    assert_eq!(shadow(&el).child_nodes().length(), 0);
    assert_eq!(el.get_attribute("data-folio-state"), None);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_stylesheet_is_adopted_not_inlined() {
    let el = host();
    let handle = mount(el.clone().into(), options(&[("article", JsValue::from_str(SEED))]));
    ready(&handle).await.unwrap();
    let root = shadow(&el);
    assert_eq!(root.adopted_style_sheets().length(), 1);
    assert!(query_all(&root, "style, [style]").is_empty());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn mounting_again_on_the_same_host_replaces_the_widget() {
    let el = host();
    let first = mount(el.clone().into(), options(&[("article", JsValue::from_str(SEED))]));
    ready(&first).await.unwrap();
    let other = SEED.replacen("Kaspersky Lab Defends Its Reputation Against Allegations", "Second article", 1);
    let second = mount(el.clone().into(), options(&[("article", JsValue::from_str(&other))]));
    ready(&second).await.unwrap();
    let root = shadow(&el);
    assert_eq!(query_all(&root, "article").len(), 1, "one article, not two");
    assert_eq!(text_of(&root, "h1"), "Second article");
    first.destroy(); // the replaced handle no longer owns anything
    assert_eq!(text_of(&root, "h1"), "Second article");
    second.destroy();
    assert_eq!(root.child_nodes().length(), 0);
}
