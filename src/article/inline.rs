//! The inline text syntax of article text: a small, documented subset of Markdown.
//!
//! | write            | get              |
//! |------------------|------------------|
//! | `*text*` or `_text_` | emphasis (`<em>`) |
//! | `**text**`       | strong (`<strong>`) |
//! | `` `text` ``     | code (`<code>`), taken literally |
//! | `[text](url)`    | a link; the URL must pass the allowlist or the text stays plain |
//! | `\*`             | a literal `*` (any of `` \ * _ ` [ ] ( ) ``) |
//!
//! Anything else, HTML included, stays text. Markers that are not closed are text.
//! `_` only opens at the start of a word (after a character that is not [`word_char`]), so
//! `snake_case_name` and `naïve_ness` stay as written. The first
//! closing marker ends a span, which keeps parsing linear in the length of the text. One
//! text makes at most [`MAX_SPANS`] spans; past that, markers stay as written, so no
//! article can make a browser lay out hundreds of thousands of elements in one paragraph.

/// Whether `c` is part of a word, for `_`: an ASCII letter or digit, or any other
/// character outside Unicode's blocks of spaces, punctuation and symbols: Latin-1's
/// U+0080-U+00BF, `×` and `÷`, U+2000-U+2BFF (General Punctuation to the arrows and
/// shapes), the Supplemental and CJK punctuation with the katakana middle dot, the
/// punctuation of the vertical, small and fullwidth forms, and the emoji and symbols from
/// U+1F000.
///
/// An approximation of [`char::is_alphanumeric`], whose Unicode tables would weigh ~2 KB
/// gzip in the wasm. Both agree on every ASCII character, on the letters and digits of
/// the scripts (outside those blocks), and on the punctuation and symbols a text puts
/// before a word: quotes, dashes, brackets, CJK punctuation, emoji. They differ on the few
/// letters and digits inside those blocks (`ª`, `²`, `Ⅻ`, `①` are not word characters
/// here) and on combining marks (word characters here: they belong to the letter before).
pub fn word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c,
        '\u{80}'..='\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2000}'..='\u{2BFF}' | '\u{2E00}'..='\u{2E7F}' | '\u{3000}'..='\u{303F}' | '\u{30FB}'
        | '\u{FE10}'..='\u{FE1F}' | '\u{FE30}'..='\u{FE6F}'
        | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '\u{1F000}'..='\u{1FAFF}'
    )
}

/// One piece of inline text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `*emphasis*`.
    Emphasis(Vec<Inline>),
    /// `**strong**`.
    Strong(Vec<Inline>),
    /// `` `code` ``.
    Code(String),
    /// `[text](href)`: `href` as written; the view tree checks it.
    Link {
        /// Target as written.
        href: String,
        /// Link text.
        children: Vec<Inline>,
    },
}

const ESCAPABLE: &[char] = &['\\', '*', '_', '`', '[', ']', '(', ')'];
const MAX_DEPTH: u8 = 4;

/// The most spans (emphasis, strong, code, links) one text can make.
pub const MAX_SPANS: usize = 1000;

/// Parses inline text into spans.
///
/// ```
/// use folio::article::{parse_inline, Inline};
/// assert_eq!(
///     parse_inline("a **b** `<c>`"),
///     vec![
///         Inline::Text("a ".into()),
///         Inline::Strong(vec![Inline::Text("b".into())]),
///         Inline::Text(" ".into()),
///         Inline::Code("<c>".into()),
///     ]
/// );
/// ```
pub fn parse_inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut budget = MAX_SPANS;
    parse_into(text, 0, &mut budget, &mut out);
    out
}

