//! Comment Markdown, rendered in Rust straight into view nodes.
//!
//! Why: Isso 0.14 renders every comment's Markdown on the server (mistune) on every
//! `GET`; for a thread of 1,000 comments that costs the server about a second, while
//! `GET /?uri=...&plain=1` answers in a tenth of that with each comment's raw Markdown
//! in `text`. Folio asks for `plain=1` and renders the Markdown itself, here, into the
//! view tree. No HTML is written or parsed on the way: text stays text.
//!
//! The rule is fidelity: [`render`] gives exactly the nodes the comment section showed
//! before, when it took Isso's HTML, that is, the output of
//! `mistune.create_markdown(escape=True, hard_wrap=False, plugins=["strikethrough",
//! "subscript", "superscript"])` (mistune 3.4) passed through the allowlist in
//! [`sanitize`](super::sanitize) (kept: `p br em strong code pre blockquote ul ol li a`;
//! links only to absolute `http(s)` or `mailto:` URLs, with
//! [`LINK_REL`](super::sanitize::LINK_REL); every other element unwrapped to its text;
//! [`MAX_DEPTH`](super::sanitize::MAX_DEPTH) and [`MAX_NODES`](super::sanitize::MAX_NODES)
//! as there), except that whitespace-only text between blocks is left out.
//! [`render_with`] also covers Isso's `hard_wrap` parameter (every newline a `<br>`).
//!
//! So this is a port of mistune's grammar, quirks included, not of the CommonMark spec:
//! paragraphs, ATX and setext headings (unwrapped to their text), thematic breaks
//! (vanish), block quotes with laziness, bullet and ordered lists, fenced and indented
//! code, raw HTML blocks (shown as text in a paragraph, as `escape=True` does), link
//! reference definitions; code spans, `*`/`_` emphasis by the delimiter algorithm,
//! links and reference links, autolinks, backslash escapes, hard and soft breaks, inline
//! HTML (shown as text), `~~del~~`, `~sub~` and `^sup^` (their markers go, their text
//! stays). Entity references are shown as written, as mistune's escaping shows them,
//! and only decoded inside link destinations. Images vanish (`img` has no children).
//!
//! Known differences, all in corners: reference labels match case-insensitively in ASCII
//! only (mistune folds all of Unicode); in link destinations, named references other
//! than `&amp; &lt; &gt; &quot; &apos;` and numeric ones for C1 controls stay as written.
//!
//! Hostile input costs near-linear time: nesting stops at mistune's own limit (20
//! levels of block and of inline containers), searches for closing markers are indexed
//! or memoised, and the emphasis pass skips spent delimiters.

use crate::comments::sanitize::{sanitize, Untrusted};
use crate::view::Node;
use std::collections::BTreeMap;

mod block;
mod emphasis;
mod inline;
mod links;
mod list;

use block::*;
use emphasis::*;
use inline::*;
use links::*;
use list::*;

/// mistune's `DEFAULT_MAX_NESTED_LEVEL`.
const NEST: usize = 20;

/// Renders one comment's Markdown as Isso's server did (without `hard_wrap`), as safe
/// view nodes.
///
/// ```
/// use folio::comments::markdown::render;
/// use folio::view::html::to_html;
/// let html: String = render("Hi *there* [x](javascript:alert(1)) <b>").iter().map(to_html).collect();
/// assert_eq!(html, "<p>Hi <em>there</em> x &lt;b&gt;</p>");
/// ```
pub fn render(markdown: &str) -> Vec<Node> {
    render_with(markdown, false)
}

/// Like [`render`]; `hard_wrap` mirrors Isso's `[markup.mistune] parameters = hard_wrap`
/// (Isso's default configuration), which turns every newline inside a paragraph into a
/// line break.
///
/// ```
/// use folio::comments::markdown::render_with;
/// use folio::view::html::to_html;
/// let html: String = render_with("a\nb", true).iter().map(to_html).collect();
/// assert_eq!(html, "<p>a<br>\nb</p>");
/// ```
pub fn render_with(markdown: &str, hard_wrap: bool) -> Vec<Node> {
    let mut src = markdown.replace("\r\n", "\n").replace('\r', "\n");
    if !src.ends_with('\n') {
        src.push('\n');
    }
    let mut refs = Refs::new();
    let mut st = BlockParser::new(src, 0);
    parse(&mut st, Rules::ALL, &mut refs);
    let r = Render { refs, hard_wrap };
    let mut tree = Vec::new();
    r.blocks(&st.toks, &mut tree);
    let mut out = sanitize(&tree);
    tidy(&mut out, true);
    out
}

