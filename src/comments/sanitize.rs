//! The allowlist for untrusted comment content: comment HTML, author names, author
//! websites, entity-escaped server text.
//!
//! Comment HTML is read by [`html::parse`](super::html::parse) into an [`Untrusted`] tree
//! (it never reaches a browser's HTML parser), and these rules turn that tree into view
//! nodes, which the DOM builder creates node by node (`createElement`, `createTextNode`,
//! `setAttribute`; never `innerHTML`):
//!
//! - Kept: `p br em strong code pre blockquote ul ol li a`, with `b` written as `strong`
//!   and `i` as `em`. Tag names compare case-insensitively.
//! - `a` keeps only an `href` that passes [`view::url::safe_url`](crate::view::url::safe_url)
//!   *and* is absolute `http:`/`https:` (with a host) or `mailto:`. Relative links are
//!   dropped: a comment's relative link would resolve against the host page, which the
//!   commenter should not be able to aim at. Every kept link gets
//!   `rel="nofollow noopener noreferrer ugc"` and no `target`. A link without a usable
//!   `href`, or inside another link, is unwrapped to its contents.
//! - Every other attribute is dropped.
//! - Any other element is unwrapped: its markup goes, its text stays.
//! - Except [`DROPPED`] elements (`script`, `style`, `svg`, `iframe`, ...), whose contents go
//!   too: their "text" is code or markup a reader should never see.
//! - Past [`MAX_DEPTH`] levels or [`MAX_NODES`] kept elements, the rest is flattened to
//!   text, so hostile nesting costs neither stack nor DOM.
//!
//! The parser itself stops nesting at [`html::MAX_DEPTH`](super::html::MAX_DEPTH) levels:
//! an [`Untrusted`] tree nested deeper than that is expensive to build and to drop.

pub use super::html::{decode_entities, Untrusted};
use crate::view::url::{is_absolute_http, safe_url};
use crate::view::{el, Node};

/// Levels of nesting kept as elements; deeper content becomes text.
pub const MAX_DEPTH: usize = 32;
/// Elements and text nodes kept per comment; later content becomes text.
pub const MAX_NODES: usize = 10_000;
/// The `rel` every link in user content gets.
pub const LINK_REL: &str = "nofollow noopener noreferrer ugc";
/// The longest author name shown, in characters.
pub const MAX_AUTHOR_CHARS: usize = 100;

/// Allowed tags, as (name in the input, name in the output).
const KEPT: &[(&str, &str)] = &[
    ("p", "p"),
    ("br", "br"),
    ("em", "em"),
    ("i", "em"),
    ("strong", "strong"),
    ("b", "strong"),
    ("code", "code"),
    ("pre", "pre"),
    ("blockquote", "blockquote"),
    ("ul", "ul"),
    ("ol", "ol"),
    ("li", "li"),
    ("a", "a"),
];

/// Elements dropped together with everything inside them.
pub const DROPPED: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "title",
    "textarea",
    "select",
    "frame",
    "frameset",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "head",
    "applet",
    "canvas",
    "audio",
    "video",
];

enum Rule {
    Keep(&'static str),
    Unwrap,
    Drop,
}

fn rule(tag: &str) -> Rule {
    if let Some((_, out)) = KEPT.iter().find(|(name, _)| name.eq_ignore_ascii_case(tag)) {
        Rule::Keep(out)
    } else if DROPPED.iter().any(|d| d.eq_ignore_ascii_case(tag)) {
        Rule::Drop
    } else {
        Rule::Unwrap
    }
}

/// Untrusted comment HTML -> safe view nodes: [`html::parse`](super::html::parse), then
/// [`sanitize`].
///
/// ```
/// use folio::comments::sanitize::comment_body;
/// use folio::view::html::to_html;
/// let out: Vec<String> = comment_body("<p onclick=x()>a <b>b<script>alert(1)</script>").iter().map(to_html).collect();
/// assert_eq!(out, ["<p>a <strong>b</strong></p>"]);
/// ```
pub fn comment_body(html: &str) -> Vec<Node> {
    sanitize(&super::html::parse(html))
}

/// Turns an untrusted tree into safe view nodes, following the module's rules.
///
/// ```
/// use folio::comments::sanitize::{sanitize, Untrusted};
/// use folio::view::{el, html::to_html, Node};
/// let input = [Untrusted::element("P", &[("onclick", "x()")], vec![
///     Untrusted::element("b", &[], vec![Untrusted::text("hi")]),
///     Untrusted::element("script", &[], vec![Untrusted::text("alert(1)")]),
/// ])];
/// let out: Vec<String> = sanitize(&input).iter().map(to_html).collect();
/// assert_eq!(out, ["<p><strong>hi</strong></p>"]);
/// ```
pub fn sanitize(nodes: &[Untrusted]) -> Vec<Node> {
    let mut s = Sanitizer { budget: MAX_NODES };
    let mut out = Vec::new();
    s.nodes(nodes, 0, false, &mut out);
    out
}

struct Sanitizer {
    budget: usize,
}

impl Sanitizer {
    fn nodes(&mut self, nodes: &[Untrusted], depth: usize, in_link: bool, out: &mut Vec<Node>) {
        for n in nodes {
            self.node(n, depth, in_link, out);
        }
    }

