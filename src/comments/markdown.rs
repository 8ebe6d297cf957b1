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
    let mut st = St::new(src, 0);
    parse(&mut st, ALL, &mut refs);
    let r = Render { refs, hard_wrap };
    let mut tree = Vec::new();
    r.blocks(&st.toks, &mut tree);
    let mut out = sanitize(&tree);
    tidy(&mut out, true);
    out
}

type Refs = BTreeMap<String, String>;

// ---------------------------------------------------------------------------------------
// Blocks

enum B {
    Para(String),
    Text(String),
    Head(String),
    Hr,
    Code(String),
    Html(String),
    Quote(Vec<B>),
    List(bool, Vec<Vec<B>>),
    Blank,
}

struct St {
    src: String,
    cur: usize,
    toks: Vec<B>,
    lazy: Vec<usize>,
    depth: usize,
    blanks: Option<Vec<usize>>,
}

impl St {
    fn new(src: String, depth: usize) -> Self {
        St { src, cur: 0, toks: Vec::new(), lazy: Vec::new(), depth, blanks: None }
    }

    fn line_end(&self, pos: usize) -> usize {
        line_end(&self.src, pos)
    }

    fn add_para(&mut self, from: usize, to: usize) {
        let text = &self.src[from..to];
        match self.toks.last_mut() {
            Some(B::Para(p)) => p.push_str(text),
            _ => self.toks.push(B::Para(text.into())),
        }
    }

    /// mistune's `append_paragraph`: continues a paragraph with the current line.
    fn append_para(&mut self) -> Option<usize> {
        if !matches!(self.toks.last(), Some(B::Para(_))) {
            return None;
        }
        let end = self.line_end(self.cur);
        self.add_para(self.cur, end);
        Some(end)
    }
}

const FENCED: u16 = 1;
const INDENT: u16 = 2;
const ATX: u16 = 4;
const SETEX: u16 = 8;
const HR: u16 = 16;
const QUOTE: u16 = 32;
const LIST: u16 = 64;
const REF: u16 = 128;
const HTML: u16 = 256;
const BHTML: u16 = 512;
const BLANK: u16 = 1024;
const ALL: u16 = FENCED | INDENT | ATX | SETEX | HR | QUOTE | LIST | REF | HTML | BLANK;

const BLOCK_TAGS: &str = "address article aside base basefont blockquote body caption center col colgroup dd \
details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header \
hr html iframe legend li link main menu menuitem meta nav noframes ol optgroup option p param section source \
summary table tbody td tfoot th thead title tr track ul";
const PRE_TAGS: &str = "pre script style textarea";

fn has_word(list: &str, w: &str) -> bool {
    list.split(' ').any(|x| x == w)
}

enum Hit {
    /// spaces, marker char, marker length, info (start, end)
    Fenced(usize, u8, usize, usize, usize),
    Indent,
    /// text (start, end)
    Atx(usize, usize),
    /// level 1?
    Setex,
    Hr,
    Quote,
    /// marker start, marker end, line end
    List(usize, usize, usize),
    Ref(usize),
    /// marker end
    Html(usize),
    Blank(usize),
}

fn line_end(s: &str, pos: usize) -> usize {
    s[pos.min(s.len())..].find('\n').map_or(s.len(), |i| pos + i + 1)
}

fn is_blank_line(l: &[u8]) -> bool {
    l.last() == Some(&b'\n') && l[..l.len() - 1].iter().all(|c| matches!(c, b' ' | b'\t' | 11 | 12))
}

