//! Locale files: a [`Locale`] as JSON, so that the WebAssembly build carries English alone
//! and fetches another language's table only when a page needs it (each table is ~1.5 KB
//! gzip as a file; all thirteen compiled in cost ~20 KB gzip of wasm on every page).
//!
//! The files are written from the compiled tables by `folio-locales` (natively, where every
//! table is compiled in) into `pkg/locales/<tag>.json`, and read back by [`read`]. One list
//! of fields per text struct (the `fields!` lists below) drives both directions and the
//! table tests, so a field added to a text struct cannot be left out of the files.
//!
//! A package's file holds each section's strings as an array in the order of those lists,
//! so that neither the file nor the wasm that reads it carries the fields' names; the
//! counted phrases keep their names (`count.js` reads `comments.count` alone):
//!
//! ```json
//! {"folio":"0.1.0","tag":"de","dir":"ltr",
//!  "text":{"article":["Von","und",...],"share":[...],"comments":[...]},
//!  "plural":{"comments.count":{"one":"1 Kommentar","other":"{n} Kommentare"},...}}
//! ```
//!
//! The repository's translations (`locales/<tag>.json`, what a translator edits) name
//! every field instead ([`read_source`], [`write_source`]).
//!
//! `folio` is the crate version that wrote the file: a file from another version is refused
//! (its fields may not be this version's), and the widget falls back to English.
//!
//! The widget reads a file a section at a time ([`open`], then [`words`] for each section
//! it shows), so each wasm module carries the names and English words of its own sections
//! only; [`read`] reads all of them at once and requires every field.

use std::cell::OnceCell;

use super::{Direction, Locale, Registered, Words, EN};
use crate::article::ArticleText;
use crate::comments::{
    self,
    text::{CommentsText, Plural, SectionText},
};
use crate::json::{self, Value};
use crate::plural::PluralRule;
use crate::share::ShareText;

/// One field of a table: a plain string or a counted phrase.
pub enum Slot<'a> {
    /// A plain string.
    Text(&'a mut &'static str),
    /// A counted phrase.
    Plural(&'a mut Plural),
}

/// Calls `visit` with the name (`"article.by"`, `"comments.count"`) and a handle of every
/// string field of `locale`, article first, then share bar, then comments (its
/// [`SectionText`] first).
pub fn slots(locale: &mut Locale, mut visit: impl FnMut(&'static str, Slot<'_>)) {
    locale.article.slots(&mut visit);
    locale.share.slots(&mut visit);
    locale.comments.slots(&mut visit);
}

/// Lists a text struct's fields for [`Words::slots`] (every field, named), [`Words::texts`]
/// (the strings, in order, unnamed) and [`Words::plurals`] (the counted phrases, named).
/// Destructures without `..`: a field added to a text struct does not compile until it is
/// listed here.
macro_rules! fields {
    ($slots:ident, $texts:ident, $plurals:ident, $section:literal, $ty:ident { $(skip: [$($skip:ident),*],)? text: [$($t:ident),* $(,)?], plural: [$($p:ident),* $(,)?] $(,)? }) => {
        fn $slots(&mut self, visit: &mut impl FnMut(&'static str, Slot<'_>)) {
            let $ty { $($($skip: _,)*)? $($t,)* $($p,)* } = self;
            $(visit(concat!($section, ".", stringify!($t)), Slot::Text($t));)*
            $(visit(concat!($section, ".", stringify!($p)), Slot::Plural($p));)*
        }
        fn $texts(&mut self, visit: &mut impl FnMut(&mut &'static str)) {
            let $ty { $($($skip: _,)*)? $($t,)* $($p: _,)* } = self;
            $(visit($t);)*
        }
        #[allow(unused_variables)]
        fn $plurals(&mut self, visit: &mut impl FnMut(&'static str, &mut Plural)) {
            let $ty { $($($skip: _,)*)? $($t: _,)* $($p,)* } = self;
            $(visit(concat!($section, ".", stringify!($p)), $p);)*
        }
    };
}

impl Words for ArticleText {
    fn english() -> &'static Self {
        &ArticleText::EN
    }
    fn of(locale: &Locale) -> &Self {
        &locale.article
    }
    fn cell(file: &Registered) -> &OnceCell<Self> {
        &file.article
    }
    const SECTION: &'static str = "article";
    fields!(
        slots,
        texts,
        plurals,
        "article",
        ArticleText {
            text: [
                by,
                and,
                updated,
                about_author,
                tags,
                loading,
                err_options,
                err_syntax,
                err_invalid,
                err_fetch,
                date,
                months
            ],
            plural: [min_read],
        }
    );
}

impl Words for ShareText {
    fn english() -> &'static Self {
        &ShareText::EN
    }
    fn of(locale: &Locale) -> &Self {
        &locale.share
    }
    fn cell(file: &Registered) -> &OnceCell<Self> {
        &file.share
    }
    const SECTION: &'static str = "share";
    fields!(
        slots,
        texts,
        plurals,
        "share",
        ShareText {
            text: [
                nav_label,
                share_on,
                copy_link,
                link_copied,
                copy_failed,
                native_share,
                native_share_label,
                link_field_label
            ],
            plural: [],
        }
    );
}

