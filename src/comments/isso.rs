//! The Isso backend (API of Isso 0.13/0.14): request builders and response parsers.
//!
//! No I/O: each builder returns an [`HttpRequest`] and each parser reads an
//! [`HttpResponse`] the edge fetched. What Isso does that this module absorbs:
//!
//! - `GET /?uri=&sort=&limit=&nested_limit=&offset=` answers
//!   `{"id": null, "total_replies": N, "hidden_replies": N, "replies": [...]}`; every
//!   comment carries `id` (a number), `parent`, `text` (rendered HTML), `author` and
//!   `website` (HTML-escaped on input, so `&amp;` is decoded here; `null` = anonymous),
//!   `mode` (1 published, 2 awaiting moderation, 4 deleted but replied to), `likes`,
//!   `dislikes`, `created` / `modified` (float Unix seconds), and at the top level its
//!   own `replies`, `total_replies`, `hidden_replies`. Missing and `null` fields are
//!   tolerated; an entry without a usable `id` is skipped.
//! - Sort values are `oldest`, `newest` and `upvotes` (Isso rejects anything else).
//! - Older Isso answers 404 for a thread with no comments yet: that is an empty [`Page`].
//! - `POST /new?uri=` answers 201 (published) or 202 (held for moderation).
//! - Errors are Werkzeug pages (HTML with the reason in the last `<p>`) or plain text;
//!   spam guards (rate limit, reply-to-self) answer 403, size limits 413.
//! - `POST /count` takes a JSON array of URIs and answers an array of counts.
//! - Writes need Isso's cookie (edit and delete rights), so they ask for credentials.

use super::error::{server_message, CommentsError};
use super::model::{Body, Comment, Cursor, NewComment, Page, Posted, Settings, Sort, ThreadRef, Votes};
use super::request::{
    build_url, comment_body, json_id, non_blank, push_segment, HttpRequest, HttpResponse, JsonObject, Method,
};
use super::sanitize::decode_entities;
use super::{Backend, Capabilities, ReadChange, ReadPreview, ReadVotes};
use crate::json::{self, Value};

/// Top-level comments per page unless configured otherwise.
pub const DEFAULT_LIMIT: u32 = 20;

/// An Isso server, as a [`Backend`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Isso {
    /// Base URL of the Isso server, e.g. `https://comments.example.com` or
    /// `https://example.com/isso` (a trailing slash is fine).
    pub endpoint: String,
    /// Top-level comments per page (`None`: all at once).
    pub limit: Option<u32>,
    /// Replies per top-level comment (`None`: all); the others are behind "Show N more
    /// replies" ([`replies_of`]).
    pub nested_limit: Option<u32>,
    /// Ask for the authors' Markdown (`plain=1`) and render it in Folio
    /// ([`Body::Markdown`], with Isso's default `hard_wrap`): Isso then skips rendering
    /// every comment on every list request. On by default with the `client-markdown`
    /// feature; the field exists wherever the renderer is compiled (natively, for tests).
    #[cfg(markdown)]
    pub plain: bool,
}

impl Isso {
    /// An Isso backend with [`DEFAULT_LIMIT`] comments per page and [`NESTED_LIMIT`]
    /// replies under each.
    pub fn new(endpoint: impl Into<String>) -> Self {
        Isso {
            endpoint: endpoint.into(),
            limit: Some(DEFAULT_LIMIT),
            nested_limit: Some(NESTED_LIMIT),
            #[cfg(markdown)]
            plain: cfg!(feature = "client-markdown"),
        }
    }
}

/// Replies a list shows under each top-level comment, as Isso's own client shows (its
/// `max-comments-nested`); "Show N more replies" asks for the rest ([`replies_of`]).
pub const NESTED_LIMIT: u32 = 5;

/// `GET {endpoint}/?uri=&sort=&parent=`: every reply of comment `parent`, answered in a
/// list's shape (`{"id": parent, "replies": [...]}`).
///
/// ```
/// use folio::comments::{isso, Sort};
/// let r = isso::replies_of("http://127.0.0.1:8080", "/a/", "7", Sort::Oldest);
/// assert_eq!(r.url, "http://127.0.0.1:8080/?uri=%2Fa%2F&sort=oldest&parent=7");
/// ```
pub fn replies_of(endpoint: &str, uri: &str, parent: &str, sort: Sort) -> HttpRequest {
    HttpRequest::new(
        Method::Get,
        build_url(endpoint, "/", &[("uri", uri), ("sort", sort_param(sort)), ("parent", parent)]),
    )
}

/// Isso's name for a sort order.
pub fn sort_param(sort: Sort) -> &'static str {
    match sort {
        Sort::Oldest => "oldest",
        Sort::Newest => "newest",
        Sort::Top => "upvotes",
    }
}

