//! CLDR cardinal plural rules for whole numbers, one per language Folio ships.
//!
//! A counted phrase ([`Plural`]) holds one form per
//! category its language distinguishes; [`PluralRule::category`] says which form a count
//! takes. Only non-negative integers are counted in Folio (comments, minutes, seconds,
//! characters), so the rules here are the CLDR rules with the operands `v`, `f`, `t` and
//! `e` at zero (see <https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html>).
//! Pure: no I/O; the rules allocate nothing.

/// A CLDR plural category: the name of one form of a counted phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    /// Arabic 0.
    Zero,
    /// 1 in most languages; also 0 in French and Portuguese; 1, 21, 31... in Russian.
    One,
    /// Arabic and Hebrew 2 (the dual).
    Two,
    /// Polish and Russian 2-4, 22-24...; Arabic 3-10, 103-110...
    Few,
    /// Polish and Russian 0, 5-20, 25-30...; Arabic 11-99...; French, Spanish, Italian and
    /// Portuguese whole millions.
    Many,
    /// Everything else; the fallback for a form a table leaves out.
    Other,
}

/// The cardinal plural rule of one language, as CLDR (version 42 and later) defines it
/// for whole numbers.
///
/// ```
/// use folio::plural::{PluralCategory::*, PluralRule};
/// assert_eq!(PluralRule::En.category(1), One);
/// assert_eq!(PluralRule::Fr.category(0), One);
/// assert_eq!(PluralRule::Ru.category(21), One);
/// assert_eq!(PluralRule::Pl.category(22), Few);
/// assert_eq!(PluralRule::Ar.category(11), Many);
/// assert_eq!(PluralRule::Ja.category(1), Other);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PluralRule {
    /// English: one = 1.
    En,
    /// German: one = 1.
    De,
    /// Dutch: one = 1.
    Nl,
    /// Italian: one = 1; many = whole millions.
    It,
    /// Spanish: one = 1; many = whole millions.
    Es,
    /// Portuguese (CLDR `pt`, the Brazilian norm): one = 0 and 1; many = whole millions.
    Pt,
    /// French: one = 0 and 1; many = whole millions.
    Fr,
    /// Polish: one = 1; few = 2-4 except 12-14 (mod 100); many = the rest.
    Pl,
    /// Russian: one = 1 mod 10 except 11; few = 2-4 except 12-14 (mod 100); many = the rest.
    Ru,
    /// Ukrainian: as Russian.
    Uk,
    /// Japanese: no plural forms (other only).
    Ja,
    /// Chinese: no plural forms (other only).
    Zh,
    /// Arabic: zero = 0; one = 1; two = 2; few = 3-10 (mod 100); many = 11-99 (mod 100);
    /// other = 100-102, 200-202...
    Ar,
    /// Hebrew: one = 1; two = 2; other = the rest.
    He,
}

impl PluralRule {
    /// The rule of one of Folio's languages, by its table's tag (see
    /// [`TAGS`](crate::i18n::TAGS)); English's for any other tag.
    ///
    /// ```
    /// use folio::plural::PluralRule;
    /// assert_eq!(PluralRule::for_tag("ru"), PluralRule::Ru);
    /// ```
    pub fn for_tag(tag: &str) -> PluralRule {
        use PluralRule::*;
        match tag {
            "de" => De,
            "nl" => Nl,
            "it" => It,
            "es" => Es,
            "pt" => Pt,
            "fr" => Fr,
            "pl" => Pl,
            "ru" => Ru,
            "uk" => Uk,
            "ja" => Ja,
            "zh" => Zh,
            "ar" => Ar,
            "he" => He,
            _ => En,
        }
    }

    /// The category of the whole number `n`.
    pub fn category(self, n: u64) -> PluralCategory {
        use PluralCategory::*;
        let (mod10, mod100) = (n % 10, n % 100);
        let whole_millions = n != 0 && n % 1_000_000 == 0;
        let slavic_few = (2..=4).contains(&mod10) && !(12..=14).contains(&mod100);
        match self {
            PluralRule::En | PluralRule::De | PluralRule::Nl => {
                if n == 1 {
                    One
                } else {
                    Other
                }
            }
            PluralRule::It | PluralRule::Es | PluralRule::Fr | PluralRule::Pt => {
                let one = if matches!(self, PluralRule::Fr | PluralRule::Pt) { n <= 1 } else { n == 1 };
                if one {
                    One
                } else if whole_millions {
                    Many
                } else {
                    Other
                }
            }
            PluralRule::Pl => {
                if n == 1 {
                    One
                } else if slavic_few {
                    Few
                } else {
                    Many
                }
            }
            PluralRule::Ru | PluralRule::Uk => {
                if mod10 == 1 && mod100 != 11 {
                    One
                } else if slavic_few {
                    Few
                } else {
                    Many
                }
            }
            PluralRule::Ja | PluralRule::Zh => Other,
            PluralRule::Ar => match (n, mod100) {
                (0, _) => Zero,
                (1, _) => One,
                (2, _) => Two,
                (_, 3..=10) => Few,
                (_, 11..=99) => Many,
                _ => Other,
            },
            PluralRule::He => match n {
                1 => One,
                2 => Two,
                _ => Other,
            },
        }
    }

