//! Emphasis (mistune's `_inline/emphasis.py`): `*` and `_` delimiter runs matched by the
//! delimiter algorithm, and `~~`, `~` and `^` markers.

use super::*;

pub(super) struct Delim {
    pub(super) part: usize,
    pub(super) marker: u8,
    pub(super) len: usize,
    pub(super) open: bool,
    pub(super) close: bool,
    pub(super) orig: usize,
}

pub(super) const NIL: usize = usize::MAX;

pub(super) fn finalize(toks: Vec<Token>, depth: usize) -> Vec<Token> {
    // Coalesce adjacent text of the same kind.
    let mut merged: Vec<Token> = Vec::with_capacity(toks.len());
    for t in toks {
        if let (Some(Token::Text(a, ea)), Token::Text(b, eb)) = (merged.last_mut(), &t) {
            if ea == eb {
                a.push_str(b);
                continue;
            }
        }
        merged.push(t);
    }
    let remaining = NEST.saturating_sub(depth);
    let any = merged.iter().any(|t| matches!(t, Token::Text(s, true) if s.contains(['*', '_'])));
    if remaining == 0 || !any {
        return merge_text(merged);
    }
    // The source the flanking rules read.
    let mut source = String::new();
    for t in &merged {
        match t {
            Token::Text(s, _) => source.push_str(s),
            Token::Br | Token::Soft => source.push('\n'),
            _ => source.push('\u{fffc}'),
        }
    }
    // Split into parts (a linked list) and delimiter runs.
    let mut parts: Vec<Option<Token>> = Vec::new();
    let mut delims: Vec<Delim> = Vec::new();
    let mut abs = 0;
    for t in merged {
        match t {
            Token::Text(s, true) => {
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
                    parts.push(Some(Token::Text(s[p..p + n].into(), true)));
                    p += n;
                }
                abs += s.len();
            }
            t => {
                abs += match &t {
                    Token::Text(s, _) => s.len(),
                    Token::Br | Token::Soft => 1,
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
    let raw_len = |parts: &[Option<Token>], i: usize| match &parts[i] {
        Some(Token::Text(s, _)) => s.len(),
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
                Some(Token::Text(s, _)) if s.is_empty() => {}
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
            if let Some(Token::Text(s, _)) = &mut parts[p] {
                if from_end {
                    s.truncate(s.len() - use_len);
                } else {
                    s.drain(..use_len);
                }
            }
        }
        let kids = merge_text(kids);
        let d = depth_of(&kids) + 1;
        parts[first] =
            Some(Token::Node(if use_len == 2 { Container::Strong } else { Container::Em }, String::new(), kids, d));
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

pub(super) fn flanking(prev: char, next: char, marker: u8) -> (bool, bool) {
    let punct = |c: char| !py_space(c) && !c.is_alphanumeric();
    let intraword = marker == b'_' && prev.is_alphanumeric() && next.is_alphanumeric();
    let open = !(intraword || py_space(next) || punct(next) && !py_space(prev) && !punct(prev));
    let close = !(intraword || py_space(prev) || punct(prev) && !py_space(next) && !punct(next));
    (open, close)
}

pub(super) fn merge_text(toks: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    for t in toks {
        match t {
            Token::Text(s, _) if s.is_empty() => {}
            Token::Text(s, _) => match out.last_mut() {
                Some(Token::Text(a, _)) => a.push_str(&s),
                _ => out.push(Token::Text(s, true)),
            },
            t => out.push(t),
        }
    }
    out
}