/// The first of mistune's block rules (in its order) matching the line at `pos`, with
/// at most `ind` leading spaces for the rules written ` {0,3}`.
fn hit(src: &str, pos: usize, rules: u16, ind: usize) -> Option<Hit> {
    let b = src.as_bytes();
    let le = line_end(src, pos);
    let eol = if le > pos && b[le - 1] == b'\n' { le - 1 } else { le };
    let line = &b[pos..eol];
    let sp = line.iter().take_while(|&&c| c == b' ').count();
    let rest = &line[sp..];
    let ok = sp <= ind && !rest.is_empty();
    let first = *rest.first().unwrap_or(&0);
    let run = |c: u8| rest.iter().take_while(|&&x| x == c).count();
    if rules & FENCED != 0 && ok && (first == b'`' || first == b'~') && run(first) >= 3 {
        let n = run(first);
        let info = rest[n..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
        return Some(Hit::Fenced(sp, first, n, pos + sp + n + info, eol));
    }
    if rules & INDENT != 0 && (sp >= 4 && line.len() > 4 || first == b'\t' && line.len() > sp + 1) {
        return Some(Hit::Indent);
    }
    if rules & ATX != 0 && ok && first == b'#' {
        let n = run(b'#');
        if n <= 6 && (n == rest.len() || matches!(rest[n], b' ' | b'\t')) {
            return Some(Hit::Atx(pos + sp + n, eol));
        }
    }
    if rules & SETEX != 0 && ok && (first == b'=' || first == b'-') {
        let n = rest.iter().take_while(|&&c| c == b'=' || c == b'-').count();
        if rest[n..].iter().all(|&c| c == b' ' || c == b'\t') {
            return Some(Hit::Setex);
        }
    }
    if rules & HR != 0
        && ok
        && matches!(first, b'-' | b'_' | b'*')
        && rest.iter().all(|&c| c == first || c == b' ' || c == b'\t')
        && rest.iter().filter(|&&c| c == first).count() >= 3
    {
        return Some(Hit::Hr);
    }
    if rules & QUOTE != 0 && ok && first == b'>' {
        return Some(Hit::Quote);
    }
    if rules & LIST != 0 && ok {
        let digits = rest.iter().take(10).take_while(|c| c.is_ascii_digit()).count();
        let m = if matches!(first, b'*' | b'+' | b'-') {
            1
        } else if (1..=9).contains(&digits) && matches!(rest.get(digits), Some(b'.' | b')')) {
            digits + 1
        } else {
            0
        };
        if m > 0 && (rest.len() == m || matches!(rest[m], b' ' | b'\t')) {
            return Some(Hit::List(pos + sp, pos + sp + m, eol));
        }
    }
    if rules & REF != 0 && ok && first == b'[' {
        let start = pos + sp + 1;
        let mut i = start;
        let mut n = 0;
        while i < b.len() && n < 1000 {
            match b[i] {
                b'[' => break,
                b']' => {
                    if b.get(i + 1) == Some(&b':') && i - start < 1000 {
                        return Some(Hit::Ref(i));
                    }
                    break;
                }
                b'\\' if i + 1 < b.len() && b[i + 1] != b'\n' => i += 1 + utf8_len(b[i + 1]),
                b'\\' => break,
                c => i += utf8_len(c),
            }
            n += 1;
        }
    }
    if rules & (HTML | BHTML) != 0 && ok && first == b'<' {
        let r = &rest[1..];
        let special = if r.starts_with(b"!--") {
            4
        } else if r.starts_with(b"?") {
            2
        } else if r.len() > 1 && r[0] == b'!' && r[1].is_ascii_uppercase() {
            3
        } else if r.starts_with(b"![CDATA[") {
            9
        } else {
            0
        };
        if special > 0 {
            return Some(Hit::Html(pos + sp + special));
        }
        let close = usize::from(r.first() == Some(&b'/'));
        let name = &r[close..];
        if name.first().is_some_and(u8::is_ascii_alphabetic) {
            let n = name.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
            let end = pos + sp + 1 + close + n;
            if rules & HTML != 0 {
                return Some(Hit::Html(end));
            }
            // BLOCK_HTML: a block or pre tag name (lower case) then a space, tab or line end.
            let n = name.iter().take_while(|c| !matches!(c, b' ' | b'\t')).count();
            let w = &src[pos + sp + 1 + close..pos + sp + 1 + close + n];
            if has_word(BLOCK_TAGS, w) || has_word(PRE_TAGS, w) {
                return Some(Hit::Html(pos + sp + 1 + close + n));
            }
        }
    }
    if rules & BLANK != 0 && is_blank_line(&b[pos..le]) {
        let mut p = le;
        while p < b.len() && is_blank_line(&b[p..line_end(src, p)]) {
            p = line_end(src, p);
        }
        return Some(Hit::Blank(p));
    }
    None
}

fn utf8_len(c: u8) -> usize {
    match c {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

fn parse(st: &mut St, rules: u16, refs: &mut Refs) {
    while st.cur < st.src.len() {
        if rules & INDENT != 0 {
            if let Some(e) = indent_code(st) {
                st.cur = e;
                continue;
            }
        }
        match hit(&st.src, st.cur, rules, 3) {
            Some(h) => {
                let end = apply(st, h, refs);
                let end = end.unwrap_or_else(|| {
                    let e = st.line_end(st.cur);
                    st.add_para(st.cur, e);
                    e
                });
                st.cur = end.min(st.src.len());
            }
            None => {
                let mut p = st.line_end(st.cur);
                while p < st.src.len() && hit(&st.src, p, rules, 3).is_none() {
                    p = st.line_end(p);
                }
                st.add_para(st.cur, p);
                st.cur = p;
            }
        }
    }
}

fn apply(st: &mut St, h: Hit, refs: &mut Refs) -> Option<usize> {
    let le = st.line_end(st.cur);
    match h {
        Hit::Blank(end) => {
            st.toks.push(B::Blank);
            Some(end)
        }
        Hit::Hr => {
            st.toks.push(B::Hr);
            Some(le)
        }
        Hit::Indent => st.append_para().or_else(|| indent_code(st)),
        Hit::Fenced(spaces, c, n, info, eol) => {
            let s = &st.src;
            if c == b'`' && s[info..eol].contains('`') {
                return None;
            }
            let mut p = le;
            let (code_end, end) = loop {
                if p >= s.len() {
                    break (s.len(), s.len());
                }
                let e = line_end(s, p);
                let l = s[p..e].trim_end_matches('\n').as_bytes();
                let sp = l.iter().take_while(|&&x| x == b' ').count();
                let k = l[sp..].iter().take_while(|&&x| x == c).count();
                if sp <= 3 && k >= n && l[sp + k..].iter().all(|&x| x == b' ' || x == b'\t') {
                    break (p, e);
                }
                p = e;
            };
            let code = &s[le.min(s.len())..code_end];
            let code = if spaces > 0 { map_lines(code, |l| strip_spaces(l, spaces)) } else { code.into() };
            st.toks.push(B::Code(code));
            Some(end)
        }
        Hit::Atx(a, b) => {
            let t = st.src[a..b].trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
            let u = t.trim_end_matches('#');
            let t = if u.is_empty() {
                u
            } else if u.ends_with(py_space) {
                u.trim_end_matches(py_space)
            } else {
                t
            };
            st.toks.push(B::Head(t.into()));
            Some(le)
        }
        Hit::Setex => {
            if st.lazy.binary_search(&st.cur).is_ok() {
                return None;
            }
            if let Some(B::Para(p)) = st.toks.last_mut() {
                let p = core::mem::take(p);
                *st.toks.last_mut()? = B::Head(p);
                return Some(le);
            }
            let h = hit(&st.src, st.cur, HR | LIST, 3)?;
            apply(st, h, refs)
        }
        Hit::Quote => block_quote(st, refs),
        Hit::List(ms, me, eol) => list(st, ms, me, eol, refs),
        Hit::Ref(close) => ref_link(st, close, refs),
        Hit::Html(me) => raw_html(st, me),
    }
}

fn map_lines(s: &str, f: impl Fn(&str) -> &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, l) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(f(l));
    }
    out
}

fn strip_spaces(l: &str, max: usize) -> &str {
    let n = l.bytes().take(max).take_while(|&c| c == b' ').count();
    &l[n..]
}

fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `^( {0,3})\t` at every line start becomes the spaces and then `width - spaces` more
/// (`tab` false) or four more (`tab` true): mistune's `expand_leading_tab`/`expand_tab`.
fn expand_tab(s: &str, width: usize, tab: bool) -> String {
    if !s.contains('\t') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, l) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let n = l.bytes().take(3).take_while(|&c| c == b' ').count();
        if l.as_bytes().get(n) == Some(&b'\t') {
            out.push_str(&l[..n]);
            let k = if tab { 4 } else { width.saturating_sub(n) };
            out.extend(std::iter::repeat(' ').take(k));
            out.push_str(&l[n + 1..]);
        } else {
            out.push_str(l);
        }
    }
    out
}

fn is_indent_line(l: &str) -> bool {
    let l = l.strip_suffix('\n').unwrap_or(l);
    let n = l.bytes().take_while(|&c| c == b' ').count();
    l.len() > 4 && n >= 4 || n + 1 < l.len() && l.as_bytes()[n] == b'\t'
}

fn indent_code(st: &mut St) -> Option<usize> {
    let le = st.line_end(st.cur);
    if !is_indent_line(&st.src[st.cur..le]) {
        return None;
    }
    if let Some(e) = st.append_para() {
        return Some(e);
    }
    let mut p = le;
    while p < st.src.len() {
        let e = st.line_end(p);
        let l = &st.src[p..e];
        if !(is_indent_line(l) || l.trim_matches(py_space).is_empty()) {
            break;
        }
        p = e;
    }
    let code = expand_tab(&st.src[st.cur..p], 4, false);
    let code = map_lines(&code, |l| if l.starts_with(' ') { strip_spaces(l, 4) } else { l });
    st.toks.push(B::Code(code.trim_matches('\n').into()));
    Some(p)
}

fn bq_line(line: &str) -> Option<String> {
    let sp = line.bytes().take(4).take_while(|&c| c == b' ').count();
    if sp > 3 || line.as_bytes().get(sp) != Some(&b'>') {
        return None;
    }
    let t = expand_tab(&line[sp + 1..], 3, false);
    Some(t.strip_prefix(' ').map_or(t.clone(), Into::into))
}

fn block_quote(st: &mut St, refs: &mut Refs) -> Option<usize> {
    let mut e = st.line_end(st.cur);
    let mut text = bq_line(&st.src[st.cur..e])?;
    let mut lazy = Vec::new();
    let require = hit(&text, 0, BLANK | INDENT | FENCED, 3).is_some();
    st.cur = e;
    let mut end_pos = None;
    let mut prev_blank = false;
    while st.cur < st.src.len() {
        e = st.line_end(st.cur);
        if let Some(q) = bq_line(&st.src[st.cur..e]) {
            prev_blank = q.trim_matches(py_space).is_empty();
            text.push_str(&q);
            st.cur = e;
            continue;
        }
        if require || prev_blank {
            break;
        }
        if let Some(h) = hit(&st.src, st.cur, BLANK | HR | FENCED | LIST | BHTML, 3) {
            end_pos = apply(st, h, refs);
            if end_pos.is_some() {
                break;
            }
        }
        lazy.push(text.len());
        text.push_str(&expand_tab(&st.src[st.cur..e], 3, false));
        st.cur = e;
    }
    let mut child = St::new(expand_tab(&text, 4, true), st.depth + 1);
    child.lazy = lazy;
    parse(&mut child, if st.depth + 1 >= NEST { ALL & !(QUOTE | LIST) } else { ALL }, refs);
    let tok = B::Quote(child.toks);
    match end_pos {
        Some(e) => {
            let at = st.toks.len().saturating_sub(1);
            st.toks.insert(at, tok);
            Some(e)
        }
        None => {
            st.toks.push(tok);
            Some(st.cur)
        }
    }
}