impl Words for SectionText {
    fn english() -> &'static Self {
        &comments::text::EN_SECTION
    }
    fn of(locale: &Locale) -> &Self {
        &locale.comments.section
    }
    fn cell(file: &Registered) -> &OnceCell<Self> {
        &file.section
    }
    const SECTION: &'static str = "comments";
    fields!(
        slots,
        texts,
        plurals,
        "comments",
        SectionText { text: [heading, loading, retry, err_network], plural: [] }
    );
}

/// The comment section's words: its frame ([`SectionText`], under the same `comments.`
/// names) and the rest.
impl Words for CommentsText {
    fn english() -> &'static Self {
        &comments::text::EN
    }
    fn of(locale: &Locale) -> &Self {
        &locale.comments
    }
    fn cell(file: &Registered) -> &OnceCell<Self> {
        &file.comments
    }
    const SECTION: &'static str = "comments";
    fn slots(&mut self, visit: &mut impl FnMut(&'static str, Slot<'_>)) {
        self.section.slots(visit);
        self.slots_after_section(visit);
    }
    fn texts(&mut self, visit: &mut impl FnMut(&mut &'static str)) {
        self.section.texts(visit);
        self.texts_after_section(visit);
    }
    fn plurals(&mut self, visit: &mut impl FnMut(&'static str, &mut Plural)) {
        self.section.plurals(visit);
        self.plurals_after_section(visit);
    }
}

impl CommentsText {
    fields!(
        slots_after_section,
        texts_after_section,
        plurals_after_section,
        "comments",
        CommentsText {
            skip: [section],
            text: [
                empty,
                sort_label,
                sort_oldest,
                sort_newest,
                sort_top,
                feed,
                load_more,
                anonymous,
                reply,
                like,
                dislike,
                preview,
                edited,
                awaiting_moderation,
                deleted,
                form_heading,
                reply_heading,
                text_label,
                name_label,
                email_label,
                email_hint,
                website_label,
                notify_label,
                page_author,
                optional,
                submit,
                posting,
                cancel,
                honeypot,
                posted,
                moderation,
                edit,
                save,
                delete,
                confirm_delete,
                edit_label,
                retrying,
                sent_unconfirmed,
                draft_kept,
                waiting,
                cancel_sending,
                just_now,
                yesterday,
                err_server,
                err_rate_limited,
                err_wait_unknown,
                err_rejected,
                err_bad_response,
                err_too_large,
                val_text_required,
                val_name_required,
                val_email_required,
                val_email_invalid,
                val_website_invalid,
            ],
            plural: [
                count,
                more_replies,
                new_comments,
                minutes_ago,
                hours_ago,
                days_ago,
                months_ago,
                years_ago,
                err_wait,
                val_text_short,
                val_text_long,
            ],
        }
    );
}

/// The forms of a counted phrase with their CLDR category names, `other` last.
fn forms(p: &mut Plural) -> [(&'static str, &mut Option<&'static str>); 5] {
    [("zero", &mut p.zero), ("one", &mut p.one), ("two", &mut p.two), ("few", &mut p.few), ("many", &mut p.many)]
}

/// Why a locale file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The file is not JSON.
    Syntax(json::SyntaxError),
    /// The file was written by another version of Folio (the version it names).
    Version(String),
    /// The file's language is not one Folio has a table for.
    Language(String),
    /// A member is missing or of the wrong type (the member's name).
    Member(&'static str),
}

impl FileError {
    /// A sentence for the console.
    pub fn text(&self) -> String {
        match self {
            // Natively (folio-locales, for translators) what was wrong; in the browser's
            // console where, so that the comments module carries none of the JSON reader's
            // words (the core keeps them for the article's errors).
            FileError::Syntax(e) if cfg!(target_arch = "wasm32") => String::from("not JSON at ") + &e.position(),
            FileError::Syntax(e) => String::from("not JSON: ") + &e.text(),
            FileError::Version(v) => String::from("written by Folio ") + v + ", not " + VERSION,
            FileError::Language(t) => String::from("no such language: ") + t,
            FileError::Member(m) => String::from("missing or not text: ") + m,
        }
    }
}

/// The version written into (and required of) every locale file.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A locale file whose header was checked: Folio's version, one of [`TAGS`](super::TAGS),
/// a direction. Its words are read a section at a time ([`words`], [`read`]).
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// The file's language, one of [`TAGS`](super::TAGS).
    pub tag: &'static str,
    /// The language's writing direction.
    pub dir: Direction,
    /// The `text` member.
    text: Option<Value>,
    /// The `plural` member.
    plural: Option<Value>,
}

