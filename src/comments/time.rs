//! Comment times: "3 minutes ago", ISO 8601 in and out, and HTTP dates (for
//! `Retry-After`). Unix seconds throughout, UTC only, no clock: the caller passes `now`.
//!
//! Calendar arithmetic and ISO 8601 parsing are [`crate::date`]'s, so there is one date
//! parser, no date library and no float formatting in the binary.

use super::text::CommentsText;
pub use crate::date::{civil_from_days, days_from_civil};

/// Splits Unix seconds into (days since epoch, seconds into the day), clamped to the years
/// 0001-9999 so every result prints with four digits. Non-finite input is the epoch.
fn split(secs: f64) -> (i64, i64) {
    const MIN: f64 = -62_135_596_800.0; // 0001-01-01T00:00:00Z
    const MAX: f64 = 253_402_300_799.0; // 9999-12-31T23:59:59Z
    let s = if secs.is_finite() { secs.floor().clamp(MIN, MAX) as i64 } else { 0 };
    (s.div_euclid(86_400), s.rem_euclid(86_400))
}

fn push_num(out: &mut String, n: i64, width: usize) {
    let digits = crate::date::signed(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

fn push_date(out: &mut String, days: i64) {
    let (y, m, d) = civil_from_days(days);
    push_num(out, y, 4);
    out.push('-');
    push_num(out, i64::from(m), 2);
    out.push('-');
    push_num(out, i64::from(d), 2);
}

/// Unix seconds as an ISO 8601 UTC timestamp, whole seconds: `2026-12-01T13:05:09Z` (for
/// `<time datetime>`).
///
/// ```
/// use folio::comments::time::iso8601;
/// assert_eq!(iso8601(1_796_130_309.75), "2026-12-01T13:05:09Z");
/// ```
pub fn iso8601(secs: f64) -> String {
    let (days, rem) = split(secs);
    let mut out = String::with_capacity(20);
    push_date(&mut out, days);
    out.push('T');
    push_num(&mut out, rem / 3600, 2);
    out.push(':');
    push_num(&mut out, rem / 60 % 60, 2);
    out.push(':');
    push_num(&mut out, rem % 60, 2);
    out.push('Z');
    out
}

/// Unix seconds as a short absolute UTC time for a tooltip: `2026-12-01 13:05 UTC`.
pub fn absolute(secs: f64) -> String {
    let (days, rem) = split(secs);
    let mut out = String::with_capacity(20);
    push_date(&mut out, days);
    out.push(' ');
    push_num(&mut out, rem / 3600, 2);
    out.push(':');
    push_num(&mut out, rem / 60 % 60, 2);
    out.push_str(" UTC");
    out
}

/// How long ago `then` was, seen from `now` (both Unix seconds), in words: "just now",
/// "3 minutes ago", "2 hours ago", "yesterday", "5 days ago", "3 months ago",
/// "2 years ago". A time in the future (clock skew) is "just now".
///
/// Months are 30 days and years 365 here: the words are approximate by nature, and the
/// exact time is in the `<time>` element's `title` and `datetime`.
pub fn relative(now_secs: f64, then_secs: f64, t: &CommentsText) -> String {
    let diff = now_secs - then_secs;
    if diff.is_nan() || diff < 60.0 {
        return t.just_now.to_string();
    }
    let s = if diff < 1e15 { diff as u64 } else { 1_000_000_000_000_000 };
    let (minutes, hours, days) = (s / 60, s / 3600, s / 86_400);
    if minutes < 60 {
        t.minutes_ago.with(minutes)
    } else if hours < 24 {
        t.hours_ago.with(hours)
    } else if days == 1 {
        t.yesterday.to_string()
    } else if days < 30 {
        t.days_ago.with(days)
    } else if days < 365 {
        t.months_ago.with((days / 30).clamp(1, 11))
    } else {
        t.years_ago.with(days / 365)
    }
}

/// Parses an ISO 8601 / RFC 3339 timestamp to Unix seconds:
/// `YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]`. `t` and a space are accepted for `T`, `z` for
/// `Z`, `±HHMM` for `±HH:MM`. Without an offset the time is taken as UTC. Out-of-range
/// fields (month 13, February 30, hour 24) and trailing text make it `None`.
///
/// ```
/// use folio::comments::time::parse_iso8601;
/// assert_eq!(parse_iso8601("1970-01-02T00:00:00Z"), Some(86_400.0));
/// assert_eq!(parse_iso8601("1970-01-01T02:00+02:00"), Some(0.0));
/// assert_eq!(parse_iso8601("2026-02-30"), None);
/// ```
pub fn parse_iso8601(s: &str) -> Option<f64> {
    crate::date::DateTime::parse(s).ok().map(|d| d.unix_seconds())
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &CommentsText = &crate::comments::text::EN;

    #[test]
    fn relative_words() {
        let now = 1_800_000_000.0;
        let cases = [
            (0.0, "just now"),
            (-300.0, "just now"),
            (59.9, "just now"),
            (60.0, "1 minute ago"),
            (3.0 * 60.0 + 10.0, "3 minutes ago"),
            (59.0 * 60.0, "59 minutes ago"),
            (3600.0, "1 hour ago"),
            (2.0 * 3600.0 + 5.0, "2 hours ago"),
            (23.9 * 3600.0, "23 hours ago"),
            (86_400.0, "yesterday"),
            (47.0 * 3600.0, "yesterday"),
            (5.0 * 86_400.0, "5 days ago"),
            (29.0 * 86_400.0, "29 days ago"),
            (30.0 * 86_400.0, "1 month ago"),
            (95.0 * 86_400.0, "3 months ago"),
            (364.0 * 86_400.0, "11 months ago"),
            (365.0 * 86_400.0, "1 year ago"),
            (2.0 * 365.0 * 86_400.0 + 10.0, "2 years ago"),
        ];
        for (ago, want) in cases {
            assert_eq!(relative(now, now - ago, T), want, "{ago}");
        }
        assert_eq!(relative(now, f64::NAN, T), "just now");
        assert_eq!(relative(f64::INFINITY, 0.0, T), relative(1e300, 0.0, T));
    }

    #[test]
    fn iso8601_output() {
        assert_eq!(iso8601(0.0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_796_130_309.0), "2026-12-01T13:05:09Z");
        assert_eq!(iso8601(951_782_400.0), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(-1.0), "1969-12-31T23:59:59Z");
        assert_eq!(iso8601(f64::NAN), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1e20), "9999-12-31T23:59:59Z");
        assert_eq!(iso8601(-1e20), "0001-01-01T00:00:00Z");
        assert_eq!(absolute(1_796_130_309.0), "2026-12-01 13:05 UTC");
    }

    #[test]
    fn civil_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn iso8601_parsing() {
        let base = 1_796_130_309.0;
        for s in [
            "2026-12-01T13:05:09Z",
            "2026-12-01t13:05:09z",
            "2026-12-01 13:05:09Z",
            "2026-12-01T13:05:09+00:00",
            "2026-12-01T15:05:09+02:00",
            "2026-12-01T08:05:09-0500",
            " 2026-12-01T13:05:09 ",
        ] {
            assert_eq!(parse_iso8601(s), Some(base), "{s}");
        }
        assert_eq!(parse_iso8601("2026-12-01T13:05:09.25Z"), Some(base + 0.25));
        assert_eq!(parse_iso8601("2026-12-01T13:05Z"), Some(base - 9.0));
        assert_eq!(parse_iso8601("2026-12-01"), Some(base - 13.0 * 3600.0 - 5.0 * 60.0 - 9.0));
        assert_eq!(parse_iso8601("2024-02-29"), Some(1_709_164_800.0));
        for bad in [
            "",
            "2026",
            "2026-1-01",
            "2026-13-01",
            "2026-00-10",
            "2023-02-29",
            "2026-12-01T24:00Z",
            "2026-12-01T13:60Z",
            "2026-12-01T13Z",
            "2026-12-01T13:05:09.Z",
            "2026-12-01T13:05:09+2",
            "2026-12-01T13:05:09Zjunk",
            "2026/12/01",
            "yesterday",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }
}