fn find_blank_after(st: &mut St, pos: usize) -> Option<usize> {
    let src = &st.src;
    let starts = st.blanks.get_or_insert_with(|| {
        let b = src.as_bytes();
        let mut v = Vec::new();
        let (mut p, mut prev) = (0, false);
        while p < b.len() {
            let e = line_end(src, p);
            let blank = is_blank_line(&b[p..e]);
            if blank && !prev {
                v.push(p);
            }
            prev = blank;
            p = e;
        }
        v
    });
    let i = starts.partition_point(|&s| s < pos);
    starts.get(i).copied()
}

fn ref_link(st: &mut St, close: usize, refs: &mut Refs) -> Option<usize> {
    if let Some(e) = st.append_para() {
        return Some(e);
    }
    let open = st.src[st.cur..].find('[')? + st.cur + 1;
    let key = unikey(&st.src[open..close]);
    if key.is_empty() {
        return None;
    }
    let (href, mut hp) = link_href(&st.src, close + 2, true)?;
    let href = escape_url(&unescape_char(href));
    let max = find_blank_after(st, hp).unwrap_or(st.src.len());
    let s = &st.src;
    let to_eol = |p: usize| {
        let n = s[p..].bytes().take_while(|&c| c == b' ' || c == b'\t').count();
        (s.as_bytes().get(p + n) == Some(&b'\n')).then_some(p + n + 1)
    };
    let end = match link_title(s, hp, max).and_then(&to_eol) {
        Some(e) => e,
        None => {
            hp = to_eol(hp)?;
            hp
        }
    };
    refs.entry(key).or_insert(href);
    Some(end)
}

fn raw_html(st: &mut St, me: usize) -> Option<usize> {
    let s = &st.src;
    let marker = s[st.cur..me].trim_matches(py_space);
    let to_end = |st: &mut St, pat: &str| -> usize {
        let end = match st.src[me..].find(pat) {
            Some(i) => st.line_end(me + i),
            None => st.src.len(),
        };
        st.toks.push(B::Html(st.src[st.cur..end].into()));
        end
    };
    let to_blank = |st: &mut St| -> usize {
        let end = find_blank_after(st, st.cur).unwrap_or(st.src.len());
        st.toks.push(B::Html(st.src[st.cur..end].into()));
        end
    };
    for (open, close) in [("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">")] {
        if marker == open || open == "<!" && marker.starts_with(open) {
            return Some(to_end(st, close));
        }
    }
    let (is_close, tag) = match marker.strip_prefix("</") {
        Some(t) => (true, t.to_ascii_lowercase()),
        None => (false, marker[1..].to_ascii_lowercase()),
    };
    if !is_close && has_word(PRE_TAGS, &tag) {
        let pat = ["</", &tag, ">"].concat();
        return Some(to_end(st, &pat));
    }
    if has_word(BLOCK_TAGS, &tag) {
        return Some(to_blank(st));
    }
    if let Some(e) = st.append_para() {
        return Some(e);
    }
    let le = st.line_end(st.cur);
    let rest = &st.src[me..le];
    let rest = if is_close { rest } else { &rest[html_attrs(rest)..] };
    let rest = rest.trim_start_matches([' ', '\t']);
    let ok =
        rest.strip_prefix('>').is_some_and(|r| r.trim_start_matches([' ', '\t']).trim_end_matches('\n').is_empty());
    ok.then(|| to_blank(st))
}

/// Length of the `HTML_ATTRIBUTES` match at the start of `s` (greedy).
fn html_attrs(s: &str) -> usize {
    let b = s.as_bytes();
    let ws = |p: usize| s[p..].chars().take_while(|&c| py_space(c)).map(char::len_utf8).sum::<usize>();
    let mut p = 0;
    loop {
        let mut q = p + ws(p);
        if q == p || !b.get(q).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_' || *c == b':') {
            return p;
        }
        q += b[q..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-')).count();
        let r = q + ws(q);
        if b.get(r) == Some(&b'=') {
            let v = r + 1 + ws(r + 1);
            let vlen = match b.get(v) {
                Some(&qc @ (b'"' | b'\'')) => b[v + 1..].iter().position(|&c| c == qc).map(|i| i + 2),
                _ => {
                    let n = b[v..]
                        .iter()
                        .take_while(|c| !matches!(c, b' ' | b'!' | b'"' | b'\'' | b'=' | b'<' | b'>' | b'`'))
                        .count();
                    (n > 0).then_some(n)
                }
            };
            if let Some(n) = vlen {
                q = v + n;
            }
        }
        p = q;
    }
}

// Lists ----------------------------------------------------------------------------------

struct Item {
    sp: usize,
    marker: String,
    text: String,
}

fn list(st: &mut St, ms: usize, me: usize, eol: usize, refs: &mut Refs) -> Option<usize> {
    let item = Item { sp: ms - st.cur, marker: st.src[ms..me].into(), text: st.src[me..eol].into() };
    if item.text.trim_matches(py_space).is_empty() {
        if let Some(e) = st.append_para() {
            return Some(e);
        }
    }
    let ordered = item.marker.len() > 1;
    if ordered && item.marker[..item.marker.len() - 1].parse::<u32>() != Ok(1) {
        if let Some(e) = st.append_para() {
            return Some(e);
        }
    }
    let bullet = *item.marker.as_bytes().last().unwrap_or(&b'-');
    st.cur = st.line_end(st.cur);
    let rules = if st.depth + 1 >= NEST { ALL & !(QUOTE | LIST) } else { ALL };
    let mut tight = true;
    let mut items = Vec::new();
    let mut end = None;
    let mut next = Some(item);
    while let Some(item) = next {
        let lw = item.sp + item.marker.len();
        let t = expand_tabs(&item.text, lw);
        let (text, cw) = if t.trim_start_matches(py_space).is_empty() {
            (String::new(), lw + 1)
        } else {
            let indent = count_indent(&t);
            let w = if indent >= 5 { 1 } else { indent };
            ([&t[w..], "\n"].concat(), lw + w)
        };
        let (lines, ni, loose, e) = item_lines(st, bullet, lw, text.is_empty(), cw, refs);
        tight &= !loose;
        if e.is_some() {
            end = e;
        }
        let mut src = text;
        for (i, l) in lines.split('\n').enumerate() {
            if i > 0 {
                src.push('\n');
            }
            if has_indent(l, cw) {
                src.push_str(&strip_indent(l, cw));
            } else {
                src.push_str(&expand_tabs(l, 0));
            }
        }
        let mut child = St::new(strip_end(src), st.depth + 1);
        parse(&mut child, rules, refs);
        let paras = child.toks.iter().filter(|t| matches!(t, B::Para(_))).count();
        tight &= paras < 2 && !child.toks.iter().any(|t| matches!(t, B::Blank));
        items.push(child.toks);
        next = ni;
    }
    if tight {
        for t in items.iter_mut().flatten() {
            if let B::Para(p) = t {
                *t = B::Text(core::mem::take(p));
            }
        }
    }
    let tok = B::List(ordered, items);
    match end {
        Some((e, at)) => {
            st.toks.insert(at, tok);
            Some(e)
        }
        None => {
            st.toks.push(tok);
            Some(st.cur)
        }
    }
}

/// mistune's `_collect_list_item_lines`: (source, next item, loose, (end, token index)).
fn item_lines(
    st: &mut St,
    bullet: u8,
    lw: usize,
    empty: bool,
    cw: usize,
    refs: &mut Refs,
) -> (String, Option<Item>, bool, Option<(usize, usize)>) {
    let mut src = String::new();
    let mut prev_blank = false;
    let ind = lw.min(3);
    while st.cur < st.src.len() {
        let next = st.line_end(st.cur);
        let raw = &st.src[st.cur..next];
        if is_blank_line(raw.as_bytes()) {
            src.push('\n');
            prev_blank = true;
            st.cur = next;
            continue;
        }
        let cont = has_indent(raw, cw);
        if cont {
            if prev_blank && empty && src.trim_matches(py_space).is_empty() {
                break;
            }
            src.push_str(raw);
            prev_blank = false;
            st.cur = next;
            continue;
        }
        let line = expand_tabs(raw, 0);
        let brk = hit(&st.src, st.cur, HR | FENCED | ATX | QUOTE | BHTML | LIST, ind);
        if !matches!(brk, Some(Hit::Hr)) {
            if let Some(item) = list_item(&line, bullet, ind) {
                st.cur = next;
                return (src, Some(item), prev_blank, None);
            }
        }
        if let Some(h) = brk {
            if matches!(h, Hit::List(..)) {
                break;
            }
            let at = st.toks.len();
            if let Some(e) = apply(st, h, refs) {
                return (src, None, false, Some((e, at)));
            }
        }
        if prev_blank {
            break;
        }
        src.push_str(&st.src[st.cur..next]);
        st.cur = next;
    }
    (src, None, false, None)
}

fn list_item(line: &str, bullet: u8, ind: usize) -> Option<Item> {
    let l = line.strip_suffix('\n').unwrap_or(line).as_bytes();
    let sp = l.iter().take_while(|&&c| c == b' ').count();
    if sp > ind {
        return None;
    }
    let r = &l[sp..];
    let m = if matches!(bullet, b'.' | b')') {
        let d = r.iter().take(10).take_while(|c| c.is_ascii_digit()).count();
        if (1..=9).contains(&d) && r.get(d) == Some(&bullet) {
            d + 1
        } else {
            return None;
        }
    } else if r.first() == Some(&bullet) {
        1
    } else {
        return None;
    };
    if r.len() > m && !matches!(r[m], b' ' | b'\t') {
        return None;
    }
    let l = &line[sp..];
    Some(Item { sp, marker: l[..m].into(), text: l[m..].trim_end_matches('\n').into() })
}

fn has_indent(line: &str, cols: usize) -> bool {
    let mut w = 0;
    for c in line.bytes() {
        match c {
            b' ' => w += 1,
            b'\t' => w += 4 - w % 4,
            _ => return false,
        }
        if w >= cols {
            return true;
        }
    }
    false
}

fn strip_indent(line: &str, cols: usize) -> String {
    let (mut w, mut i) = (0, 0);
    let b = line.as_bytes();
    while i < b.len() && w < cols {
        match b[i] {
            b' ' => w += 1,
            b'\t' => w += 4 - w % 4,
            _ => break,
        }
        i += 1;
    }
    if w < cols {
        return String::new();
    }
    let prefix = " ".repeat(w - cols);
    let rest = &line[i..];
    if rest.starts_with(' ') && !rest.contains('\t') || !rest.starts_with([' ', '\t']) {
        return prefix + rest;
    }
    prefix + &expand_tabs(rest, w)
}

fn expand_tabs(line: &str, start: usize) -> String {
    let mut col = start;
    let mut out = String::new();
    for (i, c) in line.char_indices() {
        match c {
            ' ' => {
                out.push(' ');
                col += 1;
            }
            '\t' => {
                let n = 4 - col % 4;
                out.extend(std::iter::repeat(' ').take(n));
                col += n;
            }
            _ => {
                out.push_str(&line[i..]);
                return out;
            }
        }
    }
    out
}

fn count_indent(t: &str) -> usize {
    let mut col = 0;
    for c in t.bytes() {
        match c {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => break,
        }
    }
    col
}

fn strip_end(s: String) -> String {
    let end = s.trim_end_matches(py_space).len();
    match s[end..].find('\n') {
        Some(i) => [&s[..end + i], "\n"].concat(),
        None => s,
    }
}

// ---------------------------------------------------------------------------------------
// Link pieces (mistune's helpers.py)

fn ascii_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 12)
}