    fn node(&mut self, node: &Untrusted, depth: usize, in_link: bool, out: &mut Vec<Node>) {
        let (tag, attrs, children) = match node {
            Untrusted::Text(t) => {
                // Text is always kept (it is only text); it still spends the budget.
                self.budget = self.budget.saturating_sub(1);
                push_text(out, t);
                return;
            }
            Untrusted::Element { tag, attrs, children } => (tag, attrs, children),
        };
        let rule = rule(tag);
        if let Rule::Drop = rule {
            return;
        }
        if depth >= MAX_DEPTH || self.budget == 0 {
            let mut flat = String::new();
            collect_text(node, &mut flat);
            push_text(out, &flat);
            return;
        }
        match rule {
            Rule::Keep("a") => match link_href(attrs).filter(|_| !in_link) {
                Some(href) => {
                    self.budget -= 1;
                    let mut a = el("a").attr("href", href).attr("rel", LINK_REL);
                    self.nodes(children, depth + 1, true, &mut a.children);
                    out.push(a.into());
                }
                None => self.nodes(children, depth + 1, in_link, out),
            },
            Rule::Keep("br") => {
                self.budget -= 1;
                out.push(el("br").into());
            }
            Rule::Keep(name) => {
                self.budget -= 1;
                let mut e = el(name);
                self.nodes(children, depth + 1, in_link, &mut e.children);
                out.push(e.into());
            }
            Rule::Unwrap | Rule::Drop => self.nodes(children, depth + 1, in_link, out),
        }
    }
}

/// Appends text, merging with a text node just before it.
fn push_text(out: &mut Vec<Node>, t: &str) {
    if t.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Node::Text(prev)) => prev.push_str(t),
        _ => out.push(Node::Text(t.to_string())),
    }
}

/// All text below `node` except inside dropped elements, without recursion (the tree may
/// be arbitrarily deep).
fn collect_text(node: &Untrusted, out: &mut String) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match n {
            Untrusted::Text(t) => out.push_str(t),
            Untrusted::Element { tag, children, .. } => {
                if !matches!(rule(tag), Rule::Drop) {
                    stack.extend(children.iter().rev());
                }
            }
        }
    }
}

/// The `href` of an untrusted link when it may be kept: it passes the crate's URL
/// allowlist and is absolute `http(s)` or `mailto:`. Returns the cleaned URL.
fn link_href(attrs: &[(String, String)]) -> Option<String> {
    // The HTML parser keeps the first of repeated attributes; so do we.
    let (_, raw) = attrs.iter().find(|(n, _)| n.eq_ignore_ascii_case("href"))?;
    let url = safe_url(raw)?;
    let mailto = url.len() > 7 && url.as_bytes()[..7].eq_ignore_ascii_case(b"mailto:");
    (mailto || is_absolute_http(&url)).then_some(url)
}

/// Is `c` a character that can reorder or hide the text around it (bidi controls,
/// zero-width marks)? Such characters in a name can make it read as someone else's.
fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// An author name as shown: control and bidi-override characters removed, white space
/// trimmed and collapsed to single spaces, at most [`MAX_AUTHOR_CHARS`] characters.
///
/// ```
/// use folio::comments::sanitize::plain_author;
/// assert_eq!(plain_author("  Ada \n\t Lovelace "), "Ada Lovelace");
/// ```
pub fn plain_author(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(4 * MAX_AUTHOR_CHARS));
    let mut count = 0;
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = count > 0;
            continue;
        }
        if c.is_control() || is_invisible_control(c) {
            continue;
        }
        if count + usize::from(space) >= MAX_AUTHOR_CHARS {
            break;
        }
        if space {
            out.push(' ');
            count += 1;
            space = false;
        }
        out.push(c);
        count += 1;
    }
    out
}

