//! The edge half of comment sanitizing: the browser's inert `DOMParser` (no script runs,
//! nothing loads) reads the untrusted HTML, this walk copies it into the pure
//! [`Untrusted`] tree, and `comments::sanitize` rebuilds only what its allowlist allows.
//! The parsed document is never adopted or inserted anywhere.

use wasm_bindgen::JsCast;
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
    let doc = DomParser::new().ok()?.parse_from_string(html, SupportedType::TextHtml).ok()?;
    let body = doc.body()?;
    Some(children(&body, 0))
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
