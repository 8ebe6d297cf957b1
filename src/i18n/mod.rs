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
//! English is the source text: its words live with the code that shows them
//! (`ArticleText::EN`, `ShareText::EN`, `comments::text::EN`, gathered in [`EN`]) and are
//! compiled in everywhere. Every other language is a translation in
//! `locales/<tag>.json` at the top of the repository, what a translator edits (see
//! `locales/README.md` for each language's choices):
//!
//! | tag | language | | tag | language |
//! |---|---|---|---|---|
//! | `de` | German | | `ru` | Russian |
//! | `fr` | French | | `uk` | Ukrainian |
//! | `es` | Spanish | | `ja` | Japanese |
//! | `it` | Italian | | `zh` | Chinese (Simplified) |
//! | `pt` | Portuguese (Brazil) | | `ar` | Arabic (right to left) |
//! | `nl` | Dutch | | `he` | Hebrew (right to left) |
//! | `pl` | Polish | | | |
//!
//! Natively (tests, folio-render, folio-locales) and with the `all-locales` feature the
//! translations are compiled in as text and read once, when a table is first asked for
//! (`locales()`). The wasm build carries English alone: `folio-locales` writes each
//! translation into `pkg/locales/` as a locale file ([`file`](mod@file)), which the widget
//! fetches and [`register`]s when a page needs it; [`pick`] names the language a page
//! needs before its table is there.
//!
//! To add a language: copy `locales/de.json` to `locales/<tag>.json`, set its `tag` and
//! `dir`, translate every string (keep `{n}` and `{network}`; `article.date` and
//! `article.months` are CLDR's long date pattern and month names, which
//! `tests/e2e/element.test.mjs` compares with Chromium's `Intl`), give each counted phrase
//! the plural forms the language uses (add a rule to [`plural`] and
//! [`PluralRule::for_tag`](plural::PluralRule::for_tag) if CLDR has one not there yet), and
//! add the tag to the list in `languages!` (in this module). The tests check that the file has every field
//! and nothing else (in the layout `folio-locales --format locales` writes), that nothing is empty,
//! no placeholder is lost and every plural category the language uses has a form.

pub mod file;
/// The plural rules (the crate's bottom layer; here too, where the tables use them).
pub use crate::plural;

mod en;

pub use en::EN;

use crate::article::ArticleText;
use crate::comments::text::{CommentsText, SectionText};
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

/// The languages Folio has a translation for: one line each, its tag, whose file is
/// `locales/<tag>.json`. Makes [`TAGS`] and, where the translations are compiled in, the
/// texts [`locales`] reads.
macro_rules! languages {
    ($($tag:literal),* $(,)?) => {
        /// The tag of every language Folio has a table for, English first.
        pub const TAGS: [&str; 1 + [$($tag),*].len()] = ["en", $($tag),*];

        /// Each translation's file, in the order of [`TAGS`] after English.
        #[cfg(all_locales)]
        const SOURCES: &[&str] = &[$(include_str!(concat!("../../locales/", $tag, ".json"))),*];
    };
}

languages!("de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "ja", "zh", "ar", "he");

/// Every table Folio ships, in the order of [`TAGS`]: [`EN`], then each translation in
/// `locales/`, read from its file the first time this is called. Native builds and the
/// `all-locales` feature only: else the wasm build has [`EN`] and what [`register`] loaded.
///
/// # Panics
///
/// When a file of `locales/` (compiled in, never a page's input) is not a whole
/// translation: the tests read every one, so such a build does not pass them.
#[cfg(all_locales)]
pub fn locales() -> &'static [&'static Locale] {
    static ALL: std::sync::OnceLock<Vec<&'static Locale>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let read = |(tag, text): (&&str, &&str)| -> &'static Locale {
            match file::read_source(text) {
                Ok(locale) if locale.tag == *tag => Box::leak(Box::new(locale)),
                Ok(locale) => panic!("locales/{tag}.json: its tag is {}", locale.tag),
                Err(e) => panic!("locales/{tag}.json: {}", e.text()),
            }
        };
        std::iter::once(&EN).chain(TAGS[1..].iter().zip(SOURCES).map(read)).collect()
    })
}

