//! The one DOM builder: a view tree becomes nodes through `createElement`,
//! `createElementNS` (SVG), `createTextNode` and `setAttribute`. Never `innerHTML`.
//! Attribute names and URL checks were settled when the tree was built (`view`).

use wasm_bindgen::JsValue;
use web_sys::{Document, DocumentFragment};

use crate::view::Node;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Builds DOM nodes for `nodes` into a new fragment.
pub fn fragment(doc: &Document, nodes: &[Node]) -> Result<DocumentFragment, JsValue> {
    let frag = doc.create_document_fragment();
    for node in nodes {
        frag.append_child(&build(doc, node, false)?)?;
    }
    Ok(frag)
}

/// Builds one DOM node (and its subtree) for `node`.
pub fn build(doc: &Document, node: &Node, in_svg: bool) -> Result<web_sys::Node, JsValue> {
    match node {
        Node::Text(t) => Ok(doc.create_text_node(t).into()),
        Node::Element(e) => {
            let svg = in_svg || e.tag == "svg";
            let element = if svg { doc.create_element_ns(Some(SVG_NS), e.tag)? } else { doc.create_element(e.tag)? };
            for (name, value) in &e.attrs {
                element.set_attribute(name, value)?;
            }
            for child in &e.children {
                element.append_child(&build(doc, child, svg)?)?;
            }
            Ok(element.into())
        }
    }
}

/// Replaces every child of `parent` with the nodes built from `nodes`.
pub fn replace_children(parent: &web_sys::Node, nodes: &[Node]) -> Result<(), JsValue> {
    let doc = match parent.owner_document() {
        Some(d) => d,
        None => super::document()?,
    };
    let frag = fragment(&doc, nodes)?;
    // Setting textContent to nothing removes the children; it parses nothing.
    parent.set_text_content(None);
    parent.append_child(&frag)?;
    Ok(())
}
