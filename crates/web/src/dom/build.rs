//! The one DOM builder: a view tree becomes nodes through `createElement`,
//! `createElementNS` (SVG), `createTextNode` (or the `textContent` setter, for an element
//! whose one child is text) and `setAttribute`. Never `innerHTML`. Attribute names and URL
//! checks were settled when the tree was built (`view`).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{Document, DocumentFragment};

use folio::view::Node;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

#[wasm_bindgen]
extern "C" {
    /// A document or element, for the two calls below that take a name already made
    /// into a JS string.
    type Named;

    /// `document.createElement(name)`.
    #[wasm_bindgen(method, catch, js_name = createElement)]
    fn create_element(this: &Named, name: &JsValue) -> Result<web_sys::Element, JsValue>;

    /// `element.setAttribute(name, value)`.
    #[wasm_bindgen(method, catch, js_name = setAttribute)]
    fn set_attribute(this: &Named, name: &JsValue, value: &str) -> Result<(), JsValue>;
}

thread_local! {
    /// Tag and attribute names made into JS strings once: they are Folio's own
    /// `&'static str`s, a few dozen in all, and copying each out of the wasm for every
    /// element costs more than looking it up.
    static NAMES: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with `name` as a JS string.
fn with_name<R>(name: &'static str, f: impl FnOnce(&JsValue) -> R) -> R {
    NAMES.with(|cell| {
        let mut names = cell.borrow_mut();
        let value = match names.iter().position(|(n, _)| *n == name) {
            Some(i) => &names[i].1,
            None => {
                names.push((name, JsValue::from_str(name)));
                &names[names.len() - 1].1
            }
        };
        f(value)
    })
}

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
            let element = if svg {
                doc.create_element_ns(Some(SVG_NS), e.tag)?
            } else {
                with_name(e.tag, |tag| doc.unchecked_ref::<Named>().create_element(tag))?
            };
            for (name, value) in &e.attrs {
                with_name(name, |name| element.unchecked_ref::<Named>().set_attribute(name, value))?;
            }
            match e.children.as_slice() {
                // One text child: the textContent setter makes the same single Text node
                // in one call (an empty text would make none, so it goes the long way).
                [Node::Text(t)] if !t.is_empty() => element.set_text_content(Some(t)),
                children => {
                    for child in children {
                        element.append_child(&build(doc, child, svg)?)?;
                    }
                }
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
