//! Block structure, as mistune's `block_parser.py` reads it: the block rules a line may
//! start ([`Rules`], [`block_start`]), paragraphs, headings, code, block quotes, raw HTML and
//! link reference definitions, into [`Block`]s.

use super::*;

pub(super) enum Block {
    Para(String),
    Text(String),
    Head(String),
    Hr,
    Code(String),
    Html(String),
    Quote(Vec<Block>),
    List(bool, Vec<Vec<Block>>),
    Blank,
}

pub(super) struct BlockParser {
    pub(super) src: String,
    pub(super) cur: usize,
    pub(super) toks: Vec<Block>,
    pub(super) lazy: Vec<usize>,
    pub(super) depth: usize,
    pub(super) blanks: Option<Vec<usize>>,
}

impl BlockParser {
    pub(super) fn new(src: String, depth: usize) -> Self {
        BlockParser { src, cur: 0, toks: Vec::new(), lazy: Vec::new(), depth, blanks: None }
    }

    pub(super) fn line_end(&self, pos: usize) -> usize {
        line_end(&self.src, pos)
    }

    pub(super) fn add_para(&mut self, from: usize, to: usize) {
        let text = &self.src[from..to];
        match self.toks.last_mut() {
            Some(Block::Para(p)) => p.push_str(text),
            _ => self.toks.push(Block::Para(text.into())),
        }
    }

    /// mistune's `append_paragraph`: continues a paragraph with the current line.
    pub(super) fn append_para(&mut self) -> Option<usize> {
        if !matches!(self.toks.last(), Some(Block::Para(_))) {
            return None;
        }
        let end = self.line_end(self.cur);
        self.add_para(self.cur, end);
        Some(end)
    }
}

/// A set of mistune's block rules: which block starts [`block_start`] looks for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Rules(u16);

impl Rules {
    /// Fenced code (three or more backticks or tildes).
    pub(super) const FENCED: Rules = Rules(1);
    /// Indented code (four spaces or a tab).
    pub(super) const INDENT: Rules = Rules(2);
    /// An ATX heading (`#`).
    pub(super) const ATX: Rules = Rules(4);
    /// A setext heading underline (`===` or `---`).
    pub(super) const SETEX: Rules = Rules(8);
    /// A thematic break (`***`, `---`, `___`).
    pub(super) const HR: Rules = Rules(16);
    /// A block quote (`>`).
    pub(super) const QUOTE: Rules = Rules(32);
    /// A list item.
    pub(super) const LIST: Rules = Rules(64);
    /// A link reference definition (`[label]: url`).
    pub(super) const REF: Rules = Rules(128);
    /// Any raw HTML block.
    pub(super) const HTML: Rules = Rules(256);
    /// A raw HTML block that may interrupt a paragraph (a block or pre tag name).
    pub(super) const BLOCK_HTML: Rules = Rules(512);
    /// A blank line.
    pub(super) const BLANK: Rules = Rules(1024);
    /// Every rule of a block's first line (mistune's default block rules).
    pub(super) const ALL: Rules = Rules(1 | 2 | 4 | 8 | 16 | 32 | 64 | 128 | 256 | 1024);

    /// Whether any rule of `other` is in this set.
    pub(super) fn allows(self, other: Rules) -> bool {
        self.0 & other.0 != 0
    }

    /// This set without the rules of `other`.
    pub(super) fn without(self, other: Rules) -> Rules {
        Rules(self.0 & !other.0)
    }
}

impl std::ops::BitOr for Rules {
    type Output = Rules;

    fn bitor(self, other: Rules) -> Rules {
        Rules(self.0 | other.0)
    }
}

pub(super) const BLOCK_TAGS: &str =
    "address article aside base basefont blockquote body caption center col colgroup dd \
details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header \
hr html iframe legend li link main menu menuitem meta nav noframes ol optgroup option p param section source \
summary table tbody td tfoot th thead title tr track ul";
pub(super) const PRE_TAGS: &str = "pre script style textarea";

pub(super) fn has_word(list: &str, w: &str) -> bool {
    list.split(' ').any(|x| x == w)
}

