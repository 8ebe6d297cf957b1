//! Substring search by plain byte comparison. `str::find(&str)` and the methods built on it
//! (`replace`, `split`, `contains` with a `&str` pattern) bring core's Two-Way searcher into
//! the wasm (~1.5 KB); the texts Folio searches are short, so a simple loop does.

/// Byte index of the first `needle` in `haystack`, as `haystack.find(needle)`.
///
/// ```
/// assert_eq!(folio::search::find("a{n}b", "{n}"), Some(1));
/// assert_eq!(folio::search::find("ab", ""), Some(0));
/// assert_eq!(folio::search::find("a", "ab"), None);
/// ```
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| &h[i..i + n.len()] == n)
}

/// Byte index of the first ASCII `byte` in `haystack`, as `haystack.find(char)` (without
/// core's char searcher).
///
/// ```
/// assert_eq!(folio::search::byte("a&b&", b'&'), Some(1));
/// ```
pub fn byte(haystack: &str, byte: u8) -> Option<usize> {
    haystack.bytes().position(|b| b == byte)
}

/// Byte index of the last `needle` in `haystack`, as `haystack.rfind(needle)`.
///
/// ```
/// assert_eq!(folio::search::rfind("<p>a</p><p>b</p>", "<p>"), Some(8));
/// assert_eq!(folio::search::rfind("a", "ab"), None);
/// ```
pub fn rfind(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).rev().find(|&i| &h[i..i + n.len()] == n)
}

/// `haystack` with every `from` (not empty) replaced by `to`, as `haystack.replace(from, to)`.
///
/// ```
/// assert_eq!(folio::search::replace("Share on {network}", "{network}", "X"), "Share on X");
/// ```
pub fn replace(haystack: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(i) = find(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(&rest[..i]);
        out.push_str(to);
        rest = &rest[i + from.len()..];
    }
    out.push_str(rest);
    out
}

/// The parts of `haystack` between the `separator`s (not empty), as
/// `haystack.split(separator)`.
///
/// ```
/// let parts: Vec<&str> = folio::search::split("a\n\nb\n\n", "\n\n").collect();
/// assert_eq!(parts, ["a", "b", ""]);
/// ```
pub fn split<'a>(haystack: &'a str, separator: &'a str) -> impl Iterator<Item = &'a str> {
    let mut rest = Some(haystack);
    std::iter::from_fn(move || {
        let r = rest?;
        match find(r, separator).filter(|_| !separator.is_empty()) {
            Some(i) => {
                rest = Some(&r[i + separator.len()..]);
                Some(&r[..i])
            }
            None => rest.take(),
        }
    })
}

/// `s` without the bytes `skipped` accepts at its start, as `s.trim_start_matches(chars)`
/// for ASCII `chars` (without core's char searcher). `skipped` must accept ASCII bytes only,
/// so that the rest starts on a character.
///
/// ```
/// assert_eq!(folio::search::skip("?&a=1", |b| b == b'?' || b == b'&'), "a=1");
/// assert_eq!(folio::search::skip("@@", |b| b == b'@'), "");
/// ```
pub fn skip(s: &str, skipped: impl Fn(u8) -> bool) -> &str {
    &s[s.bytes().position(|b| !skipped(b)).unwrap_or(s.len())..]
}

/// The words of `text`: what ASCII whitespace separates (as `split_ascii_whitespace`),
/// found byte by byte, without core's char searcher.
///
/// ```
/// let words: Vec<&str> = folio::search::words(" a\t\nbé  c ").collect();
/// assert_eq!(words, ["a", "bé", "c"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.bytes().position(|b| !b.is_ascii_whitespace())?;
        let len = rest[start..].bytes().position(|b| b.is_ascii_whitespace()).unwrap_or(rest.len() - start);
        let word = &rest[start..start + len];
        rest = &rest[start + len..];
        Some(word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_str() {
        let texts = ["", "a", "aaa", "abcabc", "x**y**z", "é**ü", "\n\n\n", "<p>a</p><P>b</p>"];
        let needles = ["", "a", "aa", "abc", "**", "ü", "\n\n", "<p>", "</p>", "zz"];
        for t in texts {
            for n in needles {
                assert_eq!(find(t, n), t.find(n), "{t:?} {n:?}");
                assert_eq!(rfind(t, n), t.rfind(n), "{t:?} {n:?}");
                if !n.is_empty() {
                    assert_eq!(replace(t, n, "<>"), t.replace(n, "<>"), "{t:?} {n:?}");
                    assert_eq!(split(t, n).collect::<Vec<_>>(), t.split(n).collect::<Vec<_>>(), "{t:?} {n:?}");
                }
            }
            assert_eq!(words(t).collect::<Vec<_>>(), t.split_ascii_whitespace().collect::<Vec<_>>(), "{t:?}");
            assert_eq!(skip(t, |b| b == b'a' || b == b'\n'), t.trim_start_matches(['a', '\n']), "{t:?}");
        }
        for t in [" a  b ", "\t\r\n\x0c", "é\u{a0}x y\n"] {
            assert_eq!(words(t).collect::<Vec<_>>(), t.split_ascii_whitespace().collect::<Vec<_>>(), "{t:?}");
        }
    }
}
