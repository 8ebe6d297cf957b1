//! A small HTML parser for comment bodies: untrusted HTML in, an [`Untrusted`] tree out,
//! for [`sanitize`](super::sanitize::sanitize) to rebuild from its allowlist.
//!
//! Safety does not rest on this parser reading markup exactly as a browser would. Its tree
//! is never serialized back to HTML nor handed to a browser's parser: the allowlist keeps a
//! few elements by name, every attribute but a checked `href` goes, and the DOM builder
//! makes each node with `createElement` / `createTextNode` / `setAttribute`. A misread can
//! only show text differently, never run it.
//!
//! What it follows from the HTML standard, so that well-formed and common sloppy markup read
//! as in a browser:
//!
//! - The tokenizer: tags (names and attribute names ASCII-lowercased, quoted, unquoted and
//!   bare attributes, the first of repeated attributes wins), `<!-- -->` comments
//!   (including `<!-->` and an unclosed one, which runs to the end), `<!DOCTYPE>`, `<?...>`
//!   and `<![CDATA[...]]>` outside SVG/MathML as bogus comments, a `<` that starts no tag as
//!   text, character references through [`decode_entities`], CR LF as LF, NUL dropped
//!   from text.
//! - Raw text: the content of `script`, `style`, `xmp`, `iframe`, `noembed`, `noframes`,
//!   `textarea` and `title` runs to its own end tag and is never read as markup;
//!   `plaintext` runs to the end.
//! - Tree building, simplified: void elements (`br`, `img`, ...) take no children; a block
//!   element closes an open `p`, `li` closes an open `li`, `a` closes an open `a`; an end
//!   tag closes the nearest open element of its name and everything opened after it, and
//!   is ignored when none is open; `html`, `head` and `body` tags are ignored; inside
//!   `svg`/`math` (which the allowlist drops whole) tags may self-close, nothing is raw
//!   text and an HTML element such as `p` does not end the foreign content, unlike in a
//!   browser. Text is kept where it appears (no foster parenting, no reconstruction of
//!   formatting elements).
//! - At most [`MAX_DEPTH`] levels: deeper start tags are ignored, their text stays.

use std::borrow::Cow;

/// Open elements at most; deeper start tags are ignored (their content is kept as text of
/// the deepest element), so hostile nesting costs no stack.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have children.
const VOID: &str = "area base br col embed hr img input keygen link meta param source track wbr";

/// Elements whose content is text up to their own end tag (`plaintext`: to the end).
const RAW_TEXT: &str = "script style xmp iframe noembed noframes textarea title plaintext";

/// Start tags that close an open `p`.
const CLOSES_P: &str = "address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption \
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li listing main menu nav ol p plaintext pre section summary ul xmp";

/// Elements an implied end tag does not reach past.
const SCOPE: &str = "applet blockquote button caption dl fieldset marquee menu object ol table td template th ul";

/// Is `name` one of the space-separated names of `list`?
fn listed(list: &str, name: &str) -> bool {
    list.split_ascii_whitespace().any(|n| n == name)
}

/// Parses untrusted comment HTML into a tree, following the module's rules.
///
/// ```
/// use folio::comments::html::parse;
/// use folio::comments::Untrusted;
/// let tree = parse("<P class=x>a &amp; <b>b</p><script>1 < 2</script>");
/// assert_eq!(tree, [
///     Untrusted::element("p", &[("class", "x")], vec![
///         Untrusted::text("a & "),
///         Untrusted::element("b", &[], vec![Untrusted::text("b")]),
///     ]),
///     Untrusted::element("script", &[], vec![Untrusted::text("1 < 2")]),
/// ]);
/// ```
pub fn parse(html: &str) -> Vec<Untrusted> {
    let input: Cow<str> = if crate::search::byte(html, b'\r').is_some() {
        crate::search::replace(&crate::search::replace(html, "\r\n", "\n"), "\r", "\n").into()
    } else {
        html.into()
    };
    let s = input.as_ref();
    let b = s.as_bytes();
    let mut tree = Tree { stack: Vec::new(), root: Vec::new() };
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = find(b, i, b"<") else {
            tree.text(&s[i..]);
            break;
        };
        tree.text(&s[i..lt]);
        i = tree.markup(s, lt);
    }
    while !tree.stack.is_empty() {
        tree.pop();
    }
    tree.root
}

