//! Checks every table: nothing empty, no placeholder lost, every plural category of the
//! language given a form; and the tag lookup.

use super::*;
use crate::comments::text::Plural;
use crate::plural::{PluralCategory, PluralRule};

fn german() -> &'static Locale {
    table("de").expect("German is compiled in")
}

fn japanese() -> &'static Locale {
    table("ja").expect("Japanese is compiled in")
}

/// Every plain string of a table, with the field it is in ([`file::slots`] lists them
/// all; it destructures without `..`, so a new field is covered or does not compile).
fn strings(l: &'static Locale) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    file::slots(&mut l.clone(), |name, slot| {
        if let file::Slot::Text(t) = slot {
            out.push((name, *t));
        }
    });
    out
}

/// Every counted phrase of a table, with the field it is in.
fn plurals(l: &'static Locale) -> Vec<(&'static str, Plural)> {
    let mut out = Vec::new();
    file::slots(&mut l.clone(), |name, slot| {
        if let file::Slot::Plural(p) = slot {
            out.push((name, *p));
        }
    });
    out
}

/// The plural rule of each language, from CLDR, that [`PluralRule::for_tag`] must give.
const RULES: [(&str, PluralRule); 14] = [
    ("en", PluralRule::En),
    ("de", PluralRule::De),
    ("fr", PluralRule::Fr),
    ("es", PluralRule::Es),
    ("it", PluralRule::It),
    ("pt", PluralRule::Pt),
    ("nl", PluralRule::Nl),
    ("pl", PluralRule::Pl),
    ("ru", PluralRule::Ru),
    ("uk", PluralRule::Uk),
    ("ja", PluralRule::Ja),
    ("zh", PluralRule::Zh),
    ("ar", PluralRule::Ar),
    ("he", PluralRule::He),
];

/// Counts that reach every category of every rule.
fn sample_counts() -> impl Iterator<Item = u64> {
    (0..=1_200).chain([1_000_000, 2_000_000, 1_000_001])
}

/// `{...}` placeholders in `s`, in order.
fn placeholders(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let end = rest[i..].find('}').map_or(rest.len(), |j| i + j + 1);
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    if rest.contains('}') {
        out.push("}");
    }
    out
}

#[test]
fn every_language_is_shipped_once_with_its_plural_rule() {
    let tags: Vec<&str> = locales().iter().map(|l| l.tag).collect();
    assert_eq!(tags, TAGS);
    assert!(TAGS.iter().enumerate().all(|(i, t)| !TAGS[..i].contains(t)), "a tag listed twice");
    assert_eq!(locales()[0], &EN);
    // The rule of each language Folio had when this was written, from CLDR.
    for (tag, rule) in RULES {
        assert!(TAGS.contains(&tag), "{tag}");
        assert_eq!(PluralRule::for_tag(tag), rule, "{tag}");
    }
}

#[test]
fn every_string_is_there_and_keeps_its_placeholders() {
    for &l in locales() {
        for (field, s) in strings(l) {
            assert!(!s.trim().is_empty(), "{}: {field} is empty", l.tag);
            assert_eq!(s, s.trim(), "{}: {field} has surrounding spaces", l.tag);
            if field == "article.date" {
                // Each of the three once, in the language's order.
                let mut got = placeholders(s);
                got.sort_unstable();
                assert_eq!(got, ["{d}", "{month}", "{y}"], "{}: {field} = {s:?}", l.tag);
                continue;
            }
            let want: &[&str] = if field == "share.share_on" { &["{network}"] } else { &[] };
            assert_eq!(placeholders(s), want, "{}: {field} = {s:?}", l.tag);
        }
        assert!(l.share.share_label("LinkedIn").contains("LinkedIn"), "{}", l.tag);
        let months: Vec<&str> = l.article.months.split('|').collect();
        assert_eq!(months.len(), 12, "{}: article.months", l.tag);
        assert!(months.iter().all(|m| !m.trim().is_empty() && m.trim() == *m), "{}: article.months", l.tag);
    }
}

