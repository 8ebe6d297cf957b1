//! The one HTML writer: turns a view tree into an escaped HTML string natively (for the
//! static renderer and for tests). Escaping lives here and nowhere else.

use super::{Element, Node};

/// Elements that have no end tag in HTML.
const VOID: &[&str] = &["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// Renders a node (and everything below it) as HTML.
///
/// ```
/// use folio::view::{el, html::to_html};
/// let a = el("a").attr("href", "https://x.example/?a=1&b=\"2\"").text("<Tom & Jerry>");
/// assert_eq!(
///     to_html(&a.into()),
///     r#"<a href="https://x.example/?a=1&amp;b=&quot;2&quot;">&lt;Tom &amp; Jerry&gt;</a>"#
/// );
/// ```
pub fn to_html(node: &Node) -> String {
    let mut out = String::new();
    write_node(&mut out, node);
    out
}

/// Appends the HTML of `node` to `out`.
pub fn write_node(out: &mut String, node: &Node) {
    match node {
        Node::Text(t) => escape_into(out, t, false),
        Node::Element(e) => write_element(out, e),
    }
}

fn write_element(out: &mut String, e: &Element) {
    out.push('<');
    out.push_str(e.tag);
    for (name, value) in &e.attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_into(out, value, true);
        out.push('"');
    }
    out.push('>');
    if VOID.contains(&e.tag) {
        return;
    }
    for child in &e.children {
        write_node(out, child);
    }
    out.push_str("</");
    out.push_str(e.tag);
    out.push('>');
}

/// Escapes `&`, `<`, `>` (and in attributes `"` and `'`) so the text can never be read
/// as markup. NUL becomes U+FFFD, as the HTML parser would make it anyway.
pub fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#39;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::el;

    #[test]
    fn escapes_text_and_attributes() {
        let node = el("p").attr("title", "a\"b'c<d>&e").text("<script>alert('x')</script> & \"q\"").into();
        assert_eq!(
            to_html(&node),
            "<p title=\"a&quot;b&#39;c&lt;d&gt;&amp;e\">&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\"</p>"
        );
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        let node = el("figure").child(el("img").attr("src", "a.png").attr("alt", "")).child(el("hr")).into();
        assert_eq!(to_html(&node), "<figure><img src=\"a.png\" alt=\"\"><hr></figure>");
    }

    #[test]
    fn hostile_links_never_reach_the_output() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "  javascript:alert(1)",
            "\u{8}javascript:x",
            "data:text/html,x",
        ] {
            let html = to_html(&el("a").attr("href", bad).text("x").into());
            assert_eq!(html, "<a>x</a>", "{bad:?}");
        }
    }

    #[test]
    fn nul_is_replaced() {
        assert_eq!(to_html(&crate::view::text("a\0b")), "a\u{fffd}b");
    }
}