/// `GET {endpoint}/?uri=&sort=[&limit=][&nested_limit=][&offset=]`: one page of a
/// thread. `offset` counts top-level comments and is sent only when non-zero.
///
/// ```
/// use folio::comments::{isso, Sort};
/// let r = isso::list("http://127.0.0.1:8080", "/blog/a b/", Sort::Top, Some(20), None, 40);
/// assert_eq!(r.url, "http://127.0.0.1:8080/?uri=%2Fblog%2Fa%20b%2F&sort=upvotes&limit=20&offset=40");
/// ```
pub fn list(
    endpoint: &str,
    uri: &str,
    sort: Sort,
    limit: Option<u32>,
    nested_limit: Option<u32>,
    offset: u32,
) -> HttpRequest {
    let limit = limit.map(|n| crate::date::number(n.into()));
    let nested = nested_limit.map(|n| crate::date::number(n.into()));
    let offset = (offset > 0).then(|| crate::date::number(offset.into()));
    let mut query: Vec<(&str, &str)> = vec![("uri", uri), ("sort", sort_param(sort))];
    for (name, value) in [("limit", &limit), ("nested_limit", &nested), ("offset", &offset)] {
        if let Some(v) = value {
            query.push((name, v));
        }
    }
    HttpRequest::new(Method::Get, build_url(endpoint, "/", &query))
}

/// Reads a list response. `offset` is the one the request was made with; it places the
/// next page's cursor when Isso reports `hidden_replies` at the top level.
pub fn parse_list(resp: &HttpResponse, offset: u32) -> Result<Page, CommentsError> {
    if resp.status == 404 {
        return Ok(Page::default());
    }
    let mut root = json_body(resp)?;
    if !matches!(root, Value::Object(_)) {
        return Err(CommentsError::bad("expected a JSON object"));
    }
    let comments = replies(&mut root)?;
    let shown: u32 = comments.iter().map(Comment::tree_size).fold(0, u32::saturating_add);
    let total = root.get("total_replies").and_then(count).unwrap_or(shown).max(shown);
    let hidden = root.get("hidden_replies").and_then(count).unwrap_or(0);
    let next =
        (hidden > 0 && !comments.is_empty()).then(|| Cursor::Offset(offset.saturating_add(comments.len() as u32)));
    // Isso (0.12.6 and later) always renders previews (`POST /preview`).
    let settings = root.get("config").map(|config| Settings {
        preview: true,
        ..Settings::read(
            config,
            ["require-author", "require-email", "reply-to-self", "reply-notifications", "feed", ""],
        )
    });
    Ok(Page { total, comments, next, settings })
}

/// `POST {endpoint}/new?uri=` with the comment as JSON (blank fields as `null`; `parent`
/// as Isso's integer id, or `null` when it is not one).
pub fn post(endpoint: &str, c: &NewComment) -> HttpRequest {
    let mut body = comment_body(c);
    match c.parent.as_deref().filter(|p| is_isso_id(p)) {
        Some(p) => body.raw("parent", p),
        None => body.string("parent", None),
    };
    body.string("title", non_blank(&c.title));
    if c.notify && !c.email.is_empty() {
        body.raw("notification", "1");
    }
    HttpRequest::new(Method::Post, build_url(endpoint, "/new", &[("uri", &c.uri)]))
        .json(body.finish())
        .with_credentials()
}

/// Reads the answer to [`post`]: 201 published, 202 held for moderation; errors by status
/// with the server's reason.
pub fn parse_post(resp: &HttpResponse) -> Result<Posted, CommentsError> {
    let mut comment = parse_comment_response(resp)?;
    let pending = resp.status == 202 || comment.pending;
    comment.pending = pending;
    Ok(Posted { comment, pending })
}

/// `PUT {endpoint}/id/{id}` with the new text (allowed for a while after posting, with the
/// cookie Isso set).
pub fn edit(endpoint: &str, id: &str, text: &str) -> HttpRequest {
    let mut body = JsonObject::new();
    body.string("text", Some(text));
    HttpRequest::new(Method::Put, id_url(endpoint, id, "")).json(body.finish()).with_credentials()
}

/// Reads the answer to [`edit`]: the updated comment.
pub fn parse_edit(resp: &HttpResponse) -> Result<Comment, CommentsError> {
    parse_comment_response(resp)
}

/// `DELETE {endpoint}/id/{id}`.
pub fn delete(endpoint: &str, id: &str) -> HttpRequest {
    HttpRequest::new(Method::Delete, id_url(endpoint, id, "")).with_credentials()
}

/// Reads the answer to [`delete`]: `None` when the comment is gone, or the emptied comment
/// Isso keeps because replies refer to it.
pub fn parse_delete(resp: &HttpResponse) -> Result<Option<Comment>, CommentsError> {
    match json_body(resp)? {
        Value::Null => Ok(None),
        mut v => comment(&mut v).map(Some).ok_or(CommentsError::bad("the comment has no id")),
    }
}

/// `POST {endpoint}/id/{id}/like`, or `/dislike` when not `up` (no body, so no content
/// type: Isso's CSRF check accepts that). Isso counts one vote per reader and none on the
/// reader's own comment; it answers the counts either way.
pub fn vote(endpoint: &str, id: &str, up: bool) -> HttpRequest {
    HttpRequest::new(Method::Post, id_url(endpoint, id, if up { "/like" } else { "/dislike" })).with_credentials()
}

/// `POST {endpoint}/preview` with `{"text": ...}`: the draft as Isso would render it.
pub fn preview(endpoint: &str, text: &str) -> HttpRequest {
    let mut body = JsonObject::new();
    body.string("text", Some(text));
    HttpRequest::new(Method::Post, build_url(endpoint, "/preview", &[])).json(body.finish())
}

