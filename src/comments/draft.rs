//! The reader's unsent comment, saved per thread so a reload or a failed post loses
//! nothing, and a post of it the server may not have yet ([`Pending`]), kept with it until
//! the server is known to have it. This module holds the format only (JSON text and the
//! storage key); the edge reads and writes `localStorage`.
//!
//! Reading is tolerant: a missing or mistyped field is empty, a document that is not a
//! JSON object is no draft at all. Storage is the page's, so its content is untrusted.

use super::model::NewComment;
use super::request::JsonObject;
use crate::json::{self, Value};

/// The prefix of every draft's storage key.
pub const STORAGE_PREFIX: &str = "folio:draft:";

/// A comment being written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    /// The comment text.
    pub text: String,
    /// The author's name.
    pub name: String,
    /// The author's email.
    pub email: String,
    /// The author's website.
    pub website: String,
    /// The comment being replied to.
    pub parent: Option<String>,
    /// Tell the author of replies by email (when the server offers it).
    pub notify: bool,
    /// A post of this draft that the server may not have yet.
    pub pending: Option<Pending>,
}

/// A post the reader made that is not known to be stored: after every attempt failed for
/// a reason that may pass (no connection, a server error, rate limiting), or while the
/// browser is offline. It is kept with its draft and sent again when the browser is back
/// online or the reader comes back to the thread, until the reader cancels it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pending {
    /// Unique to this post, the same on every attempt: the JSON contract's
    /// `Idempotency-Key`, with which a server stores a repeated post once.
    pub key: String,
    /// When it was first sent, in Unix seconds: a comment found in the thread that is
    /// older (by more than a clock's skew) is not this one.
    pub since: u64,
    /// An attempt may have reached the server although no answer said so (the connection
    /// failed, a server error, or the page went away while it was out): before sending
    /// again, look whether the thread has it.
    pub unsure: bool,
}

impl Draft {
    /// The draft as JSON text, for storage.
    ///
    /// ```
    /// use folio::comments::draft::Draft;
    /// let d = Draft { text: "Hi \"there\"".into(), ..Draft::default() };
    /// assert_eq!(Draft::from_json(&d.to_json()), Some(d));
    /// ```
    pub fn to_json(&self) -> String {
        let mut o = JsonObject::new();
        o.raw("v", "1")
            .string("text", Some(&self.text))
            .string("name", Some(&self.name))
            .string("email", Some(&self.email))
            .string("website", Some(&self.website))
            .string("parent", self.parent.as_deref())
            .raw("notify", if self.notify { "true" } else { "false" });
        if let Some(p) = &self.pending {
            let mut pending = JsonObject::new();
            pending
                .string("key", Some(&p.key))
                .raw("since", &crate::date::number(p.since))
                .raw("unsure", if p.unsure { "true" } else { "false" });
            o.raw("pending", &pending.finish());
        }
        o.finish()
    }

    /// Reads [`Draft::to_json`]'s text back. Missing or mistyped fields are empty; text that
    /// is not a JSON object gives `None`.
    pub fn from_json(text: &str) -> Option<Draft> {
        let value = json::parse(text).ok()?;
        if !matches!(value, Value::Object(_)) {
            return None;
        }
        let field = |key| value.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        let parent = match value.get("parent") {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(Value::Number(n)) if n.is_finite() && *n >= 0.0 && n.fract() == 0.0 => {
                Some(crate::date::number(*n as u64))
            }
            _ => None,
        };
        let pending = value.get("pending").and_then(|p| {
            let key = p.get("key").and_then(Value::as_str).filter(|k| !k.is_empty())?;
            let since = p.get("since").and_then(Value::as_f64).filter(|s| s.is_finite() && *s >= 0.0)?;
            Some(Pending { key: key.into(), since: since as u64, unsure: p.get("unsure") == Some(&Value::Bool(true)) })
        });
        Some(Draft {
            text: field("text"),
            name: field("name"),
            email: field("email"),
            website: field("website"),
            parent,
            notify: matches!(value.get("notify"), Some(Value::Bool(true))),
            pending,
        })
    }

