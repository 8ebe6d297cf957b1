//! Comments, the pure core: comment model, backends, sanitizing rules, retry
//! schedule, draft format, times, and the section and form as view trees.
//!
//! Nothing in here does I/O or touches the DOM, so all of it is tested natively. A
//! [`Backend`] turns an intent into an [`HttpRequest`] and the [`HttpResponse`] the edge
//! fetched into data or a [`CommentsError`]; the edge owns `fetch`, timers and storage.
//! Comment HTML is parsed here too ([`html`]), then rebuilt by [`sanitize`]'s allowlist.
//!
//! | module | holds |
//! |---|---|
//! | [`model`] | `Comment`, `Page`, `Cursor`, `Sort`, `NewComment`, `Posted` |
//! | [`request`] | request/response descriptions, URL and JSON-body writers |
//! | [`error`] | `CommentsError`: codes, messages, retry verdicts |
//! | [`isso`] | the Isso API |
//! | [`contract`] | Folio's generic JSON REST contract (its spec is the module doc) |
//! | `waline` | the Waline API (with the `waline` feature in wasm; always natively) |
//! | [`html`] | the parser for comment HTML |
//! | [`sanitize`] | allowlist for comment HTML, author names and websites |
//! | [`retry`] | exponential backoff with full jitter; what follows a failed post; the checks' waits |
//! | [`thread`] | the thread tree's changes and how the list on screen takes one |
//! | [`loads`] | which list answer is current: drawn, dropped or asked for again |
//! | [`listing`] | the list a section holds: pages taken, the reader's comment, new comments, edits |
//! | [`draft`] | the unsent comment's storage format |
//! | [`posting`] | what became of a post, read from the server's answer |
//! | [`embedded`] | a first page written into static HTML, and whether to adopt it |
//! | [`time`] | relative and ISO 8601 times |
//! | [`text`] | every visible string |
//! | [`view`] | placeholder, list, error box as view trees |
//! | [`avatar`] | a comment's picture or identicon |
//! | [`form`] | the comment form: state, checks, view tree |
//!
//! Flow at the edge: render [`view::placeholder`] with the article; when it nears the
//! viewport send [`Backend::list_request`], feed the answer to [`Backend::parse_list`],
//! and put [`view::list`] into the `comments-list` region (retrying per
//! [`retry::Backoff`] when [`CommentsError::is_retryable`], else [`view::error_box`]).

pub mod avatar;
pub mod config;
pub mod contract;
pub mod draft;
pub mod embedded;
pub mod error;
pub mod form;
pub mod html;
pub mod isso;
pub mod listing;
pub mod loads;
#[cfg(markdown)]
pub mod markdown;
pub mod markup;
pub mod model;
pub mod own;
pub mod posting;
pub mod request;
pub mod retry;
pub mod sanitize;
pub mod text;
pub mod thread;
pub mod time;
pub mod view;
#[cfg(waline)]
pub mod waline;

pub use contract::Contract;
pub use draft::Draft;
pub use error::CommentsError;
pub use form::{FormRules, FormState};
pub use isso::Isso;
pub use model::{Comment, Cursor, NewComment, Page, Posted, Settings, Sort, ThreadRef, Votes};
pub use request::{HttpRequest, HttpResponse, Method};
pub use retry::Backoff;
pub use sanitize::Untrusted;
pub use text::CommentsText;
#[cfg(waline)]
pub use waline::Waline;