/// Parses a locale file and checks its header (see [`File`]).
pub fn open(text: &str) -> Result<File, FileError> {
    let mut value = json::parse(text).map_err(FileError::Syntax)?;
    let version = string(value.get("folio"), "folio")?;
    if version != VERSION {
        return Err(FileError::Version(version.into()));
    }
    let tag = string(value.get("tag"), "tag")?;
    let tag = super::TAGS.iter().find(|t| **t == tag).ok_or_else(|| FileError::Language(tag.into()))?;
    let dir = match string(value.get("dir"), "dir")? {
        "ltr" => Direction::Ltr,
        "rtl" => Direction::Rtl,
        _ => return Err(FileError::Member("dir")),
    };
    let mut take = |name| match &mut value {
        Value::Object(members) => members.iter().position(|(n, _)| n == name).map(|i| members.swap_remove(i).1),
        _ => None,
    };
    Ok(File { tag, dir, text: take("text"), plural: take("plural") })
}

/// Where a file lacks a field of a section (or holds something else there).
enum Gap {
    /// The string at this position of the section's array.
    Text(usize),
    /// The counted phrase of this name.
    Plural(&'static str),
}

/// Sets every field of `words` that a package's `file` has: its section's strings by
/// position, its counted phrases by name. The strings are leaked into `'static` (tables
/// are `'static` everywhere; each language is read at most once per page). The first
/// missing or mistyped member is the error; the fields after it are still set.
fn fill<T: Words>(words: &mut T, file: &File) -> Result<(), Gap> {
    let mut failed = None;
    let texts = match file.text.as_ref().and_then(|v| v.get(T::SECTION)) {
        Some(Value::Array(items)) => &items[..],
        _ => &[],
    };
    let mut at = 0;
    words.texts(&mut |t| {
        match texts.get(at).and_then(Value::as_str) {
            Some(s) => *t = leak(s),
            None => {
                failed.get_or_insert(Gap::Text(at));
            }
        }
        at += 1;
    });
    fill_plurals(words, file, &mut failed);
    failed.map_or(Ok(()), Err)
}

/// Sets the counted phrases of `words` that `file` has (by name, in package and source
/// files alike); notes the first that is missing in `failed`.
fn fill_plurals<T: Words>(words: &mut T, file: &File, failed: &mut Option<Gap>) {
    let rule = PluralRule::for_tag(file.tag);
    words.plurals(&mut |name, p| {
        let phrase = file.plural.as_ref().and_then(|v| v.get(name));
        match phrase.and_then(|v| v.get("other")).and_then(Value::as_str) {
            Some(other) => {
                p.rule = rule;
                p.other = leak(other);
                for (category, form) in forms(p) {
                    *form = phrase.and_then(|v| v.get(category)).and_then(Value::as_str).map(leak);
                }
            }
            None => {
                failed.get_or_insert(Gap::Plural(name));
            }
        }
    });
}

/// `s` as a `'static` string (see [`fill`]).
fn leak(s: &str) -> &'static str {
    String::from(s).leak()
}

