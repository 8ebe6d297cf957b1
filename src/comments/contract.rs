//! The Folio comments contract: a small JSON REST API any server can implement to back
//! Folio's comments section. Request builders and response parsers; no I/O.
//!
//! # The contract (version 1)
//!
//! `{endpoint}` is the base URL the site configures (no query or fragment; a trailing
//! slash is ignored). `{thread}` identifies one article's thread (usually its path or a
//! stable id), percent-encoded. All bodies are UTF-8 JSON. Folio sends no cookies
//! (`credentials: "omit"`), so a cross-origin server needs CORS for the page's origin,
//! allowing the `Content-Type` and `Idempotency-Key` request headers and, to honour
//! back-off hints, exposing `Retry-After` (and `Date` when `Retry-After` is a date).
//!
//! ## List comments
//!
//! `GET {endpoint}/comments?thread={thread}&sort={sort}[&cursor={cursor}][&limit={n}]`
//!
//! - `sort`: `oldest` (default), `newest` or `top` (most liked first). Applies to
//!   top-level comments; replies stay oldest first.
//! - `cursor`: the `next` value of the previous page, passed back unchanged. Absent for
//!   the first page.
//! - `limit`: top-level comments wanted per page; the server may return fewer.
//!
//! Answer `200`:
//!
//! ```json
//! {
//!   "total": 42,
//!   "comments": [
//!     {
//!       "id": "c_17",
//!       "parent": null,
//!       "author": "Ada",
//!       "website": "https://ada.example/",
//!       "created": "2026-03-01T09:30:00Z",
//!       "modified": null,
//!       "likes": 3,
//!       "html": "<p>Lovely piece.</p>",
//!       "pending": false,
//!       "replies": [ { "id": "c_18", "parent": "c_17", "...": "..." } ]
//!     }
//!   ],
//!   "next": "opaque-cursor-or-null"
//! }
//! ```
//!
//! - `total` (number): comments in the thread, replies included, for the heading.
//! - `comments` (array): top-level comments of this page, each with its `replies` nested.
//! - `next` (string or null): cursor of the next page; `null` or absent on the last page.
//! - A thread with no comments answers `200` with `"total": 0, "comments": []`, not 404.
//!
//! Each comment:
//!
//! | field | type | |
//! |---|---|---|
//! | `id` | string | required, unique in the thread (a number is accepted) |
//! | `parent` | string or null | the comment it replies to |
//! | `author` | string or null | display name as plain text; null or blank = anonymous |
//! | `website` | string or null | linked only when absolute `http(s)` |
//! | `created` | string | ISO 8601 / RFC 3339, e.g. `2026-03-01T09:30:00Z` or `...+01:00`; no offset = UTC |
//! | `modified` | string or null | same format; set when edited |
//! | `likes` | number or absent | absent = the server has no likes, no like button |
//! | `html` | string | the rendered body; Folio sanitizes it (only `p br em strong code pre blockquote ul ol li a[href]` survive); write characters as UTF-8 or numeric references (of the named ones only `&amp; &lt; &gt; &quot; &apos; &nbsp;` and a few punctuation marks are read, see `sanitize::decode_entities`) |
//! | `pending` | boolean | held for moderation (shown only to its author); default false |
//! | `replies` | array | nested comments; default empty |
//!
//! A comment's replies are all in `replies`: the contract has no request for replies a
//! list leaves out (an Isso-style `hidden_replies` is ignored).
//!
//! Unknown fields are ignored. A comment without a usable `id` is skipped; an unreadable
//! `created` shows no time.
//!
//! ## Post a comment
//!
//! `POST {endpoint}/comments?thread={thread}` with `Content-Type: application/json`:
//!
//! ```json
//! {"text": "raw text as typed", "author": "Ada", "email": null, "website": null, "parent": "c_17", "title": "Article title"}
//! ```
//!
//! Blank optional fields are `null`. `text` is what the reader typed; the server decides
//! how to render it (escape it, or a Markdown subset) and must treat it as untrusted.
//! `title` lets the server label a new thread.
//!
//! The request carries `Idempotency-Key: <key>`, the same on every attempt of one post
//! (a retry after no answer came, a pending post sent when the reader is back online or
//! back on the page). A server that keeps the keys it has seen for a day or so and answers
//! a repeated key with the comment it stored then stores each post once whatever happens
//! to its answers; a server that ignores the header may store a post twice when an answer
//! is lost on the way. With the callbacks backend the key is the `key` member of
//! `post()`'s argument.
//!
//! Answer `201` (or `200`/`202`): `{"comment": {...}, "pending": false}`, the stored
//! comment in the list format. `"pending": true` (or status 202) means it awaits
//! moderation.
//!
//! ## Count comments
//!
//! `GET {endpoint}/count?thread={thread}` answers `200` `{"count": 42}`.
//!
//! ## Errors
//!
//! Any non-2xx answer, with a JSON body when possible:
//!
//! ```json
//! {"error": {"code": "text-too-short", "message": "Comments need at least 3 characters."}}
//! ```
//!
//! `message` is shown to the reader as is (plain text, one sentence, at most 300
//! characters); `code` is for logs. The status decides what Folio does:
//!
//! - `400`-`499` (validation, spam guard, unknown thread): shown, not retried.
//! - `409` to a post: the server already has this very comment (say, it was sent twice):
//!   Folio takes the post as done, says it is posted and reloads the list.
//! - `413`: the comment is too long.
//! - `429`: rate limited; `Retry-After` (seconds or HTTP date) is honoured, up to 120 s.
//! - `500`-`599`: retried with backoff (`Retry-After` honoured on 503).
//!
//! A plain-text body is accepted in place of the JSON error.

