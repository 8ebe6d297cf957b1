//! Inline syntax (mistune's `inline_parser.py`): code spans, links and images, autolinks,
//! breaks, inline HTML, into [`Token`]s and then into the output tree.

use super::*;

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Container {
    Em,
    Strong,
    Del,
    Sub,
    Sup,
    Link,
    Img,
}

pub(super) enum Token {
    /// Text; `true` when its `*` and `_` may still become emphasis.
    Text(String, bool),
    Code(String),
    /// A container: kind, href (links), children, nesting depth of the subtree.
    Node(Container, String, Vec<Token>, usize),
    /// An autolink: href, text.
    Auto(String, String),
    Br,
    Soft,
    Html(String),
}

pub(super) fn depth_of(toks: &[Token]) -> usize {
    toks.iter()
        .map(|t| match t {
            Token::Node(.., d) => *d,
            Token::Auto(..) => 1,
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

pub(super) struct Bracket {
    pub(super) start: usize,
    pub(super) index: usize,
    pub(super) image: bool,
    pub(super) prev_link: Option<usize>,
    pub(super) active: bool,
    pub(super) nested: bool,
    pub(super) child_depth: usize,
}

pub(super) struct InlineParser<'s> {
    pub(super) src: &'s str,
    pub(super) toks: Vec<Token>,
    pub(super) depth: usize,
    pub(super) in_link: bool,
    pub(super) arena: Vec<Bracket>,
    pub(super) stack: Vec<usize>,
    pub(super) last_link: Option<usize>,
    /// Runs of backticks, by length: their start positions (built on first need).
    pub(super) ticks: Option<BTreeMap<usize, Vec<usize>>>,
    /// Closing `~~` positions (built on first need).
    pub(super) tildes: Option<Vec<usize>>,
    /// Last answers of `find`, per pattern: (from, hit).
    pub(super) memo: Vec<(&'static str, usize, Option<usize>)>,
}

impl InlineParser<'_> {
    pub(super) fn push(&mut self, t: Token) {
        if let Some(&top) = self.stack.last() {
            let d = match &t {
                Token::Node(.., d) => *d,
                Token::Auto(..) if self.arena[top].image => 1,
                _ => 0,
            };
            let b = &mut self.arena[top];
            b.child_depth = b.child_depth.max(d);
        }
        self.toks.push(t);
    }

    pub(super) fn text(&mut self, s: &str, emph: bool) {
        self.push(Token::Text(s.into(), emph));
    }

    /// First occurrence of `pat` at or after `from`, memoised so that repeated failing
    /// searches stay linear.
    pub(super) fn find(&mut self, pat: &'static str, from: usize) -> Option<usize> {
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

pub(super) struct Render {
    pub(super) refs: Refs,
    pub(super) hard_wrap: bool,
}

pub(super) const TRIGGERS: &[u8] = b"\\`*_~![]<\n^";

impl Render {
    pub(super) fn inline(&self, src: &str, depth: usize, in_link: bool) -> Vec<Token> {
        let mut st = InlineParser {
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
    pub(super) fn rule(&self, st: &mut InlineParser, pos: usize) -> Option<usize> {
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
                st.push(Token::Code(code));
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
                st.push(Token::Node(Container::Del, String::new(), kids, d));
                Some(close + 2)
            }
            b'~' | b'^' => {
                let c = b[pos];
                let end = script_end(b, pos, c);
                match end {
                    Some(e) if st.depth < NEST => {
                        let kids = self.inline(&s[pos + 1..e].replace("\\ ", " "), st.depth + 1, st.in_link);
                        let d = depth_of(&kids) + 1;
                        st.push(Token::Node(
                            if c == b'~' { Container::Sub } else { Container::Sup },
                            String::new(),
                            kids,
                            d,
                        ));
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

    pub(super) fn line_break(&self, st: &mut InlineParser, pos: usize) -> Option<usize> {
        let b = st.src.as_bytes();
        let sp = b[pos..].iter().take_while(|&&c| c == b' ').count();
        let hard = !self.hard_wrap && (b[pos] == b'\\' && b.get(pos + 1) == Some(&b'\n') || sp >= 2);
        let nl = if b[pos] == b'\\' { pos + 1 } else { pos + sp };
        if b.get(nl) != Some(&b'\n') || b[pos] == b'\\' && !hard {
            return None;
        }
        let end = nl + 1 + st.src[nl + 1..].chars().take_while(|&c| py_space(c)).map(char::len_utf8).sum::<usize>();
        st.push(if hard || self.hard_wrap { Token::Br } else { Token::Soft });
        Some(end)
    }

    pub(super) fn angle(&self, st: &mut InlineParser, pos: usize) -> Option<usize> {
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
        st.push(Token::Html(html.into()));
        let hb = html.as_bytes();
        let after = |i: usize| matches!(hb.get(i), Some(b' ' | b'>'));
        if hb.len() > 2 && hb[1].eq_ignore_ascii_case(&b'a') && after(2) {
            st.in_link = true;
        } else if hb.len() > 3 && hb[1] == b'/' && hb[2].eq_ignore_ascii_case(&b'a') && after(3) {
            st.in_link = false;
        }
        Some(end)
    }

    pub(super) fn autolink(&self, st: &mut InlineParser, pos: usize, end: usize, mail: bool) {
        let whole = &st.src[pos..end];
        if st.in_link || st.depth >= NEST {
            st.text(whole, true);
            return;
        }
        let text = &whole[1..whole.len() - 1];
        let url = if mail { ["mailto:", text].concat() } else { text.into() };
        st.push(Token::Auto(escape_url(&url), text.into()));
    }

    pub(super) fn close_bracket(&self, st: &mut InlineParser, close: usize) -> usize {
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
        let mut kids: Vec<Token> = st.toks.drain(index..).skip(1).collect();
        if !image {
            for k in &mut kids {
                if let Token::Auto(_, t) = k {
                    *k = Token::Text(["<", t, ">"].concat(), false);
                }
            }
        }
        let kids = finalize(kids, st.depth + 1);
        let d = depth_of(&kids) + 1;
        st.push(Token::Node(if image { Container::Img } else { Container::Link }, url, kids, d));
        if !image {
            let mut b = st.last_link;
            while let Some(i) = b.filter(|&i| st.arena[i].active) {
                st.arena[i].active = false;
                b = st.arena[i].prev_link;
            }
        }
        end
    }

    pub(super) fn reference(&self, st: &InlineParser, id: usize, close: usize) -> Option<(String, usize)> {
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

    pub(super) fn blocks(&self, toks: &[Block], out: &mut Vec<Untrusted>) {
        for t in toks {
            match t {
                Block::Para(p) => out.push(el("p", self.inl(p))),
                Block::Text(p) => {
                    for n in self.inl(p) {
                        push(out, n);
                    }
                    continue;
                }
                Block::Head(p) => out.push(el("h1", self.inl(p))),
                Block::Hr => out.push(el("hr", Vec::new())),
                Block::Code(c) => out.push(el("pre", vec![el("code", vec![Untrusted::Text(c.clone())])])),
                Block::Html(h) => out.push(el("p", vec![Untrusted::Text(h.trim_matches(py_space).into())])),
                Block::Quote(q) => {
                    let mut kids = vec![Untrusted::Text("\n".into())];
                    self.blocks(q, &mut kids);
                    out.push(el("blockquote", kids));
                }
                Block::List(ordered, items) => {
                    let mut kids = vec![Untrusted::Text("\n".into())];
                    for item in items {
                        let mut li = Vec::new();
                        self.blocks(item, &mut li);
                        kids.push(el("li", li));
                        kids.push(Untrusted::Text("\n".into()));
                    }
                    out.push(el(if *ordered { "ol" } else { "ul" }, kids));
                }
                Block::Blank => continue,
            }
            push(out, Untrusted::Text("\n".into()));
        }
    }

    pub(super) fn inl(&self, text: &str) -> Vec<Untrusted> {
        let toks = self.inline(text.trim_matches([' ', '\r', '\n', '\t', '\x0c']), 0, false);
        let mut out = Vec::new();
        tree(toks, &mut out);
        out
    }
}

pub(super) fn el(tag: &str, children: Vec<Untrusted>) -> Untrusted {
    Untrusted::element(tag, &[], children)
}

/// Appends, merging text as the browser's parser would.
pub(super) fn push(out: &mut Vec<Untrusted>, n: Untrusted) {
    if let (Some(Untrusted::Text(a)), Untrusted::Text(b)) = (out.last_mut(), &n) {
        a.push_str(b);
    } else if !matches!(&n, Untrusted::Text(t) if t.is_empty()) {
        out.push(n);
    }
}

pub(super) fn tree(toks: Vec<Token>, out: &mut Vec<Untrusted>) {
    for t in toks {
        let n = match t {
            Token::Text(s, _) | Token::Html(s) => Untrusted::Text(s),
            Token::Code(c) => el("code", vec![Untrusted::Text(c)]),
            Token::Soft => Untrusted::Text("\n".into()),
            Token::Br => {
                out.push(el("br", Vec::new()));
                Untrusted::Text("\n".into())
            }
            Token::Auto(url, text) => link(url, vec![Untrusted::Text(text)]),
            Token::Node(k, url, kids, _) => {
                let mut c = Vec::new();
                tree(kids, &mut c);
                let tag = match k {
                    Container::Em => "em",
                    Container::Strong => "strong",
                    Container::Del => "del",
                    Container::Sub => "sub",
                    Container::Sup => "sup",
                    Container::Img => "img",
                    Container::Link => "a",
                };
                match k {
                    Container::Link => link(url, c),
                    // The browser reads `<img>` as void: its alt text is gone.
                    Container::Img => el(tag, Vec::new()),
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
pub(super) fn link(url: String, children: Vec<Untrusted>) -> Untrusted {
    let t = url.trim_start();
    let safe = ["http:", "https:", "mailto:"]
        .iter()
        .any(|p| t.len() >= p.len() && t.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
    let href = unescape(&url);
    let attrs: &[(&str, &str)] = if safe { &[("href", &href)] } else { &[] };
    Untrusted::element("a", attrs, children)
}

pub(super) fn inline_link(s: &str, pos: usize) -> Option<(String, usize)> {
    let (href, hp) = link_href(s, pos, false)?;
    let b = s.as_bytes();
    let mut p = link_title(s, hp, b.len()).unwrap_or(hp);
    while p < b.len() && ascii_ws(b[p]) {
        p += 1;
    }
    (b.get(p) == Some(&b')')).then(|| (escape_url(&unescape_char(href)), p + 1))
}

pub(super) fn discard(st: &mut InlineParser, count: usize) {
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
pub(super) fn tilde_closer(s: &str, i: usize) -> bool {
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
pub(super) fn script_end(b: &[u8], pos: usize, c: u8) -> Option<usize> {
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

pub(super) fn starts_space(b: &[u8]) -> bool {
    let n = utf8_len(b[0]).min(b.len());
    core::str::from_utf8(&b[..n]).ok().and_then(|s| s.chars().next()).is_some_and(py_space)
}

/// Length of an HTML open or close tag at the start of `s` (`_INLINE_HTML_TAG`).
pub(super) fn html_tag(s: &str) -> Option<usize> {
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