    /// The categories whole numbers can fall into under this rule, in CLDR order. (Polish,
    /// Russian and Ukrainian also have `other`, but only for fractions.)
    pub fn categories(self) -> &'static [PluralCategory] {
        use PluralCategory::*;
        match self {
            PluralRule::En | PluralRule::De | PluralRule::Nl => &[One, Other],
            PluralRule::It | PluralRule::Es | PluralRule::Fr | PluralRule::Pt => &[One, Many, Other],
            PluralRule::Pl | PluralRule::Ru | PluralRule::Uk => &[One, Few, Many],
            PluralRule::Ja | PluralRule::Zh => &[Other],
            PluralRule::Ar => &[Zero, One, Two, Few, Many, Other],
            PluralRule::He => &[One, Two, Other],
        }
    }
}

/// A phrase with a count, in the forms its language distinguishes; `{n}` marks the number.
///
/// [`rule`](Plural::rule) (the table's language) picks the category of a count; a form
/// left `None` falls back to [`other`](Plural::other). English needs `one` and `other`;
/// Russian `one`, `few` and `many` (its `other` is for fractions); Arabic all six.
/// A form whose category holds more than one number (French `one` is 0 and 1, Russian
/// `one` is 1, 21, 31...) must contain `{n}`.
///
/// ```
/// use folio::plural::{Plural, PluralRule};
/// const MINUTES: Plural = Plural {
///     one: Some("{n} минуту назад"),
///     few: Some("{n} минуты назад"),
///     many: Some("{n} минут назад"),
///     ..Plural::new(PluralRule::Ru, "{n} минуты назад")
/// };
/// assert_eq!(MINUTES.with(21), "21 минуту назад");
/// assert_eq!(MINUTES.with(3), "3 минуты назад");
/// assert_eq!(MINUTES.with(11), "11 минут назад");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// The plural rule of the table's language.
    pub rule: PluralRule,
    /// The form for the `zero` category (Arabic 0).
    pub zero: Option<&'static str>,
    /// The form for the `one` category, e.g. `"1 minute ago"`.
    pub one: Option<&'static str>,
    /// The form for the `two` category (Arabic and Hebrew 2).
    pub two: Option<&'static str>,
    /// The form for the `few` category (Polish, Russian, Ukrainian 2-4; Arabic 3-10).
    pub few: Option<&'static str>,
    /// The form for the `many` category (Polish, Russian, Ukrainian 0, 5-20; Arabic 11-99;
    /// French, Spanish, Italian, Portuguese whole millions).
    pub many: Option<&'static str>,
    /// The form for every other count, e.g. `"{n} minutes ago"`.
    pub other: &'static str,
}

impl Plural {
    /// A phrase with only its `other` form (enough for Japanese and Chinese); set the
    /// other forms with struct update syntax.
    pub const fn new(rule: PluralRule, other: &'static str) -> Plural {
        Plural { rule, zero: None, one: None, two: None, few: None, many: None, other }
    }

    /// A phrase with a `one` and an `other` form (English, German, Spanish...).
    pub const fn one_other(rule: PluralRule, one: &'static str, other: &'static str) -> Plural {
        Plural { one: Some(one), ..Plural::new(rule, other) }
    }

    /// The form given for `category`, if any.
    pub fn form_for(&self, category: PluralCategory) -> Option<&'static str> {
        match category {
            PluralCategory::Zero => self.zero,
            PluralCategory::One => self.one,
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Other => Some(self.other),
        }
    }

    /// The template used for `n`: the form of its category, else `other`.
    pub fn form(&self, n: u64) -> &'static str {
        self.form_for(self.rule.category(n)).unwrap_or(self.other)
    }

    /// The phrase for `n`, with `{n}` replaced by the number.
    ///
    /// ```
    /// use folio::comments::text::CommentsText;
    /// let t = CommentsText::en();
    /// assert_eq!(t.minutes_ago.with(1), "1 minute ago");
    /// assert_eq!(t.minutes_ago.with(3), "3 minutes ago");
    /// ```
    pub fn with(&self, n: u64) -> String {
        fill(self.form(n), n)
    }
}

