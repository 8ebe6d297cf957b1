//! Locales: one table per language with every string a reader sees, and the
//! lookup from a BCP 47 tag to a table.
//!
//! A [`Locale`] bundles the article's words ([`ArticleText`]), the share bar's
//! ([`ShareText`]) and the comment section's ([`CommentsText`], whose counted phrases
//! carry their language's [`plural`] rule), plus the writing direction. [`locale`] finds
//! the table for one tag; [`negotiate`] picks the first of several candidates that has
//! one (the `lang` option, then the article's `lang`, then the page's `<html lang>`).
//!
//! Pure: no DOM; allocation only to read a locale file. The edge reads the page's
//! language and passes it in.
//! Network names are brand names and stay untranslated (see
//! [`Network::name`](crate::share::Network::name)). Numbers are written with ASCII digits
//! in every language.
//!
//! | tag | file | | tag | file |
//! |---|---|---|---|---|
//! | `en` English | `en.rs` | | `pl` Polish | `all/pl.rs` |
//! | `de` German | `all/de.rs` | | `ru` Russian | `all/ru.rs` |
//! | `fr` French | `all/fr.rs` | | `uk` Ukrainian | `all/uk.rs` |
//! | `es` Spanish | `all/es.rs` | | `ja` Japanese | `all/ja.rs` |
//! | `it` Italian | `all/it.rs` | | `zh` Chinese (Simplified) | `all/zh.rs` |
//! | `pt` Portuguese (Brazil) | `all/pt.rs` | | `ar` Arabic (right to left) | `all/ar.rs` |
//! | `nl` Dutch | `all/nl.rs` | | `he` Hebrew (right to left) | `all/he.rs` |
//!
//! English (`en.rs`) is compiled in everywhere; the other tables (in `all/`) natively and
//! with the `all-locales` feature.
//! The wasm build fetches them as locale files ([`file`](mod@file), written by `folio-locales`) and
//! [`register`]s them; [`pick`] names the language a page needs before its table is there.
//!
//! To add a language: copy `all/de.rs`, translate every string (keep `{n}` and
//! `{network}`; `article.date` and `article.months` are CLDR's long date pattern and month
//! names, which `tests/e2e/element.test.mjs` compares with Chromium's `Intl`), give its counted phrases the language's [`PluralRule`](plural::PluralRule)
//! (add one to [`plural`] and [`PluralRule::for_tag`](plural::PluralRule::for_tag) if CLDR
//! has a rule not there yet), and list it in [`TAGS`] and `LOCALES`. The tests check that
//! nothing is empty, no placeholder is lost, every plural category the language uses has a
//! form and the table survives its locale file.

pub mod file;
/// The plural rules (the crate's bottom layer; here too, where the tables use them).
pub use crate::plural;

// Natively (tests, folio-render, folio-locales) every table is compiled in, and in the wasm
// with the `all-locales` feature. Else the wasm carries English alone and reads the others
// from locale files when a page needs them
// (see [`file`](mod@file) and [`register`]).
#[cfg(all_locales)]
mod all {
    pub mod ar;
    pub mod de;
    pub mod es;
    pub mod fr;
    pub mod he;
    pub mod it;
    pub mod ja;
    pub mod nl;
    pub mod pl;
    pub mod pt;
    pub mod ru;
    pub mod uk;
    pub mod zh;
}
mod en;

#[cfg(all_locales)]
pub use all::{ar::AR, de::DE, es::ES, fr::FR, he::HE, it::IT, ja::JA, nl::NL, pl::PL, pt::PT, ru::RU, uk::UK, zh::ZH};
pub use en::EN;

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

/// The tag of every language Folio has a table for, English first.
pub const TAGS: [&str; 14] = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "ja", "zh", "ar", "he"];

