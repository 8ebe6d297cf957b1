//! Dates and times in the reader's language through the browser's `Intl` (js-sys), applied
//! to the `<time datetime>` elements the view tree made. The pure core writes an English
//! text into each; here it is replaced by `Intl.DateTimeFormat` (article dates, in the
//! time zone they were written in, rewritten in the DOM) or `Intl.RelativeTimeFormat`
//! (comment times, with the absolute time as the tooltip, rewritten in the view tree
//! before it is built).

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::date::DateTime;
use crate::view::Node;

/// The two formatters comment times use, for one language. Creating an `Intl` formatter
/// costs far more than using one (it loads the locale's data), so they are made once per
/// language, not once per comment.
struct CommentFormats {
    tag: String,
    /// `Intl.DateTimeFormat(tag, {dateStyle: long, timeStyle: short})`'s bound `format`.
    absolute: Option<Function>,
    relative: Intl::RelativeTimeFormat,
}

thread_local! {
    /// The formatters of the last language used (a page shows one language at a time).
    static COMMENT_FORMATS: RefCell<Option<CommentFormats>> = const { RefCell::new(None) };
}

/// Runs `f` with the comment formatters for `tag`, making them on first use.
fn with_comment_formats<R>(tag: &str, f: impl FnOnce(&CommentFormats) -> R) -> R {
    COMMENT_FORMATS.with(|cell| {
        let mut slot = cell.borrow_mut();
        let formats = match slot.take() {
            Some(formats) if formats.tag == tag => formats,
            _ => {
                let locales = Array::of1(&JsValue::from_str(tag));
                let absolute = Intl::DateTimeFormat::new(&locales, &options(&[("dateStyle", "long"), ("timeStyle", "short")]));
                CommentFormats {
                    tag: tag.to_string(),
                    absolute: absolute.format().dyn_into().ok(),
                    relative: Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")])),
                }
            }
        };
        let result = f(&formats);
        *slot = Some(formats);
        result
    })
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

fn format_date(tag: &str, date: &Date, opts: &Object) -> Option<String> {
    let locales = Array::of1(&JsValue::from_str(tag));
    let f = Intl::DateTimeFormat::new(&locales, opts);
    let format: js_sys::Function = f.format().dyn_into().ok()?;
    format.call1(&JsValue::UNDEFINED, date).ok()?.as_string()
}

/// The UTC offset written at the end of an ISO 8601 date-time (`+02:00`, `-0500`, `Z`), as
/// an `Intl` time zone; `UTC` for a bare date.
fn zone_of(datetime: &str) -> String {
    if datetime.len() <= 10 || datetime.ends_with(['Z', 'z']) {
        return "UTC".into();
    }
    let tail = &datetime[datetime.len().saturating_sub(6)..];
    match tail.find(['+', '-']) {
        Some(i) if tail[i..].len() >= 5 => {
            let t = &tail[i..];
            if t.contains(':') { t.to_string() } else { [&t[..3], ":", &t[3..]].concat() }
        }
        _ => "UTC".into(),
    }
}

/// The `<time>` elements [`localize_times`] rewrites (comment times are done in the view
/// tree by [`localize_comment_times`]).
const DATES: &str = "time[datetime]:not(.folio-comment-time)";

/// Rewrites the text of every `<time datetime>` under `root` in language `tag`, except
/// comment times.
pub fn localize_times(root: &web_sys::Node, tag: &str) {
    let Some(scope) = root.dyn_ref::<web_sys::Element>().map(|e| e.query_selector_all(DATES)).or_else(|| {
        root.dyn_ref::<web_sys::DocumentFragment>().map(|f| f.query_selector_all(DATES))
    }) else {
        return;
    };
    let Ok(list) = scope else { return };
    for i in 0..list.length() {
        let Some(time) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let Some(datetime) = time.get_attribute("datetime") else { continue };
        let date = Date::new(&JsValue::from_str(&datetime));
        if date.get_time().is_nan() {
            continue;
        }
        let zone = zone_of(&datetime);
        let opts = options(&[("dateStyle", "long"), ("timeZone", &zone)]);
        // An engine that does not know offset time zones throws: fall back to UTC.
        let text = format_date(tag, &date, &opts).or_else(|| format_date(tag, &date, &options(&[("dateStyle", "long"), ("timeZone", "UTC")])));
        if let Some(text) = text {
            time.set_text_content(Some(&text));
        }
    }
}

/// Rewrites every comment time (`<time class="folio-comment-time" datetime>`) in `nodes`
/// in language `tag`: "3 hours ago" as its text, the date and time as its tooltip. Done on
/// the view tree, before it is built, so no time is read back from the DOM.
pub fn localize_comment_times(nodes: &mut [Node], tag: &str) {
    let now = Date::now();
    with_comment_formats(tag, |formats| {
        for node in nodes {
            localize_comment_time(node, formats, now);
        }
    });
}

fn localize_comment_time(node: &mut Node, formats: &CommentFormats, now: f64) {
    let Node::Element(e) = node else { return };
    if e.tag != "time" || e.get_attr("class") != Some("folio-comment-time") {
        for child in &mut e.children {
            localize_comment_time(child, formats, now);
        }
        return;
    }
    let Some(ms) = e.get_attr("datetime").and_then(|d| DateTime::parse(d).ok()).map(|d| d.unix_seconds() * 1000.0) else { return };
    let title = formats.absolute.as_ref().and_then(|f| f.call1(&JsValue::UNDEFINED, &JsValue::from_f64(ms)).ok());
    if let Some(title) = title.and_then(|t| t.as_string()) {
        e.set_attr("title", title);
    }
    e.children = vec![Node::Text(relative(&formats.relative, (ms - now) / 1000.0))];
}

/// "3 hours ago" in the formatter's language for `seconds` from now (negative: past).
fn relative(rtf: &Intl::RelativeTimeFormat, seconds: f64) -> String {
    let abs = seconds.abs();
    let (value, unit) = match abs {
        // Under 45 s it is "now" (Intl's numeric: auto says so for 0).
        a if a < 45.0 => (0.0, "second"),
        a if a < 60.0 => (seconds, "second"),
        a if a < 3600.0 => (seconds / 60.0, "minute"),
        a if a < 86_400.0 => (seconds / 3600.0, "hour"),
        a if a < 30.0 * 86_400.0 => (seconds / 86_400.0, "day"),
        a if a < 365.0 * 86_400.0 => (seconds / (30.0 * 86_400.0), "month"),
        _ => (seconds / (365.0 * 86_400.0), "year"),
    };
    rtf.format(value.trunc(), unit).into()
}