/// Reads the answer to [`preview`]: `{"text": "<p>...</p>"}`, the HTML (untrusted).
pub fn parse_preview(resp: &HttpResponse) -> Result<String, CommentsError> {
    match json_body(resp)?.get("text") {
        Some(Value::String(html)) => Ok(html.clone()),
        _ => Err(CommentsError::bad("expected {\"text\": \"...\"}")),
    }
}

/// Reads the answer to [`vote`]: `{"likes": N, "dislikes": N}`.
pub fn parse_votes(resp: &HttpResponse) -> Result<Votes, CommentsError> {
    let v = json_body(resp)?;
    let n = |k| v.get(k).and_then(Value::as_f64).filter(|n| n.is_finite()).map(|n| n as i64);
    match (n("likes"), n("dislikes")) {
        (Some(likes), dislikes) => Ok(Votes { likes, dislikes: dislikes.unwrap_or(0) }),
        _ => Err(CommentsError::bad("expected {\"likes\": N}")),
    }
}

/// `POST {endpoint}/count` with a JSON array of thread URIs.
pub fn count_request(endpoint: &str, uris: &[&str]) -> HttpRequest {
    let mut body = String::from("[");
    for (i, uri) in uris.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        json::write_string(&mut body, uri);
    }
    body.push(']');
    HttpRequest::new(Method::Post, build_url(endpoint, "/count", &[])).json(body)
}

/// Reads the answer to [`count_request`]: one count per URI, in order.
pub fn parse_count(resp: &HttpResponse) -> Result<Vec<u32>, CommentsError> {
    let v = json_body(resp)?;
    let items = v.as_array().ok_or(CommentsError::bad("expected an array of counts"))?;
    items.iter().map(|n| count(n).ok_or(CommentsError::bad("expected an array of counts"))).collect()
}

/// `{endpoint}/id/{id}{suffix}`, the id encoded as one path segment.
fn id_url(endpoint: &str, id: &str, suffix: &str) -> String {
    let mut url = build_url(endpoint, "/id/", &[]);
    push_segment(&mut url, id);
    url.push_str(suffix);
    url
}

/// Isso ids are non-negative integers.
fn is_isso_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The JSON of a 2xx answer, or the error the status or body amounts to.
fn json_body(resp: &HttpResponse) -> Result<Value, CommentsError> {
    if !resp.is_success() {
        return Err(error_for(resp));
    }
    json::parse(&resp.body).map_err(|e| CommentsError::from_syntax(&resp.body, &e))
}

/// The error for a non-2xx Isso answer, with the reason from its (plain or HTML) body.
pub fn error_for(resp: &HttpResponse) -> CommentsError {
    CommentsError::from_response(resp, server_message(&resp.body))
}

fn parse_comment_response(resp: &HttpResponse) -> Result<Comment, CommentsError> {
    let mut v = json_body(resp)?;
    comment(&mut v).ok_or(CommentsError::bad("the comment has no id"))
}

/// A non-negative whole count from a JSON number (negative counts, which Isso can compute
/// for an offset past the end, are 0).
fn count(v: &Value) -> Option<u32> {
    let n = v.as_f64().filter(|n| n.is_finite())?;
    Some(n.clamp(0.0, f64::from(u32::MAX)) as u32)
}

fn text_field(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.trim().is_empty()).map(decode_entities)
}

/// The comments of `v`'s `replies`, their bodies moved out of `v` (a thread's bodies are
/// most of its answer: they are not held twice while it is read).
fn replies(v: &mut Value) -> Result<Vec<Comment>, CommentsError> {
    match v.get_mut("replies") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items.iter_mut().filter_map(comment).collect()),
        Some(_) => Err(CommentsError::bad("\"replies\" is not a list")),
    }
}

/// One Isso comment, its body moved out of `v`; `None` without a usable `id`.
fn comment(v: &mut Value) -> Option<Comment> {
    let id = json_id(v.get("id")?)?;
    let mode = v.get("mode").and_then(Value::as_f64).unwrap_or(1.0);
    let body = match v.get_mut("text") {
        Some(Value::String(text)) => core::mem::take(text),
        _ => String::new(),
    };
    let replies = replies(v).unwrap_or_default();
    let v = &*v;
    let number = |k| v.get(k).and_then(Value::as_f64).filter(|n| n.is_finite());
    Some(Comment {
        id,
        parent: v.get("parent").and_then(json_id),
        author: text_field(v, "author"),
        website: text_field(v, "website"),
        created: number("created").unwrap_or(0.0),
        modified: number("modified"),
        likes: number("likes").map(|n| n as i64),
        dislikes: number("dislikes").map(|n| n as i64),
        hash: text_field(v, "hash"),
        avatar: text_field(v, "gravatar_image"),
        body: Body::Html(body),
        pending: mode == 2.0,
        deleted: mode == 4.0,
        // A reply list of the wrong type is treated as none: one odd comment should not
        // hide the thread.
        replies,
        hidden_replies: v.get("hidden_replies").and_then(count).unwrap_or(0),
        voted: None,
    })
}

