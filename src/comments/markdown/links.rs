//! The pieces of links (mistune's `helpers.py`): destinations, titles, backslash and
//! entity unescaping, reference labels.

use super::*;

pub(super) fn ascii_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 12)
}

/// A link destination at `pos`: (raw href, end).
pub(super) fn link_href(s: &str, mut pos: usize, block: bool) -> Option<(&str, usize)> {
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
pub(super) fn link_title(s: &str, pos: usize, max: usize) -> Option<usize> {
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

pub(super) fn unescape_char(s: &str) -> String {
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

pub(super) fn unikey(s: &str) -> String {
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
pub(super) fn unescape(s: &str) -> String {
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
pub(super) fn escape_url(link: &str) -> String {
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