/// A comment server, seen as pure translation: requests out, parsed answers in.
///
/// Implemented by [`Isso`], [`Contract`] and `Waline`. (The JS-callbacks backend lives at the edge,
/// because calling the host page is its I/O.) Listing and posting are required; what else a
/// server can do it declares with the optional requests below (`None`: it cannot), and the
/// comment section draws a control only for what its server does. A new backend is one
/// module implementing this trait plus its line in [`config`]'s registry.
///
/// ```
/// use folio::comments::{Backend, HttpResponse, Isso, Sort, ThreadRef};
/// let isso = Isso::new("https://comments.example");
/// let req = isso.list_request(&ThreadRef::new("/story/"), Sort::Newest, None);
/// assert_eq!(req.url, "https://comments.example/?uri=%2Fstory%2F&sort=newest&limit=20&nested_limit=5");
/// let page = isso.parse_list(Sort::Oldest, None, &HttpResponse::new(404, "")).unwrap();
/// assert!(page.comments.is_empty());
/// ```
pub trait Backend {
    /// The request for one page of a thread; `cursor` is the previous page's `next`.
    fn list_request(&self, thread: &ThreadRef, sort: Sort, cursor: Option<&Cursor>) -> HttpRequest;
    /// Reads a list answer. `sort` and `cursor` are the ones the request was built with
    /// (Isso needs the cursor to place the next page; Waline's pages come out of order).
    fn parse_list(&self, sort: Sort, cursor: Option<&Cursor>, resp: &HttpResponse) -> Result<Page, CommentsError>;
    /// The request that posts a new comment.
    fn post_request(&self, comment: &NewComment) -> HttpRequest;
    /// Reads the answer to a post.
    fn parse_post(&self, resp: &HttpResponse) -> Result<Posted, CommentsError>;
    /// The request that shows whether a post that may have reached the server although
    /// no answer said so ([`Pending`](draft::Pending)) is stored, for a server that would
    /// store it twice if it came again; `None` when sending it again is safe (the JSON
    /// contract's `Idempotency-Key`).
    fn lookup_request(&self, _comment: &NewComment) -> Option<HttpRequest> {
        None
    }
    /// Reads [`Backend::lookup_request`]'s answer: the id of the stored comment that is
    /// `comment`, first sent at `since` (Unix seconds), when the thread holds it.
    fn parse_lookup(
        &self,
        _comment: &NewComment,
        _since: u64,
        _resp: &HttpResponse,
    ) -> Result<Option<String>, CommentsError> {
        Ok(None)
    }
    /// The request for every reply of comment `id`, where a list answer left some out (a
    /// comment's `hidden_replies`; "Show N more replies" sends it). Its answer has a
    /// list's shape and is read by [`Backend::parse_list`] (the replies are the page's
    /// comments). `None` when the server's lists leave no replies out.
    fn replies_request(&self, _thread: &ThreadRef, _id: &str, _sort: Sort) -> Option<HttpRequest> {
        None
    }
    /// The address of the thread's feed, which a server publishes when its settings say so
    /// ([`Settings::feed`](model::Settings::feed)); `None` when it has no such address.
    fn feed_url(&self, _thread: &ThreadRef) -> Option<String> {
        None
    }
    /// `Some(hard_wrap)` when the widget renders the comments' Markdown itself (a
    /// `client-markdown` build that asks for the authors' text): the form's preview is then
    /// drawn the same way, with no request. `None` (the default): the server renders.
    #[cfg(markdown)]
    fn markdown(&self) -> Option<bool> {
        None
    }
    /// What the server can do besides listing and posting (nothing, unless it says so).
    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }
    /// The request that likes (`up`) or dislikes comment `id`, with the reader of its
    /// answer; `None` when the server keeps no such votes. A like button is drawn where the
    /// server keeps likes ([`Capabilities::likes`]), a dislike button where its comments
    /// carry dislike counts too ([`Comment::dislikes`](model::Comment::dislikes)).
    fn vote_request(&self, _id: &str, _up: bool) -> Option<(HttpRequest, ReadVotes)> {
        None
    }
    /// The request that renders the draft `text` as the server would store it, with the
    /// reader of its answer (the HTML, untrusted); `None` when the server has no such
    /// request. The form offers it where the server's settings say so
    /// ([`Settings::preview`](model::Settings::preview)).
    fn preview_request(&self, _text: &str) -> Option<(HttpRequest, ReadPreview)> {
        None
    }
    /// The request that replaces the text of the reader's own comment `id` (`Some(text)`)
    /// or deletes it (`None`), for a while after posting, with the reader of its answer
    /// (the comment as it now is, or `None` when it is gone); `None` when the server lets
    /// readers do neither (then no Edit or Delete button is drawn).
    fn change_request(&self, _id: &str, _text: Option<&str>) -> Option<(HttpRequest, ReadChange)> {
        None
    }
}

/// What a comment server can do besides listing and posting: declared by each
/// [`Backend`], asked by the comment section, which draws a control only for what its
/// server does. The ones not yet used by any section are not listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// It keeps likes: [`Backend::vote_request`] is not `None`, and like counts are shown.
    pub likes: bool,
    /// Readers may edit and delete their own comments for a while after posting:
    /// [`Backend::change_request`] is not `None`.
    pub edit: bool,
}

/// Reads the answer to a vote ([`Backend::vote_request`]).
pub type ReadVotes = fn(&HttpResponse) -> Result<Votes, CommentsError>;

/// Reads the answer to a preview ([`Backend::preview_request`]): the HTML.
pub type ReadPreview = fn(&HttpResponse) -> Result<String, CommentsError>;

/// Reads the answer to an edit or a delete ([`Backend::change_request`]).
pub type ReadChange = fn(&HttpResponse) -> Result<Option<Comment>, CommentsError>;