pub(super) enum BlockStart {
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

pub(super) fn line_end(s: &str, pos: usize) -> usize {
    s[pos.min(s.len())..].find('\n').map_or(s.len(), |i| pos + i + 1)
}

pub(super) fn is_blank_line(l: &[u8]) -> bool {
    l.last() == Some(&b'\n') && l[..l.len() - 1].iter().all(|c| matches!(c, b' ' | b'\t' | 11 | 12))
}

/// The first of mistune's block rules (in its order) matching the line at `pos`, with
/// at most `ind` leading spaces for the rules written ` {0,3}`.
pub(super) fn block_start(src: &str, pos: usize, rules: Rules, ind: usize) -> Option<BlockStart> {
    let b = src.as_bytes();
    let le = line_end(src, pos);
    let eol = if le > pos && b[le - 1] == b'\n' { le - 1 } else { le };
    let line = &b[pos..eol];
    let sp = line.iter().take_while(|&&c| c == b' ').count();
    let rest = &line[sp..];
    let ok = sp <= ind && !rest.is_empty();
    let first = *rest.first().unwrap_or(&0);
    let run = |c: u8| rest.iter().take_while(|&&x| x == c).count();
    if rules.allows(Rules::FENCED) && ok && (first == b'`' || first == b'~') && run(first) >= 3 {
        let n = run(first);
        let info = rest[n..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
        return Some(BlockStart::Fenced(sp, first, n, pos + sp + n + info, eol));
    }
    if rules.allows(Rules::INDENT) && (sp >= 4 && line.len() > 4 || first == b'\t' && line.len() > sp + 1) {
        return Some(BlockStart::Indent);
    }
    if rules.allows(Rules::ATX) && ok && first == b'#' {
        let n = run(b'#');
        if n <= 6 && (n == rest.len() || matches!(rest[n], b' ' | b'\t')) {
            return Some(BlockStart::Atx(pos + sp + n, eol));
        }
    }
    if rules.allows(Rules::SETEX) && ok && (first == b'=' || first == b'-') {
        let n = rest.iter().take_while(|&&c| c == b'=' || c == b'-').count();
        if rest[n..].iter().all(|&c| c == b' ' || c == b'\t') {
            return Some(BlockStart::Setex);
        }
    }
    if rules.allows(Rules::HR)
        && ok
        && matches!(first, b'-' | b'_' | b'*')
        && rest.iter().all(|&c| c == first || c == b' ' || c == b'\t')
        && rest.iter().filter(|&&c| c == first).count() >= 3
    {
        return Some(BlockStart::Hr);
    }
    if rules.allows(Rules::QUOTE) && ok && first == b'>' {
        return Some(BlockStart::Quote);
    }
    if rules.allows(Rules::LIST) && ok {
        let digits = rest.iter().take(10).take_while(|c| c.is_ascii_digit()).count();
        let m = if matches!(first, b'*' | b'+' | b'-') {
            1
        } else if (1..=9).contains(&digits) && matches!(rest.get(digits), Some(b'.' | b')')) {
            digits + 1
        } else {
            0
        };
        if m > 0 && (rest.len() == m || matches!(rest[m], b' ' | b'\t')) {
            return Some(BlockStart::List(pos + sp, pos + sp + m, eol));
        }
    }
    if rules.allows(Rules::REF) && ok && first == b'[' {
        let start = pos + sp + 1;
        let mut i = start;
        let mut n = 0;
        while i < b.len() && n < 1000 {
            match b[i] {
                b'[' => break,
                b']' => {
                    if b.get(i + 1) == Some(&b':') && i - start < 1000 {
                        return Some(BlockStart::Ref(i));
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
    if rules.allows(Rules::HTML | Rules::BLOCK_HTML) && ok && first == b'<' {
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
            return Some(BlockStart::Html(pos + sp + special));
        }
        let close = usize::from(r.first() == Some(&b'/'));
        let name = &r[close..];
        if name.first().is_some_and(u8::is_ascii_alphabetic) {
            let n = name.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
            let end = pos + sp + 1 + close + n;
            if rules.allows(Rules::HTML) {
                return Some(BlockStart::Html(end));
            }
            // BLOCK_HTML: a block or pre tag name (lower case) then a space, tab or line end.
            let n = name.iter().take_while(|c| !matches!(c, b' ' | b'\t')).count();
            let w = &src[pos + sp + 1 + close..pos + sp + 1 + close + n];
            if has_word(BLOCK_TAGS, w) || has_word(PRE_TAGS, w) {
                return Some(BlockStart::Html(pos + sp + 1 + close + n));
            }
        }
    }
    if rules.allows(Rules::BLANK) && is_blank_line(&b[pos..le]) {
        let mut p = le;
        while p < b.len() && is_blank_line(&b[p..line_end(src, p)]) {
            p = line_end(src, p);
        }
        return Some(BlockStart::Blank(p));
    }
    None
}

pub(super) fn utf8_len(c: u8) -> usize {
    match c {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

pub(super) fn parse(st: &mut BlockParser, rules: Rules, refs: &mut Refs) {
    while st.cur < st.src.len() {
        if rules.allows(Rules::INDENT) {
            if let Some(e) = indent_code(st) {
                st.cur = e;
                continue;
            }
        }
        match block_start(&st.src, st.cur, rules, 3) {
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
                while p < st.src.len() && block_start(&st.src, p, rules, 3).is_none() {
                    p = st.line_end(p);
                }
                st.add_para(st.cur, p);
                st.cur = p;
            }
        }
    }
}

pub(super) fn apply(st: &mut BlockParser, h: BlockStart, refs: &mut Refs) -> Option<usize> {
    let le = st.line_end(st.cur);
    match h {
        BlockStart::Blank(end) => {
            st.toks.push(Block::Blank);
            Some(end)
        }
        BlockStart::Hr => {
            st.toks.push(Block::Hr);
            Some(le)
        }
        BlockStart::Indent => st.append_para().or_else(|| indent_code(st)),
        BlockStart::Fenced(spaces, c, n, info, eol) => {
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
            st.toks.push(Block::Code(code));
            Some(end)
        }
        BlockStart::Atx(a, b) => {
            let t = st.src[a..b].trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
            let u = t.trim_end_matches('#');
            let t = if u.is_empty() {
                u
            } else if u.ends_with(py_space) {
                u.trim_end_matches(py_space)
            } else {
                t
            };
            st.toks.push(Block::Head(t.into()));
            Some(le)
        }
        BlockStart::Setex => {
            if st.lazy.binary_search(&st.cur).is_ok() {
                return None;
            }
            if let Some(Block::Para(p)) = st.toks.last_mut() {
                let p = core::mem::take(p);
                *st.toks.last_mut()? = Block::Head(p);
                return Some(le);
            }
            let h = block_start(&st.src, st.cur, Rules::HR | Rules::LIST, 3)?;
            apply(st, h, refs)
        }
        BlockStart::Quote => block_quote(st, refs),
        BlockStart::List(ms, me, eol) => list(st, ms, me, eol, refs),
        BlockStart::Ref(close) => ref_link(st, close, refs),
        BlockStart::Html(me) => raw_html(st, me),
    }
}

pub(super) fn map_lines(s: &str, f: impl Fn(&str) -> &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, l) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(f(l));
    }
    out
}

pub(super) fn strip_spaces(l: &str, max: usize) -> &str {
    let n = l.bytes().take(max).take_while(|&c| c == b' ').count();
    &l[n..]
}

pub(super) fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `^( {0,3})\t` at every line start becomes the spaces and then `width - spaces` more
/// (`tab` false) or four more (`tab` true): mistune's `expand_leading_tab`/`expand_tab`.
pub(super) fn expand_tab(s: &str, width: usize, tab: bool) -> String {
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

pub(super) fn is_indent_line(l: &str) -> bool {
    let l = l.strip_suffix('\n').unwrap_or(l);
    let n = l.bytes().take_while(|&c| c == b' ').count();
    l.len() > 4 && n >= 4 || n + 1 < l.len() && l.as_bytes()[n] == b'\t'
}

pub(super) fn indent_code(st: &mut BlockParser) -> Option<usize> {
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
    st.toks.push(Block::Code(code.trim_matches('\n').into()));
    Some(p)
}

pub(super) fn bq_line(line: &str) -> Option<String> {
    let sp = line.bytes().take(4).take_while(|&c| c == b' ').count();
    if sp > 3 || line.as_bytes().get(sp) != Some(&b'>') {
        return None;
    }
    let t = expand_tab(&line[sp + 1..], 3, false);
    Some(t.strip_prefix(' ').map_or(t.clone(), Into::into))
}

pub(super) fn block_quote(st: &mut BlockParser, refs: &mut Refs) -> Option<usize> {
    let mut e = st.line_end(st.cur);
    let mut text = bq_line(&st.src[st.cur..e])?;
    let mut lazy = Vec::new();
    let require = block_start(&text, 0, Rules::BLANK | Rules::INDENT | Rules::FENCED, 3).is_some();
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
        if let Some(h) =
            block_start(&st.src, st.cur, Rules::BLANK | Rules::HR | Rules::FENCED | Rules::LIST | Rules::BLOCK_HTML, 3)
        {
            end_pos = apply(st, h, refs);
            if end_pos.is_some() {
                break;
            }
        }
        lazy.push(text.len());
        text.push_str(&expand_tab(&st.src[st.cur..e], 3, false));
        st.cur = e;
    }
    let mut child = BlockParser::new(expand_tab(&text, 4, true), st.depth + 1);
    child.lazy = lazy;
    parse(
        &mut child,
        if st.depth + 1 >= NEST { Rules::ALL.without(Rules::QUOTE | Rules::LIST) } else { Rules::ALL },
        refs,
    );
    let tok = Block::Quote(child.toks);
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

pub(super) fn find_blank_after(st: &mut BlockParser, pos: usize) -> Option<usize> {
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

pub(super) fn ref_link(st: &mut BlockParser, close: usize, refs: &mut Refs) -> Option<usize> {
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

pub(super) fn raw_html(st: &mut BlockParser, me: usize) -> Option<usize> {
    let s = &st.src;
    let marker = s[st.cur..me].trim_matches(py_space);
    let to_end = |st: &mut BlockParser, pat: &str| -> usize {
        let end = match st.src[me..].find(pat) {
            Some(i) => st.line_end(me + i),
            None => st.src.len(),
        };
        st.toks.push(Block::Html(st.src[st.cur..end].into()));
        end
    };
    let to_blank = |st: &mut BlockParser| -> usize {
        let end = find_blank_after(st, st.cur).unwrap_or(st.src.len());
        st.toks.push(Block::Html(st.src[st.cur..end].into()));
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
pub(super) fn html_attrs(s: &str) -> usize {
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