#[test]
fn every_plural_has_its_languages_forms_and_keeps_n() {
    for &l in locales() {
        let (tag, rule) = (l.tag, PluralRule::for_tag(l.tag));
        for (field, p) in plurals(l) {
            let at = |what: &str| format!("{tag}: {field}: {what}");
            assert_eq!(p.rule, rule, "{}", at("rule"));
            assert_eq!(placeholders(p.other), ["{n}"], "{}", at("other"));
            use PluralCategory::{Few, Many, One, Two, Zero};
            for category in [Zero, One, Two, Few, Many] {
                let counts: Vec<u64> = sample_counts().filter(|&n| rule.category(n) == category).collect();
                match p.form_for(category) {
                    Some(form) => {
                        assert!(!counts.is_empty(), "{}", at(&format!("{category:?} is never used by {rule:?}")));
                        assert!(!form.trim().is_empty(), "{}", at(&format!("{category:?} is empty")));
                        // A form for a single number (English "1 minute ago", Arabic "منذ دقيقتين")
                        // may spell the number out; a form for several must show it.
                        let found = placeholders(form);
                        let ok = found == ["{n}"] || (found.is_empty() && counts.len() == 1);
                        assert!(ok, "{}", at(&format!("{category:?} = {form:?}, for {} counts", counts.len())));
                    }
                    None => {
                        // Falling back to `other` is fine for Arabic 0 and for the Romance
                        // whole millions; any other category the rule uses needs a form.
                        let ok = counts.is_empty()
                            || category == PluralCategory::Zero
                            || (category == PluralCategory::Many && counts.iter().all(|&n| n >= 1_000_000));
                        assert!(
                            ok,
                            "{}",
                            at(&format!("no {category:?} form, needed for {:?}...", &counts[..counts.len().min(3)]))
                        );
                    }
                }
            }
            for n in sample_counts() {
                let s = p.with(n);
                assert!(!s.contains('{') && !s.contains('}'), "{}", at(&format!("with({n}) = {s:?}")));
            }
        }
    }
}

#[test]
fn english_is_the_crates_defaults() {
    assert_eq!(EN.article, ArticleText::en());
    assert_eq!(EN.share, ShareText::en());
    assert_eq!(&EN.comments, CommentsText::en());
}

#[test]
fn other_languages_are_translated() {
    // Words that are the same in some languages.
    let shared = ["Name", "Website", "(optional)", "Tags", "Email"];
    let english = strings(&EN);
    for &l in &locales()[1..] {
        for ((field, s), (_, en)) in strings(l).into_iter().zip(&english) {
            assert!(s != *en || shared.contains(&s), "{}: {field} is still English: {s:?}", l.tag);
        }
        for ((field, p), (_, en)) in plurals(l).into_iter().zip(plurals(&EN)) {
            assert_ne!(p.other, en.other, "{}: {field} is still English", l.tag);
        }
    }
}

#[test]
fn arabic_and_hebrew_are_right_to_left() {
    for &l in locales() {
        let want = if matches!(l.tag, "ar" | "he") { Direction::Rtl } else { Direction::Ltr };
        assert_eq!(l.dir, want, "{}", l.tag);
    }
    assert_eq!((Direction::Ltr.as_str(), Direction::Rtl.as_str()), ("ltr", "rtl"));
}

#[test]
fn counted_phrases_read_right() {
    let c = |tag: &str| &locale(tag).comments;
    assert_eq!(c("en").minutes_ago.with(1), "1 minute ago");
    assert_eq!(c("en").count.with(0), "0 comments");
    assert_eq!(c("fr").count.with(0), "0 commentaire");
    assert_eq!(c("fr").days_ago.with(2), "il y a 2 jours");
    assert_eq!(c("pt").minutes_ago.with(0), "há 0 minuto");
    assert_eq!(c("de").years_ago.with(3), "vor 3 Jahren");
    let ru: Vec<String> = [1, 2, 5, 11, 21, 22, 25, 111].map(|n| c("ru").minutes_ago.with(n)).into();
    assert_eq!(
        ru,
        [
            "1 минуту назад",
            "2 минуты назад",
            "5 минут назад",
            "11 минут назад",
            "21 минуту назад",
            "22 минуты назад",
            "25 минут назад",
            "111 минут назад",
        ]
    );
    assert_eq!(c("uk").days_ago.with(3), "3 дні тому");
    assert_eq!(c("uk").days_ago.with(21), "21 день тому");
    assert_eq!(c("pl").years_ago.with(1), "1 rok temu");
    assert_eq!(c("pl").years_ago.with(22), "22 lata temu");
    assert_eq!(c("pl").years_ago.with(21), "21 lat temu");
    assert_eq!(c("pl").years_ago.with(12), "12 lat temu");
    assert_eq!(c("ja").hours_ago.with(3), "3時間前");
    assert_eq!(c("zh").hours_ago.with(1), "1 小时前");
    assert_eq!(c("ar").count.with(0), "لا تعليقات");
    assert_eq!(c("ar").hours_ago.with(2), "منذ ساعتين");
    assert_eq!(c("ar").hours_ago.with(3), "منذ 3 ساعات");
    assert_eq!(c("ar").hours_ago.with(11), "منذ 11 ساعة");
    assert_eq!(c("ar").days_ago.with(100), "منذ 100 يوم");
    assert_eq!(c("he").hours_ago.with(2), "לפני שעתיים");
    assert_eq!(c("he").hours_ago.with(3), "לפני 3 שעות");
    // The reading time agrees with its number too: Arabic 1 is the singular, not "1 دقائق".
    let read = |tag: &str, n: u64| locale(tag).article.min_read.with(n);
    assert_eq!(read("ar", 1), "دقيقة واحدة للقراءة");
    assert_eq!(read("ar", 5), "5 دقائق للقراءة");
    assert_eq!(read("ar", 12), "12 دقيقة للقراءة");
    assert_eq!([2, 5, 21].map(|n| read("ru", n)), ["2 минуты чтения", "5 минут чтения", "21 минута чтения"]);
    assert_eq!(read("en", 1), "1 min read");
    assert_eq!(read("ja", 3), "3分で読めます");
    // The count of a thread on an index page (js/count.js reads these from the files).
    assert_eq!(
        [1, 3, 5, 21].map(|n| c("ru").count.with(n)),
        ["1 комментарий", "3 комментария", "5 комментариев", "21 комментарий"]
    );
    assert_eq!([0, 1, 2, 11].map(|n| c("ar").count.with(n)), ["لا تعليقات", "تعليق واحد", "تعليقان", "11 تعليقًا"]);
    assert_eq!([0, 1, 2].map(|n| c("en").count.with(n)), ["0 comments", "1 comment", "2 comments"]);
}