/// The comment among `comments` (and their replies) that is `post`: the same parent, the
/// same author (Isso stores a blank name as none) and the same words, created at most ten
/// minutes (a clock's skew) before `since`. `comments` hold Isso's `plain=1` text.
fn find_post(comments: &[Comment], post: &NewComment, since: u64) -> Option<String> {
    comments.iter().find_map(|c| {
        let same = c.created + 600.0 >= since as f64
            && c.parent == post.parent
            && c.author.as_deref().unwrap_or_default().trim() == post.author.trim()
            && crate::search::words(c.body.as_sent()).eq(crate::search::words(&post.text));
        if same {
            Some(c.id.clone())
        } else {
            find_post(&c.replies, post, since)
        }
    })
}

impl Backend for Isso {
    fn list_request(&self, thread: &ThreadRef, sort: Sort, cursor: Option<&Cursor>) -> HttpRequest {
        #[allow(unused_mut)]
        let mut request =
            list(&self.endpoint, &thread.uri, sort, self.limit, self.nested_limit, Cursor::number(cursor, 0));
        #[cfg(markdown)]
        if self.plain {
            request.url.push_str("&plain=1");
        }
        request
    }

    fn parse_list(&self, _sort: Sort, cursor: Option<&Cursor>, resp: &HttpResponse) -> Result<Page, CommentsError> {
        #[allow(unused_mut)]
        let mut page = parse_list(resp, Cursor::number(cursor, 0))?;
        #[cfg(markdown)]
        if self.plain {
            fn as_markdown(comments: &mut [Comment]) {
                for c in comments {
                    if let Body::Html(text) = &mut c.body {
                        c.body = Body::Markdown { text: std::mem::take(text), hard_wrap: true };
                    }
                    as_markdown(&mut c.replies);
                }
            }
            as_markdown(&mut page.comments);
        }
        Ok(page)
    }

    fn post_request(&self, comment: &NewComment) -> HttpRequest {
        post(&self.endpoint, comment)
    }

    /// Isso's Atom feed of the thread, `GET /feed?uri=` (when its `[rss] base` is set).
    fn feed_url(&self, thread: &ThreadRef) -> Option<String> {
        Some(build_url(&self.endpoint, "/feed", &[("uri", &thread.uri)]))
    }

    fn replies_request(&self, thread: &ThreadRef, id: &str, sort: Sort) -> Option<HttpRequest> {
        #[allow(unused_mut)]
        let mut request = replies_of(&self.endpoint, &thread.uri, id, sort);
        #[cfg(markdown)]
        if self.plain {
            request.url.push_str("&plain=1");
        }
        Some(request)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities { likes: true, edit: true }
    }

    fn vote_request(&self, id: &str, up: bool) -> Option<(HttpRequest, ReadVotes)> {
        Some((vote(&self.endpoint, id, up), parse_votes))
    }

    fn preview_request(&self, text: &str) -> Option<(HttpRequest, ReadPreview)> {
        Some((preview(&self.endpoint, text), parse_preview))
    }

    /// Asking for the authors' text (`plain=1`), the widget renders it as Isso would, with
    /// hard line breaks (Isso's default `hard_wrap`).
    #[cfg(markdown)]
    fn markdown(&self) -> Option<bool> {
        self.plain.then_some(true)
    }

    /// An edit answers the comment, a delete `null` or the emptied comment: both are read
    /// as [`parse_delete`] reads them.
    fn change_request(&self, id: &str, text: Option<&str>) -> Option<(HttpRequest, ReadChange)> {
        let request = match text {
            Some(t) => edit(&self.endpoint, id, t),
            None => delete(&self.endpoint, id),
        };
        Some((request, parse_delete))
    }

    /// The whole thread, newest first, with the authors' own text (`plain=1`): Isso stores
    /// every post it is sent, so a post whose answer was lost is looked for before it is
    /// sent again.
    fn lookup_request(&self, comment: &NewComment) -> Option<HttpRequest> {
        let mut request = list(&self.endpoint, &comment.uri, Sort::Newest, None, None, 0);
        request.url.push_str("&plain=1");
        Some(request)
    }

    fn parse_lookup(
        &self,
        comment: &NewComment,
        since: u64,
        resp: &HttpResponse,
    ) -> Result<Option<String>, CommentsError> {
        Ok(find_post(&parse_list(resp, 0)?.comments, comment, since))
    }