struct Open {
    tag: String,
    attrs: Vec<(String, String)>,
    children: Vec<Untrusted>,
    /// Inside `svg` or `math`.
    foreign: bool,
}

struct Tree {
    stack: Vec<Open>,
    root: Vec<Untrusted>,
}

/// A start or end tag as read.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The position of `needle` in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut at = from;
    loop {
        at += b.get(at..)?.iter().position(|&c| c == first)?;
        if b[at + 1..].starts_with(rest) {
            return Some(at);
        }
        at += 1;
    }
}

/// The position just past the first `>` at or after `from` (the end of the input without one).
fn past_gt(b: &[u8], from: usize) -> usize {
    find(b, from, b">").map_or(b.len(), |p| p + 1)
}

/// A name or attribute value as text: NUL becomes U+FFFD.
fn clean(s: &str) -> String {
    if crate::search::byte(s, 0).is_some() {
        crate::search::replace(s, "\0", "\u{fffd}")
    } else {
        s.to_string()
    }
}

/// Reads a tag whose name starts at `i` (just after `<` or `</`). Returns the tag and the
/// position after its `>`, or `None` when the input ends inside it (the tag is dropped).
fn read_tag(s: &str, mut i: usize) -> Option<(Tag, usize)> {
    let b = s.as_bytes();
    let start = i;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let mut tag = Tag { name: clean(&s[start..i].to_ascii_lowercase()), attrs: Vec::new(), self_closing: false };
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => return Some((tag, i + 1)),
            b'/' => {
                i += 1;
                if b.get(i) == Some(&b'>') {
                    tag.self_closing = true;
                    return Some((tag, i + 1));
                }
                continue;
            }
            _ => {}
        }
        // The first character of a name may be `=`.
        let start = i;
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = clean(&s[start..i].to_ascii_lowercase());
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match *b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let end = find(b, i + 1, &[q])?;
                    value = &s[i + 1..end];
                    i = end + 1;
                }
                b'>' => {}
                _ => {
                    let start = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    value = &s[start..i];
                }
            }
        }
        if !tag.attrs.iter().any(|(n, _)| *n == name) {
            tag.attrs.push((name, clean(&decode_entities(value))));
        }
    }
}

