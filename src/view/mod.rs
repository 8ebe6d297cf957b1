//! The view tree: elements, attributes and text, built by the pure core and turned into
//! markup in exactly two places (`html.rs` natively, `dom::build` in the browser).
//!
//! The tree is safe by construction. Tag and attribute names are `&'static str`, so only
//! Folio's own code can name them; every attribute that holds a URL goes through
//! [`url::safe_url`] on the way in and is dropped when it fails; text is always text.
//! Nothing here knows about the DOM.

pub mod html;
pub mod url;

/// One node of the view tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element with attributes and children.
    Element(Element),
    /// Text, never parsed as markup.
    Text(String),
}

/// An element: a tag name, attributes in order, children in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Lower-case tag name, e.g. `"article"`. SVG elements are named as in SVG (`"svg"`,
    /// `"path"`) and built in the SVG namespace by the DOM builder.
    pub tag: &'static str,
    /// Attributes in the order they were set. Names are unique.
    pub attrs: Vec<(&'static str, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

/// Creates an element with no attributes or children.
///
/// ```
/// use folio::view::{el, html::to_html};
/// let p = el("p").attr("class", "lead").text("1 < 2");
/// assert_eq!(to_html(&p.into()), r#"<p class="lead">1 &lt; 2</p>"#);
/// ```
#[inline(never)]
pub fn el(tag: &'static str) -> Element {
    Element { tag, attrs: Vec::new(), children: Vec::new() }
}

/// Creates a text node.
pub fn text(s: impl Into<String>) -> Node {
    Node::Text(s.into())
}

impl Element {
    /// Sets an attribute (replacing an earlier value of the same name).
    ///
    /// URL-bearing attributes (`href`, `src`, `action`, ...) are checked with
    /// [`url::safe_url`]; a value outside the allowlist is dropped, never written.
    /// Event-handler attributes (`on*`) are refused outright.
    #[inline(never)]
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.set_attr(name, value);
        self
    }

    /// Like [`Element::attr`], in place.
    pub fn set_attr(&mut self, name: &'static str, value: impl Into<String>) {
        self.set_attr_string(name, value.into());
    }

    /// [`Element::set_attr`] once the value is a `String`: one copy in the wasm however
    /// many types callers pass.
    fn set_attr_string(&mut self, name: &'static str, value: String) {
        if name.len() > 2 && name[..2].eq_ignore_ascii_case("on") {
            return;
        }
        let value = if url::is_url_attribute(name) {
            match url::safe_url(&value) {
                Some(v) => v,
                None => {
                    self.attrs.retain(|(n, _)| *n != name);
                    return;
                }
            }
        } else {
            value
        };
        match self.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((name, value)),
        }
    }

    /// Sets an attribute only when `value` is `Some`.
    #[inline(never)]
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// The value of an attribute, if set.
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// Appends a child node (an element or text).
    #[inline(never)]
    pub fn child(mut self, node: impl Into<Node>) -> Self {
        self.children.push(node.into());
        self
    }

    /// Appends a child only when it is `Some`.
    #[inline(never)]
    pub fn child_opt(mut self, node: Option<impl Into<Node>>) -> Self {
        if let Some(n) = node {
            self.children.push(n.into());
        }
        self
    }

    /// Appends every node of an iterator.
    pub fn children(mut self, nodes: impl IntoIterator<Item = impl Into<Node>>) -> Self {
        self.children.extend(nodes.into_iter().map(Into::into));
        self
    }

    /// Appends a text child.
    #[inline(never)]
    pub fn text(mut self, s: impl Into<String>) -> Self {
        self.children.push(Node::Text(s.into()));
        self
    }

    /// Appends a child in place.
    pub fn push(&mut self, node: impl Into<Node>) {
        self.children.push(node.into());
    }
}

impl From<Element> for Node {
    fn from(e: Element) -> Self {
        Node::Element(e)
    }
}