/// Finds the first unescaped occurrence of a marker, remembering the last answer per
/// marker so that a text full of unclosed openers is still scanned in linear time: if the
/// first `pat` at or after `a` is at `r`, it is also the first at or after any `b` in `a..=r`.
#[derive(Default)]
struct Finder {
    memo: Vec<(&'static str, usize, Option<usize>)>,
}

impl Finder {
    fn find(&mut self, s: &str, from: usize, pat: &'static str) -> Option<usize> {
        if let Some(&(_, start, hit)) = self.memo.iter().find(|(p, ..)| *p == pat) {
            if start <= from && hit.map_or(true, |h| h >= from) {
                return hit;
            }
        }
        let hit = first_unescaped(s, from, pat);
        self.memo.retain(|(p, ..)| *p != pat);
        self.memo.push((pat, from, hit));
        hit
    }
}

/// Byte index of the first `pat` at or after `from` not preceded by an odd run of `\`.
fn first_unescaped(s: &str, from: usize, pat: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = from;
    while let Some(rel) = crate::search::find(s.get(i..)?, pat) {
        let at = i + rel;
        let backslashes = bytes[..at].iter().rev().take_while(|&&b| b == b'\\').count();
        if backslashes % 2 == 0 {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn push_text(out: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(s);
    } else {
        out.push(Inline::Text(s.to_string()));
    }
}

fn parse_into(s: &str, depth: u8, budget: &mut usize, out: &mut Vec<Inline>) {
    let b = s.as_bytes();
    let mut finder = Finder::default();
    let mut plain_start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            match s[i + 1..].chars().next().filter(|n| ESCAPABLE.contains(n)) {
                Some(n) => {
                    push_text(out, &s[plain_start..i]);
                    push_text(out, n.encode_utf8(&mut [0; 4]));
                    i += 2;
                    plain_start = i;
                }
                None => i += 1,
            }
            continue;
        }
        let nested = depth < MAX_DEPTH && *budget > 0;
        // What a marker at `i` turns into: (node, bytes consumed).
        let found: Option<(Inline, usize)> = match c {
            b'`' if *budget > 0 => finder
                .find(s, i + 1, "`")
                .filter(|&end| end > i + 1)
                .map(|end| (Inline::Code(s[i + 1..end].to_string()), end + 1 - i)),
            b'*' if nested && b.get(i + 1) == Some(&b'*') => {
                span(s, i, "**", depth, budget, &mut finder).map(|(kids, n)| (Inline::Strong(kids), n))
            }
            b'*' if nested => span(s, i, "*", depth, budget, &mut finder).map(|(kids, n)| (Inline::Emphasis(kids), n)),
            b'_' if nested && !s[..i].chars().next_back().is_some_and(word_char) => {
                span(s, i, "_", depth, budget, &mut finder).map(|(kids, n)| (Inline::Emphasis(kids), n))
            }
            b'[' if nested => link(s, i, depth, budget, &mut finder),
            _ => None,
        };
        match found {
            Some((node, consumed)) => {
                *budget = budget.saturating_sub(1);
                push_text(out, &s[plain_start..i]);
                out.push(node);
                i += consumed;
                plain_start = i;
            }
            // A marker that opens nothing is text; `**` that fails is skipped whole.
            None if c == b'*' && b.get(i + 1) == Some(&b'*') => i += 2,
            None => i += s[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    push_text(out, &s[plain_start..]);
}

/// A `marker ... marker` span at `i`: its parsed children and the bytes it covers.
/// The opener must be followed by a non-space, and the span must not be empty.
fn span(
    s: &str,
    i: usize,
    marker: &'static str,
    depth: u8,
    budget: &mut usize,
    finder: &mut Finder,
) -> Option<(Vec<Inline>, usize)> {
    let inner_start = i + marker.len();
    let first = s[inner_start..].chars().next()?;
    if first.is_whitespace() {
        return None;
    }
    let end = finder.find(s, inner_start, marker)?;
    if end == inner_start || s[..end].ends_with(char::is_whitespace) {
        return None;
    }
    let mut kids = Vec::new();
    parse_into(&s[inner_start..end], depth + 1, budget, &mut kids);
    Some((kids, end + marker.len() - i))
}

/// A `[text](url)` link at `i`.
fn link(s: &str, i: usize, depth: u8, budget: &mut usize, finder: &mut Finder) -> Option<(Inline, usize)> {
    let close = finder.find(s, i + 1, "]")?;
    if close == i + 1 || s.as_bytes().get(close + 1) != Some(&b'(') {
        return None;
    }
    let url_end = finder.find(s, close + 2, ")")?;
    let href = s[close + 2..url_end].trim();
    if href.is_empty() || href.contains(char::is_whitespace) {
        return None;
    }
    let mut children = Vec::new();
    parse_into(&s[i + 1..close], depth + 1, budget, &mut children);
    Some((Inline::Link { href: href.to_string(), children }, url_end + 1 - i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn plain_text_and_html_stay_text() {
        assert_eq!(parse_inline("<b onclick=x>hi</b> & 2 * 3"), vec![t("<b onclick=x>hi</b> & 2 * 3")]);
    }

    #[test]
    fn emphasis_strong_code_and_links() {
        assert_eq!(
            parse_inline("*a* _b_ **c** `d*e*` [f *g*](https://x.example/?q=1)"),
            vec![
                Inline::Emphasis(vec![t("a")]),
                t(" "),
                Inline::Emphasis(vec![t("b")]),
                t(" "),
                Inline::Strong(vec![t("c")]),
                t(" "),
                Inline::Code("d*e*".into()),
                t(" "),
                Inline::Link {
                    href: "https://x.example/?q=1".into(),
                    children: vec![t("f "), Inline::Emphasis(vec![t("g")])]
                },
            ]
        );
    }

    #[test]
    fn unclosed_markers_are_text() {
        assert_eq!(parse_inline("a *b `c [d](e"), vec![t("a *b `c [d](e")]);
        assert_eq!(parse_inline("**"), vec![t("**")]);
        assert_eq!(parse_inline("[x] (y)"), vec![t("[x] (y)")]);
    }

    #[test]
    fn underscores_inside_words_stay() {
        assert_eq!(parse_inline("snake_case_name"), vec![t("snake_case_name")]);
        for word in ["naïve_ness_", "中文_字_", "слово_в_", "שלום_x_", "नमस्ते_x_"] {
            assert_eq!(parse_inline(word), vec![t(word)], "{word}");
        }
        for (before, after) in [("“", "”"), ("«", "»"), ("—", "—"), ("「", "」"), ("😀 ", ""), ("\u{a0}", "")]
        {
            let text = String::from(before) + "_em_" + after;
            let em = Inline::Emphasis(vec![t("em")]);
            let mut expected = vec![t(before), em];
            if !after.is_empty() {
                expected.push(t(after));
            }
            assert_eq!(parse_inline(&text), expected, "{text}");
        }
    }

    #[test]
    fn word_characters_are_letters_and_digits() {
        for c in (0..=0x7f_u8).map(char::from) {
            assert_eq!(word_char(c), c.is_alphanumeric(), "{c:?}");
        }
        let letters = "éßçñøæœÀÿĀžƒΑλφΩКириллицаЖўעברית العربيةहिन्दीবাংলাதமிழ்ไทย中文字한국어かなカナ٣४";
        for c in letters.chars().filter(|c| !c.is_whitespace()) {
            assert!(word_char(c), "{c:?} is part of a word");
        }
        let marks = "\u{a0}¡¿«»§¶©®°±·×÷‘’“”‚„‹›–—…‰′″€™←→∞≠■●★☆♥✓、。「」『』【】〜・！？（），：；＠［］｛｝😀🎉🦀\u{2009}\u{3000}";
        for c in marks.chars() {
            assert!(!word_char(c), "{c:?} is not part of a word");
            assert!(!c.is_alphanumeric(), "{c:?}: the test's own list");
        }
        // Where the approximation differs, as documented.
        for c in ['ª', '²', 'Ⅻ', '①'] {
            assert!(c.is_alphanumeric() && !word_char(c), "{c:?}");
        }
        assert!(!'\u{301}'.is_alphanumeric() && word_char('\u{301}'));
    }

    #[test]
    fn escapes() {
        assert_eq!(parse_inline(r"\*not em\* \\ \q"), vec![t(r"*not em* \ \q")]);
    }

    #[test]
    fn hostile_input_is_linear_and_safe() {
        let s = "[".repeat(20_000) + &"*".repeat(20_000) + &"_a".repeat(20_000);
        let parsed = parse_inline(&s);
        let total: usize = parsed.iter().map(|n| if let Inline::Text(x) = n { x.len() } else { 0 }).sum();
        assert!(total > 0);
    }

    #[test]
    fn spans_are_capped() {
        let s = "*a* ".repeat(MAX_SPANS + 5);
        let parsed = parse_inline(&s);
        assert_eq!(parsed.iter().filter(|n| matches!(n, Inline::Emphasis(_))).count(), MAX_SPANS);
        assert_eq!(parsed.last(), Some(&t(&(String::from(" ") + &"*a* ".repeat(5)))), "the rest stays as written");
    }

    #[test]
    fn multibyte_text_is_kept_whole() {
        assert_eq!(parse_inline("עברית *😀* é"), vec![t("עברית "), Inline::Emphasis(vec![t("😀")]), t(" é")]);
    }
}
