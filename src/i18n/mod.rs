//! Locales (issue 5): one table per language with every string a reader sees, and the
//! lookup from a BCP 47 tag to a table.
//!
//! A [`Locale`] bundles the article's words ([`ArticleText`]), the share bar's
//! ([`ShareText`]) and the comment section's ([`CommentsText`], whose counted phrases
//! carry their language's [`plural`] rule), plus the writing direction. [`locale`] finds
//! the table for one tag; [`negotiate`] picks the first of several candidates that has
//! one (the `lang` option, then the article's `lang`, then the page's `<html lang>`).
//!
//! Pure: no DOM and no allocation. The edge reads the page's language and passes it in.
//! Network names are brand names and stay untranslated (see
//! [`Network::name`](crate::share::Network::name)). Numbers are written with ASCII digits
//! in every language.
//!
//! | tag | file | | tag | file |
//! |---|---|---|---|---|
//! | `en` English | `en.rs` | | `pl` Polish | `pl.rs` |
//! | `de` German | `de.rs` | | `ru` Russian | `ru.rs` |
//! | `fr` French | `fr.rs` | | `uk` Ukrainian | `uk.rs` |
//! | `es` Spanish | `es.rs` | | `ja` Japanese | `ja.rs` |
//! | `it` Italian | `it.rs` | | `zh` Chinese (Simplified) | `zh.rs` |
//! | `pt` Portuguese (Brazil) | `pt.rs` | | `ar` Arabic (right to left) | `ar.rs` |
//! | `nl` Dutch | `nl.rs` | | `he` Hebrew (right to left) | `he.rs` |
//!
//! To add a language: copy `de.rs`, translate every string (keep `{n}` and `{network}`),
//! give its counted phrases the language's [`PluralRule`](plural::PluralRule) (add one to
//! [`plural`] if CLDR has a rule not there yet), and list the table in [`LOCALES`]. The
//! tests check that nothing is empty, no placeholder is lost and every plural category
//! the language uses has a form.

pub mod plural;

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod he;
mod it;
mod ja;
mod nl;
mod pl;
mod pt;
mod ru;
mod uk;
mod zh;

pub use ar::AR;
pub use de::DE;
pub use en::EN;
pub use es::ES;
pub use fr::FR;
pub use he::HE;
pub use it::IT;
pub use ja::JA;
pub use nl::NL;
pub use pl::PL;
pub use pt::PT;
pub use ru::RU;
pub use uk::UK;
pub use zh::ZH;

use crate::article::ArticleText;
use crate::comments::text::CommentsText;
use crate::share::ShareText;

/// The writing direction of a language, for the widget root's `dir` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew).
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute: `"ltr"` or `"rtl"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Every visible string of the widget in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    /// The table's BCP 47 language tag, lowercase (`"en"`, `"pt"`, `"zh"`).
    pub tag: &'static str,
    /// The language's writing direction.
    pub dir: Direction,
    /// The article's words ("By", "min read", ...).
    pub article: ArticleText,
    /// The share bar's words ("Share on {network}", "Copy link", ...).
    pub share: ShareText,
    /// The comment section's words, its counted phrases with the language's plural rule.
    pub comments: CommentsText,
}

/// Every table Folio ships, English first.
pub static LOCALES: [&Locale; 14] = [&EN, &DE, &FR, &ES, &IT, &PT, &NL, &PL, &RU, &UK, &JA, &ZH, &AR, &HE];

/// The table for a BCP 47 tag, or `None` when Folio has none for its language.
///
/// Case does not matter, `_` is read as `-`, and surrounding spaces are ignored. The whole
/// tag is tried first, then its language subtag (`pt-BR` finds `pt`, `zh-Hant-TW` finds
/// `zh`). The legacy code `iw` is Hebrew.
///
/// ```
/// use folio::i18n::{find, HE, PT};
/// assert_eq!(find("pt-BR"), Some(&PT));
/// assert_eq!(find("IW"), Some(&HE));
/// assert_eq!(find("tlh"), None);
/// ```
pub fn find(tag: &str) -> Option<&'static Locale> {
    let tag = tag.trim();
    // The whole tag, for tables with a region or script (none yet; `zh-Hant` would be one).
    let same = |table: &str| {
        table.len() == tag.len()
            && table.bytes().zip(tag.bytes()).all(|(t, c)| t.eq_ignore_ascii_case(&c) || (t, c) == (b'-', b'_'))
    };
    if let Some(l) = LOCALES.iter().find(|l| same(l.tag)) {
        return Some(l);
    }
    let language = tag.split(['-', '_']).next().unwrap_or("");
    let language = if language.eq_ignore_ascii_case("iw") { "he" } else { language };
    LOCALES.iter().find(|l| l.tag.eq_ignore_ascii_case(language)).copied()
}

/// The table for a BCP 47 tag: the whole tag, else its language (`pt-BR` is `pt`,
/// `he-IL` and the legacy `iw` are `he`), else English. Case-insensitive.
///
/// ```
/// use folio::i18n::locale;
/// assert_eq!(locale("de-AT").tag, "de");
/// assert_eq!(locale("zh-Hant-TW").tag, "zh");
/// assert_eq!(locale("ar-EG").dir.as_str(), "rtl");
/// assert_eq!(locale("tlh").tag, "en");
/// ```
pub fn locale(tag: &str) -> &'static Locale {
    find(tag).unwrap_or(&EN)
}

/// The table for the first candidate that has one, else English. Absent and unknown
/// candidates are skipped.
///
/// The widget passes, in this order: the host's `lang` option, the article's `lang`, the
/// page's `<html lang>`.
///
/// ```
/// use folio::i18n::negotiate;
/// assert_eq!(negotiate(&[None, Some("fr-CA"), Some("de")]).tag, "fr");
/// assert_eq!(negotiate(&[Some("xx"), None, Some("ja-JP")]).tag, "ja");
/// assert_eq!(negotiate(&[None, Some(""), None]).tag, "en");
/// ```
pub fn negotiate(candidates: &[Option<&str>]) -> &'static Locale {
    candidates.iter().flatten().find_map(|tag| find(tag)).unwrap_or(&EN)
}

#[cfg(test)]
mod tests;