/// A link destination at `pos`: (raw href, end).
fn link_href(s: &str, mut pos: usize, block: bool) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    while pos < b.len() && matches!(b[pos], b' ' | b'\t') {
        pos += 1;
    }
    if pos < b.len() && matches!(b[pos], b'\n' | b'\r') {
        pos += if b[pos] == b'\r' && b.get(pos + 1) == Some(&b'\n') { 2 } else { 1 };
        while pos < b.len() && matches!(b[pos], b' ' | b'\t') {
            pos += 1;
        }
    }
    if pos >= b.len() {
        return None;
    }
    if b[pos] == b'<' {
        let start = pos + 1;
        let mut p = start;
        while p < b.len() {
            match b[p] {
                b'>' => return Some((&s[start..p], p + 1)),
                b'\\' if b.get(p + 1).is_some_and(u8::is_ascii_punctuation) => p += 2,
                b'<' | b'\n' | b'\r' | 0 => return None,
                _ => p += 1,
            }
        }
        return None;
    }
    if block && ascii_ws(b[pos]) {
        return None;
    }
    let start = pos;
    let mut level = 0;
    while pos < b.len() {
        match b[pos] {
            c if ascii_ws(c) => break,
            c if c < 32 || c == 127 => return None,
            b'\\' if b.get(pos + 1).is_some_and(u8::is_ascii_punctuation) => {
                pos += 2;
                continue;
            }
            b'(' => {
                level += 1;
                if level > NEST {
                    return None;
                }
            }
            b')' if level == 0 => break,
            b')' => level -= 1,
            _ => {}
        }
        pos += 1;
    }
    (level == 0).then(|| (&s[start..pos.min(b.len())], pos.min(b.len())))
}

/// A link title starting with whitespace at `pos`: the end after its closing quote.
fn link_title(s: &str, pos: usize, max: usize) -> Option<usize> {
    let b = s.as_bytes();
    if pos >= max || !ascii_ws(b[pos]) {
        return None;
    }
    let mut p = pos;
    while p < max && ascii_ws(b[p]) {
        p += 1;
    }
    let close = match b.get(p)? {
        b'"' => b'"',
        b'\'' => b'\'',
        b'(' => b')',
        _ => return None,
    };
    let paren = close == b')';
    p += 1;
    while p < max {
        match b[p] {
            0 => return None,
            b'(' if paren => return None,
            b'\n'
                if {
                    let n = b[p + 1..max].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
                    b.get(p + 1 + n) == Some(&b'\n') && p + 1 + n < max
                } =>
            {
                return None
            }
            b'\\' if p + 1 < max && b[p + 1].is_ascii_punctuation() => p += 2,
            c if c == close => return Some(p + 1),
            _ => p += 1,
        }
    }
    None
}

fn unescape_char(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match it.peek() {
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => {
                out.push(n);
                it.next();
            }
            _ => out.push(c),
        }
    }
    out
}

fn unikey(s: &str) -> String {
    let mut k = String::new();
    for w in s.split(py_space).filter(|w| !w.is_empty()) {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(w);
    }
    // mistune folds case with `.lower().upper()`; ASCII folding spares the wasm
    // Unicode's case tables (labels differing only in non-ASCII case do not match).
    k.to_ascii_uppercase()
}

