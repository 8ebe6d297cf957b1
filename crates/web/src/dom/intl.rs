//! Comment times in the reader's language through the browser's `Intl` (js-sys), applied to
//! the `<time class="folio-comment-time" datetime>` elements of the view tree before it is
//! built: `Intl.RelativeTimeFormat` for the text ("3 hours ago"), `Intl.DateTimeFormat`
//! for the tooltip. Article dates need no browser: the locale tables write them
//! ([`folio::date::format_date`]), the same in the static renderer and the widget.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use folio::date::DateTime;
use folio::view::Node;

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
/// (`f` is a `dyn` so the formatter set-up is compiled once, not once per caller.)
fn with_comment_formats(tag: &str, f: &mut dyn FnMut(&CommentFormats)) {
    COMMENT_FORMATS.with(|cell| {
        let mut slot = cell.borrow_mut();
        let formats = match slot.take() {
            Some(formats) if formats.tag == tag => formats,
            _ => {
                let locales = Array::of1(&JsValue::from_str(tag));
                let absolute =
                    Intl::DateTimeFormat::new(&locales, &options(&[("dateStyle", "long"), ("timeStyle", "short")]));
                CommentFormats {
                    tag: tag.to_string(),
                    absolute: absolute.format().dyn_into().ok(),
                    relative: Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")])),
                }
            }
        };
        f(&formats);
        *slot = Some(formats);
    })
}

/// Makes the comment formatters for `tag` now, so that the first list does not wait for
/// them: the first `Intl.DateTimeFormat` of a page loads the browser's locale data (20-40 ms
/// in Chromium), which can happen while the list is still on the network.
pub fn prepare_comment_formats(tag: &str) {
    with_comment_formats(tag, &mut |_| ());
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

/// Rewrites every comment time (`<time class="folio-comment-time" datetime>`) in `nodes`
/// in language `tag`: "3 hours ago" as its text, the date and time as its tooltip. Done on
/// the view tree, before it is built, so no time is read back from the DOM.
pub fn localize_comment_times(nodes: &mut [Node], tag: &str) {
    let now = Date::now();
    with_comment_formats(tag, &mut |formats| {
        for node in nodes.iter_mut() {
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
    let Some((title, text)) = e.get_attr("datetime").and_then(|d| localized(formats, d, now)) else { return };
    if let Some(title) = title {
        e.set_attr("title", title);
    }
    e.children = vec![Node::Text(text)];
}

/// The tooltip (when `Intl` gives one) and the words for a comment time's `datetime`.
fn localized(formats: &CommentFormats, datetime: &str, now: f64) -> Option<(Option<String>, String)> {
    let ms = DateTime::parse(datetime).ok()?.unix_seconds() * 1000.0;
    let title = formats.absolute.as_ref().and_then(|f| f.call1(&JsValue::UNDEFINED, &JsValue::from_f64(ms)).ok());
    Some((title.and_then(|t| t.as_string()), relative(&formats.relative, (ms - now) / 1000.0)))
}

/// Rewrites the comment times already built below `root` (markup taken over from a
/// static page, which shows dates) as [`localize_comment_times`] writes them.
pub fn localize_built_comment_times(root: &web_sys::Element, tag: &str) {
    let Ok(times) = root.query_selector_all("time.folio-comment-time") else { return };
    let now = Date::now();
    with_comment_formats(tag, &mut |formats| {
        for i in 0..times.length() {
            let Some(e) = times.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let Some((title, text)) = super::get_attr(&e, "datetime").and_then(|d| localized(formats, &d, now)) else {
                continue;
            };
            if let Some(title) = title {
                let _ = e.set_attribute("title", &title);
            }
            e.set_text_content(Some(&text));
        }
    });
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