/// An author's website when it may be linked: an absolute `http:` or `https:` URL with a
/// host, after the crate's URL allowlist. Returns the cleaned URL.
///
/// ```
/// use folio::comments::sanitize::author_website;
/// assert_eq!(author_website(" https://ada.example/ "), Some("https://ada.example/".into()));
/// assert_eq!(author_website("javascript:alert(1)"), None);
/// assert_eq!(author_website("/relative"), None);
/// ```
pub fn author_website(s: &str) -> Option<String> {
    safe_url(s).filter(|u| is_absolute_http(u))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::html::to_html;

    fn e(tag: &str, attrs: &[(&str, &str)], children: Vec<Untrusted>) -> Untrusted {
        Untrusted::element(tag, attrs, children)
    }

    fn t(s: &str) -> Untrusted {
        Untrusted::text(s)
    }

    fn html(nodes: &[Untrusted]) -> String {
        sanitize(nodes).iter().map(to_html).collect()
    }

    #[test]
    fn scripts_styles_and_embeds_vanish_with_their_contents() {
        let input = [
            e("script", &[], vec![t("alert(1)")]),
            e("STYLE", &[], vec![t("body{display:none}")]),
            e("iframe", &[("srcdoc", "<script>alert(1)</script>")], vec![t("fallback")]),
            e(
                "svg",
                &[("onload", "alert(1)")],
                vec![e("script", &[], vec![t("x")]), e("text", &[], vec![t("svgtext")])],
            ),
            e("math", &[], vec![e("mi", &[], vec![t("x")])]),
            e("template", &[], vec![e("p", &[], vec![t("hidden")])]),
            e("noscript", &[], vec![t("<img src=x onerror=alert(1)>")]),
            e("textarea", &[], vec![t("</textarea><script>")]),
            e("object", &[("data", "evil.swf")], vec![]),
            e("embed", &[("src", "evil.swf")], vec![]),
            e("title", &[], vec![t("T")]),
            e("select", &[], vec![e("option", &[], vec![t("o")])]),
            t("ok"),
        ];
        assert_eq!(html(&input), "ok");
    }

    #[test]
    fn event_handlers_and_other_attributes_are_dropped() {
        let input = [
            e("p", &[("onclick", "alert(1)"), ("style", "color:red"), ("class", "x"), ("id", "main")], vec![t("a")]),
            e("img", &[("src", "x"), ("onerror", "alert(1)")], vec![]),
            e("em", &[("OnMouseOver", "alert(1)")], vec![t("b")]),
        ];
        assert_eq!(html(&input), "<p>a</p><em>b</em>");
    }

    #[test]
    fn script_links_in_every_spelling_are_unwrapped() {
        for href in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav\u{9}ascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "/relative/path",
            "//evil.example/x",
            "#top",
            "https:///nohost",
            "mailto:",
        ] {
            let out = html(&[e("a", &[("href", href)], vec![t("click")])]);
            assert_eq!(out, "click", "{href:?}");
        }
    }

    #[test]
    fn good_links_get_rel_and_nothing_else() {
        let input = [e(
            "A",
            &[("HREF", "https://x.example/?a=1&b=2"), ("target", "_blank"), ("rel", "opener"), ("onclick", "x")],
            vec![t("x")],
        )];
        assert_eq!(
            html(&input),
            "<a href=\"https://x.example/?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer ugc\">x</a>"
        );
        let mail = html(&[e("a", &[("href", "MAILTO:a@b.example")], vec![t("m")])]);
        assert_eq!(mail, "<a href=\"MAILTO:a@b.example\" rel=\"nofollow noopener noreferrer ugc\">m</a>");
        // The first href counts, as in the HTML parser.
        let dup = html(&[e("a", &[("href", "javascript:x"), ("href", "https://ok.example/")], vec![t("d")])]);
        assert_eq!(dup, "d");
        // No links inside links.
        let nested = html(&[e(
            "a",
            &[("href", "https://a.example/")],
            vec![e("a", &[("href", "https://b.example/")], vec![t("in")])],
        )]);
        assert_eq!(nested, "<a href=\"https://a.example/\" rel=\"nofollow noopener noreferrer ugc\">in</a>");
    }

    #[test]
    fn formatting_maps_and_unknown_elements_keep_their_text() {
        let input = [
            e(
                "div",
                &[],
                vec![e(
                    "span",
                    &[("style", "x")],
                    vec![e("B", &[], vec![t("bold")]), t(" and "), e("i", &[], vec![t("it")])],
                )],
            ),
            e("font", &[("color", "red")], vec![e("marquee", &[], vec![t(" moving")])]),
            e("ul", &[], vec![e("li", &[], vec![e("code", &[], vec![t("<x>")])])]),
            e("pre", &[], vec![e("code", &[], vec![t("a\n  b")])]),
            e("blockquote", &[], vec![e("p", &[], vec![t("q"), e("br", &[], vec![t("ignored")]), t("r")])]),
        ];
        assert_eq!(
            html(&input),
            "<strong>bold</strong> and <em>it</em> moving<ul><li><code>&lt;x&gt;</code></li></ul>\
             <pre><code>a\n  b</code></pre><blockquote><p>q<br>r</p></blockquote>"
        );
    }

    #[test]
    fn deep_nesting_is_flattened_to_text() {
        let mut node = t("deep");
        for _ in 0..5_000 {
            node = e("em", &[], vec![node, e("script", &[], vec![t("no")])]);
        }
        let out = sanitize(std::slice::from_ref(&node));
        let mut depth = 0;
        let mut cur = &out[0];
        while let Node::Element(el) = cur {
            depth += 1;
            cur = &el.children[0];
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(cur, &Node::Text("deep".into()));
        // Dropping the hostile tree must not overflow the stack either: unwind it by hand.
        let mut stack = vec![node];
        while let Some(Untrusted::Element { children, .. }) = stack.pop() {
            stack.extend(children);
        }
    }

    #[test]
    fn node_budget_flattens_the_rest() {
        let many: Vec<Untrusted> = (0..MAX_NODES + 50).map(|_| e("p", &[], vec![t("x")])).collect();
        let out = sanitize(&many);
        let elements = out.iter().filter(|n| matches!(n, Node::Element(_))).count();
        assert!(elements <= MAX_NODES);
        let text: String = out.iter().map(Node::text_content).collect();
        assert_eq!(text.len(), MAX_NODES + 50);
    }

    #[test]
    fn author_names_are_plain_and_short() {
        assert_eq!(plain_author("\u{202E}evil\u{200B} name\u{0}"), "evil name");
        assert_eq!(plain_author("   "), "");
        let long = "ab ".repeat(100);
        let p = plain_author(&long);
        assert_eq!(p.chars().count(), MAX_AUTHOR_CHARS);
        assert!(!p.ends_with(' '));
        assert_eq!(plain_author(&"é".repeat(150)).chars().count(), MAX_AUTHOR_CHARS);
    }

    #[test]
    fn websites_must_be_absolute_http() {
        assert_eq!(author_website("http://a.example"), Some("http://a.example".into()));
        for bad in
            ["mailto:a@b", "ftp://a.example", "a.example", "//a.example", "java\tscript:x", "https://a b.example"]
        {
            assert_eq!(author_website(bad), None, "{bad}");
        }
    }

    #[test]
    fn xss_vectors_through_the_parser_leave_only_allowlisted_markup() {
        let fixture = crate::json::parse(include_str!("../../tests/fixtures/xss-vectors.json")).unwrap();
        let crate::json::Value::Object(groups) = fixture.get("groups").unwrap() else { panic!("groups") };
        let vectors: Vec<&str> =
            groups.iter().flat_map(|(_, list)| list.as_array().unwrap()).filter_map(|v| v.as_str()).collect();
        assert!(vectors.len() > 50);
        for v in vectors {
            // As written, inside a paragraph, and after text, as a server might wrap it.
            for html in [v.to_string(), format!("<p>x {v} y</p>"), format!("a{v}<b>b</b>")] {
                let out = comment_body(&html);
                let mut found = Vec::new();
                for n in &out {
                    n.find_all(&|_| true, &mut found);
                }
                for e in found {
                    assert!(KEPT.iter().any(|(_, name)| *name == e.tag), "{html:?}: <{}>", e.tag);
                    for (name, value) in &e.attrs {
                        assert!(matches!(*name, "href" | "rel"), "{html:?}: {name}");
                        if *name == "href" {
                            assert!(
                                value.starts_with("https://")
                                    || value.starts_with("http://")
                                    || value.starts_with("mailto:"),
                                "{html:?}: {value}"
                            );
                        }
                    }
                }
                // A script element's body never comes out as text.
                let lower = v.to_ascii_lowercase();
                if (lower.starts_with("<script>") || lower.starts_with("<script ")) && lower.ends_with("</script>") {
                    let text: String = out.iter().map(Node::text_content).collect();
                    assert!(!text.contains("__folioXSS") && !text.contains("alert"), "{html:?} -> {text:?}");
                }
            }
        }
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("&#x27;&#39;&quot;&apos;&#0;&#xZZ;&"), "''\"'\u{fffd}&#xZZ;&");
        assert_eq!(decode_entities("&amp;lt;"), "&lt;");
        assert_eq!(decode_entities("a & b; c"), "a & b; c");
        assert_eq!(decode_entities("&#99999999999;é"), "&#99999999999;é");
        assert_eq!(
            decode_entities("&nbsp;&copy;&reg;&trade;&euro;&ndash;&mdash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;"),
            "\u{a0}©®™€–—…‘’“”"
        );
        assert_eq!(decode_entities("&NBSP; &Nbsp; &nbsp &eacute; &notin;"), "&NBSP; &Nbsp; &nbsp &eacute; &notin;");
    }
}