impl Tree {
    fn in_foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.foreign)
    }

    fn children(&mut self) -> &mut Vec<Untrusted> {
        match self.stack.last_mut() {
            Some(open) => &mut open.children,
            None => &mut self.root,
        }
    }

    /// Closes the innermost open element.
    fn pop(&mut self) {
        if let Some(o) = self.stack.pop() {
            let node = Untrusted::Element { tag: o.tag, attrs: o.attrs, children: o.children };
            self.children().push(node);
        }
    }

    /// Closes the nearest open `tag` (and everything inside it), unless an element listed in
    /// `stop` or foreign content comes first. Returns whether it was open.
    fn close(&mut self, tag: &str, stop: &str) -> bool {
        for (n, open) in self.stack.iter().enumerate().rev() {
            if open.tag == tag {
                while self.stack.len() > n {
                    self.pop();
                }
                return true;
            }
            if open.foreign || listed(stop, &open.tag) {
                return false;
            }
        }
        false
    }

    fn text(&mut self, raw: &str) {
        let mut t = if crate::search::byte(raw, b'&').is_some() {
            Cow::Owned(decode_entities(raw))
        } else {
            Cow::Borrowed(raw)
        };
        if crate::search::byte(&t, 0).is_some() {
            t = Cow::Owned(crate::search::replace(&t, "\0", ""));
        }
        // Before any content the parser is not in the body yet and skips white space.
        let t = if self.stack.is_empty() && self.root.is_empty() {
            t.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8))
        } else {
            &t
        };
        if t.is_empty() {
            return;
        }
        match self.children().last_mut() {
            Some(Untrusted::Text(prev)) => prev.push_str(t),
            _ => self.children().push(Untrusted::Text(t.to_string())),
        }
    }

    /// Reads the markup at `lt` (a `<`) and returns where the input continues.
    fn markup(&mut self, s: &str, lt: usize) -> usize {
        let b = s.as_bytes();
        match b.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => match read_tag(s, lt + 1) {
                Some((tag, next)) => self.start(s, tag, next),
                None => b.len(),
            },
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => match read_tag(s, lt + 2) {
                    Some((tag, next)) => {
                        self.end(s, &tag.name);
                        next
                    }
                    None => b.len(),
                },
                Some(b'>') => lt + 3,
                None => {
                    self.text("</");
                    b.len()
                }
                Some(_) => past_gt(b, lt + 2),
            },
            Some(b'!') if b[lt + 2..].starts_with(b"--") => {
                let body = lt + 4;
                if b[body..].starts_with(b">") {
                    return body + 1;
                }
                if b[body..].starts_with(b"->") {
                    return body + 2;
                }
                let mut from = body;
                while let Some(dash) = find(b, from, b"--") {
                    if b[dash + 2..].starts_with(b">") {
                        return dash + 3;
                    }
                    if b[dash + 2..].starts_with(b"!>") {
                        return dash + 4;
                    }
                    from = dash + 1;
                }
                b.len()
            }
            Some(b'!') if self.in_foreign() && b[lt + 2..].starts_with(b"[CDATA[") => {
                let body = lt + 9;
                let end = find(b, body, b"]]>");
                self.text_raw(&s[body..end.unwrap_or(b.len())]);
                end.map_or(b.len(), |e| e + 3)
            }
            Some(b'!' | b'?') => past_gt(b, lt + 2),
            _ => {
                self.text("<");
                lt + 1
            }
        }
    }

    /// Appends text as it is (CDATA: no character references).
    fn text_raw(&mut self, t: &str) {
        if !t.is_empty() {
            self.children().push(Untrusted::Text(t.to_string()));
        }
    }

    /// Handles a start tag read up to `next`; returns where the input continues.
    fn start(&mut self, s: &str, tag: Tag, mut next: usize) -> usize {
        let name = tag.name.as_str();
        if matches!(name, "html" | "head" | "body") {
            return next;
        }
        let foreign = name == "svg" || name == "math" || self.in_foreign();
        if !foreign {
            if listed(CLOSES_P, name) {
                self.close("p", SCOPE);
            }
            if name == "li" {
                self.close("li", SCOPE);
            }
            if name == "a" {
                self.close("a", "");
            }
        }
        let b = s.as_bytes();
        let mut element = Open { tag: tag.name, attrs: tag.attrs, children: Vec::new(), foreign };
        let name = element.tag.as_str();
        if !foreign && listed(RAW_TEXT, name) {
            let (text, end) = raw_text(s, next, name);
            if !text.is_empty() {
                element.children.push(Untrusted::Text(text.to_string()));
            }
            self.children().push(Untrusted::Element {
                tag: element.tag,
                attrs: element.attrs,
                children: element.children,
            });
            return end;
        }
        if listed(VOID, name) || (foreign && tag.self_closing) {
            self.children().push(Untrusted::Element { tag: element.tag, attrs: element.attrs, children: Vec::new() });
            return next;
        }
        // A line break right after `<pre>` is not content.
        if matches!(name, "pre" | "listing") && b.get(next) == Some(&b'\n') {
            next += 1;
        }
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(element);
        }
        next
    }

    fn end(&mut self, s: &str, name: &str) {
        match name {
            "html" | "head" | "body" => {}
            // `</br>` is read as `<br>`.
            "br" => {
                self.start(s, Tag { name: "br".into(), attrs: Vec::new(), self_closing: false }, s.len());
            }
            _ => {
                self.close(name, "");
            }
        }
    }
}

