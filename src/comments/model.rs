//! The comment model every backend parses into and the view renders from: [`Comment`],
//! [`Page`], paging [`Cursor`], [`Sort`] order, and the [`NewComment`] a reader posts.
//!
//! Plain data, no behaviour beyond small helpers. `Comment::body` is UNTRUSTED: the
//! server's HTML reaches the page only through `comments::sanitize`, an author's Markdown
//! only through `comments::markdown` (which ends in the same sanitizer).

/// The longest comment text Folio lets a reader post, in characters (the form's default
/// `maxlength`; Isso itself allows 65,535).
pub const MAX_TEXT_CHARS: u32 = 10_000;

/// A comment's body as the server sent it.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Rendered HTML (Isso's default answer, the JSON contract's `html`).
    Html(String),
    /// The author's Markdown (Isso's `plain=1` answer), rendered by `comments::markdown`;
    /// `hard_wrap` as in Isso's `[markup.mistune] parameters`.
    #[cfg(markdown)]
    Markdown {
        /// The text as the author wrote it.
        text: String,
        /// Every newline inside a paragraph is a line break (Isso's default).
        hard_wrap: bool,
    },
}

impl Body {
    /// The body as the server sent it (HTML, or the author's Markdown).
    pub fn as_sent(&self) -> &str {
        match self {
            Body::Html(text) => text,
            #[cfg(markdown)]
            Body::Markdown { text, .. } => text,
        }
    }
}

impl Default for Body {
    fn default() -> Self {
        Body::Html(String::new())
    }
}

/// One comment, with its replies.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comment {
    /// The server's id (Isso's numbers are written as decimal strings).
    pub id: String,
    /// The id of the comment this one answers, `None` for a top-level comment.
    pub parent: Option<String>,
    /// The author's name as the server gave it (entities decoded), `None` = anonymous.
    pub author: Option<String>,
    /// The author's website as the server gave it; checked again before it is linked.
    pub website: Option<String>,
    /// When it was written, in Unix seconds (0 when the server did not say).
    pub created: f64,
    /// When it was last edited, in Unix seconds.
    pub modified: Option<f64>,
    /// Likes, when the backend counts them.
    pub likes: Option<i64>,
    /// Dislikes, when the backend counts them.
    pub dislikes: Option<i64>,
    /// What the server derives from the author's email or address (Isso's `hash`), compared
    /// with the page author's hashes and drawn as an identicon; never written into the page
    /// itself. UNTRUSTED.
    pub hash: Option<String>,
    /// The URL of the author's picture, when the server sends one (Isso's `gravatar_image`,
    /// the contract's `avatar`); checked like any URL before it is drawn. UNTRUSTED.
    pub avatar: Option<String>,
    /// The body. UNTRUSTED.
    pub body: Body,
    /// Held for moderation: only its author sees it.
    pub pending: bool,
    /// Deleted on the server but kept because replies refer to it (Isso mode 4).
    pub deleted: bool,
    /// Replies, in the order the server sent them.
    pub replies: Vec<Comment>,
    /// Replies the server held back (paging of nested comments).
    pub hidden_replies: u32,
    /// The reader's vote on it, cast on this page: `Some(true)` a like, `Some(false)` a
    /// dislike (its button is drawn pressed).
    pub voted: Option<bool>,
}

impl Comment {
    /// How many comments this is, counting itself and every reply below it.
    pub fn tree_size(&self) -> u32 {
        self.replies.iter().fold(1u32, |n, r| n.saturating_add(r.tree_size()))
    }
}

/// Where the next page of a list starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// A count of top-level comments already shown (Isso's `offset`).
    Offset(u32),
    /// An opaque token the server handed out (the JSON contract's `next`).
    Token(String),
}

impl Cursor {
    /// The cursor as text, for a `data-` attribute or a query parameter.
    pub fn to_param(&self) -> String {
        match self {
            Cursor::Offset(n) => crate::date::number((*n).into()),
            Cursor::Token(t) => t.clone(),
        }
    }

    /// A cursor read as a number (an offset, or a page), `start` for none or for a token
    /// that is not a number.
    pub fn number(cursor: Option<&Cursor>, start: u32) -> u32 {
        match cursor {
            Some(Cursor::Offset(n)) => *n,
            Some(Cursor::Token(t)) => crate::date::parse_number(t, 10).unwrap_or(start),
            None => start,
        }
    }
}

/// One page of a thread's comments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Comments in the whole thread, replies included (for the heading).
    pub total: u32,
    /// Top-level comments of this page, replies nested inside.
    pub comments: Vec<Comment>,
    /// Where the next page starts, `None` on the last page.
    pub next: Option<Cursor>,
    /// What the server says its form and thread allow, when its answer says it.
    pub settings: Option<Settings>,
}