    /// Is there nothing worth keeping? (Blank text and blank author fields; a reply target
    /// alone is not worth a stored draft.)
    pub fn is_empty(&self) -> bool {
        [&self.text, &self.name, &self.email, &self.website].iter().all(|s| s.trim().is_empty())
    }

    /// The comment to post from this draft, for the thread `uri` of the article `title`.
    pub fn to_new_comment(&self, uri: &str, title: &str) -> NewComment {
        NewComment {
            text: self.text.clone(),
            author: self.name.trim().to_string(),
            email: self.email.trim().to_string(),
            website: self.website.trim().to_string(),
            parent: self.parent.clone(),
            title: title.to_string(),
            uri: uri.to_string(),
            key: self.pending.as_ref().map(|p| p.key.clone()),
            notify: self.notify,
        }
    }

    /// An attempt at sending the pending post starts: the post as it was before (`None`
    /// when there is none), and from now on it may have reached the server although no
    /// answer says so, so that a page closed meanwhile looks before it sends again.
    pub fn attempt(&mut self) -> Option<Pending> {
        let before = self.pending.clone();
        if let Some(p) = &mut self.pending {
            p.unsure = true;
        }
        before
    }

    /// An attempt failed: the post stays pending when it may still go (`keep`), knowing
    /// whether an attempt may have reached the server (`unsure`); otherwise it is given
    /// up, and the text stays for the reader.
    pub fn failed(&mut self, keep: bool, unsure: bool) {
        match &mut self.pending {
            Some(p) if keep => p.unsure = unsure,
            _ => self.pending = None,
        }
    }

    /// The server has the post: the comment is done (text, reply target, notification
    /// choice and the pending post go); who the reader is stays for the next comment.
    pub fn delivered(&mut self) {
        *self = Draft {
            name: std::mem::take(&mut self.name),
            email: std::mem::take(&mut self.email),
            website: std::mem::take(&mut self.website),
            ..Draft::default()
        };
    }
}