use super::error::{server_message, CommentsError, MAX_MESSAGE_CHARS};
use super::model::{strip_likes, Body, Comment, Cursor, NewComment, Page, Posted, Settings, Sort, ThreadRef};
use super::request::{build_url, comment_body, json_id, non_blank, HttpRequest, HttpResponse, JsonObject, Method};
use super::time::parse_iso8601;
use super::{Backend, ReadPreview};
use crate::json::{self, Value};

/// A server implementing the contract, as a [`Backend`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contract {
    /// The contract's base URL.
    pub endpoint: String,
    /// Top-level comments wanted per page (`None`: the server decides).
    pub limit: Option<u32>,
}

impl Contract {
    /// A contract backend that lets the server choose the page size.
    pub fn new(endpoint: impl Into<String>) -> Self {
        Contract { endpoint: endpoint.into(), limit: None }
    }
}

/// `GET {endpoint}/comments?thread=&sort=[&cursor=][&limit=]`.
///
/// ```
/// use folio::comments::{contract, Sort};
/// let r = contract::list("https://api.example/v1/", "/news/a", Sort::Newest, Some("p2"), Some(10));
/// assert_eq!(r.url, "https://api.example/v1/comments?thread=%2Fnews%2Fa&sort=newest&cursor=p2&limit=10");
/// ```
pub fn list(endpoint: &str, thread: &str, sort: Sort, cursor: Option<&str>, limit: Option<u32>) -> HttpRequest {
    let limit = limit.map(|n| crate::date::number(n.into()));
    let mut query: Vec<(&str, &str)> = vec![("thread", thread), ("sort", sort.as_str())];
    if let Some(c) = cursor {
        query.push(("cursor", c));
    }
    if let Some(n) = &limit {
        query.push(("limit", n));
    }
    HttpRequest::new(Method::Get, build_url(endpoint, "/comments", &query))
}

/// Reads a list answer.
pub fn parse_list(resp: &HttpResponse) -> Result<Page, CommentsError> {
    let mut root = json_body(resp)?;
    let comments: Vec<Comment> = match root.get_mut("comments") {
        Some(Value::Array(items)) => items.iter_mut().filter_map(comment).collect(),
        _ => return Err(CommentsError::bad("expected {\"comments\": [...]}")),
    };
    let shown = comments.iter().map(Comment::tree_size).fold(0, u32::saturating_add);
    let total = root.get("total").and_then(count).unwrap_or(shown);
    let next = match root.get("next") {
        Some(Value::String(s)) if !s.is_empty() => Some(Cursor::Token(s.clone())),
        _ => None,
    };
    let settings = root.get("settings").map(|settings| {
        Settings::read(
            settings,
            ["requireName", "requireEmail", "replyToSelf", "replyNotifications", "feed", "preview"],
        )
    });
    Ok(Page { total, comments, next, settings })
}