impl Node {
    /// All text below this node, concatenated (what a reader would see, minus layout).
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => e.children.iter().for_each(|c| c.collect_text(out)),
        }
    }

    /// The first element (depth first, this node included) matching `pred`.
    pub fn find(&self, pred: &dyn Fn(&Element) -> bool) -> Option<&Element> {
        match self {
            Node::Text(_) => None,
            Node::Element(e) if pred(e) => Some(e),
            Node::Element(e) => e.children.iter().find_map(|c| c.find(pred)),
        }
    }

    /// The first element (depth first, this node included) matching `pred`, to change.
    pub fn find_mut(&mut self, pred: &dyn Fn(&Element) -> bool) -> Option<&mut Element> {
        let Node::Element(e) = self else { return None };
        if pred(e) {
            return Some(e);
        }
        e.children.iter_mut().find_map(|c| c.find_mut(pred))
    }

    /// Every element (depth first, this node included) matching `pred`.
    pub fn find_all<'a>(&'a self, pred: &dyn Fn(&Element) -> bool, out: &mut Vec<&'a Element>) {
        if let Node::Element(e) = self {
            if pred(e) {
                out.push(e);
            }
            e.children.iter().for_each(|c| c.find_all(pred, out));
        }
    }
}

/// A short fingerprint of view trees (FNV-1a over their tags, attributes and text; 16 hex
/// digits): equal trees give equal fingerprints. Pre-rendered markup carries one, so that
/// the widget and the comments module can tell whether they would draw the same.
///
/// ```
/// use folio::view::{el, fingerprint};
/// let a = [el("p").text("ab").into()];
/// assert_eq!(fingerprint(&a), fingerprint(&[el("p").text("ab").into()]));
/// assert_ne!(fingerprint(&a), fingerprint(&[el("p").text("a").into(), el("p").text("b").into()]));
/// ```
pub fn fingerprint(nodes: &[Node]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for node in nodes {
        hash_node(&mut hash, node);
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    (0..16).rev().map(|i| HEX[((hash >> (i * 4)) & 0xf) as usize] as char).collect()
}

/// FNV-1a over a view tree: tags, attributes and text, each ended by a byte that cannot
/// occur in them (so `<p>ab</p>` and `<p>a</p><p>b</p>`-like regroupings differ). Walks the
/// tree instead of writing its HTML, so no wasm needs the HTML writer for it.
fn hash_node(hash: &mut u64, node: &Node) {
    match node {
        Node::Text(text) => feed(hash, text.as_bytes(), 0),
        Node::Element(e) => {
            feed(hash, e.tag.as_bytes(), 1);
            for (name, value) in &e.attrs {
                feed(hash, name.as_bytes(), 2);
                feed(hash, value.as_bytes(), 3);
            }
            for child in &e.children {
                hash_node(hash, child);
            }
            feed(hash, &[], 4);
        }
    }
}

fn feed(hash: &mut u64, bytes: &[u8], end: u8) {
    for &b in bytes.iter().chain(std::iter::once(&end)) {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_urls_are_dropped_and_handlers_refused() {
        let a = el("a").attr("href", "javascript:alert(1)").attr("onclick", "x()").attr("class", "c");
        assert_eq!(a.attrs, vec![("class", "c".to_string())]);
    }

    #[test]
    fn a_later_unsafe_url_removes_the_earlier_one() {
        let a = el("a").attr("href", "https://ok.example/").attr("href", "data:text/html,x");
        assert_eq!(a.get_attr("href"), None);
    }

    #[test]
    fn attributes_replace_by_name() {
        let a = el("a").attr("title", "1").attr("title", "2");
        assert_eq!(a.attrs.len(), 1);
        assert_eq!(a.get_attr("title"), Some("2"));
    }

    #[test]
    fn text_content_and_find() {
        let tree: Node = el("div").child(el("p").text("a")).child(el("p").attr("id", "x").text("b")).into();
        assert_eq!(tree.text_content(), "ab");
        assert_eq!(tree.find(&|e| e.get_attr("id") == Some("x")).map(|e| e.tag), Some("p"));
        let mut ps = Vec::new();
        tree.find_all(&|e| e.tag == "p", &mut ps);
        assert_eq!(ps.len(), 2);
    }
}