/// mistune's `unescape`: character references with their `;`. Named references other
/// than `amp lt gt quot apos` stay as written.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        let semi = rest.find(';').filter(|&n| n > 0);
        let done = semi.and_then(|n| {
            let name = &rest[..n];
            let c = if let Some(num) = name.strip_prefix('#') {
                let (digits, radix) = match num.strip_prefix(['x', 'X']) {
                    Some(h) => (h, 16),
                    None => (num, 10),
                };
                if digits.is_empty() || radix == 10 && digits.len() > 7 || !digits.chars().all(|c| c.is_digit(radix)) {
                    return None;
                }
                let v = u32::from_str_radix(digits, radix).unwrap_or(u32::MAX);
                match v {
                    0 => "\u{fffd}".into(),
                    0xd => "\r".into(),
                    1..=8 | 0xb | 0xe..=0x1f | 0x7f..=0x9f | 0xfdd0..=0xfdef => String::new(),
                    _ if v & 0xfffe == 0xfffe && v <= 0x10ffff => String::new(),
                    _ => char::from_u32(v).unwrap_or('\u{fffd}').into(),
                }
            } else {
                if n > 32 || name.contains(['\t', '\n', '\x0c', ' ', '<', '&', '#']) {
                    return None;
                }
                let known = ["amp&", "lt<", "gt>", "quot\"", "apos'"];
                match known.iter().find(|k| &k[..k.len() - 1] == name) {
                    Some(k) => k[k.len() - 1..].into(),
                    None => {
                        let k = known[..4]
                            .iter()
                            .filter(|k| name.starts_with(&k[..k.len() - 1]))
                            .max_by_key(|k| k.len())?;
                        [&k[k.len() - 1..], &name[k.len() - 1..], ";"].concat()
                    }
                }
            };
            Some((c, n + 1))
        });
        match done {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// mistune's `escape_url`: `quote(unescape(link), safe=":/?#@!$&()*+,;=%")`.
fn escape_url(link: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::new();
    for &c in unescape(link).as_bytes() {
        if c.is_ascii_alphanumeric() || b"_.-~:/?#@!$&()*+,;=%".contains(&c) {
            out.push(c as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(c >> 4)] as char);
            out.push(HEX[usize::from(c & 15)] as char);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Inline

#[derive(Clone, Copy, PartialEq)]
enum K {
    Em,
    Strong,
    Del,
    Sub,
    Sup,
    Link,
    Img,
}

enum Tok {
    /// Text; `true` when its `*` and `_` may still become emphasis.
    Text(String, bool),
    Code(String),
    /// A container: kind, href (links), children, nesting depth of the subtree.
    Node(K, String, Vec<Tok>, usize),
    /// An autolink: href, text.
    Auto(String, String),
    Br,
    Soft,
    Html(String),
}

fn depth_of(toks: &[Tok]) -> usize {
    toks.iter()
        .map(|t| match t {
            Tok::Node(.., d) => *d,
            Tok::Auto(..) => 1,
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

struct Bracket {
    start: usize,
    index: usize,
    image: bool,
    prev_link: Option<usize>,
    active: bool,
    nested: bool,
    child_depth: usize,
}

struct In<'s> {
    src: &'s str,
    toks: Vec<Tok>,
    depth: usize,
    in_link: bool,
    arena: Vec<Bracket>,
    stack: Vec<usize>,
    last_link: Option<usize>,
    /// Runs of backticks, by length: their start positions (built on first need).
    ticks: Option<BTreeMap<usize, Vec<usize>>>,
    /// Closing `~~` positions (built on first need).
    tildes: Option<Vec<usize>>,
    /// Last answers of `find`, per pattern: (from, hit).
    memo: Vec<(&'static str, usize, Option<usize>)>,
}

impl In<'_> {
    fn push(&mut self, t: Tok) {
        if let Some(&top) = self.stack.last() {
            let d = match &t {
                Tok::Node(.., d) => *d,
                Tok::Auto(..) if self.arena[top].image => 1,
                _ => 0,
            };
            let b = &mut self.arena[top];
            b.child_depth = b.child_depth.max(d);
        }
        self.toks.push(t);
    }

    fn text(&mut self, s: &str, emph: bool) {
        self.push(Tok::Text(s.into(), emph));
    }

    /// First occurrence of `pat` at or after `from`, memoised so that repeated failing
    /// searches stay linear.
    fn find(&mut self, pat: &'static str, from: usize) -> Option<usize> {
        if let Some(&(_, f, hit)) = self.memo.iter().find(|m| m.0 == pat) {
            if f <= from && hit.map_or(true, |h| h >= from) {
                return hit;
            }
        }
        let hit = self.src[from..].find(pat).map(|i| i + from);
        self.memo.retain(|m| m.0 != pat);
        self.memo.push((pat, from, hit));
        hit
    }
}

struct Render {
    refs: Refs,
    hard_wrap: bool,
}

const TRIGGERS: &[u8] = b"\\`*_~![]<\n^";

impl Render {
    fn inline(&self, src: &str, depth: usize, in_link: bool) -> Vec<Tok> {
        let mut st = In {
            src,
            toks: Vec::new(),
            depth,
            in_link,
            arena: Vec::new(),
            stack: Vec::new(),
            last_link: None,
            ticks: None,
            tildes: None,
            memo: Vec::new(),
        };
        let b = src.as_bytes();
        let mut pos = 0;
        while pos < b.len() {
            let mut t = b[pos..].iter().position(|c| TRIGGERS.contains(c)).map_or(b.len(), |i| i + pos);
            if t < b.len() && b[t] == b'\n' {
                let nl = t;
                while t > pos && b[t - 1] == b' ' {
                    t -= 1;
                }
                if t == nl && t > pos && b[t - 1] == b'\\' {
                    t -= 1;
                }
            }
            if t > pos {
                st.text(&src[pos..t], true);
                pos = t;
            }
            if pos >= b.len() {
                break;
            }
            pos = match self.rule(&mut st, pos) {
                Some(p) => p,
                None => {
                    let n = utf8_len(b[pos]);
                    st.text(&src[pos..pos + n], true);
                    pos + n
                }
            };
        }
        finalize(st.toks, depth)
    }

    /// Tries mistune's inline rules at `pos`, in its order; `None` when the first rule
    /// whose pattern matches gives up (or none matches).
    fn rule(&self, st: &mut In, pos: usize) -> Option<usize> {
        let s = st.src;
        let b = s.as_bytes();
        let at = |i: usize| b.get(i).copied().unwrap_or(0);
        match b[pos] {
            b'\\' => {
                let mut p = pos;
                while at(p) == b'\\' && at(p + 1).is_ascii_punctuation() {
                    p += 2;
                }
                if p > pos {
                    st.text(&unescape_char(&s[pos..p]), false);
                    return Some(p);
                }
                self.line_break(st, pos)
            }
            b'`' => {
                let n = b[pos..].iter().take_while(|&&c| c == b'`').count();
                let after = pos + n;
                let ticks = st.ticks.get_or_insert_with(|| {
                    let mut m: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
                    let mut i = 0;
                    while i < b.len() {
                        if b[i] == b'`' {
                            let k = b[i..].iter().take_while(|&&c| c == b'`').count();
                            m.entry(k).or_default().push(i);
                            i += k;
                        } else {
                            i += 1;
                        }
                    }
                    m
                });
                let end = ticks.get(&n).and_then(|v| v.get(v.partition_point(|&p| p < after)).copied());
                let Some(end) = end else {
                    st.text(&s[pos..after], true);
                    return Some(after);
                };
                let code = s[after..end].replace('\n', " ");
                let inner = code.trim_matches(' ');
                let code = if !inner.is_empty() && code.starts_with(' ') && code.ends_with(' ') {
                    code[1..code.len() - 1].into()
                } else {
                    code
                };
                st.push(Tok::Code(code));
                Some(end + n)
            }
            b'*' | b'_' => {
                let n = b[pos..].iter().take_while(|&&c| c == b'*' || c == b'_').count();
                st.text(&s[pos..pos + n], true);
                Some(pos + n)
            }
            b'~' if at(pos + 1) == b'~'
                && !s[pos + 2..].starts_with(|c: char| c == '~' || py_space(c))
                && pos + 2 < b.len() =>
            {
                if st.depth >= NEST {
                    return None;
                }
                let from = pos + 2;
                let tildes = st.tildes.get_or_insert_with(|| {
                    let mut v = Vec::new();
                    let mut i = 1;
                    while i + 1 < b.len() {
                        if b[i] == b'~' && b[i + 1] == b'~' && tilde_closer(s, i) {
                            v.push(i);
                        }
                        i += 1;
                    }
                    v
                });
                let close = *tildes.get(tildes.partition_point(|&p| p <= from))?;
                let kids = self.inline(&s[from..close], st.depth + 1, st.in_link);
                let d = depth_of(&kids) + 1;
                st.push(Tok::Node(K::Del, String::new(), kids, d));
                Some(close + 2)
            }
            b'~' | b'^' => {
                let c = b[pos];
                let end = script_end(b, pos, c);
                match end {
                    Some(e) if st.depth < NEST => {
                        let kids = self.inline(&s[pos + 1..e].replace("\\ ", " "), st.depth + 1, st.in_link);
                        let d = depth_of(&kids) + 1;
                        st.push(Tok::Node(if c == b'~' { K::Sub } else { K::Sup }, String::new(), kids, d));
                        Some(e + 1)
                    }
                    _ => None,
                }
            }
            b'!' | b'[' => {
                let image = b[pos] == b'!';
                if image && at(pos + 1) != b'[' {
                    return None;
                }
                let end = pos + 1 + usize::from(image);
                if let Some(&top) = st.stack.last() {
                    st.arena[top].nested = true;
                }
                let id = st.arena.len();
                st.arena.push(Bracket {
                    start: end,
                    index: st.toks.len(),
                    image,
                    prev_link: st.last_link,
                    active: true,
                    nested: false,
                    child_depth: 0,
                });
                if !image {
                    st.last_link = Some(id);
                }
                st.text(&s[pos..end], true);
                st.stack.push(id);
                Some(end)
            }
            b']' => {
                let mend = pos + b[pos..].iter().take_while(|&&c| c == b']').count();
                let mut p = pos;
                if self.refs.is_empty() {
                    let lit = mend - usize::from(at(mend) == b'(');
                    if lit > pos {
                        discard(st, lit - pos);
                        st.text(&s[pos..lit], true);
                        p = lit;
                    }
                }
                while p < mend {
                    if st.stack.is_empty() {
                        st.text(&s[p..mend], true);
                        return Some(mend);
                    }
                    p = self.close_bracket(st, p);
                }
                Some(p)
            }
            b'<' => self.angle(st, pos),
            _ => self.line_break(st, pos),
        }
    }

    fn line_break(&self, st: &mut In, pos: usize) -> Option<usize> {
        let b = st.src.as_bytes();
        let sp = b[pos..].iter().take_while(|&&c| c == b' ').count();
        let hard = !self.hard_wrap && (b[pos] == b'\\' && b.get(pos + 1) == Some(&b'\n') || sp >= 2);
        let nl = if b[pos] == b'\\' { pos + 1 } else { pos + sp };
        if b.get(nl) != Some(&b'\n') || b[pos] == b'\\' && !hard {
            return None;
        }
        let end = nl + 1 + st.src[nl + 1..].chars().take_while(|&c| py_space(c)).map(char::len_utf8).sum::<usize>();
        st.push(if hard || self.hard_wrap { Tok::Br } else { Tok::Soft });
        Some(end)
    }

    fn angle(&self, st: &mut In, pos: usize) -> Option<usize> {
        let s = st.src;
        let b = s.as_bytes();
        let r = &b[pos + 1..];
        // auto_link: <scheme:...>
        let scheme =
            r.iter().take(33).take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-')).count();
        if r.first().is_some_and(u8::is_ascii_alphabetic) && (2..=32).contains(&scheme) && r.get(scheme) == Some(&b':')
        {
            let n = r[scheme..].iter().take_while(|&&c| !matches!(c, b'<' | b'>' | 0..=b' ')).count();
            if r.get(scheme + n) == Some(&b'>') {
                let end = pos + 1 + scheme + n + 1;
                self.autolink(st, pos, end, false);
                return Some(end);
            }
        }
        // auto_email
        let local = r.iter().take_while(|c| c.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(c)).count();
        if local > 0 && r.get(local) == Some(&b'@') {
            let dom = &r[local + 1..];
            let n = dom.iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')).count();
            let ok_label = |l: &[u8]| {
                (1..=63).contains(&l.len()) && l[0].is_ascii_alphanumeric() && l[l.len() - 1].is_ascii_alphanumeric()
            };
            if dom.get(n) == Some(&b'>') && dom[..n].split(|&c| c == b'.').all(ok_label) {
                let end = pos + 1 + local + 1 + n + 1;
                self.autolink(st, pos, end, true);
                return Some(end);
            }
        }
        // inline_html
        let c1 = r.first().copied().unwrap_or(0);
        if !(c1.is_ascii_alphabetic()
            || c1 == b'!'
            || c1 == b'?'
            || c1 == b'/' && r.get(1).is_some_and(u8::is_ascii_alphabetic))
        {
            return None;
        }
        let rest = &s[pos..];
        let end = if rest.starts_with("<!-->") {
            pos + 5
        } else if rest.starts_with("<!--->") {
            pos + 6
        } else {
            let decl = rest.starts_with("<!") && !rest.starts_with("<!--") && !rest.starts_with("<![CDATA[") && {
                let n = r[1..].iter().take_while(|c| c.is_ascii_uppercase()).count();
                n > 0 && r.get(1 + n).is_some_and(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 12))
            };
            let (pat, off) = if rest.starts_with("<!--") {
                ("-->", 4)
            } else if rest.starts_with("<?") {
                ("?>", 2)
            } else if rest.starts_with("<![CDATA[") {
                ("]]>", 9)
            } else if decl {
                (">", 2 + r[1..].iter().take_while(|c| c.is_ascii_uppercase()).count() + 1)
            } else if rest.starts_with("<!") {
                return None;
            } else {
                ("", 0)
            };
            if !pat.is_empty() {
                st.find(pat, pos + off)? + pat.len()
            } else {
                pos + html_tag(rest)?
            }
        };
        let html = &s[pos..end];
        st.push(Tok::Html(html.into()));
        let hb = html.as_bytes();
        let after = |i: usize| matches!(hb.get(i), Some(b' ' | b'>'));
        if hb.len() > 2 && hb[1].eq_ignore_ascii_case(&b'a') && after(2) {
            st.in_link = true;
        } else if hb.len() > 3 && hb[1] == b'/' && hb[2].eq_ignore_ascii_case(&b'a') && after(3) {
            st.in_link = false;
        }
        Some(end)
    }

    fn autolink(&self, st: &mut In, pos: usize, end: usize, mail: bool) {
        let whole = &st.src[pos..end];
        if st.in_link || st.depth >= NEST {
            st.text(whole, true);
            return;
        }
        let text = &whole[1..whole.len() - 1];
        let url = if mail { ["mailto:", text].concat() } else { text.into() };
        st.push(Tok::Auto(escape_url(&url), text.into()));
    }

    fn close_bracket(&self, st: &mut In, close: usize) -> usize {
        let id = st.stack.pop().unwrap_or(0);
        let (image, cd) = (st.arena[id].image, st.arena[id].child_depth);
        if !image {
            st.last_link = st.arena[id].prev_link;
        }
        if let Some(&top) = st.stack.last() {
            st.arena[top].child_depth = st.arena[top].child_depth.max(cd);
        }
        if !st.arena[id].active || st.in_link && !image || st.depth + cd >= NEST {
            st.text("]", true);
            return close + 1;
        }
        let s = st.src;
        let mut found = None;
        if s.as_bytes().get(close + 1) == Some(&b'(') {
            found = inline_link(s, close + 2);
        }
        if found.is_none() {
            found = self.reference(st, id, close);
        }
        let Some((url, end)) = found else {
            st.text("]", true);
            return close + 1;
        };
        let index = st.arena[id].index;
        let mut kids: Vec<Tok> = st.toks.drain(index..).skip(1).collect();
        if !image {
            for k in &mut kids {
                if let Tok::Auto(_, t) = k {
                    *k = Tok::Text(["<", t, ">"].concat(), false);
                }
            }
        }
        let kids = finalize(kids, st.depth + 1);
        let d = depth_of(&kids) + 1;
        st.push(Tok::Node(if image { K::Img } else { K::Link }, url, kids, d));
        if !image {
            let mut b = st.last_link;
            while let Some(i) = b.filter(|&i| st.arena[i].active) {
                st.arena[i].active = false;
                b = st.arena[i].prev_link;
            }
        }
        end
    }

    fn reference(&self, st: &In, id: usize, close: usize) -> Option<(String, usize)> {
        if self.refs.is_empty() {
            return None;
        }
        let s = st.src;
        let b = s.as_bytes();
        let mut label = None;
        let mut next = None;
        if b.get(close + 1) == Some(&b'[') {
            // LINK_LABEL then `]`, within 1000 characters.
            let start = close + 2;
            let mut p = start;
            while p < b.len() && p - start < 1000 {
                match b[p] {
                    b']' => {
                        label = Some(&s[start..p]);
                        next = Some(p + 1);
                        break;
                    }
                    b'[' => break,
                    b'\\' if b.get(p + 1).is_some_and(|&c| c != b'\n') => p += 1 + utf8_len(b[p + 1]),
                    b'\\' => break,
                    c => p += utf8_len(c),
                }
            }
        }
        let label = match label.filter(|l| !l.is_empty()) {
            Some(l) => l,
            None => {
                let br = &st.arena[id];
                if br.nested || close - br.start > 999 {
                    return None;
                }
                &s[br.start..close]
            }
        };
        let url = self.refs.get(&unikey(label))?;
        Some((url.clone(), next.unwrap_or(close + 1)))
    }

    // Rendering to the untrusted tree the sanitizer takes -------------------------------

    fn blocks(&self, toks: &[B], out: &mut Vec<Untrusted>) {
        for t in toks {
            match t {
                B::Para(p) => out.push(el("p", self.inl(p))),
                B::Text(p) => {
                    for n in self.inl(p) {
                        push(out, n);
                    }
                    continue;
                }
                B::Head(p) => out.push(el("h1", self.inl(p))),
                B::Hr => out.push(el("hr", Vec::new())),
                B::Code(c) => out.push(el("pre", vec![el("code", vec![Untrusted::Text(c.clone())])])),
                B::Html(h) => out.push(el("p", vec![Untrusted::Text(h.trim_matches(py_space).into())])),
                B::Quote(q) => {
                    let mut kids = vec![Untrusted::Text("\n".into())];
                    self.blocks(q, &mut kids);
                    out.push(el("blockquote", kids));
                }
                B::List(ordered, items) => {
                    let mut kids = vec![Untrusted::Text("\n".into())];
                    for item in items {
                        let mut li = Vec::new();
                        self.blocks(item, &mut li);
                        kids.push(el("li", li));
                        kids.push(Untrusted::Text("\n".into()));
                    }
                    out.push(el(if *ordered { "ol" } else { "ul" }, kids));
                }
                B::Blank => continue,
            }
            push(out, Untrusted::Text("\n".into()));
        }
    }

    fn inl(&self, text: &str) -> Vec<Untrusted> {
        let toks = self.inline(text.trim_matches([' ', '\r', '\n', '\t', '\x0c']), 0, false);
        let mut out = Vec::new();
        tree(toks, &mut out);
        out
    }
}

fn el(tag: &str, children: Vec<Untrusted>) -> Untrusted {
    Untrusted::element(tag, &[], children)
}

/// Appends, merging text as the browser's parser would.
fn push(out: &mut Vec<Untrusted>, n: Untrusted) {
    if let (Some(Untrusted::Text(a)), Untrusted::Text(b)) = (out.last_mut(), &n) {
        a.push_str(b);
    } else if !matches!(&n, Untrusted::Text(t) if t.is_empty()) {
        out.push(n);
    }
}

fn tree(toks: Vec<Tok>, out: &mut Vec<Untrusted>) {
    for t in toks {
        let n = match t {
            Tok::Text(s, _) | Tok::Html(s) => Untrusted::Text(s),
            Tok::Code(c) => el("code", vec![Untrusted::Text(c)]),
            Tok::Soft => Untrusted::Text("\n".into()),
            Tok::Br => {
                out.push(el("br", Vec::new()));
                Untrusted::Text("\n".into())
            }
            Tok::Auto(url, text) => link(url, vec![Untrusted::Text(text)]),
            Tok::Node(k, url, kids, _) => {
                let mut c = Vec::new();
                tree(kids, &mut c);
                let tag = match k {
                    K::Em => "em",
                    K::Strong => "strong",
                    K::Del => "del",
                    K::Sub => "sub",
                    K::Sup => "sup",
                    K::Img => "img",
                    K::Link => "a",
                };
                match k {
                    K::Link => link(url, c),
                    // The browser reads `<img>` as void: its alt text is gone.
                    K::Img => el(tag, Vec::new()),
                    _ => el(tag, c),
                }
            }
        };
        push(out, n);
    }
}

/// A link as the browser read mistune's: the `href` decoded, or none when mistune's
/// renderer would have written `#harmful-link` (the sanitizer then unwraps it anyway
/// unless it is absolute http(s) or mailto).
fn link(url: String, children: Vec<Untrusted>) -> Untrusted {
    let t = url.trim_start();
    let safe = ["http:", "https:", "mailto:"]
        .iter()
        .any(|p| t.len() >= p.len() && t.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
    let href = unescape(&url);
    let attrs: &[(&str, &str)] = if safe { &[("href", &href)] } else { &[] };
    Untrusted::element("a", attrs, children)
}

fn inline_link(s: &str, pos: usize) -> Option<(String, usize)> {
    let (href, hp) = link_href(s, pos, false)?;
    let b = s.as_bytes();
    let mut p = link_title(s, hp, b.len()).unwrap_or(hp);
    while p < b.len() && ascii_ws(b[p]) {
        p += 1;
    }
    (b.get(p) == Some(&b')')).then(|| (escape_url(&unescape_char(href)), p + 1))
}

fn discard(st: &mut In, count: usize) {
    if count >= st.stack.len() {
        st.stack.clear();
        st.last_link = None;
        return;
    }
    let cut = st.stack.len() - count;
    let gone: Vec<usize> = st.stack.drain(cut..).collect();
    let parent = *st.stack.last().unwrap_or(&0);
    let mut found = false;
    for g in gone {
        let cd = st.arena[g].child_depth;
        st.arena[parent].child_depth = st.arena[parent].child_depth.max(cd);
        if !st.arena[g].image && !found {
            st.last_link = st.arena[g].prev_link;
            found = true;
        }
    }
}

/// `_formatting_closer` for `~~` at `i`.
fn tilde_closer(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    if b.get(i + 2) == Some(&b'~') && b.get(i + 3) != Some(&b'~') {
        return false;
    }
    match s[..i].chars().next_back() {
        None => false,
        Some('~') => {
            let n = b[..i - 1].iter().rev().take_while(|&&c| c == b'\\').count();
            n % 2 == 1
        }
        Some(c) => !py_space(c),
    }
}

/// The closing marker of `~sub~` / `^sup^` opened at `pos` (mistune's lazy pattern
/// `~(?:(?<!\\)(?:\\\\)*\\~|\S|\\ )+?~`, backtracking included).
fn script_end(b: &[u8], pos: usize, c: u8) -> Option<usize> {
    let mut i = pos + 1;
    let mut last_escaped = None;
    let mut first = true;
    loop {
        if !first && b.get(i) == Some(&c) {
            return Some(i);
        }
        first = false;
        let run = b[i.min(b.len())..].iter().take_while(|&&x| x == b'\\').count();
        if run % 2 == 1 && b[i - 1] != b'\\' && b.get(i + run) == Some(&c) {
            last_escaped = Some(i + run);
            i += run + 1;
        } else if b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b' ') {
            i += 2;
        } else if i < b.len() && !starts_space(&b[i..]) {
            i += utf8_len(b[i]);
        } else {
            return last_escaped;
        }
    }
}

fn starts_space(b: &[u8]) -> bool {
    let n = utf8_len(b[0]).min(b.len());
    core::str::from_utf8(&b[..n]).ok().and_then(|s| s.chars().next()).is_some_and(py_space)
}

/// Length of an HTML open or close tag at the start of `s` (`_INLINE_HTML_TAG`).
fn html_tag(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let close = b.get(1) == Some(&b'/');
    let start = 1 + usize::from(close);
    if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut p = start + b[start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
    if !close {
        p += html_attrs(&s[p..]);
    }
    p += s[p..].chars().take_while(|&c| py_space(c)).map(char::len_utf8).sum::<usize>();
    if !close && b.get(p) == Some(&b'/') {
        p += 1;
    }
    (b.get(p) == Some(&b'>')).then_some(p + 1)
}

// Emphasis (mistune's _inline/emphasis.py) ------------------------------------------------

struct Delim {
    part: usize,
    marker: u8,
    len: usize,
    open: bool,
    close: bool,
    orig: usize,
}

const NIL: usize = usize::MAX;

fn finalize(toks: Vec<Tok>, depth: usize) -> Vec<Tok> {
    // Coalesce adjacent text of the same kind.
    let mut merged: Vec<Tok> = Vec::with_capacity(toks.len());
    for t in toks {
        if let (Some(Tok::Text(a, ea)), Tok::Text(b, eb)) = (merged.last_mut(), &t) {
            if ea == eb {
                a.push_str(b);
                continue;
            }
        }
        merged.push(t);
    }
    let remaining = NEST.saturating_sub(depth);
    let any = merged.iter().any(|t| matches!(t, Tok::Text(s, true) if s.contains(['*', '_'])));
    if remaining == 0 || !any {
        return merge_text(merged);
    }
    // The source the flanking rules read.
    let mut source = String::new();
    for t in &merged {
        match t {
            Tok::Text(s, _) => source.push_str(s),
            Tok::Br | Tok::Soft => source.push('\n'),
            _ => source.push('\u{fffc}'),
        }
    }
    // Split into parts (a linked list) and delimiter runs.
    let mut parts: Vec<Option<Tok>> = Vec::new();
    let mut delims: Vec<Delim> = Vec::new();
    let mut abs = 0;
    for t in merged {
        match t {
            Tok::Text(s, true) => {
                let b = s.as_bytes();
                let mut p = 0;
                while p < b.len() {
                    let c = b[p];
                    let n = if c == b'*' || c == b'_' {
                        b[p..].iter().take_while(|&&x| x == c).count()
                    } else {
                        b[p..].iter().take_while(|&&x| x != b'*' && x != b'_').count()
                    };
                    if c == b'*' || c == b'_' {
                        let prev = source[..abs + p].chars().next_back().unwrap_or('\n');
                        let next = source[abs + p + n..].chars().next().unwrap_or('\n');
                        let (open, close) = flanking(prev, next, c);
                        if open || close {
                            delims.push(Delim { part: parts.len(), marker: c, len: n, open, close, orig: n });
                        }
                    }
                    parts.push(Some(Tok::Text(s[p..p + n].into(), true)));
                    p += n;
                }
                abs += s.len();
            }
            t => {
                abs += match &t {
                    Tok::Text(s, _) => s.len(),
                    Tok::Br | Tok::Soft => 1,
                    _ => 3,
                };
                parts.push(Some(t));
            }
        }
    }
    let n = parts.len();
    let mut next: Vec<usize> = (1..=n).collect();
    let mut prev: Vec<usize> = (0..n).map(|i| i.wrapping_sub(1)).collect();
    if n > 0 {
        next[n - 1] = NIL;
    }
    // Skip list over spent delimiters.
    let mut alive: Vec<usize> = (0..=delims.len()).collect();
    fn find(alive: &mut [usize], mut i: usize) -> usize {
        let mut root = i;
        while alive[root] != root {
            root = alive[root];
        }
        while alive[i] != root {
            let nx = alive[i];
            alive[i] = root;
            i = nx;
        }
        root
    }
    let raw_len = |parts: &[Option<Tok>], i: usize| match &parts[i] {
        Some(Tok::Text(s, _)) => s.len(),
        _ => 0,
    };
    let mut bottoms = [0usize; 12];
    let mut cp = 0;
    while cp < delims.len() {
        let c = &delims[cp];
        if !c.close || c.len == 0 {
            cp += 1;
            continue;
        }
        let key = usize::from(c.marker == b'_') * 6 + (c.len % 3) * 2 + usize::from(c.open);
        let bottom = bottoms[key];
        let mut op = cp;
        let mut found = None;
        while op > bottom {
            op -= 1;
            let o = &delims[op];
            if o.marker == c.marker && o.open && o.len > 0 && {
                !(o.close || c.open) || (o.orig + c.orig) % 3 != 0 || o.orig % 3 == 0 && c.orig % 3 == 0
            } {
                found = Some(op);
                break;
            }
        }
        let Some(op) = found else {
            bottoms[key] = cp;
            cp += 1;
            continue;
        };
        let (oi, ci) = (delims[op].part, delims[cp].part);
        let mut use_len = if delims[op].len >= 2 && delims[cp].len >= 2 { 2 } else { 1 };
        if use_len == 2 && !(raw_len(&parts, oi) >= 2 && raw_len(&parts, ci) >= 2) {
            use_len = 1;
        }
        let usable = raw_len(&parts, oi) >= use_len && raw_len(&parts, ci) >= use_len;
        // Children: the live parts between.
        let mut content = false;
        let mut i = next[oi];
        let mut dmax = 0;
        while i != ci && i != NIL {
            match &parts[i] {
                Some(Tok::Text(s, _)) if s.is_empty() => {}
                Some(t) => {
                    content = true;
                    dmax = dmax.max(depth_of(core::slice::from_ref(t)));
                }
                None => {}
            }
            i = next[i];
        }
        if !usable || !content || dmax >= remaining {
            cp += 1;
            continue;
        }
        let mut kids = Vec::new();
        let first = next[oi];
        let mut i = first;
        let mut count = 0;
        while i != ci {
            kids.extend(parts[i].take());
            count += 1;
            i = next[i];
        }
        for (p, from_end) in [(oi, true), (ci, false)] {
            if let Some(Tok::Text(s, _)) = &mut parts[p] {
                if from_end {
                    s.truncate(s.len() - use_len);
                } else {
                    s.drain(..use_len);
                }
            }
        }
        let kids = merge_text(kids);
        let d = depth_of(&kids) + 1;
        parts[first] = Some(Tok::Node(if use_len == 2 { K::Strong } else { K::Em }, String::new(), kids, d));
        next[first] = ci;
        prev[ci] = first;
        if count > 1 {
            let mut j = find(&mut alive, op + 1);
            while j < cp {
                delims[j].len = 0;
                alive[j] = j + 1;
                j = find(&mut alive, j + 1);
            }
        }
        delims[op].len -= use_len;
        delims[cp].len -= use_len;
        if delims[op].len == 0 {
            delims[op].open = false;
        }
        if delims[cp].len == 0 {
            delims[cp].close = false;
        }
        if delims[op].open || delims[cp].close {
            cp = op.max(bottoms[key]);
        } else {
            cp += 1;
        }
    }
    let mut out = Vec::new();
    let mut i = if n > 0 { 0 } else { NIL };
    while i != NIL {
        out.extend(parts[i].take());
        i = next[i];
    }
    merge_text(out)
}

fn flanking(prev: char, next: char, marker: u8) -> (bool, bool) {
    let punct = |c: char| !py_space(c) && !c.is_alphanumeric();
    let intraword = marker == b'_' && prev.is_alphanumeric() && next.is_alphanumeric();
    let open = !(intraword || py_space(next) || punct(next) && !py_space(prev) && !punct(prev));
    let close = !(intraword || py_space(prev) || punct(prev) && !py_space(next) && !punct(next));
    (open, close)
}

fn merge_text(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for t in toks {
        match t {
            Tok::Text(s, _) if s.is_empty() => {}
            Tok::Text(s, _) => match out.last_mut() {
                Some(Tok::Text(a, _)) => a.push_str(&s),
                _ => out.push(Tok::Text(s, true)),
            },
            t => out.push(t),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------

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