/// `POST {endpoint}/comments?thread=` with the comment as JSON.
pub fn post(endpoint: &str, c: &NewComment) -> HttpRequest {
    let mut body = comment_body(c);
    body.string("parent", c.parent.as_deref().and_then(non_blank)).string("title", non_blank(&c.title));
    if c.notify && !c.email.is_empty() {
        body.raw("notify", "true");
    }
    let mut request =
        HttpRequest::new(Method::Post, build_url(endpoint, "/comments", &[("thread", &c.uri)])).json(body.finish());
    if let Some(key) = &c.key {
        request.headers.push(("Idempotency-Key", key.clone()));
    }
    request
}

/// Reads the answer to [`Contract::preview_request`]: `{"html": "<p>...</p>"}`, the HTML
/// (untrusted).
pub fn parse_preview(resp: &HttpResponse) -> Result<String, CommentsError> {
    match json_body(resp)?.get("html") {
        Some(Value::String(html)) => Ok(html.clone()),
        _ => Err(CommentsError::bad("expected {\"html\": \"...\"}")),
    }
}

/// Reads the answer to [`post`].
pub fn parse_post(resp: &HttpResponse) -> Result<Posted, CommentsError> {
    let mut root = json_body(resp)?;
    let mut comment =
        root.get_mut("comment").and_then(comment).ok_or(CommentsError::bad("expected {\"comment\": {...}}"))?;
    let pending = resp.status == 202 || matches!(root.get("pending"), Some(Value::Bool(true))) || comment.pending;
    comment.pending = pending;
    Ok(Posted { comment, pending })
}

/// `GET {endpoint}/count?thread=`.
pub fn count_request(endpoint: &str, thread: &str) -> HttpRequest {
    HttpRequest::new(Method::Get, build_url(endpoint, "/count", &[("thread", thread)]))
}

/// Reads the answer to [`count_request`]: `{"count": N}`.
pub fn parse_count(resp: &HttpResponse) -> Result<u32, CommentsError> {
    json_body(resp)?.get("count").and_then(count).ok_or(CommentsError::bad("expected {\"count\": N}"))
}

/// The error for a non-2xx answer: kind by status, reason from `{"error": {"message"}}`
/// or, failing that, from a plain-text body.
pub fn error_for(resp: &HttpResponse) -> CommentsError {
    let from_json = json::parse(&resp.body).ok().and_then(|v| {
        let error = v.get("error")?;
        // `{"error": "text"}` is common enough to accept too.
        error.get("message").unwrap_or(error).as_str().map(server_message)
    });
    let message = match from_json {
        Some(m) => m,
        None if matches!(resp.body.trim_start().as_bytes().first(), Some(b'{' | b'[')) => String::new(),
        None => server_message(&resp.body),
    };
    debug_assert!(message.chars().count() <= MAX_MESSAGE_CHARS);
    CommentsError::from_response(resp, message)
}

fn json_body(resp: &HttpResponse) -> Result<Value, CommentsError> {
    if !resp.is_success() {
        return Err(error_for(resp));
    }
    let v = json::parse(&resp.body).map_err(|e| CommentsError::from_syntax(&resp.body, &e))?;
    match v {
        Value::Object(_) => Ok(v),
        _ => Err(CommentsError::bad("expected a JSON object")),
    }
}

fn count(v: &Value) -> Option<u32> {
    let n = v.as_f64().filter(|n| n.is_finite())?;
    Some(n.clamp(0.0, f64::from(u32::MAX)) as u32)
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.trim().is_empty()).map(str::to_string)
}

/// A time field: ISO 8601 text, or (tolerated) a number of Unix seconds.
fn time(v: &Value, key: &str) -> Option<f64> {
    match v.get(key)? {
        Value::String(s) => parse_iso8601(s),
        Value::Number(n) if n.is_finite() => Some(*n),
        _ => None,
    }
}