/// The error for `gap` in section `T`: the missing member's name.
fn named<T: Words>(gap: Gap) -> FileError {
    match gap {
        Gap::Plural(name) => FileError::Member(name),
        Gap::Text(at) => {
            let mut names = Vec::new();
            T::english().clone().slots(&mut |name, slot| {
                if let Slot::Text(_) = slot {
                    names.push(name);
                }
            });
            FileError::Member(names.get(at).copied().unwrap_or(T::SECTION))
        }
    }
}

/// Sets every field of `words` from a translation as the repository keeps it (every
/// string by its name); the first missing or mistyped member is the error.
fn fill_source<T: Words>(words: &mut T, file: &File) -> Result<(), FileError> {
    let mut failed = None;
    words.slots(&mut |name, slot| {
        if let Slot::Text(t) = slot {
            match file.text.as_ref().and_then(|v| v.get(name)).and_then(Value::as_str) {
                Some(s) => *t = leak(s),
                None => {
                    failed.get_or_insert(FileError::Member(name));
                }
            }
        }
    });
    let mut gap = None;
    fill_plurals(words, file, &mut gap);
    match (failed, gap) {
        (Some(e), _) => Err(e),
        (None, Some(gap)) => Err(named::<T>(gap)),
        (None, None) => Ok(()),
    }
}

/// One section of a file's table, English where the file lacks a field (what the widget
/// reads: a section it shows is read when first needed).
pub fn words<T: Words>(file: &File) -> T {
    let mut words = T::english().clone();
    let _ = fill(&mut words, file);
    words
}

/// Reads a whole locale file into a table; every field must be there.
pub fn read(text: &str) -> Result<Locale, FileError> {
    let file = open(text)?;
    let mut locale = Locale { tag: file.tag, dir: file.dir, ..EN.clone() };
    fill(&mut locale.article, &file).map_err(named::<ArticleText>)?;
    fill(&mut locale.share, &file).map_err(named::<ShareText>)?;
    fill(&mut locale.comments, &file).map_err(named::<CommentsText>)?;
    Ok(locale)
}