/// The storage key of the draft for a thread: `"folio:draft:" + uri`.
pub fn storage_key(thread_uri: &str) -> String {
    let mut key = String::with_capacity(STORAGE_PREFIX.len() + thread_uri.len());
    key.push_str(STORAGE_PREFIX);
    key.push_str(thread_uri);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending_draft() -> Draft {
        Draft {
            text: "Hello".into(),
            name: "Ann".into(),
            email: "ann@example.org".into(),
            website: "https://ann.example".into(),
            parent: Some("7".into()),
            notify: true,
            pending: Some(Pending { key: "k".into(), since: 5, unsure: false }),
        }
    }

    #[test]
    fn a_post_is_unsure_from_its_first_attempt_until_an_answer_says() {
        let mut d = pending_draft();
        assert_eq!(d.attempt(), Some(Pending { key: "k".into(), since: 5, unsure: false }));
        assert!(d.pending.as_ref().is_some_and(|p| p.unsure));
        // A failure that proves the server has nothing (e.g. offline before sending).
        d.failed(true, false);
        assert_eq!(d.pending, Some(Pending { key: "k".into(), since: 5, unsure: false }));
        d.attempt();
        d.failed(true, true);
        assert!(d.pending.as_ref().is_some_and(|p| p.unsure));
        let mut none = Draft::default();
        assert_eq!(none.attempt(), None);
        assert_eq!(none.pending, None);
    }

    #[test]
    fn a_post_given_up_keeps_the_text_and_a_delivered_one_keeps_only_the_reader() {
        let mut d = pending_draft();
        d.failed(false, true);
        assert_eq!(d, Draft { pending: None, ..pending_draft() });
        let mut d = pending_draft();
        d.delivered();
        assert_eq!(
            d,
            Draft {
                name: "Ann".into(),
                email: "ann@example.org".into(),
                website: "https://ann.example".into(),
                ..Draft::default()
            }
        );
    }

    #[test]
    fn hostile_strings_round_trip() {
        let d = Draft {
            text: "</script><script>alert(1)</script>\n\"quoted\" \\ \u{0}\u{1f}\u{2028}\u{2029} é😀 \u{202e}".into(),
            name: "Robert'); DROP TABLE drafts;--".into(),
            email: "a@b.example\r\n".into(),
            website: "javascript:alert(1)".into(),
            parent: Some("42\"}".into()),
            notify: true,
            pending: Some(Pending { key: "k\"}".into(), since: 1_700_000_000, unsure: true }),
        };
        let text = d.to_json();
        assert!(!text.contains('\n') && !text.contains('\u{2028}'));
        assert_eq!(Draft::from_json(&text), Some(d));
        let plain = Draft { text: "x".into(), ..Draft::default() };
        assert_eq!(Draft::from_json(&plain.to_json()), Some(plain));
    }

    #[test]
    fn tolerant_reading() {
        assert_eq!(Draft::from_json("{}"), Some(Draft::default()));
        let d =
            Draft::from_json(r#"{"text": 5, "name": null, "email": ["x"], "website": "w", "parent": 12, "extra": {}}"#)
                .unwrap();
        assert_eq!(d, Draft { website: "w".into(), parent: Some("12".into()), ..Draft::default() });
        assert_eq!(Draft::from_json(r#"{"parent": -1.5}"#).unwrap().parent, None);
        assert_eq!(Draft::from_json(r#"{"parent": ""}"#).unwrap().parent, None);
    }

    #[test]
    fn a_pending_post_needs_its_key_and_time() {
        let read = |pending: &str| Draft::from_json(&(String::from(r#"{"text": "t", "pending": "#) + pending + "}"));
        let kept = Pending { key: "a1".into(), since: 12, unsure: false };
        assert_eq!(read(r#"{"key": "a1", "since": 12}"#).unwrap().pending, Some(kept.clone()));
        assert_eq!(read(r#"{"key": "a1", "since": 12, "unsure": 1}"#).unwrap().pending, Some(kept));
        for bad in [r#"{"since": 12}"#, r#"{"key": "", "since": 12}"#, r#"{"key": "a1", "since": -1}"#, "[]", "null"] {
            let d = read(bad).unwrap();
            assert_eq!((d.text.as_str(), d.pending), ("t", None), "{bad}");
        }
        let d = Draft {
            text: "t".into(),
            pending: Some(Pending { key: "k".into(), since: 5, unsure: true }),
            ..Draft::default()
        };
        assert_eq!(d.to_new_comment("/p/", "T").key.as_deref(), Some("k"));
        assert_eq!(Draft { pending: None, ..d }.to_new_comment("/p/", "T").key, None);
    }

    #[test]
    fn garbage_is_no_draft() {
        for bad in
            ["", "null", "[]", "\"text\"", "42", "{", "{\"text\": \"unterminated", "not json", &"[".repeat(10_000)]
        {
            assert_eq!(Draft::from_json(bad), None, "{bad:.20}");
        }
    }

    #[test]
    fn emptiness_and_keys() {
        assert!(Draft::default().is_empty());
        assert!(Draft { text: " \n ".into(), parent: Some("3".into()), ..Draft::default() }.is_empty());
        assert!(!Draft { name: "Ada".into(), ..Draft::default() }.is_empty());
        assert_eq!(storage_key("/2026/story/"), "folio:draft:/2026/story/");
    }

    #[test]
    fn new_comment_trims_the_author_fields_not_the_text() {
        let d = Draft {
            text: "  hi  ".into(),
            name: " Ada ".into(),
            email: " a@b.example ".into(),
            website: "".into(),
            parent: Some("7".into()),
            notify: true,
            pending: None,
        };
        let c = d.to_new_comment("/p/", "Title");
        assert_eq!((c.text.as_str(), c.author.as_str(), c.email.as_str()), ("  hi  ", "Ada", "a@b.example"));
        assert_eq!((c.uri.as_str(), c.title.as_str(), c.parent.as_deref()), ("/p/", "Title", Some("7")));
    }
}
