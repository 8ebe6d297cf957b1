//! Lists, as mistune's `list_parser.py` reads them: items, their indentation and
//! looseness, and where a list ends.

use super::*;

pub(super) struct Item {
    pub(super) sp: usize,
    pub(super) marker: String,
    pub(super) text: String,
}

pub(super) fn list(st: &mut BlockParser, ms: usize, me: usize, eol: usize, refs: &mut Refs) -> Option<usize> {
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
    let rules = if st.depth + 1 >= NEST { Rules::ALL.without(Rules::QUOTE | Rules::LIST) } else { Rules::ALL };
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
        let mut child = BlockParser::new(strip_end(src), st.depth + 1);
        parse(&mut child, rules, refs);
        let paras = child.toks.iter().filter(|t| matches!(t, Block::Para(_))).count();
        tight &= paras < 2 && !child.toks.iter().any(|t| matches!(t, Block::Blank));
        items.push(child.toks);
        next = ni;
    }
    if tight {
        for t in items.iter_mut().flatten() {
            if let Block::Para(p) = t {
                *t = Block::Text(core::mem::take(p));
            }
        }
    }
    let tok = Block::List(ordered, items);
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
pub(super) fn item_lines(
    st: &mut BlockParser,
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
        let brk = block_start(
            &st.src,
            st.cur,
            Rules::HR | Rules::FENCED | Rules::ATX | Rules::QUOTE | Rules::BLOCK_HTML | Rules::LIST,
            ind,
        );
        if !matches!(brk, Some(BlockStart::Hr)) {
            if let Some(item) = list_item(&line, bullet, ind) {
                st.cur = next;
                return (src, Some(item), prev_blank, None);
            }
        }
        if let Some(h) = brk {
            if matches!(h, BlockStart::List(..)) {
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

pub(super) fn list_item(line: &str, bullet: u8, ind: usize) -> Option<Item> {
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

pub(super) fn has_indent(line: &str, cols: usize) -> bool {
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

pub(super) fn strip_indent(line: &str, cols: usize) -> String {
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

pub(super) fn expand_tabs(line: &str, start: usize) -> String {
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

pub(super) fn count_indent(t: &str) -> usize {
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

pub(super) fn strip_end(s: String) -> String {
    let end = s.trim_end_matches(py_space).len();
    match s[end..].find('\n') {
        Some(i) => [&s[..end + i], "\n"].concat(),
        None => s,
    }
}