/// Reads a translation as the repository keeps it (`locales/<tag>.json`, what a translator
/// edits): a locale file without the `folio` member, which `folio-locales` adds when it
/// writes the package's copy. Every field must be there.
pub fn read_source(text: &str) -> Result<Locale, FileError> {
    // Its header is checked as a package file's: the version goes first in the object.
    let file = match text.trim_start().strip_prefix('{') {
        Some(members) => open(&[r#"{"folio": ""#, VERSION, "\", ", members].concat())?,
        None => open(text)?,
    };
    let mut locale = Locale { tag: file.tag, dir: file.dir, ..EN.clone() };
    fill_source(&mut locale.article, &file)?;
    fill_source(&mut locale.share, &file)?;
    fill_source(&mut locale.comments, &file)?;
    Ok(locale)
}

/// The string `v` holds, else [`FileError::Member`] naming it.
fn string<'v>(v: Option<&'v Value>, name: &'static str) -> Result<&'v str, FileError> {
    v.and_then(Value::as_str).ok_or(FileError::Member(name))
}

/// Writes a table as a package's locale file (what `folio-locales` does for every
/// non-English table): compact, each section's strings by position.
pub fn write(locale: &Locale) -> String {
    let mut locale = locale.clone();
    let mut out = String::from("{\"folio\":");
    json::write_string(&mut out, VERSION);
    out.push_str(",\"tag\":");
    json::write_string(&mut out, locale.tag);
    out.push_str(",\"dir\":");
    json::write_string(&mut out, locale.dir.as_str());
    out.push_str(",\"text\":{");
    section(&mut out, &mut locale.article);
    out.push(',');
    section(&mut out, &mut locale.share);
    out.push(',');
    section(&mut out, &mut locale.comments);
    out.push_str("},\"plural\":{");
    let mut first = true;
    slots(&mut locale, |name, slot| {
        if let Slot::Plural(p) = slot {
            if !std::mem::take(&mut first) {
                out.push(',');
            }
            json::write_string(&mut out, name);
            out.push(':');
            write_plural(&mut out, p, ":", ",");
        }
    });
    out.push_str("}}\n");
    out
}

/// `"section":["...",...]`: the strings of one section, in order.
fn section<T: Words>(out: &mut String, words: &mut T) {
    json::write_string(out, T::SECTION);
    out.push_str(":[");
    let mut first = true;
    words.texts(&mut |t| {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        json::write_string(out, t);
    });
    out.push(']');
}

/// A counted phrase as an object of its forms, `other` last, with `colon` and `comma`
/// between names, values and members.
fn write_plural(out: &mut String, p: &mut Plural, colon: &str, comma: &str) {
    out.push('{');
    let other = p.other;
    for (category, form) in forms(p) {
        if let Some(form) = form {
            json::write_string(out, category);
            out.push_str(colon);
            json::write_string(out, form);
            out.push_str(comma);
        }
    }
    json::write_string(out, "other");
    out.push_str(colon);
    json::write_string(out, other);
    out.push('}');
}

/// Writes a table as the repository keeps it ([`read_source`]): the canonical layout of
/// `locales/<tag>.json`, which the tests require of every translation.
pub fn write_source(locale: &Locale) -> String {
    write_file(locale, false)
}

/// A locale file in the repository's layout, with the `folio` member when `versioned`.
fn write_file(locale: &Locale, versioned: bool) -> String {
    let mut locale = locale.clone();
    let (mut texts, mut plurals) = (String::new(), String::new());
    let member = |out: &mut String, name: &str| {
        out.push_str(if out.is_empty() { "\n    " } else { ",\n    " });
        json::write_string(out, name);
        out.push_str(": ");
    };
    slots(&mut locale, |name, slot| match slot {
        Slot::Text(t) => {
            member(&mut texts, name);
            json::write_string(&mut texts, t);
        }
        Slot::Plural(p) => {
            member(&mut plurals, name);
            write_plural(&mut plurals, p, ": ", ", ");
        }
    });
    let mut out = String::from("{");
    if versioned {
        out.push_str("\n  \"folio\": ");
        json::write_string(&mut out, VERSION);
        out.push(',');
    }
    out.push_str("\n  \"tag\": ");
    json::write_string(&mut out, locale.tag);
    out.push_str(",\n  \"dir\": ");
    json::write_string(&mut out, locale.dir.as_str());
    out.push_str(",\n  \"text\": {");
    out.push_str(&texts);
    out.push_str("\n  },\n  \"plural\": {");
    out.push_str(&plurals);
    out.push_str("\n  }\n}\n");
    out
}