/// The raw text of element `name` from `from` to its end tag, and where the input continues
/// after that end tag (the end of the input when there is none).
fn raw_text<'a>(s: &'a str, from: usize, name: &str) -> (&'a str, usize) {
    let b = s.as_bytes();
    let mut at = from;
    while let Some(lt) = find(b, at, b"</").filter(|_| name != "plaintext") {
        let after = lt + 2 + name.len();
        let closes = b.get(lt + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(after).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
        if closes {
            let end = read_tag(s, lt + 2).map_or(b.len(), |(_, next)| next);
            return (&s[from..lt], end);
        }
        at = lt + 2;
    }
    (&s[from..], b.len())
}

/// Untrusted HTML as [`parse`] read it.
#[derive(Debug, Clone, PartialEq)]
pub enum Untrusted {
    /// An element: its tag name as the parser reported it, its attributes, its children.
    Element {
        /// Tag name, any case (`"P"`, `"svg"`).
        tag: String,
        /// Attributes (name, value) in document order.
        attrs: Vec<(String, String)>,
        /// Child nodes.
        children: Vec<Untrusted>,
    },
    /// A text node (character references already decoded by the parser).
    Text(String),
}

impl Untrusted {
    /// An element node (for tests).
    pub fn element(tag: &str, attrs: &[(&str, &str)], children: Vec<Untrusted>) -> Self {
        Untrusted::Element {
            tag: tag.to_string(),
            attrs: attrs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
            children,
        }
    }

    /// A text node.
    pub fn text(s: &str) -> Self {
        Untrusted::Text(s.to_string())
    }
}

/// Decodes character references: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, any numeric
/// reference, and the few named ones hand-written HTML commonly uses (`&nbsp;`, `&copy;`,
/// `&reg;`, `&trade;`, `&euro;`, `&ndash;`, `&mdash;`, `&hellip;`, curly quotes). Other
/// references stay as written (HTML has over two thousand; a server should send the
/// character itself or a numeric reference). The result is text, never markup.
///
/// ```
/// use folio::comments::html::decode_entities;
/// assert_eq!(decode_entities("Tom &amp; Jerry &lt;3 &#128512; &bogus;"), "Tom & Jerry <3 😀 &bogus;");
/// ```
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = crate::search::byte(rest, b'&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // `&` and `;` are ASCII, so these slices fall on character boundaries.
        let end = rest[1..].bytes().take(11).position(|b| b == b';');
        let decoded = end.and_then(|end| entity(&rest[1..1 + end]).map(|c| (c, end + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    let number = |digits: &str, radix| crate::date::parse_number(digits, radix).and_then(char::from_u32);
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        "copy" => Some('©'),
        "reg" => Some('®'),
        "trade" => Some('™'),
        "euro" => Some('€'),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        "hellip" => Some('…'),
        "lsquo" => Some('‘'),
        "rsquo" => Some('’'),
        "ldquo" => Some('“'),
        "rdquo" => Some('”'),
        _ => {
            let code = name.strip_prefix("#")?;
            let c = match code.strip_prefix("x").or_else(|| code.strip_prefix("X")) {
                Some(hex) => number(hex, 16),
                None => number(code, 10),
            }?;
            Some(if c == '\0' { '\u{fffd}' } else { c })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(tag: &str, attrs: &[(&str, &str)], children: Vec<Untrusted>) -> Untrusted {
        Untrusted::element(tag, attrs, children)
    }

    fn t(s: &str) -> Untrusted {
        Untrusted::text(s)
    }

    #[test]
    fn isso_output_reads_as_written() {
        let html = "<p>line1<br>\nline2 &lt;b&gt; &amp; &quot;q&quot;</p>\n<p></p><pre><code>code &lt;x&gt;\nblock</code></pre><p></p>";
        assert_eq!(
            parse(html),
            [
                e("p", &[], vec![t("line1"), e("br", &[], vec![]), t("\nline2 <b> & \"q\"")]),
                t("\n"),
                e("p", &[], vec![]),
                e("pre", &[], vec![e("code", &[], vec![t("code <x>\nblock")])]),
                e("p", &[], vec![]),
            ]
        );
        assert_eq!(
            parse("<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
            [e("ul", &[], vec![t("\n"), e("li", &[], vec![t("a")]), t("\n"), e("li", &[], vec![t("b")]), t("\n")])]
        );
    }

    #[test]
    fn unclosed_and_stray_tags() {
        assert_eq!(parse("<p>a<em>b"), [e("p", &[], vec![t("a"), e("em", &[], vec![t("b")])])]);
        // A block closes an open paragraph; a list item closes the one before it.
        assert_eq!(
            parse("<p>a<p>b<ul><li>c<li>d</ul>"),
            [
                e("p", &[], vec![t("a")]),
                e("p", &[], vec![t("b")]),
                e("ul", &[], vec![e("li", &[], vec![t("c")]), e("li", &[], vec![t("d")])]),
            ]
        );
        // Nested lists keep their items; a link closes an open link.
        assert_eq!(
            parse("<ul><li>a<ul><li>b</ul></ul>"),
            [e("ul", &[], vec![e("li", &[], vec![t("a"), e("ul", &[], vec![e("li", &[], vec![t("b")])])])])]
        );
        assert_eq!(
            parse("<a href=1>x<a href=2>y"),
            [e("a", &[("href", "1")], vec![t("x")]), e("a", &[("href", "2")], vec![t("y")])]
        );
        // An end tag with nothing to close is ignored; one closes what was opened inside it.
        assert_eq!(parse("a</em></p><b><i>c</b>d"), [t("a"), e("b", &[], vec![e("i", &[], vec![t("c")])]), t("d")]);
        assert_eq!(parse("<html><head></head><body>x</body></html>"), [t("x")]);
        assert_eq!(parse("a</br>b"), [t("a"), e("br", &[], vec![]), t("b")]);
        // Void elements take no children, even written as a pair.
        assert_eq!(
            parse("<img src=x>a</img><br/>b"),
            [e("img", &[("src", "x")], vec![]), t("a"), e("br", &[], vec![]), t("b")]
        );
        // Input that ends inside a tag drops the tag.
        assert_eq!(parse("a<b"), [t("a")]);
        assert_eq!(parse("a<p title=\"x>"), [t("a")]);
        assert_eq!(parse("a</p"), [t("a")]);
    }

    #[test]
    fn text_that_is_not_markup() {
        assert_eq!(parse("1 < 2 <3 a<>b <=c < d"), [t("1 < 2 <3 a<>b <=c < d")]);
        assert_eq!(parse("a</ b>c</>d</"), [t("acd</")]);
        assert_eq!(parse("  \n\tlead"), [t("lead")], "white space before any content is skipped");
        assert_eq!(parse("a\r\nb\rc\0d"), [t("a\nb\ncd")]);
        assert_eq!(parse("<pre>\n\ncode</pre>"), [e("pre", &[], vec![t("\ncode")])]);
        assert_eq!(parse(""), []);
    }

    #[test]
    fn entities() {
        assert_eq!(
            parse("&amp;&lt;&gt;&quot;&#39;&#x27;&apos;&nbsp;&copy;&mdash;&hellip;&#233;&#128512;&#0;"),
            [t("&<>\"'''\u{a0}©—…é😀\u{fffd}")]
        );
        assert_eq!(parse("&bogus; &amp &#xZZ; AT&T"), [t("&bogus; &amp &#xZZ; AT&T")]);
        assert_eq!(
            parse("<a href=\"https://x.example/?a=1&amp;b=2\" title='&lt;'>"),
            [e("a", &[("href", "https://x.example/?a=1&b=2"), ("title", "<")], vec![])]
        );
    }

    #[test]
    fn comments_doctype_and_cdata_vanish() {
        assert_eq!(parse("a<!-- <script>x</script> -->b<!---->c<!-->d<!--->e<!-- x --!>f"), [t("abcdef")]);
        assert_eq!(parse("a<!-- never closed <p>b"), [t("a")]);
        assert_eq!(
            parse("<!DOCTYPE html>a<?xml x?>b<![CDATA[<p>c]]>d"),
            [t("abc]]>d")],
            "CDATA outside SVG is a bogus comment up to the first >"
        );
        assert_eq!(parse("<svg><![CDATA[<p>x]]></svg>"), [e("svg", &[], vec![t("<p>x")])]);
    }

    #[test]
    fn attributes_in_every_spelling() {
        let tag = "<a HREF=https://a.example/x?y=1 title = 'single \"q\"' data-x=\"double 'q'\" hidden =v2 bare href=second/>";
        assert_eq!(
            parse(tag),
            [e(
                "a",
                &[
                    ("href", "https://a.example/x?y=1"),
                    ("title", "single \"q\""),
                    ("data-x", "double 'q'"),
                    ("hidden", "v2"),
                    ("bare", ""),
                ],
                vec![]
            )]
        );
        assert_eq!(parse("<p =x a=>b"), [e("p", &[("=x", ""), ("a", "")], vec![t("b")])]);
        assert_eq!(parse("<p a=1/b>c"), [e("p", &[("a", "1/b")], vec![t("c")])]);
        assert_eq!(parse("<p\nclass\n=\nx\n>c"), [e("p", &[("class", "x")], vec![t("c")])]);
        assert_eq!(parse("<p a=\"x\0\">c"), [e("p", &[("a", "x\u{fffd}")], vec![t("c")])]);
        // A `>` inside a quoted value does not end the tag.
        assert_eq!(parse("<p title=\"a>b\">c"), [e("p", &[("title", "a>b")], vec![t("c")])]);
    }

    #[test]
    fn raw_text_is_never_markup() {
        assert_eq!(
            parse("<script>if (a</b) x = '<p>';</script>after"),
            [e("script", &[], vec![t("if (a</b) x = '<p>';")]), t("after")]
        );
        assert_eq!(parse("<STYLE type=x>p{}</style >a"), [e("style", &[("type", "x")], vec![t("p{}")]), t("a")]);
        assert_eq!(parse("<script>never closed <p>x"), [e("script", &[], vec![t("never closed <p>x")])]);
        assert_eq!(parse("<script></scripty></script>a"), [e("script", &[], vec![t("</scripty>")]), t("a")]);
        assert_eq!(
            parse("<textarea></textarea><img src=x onerror=y></textarea>"),
            [e("textarea", &[], vec![]), e("img", &[("src", "x"), ("onerror", "y")], vec![])]
        );
        assert_eq!(
            parse("<iframe srcdoc=x><p>a</p></iframe>b"),
            [e("iframe", &[("srcdoc", "x")], vec![t("<p>a</p>")]), t("b")]
        );
        assert_eq!(parse("a<plaintext></plaintext><p>"), [t("a"), e("plaintext", &[], vec![t("</plaintext><p>")])]);
        // noscript is markup when scripting is off, as in the browser's inert parse.
        assert_eq!(
            parse("<noscript><p title=\"</noscript><img>\">x</noscript>"),
            [e("noscript", &[], vec![e("p", &[("title", "</noscript><img>")], vec![t("x")])])]
        );
    }

    #[test]
    fn svg_and_math() {
        // Self-closing tags, no raw text, and everything stays inside until `</svg>`.
        assert_eq!(
            parse("<svg><circle r=\"1\"/><style><b>x</b></style></svg>y"),
            [
                e(
                    "svg",
                    &[],
                    vec![e("circle", &[("r", "1")], vec![]), e("style", &[], vec![e("b", &[], vec![t("x")])])]
                ),
                t("y"),
            ]
        );
        assert_eq!(
            parse("<math><mi><p>x</p></mi></math>"),
            [e("math", &[], vec![e("mi", &[], vec![e("p", &[], vec![t("x")])])])]
        );
    }

    #[test]
    fn nesting_depth_is_capped() {
        let deep = "<b>".repeat(MAX_DEPTH + 100) + "x" + &"</b>".repeat(MAX_DEPTH + 100);
        let tree = parse(&deep);
        let (mut depth, mut node) = (0, &tree[0]);
        while let Untrusted::Element { children, .. } = node {
            depth += 1;
            node = &children[0];
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(node, &t("x"));
        // A script past the cap still hides its content.
        let deep = "<i>".repeat(MAX_DEPTH + 5) + "<script>alert(1)</script>ok";
        let tree = parse(&deep);
        let mut text = String::new();
        let mut stack: Vec<&Untrusted> = tree.iter().collect();
        while let Some(n) = stack.pop() {
            match n {
                Untrusted::Text(s) => text.push_str(s),
                Untrusted::Element { tag, children, .. } if tag != "script" => stack.extend(children.iter().rev()),
                Untrusted::Element { .. } => {}
            }
        }
        assert_eq!(text, "ok");
    }
}