/// `template` with its first `{n}` replaced by `n`.
pub fn fill(template: &str, n: u64) -> String {
    match crate::search::find(template, "{n}") {
        Some(i) => {
            let mut out = String::with_capacity(template.len() + 8);
            out.push_str(&template[..i]);
            crate::date::push_u64(&mut out, n);
            out.push_str(&template[i + 3..]);
            out
        }
        None => template.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::PluralCategory::{Few as F, Many as M, One as O, Other as X, Two as T, Zero as Z};
    use super::*;

    /// The counts every rule is checked at.
    const N: [u64; 16] = [0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 100, 101, 102, 111];

    /// CLDR's expected category for each count in `N`, per language, written out.
    #[rustfmt::skip]
    const EXPECTED: [(PluralRule, [PluralCategory; 16]); 14] = [
        //                 0  1  2  3  4  5  11 12 14 21 22 25 100 101 102 111
        (PluralRule::En, [X, O, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::De, [X, O, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::Nl, [X, O, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::It, [X, O, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::Es, [X, O, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::Pt, [O, O, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::Fr, [O, O, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::Pl, [M, O, F, F, F, M, M, M, M, M, F, M, M, M, F, M]),
        (PluralRule::Ru, [M, O, F, F, F, M, M, M, M, O, F, M, M, O, F, M]),
        (PluralRule::Uk, [M, O, F, F, F, M, M, M, M, O, F, M, M, O, F, M]),
        (PluralRule::Ja, [X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::Zh, [X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X]),
        (PluralRule::Ar, [Z, O, T, F, F, F, M, M, M, M, M, M, X, X, X, M]),
        (PluralRule::He, [X, O, T, X, X, X, X, X, X, X, X, X, X, X, X, X]),
    ];

    #[test]
    fn categories_match_cldr_at_the_sample_counts() {
        for (rule, want) in EXPECTED {
            for (n, want) in N.iter().zip(want) {
                assert_eq!(rule.category(*n), want, "{rule:?} {n}");
            }
        }
    }

    #[test]
    fn whole_millions_are_many_in_romance_languages() {
        for rule in [PluralRule::Fr, PluralRule::Es, PluralRule::It, PluralRule::Pt] {
            assert_eq!(rule.category(1_000_000), M, "{rule:?}");
            assert_eq!(rule.category(3_000_000), M, "{rule:?}");
            assert_eq!(rule.category(1_000_001), X, "{rule:?}");
            assert_eq!(rule.category(1_000), X, "{rule:?}");
        }
        assert_eq!(PluralRule::En.category(1_000_000), X);
        assert_eq!(PluralRule::Ru.category(1_000_000), M);
        assert_eq!(PluralRule::Ar.category(1_000_000), X);
    }

    #[test]
    fn more_cldr_samples() {
        // From the @integer samples in CLDR's plurals.xml.
        for n in [31, 41, 1001, 121] {
            assert_eq!(PluralRule::Ru.category(n), O, "ru {n}");
            assert_eq!(PluralRule::Pl.category(n), M, "pl {n}");
        }
        for n in [112, 113, 114, 1012] {
            assert_eq!(PluralRule::Ru.category(n), M, "ru {n}");
            assert_eq!(PluralRule::Pl.category(n), M, "pl {n}");
        }
        for n in [103, 110, 1003] {
            assert_eq!(PluralRule::Ar.category(n), F, "ar {n}");
        }
        for n in [199, 1011, 1099] {
            assert_eq!(PluralRule::Ar.category(n), M, "ar {n}");
        }
        for n in [200, 201, 202, 1000, 1002] {
            assert_eq!(PluralRule::Ar.category(n), X, "ar {n}");
        }
        for n in [10, 20, 22, 1000] {
            assert_eq!(PluralRule::He.category(n), X, "he {n}");
        }
    }

    #[test]
    fn categories_lists_exactly_the_reachable_ones() {
        for (rule, _) in EXPECTED {
            let mut seen: Vec<PluralCategory> = Vec::new();
            for n in (0..=1_200u64).chain([1_000_000, 2_000_000]) {
                let c = rule.category(n);
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
            for c in rule.categories() {
                assert!(seen.contains(c), "{rule:?} lists {c:?}, never reached");
            }
            for c in &seen {
                assert!(rule.categories().contains(c), "{rule:?} reaches {c:?}, not listed");
            }
        }
    }
}
