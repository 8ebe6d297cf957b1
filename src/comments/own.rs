//! The reader's own recent comments, remembered per thread so that Edit and Delete can be
//! offered while the server still allows them (Isso: 15 minutes, through the cookie it set
//! when the comment was posted). Format and rules only; the edge keeps it in
//! `localStorage`.

use super::request::JsonObject;
use crate::json::{self, Value};

/// How long after posting a comment can be edited or deleted (Isso's default `max-age`).
pub const EDIT_WINDOW_SECS: f64 = 15.0 * 60.0;

/// One comment the reader posted from this browser.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnComment {
    /// The server's id.
    pub id: String,
    /// When it was posted (unix seconds, the reader's clock).
    pub posted: f64,
    /// The text as the reader typed it (what Edit starts from).
    pub text: String,
}

impl OwnComment {
    /// Can it still be changed at `now`?
    pub fn editable(&self, now: f64) -> bool {
        now >= self.posted && now - self.posted < EDIT_WINDOW_SECS
    }
}

/// The storage key of a thread's own-comment list: `"folio:own:" + uri`.
pub fn storage_key(thread_uri: &str) -> String {
    String::from("folio:own:") + thread_uri
}

/// Serialises the entries still editable at `now` (older ones are dropped).
pub fn to_json(list: &[OwnComment], now: f64) -> String {
    let mut out = String::from("[");
    for c in list.iter().filter(|c| c.editable(now)) {
        if out.len() > 1 {
            out.push(',');
        }
        let mut o = JsonObject::new();
        o.string("id", Some(&c.id)).raw("posted", &crate::date::number(c.posted as u64)).string("text", Some(&c.text));
        out.push_str(&o.finish());
    }
    out.push(']');
    out
}

/// Reads a stored list, keeping what is well-formed and still editable at `now`; storage
/// belongs to the page, so anything else is ignored.
pub fn from_json(text: &str, now: f64) -> Vec<OwnComment> {
    let Ok(Value::Array(items)) = json::parse(text) else { return Vec::new() };
    items
        .iter()
        .filter_map(|v| {
            Some(OwnComment {
                id: v.get("id")?.as_str()?.to_string(),
                posted: v.get("posted")?.as_f64()?,
                text: v.get("text").and_then(Value::as_str).unwrap_or_default().to_string(),
            })
        })
        .filter(|c| !c.id.is_empty() && c.editable(now))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_expires() {
        let now = 1_800_000_000.0;
        let list = vec![
            OwnComment { id: "7".into(), posted: now - 60.0, text: "mine \"quoted\"\n".into() },
            OwnComment { id: "3".into(), posted: now - EDIT_WINDOW_SECS - 1.0, text: "too old".into() },
        ];
        let json = to_json(&list, now);
        assert_eq!(from_json(&json, now), vec![list[0].clone()]);
        assert!(from_json(&json, now + EDIT_WINDOW_SECS).is_empty());
    }

    #[test]
    fn garbage_is_no_list() {
        assert!(from_json("{}", 0.0).is_empty());
        assert!(from_json("[1, {\"id\": 5}, {\"id\": \"\", \"posted\": 0}]", 0.0).is_empty());
        assert!(from_json("not json", 0.0).is_empty());
    }

    #[test]
    fn a_clock_set_back_does_not_extend_the_window() {
        let c = OwnComment { id: "1".into(), posted: 100.0, text: String::new() };
        assert!(!c.editable(50.0));
        assert!(c.editable(100.0));
    }
}