/// One comment of an answer. Its body and replies are moved out of `v`, not copied.
fn comment(v: &mut Value) -> Option<Comment> {
    let html = match v.get_mut("html") {
        Some(Value::String(html)) => core::mem::take(html),
        _ => String::new(),
    };
    let replies = match v.get_mut("replies") {
        Some(Value::Array(items)) => items.iter_mut().filter_map(comment).collect(),
        _ => Vec::new(),
    };
    let v = &*v;
    let id = json_id(v.get("id")?)?;
    let number = |k| v.get(k).and_then(Value::as_f64).filter(|n| n.is_finite()).map(|n| n as i64);
    Some(Comment {
        id,
        parent: v.get("parent").and_then(json_id),
        author: text(v, "author"),
        website: text(v, "website"),
        created: time(v, "created").unwrap_or(0.0),
        modified: time(v, "modified"),
        likes: number("likes"),
        dislikes: number("dislikes"),
        hash: text(v, "hash"),
        avatar: text(v, "avatar"),
        body: Body::Html(html),
        pending: matches!(v.get("pending"), Some(Value::Bool(true))),
        deleted: false,
        replies,
        hidden_replies: 0,
        voted: None,
    })
}

impl Backend for Contract {
    fn list_request(&self, thread: &ThreadRef, sort: Sort, cursor: Option<&Cursor>) -> HttpRequest {
        let cursor = cursor.map(Cursor::to_param);
        list(&self.endpoint, &thread.uri, sort, cursor.as_deref(), self.limit)
    }

    /// `POST {endpoint}/preview` with `{"text": ...}`, answered `{"html": ...}`; offered
    /// when the list's settings say `preview: true`.
    fn preview_request(&self, text: &str) -> Option<(HttpRequest, ReadPreview)> {
        let mut body = JsonObject::new();
        body.string("text", Some(text));
        let request = HttpRequest::new(Method::Post, build_url(&self.endpoint, "/preview", &[])).json(body.finish());
        Some((request, parse_preview))
    }

    /// The contract's feed of the thread, `GET {endpoint}/feed?thread=`.
    fn feed_url(&self, thread: &ThreadRef) -> Option<String> {
        Some(build_url(&self.endpoint, "/feed", &[("thread", &thread.uri)]))
    }

    /// The contract has no like endpoint, so like counts are dropped (no like button).
    fn parse_list(&self, _sort: Sort, _cursor: Option<&Cursor>, resp: &HttpResponse) -> Result<Page, CommentsError> {
        let mut page = parse_list(resp)?;
        strip_likes(&mut page.comments);
        Ok(page)
    }

    fn post_request(&self, comment: &NewComment) -> HttpRequest {
        post(&self.endpoint, comment)
    }

