//! The edge half of comment sanitizing: the browser's inert `DOMParser` (no script runs,
//! nothing loads) reads the untrusted HTML, this walk copies it into the pure
//! [`Untrusted`] tree, and `comments::sanitize` rebuilds only what its allowlist allows.
//! The parsed document is never adopted or inserted anywhere.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomParser, SupportedType};

use crate::comments::sanitize::{sanitize, Untrusted};
use crate::view::Node;

/// Deeper than this, the walk stops copying structure (the sanitizer flattens anyway).
const MAX_WALK_DEPTH: usize = 256;

/// Untrusted HTML -> safe view nodes. On any parser failure the HTML is shown as text.
pub fn comment_body(html: &str) -> Vec<Node> {
    match parse(html) {
        Some(tree) => sanitize(&tree),
        None => vec![crate::view::text(html)],
    }
}

fn parse(html: &str) -> Option<Vec<Untrusted>> {
    let parser = DomParser::new().ok()?;
    let doc = match trusted_html(html) {
        // Pages that enforce Trusted Types (require-trusted-types-for 'script') make
        // parseFromString a sink that takes TrustedHTML only.
        Some(trusted) => {
            let f: js_sys::Function = js_sys::Reflect::get(&parser, &"parseFromString".into()).ok()?.dyn_into().ok()?;
            f.call2(&parser, &trusted, &"text/html".into()).ok()?.dyn_into::<web_sys::Document>().ok()?
        }
        None => parser.parse_from_string(html, SupportedType::TextHtml).ok()?,
    };
    let body = doc.body()?;
    Some(children(&body, 0))
}

thread_local! {
    /// The `folio` Trusted Types policy, created once where the browser has Trusted Types.
    static POLICY: Option<JsValue> = create_policy();
}

/// A policy whose only use is feeding comment HTML to the inert `DOMParser` above (its
/// document is never inserted anywhere; the walk copies text and allowlisted structure
/// out of it). A page whose CSP lists allowed policy names must allow `folio`.
fn create_policy() -> Option<JsValue> {
    let tt = js_sys::Reflect::get(&js_sys::global(), &"trustedTypes".into()).ok().filter(|v| v.is_object())?;
    let create: js_sys::Function = js_sys::Reflect::get(&tt, &"createPolicy".into()).ok()?.dyn_into().ok()?;
    let rules = js_sys::Object::new();
    // The policy lives as long as the page, so its one tiny callback is leaked on purpose.
    let pass = wasm_bindgen::closure::Closure::<dyn Fn(JsValue) -> JsValue>::new(|s: JsValue| s).into_js_value();
    js_sys::Reflect::set(&rules, &"createHTML".into(), &pass).ok()?;
    create.call2(&tt, &"folio".into(), &rules).ok()
}

fn trusted_html(html: &str) -> Option<JsValue> {
    POLICY.with(|p| {
        let policy = p.as_ref()?;
        let f: js_sys::Function = js_sys::Reflect::get(policy, &"createHTML".into()).ok()?.dyn_into().ok()?;
        f.call1(policy, &JsValue::from_str(html)).ok()
    })
}

fn children(node: &web_sys::Node, depth: usize) -> Vec<Untrusted> {
    let list = node.child_nodes();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| walk(&n, depth)).collect()
}

fn walk(node: &web_sys::Node, depth: usize) -> Option<Untrusted> {
    match node.node_type() {
        web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => node.text_content().map(Untrusted::Text),
        web_sys::Node::ELEMENT_NODE if depth < MAX_WALK_DEPTH => {
            let element: &web_sys::Element = node.unchecked_ref();
            let attributes = element.attributes();
            let attrs = (0..attributes.length()).filter_map(|i| attributes.item(i)).map(|a| (a.name(), a.value())).collect();
            Some(Untrusted::Element { tag: element.local_name(), attrs, children: children(node, depth + 1) })
        }
        web_sys::Node::ELEMENT_NODE => node.text_content().map(Untrusted::Text),
        _ => None,
    }
}