type Refs = BTreeMap<String, String>;

const BLOCKS: &[&str] = &["p", "pre", "blockquote", "ul", "ol", "li"];

/// Drops whitespace-only text beside block elements and at the edges of block
/// containers (mistune's newlines between blocks).
fn tidy(nodes: &mut Vec<Node>, container: bool) {
    let block = |n: Option<&Node>| matches!(n, Some(Node::Element(e)) if BLOCKS.contains(&e.tag));
    let len = nodes.len();
    let drop: Vec<bool> = (0..len)
        .map(|i| {
            matches!(&nodes[i], Node::Text(t) if t.bytes().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 12)))
                && (container && (i == 0 || i + 1 == len)
                    || block(i.checked_sub(1).and_then(|j| nodes.get(j)))
                    || block(nodes.get(i + 1)))
        })
        .collect();
    let mut k = 0;
    nodes.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    for n in nodes {
        if let Node::Element(e) = n {
            let c = matches!(e.tag, "blockquote" | "ul" | "ol" | "li");
            tidy(&mut e.children, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::sanitize::{LINK_REL, MAX_DEPTH, MAX_NODES};
    use crate::view::html::to_html;

    fn html(md: &str) -> String {
        render(md).iter().map(to_html).collect()
    }

    fn link(href: &str, text: &str) -> String {
        ["<a href=\"", href, "\" rel=\"", LINK_REL, "\">", text, "</a>"].concat()
    }

    /// Depth of the deepest element.
    fn depth(nodes: &[Node]) -> usize {
        let mut max = 0;
        let mut stack: Vec<(&Node, usize)> = nodes.iter().map(|n| (n, 1)).collect();
        while let Some((n, d)) = stack.pop() {
            if let Node::Element(e) = n {
                max = max.max(d);
                stack.extend(e.children.iter().map(|c| (c, d + 1)));
            }
        }
        max
    }

    #[test]
    fn paragraphs_and_breaks() {
        assert_eq!(html("one\ntwo\n\nthree"), "<p>one\ntwo</p><p>three</p>");
        assert_eq!(html("a  \nb\\\nc"), "<p>a<br>\nb<br>\nc</p>");
        assert_eq!(html("a   \n   b  "), "<p>a<br>\nb</p>");
        assert_eq!(html(""), "");
        assert_eq!(render_with("a\nb  \nc", true).iter().map(to_html).collect::<String>(), "<p>a<br>\nb<br>\nc</p>");
    }

    #[test]
    fn headings_and_rules_are_unwrapped() {
        assert_eq!(html("# Title #\ntext"), "Title\n<p>text</p>");
        assert_eq!(html("Setext\n===\n\n---\n\nx"), "Setext\n\n<p>x</p>");
        assert_eq!(html("# A\n***\n# B"), "A\n\nB\n");
        assert_eq!(html("####### seven"), "<p>####### seven</p>");
    }

    #[test]
    fn quotes_and_lists() {
        assert_eq!(
            html("> a\nlazy\n> > b"),
            "<blockquote><p>a\nlazy</p><blockquote><p>b</p></blockquote></blockquote>"
        );
        assert_eq!(html("- a\n  - b\n- c"), "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");
        assert_eq!(html("3. x\n4. y"), "<ol><li>x</li><li>y</li></ol>");
        assert_eq!(html("- a\n\n- b"), "<ul><li><p>a</p></li><li><p>b</p></li></ul>");
        assert_eq!(html("a\n2. b"), "<p>a\n2. b</p>");
    }

    #[test]
    fn code() {
        assert_eq!(html("```js\n<b> & x\n```"), "<pre><code>&lt;b&gt; &amp; x\n</code></pre>");
        assert_eq!(html("~~~\nt\n~~~"), "<pre><code>t\n</code></pre>");
        assert_eq!(html("    a\n\n    b\n"), "<pre><code>a\n\nb</code></pre>");
        assert_eq!(html("`` a`b `` and `*x*`"), "<p><code>a`b</code> and <code>*x*</code></p>");
    }

    #[test]
    fn emphasis() {
        assert_eq!(
            html("*a* _b_ **c** __d__ ***e***"),
            "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <em><strong>e</strong></em></p>"
        );
        assert_eq!(html("snake_case_name 2*3*4"), "<p>snake_case_name 2<em>3</em>4</p>");
        assert_eq!(html("*a **b** c*"), "<p><em>a <strong>b</strong> c</em></p>");
        assert_eq!(html("\\*not\\* * no *"), "<p>*not* * no *</p>");
    }

    #[test]
    fn links() {
        let x = link("https://x.example/%C3%A4", "t");
        assert_eq!(html("[t](https://x.example/ä \"title\")"), ["<p>", &x, "</p>"].concat());
        let r = link("https://r.example", "ref");
        assert_eq!(html("[ref]\n\n[ref]: https://r.example"), ["<p>", &r, "</p>"].concat());
        let a = link("https://a.example", "https://a.example");
        assert_eq!(html("<https://a.example>"), ["<p>", &a, "</p>"].concat());
        let m = link("mailto:a@b.example", "a@b.example");
        assert_eq!(html("<a@b.example>"), ["<p>", &m, "</p>"].concat());
        // Relative and other links lose their markup, keep their text.
        assert_eq!(html("[r](/x) [f](ftp://x.example) [h](#top)"), "<p>r f h</p>");
        assert_eq!(html("![alt](https://i.example/x.png)"), "<p></p>");
    }

    #[test]
    fn hostile_links_and_html_stay_text() {
        for md in ["[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,x)", "[x](vbscript:x)"] {
            assert_eq!(html(md), "<p>x</p>", "{md}");
        }
        assert_eq!(html("<javascript:alert(1)>"), "<p>javascript:alert(1)</p>");
        assert_eq!(html("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assert_eq!(html("a <img src=x onerror=alert(1)> b"), "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>");
        assert_eq!(html("&amp; &#60;b&#62;"), "<p>&amp;amp; &amp;#60;b&amp;#62;</p>");
    }

    #[test]
    fn formatting_plugins_lose_their_markers() {
        assert_eq!(html("~~del~~ H~2~O 2^10^ ~a b~"), "<p>del H2O 210 ~a b~</p>");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        for md in [">".repeat(100_000), "> ".repeat(50_000), "- ".repeat(50_000), "1. > ".repeat(25_000)] {
            let out = render(&md);
            assert!(depth(&out) <= MAX_DEPTH, "depth {}", depth(&out));
        }
        let nested: String = (0..200).map(|i| ["  ".repeat(i), "- x\n".into()].concat()).collect();
        assert!(depth(&render(&nested)) <= MAX_DEPTH);
        let em = ["*a ".repeat(10_000), "b".into(), "* c".repeat(10_000)].concat();
        assert!(depth(&render(&em)) <= MAX_DEPTH);
    }

    #[test]
    fn hostile_input_is_cheap() {
        let mb = 1 << 20;
        for unit in [
            "[", "]", "*", "_", "`", "~", "^", "<", ">", "\\", "!", "&", "#", "-", "(", "[a](", "*a", "_a ", "**a*",
            "`a``", "<!--", "<a ", "~~a", "~a", "[a]", "[a](b ", "[a](<", "\"", "- ", "> ", "1. ", "    ", "\n", "a\n",
            "[x]: y\n", "<div>\n", "```\n", "a ~", "\\~", "^a\\^", "](", "![",
        ] {
            let md = unit.repeat(mb / unit.len());
            let t = std::time::Instant::now();
            let out = render(&md);
            let ms = t.elapsed().as_millis();
            let n: usize = out.iter().map(|n| n.text_content().len()).sum();
            assert!(n <= md.len() * 2, "{unit:?}");
            eprintln!("{unit:?}: {ms} ms");
        }
    }

    #[test]
    fn node_budget_is_respected() {
        let md = "*a* ".repeat(MAX_NODES + 100);
        let out = render(&md);
        let mut count = 0;
        let mut stack: Vec<&Node> = out.iter().collect();
        while let Some(n) = stack.pop() {
            if let Node::Element(e) = n {
                count += 1;
                stack.extend(e.children.iter());
            }
        }
        assert!(count <= MAX_NODES);
    }
}