/// A section of a table: the words one part of the widget shows. The widget asks for a
/// section of a language ([`Lang::article`], [`Lang::comments`], ...), so a build links
/// the English words, the field names and the file reading of the sections it shows and
/// no others.
pub trait Words: Clone + 'static {
    /// The English words.
    fn english() -> &'static Self;
    /// This section of a compiled table.
    fn of(locale: &Locale) -> &Self;
    /// Where a registered locale file keeps this section once it is read.
    fn cell(file: &Registered) -> &std::cell::OnceCell<Self>;
    /// The section's name in a package's locale file (`"comments"`; the comment frame's
    /// words are the first of the comment section's).
    const SECTION: &'static str;
    /// Calls `visit` with the name (`"comments.count"`) and a handle of every field, the
    /// names of the repository's locale files.
    fn slots(&mut self, visit: &mut impl FnMut(&'static str, file::Slot<'_>));
    /// Calls `visit` with every string field, in the order of a package's locale file.
    fn texts(&mut self, visit: &mut impl FnMut(&mut &'static str));
    /// Calls `visit` with the name and a handle of every counted phrase.
    fn plurals(&mut self, visit: &mut impl FnMut(&'static str, &mut crate::comments::text::Plural));
}

/// A locale file [`register`]ed on this page, its sections read when first asked for.
#[derive(Debug)]
pub struct Registered {
    file: file::File,
    article: std::cell::OnceCell<ArticleText>,
    share: std::cell::OnceCell<ShareText>,
    section: std::cell::OnceCell<SectionText>,
    comments: std::cell::OnceCell<CommentsText>,
}

std::thread_local! {
    /// Locale files registered on this page, one per language.
    static LOADED: std::cell::RefCell<Vec<&'static Registered>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Reads a locale file's header (see [`file::open`]) and makes its language one that
/// [`Lang::loaded`] finds; its sections are read when first asked for. A language
/// registered twice (or compiled in) keeps its first table.
pub fn register(text: &str) -> Result<Lang, file::FileError> {
    let file = file::open(text)?;
    let lang = Lang(file.tag);
    if !has(file.tag) {
        let file = Registered {
            file,
            article: Default::default(),
            share: Default::default(),
            section: Default::default(),
            comments: Default::default(),
        };
        let file: &'static Registered = Box::leak(Box::new(file));
        LOADED.with(|l| l.borrow_mut().push(file));
    }
    Ok(lang)
}

/// The registered file of `tag`.
fn registered(tag: &str) -> Option<&'static Registered> {
    LOADED.with(|l| l.borrow().iter().copied().find(|f| f.file.tag == tag))
}

/// Whether the words of `tag` (one of [`TAGS`]) are here: compiled in or registered.
fn has(tag: &str) -> bool {
    tag == "en" || other_table(tag).is_some() || registered(tag).is_some()
}

/// The compiled table for one of [`TAGS`], English included.
fn table(tag: &str) -> Option<&'static Locale> {
    match tag {
        "en" => Some(&EN),
        _ => other_table(tag),
    }
}

/// The compiled table for one of [`TAGS`] other than English (native builds and
/// `all-locales`; the wasm build has none, so that [`Lang`] links English a section at a
/// time).
fn other_table(tag: &str) -> Option<&'static Locale> {
    #[cfg(all_locales)]
    return locales().iter().copied().find(|l| l.tag == tag && tag != "en");
    #[cfg(not(all_locales))]
    return {
        let _ = tag;
        None
    };
}

/// A language whose words are here, as the widget passes it around: one of [`TAGS`], its
/// direction, and its words a section at a time (see [`Words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(&'static str);

impl Lang {
    /// English, whose words every build carries.
    pub const EN: Lang = Lang("en");

    /// The language `tag` (one of [`TAGS`]) when its words are here: compiled in, or
    /// registered from a locale file.
    ///
    /// ```
    /// use folio::i18n::Lang;
    /// assert_eq!(Lang::loaded("pt").map(Lang::tag), Some("pt"));
    /// ```
    pub fn loaded(tag: &'static str) -> Option<Lang> {
        has(tag).then_some(Lang(tag))
    }

    /// The first candidate Folio has a language for ([`pick`]) when its words are here,
    /// else English: [`negotiate`] as a [`Lang`].
    pub fn negotiate(candidates: &[Option<&str>]) -> Lang {
        pick(candidates).filter(|t| has(t)).map_or(Lang::EN, Lang)
    }

    /// The lowercase tag, one of [`TAGS`].
    pub fn tag(self) -> &'static str {
        self.0
    }

    /// The writing direction: right to left for Arabic and Hebrew.
    pub fn dir(self) -> Direction {
        if matches!(self.0, "ar" | "he") {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    /// One section of the language's words: compiled in, or read from its registered file
    /// (English for a field the file lacks), else English.
    pub fn words<T: Words>(self) -> &'static T {
        if self.0 == "en" {
            return T::english();
        }
        if let Some(table) = other_table(self.0) {
            return T::of(table);
        }
        match registered(self.0) {
            Some(f) => T::cell(f).get_or_init(|| file::words(&f.file)),
            None => T::english(),
        }
    }

    /// The article's words.
    pub fn article(self) -> &'static ArticleText {
        self.words()
    }

    /// The share bar's words.
    pub fn share(self) -> &'static ShareText {
        self.words()
    }

    /// The comment section's frame: heading, loading line, retry, network error.
    pub fn section(self) -> &'static SectionText {
        self.words()
    }

    /// The comment section's words.
    pub fn comments(self) -> &'static CommentsText {
        self.words()
    }
}

impl Locale {
    /// The table's language as the widget passes it around.
    pub fn lang(&self) -> Lang {
        Lang(self.tag)
    }
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
    let language = &tag[..tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(tag.len())];
    let language = if language.eq_ignore_ascii_case("iw") { "he" } else { language };
    TAGS.iter().find(|t| t.eq_ignore_ascii_case(language)).copied()
}

/// `tag` when it is one of [`TAGS`] exactly (a tag Folio itself wrote, not a page's).
pub fn known(tag: &str) -> Option<&'static str> {
    TAGS.iter().copied().find(|t| *t == tag)
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
/// use folio::i18n::find;
/// assert_eq!(find("pt-BR").map(|l| l.tag), Some("pt"));
/// assert_eq!(find("IW").map(|l| l.comments.section.heading), Some("תגובות"));
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