    fn parse_post(&self, resp: &HttpResponse) -> Result<Posted, CommentsError> {
        parse_post(resp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"{
      "total": 4,
      "comments": [
        {"id": "c_17", "parent": null, "author": "Ada", "website": "https://ada.example/",
         "created": "2026-03-01T09:30:00Z", "likes": 3, "html": "<p>Lovely piece.</p>", "pending": false,
         "hash": "f124cf6b2f01", "avatar": "/avatars/ada.png",
         "replies": [
           {"id": "c_18", "parent": "c_17", "author": null, "created": "2026-03-01T10:30:00+01:00",
            "html": "<p>Agreed</p>", "replies": [
              {"id": "c_19", "parent": "c_18", "created": "2026-03-02", "html": "deeper"}
            ]}
         ]},
        {"id": 20, "created": "not a date", "html": "<p>numeric id</p>", "pending": true, "modified": "2026-03-03T00:00:00Z"},
        {"parent": "c_17", "html": "no id: skipped"}
      ],
      "next": "eyJwIjoyfQ"
    }"#;

    #[test]
    fn list_request_and_cursor() {
        let b = Contract { endpoint: "https://api.example".into(), limit: Some(25) };
        let first = b.list_request(&ThreadRef::new("news/42"), Sort::Top, None);
        assert_eq!(first.url, "https://api.example/comments?thread=news%2F42&sort=top&limit=25");
        let next = b.list_request(&ThreadRef::new("news/42"), Sort::Oldest, Some(&Cursor::Token("a+b=".into())));
        assert_eq!(next.url, "https://api.example/comments?thread=news%2F42&sort=oldest&cursor=a%2Bb%3D&limit=25");
        assert!(!next.credentials && next.body.is_none());
    }

    #[test]
    fn declares_no_likes_and_no_edits() {
        let b = Contract::new("https://api.example");
        assert_eq!(b.capabilities(), crate::comments::Capabilities::default());
        assert!(b.vote_request("c_17", true).is_none() && b.change_request("c_17", None).is_none());
        let page = b.parse_list(Sort::Oldest, None, &HttpResponse::new(200, PAGE)).unwrap();
        assert_eq!(page.comments[0].likes, None, "like counts dropped: no like button");
    }

    #[test]
    fn reads_the_servers_settings() {
        assert_eq!(parse_list(&HttpResponse::new(200, PAGE)).unwrap().settings, None);
        let with = |settings: &str| {
            let body = String::from(r#"{"comments": [], "settings": "#) + settings + "}";
            parse_list(&HttpResponse::new(200, body)).unwrap().settings.unwrap()
        };
        let on = r#"{"requireName": true, "requireEmail": true, "replyToSelf": false, "replyNotifications": true, "feed": true, "preview": true}"#;
        let all = Settings {
            require_name: true,
            require_email: true,
            no_self_replies: true,
            notifications: true,
            feed: true,
            preview: true,
        };
        assert_eq!(with(on), all);
        assert_eq!(with("{}"), Settings::default());
        assert_eq!(
            with(r#"{"requireName": "yes", "replyToSelf": 0, "feed": "https://x.example/"}"#),
            Settings::default()
        );
        let b = Contract::new("https://api.example/");
        assert_eq!(b.feed_url(&ThreadRef::new("t/1")).as_deref(), Some("https://api.example/feed?thread=t%2F1"));
        let (request, read) = b.preview_request("*hi*").unwrap();
        assert_eq!((request.method, request.url.as_str()), (Method::Post, "https://api.example/preview"));
        assert_eq!(request.body.as_deref(), Some(r#"{"text":"*hi*"}"#));
        assert_eq!(read(&HttpResponse::new(200, r#"{"html": "<p>hi</p>"}"#)).as_deref(), Ok("<p>hi</p>"));
        assert_eq!(read(&HttpResponse::new(200, r#"{"text": "x"}"#)).unwrap_err().code(), "comments/bad-response");
        // Reply notifications are asked for with an email only.
        let c = NewComment { text: "Hi".into(), email: "a@b.example".into(), notify: true, ..NewComment::default() };
        assert!(post("https://api.example/", &c).body.unwrap().ends_with(r#""notify":true}"#));
        let none = NewComment { email: String::new(), ..c };
        assert!(!post("https://api.example/", &none).body.unwrap().contains("notify"));
    }

    #[test]
    fn parses_a_page() {
        let page = parse_list(&HttpResponse::new(200, PAGE)).unwrap();
        assert_eq!(page.total, 4);
        assert_eq!(page.next, Some(Cursor::Token("eyJwIjoyfQ".into())));
        assert_eq!(page.comments.len(), 2);
        let ada = &page.comments[0];
        assert_eq!((ada.author.as_deref(), ada.likes, ada.created), (Some("Ada"), Some(3), 1_772_357_400.0));
        assert_eq!((ada.hash.as_deref(), ada.avatar.as_deref()), (Some("f124cf6b2f01"), Some("/avatars/ada.png")));
        let reply = &ada.replies[0];
        assert_eq!((reply.hash.as_deref(), reply.avatar.as_deref()), (None, None));
        assert_eq!(
            (reply.parent.as_deref(), reply.created, reply.author.as_deref(), reply.likes),
            (Some("c_17"), 1_772_357_400.0, None, None)
        );
        assert_eq!(reply.replies[0].id, "c_19");
        // Each body is its own comment's, moved out of the answer.
        assert_eq!(ada.body, Body::Html("<p>Lovely piece.</p>".into()));
        assert_eq!(reply.body, Body::Html("<p>Agreed</p>".into()));
        assert_eq!(reply.replies[0].body, Body::Html("deeper".into()));
        let second = &page.comments[1];
        assert_eq!((second.id.as_str(), second.created, second.pending), ("20", 0.0, true));
        assert_eq!(second.modified, Some(1_772_496_000.0));
        let last = parse_list(&HttpResponse::new(200, r#"{"comments": [], "next": null}"#)).unwrap();
        assert_eq!(last, Page::default());
    }

    #[test]
    fn bad_pages() {
        for (status, body, code) in [
            (200, "{\"total\": 1, \"comments\": [", "comments/bad-response"),
            (200, "[]", "comments/bad-response"),
            (200, "{\"total\": 1}", "comments/bad-response"),
            (200, "<html></html>", "comments/bad-response"),
            (503, "", "comments/server"),
            (404, r#"{"error": {"code": "unknown-thread", "message": "No such thread."}}"#, "comments/rejected"),
        ] {
            assert_eq!(parse_list(&HttpResponse::new(status, body)).unwrap_err().code(), code, "{body}");
        }
    }

    #[test]
    fn post_and_answers() {
        let c = NewComment {
            text: "Hi".into(),
            author: "".into(),
            parent: Some("c_17".into()),
            uri: "t/1".into(),
            ..NewComment::default()
        };
        let r = post("https://api.example/", &c);
        assert_eq!((r.method, r.url.as_str()), (Method::Post, "https://api.example/comments?thread=t%2F1"));
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.header("idempotency-key"), None);
        let keyed = post("https://api.example/", &NewComment { key: Some("k-1".into()), ..c.clone() });
        assert_eq!(keyed.header("idempotency-key"), Some("k-1"));
        assert_eq!(keyed.body, r.body);
        assert_eq!(
            r.body.as_deref(),
            Some(r#"{"text":"Hi","author":null,"email":null,"website":null,"parent":"c_17","title":null}"#)
        );
        let ok =
            r#"{"comment": {"id": "c_21", "created": "2026-03-04T00:00:00Z", "html": "<p>Hi</p>"}, "pending": false}"#;
        let p = parse_post(&HttpResponse::new(201, ok)).unwrap();
        assert_eq!((p.comment.id.as_str(), p.pending), ("c_21", false));
        assert_eq!(p.comment.body, Body::Html("<p>Hi</p>".into()));
        let held = ok.replace("\"pending\": false", "\"pending\": true");
        assert!(parse_post(&HttpResponse::new(201, held)).unwrap().comment.pending);
        assert!(parse_post(&HttpResponse::new(202, ok)).unwrap().pending);
        assert_eq!(
            parse_post(&HttpResponse::new(201, r#"{"pending": true}"#)).unwrap_err().code(),
            "comments/bad-response"
        );
    }

    #[test]
    fn errors_carry_the_server_message() {
        let body = r#"{"error": {"code": "text-too-short", "message": "Comments need at least 3 characters."}}"#;
        assert_eq!(
            parse_post(&HttpResponse::new(422, body)).unwrap_err(),
            CommentsError::Rejected { status: 422, message: "Comments need at least 3 characters.".into() }
        );
        assert_eq!(
            parse_post(&HttpResponse::new(400, r#"{"error": "bad thread"}"#)).unwrap_err(),
            CommentsError::Rejected { status: 400, message: "bad thread".into() }
        );
        assert_eq!(
            parse_post(&HttpResponse::new(400, r#"{"detail": "x"}"#)).unwrap_err(),
            CommentsError::Rejected { status: 400, message: String::new() }
        );
        assert_eq!(
            parse_post(&HttpResponse::new(403, "Spam suspected")).unwrap_err(),
            CommentsError::Rejected { status: 403, message: "Spam suspected".into() }
        );
        let limited = HttpResponse::new(429, r#"{"error": {"code": "slow-down", "message": "Slow down"}}"#)
            .with_header("retry-after", "10");
        assert_eq!(parse_post(&limited).unwrap_err(), CommentsError::RateLimited { retry_after: Some(10) });
        let busy = HttpResponse::new(503, "").with_header("retry-after", "5");
        assert_eq!(parse_post(&busy).unwrap_err(), CommentsError::Server { status: 503, retry_after: Some(5) });
    }

    #[test]
    fn counts() {
        let r = count_request("https://api.example", "t/1");
        assert_eq!((r.method, r.url.as_str()), (Method::Get, "https://api.example/count?thread=t%2F1"));
        assert_eq!(parse_count(&HttpResponse::new(200, r#"{"count": 42}"#)), Ok(42));
        assert_eq!(
            parse_count(&HttpResponse::new(200, r#"{"count": "42"}"#)).unwrap_err().code(),
            "comments/bad-response"
        );
    }
}
