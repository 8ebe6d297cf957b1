//! A compact approximation of extended grapheme clusters (what a reader sees as one
//! character), for fitting a Bluesky post into its 300-grapheme limit without a Unicode
//! data dependency.
//!
//! **An approximation, not UAX #29.** It keeps together: CR LF; a base with its combining
//! marks (generic, Hebrew, Arabic, Thai and the Indic vowel signs and viramas);
//! variation selectors; emoji skin-tone modifiers; tag sequences (subdivision flags);
//! anything after U+200D ZERO WIDTH JOINER (emoji ZWJ sequences); regional-indicator pairs
//! (flags). It does not join Hangul conjoining jamo, prepended marks or Indic conjuncts
//! across a virama (GB9c); those count as several clusters. Every such miss counts *more*
//! clusters than a full segmenter would, so text trimmed with it stays within a limit.

/// Is `c` a mark or modifier that extends the cluster before it?
fn extends(c: char) -> bool {
    let u = u32::from(c);
    matches!(u,
        0x0300..=0x036F | 0x0483..=0x0489
        // Hebrew points and cantillation.
        | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7
        // Arabic harakat and Quranic marks.
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        // ZERO WIDTH NON-JOINER and JOINER.
        | 0x200C..=0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF
    ) || indic_mark(u)
}

/// The Indic blocks (Devanagari to Malayalam, U+0900–0D7F) share one layout: signs at
/// offsets 0x00–0x03, vowel signs, nukta and virama at 0x3A–0x4F (0x3D is a letter),
/// more signs at 0x51–0x57 and 0x62–0x63 of each 128-code-point block.
fn indic_mark(u: u32) -> bool {
    if !(0x0900..=0x0D7F).contains(&u) {
        return false;
    }
    let offset = u & 0x7F;
    matches!(offset, 0x00..=0x03 | 0x3A..=0x3C | 0x3E..=0x4F | 0x51..=0x57 | 0x62..=0x63)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// The byte length of the first grapheme cluster of `s` (0 for an empty string).
pub fn first_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    let Some((_, first)) = chars.next() else { return 0 };
    let mut prev = first;
    let mut regional = usize::from(is_regional_indicator(first));
    for (i, c) in chars {
        let joins = match (prev, c) {
            ('\r', '\n') => true,
            (p, _) if p.is_control() => false,
            (_, c) if c.is_control() => false,
            (_, c) if extends(c) => true,
            ('\u{200D}', _) => true,
            (p, c) if is_regional_indicator(p) && is_regional_indicator(c) => regional % 2 == 1,
            _ => false,
        };
        if !joins {
            return i;
        }
        regional += usize::from(is_regional_indicator(c));
        prev = c;
    }
    s.len()
}

/// Iterates over the grapheme clusters of `s`, as approximated by this module.
///
/// ```
/// use folio::share::grapheme::graphemes;
/// let parts: Vec<&str> = graphemes("e\u{301}👍🏽🇫🇷!").collect();
/// assert_eq!(parts, ["e\u{301}", "👍🏽", "🇫🇷", "!"]);
/// ```
pub fn graphemes(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let n = first_len(rest);
        if n == 0 {
            return None;
        }
        let (head, tail) = rest.split_at(n);
        rest = tail;
        Some(head)
    })
}

/// How many grapheme clusters `s` holds.
pub fn count(s: &str) -> usize {
    graphemes(s).count()
}

/// The longest prefix of `s` holding at most `n` grapheme clusters.
pub fn prefix(s: &str, n: usize) -> &str {
    let end: usize = graphemes(s).take(n).map(str::len).sum();
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        graphemes(s).collect()
    }

    #[test]
    fn ascii_and_crlf() {
        assert_eq!(split("ab"), ["a", "b"]);
        assert_eq!(split("a\r\nb\n\r"), ["a", "\r\n", "b", "\n", "\r"]);
        assert_eq!(count(""), 0);
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        assert_eq!(split("e\u{301}\u{323}x"), ["e\u{301}\u{323}", "x"]);
        assert_eq!(count("שָׁלוֹם"), 4); // Hebrew with points
        assert_eq!(count("مَرْحَبًا"), 5); // Arabic with harakat
        assert_eq!(count("नमस्ते"), 4); // न, म, स्, ते (no GB9c: counts one more)
        assert_eq!(count("ไม้"), 2);
        // A mark after a control does not attach to it.
        assert_eq!(split("\n\u{301}"), ["\n", "\u{301}"]);
    }

    #[test]
    fn emoji_sequences() {
        assert_eq!(count("👩‍👩‍👧‍👦"), 1); // ZWJ family
        assert_eq!(count("🏳️‍🌈"), 1); // flag + VS16 + ZWJ + rainbow
        assert_eq!(count("👍🏿"), 1); // skin tone
        assert_eq!(count("❤️"), 1); // VS16
        assert_eq!(count("1️⃣"), 1); // keycap
        assert_eq!(count("🏴󠁧󠁢󠁳󠁣󠁴󠁿"), 1); // Scotland, tag sequence
    }

    #[test]
    fn regional_indicators_pair_up() {
        assert_eq!(split("🇫🇷🇩🇪🇮"), ["🇫🇷", "🇩🇪", "🇮"]);
        assert_eq!(count("a🇫🇷"), 2);
    }

    #[test]
    fn prefix_cuts_on_cluster_boundaries() {
        assert_eq!(prefix("a👍🏽b", 2), "a👍🏽");
        assert_eq!(prefix("ab", 5), "ab");
        assert_eq!(prefix("ab", 0), "");
    }
}
