//! Dates, in one place: ISO 8601 parsed strictly (kept as written for `<time datetime>`),
//! calendar dates shown in English, Unix seconds, and the days-from-civil arithmetic
//! (Howard Hinnant's algorithms) that both the article and the comments use. No clock and
//! no date library: callers pass `now`.

/// A validated ISO 8601 date or date-time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTime {
    /// Four-digit year.
    pub year: u16,
    /// 1-12.
    pub month: u8,
    /// 1-31, valid for the month.
    pub day: u8,
    /// `(hour, minute, second)` when a time was given.
    pub time: Option<(u8, u8, u8)>,
    /// Offset from UTC in minutes when given (`Z` is 0).
    pub offset_minutes: Option<i16>,
    /// Fraction of a second, in microseconds.
    pub micros: u32,
    /// The text as written (trimmed): what goes into `datetime`.
    pub text: String,
}

impl DateTime {
    /// Parses `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fraction]]` and `Z` or
    /// `±HH:MM`. Returns a short reason on failure.
    ///
    /// ```
    /// use folio::date::DateTime;
    /// assert_eq!(DateTime::parse("2017-07-13T09:30:00Z").unwrap().day, 13);
    /// assert!(DateTime::parse("2017-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<DateTime, &'static str> {
        const EXPECTED: &str = "expected an ISO 8601 date such as 2017-07-13 or 2017-07-13T09:30:00Z";
        let text = s.trim();
        let b = text.as_bytes();
        let num = |from: usize, len: usize| -> Result<u32, &'static str> {
            let part = b.get(from..from + len).ok_or(EXPECTED)?;
            part.iter().try_fold(0u32, |n, &d| {
                if d.is_ascii_digit() {
                    Ok(n * 10 + u32::from(d - b'0'))
                } else {
                    Err(EXPECTED)
                }
            })
        };
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(EXPECTED);
        }
        let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err("not a calendar date");
        }
        let mut dt = DateTime {
            year: year as u16,
            month: month as u8,
            day: day as u8,
            time: None,
            offset_minutes: None,
            micros: 0,
            text: text.to_string(),
        };
        let mut i = 10;
        if i == b.len() {
            return Ok(dt);
        }
        if b[i] != b'T' && b[i] != b't' && b[i] != b' ' {
            return Err(EXPECTED);
        }
        i += 1;
        let hour = num(i, 2)?;
        if b.get(i + 2) != Some(&b':') {
            return Err(EXPECTED);
        }
        let minute = num(i + 3, 2)?;
        i += 5;
        let mut second = 0;
        if b.get(i) == Some(&b':') {
            second = num(i + 1, 2)?;
            i += 3;
            if matches!(b.get(i), Some(b'.' | b',')) {
                i += 1;
                let start = i;
                let mut scale = 100_000;
                while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                    dt.micros += u32::from(d - b'0') * scale;
                    scale /= 10;
                    i += 1;
                }
                if i == start {
                    return Err(EXPECTED);
                }
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Err("not a valid time of day");
        }
        dt.time = Some((hour as u8, minute as u8, second as u8));
        match b.get(i) {
            None => {}
            Some(b'Z' | b'z') if i + 1 == b.len() => dt.offset_minutes = Some(0),
            Some(&sign @ (b'+' | b'-')) => {
                let oh = num(i + 1, 2)?;
                let om = match (b.get(i + 3), b.len() - i) {
                    (Some(b':'), 6) => num(i + 4, 2)?,
                    (_, 5) => num(i + 3, 2)?,
                    (None, 3) => 0,
                    _ => return Err(EXPECTED),
                };
                if oh > 23 || om > 59 {
                    return Err("not a valid UTC offset");
                }
                let total = (oh * 60 + om) as i16;
                dt.offset_minutes = Some(if sign == b'-' { -total } else { total });
            }
            Some(_) => return Err(EXPECTED),
        }
        Ok(dt)
    }
}

impl DateTime {
    /// Seconds since 1970-01-01T00:00:00Z; a time without an offset is taken as UTC, a
    /// date without a time as its midnight.
    ///
    /// ```
    /// use folio::date::DateTime;
    /// assert_eq!(DateTime::parse("1970-01-01T02:00:00.5+02:00").unwrap().unix_seconds(), 0.5);
    /// ```
    pub fn unix_seconds(&self) -> f64 {
        let days = days_from_civil(i64::from(self.year), u32::from(self.month), u32::from(self.day));
        let (h, m, s) = self.time.unwrap_or((0, 0, 0));
        let clock = i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s);
        let offset = i64::from(self.offset_minutes.unwrap_or(0)) * 60;
        (days * 86_400 + clock - offset) as f64 + f64::from(self.micros) / 1e6
    }
}