/// Every table Folio ships, in the order of [`TAGS`]. Native builds and the `all-locales`
/// feature only: else the wasm build has [`EN`] and what [`register`] loaded.
#[cfg(all_locales)]
pub static LOCALES: [&Locale; 14] = [&EN, &DE, &FR, &ES, &IT, &PT, &NL, &PL, &RU, &UK, &JA, &ZH, &AR, &HE];

std::thread_local! {
    /// Tables read from locale files, one per language.
    static LOADED: std::cell::RefCell<Vec<&'static Locale>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Reads a locale file (see [`file`](mod@file)) and makes its table one that [`find`] returns. A
/// language registered twice keeps its first table.
pub fn register(text: &str) -> Result<&'static Locale, file::FileError> {
    let locale = file::read(text)?;
    if let Some(known) = table(locale.tag) {
        return Ok(known);
    }
    let locale: &'static Locale = Box::leak(Box::new(locale));
    LOADED.with(|l| l.borrow_mut().push(locale));
    Ok(locale)
}

/// The table for one of [`TAGS`], if it is compiled in or registered.
fn table(tag: &str) -> Option<&'static Locale> {
    #[cfg(all_locales)]
    let compiled = LOCALES.iter().copied().find(|l| l.tag == tag);
    #[cfg(not(all_locales))]
    let compiled = Some(&EN).filter(|l| l.tag == tag);
    compiled.or_else(|| LOADED.with(|l| l.borrow().iter().copied().find(|l| l.tag == tag)))
}

/// The tag (one of [`TAGS`]) of the language Folio has for a BCP 47 tag, whether or not
/// its table is loaded yet; `None` for a language Folio does not have.
///
/// Case does not matter, `_` is read as `-`, and surrounding spaces are ignored. The whole
/// tag is tried first, then its language subtag (`pt-BR` is `pt`, `zh-Hant-TW` is `zh`).
/// The legacy code `iw` is Hebrew.
///
/// ```
/// use folio::i18n::language;
/// assert_eq!(language("pt-BR"), Some("pt"));
/// assert_eq!(language("IW"), Some("he"));
/// assert_eq!(language("tlh"), None);
/// ```
pub fn language(tag: &str) -> Option<&'static str> {
    let tag = tag.trim();
    // The whole tag, for tables with a region or script (none yet; `zh-Hant` would be one).
    let same = |table: &str| {
        table.len() == tag.len()
            && table.bytes().zip(tag.bytes()).all(|(t, c)| t.eq_ignore_ascii_case(&c) || (t, c) == (b'-', b'_'))
    };
    if let Some(t) = TAGS.iter().find(|t| same(t)) {
        return Some(t);
    }
    let language = tag.split(['-', '_']).next().unwrap_or("");
    let language = if language.eq_ignore_ascii_case("iw") { "he" } else { language };
    TAGS.iter().find(|t| t.eq_ignore_ascii_case(language)).copied()
}

/// The language (one of [`TAGS`]) of the first candidate Folio has one for. Absent and
/// unknown candidates are skipped.
///
/// ```
/// use folio::i18n::pick;
/// assert_eq!(pick(&[None, Some("xx"), Some("fr-CA"), Some("de")]), Some("fr"));
/// assert_eq!(pick(&[Some("tlh")]), None);
/// ```
pub fn pick(candidates: &[Option<&str>]) -> Option<&'static str> {
    candidates.iter().flatten().find_map(|tag| language(tag))
}

/// The table for a BCP 47 tag (read as [`language`] does), or `None` when Folio has no
/// table for its language, or (in the wasm build) has not loaded it.
///
/// ```
/// use folio::i18n::{find, HE, PT};
/// assert_eq!(find("pt-BR"), Some(&PT));
/// assert_eq!(find("IW"), Some(&HE));
/// assert_eq!(find("tlh"), None);
/// ```
pub fn find(tag: &str) -> Option<&'static Locale> {
    language(tag).and_then(table)
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
    pick(candidates).and_then(table).unwrap_or(&EN)
}

#[cfg(test)]
mod tests;