#[test]
fn locale_tries_the_tag_then_its_language_then_english() {
    let cases = [
        ("en", "en"),
        ("de", "de"),
        ("DE", "de"),
        ("de-AT", "de"),
        ("de-CH-1996", "de"),
        ("pt-BR", "pt"),
        ("pt_PT", "pt"),
        ("PT-br", "pt"),
        ("zh-Hant-TW", "zh"),
        ("zh-CN", "zh"),
        ("he-IL", "he"),
        ("iw", "he"),
        ("IW-il", "he"),
        ("ar-EG", "ar"),
        ("uk-UA", "uk"),
        ("ja-JP", "ja"),
        ("en-GB", "en"),
        (" fr ", "fr"),
        ("", "en"),
        ("xx", "en"),
        ("tlh", "en"),
        ("und", "en"),
        ("*", "en"),
        ("-", "en"),
        ("e", "en"),
        ("english", "en"),
        ("deu", "en"),
        ("fr-", "fr"),
    ];
    for (tag, want) in cases {
        assert_eq!(locale(tag).tag, want, "{tag:?}");
    }
    for &l in locales() {
        assert_eq!(locale(l.tag), l);
        assert_eq!(find(&l.tag.to_ascii_uppercase()), Some(l));
    }
    assert_eq!(find("xx"), None);
    assert_eq!(find(""), None);
    assert_eq!(find("uk"), Some(table("uk").unwrap()), "uk is Ukrainian (the country is UA)");
}

#[test]
fn negotiate_takes_the_first_candidate_with_a_table() {
    // The widget's order: `lang` option, article `lang`, page `<html lang>`.
    assert_eq!(negotiate(&[Some("de"), Some("fr"), Some("es")]).tag, "de");
    assert_eq!(negotiate(&[None, Some("fr-CA"), Some("es")]).tag, "fr");
    assert_eq!(negotiate(&[None, None, Some("es-MX")]).tag, "es");
    assert_eq!(negotiate(&[Some("tlh"), Some(""), Some("iw")]).tag, "he");
    assert_eq!(negotiate(&[Some("xx"), Some("yy"), None]).tag, "en");
    assert_eq!(negotiate(&[None, None, None]).tag, "en");
    assert_eq!(negotiate(&[]).tag, "en");
    // An explicit English wins over a later language.
    assert_eq!(negotiate(&[Some("en-US"), Some("ar")]).tag, "en");
}

#[test]
fn every_table_survives_its_locale_file() {
    for &l in locales() {
        let text = file::write(l);
        assert_eq!(file::read(&text).as_ref(), Ok(l), "{}", l.tag);
        assert!(crate::json::parse(&text).is_ok());
    }
    assert_eq!(strings(&EN).len() + plurals(&EN).len(), 90);
}