/// Days in `month` (1-12) of `year`, leap years included.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (`month` 1-12, `day` 1-31).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1-12, day 1-31) that is `days` days after 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The date as a calendar date in one language, in the time zone it was written in (a
/// newsroom's date line, not the reader's). `pattern` holds `{d}`, `{month}` and `{y}`;
/// `months` the twelve month names separated by `|` (see
/// [`ArticleText::date`](crate::article::ArticleText::date)). A month missing from
/// `months` is written as its number. Deterministic everywhere: the static renderer and
/// the browser write the same text.
///
/// ```
/// use folio::date::{format_date, DateTime};
/// let dt = DateTime::parse("2017-07-13T23:59:00-07:00").unwrap();
/// assert_eq!(format_date(&dt, "{d}. {month} {y}", "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"), "13. Juli 2017");
/// ```
pub fn format_date(dt: &DateTime, pattern: &str, months: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = crate::search::byte(rest, b'{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("{d}") {
            push_number(&mut out, u32::from(dt.day));
            rest = after;
        } else if let Some(after) = rest.strip_prefix("{y}") {
            push_number(&mut out, u32::from(dt.year));
            rest = after;
        } else if let Some(after) = rest.strip_prefix("{month}") {
            match crate::search::split(months, "|").nth(usize::from(dt.month) - 1) {
                Some(name) => out.push_str(name),
                None => push_number(&mut out, u32::from(dt.month)),
            }
            rest = after;
        } else {
            out.push('{');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Appends a decimal number without going through `core::fmt`.
pub fn push_number(out: &mut String, n: u32) {
    push_u64(out, n.into());
}

/// `n` in decimal, as `n.to_string()` writes it, without going through `core::fmt`.
///
/// ```
/// assert_eq!(folio::date::number(0), "0");
/// assert_eq!(folio::date::number(u64::MAX), u64::MAX.to_string());
/// ```
pub fn number(n: u64) -> String {
    let mut out = String::new();
    push_u64(&mut out, n);
    out
}

/// `n` in decimal, with a `-` when negative, without going through `core::fmt`.
///
/// ```
/// assert_eq!(folio::date::signed(-42), "-42");
/// assert_eq!(folio::date::signed(i64::MIN), i64::MIN.to_string());
/// ```
pub fn signed(n: i64) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    push_u64(&mut out, n.unsigned_abs());
    out
}

/// `digits` read as a number in `radix` (2 to 36): digits only, no sign, `None` when empty
/// or over `u32::MAX`. (`str::parse` and `u32::from_str_radix` do the same in more code.)
///
/// ```
/// use folio::date::parse_number;
/// assert_eq!((parse_number("4294967295", 10), parse_number("1F600", 16)), (Some(u32::MAX), Some(0x1F600)));
/// assert_eq!((parse_number("4294967296", 10), parse_number("", 10), parse_number("+1", 10)), (None, None, None));
/// ```
pub fn parse_number(digits: &str, radix: u32) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.chars().try_fold(0u32, |n, c| n.checked_mul(radix)?.checked_add(c.to_digit(radix)?))
}

/// Appends a decimal number without going through `core::fmt`.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[i..].iter().for_each(|&d| out.push(d as char));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_forms() {
        for ok in [
            "2017-07-13",
            "2017-07-13T09:30Z",
            "2017-07-13T09:30:15.123+02:00",
            "2017-07-13 09:30:15-0500",
            "2016-02-29T00:00:00Z",
        ] {
            assert!(DateTime::parse(ok).is_ok(), "{ok}");
        }
        let dt = DateTime::parse("2017-07-13T09:30:15-05:30").unwrap();
        assert_eq!(dt.time, Some((9, 30, 15)));
        assert_eq!(dt.offset_minutes, Some(-330));
    }

    #[test]
    fn rejects_nonsense() {
        for bad in [
            "",
            "July 13",
            "2017-13-01",
            "2017-02-29",
            "2017-07-13T25:00",
            "2017-07-13T09:30:00Q",
            "2017-07-13T09:30:00+2",
            "2017-7-13",
            "２０１７-07-13",
        ] {
            assert!(DateTime::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn formats_as_a_calendar_date() {
        let en = crate::i18n::EN.article.clone();
        let english = |s: &str| format_date(&DateTime::parse(s).unwrap(), en.date, en.months);
        assert_eq!(english("2017-07-13T23:59:00-07:00"), "July 13, 2017");
        assert_eq!(english("2001-01-01"), "January 1, 2001");
        assert_eq!(english("2001-12-31"), "December 31, 2001");
        let dt = DateTime::parse("2017-07-13").unwrap();
        assert_eq!(format_date(&dt, "{y}年{month}月{d}日", "1|2|3|4|5|6|7|8|9|10|11|12"), "2017年7月13日");
        // A short month list writes the number; an unknown placeholder is kept as text.
        assert_eq!(format_date(&dt, "{d} {month} {y} {x}", "a|b"), "13 7 2017 {x}");
    }
}