    fn parse_post(&self, resp: &HttpResponse) -> Result<Posted, CommentsError> {
        parse_post(resp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::time::iso8601;

    /// A real Isso 0.13 answer (limit=2, nested_limit=5), lightly edited for variety:
    /// null and missing fields, an escaped author, a pending and a deleted comment.
    const THREAD: &str = r#"{
      "id": null,
      "total_replies": 14,
      "hidden_replies": 12,
      "replies": [
        {
          "website": null, "author": null, "parent": null,
          "created": 1464818460.732863,
          "text": "<p>Hello, World!</p>",
          "total_replies": 2, "hidden_replies": 0,
          "dislikes": 2, "modified": null, "mode": 1,
          "replies": [
            {
              "website": "http://tom.example/", "author": "Tom &amp; Jerry", "parent": 1,
              "created": 1464818460.769638,
              "text": "<p>Hi, now some Markdown: <em>Italic</em>, <strong>bold</strong>, <code>monospace</code>.</p>",
              "dislikes": 0, "modified": 1464818500.5, "mode": 1, "hash": "2af4e1a6c96a", "id": 2, "likes": 2,
              "gravatar_image": "https://www.gravatar.com/avatar/8c5d2ab0a9f9e1d3b8b1a9f1c0e2d3f4?d=identicon&s=55"
            },
            { "id": 5, "parent": 1, "mode": 2, "text": "<p>Pending reply</p>", "created": 1464818470.0 }
          ],
          "hash": "1cb6cc0309a2", "id": 1, "likes": 2
        },
        {
          "website": null, "author": "  ", "parent": null,
          "created": 1464818460.80574,
          "text": "",
          "total_replies": 0, "hidden_replies": 0, "dislikes": 0, "modified": 1464818999.0,
          "mode": 4, "replies": [], "hash": "1cb6cc0309a2", "id": 3, "likes": 0
        },
        { "author": "no id, skipped" }
      ],
      "config": {"reply-to-self": false, "require-email": false, "require-author": false, "reply-notifications": false, "gravatar": false, "avatar": false, "feed": false}
    }"#;

    #[test]
    fn declares_likes_and_edits() {
        let b = Isso::new("http://h");
        assert_eq!(b.capabilities(), crate::comments::Capabilities { likes: true, edit: true });
        let (like, read) = b.vote_request("3", true).unwrap();
        assert_eq!((like.method, like.url.as_str()), (Method::Post, "http://h/id/3/like"));
        let (dislike, _) = b.vote_request("3", false).unwrap();
        assert_eq!((dislike.method, dislike.url.as_str()), (Method::Post, "http://h/id/3/dislike"));
        assert_eq!(read(&HttpResponse::new(200, r#"{"likes": 4, "dislikes": 1}"#)).unwrap().likes, 4);
        let (edit, read) = b.change_request("3", Some("new")).unwrap();
        assert_eq!((edit.method, edit.url.as_str()), (Method::Put, "http://h/id/3"));
        assert_eq!(read(&HttpResponse::new(200, r#"{"id": 3, "text": "<p>new</p>"}"#)).unwrap().unwrap().id, "3");
        let (delete, read) = b.change_request("3", None).unwrap();
        assert_eq!(delete.method, Method::Delete);
        assert_eq!(read(&HttpResponse::new(200, "null")).unwrap(), None);
    }

    #[test]
    fn list_request_shapes() {
        let r = list("https://c.example/isso/", "/a?b=c&d", Sort::Newest, None, Some(5), 0);
        assert_eq!(r.method, Method::Get);
        assert_eq!(r.url, "https://c.example/isso/?uri=%2Fa%3Fb%3Dc%26d&sort=newest&nested_limit=5");
        assert!(r.body.is_none() && !r.credentials && r.headers.is_empty());
        let mut backend = Isso::new("http://127.0.0.1:8080");
        backend.plain = false;
        let r = backend.list_request(&ThreadRef::new("/p/"), Sort::Oldest, Some(&Cursor::Offset(20)));
        assert_eq!(r.url, "http://127.0.0.1:8080/?uri=%2Fp%2F&sort=oldest&limit=20&nested_limit=5&offset=20");
    }

    #[test]
    fn plain_asks_for_markdown_and_keeps_it_for_the_renderer() {
        let mut backend = Isso::new("http://127.0.0.1:8080");
        assert_eq!(backend.plain, cfg!(feature = "client-markdown"), "the feature's default");
        backend.plain = false;
        assert_eq!(backend.markdown(), None, "the server renders the list and the preview");
        backend.plain = true;
        assert_eq!(backend.markdown(), Some(true), "the widget renders both, with hard breaks");
        let r = backend.list_request(&ThreadRef::new("/p/"), Sort::Oldest, None);
        assert_eq!(r.url, "http://127.0.0.1:8080/?uri=%2Fp%2F&sort=oldest&limit=20&nested_limit=5&plain=1");
        let body = r#"{"id": null, "total_replies": 2, "hidden_replies": 0, "replies": [
            {"id": 1, "created": 1.0, "text": "Hi *there*\nline two", "replies": [
                {"id": 2, "parent": 1, "created": 2.0, "text": "<b>raw</b>"}]}]}"#;
        let page = backend.parse_list(Sort::Oldest, None, &HttpResponse::new(200, body)).unwrap();
        let markdown = |text: &str| Body::Markdown { text: text.into(), hard_wrap: true };
        assert_eq!(page.comments[0].body, markdown("Hi *there*\nline two"));
        assert_eq!(page.comments[0].replies[0].body, markdown("<b>raw</b>"));
        let html: String = crate::comments::view::list(
            &page,
            0.0,
            Sort::Oldest,
            &crate::comments::text::EN,
            &|_| Vec::new(),
            "",
            None,
        )
        .iter()
        .map(crate::view::html::to_html)
        .collect();
        assert!(html.contains("<p>Hi <em>there</em><br>\nline two</p>"), "{html}");
        assert!(html.contains("<p>&lt;b&gt;raw&lt;/b&gt;</p>"), "{html}");
        // Posting still answers with Isso's HTML.
        let posted = backend.parse_post(&HttpResponse::new(201, r#"{"id": 3, "text": "<p>x</p>"}"#)).unwrap();
        assert_eq!(posted.comment.body, Body::Html("<p>x</p>".into()));
    }

    #[test]
    fn reads_the_servers_settings() {
        let settings = |config: &str| {
            let body = String::from(r#"{"replies": [], "config": "#) + config + "}";
            parse_list(&HttpResponse::new(200, body), 0).unwrap().settings
        };
        // The recorded answer: every setting off, and so no replies to oneself.
        let recorded = parse_list(&HttpResponse::new(200, THREAD), 0).unwrap().settings;
        let isso = Settings { preview: true, ..Settings::default() };
        assert_eq!(recorded, Some(Settings { no_self_replies: true, ..isso }));
        let on = r#"{"reply-to-self": true, "require-email": true, "require-author": true, "reply-notifications": true, "gravatar": false, "feed": true}"#;
        let all = Settings {
            require_name: true,
            require_email: true,
            no_self_replies: false,
            notifications: true,
            feed: true,
            preview: true,
        };
        assert_eq!(settings(on), Some(all));
        // Anything but a boolean is no setting; an answer without `config` has none.
        let odd = r#"{"reply-to-self": "no", "require-email": 1, "require-author": "true", "feed": null}"#;
        assert_eq!(settings(odd), Some(isso));
        assert_eq!(settings("[]"), Some(isso));
        assert_eq!(parse_list(&HttpResponse::new(200, r#"{"replies": []}"#), 0).unwrap().settings, None);
        let b = Isso::new("https://c.example/isso/");
        assert_eq!(
            b.feed_url(&ThreadRef::new("/a b/")).as_deref(),
            Some("https://c.example/isso/feed?uri=%2Fa%20b%2F")
        );
        // Previews: the draft in, Isso's rendering out.
        let (request, read) = b.preview_request("*hi* \"you\"").unwrap();
        assert_eq!((request.method, request.url.as_str()), (Method::Post, "https://c.example/isso/preview"));
        assert_eq!(request.body.as_deref(), Some(r#"{"text":"*hi* \"you\""}"#));
        assert_eq!(
            read(&HttpResponse::new(200, r#"{"text": "<p><em>hi</em></p>"}"#)).as_deref(),
            Ok("<p><em>hi</em></p>")
        );
        assert_eq!(read(&HttpResponse::new(200, r#"{"html": "x"}"#)).unwrap_err().code(), "comments/bad-response");
        assert_eq!(read(&HttpResponse::new(400, "no text given")).unwrap_err().code(), "comments/rejected");
    }

    #[test]
    fn parses_a_recorded_thread() {
        let page = parse_list(&HttpResponse::new(200, THREAD), 0).unwrap();
        assert_eq!(page.total, 14);
        assert_eq!(page.next, Some(Cursor::Offset(2)));
        assert_eq!(page.comments.len(), 2);
        let first = &page.comments[0];
        assert_eq!((first.id.as_str(), first.parent.as_deref(), first.author.as_deref()), ("1", None, None));
        assert_eq!(iso8601(first.created), "2016-06-01T22:01:00Z");
        assert_eq!((first.likes, first.dislikes, first.modified), (Some(2), Some(2), None));
        assert_eq!(first.body, Body::Html("<p>Hello, World!</p>".into()));
        assert_eq!(first.replies.len(), 2);
        let reply = &first.replies[0];
        assert_eq!(reply.author.as_deref(), Some("Tom & Jerry"));
        assert_eq!((first.hash.as_deref(), reply.hash.as_deref()), (Some("1cb6cc0309a2"), Some("2af4e1a6c96a")));
        // gravatar_image: the picture Isso links to while its gravatar setting is on.
        assert_eq!(first.avatar, None);
        assert_eq!(
            reply.avatar.as_deref(),
            Some("https://www.gravatar.com/avatar/8c5d2ab0a9f9e1d3b8b1a9f1c0e2d3f4?d=identicon&s=55")
        );
        assert_eq!(reply.website.as_deref(), Some("http://tom.example/"));
        assert_eq!((reply.parent.as_deref(), reply.modified), (Some("1"), Some(1_464_818_500.5)));
        let pending = &first.replies[1];
        assert!(pending.pending && !pending.deleted);
        assert_eq!((pending.likes, pending.author.as_deref()), (None, None));
        let deleted = &page.comments[1];
        assert!(deleted.deleted && deleted.author.is_none());
    }

    #[test]
    fn next_cursor_follows_the_request_offset() {
        let page = parse_list(&HttpResponse::new(200, THREAD), 40).unwrap();
        assert_eq!(page.next, Some(Cursor::Offset(42)));
        let last = r#"{"id": null, "total_replies": 3, "hidden_replies": 0, "replies": [{"id": 9, "created": 1.0, "text": "x"}]}"#;
        assert_eq!(parse_list(&HttpResponse::new(200, last), 0).unwrap().next, None);
        let negative = r#"{"id": null, "total_replies": 3, "hidden_replies": -5, "replies": []}"#;
        let p = parse_list(&HttpResponse::new(200, negative), 100).unwrap();
        assert_eq!((p.total, p.next), (3, None));
    }

    #[test]
    fn minimal_and_empty_answers() {
        let p = parse_list(&HttpResponse::new(200, r#"{"replies": [{"id": 1}]}"#), 0).unwrap();
        assert_eq!(p.total, 1);
        let c = &p.comments[0];
        assert_eq!((c.created, &c.body, c.pending, c.hidden_replies), (0.0, &Body::default(), false, 0));
        assert_eq!(
            parse_list(
                &HttpResponse::new(200, r#"{"id": null, "total_replies": 0, "hidden_replies": 0, "replies": []}"#),
                0
            )
            .unwrap(),
            Page::default()
        );
        assert_eq!(
            parse_list(&HttpResponse::new(404, "<!doctype html><title>404 Not Found</title>"), 0).unwrap(),
            Page::default()
        );
    }

    #[test]
    fn broken_list_answers() {
        let cases = [
            (HttpResponse::new(200, &THREAD[..THREAD.len() / 2]), "comments/bad-response", true),
            (HttpResponse::new(200, "<html>Welcome to nginx!</html>"), "comments/bad-response", false),
            (HttpResponse::new(200, "[1, 2]"), "comments/bad-response", false),
            (HttpResponse::new(200, r#"{"replies": "none"}"#), "comments/bad-response", false),
            (HttpResponse::new(200, ""), "comments/bad-response", true),
            (HttpResponse::new(500, "Internal Server Error"), "comments/server", true),
            (HttpResponse::new(502, "<html>Bad Gateway</html>"), "comments/server", true),
            (HttpResponse::new(0, ""), "comments/network", true),
            (HttpResponse::new(400, "Invalid sort option"), "comments/rejected", false),
        ];
        for (resp, code, retry) in cases {
            let e = parse_list(&resp, 0).unwrap_err();
            assert_eq!((e.code(), e.is_retryable()), (code, retry), "{:.40}", resp.body);
        }
    }

    fn new_comment() -> NewComment {
        NewComment {
            text: "Great \"piece\"\n</script>".into(),
            author: " Ada ".into(),
            email: "".into(),
            website: "https://ada.example/".into(),
            parent: Some("15".into()),
            title: "A Story".into(),
            uri: "/2026/01/story/".into(),
            key: Some("k1".into()),
            notify: true,
        }
    }

    #[test]
    fn a_post_whose_answer_was_lost_is_found_in_its_thread() {
        let isso = Isso::new("http://127.0.0.1:8080");
        let post = NewComment { author: "Ada & Co".into(), ..new_comment() };
        let r = isso.lookup_request(&post).unwrap();
        assert_eq!(r.url, "http://127.0.0.1:8080/?uri=%2F2026%2F01%2Fstory%2F&sort=newest&plain=1");
        let thread = |reply: &str| {
            HttpResponse::new(
                200,
                String::from(
                    r#"{"total_replies": 2, "replies": [{"id": 15, "created": 1700000000, "text": "Parent", "replies": ["#,
                ) + reply
                    + "]}]}",
            )
        };
        let stored = r#"{"id": 16, "parent": 15, "created": 1700000100, "author": "Ada &amp; Co", "text": "Great  \"piece\"\n\n</script>"}"#;
        assert_eq!(isso.parse_lookup(&post, 1_700_000_090, &thread(stored)), Ok(Some("16".into())));
        // Isso's clock may be behind the reader's by a few minutes.
        assert_eq!(isso.parse_lookup(&post, 1_700_000_600, &thread(stored)), Ok(Some("16".into())));
        for other in [
            stored.replace("1700000100", "1699999000"),           // older than the post
            stored.replace("\"parent\": 15", "\"parent\": null"), // elsewhere in the thread
            stored.replace("Ada &amp; Co", "Bob"),                // another author
            stored.replace("Great", "Good"),                      // other words
        ] {
            assert_eq!(isso.parse_lookup(&post, 1_700_000_090, &thread(&other)), Ok(None), "{other}");
        }
        let anonymous = NewComment { author: String::new(), parent: None, ..new_comment() };
        let top =
            r#"{"id": 3, "created": 1700000100, "author": null, "text": "Great \"piece\" </script>", "replies": []}"#;
        let list = HttpResponse::new(200, String::from(r#"{"replies": ["#) + top + "]}");
        assert_eq!(isso.parse_lookup(&anonymous, 1_700_000_090, &list), Ok(Some("3".into())));
        assert!(isso.parse_lookup(&post, 0, &HttpResponse::new(500, "")).is_err());
    }

    #[test]
    fn post_request_shape() {
        let r = post("http://127.0.0.1:8080/", &new_comment());
        assert_eq!(r.method, Method::Post);
        assert_eq!(r.url, "http://127.0.0.1:8080/new?uri=%2F2026%2F01%2Fstory%2F");
        assert_eq!(r.header("Content-Type"), Some("application/json"));
        assert!(r.credentials);
        let body = r.body.unwrap();
        assert_eq!(
            body,
            r#"{"text":"Great \"piece\"\n</script>","author":"Ada","email":null,"website":"https://ada.example/","parent":15,"title":"A Story"}"#
        );
        let top = NewComment { parent: None, title: String::new(), ..new_comment() };
        let body = post("http://h", &top).body.unwrap();
        assert!(body.ends_with(r#""parent":null,"title":null}"#));
        let odd = NewComment { parent: Some("15, \"x\": 1".into()), ..new_comment() };
        assert!(post("http://h", &odd).body.unwrap().contains(r#""parent":null"#));
        // Reply notifications are asked for with an email only (the body above has none).
        let notified = NewComment { email: "ada@example.org".into(), ..new_comment() };
        assert!(post("http://h", &notified).body.unwrap().ends_with(r#""title":"A Story","notification":1}"#));
        let quiet = NewComment { notify: false, ..notified };
        assert!(!post("http://h", &quiet).body.unwrap().contains("notification"));
    }

    const CREATED: &str = r#"{"website": null, "author": "Max Rant", "parent": 15, "created": 1464940838.254393,
        "text": "<p>Stop saying that! <em>isso</em>!</p>", "dislikes": 0, "modified": null, "mode": 1,
        "hash": "e644f6ee43c0", "id": 23, "likes": 0}"#;

    #[test]
    fn post_accepted_or_held() {
        let p = parse_post(&HttpResponse::new(201, CREATED)).unwrap();
        assert!(!p.pending && !p.comment.pending);
        assert_eq!((p.comment.id.as_str(), p.comment.parent.as_deref()), ("23", Some("15")));
        let held = CREATED.replace("\"mode\": 1", "\"mode\": 2");
        let p = parse_post(&HttpResponse::new(202, held)).unwrap();
        assert!(p.pending && p.comment.pending);
        // 202 alone means held, whatever the mode says.
        assert!(parse_post(&HttpResponse::new(202, CREATED)).unwrap().pending);
    }

    #[test]
    fn post_errors() {
        let werkzeug = "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n\
                        <p>text is too short (minimum length: 3)</p>\n";
        assert_eq!(
            parse_post(&HttpResponse::new(400, werkzeug)).unwrap_err(),
            CommentsError::Rejected { status: 400, message: "text is too short (minimum length: 3)".into() }
        );
        assert_eq!(
            parse_post(&HttpResponse::new(400, "  text is missing\n")).unwrap_err(),
            CommentsError::Rejected { status: 400, message: "text is missing".into() }
        );
        let long = parse_post(&HttpResponse::new(403, "x ".repeat(1000))).unwrap_err();
        match long {
            CommentsError::Rejected { status: 403, message } => assert!(message.chars().count() <= 300),
            other => panic!("{other:?}"),
        }
        let limited = HttpResponse::new(429, "Too Many Requests").with_header("Retry-After", "42");
        assert_eq!(parse_post(&limited).unwrap_err(), CommentsError::RateLimited { retry_after: Some(42) });
        let garbled = HttpResponse::new(429, "").with_header("Retry-After", "tomorrow-ish");
        assert_eq!(parse_post(&garbled).unwrap_err(), CommentsError::RateLimited { retry_after: None });
        assert_eq!(parse_post(&HttpResponse::new(500, "boom")).unwrap_err().code(), "comments/server");
        assert_eq!(parse_post(&HttpResponse::new(413, "")).unwrap_err(), CommentsError::TooLarge);
        let cut = parse_post(&HttpResponse::new(201, &CREATED[..60])).unwrap_err();
        assert_eq!((cut.code(), cut.is_retryable()), ("comments/bad-response", true));
        let not_json = parse_post(&HttpResponse::new(201, "Created")).unwrap_err();
        assert_eq!((not_json.code(), not_json.is_retryable()), ("comments/bad-response", false));
        assert_eq!(parse_post(&HttpResponse::new(201, "{}")).unwrap_err().code(), "comments/bad-response");
    }

    #[test]
    fn edit_delete_like_count() {
        let e = edit("http://h/", "23", "new text");
        assert_eq!(
            (e.method, e.url.as_str(), e.body.as_deref()),
            (Method::Put, "http://h/id/23", Some(r#"{"text":"new text"}"#))
        );
        let d = delete("http://h", "23");
        assert_eq!((d.method, d.url.as_str(), d.credentials), (Method::Delete, "http://h/id/23", true));
        let l = vote("http://h", "7/../../admin", true);
        assert_eq!((l.method, l.url.as_str()), (Method::Post, "http://h/id/7%2F..%2F..%2Fadmin/like"));
        assert!(l.body.is_none() && l.header("content-type").is_none());
        let c = count_request("http://h/", &["/a/", "/b \"c\"/"]);
        assert_eq!((c.method, c.url.as_str()), (Method::Post, "http://h/count"));
        assert_eq!(c.body.as_deref(), Some(r#"["/a/","/b \"c\"/"]"#));
        assert_eq!(parse_count(&HttpResponse::new(200, "[2, 18, 0]")).unwrap(), vec![2, 18, 0]);
        assert_eq!(parse_count(&HttpResponse::new(200, "[2, \"x\"]")).unwrap_err().code(), "comments/bad-response");
        assert_eq!(parse_count(&HttpResponse::new(200, "{}")).unwrap_err().code(), "comments/bad-response");
        assert_eq!(parse_count(&HttpResponse::new(200, "[]")), Ok(vec![]));
        assert_eq!(
            parse_votes(&HttpResponse::new(200, r#"{"likes": 4, "dislikes": 3}"#)),
            Ok(Votes { likes: 4, dislikes: 3 })
        );
        assert_eq!(parse_delete(&HttpResponse::new(200, "null")), Ok(None));
        let kept = parse_delete(&HttpResponse::new(200, r#"{"id": 14, "mode": 4, "text": ""}"#)).unwrap().unwrap();
        assert!(kept.deleted);
        assert_eq!(parse_edit(&HttpResponse::new(200, CREATED)).unwrap().id, "23");
    }
}