#[test]
fn every_translation_is_whole_and_in_its_layout() {
    // The files translators edit: every field there and nothing else (a misspelt or stale
    // member makes the file differ from its layout), named by its tag.
    for (tag, text) in TAGS[1..].iter().zip(SOURCES) {
        let l = file::read_source(text).unwrap_or_else(|e| panic!("locales/{tag}.json: {}", e.text()));
        assert_eq!(l.tag, *tag);
        assert!(file::write_source(&l) == *text, "locales/{tag}.json is not in the layout folio-locales writes");
    }
    let de = file::write_source(german());
    let missing = de.replace("\"article.by\": \"Von\",", "");
    assert_eq!(file::read_source(&missing), Err(file::FileError::Member("article.by")));
    let stale = de.replace("\"article.by\"", "\"article.bye\": \"x\", \"article.by\"");
    assert!(file::write_source(&file::read_source(&stale).unwrap()) != stale, "an extra member is caught");
    assert_eq!(file::read(&de), Err(file::FileError::Member("folio")), "a package's file has its version");
}

#[test]
fn locale_files_from_elsewhere_are_refused() {
    use file::FileError;
    let de = file::write(german());
    let other_version = de.replace(file::VERSION, "0.0.0-other");
    assert_eq!(file::read(&other_version), Err(FileError::Version("0.0.0-other".into())));
    assert_eq!(file::read(&de.replace("\"de\"", "\"xx\"")), Err(FileError::Language("xx".into())));
    // Strings by position: a string that is not one is named; a short array lacks its last.
    assert!(de.contains(r#""text":{"article":["Von","und","#), "{de}");
    assert_eq!(file::read(&de.replace(r#"["Von","#, "[7,")), Err(FileError::Member("article.by")));
    assert_eq!(file::read(&de.replace(r#"["Von","#, "[")), Err(FileError::Member("article.months")));
    assert_eq!(file::read(&de.replace(r#""share":["#, r#""shared":["#)), Err(FileError::Member("share.nav_label")));
    assert_eq!(file::read(&de.replace("\"ltr\"", "\"up\"")), Err(FileError::Member("dir")));
    let no_other = de.replace(r#""other":"{n} Kommentare""#, r#""x":1"#);
    assert_eq!(file::read(&no_other), Err(FileError::Member("comments.count")));
    assert!(matches!(file::read("{\"folio\": "), Err(FileError::Syntax(_))));
    assert!(file::read("[]").is_err());
}

#[test]
fn a_registered_language_is_found_and_kept_once() {
    let ja = register(&file::write(japanese())).unwrap();
    assert_eq!(ja, japanese().lang());
    assert_eq!(register(&file::write(japanese())), Ok(ja));
    assert_eq!(Lang::loaded("ja"), Some(ja));
    assert_eq!((known("ja"), known("ja-JP"), known("xx")), (Some("ja"), None, None));
    assert_eq!(ja.comments(), &japanese().comments);
    assert!(register("null").is_err());
}

#[test]
fn a_file_is_read_a_section_at_a_time() {
    for &l in locales() {
        let f = file::open(&file::write(l)).unwrap();
        assert_eq!((f.tag, f.dir), (l.tag, l.dir));
        assert_eq!(&file::words::<ArticleText>(&f), &l.article, "{}", l.tag);
        assert_eq!(&file::words::<ShareText>(&f), &l.share, "{}", l.tag);
        assert_eq!(&file::words::<SectionText>(&f), &l.comments.section, "{}", l.tag);
        assert_eq!(&file::words::<CommentsText>(&f), &l.comments, "{}", l.tag);
        assert_eq!(l.lang().dir(), l.dir, "{}", l.tag);
        assert_eq!(l.lang().comments(), &l.comments, "{}", l.tag);
    }
    // A field the file lacks stays English; the others are read.
    let de = file::write(german()).replace(r#""comments":["Kommentare","#, r#""comments":[null,"#);
    let section = file::words::<SectionText>(&file::open(&de).unwrap());
    assert_eq!((section.heading, section.retry), (EN.comments.section.heading, german().comments.section.retry));
    assert_eq!(file::read(&de), Err(file::FileError::Member("comments.heading")));
}

#[test]
fn negotiate_as_a_lang_matches_the_tables() {
    for c in [
        [None, Some("fr-CA"), Some("de")],
        [Some("xx"), None, Some("ja-JP")],
        [None, Some(""), None],
        [Some("en-US"), Some("ar"), None],
    ] {
        assert_eq!(Lang::negotiate(&c), negotiate(&c).lang());
    }
}

#[test]
fn pick_names_the_language_even_before_its_table_is_loaded() {
    assert_eq!(pick(&[None, Some(" PT_br "), Some("de")]), Some("pt"));
    assert_eq!(pick(&[Some("iw-IL")]), Some("he"));
    assert_eq!(pick(&[Some(""), None]), None);
    assert_eq!(TAGS.iter().zip(locales()).filter(|(t, l)| **t == l.tag).count(), 14);
}