/// The server's settings for the form and the thread: Isso's `config` member of a list
/// answer (the same as its `GET /config`), the JSON contract's `settings`. Each is off
/// when the server does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    /// A name is required (Isso's `require-author`, the contract's `requireName`).
    pub require_name: bool,
    /// An email is required (`require-email`, `requireEmail`).
    pub require_email: bool,
    /// Readers may not reply to their own comments while they can still edit them (Isso's
    /// `reply-to-self: false`, the contract's `replyToSelf: false`): the server refuses it.
    pub no_self_replies: bool,
    /// Readers who give an email may ask to be told of replies by email (Isso's
    /// `reply-notifications`, the contract's `replyNotifications`).
    pub notifications: bool,
    /// The server publishes a feed of the thread ([`Backend::feed_url`](super::Backend::feed_url)).
    pub feed: bool,
    /// The server renders a draft as it would store it ([`Backend::preview_request`](super::Backend::preview_request)):
    /// the form has a Preview toggle (Isso always; the contract's `preview: true`).
    pub preview: bool,
}

impl Settings {
    /// Reads `object`'s flags named, in order, `require_name`, `require_email`, a reply to
    /// oneself (allowed unless `false`), `notifications`, `feed` and `preview`; anything
    /// but `true` (or `false` for the reply) leaves a flag off.
    pub fn read(object: &crate::json::Value, names: [&str; 6]) -> Settings {
        let is =
            |i: usize, value: bool| matches!(object.get(names[i]), Some(crate::json::Value::Bool(b)) if *b == value);
        Settings {
            require_name: is(0, true),
            require_email: is(1, true),
            no_self_replies: is(2, false),
            notifications: is(3, true),
            feed: is(4, true),
            preview: is(5, true),
        }
    }
}

/// The order of top-level comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Oldest first (the default: conversations read top to bottom).
    #[default]
    Oldest,
    /// Newest first.
    Newest,
    /// Most liked first.
    Top,
}

impl Sort {
    /// All orders, in the order the sort control lists them.
    pub const ALL: [Sort; 3] = [Sort::Oldest, Sort::Newest, Sort::Top];

    /// The value used by the sort control and the JSON contract: `oldest`, `newest`, `top`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Oldest => "oldest",
            Sort::Newest => "newest",
            Sort::Top => "top",
        }
    }

    /// Reads [`Sort::as_str`]'s values back (`None` for anything else).
    pub fn parse(s: &str) -> Option<Sort> {
        match s {
            "oldest" => Some(Sort::Oldest),
            "newest" => Some(Sort::Newest),
            "top" => Some(Sort::Top),
            _ => None,
        }
    }
}

/// A comment a reader is posting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewComment {
    /// The comment text as typed (the server renders it).
    pub text: String,
    /// The author's name; blank = anonymous.
    pub author: String,
    /// The author's email; blank = none. Never shown by Folio.
    pub email: String,
    /// The author's website; blank = none.
    pub website: String,
    /// The id of the comment being answered.
    pub parent: Option<String>,
    /// The article's title (Isso stores it when the thread is new).
    pub title: String,
    /// The thread: the article's URI (Isso) or thread id (contract).
    pub uri: String,
    /// The same on every attempt of one post (see [`Pending`](super::draft::Pending)): the
    /// JSON contract's `Idempotency-Key`.
    pub key: Option<String>,
    /// Tell the author of replies by email (sent only with an email).
    pub notify: bool,
}

/// Which thread a request is about.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ThreadRef {
    /// The thread's URI (Isso: usually the article's path) or id (contract).
    pub uri: String,
}

impl ThreadRef {
    /// A thread reference.
    pub fn new(uri: impl Into<String>) -> Self {
        ThreadRef { uri: uri.into() }
    }
}

/// A comment the server accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Posted {
    /// The stored comment (as the server rendered it).
    pub comment: Comment,
    /// Held for moderation rather than published.
    pub pending: bool,
}

/// New vote counts after a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Votes {
    /// Likes now.
    pub likes: i64,
    /// Dislikes now.
    pub dislikes: i64,
}

/// Forgets the like and dislike counts of `list` and of all their replies: no vote button
/// is drawn for a backend that has no vote endpoint.
pub fn strip_likes(list: &mut [Comment]) {
    for c in list {
        c.likes = None;
        c.dislikes = None;
        strip_likes(&mut c.replies);
    }
}

/// A plain comment for unit tests: its id as its HTML body, no replies.
#[cfg(test)]
pub(crate) fn sample(id: &str, parent: Option<&str>) -> Comment {
    Comment {
        id: id.into(),
        parent: parent.map(Into::into),
        author: None,
        website: None,
        created: 0.0,
        modified: None,
        likes: None,
        dislikes: None,
        hash: None,
        avatar: None,
        body: Body::Html(id.into()),
        pending: false,
        deleted: false,
        replies: Vec::new(),
        hidden_replies: 0,
        voted: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_round_trips() {
        for s in Sort::ALL {
            assert_eq!(Sort::parse(s.as_str()), Some(s));
        }
        assert_eq!(Sort::parse("asc"), None);
    }

    #[test]
    fn tree_size_counts_replies() {
        let leaf = Comment { id: "2".into(), ..Comment::default() };
        let c = Comment {
            id: "1".into(),
            replies: vec![leaf.clone(), Comment { replies: vec![leaf], ..Comment::default() }],
            ..Comment::default()
        };
        assert_eq!(c.tree_size(), 4);
    }
}
